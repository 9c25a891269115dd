"""Exports: the chosen documents and their annotations as PDF, Markdown, CSV, JSON, HTML, or a
REFI-QDA project or code book for other QDA programs.

Data in, file out: nothing here uses widgets. `collect_items` reads the selection from the
library, `export` writes it atomically and reports progress.
"""

from __future__ import annotations

from quotebook.export.api import export
from quotebook.export.atomic import ExportCancelled
from quotebook.export.collect import collect_items
from quotebook.export.options import (
    FORMAT_LABEL,
    FORMAT_SUFFIX,
    FORMATS,
    NOTE_LAYOUTS,
    PAGE_SIZES,
    PROJECT_FORMATS,
    ExportItem,
    ExportOptions,
    ExportResult,
    Format,
    NoteLayout,
    PageSizeName,
    Progress,
    format_for_path,
)

__all__ = [
    "FORMATS",
    "FORMAT_LABEL",
    "FORMAT_SUFFIX",
    "NOTE_LAYOUTS",
    "PAGE_SIZES",
    "PROJECT_FORMATS",
    "ExportCancelled",
    "ExportItem",
    "ExportOptions",
    "ExportResult",
    "Format",
    "NoteLayout",
    "PageSizeName",
    "Progress",
    "collect_items",
    "export",
    "format_for_path",
]
