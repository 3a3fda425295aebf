"""The trained decisions: linear models read as data, and what deciding does to drafts."""

from __future__ import annotations

import json
import math
import random
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from bilat.errors import LanguageDataError
from bilat.extract import extract
from bilat.extract.document import candidate_drafts
from bilat.extract.facts import name_draft
from bilat.extract.learned import (
    Decisions,
    DocContext,
    LinearModel,
    _word,
    doc_context,
    draft_features,
    load_decisions,
    read_decisions,
    role_candidates,
    role_features,
    write_decisions,
)
from bilat.extract.lexicon import load_lexicon
from bilat.extract.references import reference_mentions
from bilat.extract.syntax import sentences
from bilat.model.ids import content_hash
from bilat.model.records import Document
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions


def test_binary_model_is_a_logistic_of_the_summed_weights() -> None:
    model = LinearModel(("none", "fact"), (-1.0,), {"a": (2.0,), "b": (0.5,)})
    p = model.probabilities(["a", "b", "unknown", "a"])  # repeated and unknown features count once / not
    assert p["fact"] == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert p["none"] == pytest.approx(1 - p["fact"])


def test_multiclass_model_is_a_softmax() -> None:
    model = LinearModel(("x", "y", "z"), (0.0, 0.0, 0.0), {"f": (1.0, 0.0, -1.0)})
    p = model.probabilities(["f"])
    assert max(p, key=p.__getitem__) == "x"
    assert sum(p.values()) == pytest.approx(1.0)
    assert LinearModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def _probabilities_summed_exactly(model: LinearModel, features: list[str]) -> dict[str, float]:
    """LinearModel.probabilities written plainly: per class, the exact sum of the intercept and
    the weights of the distinct known features."""
    present = sorted(set(features))
    if len(model.classes) == 2:
        z = math.fsum([model.intercept[0], *(model.weights[f][0] for f in present if f in model.weights)])
        p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
        return {model.classes[0]: 1.0 - p, model.classes[1]: p}
    scores = [
        math.fsum([b, *(model.weights[f][i] for f in present if f in model.weights)])
        for i, b in enumerate(model.intercept)
    ]
    top = max(scores)
    e = [math.exp(v - top) for v in scores]
    return {c: v / sum(e) for c, v in zip(model.classes, e, strict=True)}


def test_probabilities_are_exact_sums_whatever_the_order_of_the_features() -> None:
    decisions = load_decisions("en") or load_decisions("fr")
    assert decisions is not None
    models = [decisions.fact, *decisions.kind.values(), *decisions.status.values()]
    models += [decisions.role] if decisions.role is not None else []
    rng = random.Random(7)
    for model in models:
        known = sorted(model.weights)
        for size in (0, 1, 5, 40, 80):
            features = [*rng.sample(known, min(size, len(known))), "unknown", "other=unknown"]
            expected = _probabilities_summed_exactly(model, features)
            for _ in range(3):
                rng.shuffle(features)
                assert model.probabilities([*features, *features[:2]]) == expected


def _decisions(fact_bias: float, threshold: float = 0.5) -> Decisions:
    """Decisions whose fact model gives every draft the probability logistic(fact_bias)."""
    fact = LinearModel(("none", "fact"), (fact_bias,), {})
    return Decisions("*", fact, {}, {}, threshold, rule_threshold=threshold)


def test_model_file_round_trip_and_bad_file(tmp_path: Path) -> None:
    decisions = _decisions(0.3)
    path = tmp_path / "decisions.json"
    write_decisions(path, decisions, ["fr", "en"])
    assert read_decisions(path) == (decisions, ["en", "fr"])
    path.write_text("{}", "utf-8")
    with pytest.raises(LanguageDataError, match="bilat train"):
        read_decisions(path)


def test_the_committed_model_covers_both_languages() -> None:
    assert load_decisions("fr") is not None and load_decisions("en") is not None
    assert load_decisions("de") is None


TEXT = (
    "Les deux pays signent un accord sur l'eau.\n"
    "Le ministre de la Culture du Kazakhstan, Aïda Balaïeva, a rencontré à Paris le directeur du "
    "musée du Louvre. Ils ont signé un mémorandum d'entente sur la restauration des manuscrits et "
    "envisagent des échanges de jeunes chercheurs."
)


@pytest.fixture(scope="module")
def drafted(nlp: Language):
    document = Document("t.txt", "t.txt", TEXT, "0" * 64, language="fr", published="2024-05-02")
    sdoc = nlp(TEXT)
    mentions = find_mentions(document, sdoc)
    lex = load_lexicon("fr")
    broad = candidate_drafts(document, sdoc, mentions, lex, [], broad=True)
    rules = candidate_drafts(document, sdoc, mentions, lex, [], broad=False)
    return document, mentions, broad, rules, sentences(sdoc, TEXT)


@pytest.mark.slow
def test_broad_words_add_drafts_to_the_rules(drafted) -> None:
    _document, _mentions, broad, rules, _sents = drafted
    assert {d.cand.start for d in rules} < {d.cand.start for d in broad}
    assert any(".broad." in d.cand.trigger.name for d in broad)


@pytest.mark.slow
def test_features_say_where_a_draft_stands(drafted) -> None:
    document, mentions, broad, _rules, sents = drafted
    ctx = doc_context(document, mentions, sents)
    headline = next(d for d in broad if d.cand.start < ctx.headline_end)
    body = next(d for d in broad if d.cand.start > ctx.headline_end)
    assert "where=headline" in draft_features(headline, ctx)
    assert "where=lead" in draft_features(body, ctx)
    assert "lang=fr" in draft_features(body, ctx)


@pytest.mark.slow
def test_role_candidates_reach_one_sentence_after_the_draft(drafted) -> None:
    """The actors of "Ils ont signé un mémorandum" are named in the sentence before; those of a
    draft may also be named in the sentence after it."""
    document, mentions, broad, _rules, sents = drafted
    ctx = doc_context(document, mentions, sents)
    headline = next(d for d in broad if d.cand.start < ctx.headline_end)  # "accord", sentence 0
    names = {m.text: m for m in role_candidates(headline, ctx)}
    minister = next(m for m in mentions if m.kind == "person")
    assert ctx.sentence_of(minister.start) == ctx.sentence_of(headline.cand.start) + 1
    assert minister.text in names
    assert "r_where=after1" in role_features(headline, names[minister.text], ctx)
    memorandum = next(d for d in broad if "mémorandum" in d.cand.text)
    assert minister.text in {m.text for m in role_candidates(memorandum, ctx)}  # the sentence before


@pytest.mark.slow
def test_actors_near_another_mention_of_a_fact_take_part_in_it(drafted) -> None:
    """A fact told twice (the headline's "accord", then the memorandum) takes its actors from
    around both mentions: here a role model that takes only actors named the sentence before."""
    document, mentions, broad, _rules, sents = drafted
    ctx = doc_context(document, mentions, sents)
    role = LinearModel(("none", "takes_part"), (-5.0,), {"r_where=before1": (10.0,)})
    decisions = Decisions("*", LinearModel(("none", "fact"), (0.0,), {}), {}, {}, 0.5, role, 0.5)
    minister = next(m for m in mentions if m.kind == "person")

    first = next(d for d in broad if d.cand.start < ctx.headline_end)
    memorandum = next(d for d in broad if "mémorandum" in d.cand.text)

    def taking_part(retold: bool) -> set[str]:
        fact = replace(first.fact, participants=[])
        headline = replace(first, fact=fact, retold=[memorandum] if retold else [])
        decisions.take_part(headline, ctx)
        return {m.text for m in headline.fact.participants}

    assert minister.text not in taking_part(retold=False)  # named the sentence after the headline
    assert minister.text in taking_part(retold=True)  # the sentence before the memorandum


@pytest.mark.slow
def test_drafts_named_late_are_named_as_drafts_named_at_once(nlp: Language, drafted) -> None:
    """The trained path names (titles, domains) only the drafts it keeps, after deciding: the
    same title and domains as a draft named when built, whatever kind the decisions give it."""
    document, mentions, named, _rules, sents = drafted
    sdoc = nlp(TEXT)
    late = candidate_drafts(document, sdoc, mentions, load_lexicon("fr"), [], True, sents, named=False)
    assert [d.fact.title for d in late] == [""] * len(named)
    for d in late:
        d.fact.kind = "other"  # as a trained kind would: the domains stay those of the trigger's kind
        name_draft(d)
    assert [(d.fact.title, d.fact.domains) for d in late] == [(d.fact.title, d.fact.domains) for d in named]
    assert all(d.naming is None for d in late)


@pytest.mark.slow
def test_the_threshold_decides_and_overlapping_drafts_keep_one(drafted) -> None:
    document, mentions, _broad, _rules, sents = drafted
    ctx = doc_context(document, mentions, sents)

    nothing = _decisions(-5.0).decide(list(drafted[2]), ctx)
    everything = _decisions(5.0).decide(list(drafted[2]), ctx)
    assert nothing == []
    assert everything and all("bilat.decisions.v1" in d.fact.rule for d in everything)
    for a in everything:  # of two drafts that would be one fact, one is kept
        for b in everything:
            if a is not b and a.fact.type == b.fact.type and not (a.attach or b.attach):
                assert a.cand.end <= b.cand.start or b.cand.end <= a.cand.start
                sa, sb = a.fact.sources[0], b.fact.sources[0]
                assert a.fact.kind != b.fact.kind or sa.end <= sb.start or sb.end <= sa.start


@pytest.mark.slow
def test_a_sentence_threshold_keeps_one_broad_draft_where_no_rule_speaks(nlp: Language, drafted) -> None:
    """Between the sentence threshold and the threshold, a broad draft is kept only when it is the
    likeliest word for a fact of its type in its sentence and no rule draft of that type is kept
    there; in another language the threshold alone decides."""
    text = TEXT + " Le Kazakhstan et la France vont construire ensemble un gazoduc et des ports."
    document = Document("t.txt", "t.txt", text, "0" * 64, language="fr", published="2024-05-02")
    sdoc = nlp(text)
    mentions = find_mentions(document, sdoc)
    broad = candidate_drafts(document, sdoc, mentions, load_lexicon("fr"), [], broad=True)
    ctx = doc_context(document, mentions, sentences(sdoc, text))
    fact = LinearModel(("none", "fact"), (0.85,), {})  # every draft: p = 0.70
    plain = Decisions("*", fact, {}, {}, 0.9, rule_threshold=0.5)
    lowered = Decisions("*", fact, {}, {}, 0.9, rule_threshold=0.5, sentence_threshold={"fr": 0.6})
    elsewhere = Decisions("*", fact, {}, {}, 0.9, rule_threshold=0.5, sentence_threshold={"en": 0.6})

    def is_broad(d) -> bool:
        return ".broad." in d.cand.trigger.name

    def key(d) -> tuple[str, int]:
        return d.fact.type, d.cand.sent.start_char

    assert not any(is_broad(d) for d in plain.decide(list(broad), ctx))
    assert not any(is_broad(d) for d in elsewhere.decide(list(broad), ctx))
    kept = lowered.decide(list(broad), ctx)
    extra = [d for d in kept if is_broad(d)]
    assert extra  # the sentences of TEXT have broad words no rule draft of their type shares
    rule_spots = {key(d) for d in kept if not is_broad(d)}
    assert all(key(d) not in rule_spots for d in extra)
    assert len({key(d) for d in extra}) == len(extra)  # one per sentence and type
    assert Decisions.from_json(json.loads(json.dumps(lowered.to_json()))) == lowered


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "framed"),
    [
        (
            "La France et le Maroc ont signé une convention afin de renforcer la coopération.",
            "renforcer",
            "aim",
        ),
        ("Un protocole visant à développer les échanges a été signé à Rabat.", "échanges", "aim"),
        ("Les deux ministres ont discuté au sujet de la liaison aérienne.", "liaison", "topic"),
        ("Ils ont renforcé la coopération en matière de formation professionnelle.", "formation", "topic"),
        ("Le ministre a présenté un rapport sur la formation des enseignants.", "formation", "topic"),
        ("Les élèves y suivent deux fois plus d'heures de formation qu'au Maroc.", "formation", "measure"),
        ("La France et le Maroc ont lancé un programme de formation des enseignants.", "formation", None),
    ],
)
def test_a_fact_word_told_as_an_aim_or_a_topic_needs_the_threshold(
    nlp: Language, text: str, word: str, framed: str | None
) -> None:
    """A fact word that is what a clause is for ("afin de renforcer"), what is discussed or
    written about ("au sujet de", "un rapport sur"), the domain of another word ("en matière
    de") or what a quantity measures ("d'heures de") is not a fact of its own unless the
    decisions are sure: it needs the threshold, not the rules' nor the sentence's lower one. A
    word told as done is not marked."""
    document = Document("t.txt", "t.txt", text, "0" * 64, language="fr", published="2024-05-02")
    sdoc = nlp(text)
    mentions = find_mentions(document, sdoc)
    drafted = [d for d in candidate_drafts(document, sdoc, mentions, load_lexicon("fr"), [], broad=True)]
    words = [d for d in drafted if word in d.cand.text]
    assert words and {d.extra.get("framed") for d in words} == {framed}
    assert (
        f"{words[0].fact.type}:{framed}"
        in " ".join(draft_features(words[0], doc_context(document, mentions)))
    ) == (framed is not None)
    fact = LinearModel(("none", "fact"), (0.85,), {})  # every draft: p = 0.70
    decisions = Decisions("*", fact, {}, {}, 0.9, rule_threshold=0.1, sentence_threshold={"fr": 0.6})
    kept = decisions.decide(list(words), doc_context(document, mentions, sentences(sdoc, text)))
    assert bool(kept) == (framed is None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "bilateral"),
    [
        (
            "Le musée d’art moderne d’Astana a ouvert ses portes. Le Kazakhstan inaugure ainsi un "
            "nouveau lieu de culture.",
            False,
        ),
        ("Le Kazakhstan et la France ont signé un accord de coopération culturelle à Astana.", True),
    ],
)
def test_the_trained_path_keeps_facts_between_two_countries(
    nlp: Language, text: str, bilateral: bool
) -> None:
    """A fact of one country alone (a museum opening at home) is no bilateral fact: the trained
    path drops it, whatever its probability; the rules alone keep it, its one country set."""
    document = Document(id="t.txt", source="t.txt", text=text, content_hash=content_hash(text), language="fr")
    sdoc = nlp(text)
    mentions = find_mentions(document, sdoc)
    args = (document, sdoc, mentions, find_country_cues(document, sdoc), boilerplate_ranges(sdoc))
    ruled = extract(*args, decisions=None).facts
    trained = extract(*args, decisions=_decisions(5.0)).facts
    assert ruled
    assert all(len(f.countries) >= 2 for f in trained)
    assert bool(trained) is bilateral


def test_words_read_from_arrays_are_those_read_from_tokens(nlp: Language, drafted) -> None:
    document, mentions, _broad, _rules, sents = drafted
    ctx = doc_context(document, mentions, sents)
    doc = sents[0].doc
    for token in doc:
        assert ctx.word(doc, token.i) == _word(token)
        content = token.pos_ in ("NOUN", "VERB", "ADJ") and not token.is_stop
        assert ctx.quote_word(doc, token.i) == (f"q={_word(token)}" if content else None)
    for sent in sents:
        tokens = [t for t in sent if not t.is_space and not t.is_punct]
        words = ctx.sentence_words(sent, TEXT)
        assert words.starts == [t.idx for t in tokens]
        assert words.words == [_word(t) for t in tokens]
    other = nlp("Un autre texte, pour un autre doc.")  # a context read with another doc reads it anew
    assert [ctx.word(other, t.i) for t in other] == [_word(t) for t in other]


@pytest.mark.slow
def test_a_vague_text_gives_its_agreement_the_kind_other(nlp: Language, drafted) -> None:
    """Where the trained choice finds "other" likelier than the word's kind by the margin, the
    agreement's kind is "other" and the evidence says why; events keep their kind; below the
    margin the word's kind stays."""
    document, mentions, _broad, _rules, sents = drafted
    sdoc = nlp(TEXT)
    ctx = doc_context(document, mentions, sents)
    fact = LinearModel(("none", "fact"), (5.0,), {})
    # "other" likelier than "worded" for every agreement draft: p(other) ~ 0.67, p(worded) ~ 0.24
    vague = LinearModel(("neither", "other", "worded"), (-1.0, 1.0, 0.0), {})

    def kinds(margin: float) -> dict[str, set[str]]:
        decisions = Decisions(
            "*", fact, {}, {}, 0.5, rule_threshold=0.5, vague={"agreement": vague}, vague_margin=margin
        )
        kept = decisions.decide(
            candidate_drafts(document, sdoc, mentions, load_lexicon("fr"), [], broad=True), ctx
        )
        out: dict[str, set[str]] = {}
        for d in kept:
            out.setdefault(d.fact.type, set()).add(d.fact.kind)
        return out

    assert kinds(0.3)["agreement"] == {"other"}
    assert "memorandum_of_understanding" in kinds(0.5)["agreement"]
    assert kinds(0.3)["event"] == kinds(0.5)["event"] and "other" not in kinds(0.3)["event"]


def test_the_vague_kind_model_round_trips(tmp_path: Path) -> None:
    vague = LinearModel(("neither", "other", "worded"), (-1.0, 1.0, 0.0), {"f": (0.0, 0.5, -0.5)})
    decisions = Decisions(
        "*",
        LinearModel(("none", "fact"), (0.0,), {}),
        {},
        {},
        0.5,
        vague={"agreement": vague},
        vague_margin=0.3,
    )
    path = tmp_path / "decisions.json"
    write_decisions(path, decisions, ["fr"])
    assert read_decisions(path)[0] == decisions


REFERENCE_TEXT = (
    "Le président français Emmanuel Laurent est arrivé lundi à Dakar.\n"
    "Un dialogue de haut niveau sur l'éducation entre la France et le Sénégal s'est ouvert mardi. "
    "Le président français y a prononcé le discours d'ouverture."
)


@pytest.mark.slow
def test_a_title_reference_near_a_draft_is_a_role_candidate(nlp: Language) -> None:
    """ "Le président français" in the sentence after the dialogue stands for Emmanuel Laurent:
    the role model reads him there, as any mention of him, and may make him take part."""
    document = Document("t.txt", "t.txt", REFERENCE_TEXT, "0" * 64, language="fr", published="2024-05-02")
    sdoc = nlp(REFERENCE_TEXT)
    mentions = find_mentions(document, sdoc)
    sents = sentences(sdoc, REFERENCE_TEXT)
    references = reference_mentions(sdoc, mentions, find_country_cues(document, sdoc), "fr")
    ctx = doc_context(document, mentions, sents, references)
    drafts = candidate_drafts(document, sdoc, mentions, load_lexicon("fr"), [], broad=True)
    dialogue = next(d for d in drafts if "dialogue" in d.cand.text)
    said = REFERENCE_TEXT.index("Le président français y")
    [reference] = [m for m in role_candidates(dialogue, ctx) if m.start == said + len("Le ")]
    assert reference.name == "Emmanuel Laurent"
    assert "r_where=after1" in role_features(dialogue, reference, ctx)

    # a role model that takes the persons named the sentence after (he is named the one before)
    role = LinearModel(("none", "takes_part"), (-5.0,), {"r_where=after1": (10.0,)})
    decisions = Decisions("*", LinearModel(("none", "fact"), (0.0,), {}), {}, {}, 0.5, role, 0.5)

    def taking_part(context: DocContext) -> list[str]:
        draft = replace(dialogue, fact=replace(dialogue.fact, participants=[]))
        decisions.take_part(draft, context)
        return [m.name for m in draft.fact.participants]

    assert taking_part(ctx) == ["Emmanuel Laurent"]
    assert taking_part(doc_context(document, mentions, sents)) == []  # without the references
