"""GUIDs for exchange files: every new row gets one, and undo brings a row back with its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.store import Library

TEXT = "Лукашевич said: “We will keep talking.” 😀 Nobody else did."


def add_document(library: Library) -> int:
    return library.documents.add(NewDocument(DocumentMeta("Talks"), TEXT)).id


def test_new_rows_get_distinct_guids(library: Library):
    folder = library.folders.create("Vienna")
    doc_id = add_document(library)
    with library.documents.batch() as batch:
        second = batch.add(NewDocument(DocumentMeta("Other"), TEXT + "!"))
    annotation = library.annotations.create(
        doc_id, locate_quote(TEXT, "keep talking"), tags=["speaker/Lukashevich"]
    )
    guids = [
        folder.guid,
        library.documents.get(doc_id).guid,
        library.documents.get(second).guid,
        annotation.guid,
        *(t.guid for t in library.tags.all()),
    ]
    assert all(len(g) == 36 for g in guids)
    assert len(set(guids)) == len(guids) == 6


def test_given_guids_are_kept(library: Library):
    guid = "0b5c7f8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f"
    doc = library.documents.add(NewDocument(DocumentMeta("Talks"), TEXT), guid=guid)
    assert doc.guid == guid
    tag = library.tags.ensure("a/b", color="blue", description="why", guid=guid)
    assert (tag.guid, tag.color, tag.description) == (guid, "blue", "why")
    assert library.tags.find("a").guid not in ("", guid)  # type: ignore[union-attr]
    assert library.exchange.ids_by_guid("tags", [guid.upper()]) == {guid: tag.id}
    assert library.exchange.ids_by_guid("documents", [guid, "nothing"]) == {guid: doc.id}


def test_delete_and_restore_keep_the_guid(library: Library):
    folder = library.folders.create("Vienna")
    doc_id = library.documents.add(NewDocument(DocumentMeta("Talks"), TEXT), folder_id=folder.id).id
    annotation = library.annotations.create(doc_id, locate_quote(TEXT, "keep"), tags=["x/y"])
    document = library.documents.get(doc_id)
    tag = library.tags.find("x")
    assert tag is not None

    library.annotations.restore(library.annotations.delete(annotation.id))
    assert library.annotations.get(annotation.id).guid == annotation.guid
    library.tags.restore(library.tags.delete(tag.id))
    assert library.tags.find("x").guid == tag.guid  # type: ignore[union-attr]
    library.folders.restore(library.folders.delete(folder.id))
    assert library.folders.get(folder.id).guid == folder.guid
    assert library.documents.get(doc_id).guid == document.guid
    assert library.annotations.get(annotation.id).guid == annotation.guid


def test_merge_and_unmerge_keep_guids(library: Library):
    doc_id = add_document(library)
    library.annotations.create(doc_id, locate_quote(TEXT, "keep"), tags=["a/x", "b/x"])
    before = {t.name: t.guid for t in library.tags.all()}
    merged = library.tags.merge(library.tags.find("a").id, library.tags.find("b").id)  # type: ignore[union-attr]
    library.tags.unmerge(merged)
    assert {t.name: t.guid for t in library.tags.all()} == before


def test_rows_without_a_guid_get_one_when_asked(library_path: Path):
    with Library(library_path) as library:
        doc_id = add_document(library)
    conn = sqlite3.connect(library_path)
    with conn:
        conn.execute("UPDATE documents SET guid = NULL")
        conn.execute("DELETE FROM meta WHERE key = 'exchange_user_guid'")
    conn.close()
    with Library(library_path) as library:
        assert library.documents.get(doc_id).guid == ""
        assert library.exchange.ensure_guids() == 1
        assert library.exchange.ensure_guids() == 0
        guid = library.documents.get(doc_id).guid
        assert len(guid) == 36
        user = library.exchange.user_guid()
        assert library.exchange.user_guid() == user != guid
