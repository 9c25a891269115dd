"""Undoable edits of a document's catalogue details: title, outlet, author, date, URL, notes.

The text never changes here (annotation offsets point into it). The checks are plain functions
so that the properties dialog can show the same verdict while the user types.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from quotebook.errors import UserError
from quotebook.store import Library
from quotebook.ui.commands import StoreCommand
from quotebook.ui.session_events import SessionEvents

if TYPE_CHECKING:
    from quotebook.ui.session import Session

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EDITABLE = ("title", "outlet", "author", "published", "source_url", "language", "notes")


def check_published(text: str) -> str:
    """An ISO date (``YYYY-MM-DD``) or empty; raises `UserError` with a sentence otherwise."""
    text = text.strip()
    if not text:
        return ""
    # fromisoformat alone would also take 20220114 and week dates (2022-W01-1).
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise UserError(f"“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2022-01-14.")


def check_url(text: str) -> str:
    """A web or file address, or empty. Only the shape is checked; nothing is fetched."""
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if (parts.scheme in ("http", "https") and parts.netloc) or parts.scheme == "file":
        return text
    raise UserError(f"“{text}” is not a web address; it should start with https://.")


def clean_properties(changes: Mapping[str, str]) -> dict[str, str]:
    """Trimmed, checked values for the fields in `changes` (notes keep their inner layout)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable document properties: {sorted(unknown)}")
    cleaned = {k: (v.strip() if k != "notes" else v.rstrip()) for k, v in changes.items()}
    if "title" in cleaned and not cleaned["title"]:
        raise UserError("A document needs a title.")
    if "published" in cleaned:
        cleaned["published"] = check_published(cleaned["published"])
    if "source_url" in cleaned:
        cleaned["source_url"] = check_url(cleaned["source_url"])
    return cleaned


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
        super().__init__(f"{label} “{_short(title)}”", library, events)

    def apply(self) -> None:
        self.library.documents.update_meta(self.document_id, **self.new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.update_meta(self.document_id, **self._old)
        self.events.documents_changed()


def edit_document_properties(session: Session, document_id: int, **changes: str) -> bool:
    """Apply the changed fields as one undo step; False (and no step) when nothing changed.

    Raises `UserError` for an empty title, a malformed date or URL.
    """
    command = EditDocumentProperties(session.library, session, document_id, changes)
    if not command.new:
        return False
    session.execute(command)
    return True


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
