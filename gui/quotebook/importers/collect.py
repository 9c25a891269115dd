"""Which files an import covers: named files as given, folders searched for supported files.

A folder is walked recursively (hidden files and folders skipped, symbolic links to folders not
followed, so a link loop cannot trap the walk) and only files of a supported type are taken:
a folder of articles usually holds other things too. A file named explicitly is always taken,
so that asking for an unsupported file gets a reason instead of silence.

Each file carries the chain of folder names between the folder the user picked and the file, so
that an import can mirror the source folder in the library.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quotebook.importers import is_supported


@dataclass(frozen=True)
class ImportItem:
    """One file to import; `folders` are the names from the picked folder down to its folder."""

    path: Path
    folders: tuple[str, ...] = ()


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _walk(root: Path, recursive: bool) -> list[ImportItem]:
    items: list[ImportItem] = []
    base = root.name or str(root)
    for directory, subdirs, files in os.walk(root, followlinks=False):
        here = Path(directory)
        relative = here.relative_to(root).parts
        subdirs[:] = sorted((d for d in subdirs if not _hidden(d)), key=lambda n: (n.casefold(), n))
        if not recursive:
            subdirs.clear()
        for name in sorted(files, key=lambda n: (n.casefold(), n)):
            path = here / name
            if not _hidden(name) and is_supported(path):
                items.append(ImportItem(path, (base, *relative)))
    return items


def collect_files(paths: Iterable[Path], *, recursive: bool = True) -> list[ImportItem]:
    """The files to import for the paths a user gave, in a stable order, each once."""
    items: list[ImportItem] = []
    seen: set[Path] = set()
    for path in paths:
        found = _walk(path, recursive) if path.is_dir() else [ImportItem(path)]
        for item in found:
            key = _identity(item.path)
            if key not in seen:
                seen.add(key)
                items.append(item)
    return items


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a broken link or a loop: the path itself will fail later
        return path.absolute()
