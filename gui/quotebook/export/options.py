"""What an export takes: the documents with their annotations, and the user's choices.

These are plain values so that the CLI, the dialog and the tests build them the same way, and so
that no exporter needs the library: `collect_items` reads the store once, the exporters only
format what they are handed.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from quotebook.domain import Annotation, Document

Format = Literal["pdf", "md", "csv", "json", "html", "qdpx", "qdc"]
PageSizeName = Literal["a4", "letter"]
NoteLayout = Literal["margin", "end"]

FORMATS: tuple[Format, ...] = ("pdf", "md", "csv", "json", "html", "qdpx", "qdc")
# Formats for other QDA programs (REFI-QDA): they carry the code book, so they need the library's
# tags and folders besides the items (`collect_project`).
PROJECT_FORMATS: tuple[Format, ...] = ("qdpx", "qdc")
PAGE_SIZES: tuple[PageSizeName, ...] = ("a4", "letter")
NOTE_LAYOUTS: tuple[NoteLayout, ...] = ("margin", "end")

# File-name suffix and a human name per format, for file choosers and messages.
FORMAT_SUFFIX: dict[Format, str] = {
    "pdf": ".pdf",
    "md": ".md",
    "csv": ".csv",
    "json": ".json",
    "html": ".html",
    "qdpx": ".qdpx",
    "qdc": ".qdc",
}
FORMAT_LABEL: dict[Format, str] = {
    "pdf": "PDF with highlights and PDF annotations",
    "md": "Markdown",
    "csv": "CSV (one row per annotation)",
    "json": "JSON (one object per annotation)",
    "html": "HTML with coloured highlights",
    "qdpx": "REFI-QDA Project (.qdpx)",
    "qdc": "REFI-QDA Codebook (.qdc)",
}

# Called with (done, total); returning False cancels the export. Plain callables keep the core
# free of Qt's event loop: the dialog passes a function that pumps its QProgressDialog.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ExportItem:
    """One document and the annotations to export with it, in text order.

    `furniture` is the reader view's verdict on the document (code-point ranges of page
    furniture), as the library keeps it; None when not known, and the PDF exporter works it
    out itself.
    """

    document: Document
    annotations: tuple[Annotation, ...] = ()
    furniture: tuple[tuple[int, int], ...] | None = None

    @property
    def title(self) -> str:
        return self.document.title or f"Document {self.document.id}"


@dataclass(frozen=True)
class ExportOptions:
    format: Format = "pdf"
    page_size: PageSizeName = "a4"
    notes: NoteLayout = "margin"
    quotes_section: bool = False
    # Written to each PDF annotation's /T and to the PDF's metadata; the GUI takes it from
    # its settings, the CLI from --author. Empty: the system user's name (`default_author`).
    author: str = ""
    # Native PDF annotations: each highlight is one, and by default the only place its colour
    # lives, so deleting or recolouring it in any reader leaves nothing behind.
    pdf_annotations: bool = True
    # Paint the highlights into the page as well (for readers that hide annotations); the
    # annotations then draw nothing themselves but still carry the notes. Without native
    # annotations the highlights are always painted.
    flatten: bool = False
    # Keep the page furniture that the reader view hides (menus, teasers, "Video of the day")
    # and a first line that repeats the title; by default the PDF leaves them out.
    keep_furniture: bool = False
    # A pop-up annotation per highlight; most viewers make their own, so it is off by default.
    popups: bool = False
    # Overrides the PDF title; by default a single document's title, else a summary.
    title: str = ""
    # CSV: cells exactly as stored. By default a cell that a spreadsheet would run as a formula
    # (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe.
    raw_csv: bool = False


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the CLI's report and the dialog's closing message."""

    path: Path
    format: Format
    documents: int
    annotations: int
    pages: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    codes: int = 0  # codes in a REFI-QDA project or code book


def format_for_path(path: Path, default: Format = "pdf") -> Format:
    """The format a file name asks for (``notes.md`` → md), else `default`."""
    suffix = path.suffix.lower()
    for fmt, known in FORMAT_SUFFIX.items():
        if suffix == known or (fmt == "md" and suffix == ".markdown"):
            return fmt
    if suffix == ".htm":
        return "html"
    return default


def default_author() -> str:
    """The system user's name (the full name where the system has one), for annotations."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
        full = entry.pw_gecos.split(",", 1)[0].strip()
        return full or entry.pw_name
    except (ImportError, KeyError, AttributeError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError, or KeyError/ImportError on odd systems
        return ""


def annotation_author(options: ExportOptions) -> str:
    return options.author.strip() or default_author()


def annotation_count(items: Sequence[ExportItem]) -> int:
    return sum(len(item.annotations) for item in items)
