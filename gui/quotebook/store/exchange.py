"""GUIDs for exchange files: the identities other QDA programs know our rows by.

Every folder, document, tag and annotation carries a GUID (migration 6; the repositories give
new rows theirs). An export reads them with the rows; an import looks them up here to recognise
what the library already holds, so a project imported twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from quotebook.store.migrations import EXCHANGE_USER_KEY, GUID_TABLES, NEW_GUID_SQL

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

Kind = Literal["folders", "documents", "tags", "annotations"]

# SQLite allows at most 32766 bound parameters; lookups go in slices well below that.
_SLICE = 500


class ExchangeRepository:
    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def ensure_guids(self) -> int:
        """Give a GUID to any row that has none; returns how many rows got one.

        Rows written by the repositories always have one; this is the safety net for rows that
        reached the file another way (an older program writing to it, a restored backup).
        """
        filled = 0
        missing = [
            table
            for table in GUID_TABLES
            if self._db.execute(f"SELECT 1 FROM {table} WHERE guid IS NULL LIMIT 1").fetchone()
        ]
        if missing:
            with self._db.atomic():
                for table in missing:
                    cursor = self._db.execute(
                        f"UPDATE {table} SET guid = {NEW_GUID_SQL} WHERE guid IS NULL"
                    )
                    filled += cursor.rowcount
        return filled

    def user_guid(self) -> str:
        """The GUID of this library's user in exchange files, made on first use."""
        row = self._db.execute(
            "SELECT value FROM meta WHERE key = ?", [EXCHANGE_USER_KEY]
        ).fetchone()
        if row is not None:
            return str(row[0])
        with self._db.atomic():
            self._db.execute(
                f"INSERT OR IGNORE INTO meta (key, value) VALUES (?, {NEW_GUID_SQL})",
                [EXCHANGE_USER_KEY],
            )
        return self.user_guid()

    def ids_by_guid(self, kind: Kind, guids: Iterable[str]) -> dict[str, int]:
        """The ids of the rows of `kind` that carry any of `guids` (GUIDs compared lower-case)."""
        if kind not in GUID_TABLES:
            raise ValueError(f"rows of {kind!r} carry no GUID")
        wanted = list(dict.fromkeys(g.lower() for g in guids))
        found: dict[str, int] = {}
        for i in range(0, len(wanted), _SLICE):
            part = wanted[i : i + _SLICE]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f"SELECT guid, id FROM {kind} WHERE guid IN ({marks})", part)
            found.update((str(guid), int(row_id)) for guid, row_id in rows)
        return found
