"""Schema migrations, one function per version.

`MIGRATIONS[n]` takes a library from version n-1 to n. Each runs inside the transaction opened by
`database.connect`, so a failed upgrade leaves the file as it was. A meta-test checks that every
version here has a test of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

Migration = Callable[["LibraryDatabase"], None]

# ``PRAGMA application_id`` of every library: "QBK1". It tells a Quotebook library from another
# program's SQLite file, which Quotebook refuses to open rather than filling with its tables.
APPLICATION_ID = 0x51424B31


def _run(db: LibraryDatabase, statements: list[str]) -> None:
    # executescript() would commit the surrounding transaction, so statements run one by one.
    for statement in statements:
        db.execute(statement)


def _v1_initial(db: LibraryDatabase) -> None:
    """Folders, documents, tags, annotations and their tag links."""
    _run(
        db,
        [
            """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
            """CREATE TABLE folders (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
                position INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
                position INTEGER NOT NULL DEFAULT 0,
                title TEXT NOT NULL,
                outlet TEXT NOT NULL DEFAULT '',
                author TEXT NOT NULL DEFAULT '',
                published TEXT NOT NULL DEFAULT '',
                source_url TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT '',
                original_format TEXT NOT NULL DEFAULT 'txt',
                source_path TEXT NOT NULL DEFAULT '',
                text TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                imported_at TEXT NOT NULL
            )""",
            "CREATE INDEX idx_documents_folder ON documents(folder_id)",
            "CREATE INDEX idx_documents_sha256 ON documents(sha256)",
            """CREATE TABLE tags (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                color TEXT NOT NULL DEFAULT '',
                parent_id INTEGER REFERENCES tags(id) ON DELETE SET NULL,
                description TEXT NOT NULL DEFAULT ''
            )""",
            """CREATE TABLE annotations (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                quote TEXT NOT NULL,
                prefix TEXT NOT NULL DEFAULT '',
                suffix TEXT NOT NULL DEFAULT '',
                color TEXT NOT NULL DEFAULT 'yellow',
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (start <= "end")
            )""",
            "CREATE INDEX idx_annotations_document ON annotations(document_id, start)",
            """CREATE TABLE annotation_tags (
                annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                PRIMARY KEY (annotation_id, tag_id)
            )""",
            "CREATE INDEX idx_annotation_tags_tag ON annotation_tags(tag_id)",
        ],
    )


def _v2_notes_and_orphans(db: LibraryDatabase) -> None:
    """Free-form notes on a document, and a flag for annotations whose quote was lost."""
    _run(
        db,
        [
            "ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0",
        ],
    )


# Tags of an annotation as its search index holds them: full paths, one a line.
_ANNOTATION_TAG_TEXT = """coalesce((
    SELECT group_concat(t.name, char(10)) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
    WHERE at.annotation_id = {id}
), '')"""


def _v3_full_text_search(db: LibraryDatabase) -> None:
    """Full-text indexes over documents and annotations, kept in step by triggers.

    `documents_fts` borrows its text from `documents` (external content), so the article text is
    not stored twice; `annotations_fts` holds its own copy because an annotation's tags live in
    other tables. Triggers on every table that feeds an index keep both exact whatever writes
    the rows: repositories, cascades from deleting a document or tag, or undo restoring them.
    """
    tokenizer = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
    tag_text = _ANNOTATION_TAG_TEXT
    _run(
        db,
        [
            f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
                title, text, content = 'documents', content_rowid = 'id', {tokenizer}
            )""",
            f"CREATE VIRTUAL TABLE annotations_fts USING fts5(quote, note, tags, {tokenizer})",
            # documents → documents_fts (external content: 'delete' needs the old values)
            """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
            END""",
            """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
            END""",
            """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
            END""",
            # annotations → annotations_fts
            f"""CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
                INSERT INTO annotations_fts (rowid, quote, note, tags)
                VALUES (new.id, new.quote, new.note, {tag_text.format(id="new.id")});
            END""",
            """CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
                DELETE FROM annotations_fts WHERE rowid = old.id;
            END""",
            """CREATE TRIGGER annotations_fts_update AFTER UPDATE OF quote, note ON annotations
            BEGIN
                UPDATE annotations_fts SET quote = new.quote, note = new.note
                WHERE rowid = new.id;
            END""",
            # tag links and tag names → the tags column of annotations_fts
            f"""CREATE TRIGGER annotation_tags_fts_insert AFTER INSERT ON annotation_tags BEGIN
                UPDATE annotations_fts SET tags = {tag_text.format(id="new.annotation_id")}
                WHERE rowid = new.annotation_id;
            END""",
            f"""CREATE TRIGGER annotation_tags_fts_delete AFTER DELETE ON annotation_tags BEGIN
                UPDATE annotations_fts SET tags = {tag_text.format(id="old.annotation_id")}
                WHERE rowid = old.annotation_id;
            END""",
            f"""CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
                UPDATE annotations_fts SET tags = {tag_text.format(id="annotations_fts.rowid")}
                WHERE rowid IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = new.id);
            END""",
            # Title words weigh more than body words; a tag or quote more than a note.
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)')",
            "INSERT INTO annotations_fts (annotations_fts, rank) "
            "VALUES ('rank', 'bm25(2.0, 1.0, 2.0)')",
            # fill both indexes from what the library already holds
            "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
            f"""INSERT INTO annotations_fts (rowid, quote, note, tags)
                SELECT a.id, a.quote, a.note, {tag_text.format(id="a.id")} FROM annotations a""",
        ],
    )


def _v4_document_formatting(db: LibraryDatabase) -> None:
    """How a rich source looked (headings, emphasis, links) as JSON spans over the plain text.

    A column of its own rather than markup in `text`: annotation offsets and the search index
    keep pointing into the plain text, and a document without formatting costs an empty string.
    """
    _run(db, ["ALTER TABLE documents ADD COLUMN formatting TEXT NOT NULL DEFAULT ''"])


def _v5_reader_furniture(db: LibraryDatabase) -> None:
    """Where the reader view's verdict on a document's page furniture is kept.

    Finding the furniture reads every line of the text (about 0.35 s for 1 MB), and the answer
    only changes with the text, so it is worked out once and kept: NULL until first needed, and
    set back to NULL whenever the text is replaced. A change to the reader view's rules comes
    with a migration that clears the column.
    """
    _run(db, ["ALTER TABLE documents ADD COLUMN furniture TEXT"])


# A random (version 4) UUID written by SQLite itself, so filling a column costs one statement.
# Each call of randomblob() is fresh, so every row gets its own value.
NEW_GUID_SQL = """lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)
    || '-' || hex(randomblob(6))
)"""
GUID_TABLES = ("folders", "documents", "tags", "annotations")
EXCHANGE_USER_KEY = "exchange_user_guid"


def _v6_exchange_guids(db: LibraryDatabase) -> None:
    """A GUID on every folder, document, tag and annotation, for REFI-QDA exchange files.

    Other QDA programs know a code, a source or a selection by its GUID, so the same row must
    keep the same GUID from one export to the next; a project imported twice is recognised by
    them too. Existing rows get theirs here, new rows when they are written (the repositories),
    and the library gets one for the user named in exports.
    """
    statements = []
    for table in GUID_TABLES:
        statements += [
            f"ALTER TABLE {table} ADD COLUMN guid TEXT",
            f"UPDATE {table} SET guid = {NEW_GUID_SQL}",
            f"CREATE UNIQUE INDEX idx_{table}_guid ON {table}(guid)",
        ]
    statements.append(
        f"INSERT OR IGNORE INTO meta (key, value) VALUES ('{EXCHANGE_USER_KEY}', {NEW_GUID_SQL})"
    )
    _run(db, statements)


def _v7_application_id(db: LibraryDatabase) -> None:
    """Mark the file as a Quotebook library (`APPLICATION_ID`).

    New libraries get the mark here too, as every migration runs on them. Libraries made before
    it are recognised by their tables (see `quotebook.store.opening.check_identity`).
    """
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _v8_search_vocabulary(db: LibraryDatabase) -> None:
    """Read-only views of the words each full-text index holds (FTS5's `fts5vocab`).

    Search looks a Russian word's stem up in them to find the forms the library really holds
    (Лаврова → Лавров, Лаврову), see `quotebook.search.stemming`. They store nothing: each
    reads its index as it is, so they never need filling or rebuilding.
    """
    _run(
        db,
        [
            "CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, 'row')",
            "CREATE VIRTUAL TABLE annotations_vocab USING fts5vocab(annotations_fts, 'row')",
        ],
    )


MIGRATIONS: dict[int, Migration] = {
    1: _v1_initial,
    2: _v2_notes_and_orphans,
    3: _v3_full_text_search,
    4: _v4_document_formatting,
    5: _v5_reader_furniture,
    6: _v6_exchange_guids,
    7: _v7_application_id,
    8: _v8_search_vocabulary,
}
SCHEMA_VERSION = max(MIGRATIONS)
