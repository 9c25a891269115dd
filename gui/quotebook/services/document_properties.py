"""Checking a document's catalogue details: title, outlet, author, date, URL, notes.

Plain functions without Qt, so that the properties dialog can show the verdict while the user
types, the undo command can refuse a bad value, and any other front end can do the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlsplit

from quotebook.errors import UserError

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
