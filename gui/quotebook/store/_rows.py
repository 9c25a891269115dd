"""Small helpers shared by the repositories: timestamps and row → dataclass conversion."""

from __future__ import annotations

import time
from typing import Any

from quotebook.domain import Annotation, DocumentMeta, Folder, Tag

TAG_SEPARATOR = "\x1f"  # unit separator: cannot be typed into a tag name


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
