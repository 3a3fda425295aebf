"""published_date(): metadata first, then the text, else none."""

from __future__ import annotations

import pytest

from bilat.ingest.published import published_date

TEXT = "Proposé en juillet 2020, le pacte de coopération a été signé en décembre dernier."


@pytest.mark.parametrize(
    ("metadata", "text", "lang", "expected"),
    [
        ("2021-01-14", TEXT, "fr", ("2021-01-14", "metadata")),
        ("2021-01-14T08:00:00+01:00", "", "fr", ("2021-01-14", "metadata")),
        ("2021-01", TEXT, None, ("2021-01", "metadata")),
        (None, TEXT, "fr", ("2021", "text")),
        ("le 14 janvier", TEXT, "fr", ("2021", "text")),  # unparsable metadata is ignored
        ("2021-02-30", TEXT, "fr", ("2021", "text")),  # so is an impossible date
        (None, "Aucune date dans ce texte.", "fr", (None, "none")),
        (None, TEXT, None, (None, "none")),  # language unknown: no vocabulary to read dates with
        (None, TEXT, "xx", (None, "none")),
        (None, TEXT, "../fr", (None, "none")),
    ],
)
def test_published_date(
    metadata: str | None, text: str, lang: str | None, expected: tuple[str | None, str]
) -> None:
    assert published_date(metadata, text, lang) == expected
