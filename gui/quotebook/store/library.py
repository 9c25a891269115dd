"""`Library`: one open library file and its repositories.

This is the store's front door. Everything outside `quotebook.store` reads and writes through
the repositories reachable from here and never sees SQL.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from quotebook.store._rows import now
from quotebook.store.annotations import AnnotationRepository
from quotebook.store.database import connect, schema_version
from quotebook.store.documents import DocumentRepository
from quotebook.store.folders import FolderRepository
from quotebook.store.migrations import SCHEMA_VERSION
from quotebook.store.tags import TagRepository

if TYPE_CHECKING:
    from quotebook.store.exchange import ExchangeRepository
    from quotebook.store.search import SearchRepository

SEEDED_KEY = "seeded_at"


class Library:
    def __init__(self, path: Path | str, *, target_version: int = SCHEMA_VERSION) -> None:
        self.path = Path(path)
        self._db = connect(self.path, target_version=target_version)
        self.tags = TagRepository(self._db)
        self.annotations = AnnotationRepository(self._db, self.tags)
        self.documents = DocumentRepository(self._db, self.annotations)
        self.folders = FolderRepository(self._db, self.documents)

    @cached_property
    def search(self) -> SearchRepository:
        """Full-text search, set up on first use: the window opens without its query parser."""
        from quotebook.store.search import SearchRepository

        return SearchRepository(self._db)

    @cached_property
    def exchange(self) -> ExchangeRepository:
        """GUIDs for exchange files (REFI-QDA); set up when an export or import first needs it."""
        from quotebook.store.exchange import ExchangeRepository

        return ExchangeRepository(self._db)

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def is_seeded(self) -> bool:
        return self.get_meta(SEEDED_KEY) is not None

    def mark_seeded(self) -> None:
        self.set_meta(SEEDED_KEY, now())

    def load_writer(self) -> None:
        """Load what writing needs (sqlite-utils) ahead of the first edit; reads never wait."""
        self._db.load_writer()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
