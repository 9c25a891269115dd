"""Small helpers shared by the repositories: timestamps and row → dataclass conversion."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from quotebook.domain import Annotation, DocumentMeta, Folder, Tag

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

TAG_SEPARATOR = "\x1f"  # unit separator: cannot be typed into a tag name


# Tables whose rows undo puts back under their old ids.
_RESTORED_TABLES = frozenset({"annotations", "documents", "folders", "tags"})


def next_id(db: LibraryDatabase, table: str) -> int:
    """The id for a new row of `table`: one that no row of it has ever had.

    SQLite would give the largest id plus one, so deleting the newest row frees its id for the
    next insert, and undoing that delete (which puts the row back under its id) would then
    collide with a row another Quotebook made meanwhile. The largest id ever given is kept in
    `meta` instead. Call inside the write transaction that inserts the row.
    """
    assert table in _RESTORED_TABLES
    largest = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    kept = db.execute("SELECT value FROM meta WHERE key = ?", [_last_id_key(table)]).fetchone()
    new_id = max(int(largest), int(kept[0]) if kept else 0) + 1
    keep_last_id(db, table, new_id)
    return new_id


def keep_last_id(db: LibraryDatabase, table: str, last_id: int) -> None:
    """Record `last_id` as given out (for rows inserted with ids counted up by the caller)."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [_last_id_key(table), str(last_id)],
    )


def _last_id_key(table: str) -> str:
    return f"last_id/{table}"


def now() -> str:
    """UTC time as ISO 8601 with seconds; sortable as text."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_guid() -> str:
    """A fresh random GUID for a row other programs may refer to (see migration 6)."""
    import uuid  # only writes need it

    return str(uuid.uuid4())


def folder_from_row(row: dict[str, Any]) -> Folder:
    return Folder(
        id=row["id"],
        name=row["name"],
        parent_id=row["parent_id"],
        position=row["position"],
        guid=row.get("guid") or "",
    )


def tag_from_row(row: dict[str, Any]) -> Tag:
    return Tag(
        id=row["id"],
        name=row["name"],
        color=row["color"],
        parent_id=row["parent_id"],
        description=row["description"],
        guid=row.get("guid") or "",
    )


def meta_from_row(row: dict[str, Any]) -> DocumentMeta:
    return DocumentMeta(
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        source_url=row["source_url"],
        language=row["language"],
        original_format=row["original_format"],
        source_path=row["source_path"],
        notes=row.get("notes", ""),
    )


def annotation_from_row(row: dict[str, Any]) -> Annotation:
    tags = row.get("tag_names") or ""
    return Annotation(
        id=row["id"],
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        color=row["color"],
        note=row["note"],
        tags=tuple(sorted(tags.split(TAG_SEPARATOR), key=str.casefold)) if tags else (),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        orphaned=bool(row.get("orphaned", 0)),
        guid=row.get("guid") or "",
    )
