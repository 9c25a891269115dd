"""Undo commands for tags and document properties, without any widget: do, undo, redo."""

from __future__ import annotations

import pytest

from quotebook.errors import UserError
from quotebook.search.query import SearchFilters
from quotebook.services.document_properties import check_url
from quotebook.ui.session import Session

NOTES = SearchFilters(kinds=frozenset({"annotation"}))


def tag_names(session: Session) -> list[str]:
    return [t.name for t in session.library.tags.all()]


def tag_id(session: Session, name: str) -> int:
    tag = session.library.tags.find(name)
    assert tag is not None
    return tag.id


@pytest.fixture
def doc_id(session: Session) -> int:
    return session.library.documents.summaries()[0].id


def test_create_tag_with_parents_then_undo_and_redo_keep_ids(session: Session):
    session.library.tags.ensure("speaker")
    new_id = session.create_tag("speaker/Lavrov/quotes", color="blue")
    assert tag_names(session) == ["speaker", "speaker/Lavrov", "speaker/Lavrov/quotes"]
    session.undo_stack.undo()
    assert tag_names(session) == ["speaker"]
    session.undo_stack.redo()
    assert tag_id(session, "speaker/Lavrov/quotes") == new_id
    assert session.library.tags.get(new_id).color == "blue"


def test_create_tag_refuses_a_taken_name(session: Session):
    session.library.tags.ensure("Speaker")
    with pytest.raises(UserError, match="already exists"):
        session.create_tag("speaker")
    assert session.undo_stack.count() == 0


def test_descriptions_merge_into_one_step(session: Session):
    t = session.library.tags.ensure("claim").id
    session.set_tag_description(t, "A")
    session.set_tag_description(t, "A statement")
    session.set_tag_description(t, "A statement of fact")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.library.tags.get(t).description == ""
    session.undo_stack.redo()
    assert session.library.tags.get(t).description == "A statement of fact"


def test_move_tag_round_trip(session: Session, doc_id: int):
    annotation = session.create_annotation(doc_id, 0, 7, tags=["Lukashevich/quotes"])
    parent = session.library.tags.ensure("speaker").id
    emitted: list[object] = []
    session.tagsChanged.connect(lambda: emitted.append(1))
    session.move_tag(tag_id(session, "Lukashevich"), parent)
    assert emitted
    tags = lambda: session.library.annotations.get(annotation.id).tags  # noqa: E731
    assert tags() == ("speaker/Lukashevich/quotes",)
    session.undo_stack.undo()
    assert tags() == ("Lukashevich/quotes",)
    session.undo_stack.redo()
    assert tags() == ("speaker/Lukashevich/quotes",)


def test_merge_tags_round_trip(session: Session, doc_id: int):
    a = session.create_annotation(doc_id, 0, 7, tags=["people/Lavrov"])
    b = session.create_annotation(doc_id, 8, 18, tags=["speaker/Lavrov", "people"])
    before = tag_names(session), session.library.annotations.all()
    session.merge_tags(tag_id(session, "people"), tag_id(session, "speaker"))
    assert session.library.tags.find("people") is None
    assert session.library.annotations.get(a.id).tags == ("speaker/Lavrov",)
    assert session.library.annotations.get(b.id).tags == ("speaker", "speaker/Lavrov")
    assert session.library.search.search("people", NOTES) == []
    session.undo_stack.undo()
    after_undo = tag_names(session), session.library.annotations.all()
    assert [x.tags for x in after_undo[1]] == [x.tags for x in before[1]]
    assert after_undo[0] == before[0]
    assert {h.annotation_id for h in session.library.search.search("people", NOTES)} == {a.id, b.id}
    session.undo_stack.redo()
    assert session.library.tags.find("people") is None


def test_merge_into_itself_is_refused_and_not_pushed(session: Session):
    t = session.library.tags.ensure("x").id
    with pytest.raises(UserError):
        session.merge_tags(t, t)
    assert session.undo_stack.count() == 0


# -- document properties --------------------------------------------------------------------------


def test_edit_properties_is_one_undo_step(session: Session, doc_id: int):
    before = session.library.documents.get(doc_id).meta
    changed: list[object] = []
    session.documentsChanged.connect(lambda: changed.append(1))
    assert session.edit_document_properties(
        doc_id,
        {
            "title": "  New title ",
            "author": "I. Petrov",
            "published": "2021-03-04",
            "source_url": "https://example.org/a",
            "language": "en",
            "notes": "Line one\nLine two\n",
        },
    )
    meta = session.library.documents.get(doc_id).meta
    assert (meta.title, meta.author, meta.published, meta.notes) == (
        "New title",
        "I. Petrov",
        "2021-03-04",
        "Line one\nLine two",
    )
    assert changed
    assert session.undo_stack.count() == 1
    assert session.library.search.search('"new title"')[0].document_id == doc_id
    session.undo_stack.undo()
    assert session.library.documents.get(doc_id).meta == before
    session.undo_stack.redo()
    assert session.library.documents.get(doc_id).meta.author == "I. Petrov"


def test_no_change_no_step(session: Session, doc_id: int):
    title = session.library.documents.get(doc_id).title
    assert not session.edit_document_properties(doc_id, {"title": title})
    assert session.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "needs a title"),
        ("published", "14.01.2022", "YYYY-MM-DD"),
        ("published", "2022-02-30", "YYYY-MM-DD"),
        ("source_url", "example.org", "web address"),
        ("source_url", "javascript:alert(1)", "web address"),
    ],
)
def test_bad_values_are_refused(
    session: Session, doc_id: int, field: str, value: str, message: str
):
    with pytest.raises(UserError, match=message):
        session.edit_document_properties(doc_id, {field: value})
    assert session.undo_stack.count() == 0


def test_urls():
    assert check_url(" https://x.org/a?b=1 ") == "https://x.org/a?b=1"
    assert check_url("file:///home/me/a.html") == "file:///home/me/a.html"
    assert check_url("") == ""
