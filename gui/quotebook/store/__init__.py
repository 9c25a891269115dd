"""The store: the only part of Quotebook that speaks SQL.

Writes go through sqlite-utils' transactions; reads are plain SELECTs on the same connection
(see `database.LibraryDatabase`).
"""

from __future__ import annotations

from quotebook.store.database import Interrupted
from quotebook.store.documents import text_sha256
from quotebook.store.library import Library
from quotebook.store.tags import TagCount

__all__ = ["Interrupted", "Library", "TagCount", "text_sha256"]
