"""The sample library a new library opens on: the seed articles with their catalogue details.

Only the app seeds, and only once per library file (a mark in the library's meta table), so a
user who deletes the samples does not get them back.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quotebook.resources import seeds_dir
from quotebook.store import Library


def needs_seeding(library: Library) -> bool:
    return not library.is_seeded


def seed_library(library: Library, folder: Path | None = None) -> list[int]:
    """Import the seed documents into their own folder; returns the new document ids."""
    # Imported here, not at the top: every start checks `needs_seeding`, but only the first
    # start of a library seeds, and the importers pull in charset detection.
    import json

    from quotebook.importers.text import import_text

    folder = folder or seeds_dir()
    catalogue = json.loads((folder / "library.json").read_text(encoding="utf-8"))
    target = library.folders.create(catalogue["folder"])
    ids = []
    for entry in catalogue["documents"]:
        new = import_text(folder / entry["file"])
        meta = replace(
            new.meta,
            title=entry["title"],
            outlet=entry.get("outlet", ""),
            author=entry.get("author", ""),
            published=entry.get("published", ""),
            language=entry.get("language", ""),
            source_path=entry["file"],
            notes=f"Source: {entry['source']}" if entry.get("source") else "",
        )
        ids.append(library.documents.add(replace(new, meta=meta), folder_id=target.id).id)
    library.mark_seeded()
    return ids
