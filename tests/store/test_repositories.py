"""The repository layer against a real library file."""

from __future__ import annotations

import sqlite3

import pytest

from quotebook.domain import Anchor, DocumentMeta, NewDocument
from quotebook.errors import LibraryError, NotFoundError, UserError
from quotebook.store import Library


def add_doc(library: Library, text: str = "Alpha beta gamma. Delta epsilon.", title: str = "T"):
    return library.documents.add(NewDocument(DocumentMeta(title=title, outlet="O"), text))


def test_library_file_uses_wal_and_foreign_keys(library: Library, library_path):
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    doc = add_doc(library)
    library.annotations.create(doc.id, Anchor(0, 5, "Alpha"))
    library.documents.delete(doc.id)
    assert library.annotations.count() == 0  # cascaded, so foreign keys are on


def test_document_round_trip_keeps_text_exactly(library: Library):
    text = "Emoji 😀 then\u00a0NBSP\tand a tab, Кириллица.\n"
    doc = add_doc(library, text)
    again = library.documents.get(doc.id)
    assert again.text == text
    assert again.meta.outlet == "O"
    assert len(again.sha256) == 64
    assert library.documents.find_by_sha256(again.sha256) == again


def test_annotation_tags_are_hierarchical_and_counted(library: Library):
    doc = add_doc(library)
    a = library.annotations.create(doc.id, Anchor(6, 10, "beta"), tags=["speaker/Ann", "quote"])
    assert a.tags == ("quote", "speaker/Ann")
    parent = library.tags.find("speaker")
    assert parent is not None
    assert library.tags.find("speaker/Ann").parent_id == parent.id
    counts = {c.tag.name: c.annotations for c in library.tags.counts()}
    assert counts == {"quote": 1, "speaker": 0, "speaker/Ann": 1}
    assert [x.id for x in library.annotations.with_tag("speaker")] == [a.id]
    assert library.annotations.with_tag("speak") == []


def test_for_document_is_in_text_order(library: Library):
    doc = add_doc(library)
    later = library.annotations.create(doc.id, Anchor(18, 23, "Delta"))
    earlier = library.annotations.create(doc.id, Anchor(0, 5, "Alpha"))
    assert [a.id for a in library.annotations.for_document(doc.id)] == [earlier.id, later.id]


def test_delete_and_restore_annotation_keeps_id_and_tags(library: Library):
    doc = add_doc(library)
    a = library.annotations.create(doc.id, Anchor(0, 5, "Alpha"), note="n", tags=["x"])
    gone = library.annotations.delete(a.id)
    with pytest.raises(NotFoundError):
        library.annotations.get(a.id)
    assert library.annotations.restore(gone) == a


def test_tag_rename_carries_children(library: Library):
    doc = add_doc(library)
    library.annotations.create(doc.id, Anchor(0, 5, "Alpha"), tags=["people/Ann"])
    people = library.tags.find("people")
    library.tags.rename(people.id, "speaker")
    assert library.tags.find("speaker/Ann") is not None
    assert library.annotations.all()[0].tags == ("speaker/Ann",)
    with pytest.raises(UserError):
        library.tags.rename(people.id, "speaker/Ann")


def test_tag_delete_and_restore(library: Library):
    doc = add_doc(library)
    a = library.annotations.create(doc.id, Anchor(0, 5, "Alpha"), tags=["s/A", "keep"])
    deleted = library.tags.delete(library.tags.find("s").id)
    assert library.annotations.get(a.id).tags == ("keep",)
    library.tags.restore(deleted)
    assert library.annotations.get(a.id).tags == ("keep", "s/A")


@pytest.mark.parametrize("name", ["", "  ", "a//b", "/a", "a/"])
def test_invalid_tag_names_are_refused(library: Library, name: str):
    with pytest.raises(UserError):
        library.tags.ensure(name)


def test_folder_delete_takes_subtree_and_restore_brings_it_back(library: Library):
    top = library.folders.create("Top")
    sub = library.folders.create("Sub", top.id)
    doc = add_doc(library)
    library.documents.move(doc.id, sub.id)
    library.annotations.create(doc.id, Anchor(0, 5, "Alpha"), tags=["t"])
    deleted = library.folders.delete(top.id)
    assert library.folders.all() == []
    assert library.documents.count() == 0
    library.folders.restore(deleted)
    assert {f.name for f in library.folders.all()} == {"Top", "Sub"}
    assert library.documents.get(doc.id).folder_id == sub.id
    assert library.annotations.all()[0].tags == ("t",)


def test_folder_cannot_move_into_itself(library: Library):
    top = library.folders.create("Top")
    sub = library.folders.create("Sub", top.id)
    with pytest.raises(UserError):
        library.folders.move(top.id, sub.id)


def test_every_write_is_committed_at_once(library: Library, library_path):
    doc = add_doc(library)
    library.annotations.create(doc.id, Anchor(0, 5, "Alpha"))
    other = sqlite3.connect(library_path)
    assert other.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
    other.close()


def test_failed_write_leaves_nothing(library: Library):
    doc = add_doc(library)
    with pytest.raises(sqlite3.IntegrityError):
        library.annotations.create(doc.id, Anchor(5, 0, "bad"))  # start > end
    assert library.annotations.count() == 0


def test_furniture_is_kept_until_the_text_changes(library: Library):
    doc = library.documents.add(NewDocument(DocumentMeta("Page"), "Menu\nThe article.\n"))
    assert library.documents.furniture(doc.id, 1) is None
    library.documents.keep_furniture(doc.id, [(0, 4)], 1)
    assert library.documents.furniture(doc.id, 1) == [(0, 4)]
    library.documents.keep_furniture(doc.id, [], 1)
    assert library.documents.furniture(doc.id, 1) == []  # known to have none
    library.documents.keep_furniture(doc.id, [(0, 4)], 1)
    new = NewDocument(DocumentMeta("Page"), "Another article.\n")
    library.documents.replace_text(doc.id, new, lambda annotation: None)
    assert library.documents.furniture(doc.id, 1) is None


def test_furniture_kept_under_other_rules_reads_as_unknown(library: Library):
    doc = library.documents.add(NewDocument(DocumentMeta("Page"), "Menu\nThe article.\n"))
    library.documents.keep_furniture(doc.id, [(0, 4)], 1)
    assert library.documents.furniture(doc.id, 2) is None  # the rules changed: work it out again
    library.documents.keep_furniture(doc.id, [], 2)
    assert library.documents.furniture(doc.id, 2) == []


def test_damaged_furniture_reads_as_unknown(library: Library, library_path):
    doc = library.documents.add(NewDocument(DocumentMeta("Page"), "Menu\nThe article.\n"))
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE documents SET furniture = '1|x-1 2' WHERE id = ?", [doc.id])
    conn.commit()
    conn.close()
    assert library.documents.furniture(doc.id, 1) is None


def test_furniture_of_a_missing_document_is_an_error(library: Library):
    with pytest.raises(NotFoundError):
        library.documents.furniture(9999, 1)


def test_keeping_furniture_in_a_read_only_library_is_skipped(library: Library):
    doc = library.documents.add(NewDocument(DocumentMeta("Page"), "Menu\nText.\n"))
    # SQLite refuses every write from here on, as it does on a read-only medium.
    library._db.execute("PRAGMA query_only = ON")
    with pytest.raises(LibraryError, match="cannot be written"):
        library.set_meta("probe", "1")
    library.documents.keep_furniture(doc.id, [(0, 4)], 1)  # no error: it is only a cache
    assert library.documents.furniture(doc.id, 1) is None
