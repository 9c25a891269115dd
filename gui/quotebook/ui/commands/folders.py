"""Undo commands for the library's folders: create, rename, move, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotebook.store import Library
from quotebook.ui.commands.base import StoreCommand
from quotebook.ui.session_events import SessionEvents
from quotebook.wording import shortened

if TYPE_CHECKING:
    from quotebook.store.records import DeletedFolder


class CreateFolder(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, name: str, parent_id: int | None = None
    ) -> None:
        super().__init__(f"New folder “{shortened(name)}”", library, events)
        self._name = name
        self._parent_id = parent_id
        self.folder_id: int | None = None
        self._deleted: DeletedFolder | None = None

    def apply(self) -> None:
        if self._deleted is None:
            self.folder_id = self.library.folders.create(self._name, self._parent_id).id
        else:
            self.library.folders.restore(self._deleted)
        self.events.documents_changed()

    def revert(self) -> None:
        assert self.folder_id is not None
        self._deleted = self.library.folders.delete(self.folder_id)
        self.events.documents_changed()


class RenameFolder(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, folder_id: int, name: str) -> None:
        super().__init__(f"Rename folder “{shortened(name)}”", library, events)
        self.folder_id = folder_id
        self._old = library.folders.get(folder_id).name
        self._new = name

    def apply(self) -> None:
        self.library.folders.rename(self.folder_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.folders.rename(self.folder_id, self._old)
        self.events.documents_changed()


class MoveFolder(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, folder_id: int, parent_id: int | None
    ) -> None:
        super().__init__("Move folder", library, events)
        self.folder_id = folder_id
        self._old = library.folders.get(folder_id).parent_id
        self._new = parent_id

    def apply(self) -> None:
        self.library.folders.move(self.folder_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.folders.move(self.folder_id, self._old)
        self.events.documents_changed()


class DeleteFolder(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, folder_id: int) -> None:
        name = library.folders.get(folder_id).name
        super().__init__(f"Delete folder “{shortened(name)}”", library, events)
        self.folder_id = folder_id
        self._deleted: DeletedFolder | None = None

    def apply(self) -> None:
        self._deleted = self.library.folders.delete(self.folder_id)
        for document in self._deleted.documents:
            self.events.document_removed(document.document.id)
        self.events.documents_changed()
        self.events.tags_changed()

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.folders.restore(self._deleted)
        self.events.documents_changed()
        self.events.tags_changed()
