"""Documents: metadata, canonical text and the tree position.

The canonical text is stored exactly as imported; annotation offsets point into it, so nothing
here ever rewrites it. `sha256` of the text lets an import detect a file it already has.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from typing import Any

import sqlite_utils

from quotebook.domain import Annotation, Document, DocumentMeta, DocumentSummary, NewDocument
from quotebook.errors import NotFoundError
from quotebook.store._rows import meta_from_row, now
from quotebook.store.annotations import AnnotationRepository

_META_COLUMNS = tuple(f.name for f in fields(DocumentMeta))


@dataclass(frozen=True)
class DeletedDocument:
    """A removed document with everything needed to put it back under the same id."""

    document: Document
    position: int
    annotations: tuple[Annotation, ...]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DocumentRepository:
    def __init__(self, db: sqlite_utils.Database, annotations: AnnotationRepository) -> None:
        self._db = db
        self._annotations = annotations

    # -- reading -------------------------------------------------------------------------------

    def get(self, document_id: int) -> Document:
        rows = list(self._db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFoundError(f"There is no document with id {document_id}.")
        return _document_from_row(rows[0])

    def exists(self, document_id: int) -> bool:
        row = self._db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone()
        return row is not None

    def find_by_sha256(self, sha256: str) -> Document | None:
        rows = list(self._db.query("SELECT * FROM documents WHERE sha256 = ? LIMIT 1", [sha256]))
        return _document_from_row(rows[0]) if rows else None

    def summaries(self) -> list[DocumentSummary]:
        """Every document without its text, with annotation counts, in tree order."""
        sql = """SELECT d.id, d.folder_id, d.title, d.outlet, d.published, d.position,
                        (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS n
                 FROM documents d ORDER BY d.position, d.id"""
        return [
            DocumentSummary(
                id=r["id"],
                folder_id=r["folder_id"],
                title=r["title"],
                outlet=r["outlet"],
                published=r["published"],
                annotation_count=int(r["n"]),
                position=r["position"],
            )
            for r in self._db.query(sql)
        ]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- writing -------------------------------------------------------------------------------

    def add(self, new: NewDocument, *, folder_id: int | None = None) -> Document:
        with self._db.atomic():
            position = self._next_position(folder_id)
            cursor = self._db.execute(
                f"""INSERT INTO documents (folder_id, position, {", ".join(_META_COLUMNS)},
                        text, sha256, imported_at)
                    VALUES (?, ?, {", ".join("?" * len(_META_COLUMNS))}, ?, ?, ?)""",
                [
                    folder_id,
                    position,
                    *(getattr(new.meta, c) for c in _META_COLUMNS),
                    new.text,
                    text_sha256(new.text),
                    now(),
                ],
            )
        return self.get(int(cursor.lastrowid or 0))

    def update_meta(self, document_id: int, **changes: Any) -> Document:
        """Change metadata fields (title, outlet, author, …); the text never changes here."""
        unknown = set(changes) - set(_META_COLUMNS)
        if unknown:
            raise ValueError(f"not document metadata: {sorted(unknown)}")
        current = self.get(document_id)
        meta = replace(current.meta, **changes)
        columns = ", ".join(f"{c} = ?" for c in changes)
        with self._db.atomic():
            self._db.execute(
                f"UPDATE documents SET {columns} WHERE id = ?",
                [*(getattr(meta, c) for c in changes), document_id],
            )
        return self.get(document_id)

    def rename(self, document_id: int, title: str) -> Document:
        return self.update_meta(document_id, title=title)

    def move(self, document_id: int, folder_id: int | None, position: int | None = None) -> None:
        with self._db.atomic():
            if position is None:
                position = self._next_position(folder_id)
            cursor = self._db.execute(
                "UPDATE documents SET folder_id = ?, position = ? WHERE id = ?",
                [folder_id, position, document_id],
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"There is no document with id {document_id}.")

    def placement(self, document_id: int) -> tuple[int | None, int]:
        row = self._db.execute(
            "SELECT folder_id, position FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no document with id {document_id}.")
        return row[0], int(row[1])

    def delete(self, document_id: int) -> DeletedDocument:
        with self._db.atomic():
            document = self.get(document_id)
            _, position = self.placement(document_id)
            annotations = tuple(self._annotations.for_document(document_id))
            self._db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        return DeletedDocument(document, position, annotations)

    def restore(self, deleted: DeletedDocument) -> Document:
        doc = deleted.document
        with self._db.atomic():
            self._db.execute(
                f"""INSERT INTO documents (id, folder_id, position, {", ".join(_META_COLUMNS)},
                        text, sha256, imported_at)
                    VALUES (?, ?, ?, {", ".join("?" * len(_META_COLUMNS))}, ?, ?, ?)""",
                [
                    doc.id,
                    doc.folder_id,
                    deleted.position,
                    *(getattr(doc.meta, c) for c in _META_COLUMNS),
                    doc.text,
                    doc.sha256,
                    doc.imported_at,
                ],
            )
            for annotation in deleted.annotations:
                self._annotations.restore(annotation)
        return self.get(doc.id)

    def _next_position(self, folder_id: int | None) -> int:
        row = self._db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM documents WHERE folder_id IS ?",
            [folder_id],
        ).fetchone()
        return int(row[0])


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        folder_id=row["folder_id"],
        meta=meta_from_row(row),
        text=row["text"],
        sha256=row["sha256"],
        imported_at=row["imported_at"],
    )
