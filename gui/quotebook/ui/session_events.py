"""What an undo command may tell the session after it changed the store.

A protocol, so that commands depend on this small surface rather than on the session class.
"""

from __future__ import annotations

from typing import Protocol


class SessionEvents(Protocol):
    def annotations_changed(self, document_id: int | None, annotation_id: int | None) -> None:
        """Annotations of a document changed (None: possibly of every document).

        `annotation_id` names the one annotation that was added, changed or deleted, so views
        can update just that one; None when possibly several changed.
        """

    def documents_changed(self) -> None:
        """Documents or folders were added, removed, renamed or moved."""

    def document_removed(self, document_id: int) -> None:
        """A document left the library (views showing it should let go)."""

    def tags_changed(self) -> None:
        """Tags were added, removed, renamed or recoloured, or their counts changed."""
