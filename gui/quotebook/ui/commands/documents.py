"""Undo commands for documents: rename, move, delete, and edit their catalogue details.

The text never changes here (annotation offsets point into it); replacing a text is an import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from quotebook.services.document_properties import clean_properties
from quotebook.store import Library
from quotebook.ui.commands.base import StoreCommand
from quotebook.ui.session_events import SessionEvents
from quotebook.wording import shortened

if TYPE_CHECKING:
    from quotebook.store.records import DeletedDocument


class RenameDocument(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, document_id: int, title: str
    ) -> None:
        super().__init__(f"Rename “{shortened(title)}”", library, events)
        self.document_id = document_id
        self._old = library.documents.get(document_id).title
        self._new = title

    def apply(self) -> None:
        self.library.documents.rename(self.document_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.rename(self.document_id, self._old)
        self.events.documents_changed()


class MoveDocument(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, document_id: int, folder_id: int | None
    ) -> None:
        super().__init__("Move document", library, events)
        self.document_id = document_id
        self._old = library.documents.placement(document_id)
        self._new_folder = folder_id

    def apply(self) -> None:
        self.library.documents.move(self.document_id, self._new_folder)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.move(self.document_id, *self._old)
        self.events.documents_changed()


class DeleteDocument(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, document_id: int) -> None:
        title = library.documents.get(document_id).title
        super().__init__(f"Delete “{shortened(title)}”", library, events)
        self.document_id = document_id
        self._deleted: DeletedDocument | None = None

    def apply(self) -> None:
        self._deleted = self.library.documents.delete(self.document_id)
        self.events.document_removed(self.document_id)
        self.events.documents_changed()
        self.events.tags_changed()

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.documents.restore(self._deleted)
        self.events.documents_changed()
        self.events.tags_changed()


class EditDocumentProperties(StoreCommand):
    """One undo step for every field changed in one go (e.g. one OK in the dialog)."""

    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        document_id: int,
        changes: Mapping[str, str],
    ) -> None:
        meta = library.documents.get(document_id).meta
        cleaned = clean_properties(changes)
        self.document_id = document_id
        self.new = {k: v for k, v in cleaned.items() if getattr(meta, k) != v}
        self._old = {k: getattr(meta, k) for k in self.new}
        title = self.new.get("title", meta.title)
        label = "Rename" if set(self.new) == {"title"} else "Edit properties of"
        super().__init__(f"{label} “{shortened(title)}”", library, events)

    def apply(self) -> None:
        self.library.documents.update_meta(self.document_id, **self.new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.update_meta(self.document_id, **self._old)
        self.events.documents_changed()
