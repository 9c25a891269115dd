"""Importers: turn a file on disk into a `NewDocument` (metadata + canonical text).

Each importer raises `ImportFailed` with a reason a person understands, and nothing else: a
damaged, hostile or mislabelled file is a reason, not a crash. For plain text the canonical text
is only decoded, stripped of a BOM and given ``\\n`` line ends, so offsets into an untouched
UTF-8 text file stay valid; richer formats store the plain text a reader sees.

Parsers for the richer formats are imported when first used, so the command line and the app
start without paying for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quotebook.domain import NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.source import DEFAULT_LIMITS, ImportLimits

Importer = Callable[[Path, ImportLimits], NewDocument]


def _text(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.text import import_text

    return import_text(path, limits)


def _markdown(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.markdown import import_markdown

    return import_markdown(path, limits)


def _html(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.webpage import import_html

    return import_html(path, limits)


def _docx(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.word import import_docx

    return import_docx(path, limits)


def _pdf(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.pdf import import_pdf

    return import_pdf(path, limits)


def _eml(path: Path, limits: ImportLimits) -> NewDocument:
    from quotebook.importers.eml import import_eml

    return import_eml(path, limits)


IMPORTERS: dict[str, Importer] = {
    ".txt": _text,
    ".text": _text,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".docx": _docx,
    ".pdf": _pdf,
    ".eml": _eml,
}

# Files that hold a whole project (documents, tags, highlights, folders) rather than one
# document: REFI-QDA projects from other QDA programs, stored by `services.project_import`.
PROJECT_SUFFIXES: tuple[str, ...] = (".qdpx",)

# Formats whose text comes from a web page, where page furniture is likely (see reader_view).
WEB_FORMATS = frozenset({"html", "eml"})


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted((*IMPORTERS, *PROJECT_SUFFIXES)))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in IMPORTERS or is_project(path)


def is_project(path: Path) -> bool:
    return path.suffix.lower() in PROJECT_SUFFIXES


def read_document(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    """Read one file with the importer for its suffix."""
    importer = IMPORTERS.get(path.suffix.lower())
    if is_project(path):
        raise ImportFailed(f"{path.name} is a project of many documents, not one document.")
    if importer is None:
        raise ImportFailed(
            f"{path.name}: files of type “{path.suffix or 'without extension'}” cannot be "
            f"imported (supported: {', '.join(supported_suffixes())})."
        )
    return importer(path, limits)


__all__ = [
    "DEFAULT_LIMITS",
    "IMPORTERS",
    "PROJECT_SUFFIXES",
    "WEB_FORMATS",
    "ImportLimits",
    "is_project",
    "is_supported",
    "read_document",
    "supported_suffixes",
]
