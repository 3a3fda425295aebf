"""read_paths() / read_file(): files and folders -> Documents or Skips with a reason."""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from pathlib import Path

import pytest

from bilat.ingest import read_file, read_paths
from bilat.model.records import Document, Skip

MB = 1024 * 1024
LIMIT = 20 * MB
FRENCH = (
    "Le musée a été inauguré à Noël par la ministre.\n"
    "Deux façades restaurées, déjà ouvertes au public, accueillent l’exposition."
)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_doc(path: Path, max_bytes: int = LIMIT) -> Document:
    item = read_file(path, max_bytes)
    assert isinstance(item, Document), item
    return item


def read_skip(path: Path, max_bytes: int = LIMIT) -> Skip:
    item = read_file(path, max_bytes)
    assert isinstance(item, Skip), item
    return item


# --- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "latin-1", "cp1252"]
)
def test_decodes_encodings(tmp_path: Path, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + FRENCH.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + FRENCH.encode("utf-16-be")
    else:
        text = FRENCH if encoding != "latin-1" else FRENCH.replace("’", "'")
        data = text.encode(encoding)
    doc = read_doc(write(tmp_path / "article.txt", data))
    expected = FRENCH if encoding != "latin-1" else FRENCH.replace("’", "'")
    assert doc.text == expected
    assert doc.title == "Le musée a été inauguré à Noël par la ministre."


def test_cp1252_typography(tmp_path: Path) -> None:
    text = "« Œuvres d’art » – l’été dernier, à Noël : 50 € de billets… déjà vendus."
    doc = read_doc(write(tmp_path / "a.txt", text.encode("cp1252")))
    assert doc.text == text


def test_cyrillic_legacy_encoding(tmp_path: Path) -> None:
    text = "Министр культуры встретилась с директором музея, чтобы обсудить совместную выставку."
    doc = read_doc(write(tmp_path / "ru.txt", text.encode("cp1251")))
    assert doc.text == text
    assert doc.language == "ru"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path / "a.md", b"\xef\xbb\xbf# Titre\n\nCorps du texte."))
    assert doc.text == "# Titre\n\nCorps du texte."
    assert doc.title == "Titre"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"Texte\x00avec un NUL au milieu, comme un fichier binaire",
        bytes(b for b in random.Random(7).randbytes(4000) if b),  # noise without NUL bytes
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    assert read_skip(write(tmp_path / "image.txt", data)).reason == "binary file"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  ", "\ufeff \n".encode("utf-16")])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    skip = read_skip(write(tmp_path / "vide.txt", data))
    assert skip.reason == "empty file"
    assert skip.failed


# --- size, type, access --------------------------------------------------------------


def test_huge_sparse_file_is_skipped_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(int(23.1 * MB))  # sparse: nothing is written to disk
    skip = read_skip(path)
    assert skip.reason == "file too large (23.1 MB > 20 MB limit)"


def test_size_limit_is_exact(tmp_path: Path) -> None:
    at_limit = write(tmp_path / "a.txt", "x" * 100)
    assert isinstance(read_file(at_limit, 100), Document)
    above = write(tmp_path / "b.txt", "z" * 101)
    assert read_skip(above, 100).reason == "file too large (101 bytes > 100 bytes limit)"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("rapport.pdf", "unsupported file type .pdf"), ("LISEZMOI", "unsupported file type (no extension)")],
)
def test_unsupported_type_is_a_harmless_skip(tmp_path: Path, name: str, reason: str) -> None:
    skip = read_skip(write(tmp_path / name, b"%PDF-1.7"))
    assert skip.reason == reason
    assert skip.failed is False


def test_extension_case_is_ignored(tmp_path: Path) -> None:
    assert read_doc(write(tmp_path / "NOTE.TXT", FRENCH)).id == "NOTE.TXT"


def test_unreadable_file_gives_the_os_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", FRENCH)

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert read_skip(path).reason == "cannot read: Permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", FRENCH)
    path.chmod(0)
    try:
        assert read_skip(path).reason == "cannot read: Permission denied"
    finally:
        path.chmod(0o600)


def test_missing_path(tmp_path: Path) -> None:
    (item,) = read_paths([tmp_path / "absent.txt"], LIMIT)
    assert isinstance(item, Skip)
    assert item.reason == "no such file or folder"
    assert item.path.endswith("absent.txt")


# --- documents -------------------------------------------------------------------------


def test_text_document_fields(tmp_path: Path) -> None:
    text = (
        "\n  Paris et Nur-Sultan signent un pacte  \n\n"
        "Proposé en juillet 2020, le pacte de coopération a été signé en décembre dernier.\n"
    )
    path = write(tmp_path / "sub" / "004_pacte.txt", text.replace("\n", "\r\n"))
    doc = read_doc(path)
    assert doc.id == doc.source == "004_pacte.txt"
    assert doc.path == str(path)
    assert doc.title == "Paris et Nur-Sultan signent un pacte"
    assert doc.text == "\n  Paris et Nur-Sultan signent un pacte\n\n" + text.split("\n\n")[1]
    assert doc.content_hash == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.language == "fr"
    assert (doc.published, doc.published_basis) == ("2021", "text")


def test_markdown_title_and_text_unchanged(tmp_path: Path) -> None:
    text = "## Le Louvre formera des spécialistes\n\nUn *programme* d’échanges est prévu.\n"
    doc = read_doc(write(tmp_path / "a.md", text))
    assert doc.title == "Le Louvre formera des spécialistes"
    assert doc.text == text
    assert (doc.published, doc.published_basis) == (None, "none")


def test_same_content_same_hash(tmp_path: Path) -> None:
    a = read_doc(write(tmp_path / "a.txt", FRENCH.encode("utf-8")))
    b = read_doc(write(tmp_path / "b.txt", FRENCH.encode("utf-16")))
    assert a.content_hash == b.content_hash


# --- HTML ----------------------------------------------------------------------------

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Paris et Nur-Sultan | Le Journal des capitales</title>
<meta property="og:title" content="Paris et Nur-Sultan signent un pacte de coopération">
<meta property="article:published_time" content="2021-01-14">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Rubrique Monde</a></li></ul></nav>
<article>
<h1>Paris et Nur-Sultan signent un pacte de coopération</h1>
<p>Les deux capitales ont signé un pacte de coopération culturelle le 6 décembre 2020,
lors d’une cérémonie discrète à l’hôtel de ville. Le texte prévoit des expositions communes.</p>
<p>Selon la mairie, les premières actions commenceront au printemps, avec une semaine
consacrée au cinéma<br>et une série de concerts dans les deux villes.</p>
</article>
<footer><p>Abonnez-vous à notre lettre d’information. Tous droits réservés.</p></footer>
</body></html>"""


def test_html_article_with_metadata(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path / "pacte.html", ARTICLE_HTML))
    assert doc.title == "Paris et Nur-Sultan signent un pacte de coopération"
    assert (doc.published, doc.published_basis) == ("2021-01-14", "metadata")
    assert "pacte de coopération culturelle le 6 décembre 2020, lors d’une cérémonie" in doc.text
    assert "expositions communes.\n\nSelon la mairie" in doc.text  # paragraph break kept
    assert "consacrée au cinéma\net une série" in doc.text  # <br> is a line break
    for boilerplate in ("Accueil", "Rubrique Monde", "Abonnez-vous", "Tous droits réservés"):
        assert boilerplate not in doc.text
    assert doc.language == "fr"


def test_html_date_in_body_is_not_metadata(tmp_path: Path) -> None:
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2021-01-14">', "")
    doc = read_doc(write(tmp_path / "pacte.htm", html))
    assert (doc.published, doc.published_basis) == ("2020", "text")


def test_broken_html_still_gives_text(tmp_path: Path) -> None:
    html = (
        "<html><body><p>Le musée du Louvre formera des spécialistes kazakhs dans le cadre d’un "
        "programme d’échanges signé lors de la visite d’État du président.<div>"
        "<p>Des expositions communes et des fouilles archéologiques conjointes sont aussi prévues"
    )
    doc = read_doc(write(tmp_path / "casse.html", html))
    assert doc.text.startswith("Le musée du Louvre formera des spécialistes kazakhs")


@pytest.mark.parametrize("html", ["<html><body><div>", "<<<>>> <p", "<html><head><title>Seul titre</title>"])
def test_html_without_text(tmp_path: Path, html: str) -> None:
    assert read_skip(write(tmp_path / "vide.html", html)).reason == "no article text found in HTML"


# --- folders and streaming -----------------------------------------------------------


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    names = ["b.txt", "a/2.txt", "a/10.txt", "c.md", "d.pdf", ".cache.txt", ".git/HEAD.txt", "a/.x/y.txt"]
    for name in names:
        write(tmp_path / name, "Un texte en français, assez long pour être reconnu.")
    items = list(read_paths([tmp_path], LIMIT))
    found = [Path(item.path).relative_to(tmp_path).as_posix() for item in items if item.path]
    assert found == ["a/10.txt", "a/2.txt", "b.txt", "c.md", "d.pdf"]
    assert [type(i).__name__ for i in items] == ["Document"] * 4 + ["Skip"]


def test_explicit_files_and_folders_keep_the_given_order(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", "zzz")
    write(tmp_path / "dir" / "a.txt", "aaa")
    items = list(read_paths([str(tmp_path / "z.txt"), tmp_path / "dir"], LIMIT))
    assert [Path(i.path).name for i in items if i.path] == ["z.txt", "a.txt"]


def test_symlinked_folder_is_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.txt", "aaa")
    (tmp_path / "zlink").symlink_to(tmp_path / "real", target_is_directory=True)
    items = list(read_paths([tmp_path], LIMIT))
    assert [Path(i.path).name for i in items] == ["a.txt", "zlink"]
    assert isinstance(items[1], Skip) and items[1].failed is False


def test_ten_thousand_files_stream(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_bytes(b"note %d\n" % i)
    started = time.perf_counter()
    stream = read_paths([folder], LIMIT)
    first = next(stream)
    assert isinstance(first, Document) and first.text == "note 0\n"
    # files are read one at a time, after the previous item was handed out: a file that
    # vanishes now is reported, not silently served from memory
    (folder / "09999.txt").unlink()
    rest = list(stream)
    assert len(rest) == 9_999
    assert all(isinstance(d, Document) for d in rest[:-1])
    last = rest[-1]
    assert isinstance(last, Skip) and last.reason == "cannot read: No such file or directory"
    assert time.perf_counter() - started < 10


# --- the seed articles (third-party text, read from outside the repo) ------------------

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_seeds_read_as_the_gold_expects() -> None:
    seeds, gold = SHARED / "seeds", SHARED / "gold" / "seeds.jsonl"
    if not seeds.is_dir() or not gold.is_file():
        pytest.skip(f"seed articles not found in {SHARED} (they are third-party text, kept outside the repo)")
    docs = {d.id: d for d in read_paths([seeds], LIMIT) if isinstance(d, Document)}
    assert len(docs) == len(list(seeds.glob("*.txt"))) >= 5
    quotes = 0
    for line in gold.read_text("utf-8").splitlines():
        record = json.loads(line)
        if record.get("type") == "document":
            doc = docs[record["id"]]
            assert doc.source == record["source"] and doc.language == record["language"]
        for source in record.get("sources", []):  # gold offsets point into our normalised text
            assert docs[source["doc"]].text[source["start"] : source["end"]] == source["quote"]
            quotes += 1
    assert quotes > 0


def test_a_first_line_that_is_a_paragraph_is_no_title(tmp_path: Path) -> None:
    long_line = "Les deux villes ont signé un pacte de coopération, " * 6
    path = tmp_path / "article.txt"
    path.write_text(long_line + "\nSuite de l’article.\n", encoding="utf-8")
    doc = read_file(path, 10**6)
    assert isinstance(doc, Document) and doc.title is None
    path.write_text("Un pacte entre deux capitales\n\n" + long_line, encoding="utf-8")
    doc = read_file(path, 10**6)
    assert isinstance(doc, Document) and doc.title == "Un pacte entre deux capitales"


def test_a_folders_own_notes_are_not_articles(tmp_path: Path) -> None:
    """A corpus folder's README describes the corpus: skipped (harmlessly) inside a folder, read
    when named."""
    (tmp_path / "README.md").write_text("# Corpus\n\nForty articles about cooperation, with gold.\n", "utf-8")
    (tmp_path / "LICENSE").write_text("Texts by their authors.\n", "utf-8")
    (tmp_path / "readme_article.txt").write_text("Une visite officielle à Almaty a eu lieu hier.\n", "utf-8")
    items = list(read_paths([tmp_path], 10**6))
    skips = sorted((Path(i.path).name, i.failed) for i in items if isinstance(i, Skip))
    assert skips == [("LICENSE", False), ("README.md", False)]
    assert [d.id for d in items if not isinstance(d, Skip)] == ["readme_article.txt"]
    named = list(read_paths([tmp_path / "README.md"], 10**6))
    assert [d.id for d in named if not isinstance(d, Skip)] == ["README.md"]
