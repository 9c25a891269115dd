"""What a REFI-QDA export needs besides the documents: the code book, the sets and the user.

Read from the library once, like `collect_items`, so the writers only format what they are
handed. A whole-library export carries every tag and folder; a narrower one carries the tags its
highlights use (and, for a tag export, that tag and the tags below it) and the folders its
documents sit in, each with its ancestors so that paths stay whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quotebook.domain import Folder, Tag
from quotebook.export.options import ExportItem
from quotebook.store import Library


@dataclass(frozen=True)
class ProjectSet:
    """A folder as a set: its GUID, its path from the top, and the documents directly in it."""

    guid: str
    path: tuple[str, ...]
    folder_id: int


@dataclass(frozen=True)
class ProjectData:
    user_guid: str
    tags: tuple[Tag, ...]  # in name order, so a parent comes before the tags below it
    sets: tuple[ProjectSet, ...]


def collect_project(
    library: Library,
    items: Sequence[ExportItem],
    *,
    whole_library: bool,
    tag: str | None = None,
) -> tuple[ProjectData, list[ExportItem]]:
    """The project data for `items`, and the items again (read anew if GUIDs had to be made)."""
    if library.exchange.ensure_guids():
        items = [
            ExportItem(
                library.documents.get(item.document.id),
                tuple(library.annotations.get(a.id) for a in item.annotations),
            )
            for item in items
        ]
    all_tags = library.tags.all()
    if whole_library:
        tags = all_tags
    else:
        wanted = {name.casefold() for item in items for a in item.annotations for name in a.tags}
        if tag:
            root = tag.strip().casefold()
            wanted |= {
                t.name.casefold()
                for t in all_tags
                if t.name.casefold() == root or t.name.casefold().startswith(root + "/")
            }
        wanted |= {ancestor for name in wanted for ancestor in _ancestors(name)}
        tags = [t for t in all_tags if t.name.casefold() in wanted]
    tags.sort(key=lambda t: t.name.casefold())

    folders = library.folders.all()
    by_id = {f.id: f for f in folders}
    if whole_library:
        chosen = {f.id for f in folders}
    else:
        chosen = set()
        for item in items:
            folder_id = item.document.folder_id
            while folder_id is not None and folder_id not in chosen and folder_id in by_id:
                chosen.add(folder_id)
                folder_id = by_id[folder_id].parent_id
    sets = tuple(
        ProjectSet(f.guid, _path(f, by_id), f.id)
        for f in sorted(folders, key=lambda f: [p.casefold() for p in _path(f, by_id)])
        if f.id in chosen
    )
    return ProjectData(library.exchange.user_guid(), tuple(tags), sets), list(items)


def _ancestors(name: str) -> list[str]:
    parts = name.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts))]


def _path(folder: Folder, by_id: dict[int, Folder]) -> tuple[str, ...]:
    path = [folder.name]
    seen = {folder.id}
    parent = folder.parent_id
    while parent is not None and parent in by_id and parent not in seen:
        seen.add(parent)
        path.append(by_id[parent].name)
        parent = by_id[parent].parent_id
    return tuple(reversed(path))
