"""`bilat train`: the trained decisions (bilat.extract.learned) learned from annotated articles.

An annotated corpus is a gold file in the records format (../shared/spec/records.md) and the
articles it annotates, found by file name. Every article is read and parsed as `bilat ingest`
reads and parses it; the rules propose drafts (lexicon triggers and broad fact words, gates
relaxed); a draft is a positive when its trigger lies in a gold fact's source span of the same
type, with that fact's kind and status as its labels. Logistic regressions (scikit-learn) learn
the decisions; `--cv K` scores them by K-fold cross-validation with folds of whole documents,
through the whole path (extraction, resolution, store, merge, export, `bilat eval`'s scorer).
"""

from bilat.train.corpus import Article, Corpus, load_corpora
from bilat.train.fit import TrainResult, cross_validate, train

__all__ = ["Article", "Corpus", "TrainResult", "cross_validate", "load_corpora", "train"]
