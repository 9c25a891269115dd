"""The sample library a new library opens on: the seed articles with their catalogue details.

Only the app seeds, and only a library that is new: never seeded (a mark in the library's meta
table) and holding no document and no folder. A user who deletes the samples does not get them
back, and a library filled with the command line is left as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotebook.resources import seeds_dir
from quotebook.store import Library


def needs_seeding(library: Library) -> bool:
    """A new library: never seeded, empty, and writable (a read-only one is left alone)."""
    return not library.read_only and not library.is_seeded and _is_empty(library)


def _is_empty(library: Library) -> bool:
    return library.documents.count() == 0 and not library.folders.all()


def seed_library(library: Library, folder: Path | None = None) -> list[int]:
    """Import the seed documents into their own folder; returns the new document ids."""
    # Imported here, not at the top: every start checks `needs_seeding`, but only the first
    # start of a library seeds, and the importers pull in charset detection.
    import json

    folder = folder or seeds_dir()
    catalogue = json.loads((folder / "library.json").read_text(encoding="utf-8"))
    # One transaction: a start that is killed half-way seeds again from scratch next time, and
    # of two programs opening a new library at once, the second finds it seeded.
    with library.documents.transaction():
        if library.is_seeded:
            return []
        return _seed(library, folder, catalogue)


def _seed(library: Library, folder: Path, catalogue: dict[str, Any]) -> list[int]:
    from quotebook.importers.text import import_text

    target = library.folders.create(catalogue["folder"])
    ids = []
    for entry in catalogue["documents"]:
        new = import_text(folder / entry["file"])
        meta = new.meta._replace(
            title=entry["title"],
            outlet=entry.get("outlet", ""),
            author=entry.get("author", ""),
            published=entry.get("published", ""),
            language=entry.get("language", ""),
            source_path=entry["file"],
            notes=f"Source: {entry['source']}" if entry.get("source") else "",
        )
        ids.append(library.documents.add(new._replace(meta=meta), folder_id=target.id).id)
    library.mark_seeded()
    return ids
