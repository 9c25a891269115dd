"""Marking hits in long texts in Python agrees with FTS5 where FTS5 does it itself."""

from __future__ import annotations

import pytest

from quotebook.search.marks import TermMatcher, lowered
from quotebook.search.query import MARK_CLOSE, MARK_OPEN, search_terms
from quotebook.store import Library

QUERIES = [
    "OSCE",
    "lukashevich",
    "dialog*",
    '"Permanent Representative"',
    "Vienna OR Moscow",
    "talks -nothing",
    "multilateral diplomacy",
    "pres*",
    "(osce OR vienna) talks",
    '"stray quote',
]


@pytest.mark.parametrize("query", QUERIES)
def test_first_hit_agrees_with_fts5(seeded_library: Library, query: str):
    matcher = TermMatcher(search_terms(query))
    hits = [h for h in seeded_library.search.search(query) if h.start != h.end]
    for hit in hits:
        text = seeded_library.documents.get(hit.document_id).text
        assert matcher.first(text) == (hit.start, hit.end), hit.title


def test_lowered_keeps_length():
    text = "Café, NAÏVE Ålesund — ﬁne ß İstanbul ЛУКАШЕВИЧ Ё"
    assert len(lowered(text)) == len(text)


@pytest.mark.parametrize(
    ("query", "text", "span"),
    [
        ("cafe", "At the Café Central", (7, 11)),
        ("CAFÉ", "a cafe", (2, 6)),
        ("dialog*", "no dialogues here", (3, 12)),
        ('"big deal"', "a big, deal", (2, 11)),
        ("deal", "ideal deals deal", (12, 16)),
        ("e-mail", "send e mail", (5, 11)),
        ("nothing", "something else", None),
        ("-x", "x", None),
        ("иод", "йод", None),  # Cyrillic letters keep their marks, as in the index
        ("ЙОД*", "a йодный b", (2, 8)),
        ("istanbul", "İstanbul", (0, 8)),
        ("x2", "x2_y", (0, 2)),
    ],
)
def test_first(query: str, text: str, span: tuple[int, int] | None):
    assert TermMatcher(search_terms(query)).first(text) == span


def test_snippet_marks_every_hit_in_the_window():
    text = ("lead " * 30) + "the envoy met the other envoy " + ("tail " * 40)
    matcher = TermMatcher(search_terms("envoy"))
    start, end = matcher.first(text)  # type: ignore[misc]
    snippet = matcher.snippet(text, start, end)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet.count(f"{MARK_OPEN}envoy{MARK_CLOSE}") == 2
    plain = snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").strip("…")
    assert plain in text
    assert not plain.startswith(" ")  # cut at a word boundary
