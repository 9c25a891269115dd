"""One flat record per annotation, the shape shared by the CSV, JSON and Markdown exports.

Keeping the columns in one place means a spreadsheet made from the CSV and a script reading the
JSON see the same names, and a new column appears in both at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from quotebook.domain import color_hex
from quotebook.export.options import ExportItem

COLUMNS: tuple[str, ...] = (
    "document_id",
    "document_title",
    "outlet",
    "author",
    "published",
    "source_url",
    "annotation_id",
    "start",
    "end",
    "quote",
    "note",
    "tags",
    "color",
    "color_hex",
    "created_at",
    "updated_at",
)


def records(items: Sequence[ExportItem]) -> Iterator[dict[str, Any]]:
    """Rows in export order; `start`/`end` are code-point offsets into the document text."""
    for item in items:
        meta = item.document.meta
        for a in item.annotations:
            yield {
                "document_id": item.document.id,
                "document_title": item.title,
                "outlet": meta.outlet,
                "author": meta.author,
                "published": meta.published,
                "source_url": meta.source_url,
                "annotation_id": a.id,
                "start": a.start,
                "end": a.end,
                "quote": a.quote,
                "note": a.note,
                "tags": list(a.tags),
                "color": a.color,
                "color_hex": color_hex(a.color),
                "created_at": a.created_at,
                "updated_at": a.updated_at,
            }
