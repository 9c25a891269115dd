"""Importers: turn a file on disk into a `NewDocument` (metadata + canonical text).

Each importer is pure Python and raises `ImportFailed` with a reason a person understands. The
canonical text is only decoded, stripped of a BOM and given ``\\n`` line ends, so offsets into
an untouched UTF-8 text file stay valid.
"""

from __future__ import annotations

from pathlib import Path

from quotebook.domain import NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.text import import_text

IMPORTERS = {
    ".txt": import_text,
    ".text": import_text,
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(IMPORTERS))


def read_document(path: Path) -> NewDocument:
    """Read one file with the importer for its suffix."""
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        raise ImportFailed(
            f"{path.name}: files of type “{path.suffix or 'without extension'}” cannot be "
            f"imported (supported: {', '.join(supported_suffixes())})."
        )
    return importer(path)
