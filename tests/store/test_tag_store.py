"""Keeping tags tidy in the store: merge, move, usage counts, and putting a merge back."""

from __future__ import annotations

import pytest

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import UserError
from quotebook.store import Library
from quotebook.store.records import TagUsage

TEXT = "Alpha beta gamma delta epsilon zeta eta theta."


@pytest.fixture
def doc(library: Library) -> int:
    return library.documents.add(NewDocument(DocumentMeta("Greek"), TEXT)).id


def annotate(library: Library, doc_id: int, quote: str, *tags: str) -> int:
    return library.annotations.create(doc_id, locate_quote(TEXT, quote), tags=tags).id


def tag_id(library: Library, name: str) -> int:
    tag = library.tags.find(name)
    assert tag is not None, name
    return tag.id


def state(library: Library) -> tuple[list[tuple[int, str, int | None]], list[tuple[str, ...]]]:
    """Every tag row and every annotation's tags: what a merge and its undo must agree on."""
    tags = [(t.id, t.name, t.parent_id) for t in library.tags.all()]
    return tags, [a.tags for a in library.annotations.all()]


def test_merge_moves_links_and_removes_the_source(library: Library, doc: int):
    a = annotate(library, doc, "Alpha", "person/Lukashevich")
    b = annotate(library, doc, "beta", "speaker/Lukashevich", "person/Lukashevich")
    c = annotate(library, doc, "gamma", "person/Lavrov/quotes")
    library.tags.set_color(tag_id(library, "person"), "pink")
    library.tags.merge(tag_id(library, "person"), tag_id(library, "speaker"))
    assert library.tags.find("person") is None
    assert library.annotations.get(a).tags == ("speaker/Lukashevich",)
    assert library.annotations.get(b).tags == ("speaker/Lukashevich",)
    assert library.annotations.get(c).tags == ("speaker/Lavrov/quotes",)
    lavrov = library.tags.find("speaker/Lavrov")
    assert lavrov is not None
    assert lavrov.parent_id == tag_id(library, "speaker")
    assert library.tags.find("speaker").color == ""  # type: ignore[union-attr]  # target wins


def test_unmerge_restores_every_row(library: Library, doc: int):
    annotate(library, doc, "Alpha", "person/Lukashevich")
    annotate(library, doc, "beta", "speaker/Lukashevich", "person/Lukashevich")
    annotate(library, doc, "gamma", "person/Lavrov/quotes", "person")
    library.tags.set_description(tag_id(library, "person/Lukashevich"), "OSCE envoy")
    before = state(library)
    merged = library.tags.merge(tag_id(library, "person"), tag_id(library, "speaker"))
    assert state(library) != before
    library.tags.unmerge(merged)
    assert state(library) == before
    assert library.tags.find("person/Lukashevich").description == "OSCE envoy"  # type: ignore[union-attr]


@pytest.mark.parametrize(("source", "target"), [("a", "a"), ("a", "a/b")])
def test_merge_refuses_itself_and_its_subtree(library: Library, source: str, target: str):
    library.tags.ensure("a/b")
    with pytest.raises(UserError):
        library.tags.merge(tag_id(library, source), tag_id(library, target))


def test_move_under_another_parent_and_back_to_the_top(library: Library, doc: int):
    a = annotate(library, doc, "delta", "Lukashevich/quotes")
    library.tags.ensure("speaker")
    moved = library.tags.move(tag_id(library, "Lukashevich"), tag_id(library, "speaker"))
    assert moved.name == "speaker/Lukashevich"
    assert moved.parent_id == tag_id(library, "speaker")
    assert library.annotations.get(a).tags == ("speaker/Lukashevich/quotes",)
    top = library.tags.move(moved.id, None)
    assert (top.name, top.parent_id) == ("Lukashevich", None)


def test_move_refuses_its_own_subtree_and_name_clashes(library: Library):
    library.tags.ensure("a/b/c")
    library.tags.ensure("x/b")
    with pytest.raises(UserError, match="under itself"):
        library.tags.move(tag_id(library, "a"), tag_id(library, "a/b/c"))
    with pytest.raises(UserError, match="already exists"):
        library.tags.move(tag_id(library, "a/b"), tag_id(library, "x"))


def test_usage_counts_the_subtree(library: Library, doc: int):
    other = library.documents.add(NewDocument(DocumentMeta("Other"), TEXT)).id
    annotate(library, doc, "Alpha", "speaker/A")
    annotate(library, doc, "beta", "speaker/A", "speaker/B")
    annotate(library, other, "gamma", "speaker")
    annotate(library, other, "delta", "unrelated")
    assert library.tags.usage(tag_id(library, "speaker")) == TagUsage(3, 3, 2)
    assert library.tags.usage(tag_id(library, "speaker/B")) == TagUsage(1, 1, 1)


def test_stats_count_annotations_and_documents_per_tag(library: Library, doc: int):
    other = library.documents.add(NewDocument(DocumentMeta("Other"), TEXT)).id
    annotate(library, doc, "Alpha", "x")
    annotate(library, doc, "beta", "x")
    annotate(library, other, "gamma", "x")
    library.tags.ensure("empty")
    stats = {s.tag.name: (s.annotations, s.documents) for s in library.tags.stats()}
    assert stats == {"empty": (0, 0), "x": (3, 2)}
