"""Undo commands for highlights: create, delete, recolour, note, tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from quotebook.domain import Anchor, Annotation
from quotebook.store import Library
from quotebook.ui.commands.base import StoreCommand
from quotebook.ui.session_events import SessionEvents
from quotebook.wording import shortened

NOTE_MERGE_ID = 1001


class CreateAnnotation(StoreCommand):
    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        document_id: int,
        anchor: Anchor,
        *,
        color: str,
        tags: Sequence[str] = (),
        note: str = "",
        text_sha256: str | None = None,
    ) -> None:
        super().__init__(f"Highlight “{shortened(anchor.quote)}”", library, events)
        self.document_id = document_id
        self._anchor = anchor
        self._color = color
        self._tags = tuple(tags)
        self._note = note
        self._text_sha256 = text_sha256  # the text the anchor was taken from
        self.annotation: Annotation | None = None

    def apply(self) -> None:
        if self.annotation is None:
            self.annotation = self.library.annotations.create(
                self.document_id,
                self._anchor,
                color=self._color,
                tags=self._tags,
                note=self._note,
                text_sha256=self._text_sha256,
            )
        else:
            self.library.annotations.restore(self.annotation, text_sha256=self._text_sha256)
        self.events.annotations_changed(self.document_id, self.annotation.id)

    def revert(self) -> None:
        assert self.annotation is not None
        self.library.annotations.delete(self.annotation.id)
        self.events.annotations_changed(self.document_id, self.annotation.id)


class DeleteAnnotation(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, annotation_id: int) -> None:
        self._annotation = library.annotations.get(annotation_id)
        # Putting it back is only right on the text it was deleted from.
        self._text_sha256 = library.documents.text_hash(self._annotation.document_id)
        super().__init__(f"Delete highlight “{shortened(self._annotation.quote)}”", library, events)

    def apply(self) -> None:
        self.library.annotations.delete(self._annotation.id)
        self.events.annotations_changed(self._annotation.document_id, self._annotation.id)

    def revert(self) -> None:
        self.library.annotations.restore(self._annotation, text_sha256=self._text_sha256)
        self.events.annotations_changed(self._annotation.document_id, self._annotation.id)


class SetNote(StoreCommand):
    """Editing a note; consecutive edits of the same note merge into one undo step."""

    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, note: str
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__("Edit note", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.note
        self._new = note

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNote) or other.annotation_id != self.annotation_id:
            return False
        self._new = other._new
        return True

    def apply(self) -> None:
        self.library.annotations.set_note(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)

    def revert(self) -> None:
        self.library.annotations.set_note(self.annotation_id, self._old)
        self.events.annotations_changed(self.document_id, self.annotation_id)


class SetColor(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, color: str
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__(f"Colour {color}", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.color
        self._new = color

    @property
    def changes_nothing(self) -> bool:
        return self._old == self._new

    def apply(self) -> None:
        self.library.annotations.set_color(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)

    def revert(self) -> None:
        self.library.annotations.set_color(self.annotation_id, self._old)
        self.events.annotations_changed(self.document_id, self.annotation_id)


class SetTags(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, tags: Sequence[str]
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__("Change tags", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.tags
        self._new = tuple(tags)
        self._known_tags = {t.name for t in library.tags.all()}

    def apply(self) -> None:
        self.library.annotations.set_tags(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)
        self.events.tags_changed()

    def revert(self) -> None:
        self.library.annotations.set_tags(self.annotation_id, self._old)
        # Tags created on the fly by `apply` go again, so undo leaves the tag list as it was.
        for tag in self.library.tags.counts():
            unused_new = tag.tag.name not in self._known_tags and tag.annotations == 0
            if unused_new and self.library.tags.find(tag.tag.name) is not None:
                self.library.tags.delete(tag.tag.id)
        self.events.annotations_changed(self.document_id, self.annotation_id)
        self.events.tags_changed()
