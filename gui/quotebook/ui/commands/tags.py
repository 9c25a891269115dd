"""Undo commands for the codebook: create, rename, recolour, describe, move, merge, delete.

Each changes tags in the store and tells the session; annotations that carry a tag change with
it, so most also report that annotations changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from quotebook.errors import UserError
from quotebook.store import Library
from quotebook.store.tags import normalise_tag_name
from quotebook.ui.commands.base import StoreCommand
from quotebook.ui.session_events import SessionEvents
from quotebook.wording import shortened

if TYPE_CHECKING:
    from quotebook.store.records import DeletedTags, MergedTags

DESCRIPTION_MERGE_ID = 1101


class RenameTag(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int, name: str) -> None:
        super().__init__(f"Rename tag “{shortened(name)}”", library, events)
        self.tag_id = tag_id
        self._old = library.tags.get(tag_id).name
        self._new = name

    def apply(self) -> None:
        self.library.tags.rename(self.tag_id, self._new)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        self.library.tags.rename(self.tag_id, self._old)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)


class SetTagColor(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int, color: str) -> None:
        super().__init__("Tag colour", library, events)
        self.tag_id = tag_id
        self._old = library.tags.get(tag_id).color
        self._new = color

    def apply(self) -> None:
        self.library.tags.set_color(self.tag_id, self._new)
        self.events.tags_changed()

    def revert(self) -> None:
        self.library.tags.set_color(self.tag_id, self._old)
        self.events.tags_changed()


class DeleteTag(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int) -> None:
        name = library.tags.get(tag_id).name
        super().__init__(f"Delete tag “{shortened(name)}”", library, events)
        self.tag_id = tag_id
        self._deleted: DeletedTags | None = None

    def apply(self) -> None:
        self._deleted = self.library.tags.delete(self.tag_id)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.tags.restore(self._deleted)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)


class CreateTag(StoreCommand):
    """A new tag (and any missing parents); undo removes exactly what was created."""

    def __init__(
        self, library: Library, events: SessionEvents, name: str, *, color: str = ""
    ) -> None:
        self.name = normalise_tag_name(name)
        if library.tags.find(self.name) is not None:
            raise UserError(f"A tag named “{self.name}” already exists.")
        super().__init__(f"New tag “{self.name}”", library, events)
        self._color = color
        self.tag_id: int | None = None
        self._topmost_new: int | None = None  # the highest ancestor this command created
        self._deleted: DeletedTags | None = None

    def apply(self) -> None:
        if self._deleted is not None:
            self.library.tags.restore(self._deleted)  # same ids, so later commands still fit
        else:
            known = {t.name.casefold() for t in self.library.tags.all()}
            tag = self.library.tags.ensure(self.name, color=self._color)
            self.tag_id = tag.id
            parts = self.name.split("/")
            for depth in range(1, len(parts) + 1):
                path = "/".join(parts[:depth])
                if path.casefold() not in known:
                    created = self.library.tags.find(path)
                    assert created is not None
                    self._topmost_new = created.id
                    break
        self.events.tags_changed()

    def revert(self) -> None:
        assert self._topmost_new is not None
        self._deleted = self.library.tags.delete(self._topmost_new)
        self.events.tags_changed()


class SetTagDescription(StoreCommand):
    """Editing a tag's codebook entry; consecutive edits of one tag are one undo step."""

    def __init__(
        self, library: Library, events: SessionEvents, tag_id: int, description: str
    ) -> None:
        tag = library.tags.get(tag_id)
        super().__init__(f"Describe tag “{tag.name}”", library, events)
        self.tag_id = tag_id
        self._old = tag.description
        self._new = description

    def id(self) -> int:
        return DESCRIPTION_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTagDescription) or other.tag_id != self.tag_id:
            return False
        self._new = other._new
        return True

    def apply(self) -> None:
        self.library.tags.set_description(self.tag_id, self._new)
        self.events.tags_changed()

    def revert(self) -> None:
        self.library.tags.set_description(self.tag_id, self._old)
        self.events.tags_changed()


class MoveTag(StoreCommand):
    """Put a tag and its subtree under another parent (``None``: the top level)."""

    def __init__(
        self, library: Library, events: SessionEvents, tag_id: int, parent_id: int | None
    ) -> None:
        tag = library.tags.get(tag_id)
        where = library.tags.get(parent_id).name if parent_id is not None else "the top level"
        super().__init__(f"Move tag “{tag.leaf}” to {where}", library, events)
        self.tag_id = tag_id
        self._parent_id = parent_id
        self._old_name = tag.name

    def apply(self) -> None:
        self.library.tags.move(self.tag_id, self._parent_id)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        self.library.tags.rename(self.tag_id, self._old_name)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)


class MergeTags(StoreCommand):
    """Fold one tag into another; undo brings the source tag and all its links back."""

    def __init__(
        self, library: Library, events: SessionEvents, source_id: int, target_id: int
    ) -> None:
        source, target = library.tags.get(source_id), library.tags.get(target_id)
        super().__init__(f"Merge tag “{source.name}” into “{target.name}”", library, events)
        self.source_id = source_id
        self.target_id = target_id
        self._merged: MergedTags | None = None

    def apply(self) -> None:
        self._merged = self.library.tags.merge(self.source_id, self.target_id)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        assert self._merged is not None
        self.library.tags.unmerge(self._merged)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)
