from __future__ import annotations


def test_session_creates_and_undoes_annotation(session):
    doc_id = session.library.documents.summaries()[0].id
    annotation = session.create_annotation(doc_id, 0, 7, tags=["quote"])
    assert session.library.annotations.get(annotation.id).quote == "Russian"
    session.undo_stack.undo()
    assert session.library.annotations.count() == 0
    session.undo_stack.redo()
    assert session.library.annotations.get(annotation.id).tags == ("quote",)
