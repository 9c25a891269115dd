"""Schema migrations: each version has its own test, and old libraries upgrade with their data.

`tests/fixtures/library-v1.sqlite` is a version-1 library as an early Quotebook wrote it, with
one document and one tagged annotation; run this file as a script to make it again.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from quotebook.domain import DocumentMeta, FormatSpan, NewDocument
from quotebook.search.query import MARK_CLOSE, MARK_OPEN, SearchFilters
from quotebook.store import Library
from quotebook.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "library-v1.sqlite"
V1_TEXT = "Vienna talks.\n\nThe envoy said: “We will keep talking.” Лукашевич 😀 agreed."
V1_QUOTE = "We will keep talking."


def make_v1_library(path: Path) -> None:
    """A version-1 library with a document, a tag and an annotation, in one self-contained file.

    Rows go in through SQL because today's repositories write today's columns.
    """
    Library(path, target_version=1).close()
    conn = sqlite3.connect(path)
    start = V1_TEXT.index(V1_QUOTE)
    with conn:
        conn.execute("INSERT INTO folders (id, name) VALUES (1, 'Old folder')")
        conn.execute(
            """INSERT INTO documents (id, folder_id, title, outlet, published, text, sha256,
                   imported_at) VALUES (1, 1, 'Vienna talks', 'TASS', '2022-01-14', ?, 'x', ?)""",
            [V1_TEXT, "2022-01-15T10:00:00Z"],
        )
        conn.execute("INSERT INTO tags (id, name, color) VALUES (1, 'speaker', 'blue')")
        conn.execute(
            """INSERT INTO annotations (id, document_id, start, "end", quote, color, note,
                   created_at, updated_at)
               VALUES (1, 1, ?, ?, ?, 'green', 'promise kept?', ?, ?)""",
            [
                start,
                start + len(V1_QUOTE),
                V1_QUOTE,
                "2022-01-15T10:01:00Z",
                "2022-01-15T10:01:00Z",
            ],
        )
        conn.execute("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1)")
    # One file, no -wal beside it, so the fixture can be committed and copied as is.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()


@pytest.fixture
def v1_library(tmp_path: Path) -> Path:
    """A copy of the committed version-1 fixture (opening it migrates it in place)."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, path)
    return path


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


# -- one test per migration (see the meta-test at the end) ----------------------------------------


def test_migration_v1_creates_the_core_tables(tmp_path: Path):
    path = tmp_path / "v1.sqlite"
    Library(path, target_version=1).close()
    assert user_version(path) == 1
    for table in ("meta", "folders", "documents", "tags", "annotations", "annotation_tags"):
        assert columns(path, table), table
    assert "notes" not in columns(path, "documents")


def test_migration_v2_adds_notes_and_orphan_flag_keeping_rows(v1_library: Path):
    Library(v1_library, target_version=2).close()
    assert user_version(v1_library) == 2
    assert "notes" in columns(v1_library, "documents")
    assert "orphaned" in columns(v1_library, "annotations")
    conn = sqlite3.connect(v1_library)
    assert conn.execute("SELECT notes FROM documents").fetchall() == [("",)]
    assert conn.execute("SELECT orphaned, quote FROM annotations").fetchall() == [(0, V1_QUOTE)]
    conn.close()


def test_migration_v3_indexes_existing_documents_and_annotations(v1_library: Path):
    with Library(v1_library, target_version=3) as library:
        assert library.schema_version == 3
        (doc_hit,) = library.search.search("envoy")
        assert (doc_hit.kind, doc_hit.document_id) == ("document", 1)
        assert V1_TEXT[doc_hit.start : doc_hit.end] == "envoy"
        kinds = {h.kind for h in library.search.search("лукашевич")}
        assert kinds == {"document"}
        annotation_only = SearchFilters(kinds=frozenset({"annotation"}))
        (by_note,) = library.search.search("promise", annotation_only)
        (by_tag,) = library.search.search("speaker", annotation_only)
        (by_quote,) = library.search.search('"keep talking"', annotation_only)
        for hit in (by_note, by_tag, by_quote):
            assert (hit.annotation_id, hit.document_id) == (1, 1)
        assert by_tag.snippet == f"{MARK_OPEN}speaker{MARK_CLOSE}"
        assert V1_TEXT[by_note.start : by_note.end] == V1_QUOTE
        # …and the triggers work on the upgraded file, not only on new ones.
        library.annotations.set_note(1, "kept")
        assert library.search.search("promise") == []


def test_migration_v4_adds_empty_formatting_to_existing_documents(v1_library: Path):
    Library(v1_library, target_version=3).close()
    assert "formatting" not in columns(v1_library, "documents")
    with Library(v1_library, target_version=4) as library:
        assert library.schema_version == 4
        document = library.documents.get(1)
        assert (document.text, document.formatting) == (V1_TEXT, ())
    # …and the upgraded file stores formatting for new documents (today's repositories write
    # today's columns, so the file is brought up to date first).
    with Library(v1_library) as library:
        spans = (FormatSpan(0, 4, "strong"), FormatSpan(5, 9, "link", "https://example.org"))
        added = library.documents.add(NewDocument(DocumentMeta("New"), "Bold link", spans))
        assert library.documents.get(added.id).formatting == spans
    conn = sqlite3.connect(v1_library)
    assert conn.execute("SELECT formatting FROM documents WHERE id = 1").fetchall() == [("",)]
    conn.close()


def test_migration_v5_adds_furniture_unknown_for_existing_documents(v1_library: Path):
    Library(v1_library, target_version=4).close()
    assert "furniture" not in columns(v1_library, "documents")
    with Library(v1_library, target_version=5) as library:
        assert library.schema_version == 5
        assert library.documents.furniture(1, 1) is None  # worked out when first needed
        library.documents.keep_furniture(1, [(0, 6)], 1)
        assert library.documents.furniture(1, 1) == [(0, 6)]


GUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def test_migration_v6_gives_every_row_its_own_guid(v1_library: Path):
    Library(v1_library, target_version=5).close()
    assert "guid" not in columns(v1_library, "annotations")
    with Library(v1_library, target_version=6) as library:
        assert library.schema_version == 6
        guids = [
            library.folders.get(1).guid,
            library.documents.get(1).guid,
            library.tags.get(1).guid,
            library.annotations.get(1).guid,
            library.exchange.user_guid(),
        ]
    assert all(GUID_PATTERN.match(g) for g in guids), guids
    assert len(set(guids)) == len(guids)
    # Unique per table: a second row cannot take a GUID already used.
    conn = sqlite3.connect(v1_library)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO folders (name, guid) VALUES ('copy', ?)", [guids[0]])
    conn.close()
    with Library(v1_library) as library:  # opening again keeps them
        assert library.annotations.get(1).guid == guids[3]
        assert library.exchange.user_guid() == guids[4]


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def test_migration_v7_marks_an_older_library_as_quotebooks(v1_library: Path):
    Library(v1_library, target_version=6).close()
    assert application_id(v1_library) == 0  # made before libraries were marked
    with Library(v1_library, target_version=7) as library:
        assert library.schema_version == 7
        assert library.documents.get(1).text == V1_TEXT
    assert application_id(v1_library) == APPLICATION_ID


def test_upgrade_keeps_every_row(v1_library: Path):
    with Library(v1_library) as library:
        document = library.documents.get(1)
        assert (document.title, document.meta.outlet, document.folder_id) == (
            "Vienna talks",
            "TASS",
            1,
        )
        assert document.text == V1_TEXT
        (annotation,) = library.annotations.for_document(1)
        assert (annotation.quote, annotation.color, annotation.note, annotation.tags) == (
            V1_QUOTE,
            "green",
            "promise kept?",
            ("speaker",),
        )
        assert library.tags.find("speaker").color == "blue"  # type: ignore[union-attr]
        assert library.folders.get(1).name == "Old folder"


def test_upgrade_is_done_once(v1_library: Path):
    Library(v1_library).close()
    with Library(v1_library) as library:
        assert len(library.search.search("envoy")) == 1


def test_fixture_is_a_version_1_library():
    assert user_version(FIXTURE) == 1
    assert not FIXTURE.with_name(FIXTURE.name + "-wal").exists()


def test_every_migration_has_a_test():
    """Adding migration N without a ``test_migration_vN_…`` here fails the suite."""
    names = [name for name in globals() if name.startswith("test_migration_v")]
    tested = {int(name.removeprefix("test_migration_v").split("_", 1)[0]) for name in names}
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION + 1))
    assert tested >= set(MIGRATIONS), f"untested migrations: {set(MIGRATIONS) - tested}"


if __name__ == "__main__":
    FIXTURE.parent.mkdir(exist_ok=True)
    FIXTURE.unlink(missing_ok=True)
    make_v1_library(FIXTURE)
    sys.stdout.write(f"wrote {FIXTURE}\n")


def test_migration_v8_adds_the_search_vocabulary(v1_library: Path):
    Library(v1_library, target_version=7).close()
    with Library(v1_library, target_version=8) as library:
        assert library.schema_version == 8
        # The views read the index as it is: the old document's words are there at once.
        assert library.search._vocabulary("envo") == [("envoy", 1)]
