"""Russian words found in their other forms, in documents and in annotations."""

from __future__ import annotations

import pytest

from quotebook.anchoring import make_anchor
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.search.query import parse_query
from quotebook.search.stemming import inflected_forms, same_word, stem, stemmable
from quotebook.store import Library

TEXT = (
    "Министр иностранных дел Сергей Лавров прибыл в Вену. Переговоры с Лавровым длились "
    "час. ОБСЕ обсуждение отложила. Лавровый лист тут ни при чём.\n"
)


@pytest.fixture
def russian(library: Library) -> Library:
    doc = library.documents.add(NewDocument(DocumentMeta(title="Вена", language="ru"), TEXT))
    start = TEXT.index("Переговоры")
    library.annotations.create(
        doc.id, make_anchor(TEXT, start, start + 10), note="Позиция Лаврова ясна"
    )
    return library


def kinds(library: Library, query: str) -> list[str]:
    return sorted(hit.kind for hit in library.search.search(query))


def test_an_inflected_name_finds_the_others(russian: Library):
    # "Лаврова" is in neither text: found through Лавров, Лавровым (document) and Лаврова (note).
    hits = russian.search.search("Лаврова")
    assert sorted(h.kind for h in hits) == ["annotation", "document"]
    document = next(h for h in hits if h.kind == "document")
    assert TEXT[document.start : document.end] == "Лавров"  # the first form in the text
    assert kinds(russian, "Лавров") == ["annotation", "document"]
    assert kinds(russian, "лаврову") == ["annotation", "document"]


def test_forms_of_nouns_are_found(russian: Library):
    assert kinds(russian, "переговоров") == ["annotation", "document"]


def test_acronyms_short_stems_and_phrases_are_searched_as_typed(russian: Library):
    assert kinds(russian, "ОБСЕ") == ["document"]
    assert inflected_forms("ОБСЕ", russian.search._vocabulary) == ["обсе"]
    assert inflected_forms("час", russian.search._vocabulary)[0] == "час"
    phrase = parse_query('"Сергей Лавров"', russian.search._forms_of)
    assert phrase.expression == '"Сергей Лавров"'
    assert parse_query("Лавр*", russian.search._forms_of).expression == '"Лавр" *'


def test_forms_are_marked_in_snippets(russian: Library):
    [hit] = [h for h in russian.search.search("Лаврова") if h.kind == "document"]
    assert "\ue000Лавров\ue001" in hit.snippet and "\ue000Лавровым\ue001" in hit.snippet


def test_what_counts_as_the_same_word():
    assert stemmable("Лаврова") and not stemmable("ОБСЕ") and not stemmable("Lavrov")
    searched = stem("Лаврова")
    assert same_word("лавров", searched) and same_word("лаврову", searched)
    assert not same_word("лавра", stem("переговоры"))
