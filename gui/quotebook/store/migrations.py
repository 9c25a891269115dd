"""Schema migrations, one function per version.

`MIGRATIONS[n]` takes a library from version n-1 to n. Each runs inside the transaction opened by
`database.connect`, so a failed upgrade leaves the file as it was. A meta-test checks that every
version here has a test of its own.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def _run(db: sqlite_utils.Database, statements: list[str]) -> None:
    # executescript() would commit the surrounding transaction, so statements run one by one.
    for statement in statements:
        db.execute(statement)


def _v1_initial(db: sqlite_utils.Database) -> None:
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


def _v2_notes_and_orphans(db: sqlite_utils.Database) -> None:
    """Free-form notes on a document, and a flag for annotations whose quote was lost."""
    _run(
        db,
        [
            "ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0",
        ],
    )


MIGRATIONS: dict[int, Migration] = {
    1: _v1_initial,
    2: _v2_notes_and_orphans,
}
SCHEMA_VERSION = max(MIGRATIONS)
