"""Folders of the document tree.

Deleting a folder removes what it holds (subfolders and documents, with their annotations) and
hands all of it back so that undo can restore the subtree under the same ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotebook.domain import Folder
from quotebook.errors import NotFoundError, UserError
from quotebook.store._rows import folder_from_row, new_guid
from quotebook.store.documents import DocumentRepository
from quotebook.store.records import DeletedFolder

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase


class FolderRepository:
    def __init__(self, db: LibraryDatabase, documents: DocumentRepository) -> None:
        self._db = db
        self._documents = documents

    def get(self, folder_id: int) -> Folder:
        rows = list(self._db.query("SELECT * FROM folders WHERE id = ?", [folder_id]))
        if not rows:
            raise NotFoundError(f"There is no folder with id {folder_id}.")
        return folder_from_row(rows[0])

    def all(self) -> list[Folder]:
        rows = self._db.query("SELECT * FROM folders ORDER BY position, name COLLATE NOCASE, id")
        return [folder_from_row(r) for r in rows]

    def find(self, name: str) -> Folder | None:
        rows = list(
            self._db.query("SELECT * FROM folders WHERE name = ? COLLATE NOCASE LIMIT 1", [name])
        )
        return folder_from_row(rows[0]) if rows else None

    def create(self, name: str, parent_id: int | None = None, *, guid: str = "") -> Folder:
        """A new folder at the end of its parent; `guid` keeps an identity it had elsewhere."""
        name = _clean(name)
        with self._db.atomic():
            position = self._db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM folders WHERE parent_id IS ?",
                [parent_id],
            ).fetchone()[0]
            cursor = self._db.execute(
                "INSERT INTO folders (name, parent_id, position, guid) VALUES (?, ?, ?, ?)",
                [name, parent_id, position, guid or new_guid()],
            )
        return self.get(int(cursor.lastrowid or 0))

    def rename(self, folder_id: int, name: str) -> Folder:
        with self._db.atomic():
            self._db.execute("UPDATE folders SET name = ? WHERE id = ?", [_clean(name), folder_id])
        return self.get(folder_id)

    def move(self, folder_id: int, parent_id: int | None) -> Folder:
        if parent_id is not None and (
            parent_id == folder_id or parent_id in {f.id for f in self._subtree(folder_id)}
        ):
            raise UserError("A folder cannot be moved into itself.")
        with self._db.atomic():
            self._db.execute(
                "UPDATE folders SET parent_id = ? WHERE id = ?", [parent_id, folder_id]
            )
        return self.get(folder_id)

    def delete(self, folder_id: int) -> DeletedFolder:

        with self._db.atomic():
            folders = (self.get(folder_id), *self._subtree(folder_id))
            ids = [f.id for f in folders]
            marks = ",".join("?" * len(ids))
            doc_ids = [
                int(r[0])
                for r in self._db.execute(
                    f"SELECT id FROM documents WHERE folder_id IN ({marks}) ORDER BY id", ids
                ).fetchall()
            ]
            documents = tuple(self._documents.delete(d) for d in doc_ids)
            self._db.execute("DELETE FROM folders WHERE id = ?", [folder_id])
        return DeletedFolder(folders, documents)

    def restore(self, deleted: DeletedFolder) -> None:
        with self._db.atomic():
            for folder in deleted.folders:
                self._db.execute(
                    "INSERT INTO folders (id, name, parent_id, position, guid) VALUES (?,?,?,?,?)",
                    [
                        folder.id,
                        folder.name,
                        folder.parent_id,
                        folder.position,
                        folder.guid or new_guid(),
                    ],
                )
            for document in deleted.documents:
                self._documents.restore(document)

    def _subtree(self, folder_id: int) -> list[Folder]:
        """Descendants of a folder, parents before children."""
        rows = self._db.query(
            """WITH RECURSIVE sub(id, depth) AS (
                   SELECT id, 1 FROM folders WHERE parent_id = ?
                   UNION ALL
                   SELECT f.id, sub.depth + 1 FROM folders f JOIN sub ON f.parent_id = sub.id
               )
               SELECT folders.* FROM folders JOIN sub ON sub.id = folders.id
               ORDER BY sub.depth, folders.id""",
            [folder_id],
        )
        return [folder_from_row(r) for r in rows]


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError("A folder needs a name.")
    return name
