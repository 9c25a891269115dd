"""Importing files into a library: read, de-duplicate, store; one result per file.

Shared by the CLI and the GUI. A file that fails is reported and never stops the others, and a
failed file leaves nothing behind (the store adds a document in one transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quotebook.errors import UserError
from quotebook.importers import read_document
from quotebook.store import Library, text_sha256

Status = Literal["imported", "duplicate", "failed"]


@dataclass(frozen=True)
class ImportResult:
    path: str
    status: Status
    id: int | None = None
    error: str = ""


def import_file(library: Library, path: Path, *, folder_id: int | None = None) -> ImportResult:
    try:
        new = read_document(path)
    except UserError as exc:
        return ImportResult(str(path), "failed", error=exc.message)
    existing = library.documents.find_by_sha256(text_sha256(new.text))
    if existing is not None:
        return ImportResult(
            str(path), "duplicate", existing.id, f"already in the library as “{existing.title}”"
        )
    document = library.documents.add(new, folder_id=folder_id)
    return ImportResult(str(path), "imported", document.id)


def import_files(
    library: Library,
    paths: Iterable[Path],
    *,
    folder_id: int | None = None,
    progress: Callable[[int, ImportResult], None] | None = None,
) -> list[ImportResult]:
    results = []
    for n, path in enumerate(paths, start=1):
        result = import_file(library, path, folder_id=folder_id)
        results.append(result)
        if progress is not None:
            progress(n, result)
    return results
