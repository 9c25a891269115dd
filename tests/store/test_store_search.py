"""Full-text search in the store: hits, offsets, snippets, and indexes that follow every write."""

from __future__ import annotations

import pytest

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.search.query import MARK_CLOSE, MARK_OPEN, SearchFilters, SearchHit
from quotebook.store import Library
from quotebook.store.search import LONG_TEXT

TEXT = (
    "Talks in Vienna\n\n"
    "The envoy said 😀 the dialogue in Vienna would go on. Café owners near the Hofburg "
    "were not impressed.\tЛукашевич заявил, что диалог продолжится."
)


def add(library: Library, text: str = TEXT, **meta: str) -> int:
    meta.setdefault("title", text.split("\n", 1)[0])
    return library.documents.add(NewDocument(DocumentMeta(**meta), text)).id


def annotate(library: Library, doc_id: int, quote: str, **kwargs: object) -> int:
    text = library.documents.get(doc_id).text
    return library.annotations.create(doc_id, locate_quote(text, quote), **kwargs).id  # type: ignore[arg-type]


def found(library: Library, query: str, **filters: object) -> list[tuple[str, int, int | None]]:
    hits = library.search.search(query, SearchFilters(**filters))  # type: ignore[arg-type]
    return sorted((h.kind, h.document_id, h.annotation_id) for h in hits)


def only(library: Library, query: str) -> SearchHit:
    hits = library.search.search(query)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("query", "matched"),
    [
        ("dialogue", "dialogue"),
        ("DIALOGUE", "dialogue"),
        ("dialog*", "dialogue"),
        ('"dialogue in Vienna"', "dialogue in Vienna"),
        ("cafe", "Café"),  # diacritics folded
        ("лукашевич", "Лукашевич"),
        ("диал*", "диалог"),
        ("hofburg OR nowhere", "Hofburg"),
        ("owners -nowhere", "owners"),
    ],
)
@pytest.mark.parametrize("long", [False, True], ids=["article", "long-text"])
def test_document_hit_offsets_cover_the_first_match(
    library: Library, query: str, matched: str, long: bool
):
    filler = "\n\nFiller words follow here, again and again." * (LONG_TEXT // 40 if long else 0)
    doc_id = add(library, TEXT + filler)
    hit = only(library, query)
    assert (hit.kind, hit.document_id, hit.annotation_id) == ("document", doc_id, None)
    text = library.documents.get(doc_id).text
    assert text[hit.start : hit.end] == matched  # code points, past an emoji and a tab
    assert f"{MARK_OPEN}{matched}{MARK_CLOSE}" in hit.snippet


def test_title_only_match_points_at_the_start(library: Library):
    add(library, "Body text only.", title="Quarterly Review")
    hit = only(library, "quarterly")
    assert (hit.start, hit.end, hit.title) == (0, 0, "Quarterly Review")


def test_no_match_and_negation_only(library: Library):
    add(library)
    assert library.search.search("zeppelin") == []
    assert library.search.search("-vienna") == []
    assert library.search.search('"') == []


def test_annotation_hits_by_quote_note_and_tag(library: Library):
    doc_id = add(library)
    a = annotate(library, doc_id, "Café owners", note="local colour", tags=["people/Owners"])
    assert ("annotation", doc_id, a) in found(library, "colour")
    assert ("annotation", doc_id, a) in found(library, "people")
    hit = next(h for h in library.search.search("colour") if h.kind == "annotation")
    assert (hit.start, hit.end) == (TEXT.index("Café"), TEXT.index("Café") + len("Café owners"))
    assert hit.snippet == f"local {MARK_OPEN}colour{MARK_CLOSE}"


def test_kinds_filter(library: Library):
    doc_id = add(library)
    annotate(library, doc_id, "dialogue")
    kinds = {h.kind for h in library.search.search("dialogue", SearchFilters(kinds=frozenset()))}
    assert kinds == set()
    only_docs = SearchFilters(kinds=frozenset({"document"}))
    assert {h.kind for h in library.search.search("dialogue", only_docs)} == {"document"}


def test_filters_by_folder_outlet_and_date(library: Library):
    top = library.folders.create("Top")
    inner = library.folders.create("Inner", top.id)
    a = add(library, outlet="TASS", published="2022-01-14")
    b = add(library, outlet="NV", published="2023-05-01")
    c = add(library, outlet="tass")
    library.documents.move(a, inner.id)
    docs = {(kind, d, None) for kind, d in [("document", a), ("document", b), ("document", c)]}
    assert set(found(library, "vienna")) == docs
    assert found(library, "vienna", folder_id=top.id) == [("document", a, None)]
    assert found(library, "vienna", outlet="TASS") == [("document", a, None), ("document", c, None)]
    assert found(library, "vienna", date_from="2023-01-01") == [("document", b, None)]
    assert found(library, "vienna", date_to="2022-01-14") == [("document", a, None)]
    assert library.search.outlets() == ["NV", "TASS", "tass"]


def test_tag_and_colour_filters(library: Library):
    a, b = add(library), add(library)
    red = annotate(library, a, "envoy", color="pink", tags=["speaker/Envoy"])
    annotate(library, b, "envoy", color="green", tags=["place"])
    assert found(library, "envoy", tag="speaker") == [("annotation", a, red), ("document", a, None)]
    assert found(library, "envoy", color="pink") == [("annotation", a, red), ("document", a, None)]
    assert found(library, "envoy", tag="speaker/envoy", color="green") == []


# -- the indexes follow every write ---------------------------------------------------------------


def test_document_edits_and_deletion_reach_the_index(library: Library):
    doc_id = add(library)
    library.documents.rename(doc_id, "Zeppelin report")
    assert found(library, "zeppelin") == [("document", doc_id, None)]
    library.documents.update_meta(doc_id, outlet="Zeppelin Weekly")  # not indexed; no change
    assert found(library, "talks") == [("document", doc_id, None)]
    deleted = library.documents.delete(doc_id)
    assert found(library, "vienna") == []
    library.documents.restore(deleted)
    assert found(library, "zeppelin") == [("document", doc_id, None)]


def test_annotation_writes_reach_the_index(library: Library):
    doc_id = add(library)
    a = annotate(library, doc_id, "envoy", tags=["alpha"])
    library.annotations.set_note(a, "remember this")
    library.annotations.set_tags(a, ["beta/gamma"])
    assert found(library, "remember") == [("annotation", doc_id, a)]
    assert found(library, "gamma") == [("annotation", doc_id, a)]
    assert found(library, "alpha") == []
    library.annotations.set_note(a, "")
    assert found(library, "remember") == []
    removed = library.annotations.delete(a)
    assert found(library, "gamma") == []
    library.annotations.restore(removed)
    assert found(library, "gamma") == [("annotation", doc_id, a)]


def test_tag_rename_delete_and_merge_reach_the_index(library: Library):
    doc_id = add(library)
    a = annotate(library, doc_id, "envoy", tags=["speaker/Envoy"])
    library.tags.rename(library.tags.find("speaker").id, "person")  # type: ignore[union-attr]
    assert found(library, "speaker") == []
    assert found(library, "person") == [("annotation", doc_id, a)]
    deleted = library.tags.delete(library.tags.find("person").id)  # type: ignore[union-attr]
    assert found(library, "person") == []
    library.tags.restore(deleted)
    assert found(library, "person") == [("annotation", doc_id, a)]
    target = library.tags.ensure("diplomat")
    library.tags.merge(library.tags.find("person/Envoy").id, target.id)  # type: ignore[union-attr]
    assert found(library, "diplomat") == [("annotation", doc_id, a)]
    assert found(library, "envoy", kinds=frozenset({"annotation"})) == [("annotation", doc_id, a)]


def test_deleting_a_document_drops_its_annotations_from_the_index(library: Library):
    doc_id = add(library)
    a = annotate(library, doc_id, "envoy", note="keepsake", tags=["t"])
    deleted = library.documents.delete(doc_id)
    assert found(library, "keepsake") == []
    library.documents.restore(deleted)
    assert found(library, "keepsake") == [("annotation", doc_id, a)]
    assert found(library, "t") == [("annotation", doc_id, a)]


def test_deleting_a_folder_drops_its_documents(library: Library):
    folder = library.folders.create("F")
    doc_id = add(library)
    library.documents.move(doc_id, folder.id)
    deleted = library.folders.delete(folder.id)
    assert found(library, "vienna") == []
    library.folders.restore(deleted)
    assert found(library, "vienna") == [("document", doc_id, None)]


def test_rebuild_gives_the_same_answers(library: Library):
    doc_id = add(library)
    a = annotate(library, doc_id, "envoy", note="keepsake", tags=["t"])
    before = library.search.search("keepsake OR vienna OR t")
    library.search.rebuild()
    assert library.search.search("keepsake OR vienna OR t") == before
    assert {h.annotation_id for h in before} == {None, a}


def test_limit_keeps_the_best(library: Library):
    for n in range(5):
        add(library, "vienna " * (n + 1) + "filler " * 40, title=f"Doc {n}")
    hits = library.search.search("vienna", limit=2)
    assert [h.title for h in hits] == ["Doc 4", "Doc 3"]
    assert hits[0].rank <= hits[1].rank
