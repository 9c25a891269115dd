"""Documents: metadata, canonical text and the tree position.

The canonical text is stored exactly as imported; annotation offsets point into it, so nothing
here ever rewrites it. `sha256` of the text lets an import detect a file it already has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from quotebook.domain import (
    Anchor,
    Annotation,
    Document,
    DocumentMeta,
    DocumentSummary,
    FormatSpan,
    NewDocument,
)
from quotebook.errors import LibraryError, NotFoundError
from quotebook.store._rows import keep_last_id, meta_from_row, new_guid, next_id, now
from quotebook.store.annotations import AnnotationRepository
from quotebook.store.records import DeletedDocument, ReplacedDocument

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

_META_COLUMNS = DocumentMeta._fields
# Keeping the reader view's verdict is only a cache: it does not wait long for another writer.
FURNITURE_WAIT_MS = 100


# Given an annotation and the new text, where it now sits; None when its quote is gone.
Relocate = Callable[[Annotation], Anchor | None]


# hashlib and json are imported where they are used: opening a library and showing the first
# document needs neither, and start-up time is paid on every launch.


def text_sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode_formatting(spans: tuple[FormatSpan, ...]) -> str:
    """Spans as compact JSON rows ``[start, end, kind]`` (plus the value when there is one).

    No formatting is the empty string, so plain documents carry nothing.
    """
    if not spans:
        return ""
    import json

    rows = [[s.start, s.end, s.kind, *([s.value] if s.value else [])] for s in spans]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_formatting(stored: str) -> tuple[FormatSpan, ...]:
    """The spans `encode_formatting` wrote; a damaged value reads as no formatting.

    Formatting only decorates the text, so a document must still open when it is unreadable.
    """
    if not stored:
        return ()
    import json

    try:
        return tuple(
            FormatSpan(int(row[0]), int(row[1]), str(row[2]), str(row[3]) if len(row) > 3 else "")
            for row in json.loads(stored)
        )
    except (ValueError, TypeError, IndexError, KeyError):
        return ()


def encode_ranges(ranges: list[tuple[int, int]]) -> str:
    """Ranges as ``"start-end start-end"``; no ranges is the empty string."""
    return " ".join(f"{start}-{end}" for start, end in ranges)


def decode_ranges(stored: str) -> list[tuple[int, int]] | None:
    """The ranges `encode_ranges` wrote; None when the value is damaged (work it out again)."""
    ranges = []
    for item in stored.split():
        start, _, end = item.partition("-")
        if not (start.isdigit() and end.isdigit()):
            return None
        ranges.append((int(start), int(end)))
    return ranges


class DocumentRepository:
    def __init__(self, db: LibraryDatabase, annotations: AnnotationRepository) -> None:
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

    def text_hash(self, document_id: int) -> str:
        """The sha256 of the document's text as stored now, without reading the text."""
        row = self._db.execute(
            "SELECT sha256 FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no document with id {document_id}.")
        return str(row[0])

    def find_id_by_sha256(self, sha256: str) -> tuple[int, str] | None:
        """(id, title) of a document with this text, read through the index alone."""
        row = self._db.execute(
            "SELECT id, title FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1", [sha256]
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def ids_by_source_path(self) -> dict[str, int]:
        """The newest document imported from each source path.

        One pass over columns stored before the text, so it stays cheap on a large library
        where a lookup per file without an index on the path would not.
        """
        rows = self._db.execute(
            "SELECT source_path, id FROM documents WHERE source_path != '' ORDER BY id"
        )
        return {str(path): int(doc_id) for path, doc_id in rows}

    def find_by_sha256(self, sha256: str) -> Document | None:
        rows = list(self._db.query("SELECT * FROM documents WHERE sha256 = ? LIMIT 1", [sha256]))
        return _document_from_row(rows[0]) if rows else None

    def summaries(self) -> list[DocumentSummary]:
        """Every document without its text, with annotation counts, in tree order."""
        return self._summaries("", [])

    def summaries_in(self, folder_ids: Sequence[int], *, root: bool) -> list[DocumentSummary]:
        """The documents directly inside these folders and, with `root`, those outside any
        folder, in tree order. Each part is found through the folder index.

        The document tree reads the folders it shows, not the whole library.
        """
        where: list[str] = []
        params: list[int] = []
        for start in range(0, len(folder_ids), 500):
            chunk = list(folder_ids[start : start + 500])
            where.append(f"d.folder_id IN ({', '.join('?' * len(chunk))})")
            params.extend(chunk)
        if root:
            where.append("d.folder_id IS NULL")
        if not where:
            return []
        return self._summaries(f"WHERE {' OR '.join(where)}", params)

    def _summaries(self, where: str, params: list[int]) -> list[DocumentSummary]:
        sql = f"""SELECT d.id, d.folder_id, d.title, d.outlet, d.published, d.position,
                        (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS n
                 FROM documents d {where} ORDER BY d.position, d.id"""
        return [
            DocumentSummary(
                id=r[0],
                folder_id=r[1],
                title=r[2],
                outlet=r[3],
                published=r[4],
                annotation_count=int(r[6]),
                position=r[5],
            )
            for r in self._db.execute(sql, params)
        ]

    def folder_totals(self) -> dict[int | None, tuple[int, int]]:
        """(documents, annotations) directly inside each folder that holds any (None: outside
        every folder), counted through the indexes without reading a document."""
        totals: dict[int | None, tuple[int, int]] = {}
        for folder_id, documents in self._db.execute(
            "SELECT folder_id, count(*) FROM documents GROUP BY folder_id"
        ):
            totals[folder_id] = (int(documents), 0)
        for folder_id, notes in self._db.execute(
            """SELECT d.folder_id, count(*) FROM annotations a
               JOIN documents d ON d.id = a.document_id GROUP BY d.folder_id"""
        ):
            documents, _ = totals.get(folder_id, (0, 0))
            totals[folder_id] = (documents, int(notes))
        return totals

    def annotation_total(self, folder_id: int | None) -> int:
        """Annotations on the documents directly inside a folder (None: outside any)."""
        row = self._db.execute(
            """SELECT count(*) FROM annotations a JOIN documents d ON d.id = a.document_id
               WHERE d.folder_id IS ?""",
            [folder_id],
        ).fetchone()
        return int(row[0])

    def folders_of(self, document_ids: Sequence[int]) -> set[int | None]:
        """The folders these documents are in now (documents that are gone are left out)."""
        folders: set[int | None] = set()
        for start in range(0, len(document_ids), 500):
            chunk = list(document_ids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT DISTINCT folder_id FROM documents WHERE id IN ({marks})", chunk
            )
            folders.update(row[0] for row in rows)
        return folders

    def first_id(self) -> int | None:
        """The document that comes first in tree order, or None in an empty library."""
        row = self._db.execute("SELECT id FROM documents ORDER BY position, id LIMIT 1").fetchone()
        return None if row is None else int(row[0])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- writing -------------------------------------------------------------------------------

    def add(self, new: NewDocument, *, folder_id: int | None = None, guid: str = "") -> Document:
        """Store a new document; `guid` keeps the identity it had elsewhere (else a new one)."""
        with self._db.atomic():
            position = self._next_position(folder_id)
            document_id = next_id(self._db, "documents")
            self._db.execute(
                _INSERT,
                [
                    document_id,
                    folder_id,
                    position,
                    *(getattr(new.meta, c) for c in _META_COLUMNS),
                    new.text,
                    text_sha256(new.text),
                    now(),
                    encode_formatting(new.formatting),
                    guid or new_guid(),
                ],
            )
        return self.get(document_id)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several calls of this repository into one transaction (nested calls nest)."""
        with self._db.atomic():
            yield

    @contextmanager
    def batch(self) -> Iterator[DocumentBatch]:
        """Add many documents in one transaction, which is what makes a large import fast.

        A document that cannot be inserted raises `LibraryError` from `DocumentBatch.add`
        without undoing the others (SQLite rolls back only the failed statement); an error
        escaping the block rolls the whole batch back.
        """
        with self._db.atomic():
            batch = DocumentBatch(self)
            yield batch
            batch.finish()

    def replace_text(
        self, document_id: int, new: NewDocument, relocate: Relocate
    ) -> ReplacedDocument:
        """Give a document a new version of its text, moving its annotations along.

        The user's metadata is kept; fields it left empty are filled from `new`. Annotations
        that `relocate` cannot place are kept with their quote and marked orphaned (at an empty
        range where they used to start), never dropped. All of it is one transaction.
        """

        with self._db.atomic():
            before = self.get(document_id)
            annotations = tuple(self._annotations.for_document(document_id))
            filled = {
                name: getattr(new.meta, name)
                for name in _META_COLUMNS
                if not getattr(before.meta, name) and getattr(new.meta, name)
            }
            filled["original_format"] = new.meta.original_format
            meta = before.meta._replace(**filled)
            self._write_text(
                document_id, meta, new.text, text_sha256(new.text), now(), new.formatting
            )
            orphaned = 0
            for annotation in annotations:
                anchor = relocate(annotation)
                lost = anchor is None
                if anchor is None:
                    orphaned += 1
                    at = min(annotation.start, len(new.text))
                    anchor = annotation.anchor._replace(start=at, end=at)
                self._annotations.set_anchor(annotation.id, anchor, orphaned=lost)
        return ReplacedDocument(before, annotations, orphaned)

    def restore_replaced(self, replaced: ReplacedDocument) -> Document:
        """Undo `replace_text`: the old text, metadata and annotation places come back."""
        doc = replaced.before
        with self._db.atomic():
            self._write_text(
                doc.id, doc.meta, doc.text, doc.sha256, doc.imported_at, doc.formatting
            )
            for annotation in replaced.annotations:
                self._annotations.set_anchor(
                    annotation.id, annotation.anchor, orphaned=annotation.orphaned
                )
        return self.get(doc.id)

    def _write_text(
        self,
        document_id: int,
        meta: DocumentMeta,
        text: str,
        sha256: str,
        imported_at: str,
        formatting: tuple[FormatSpan, ...],
    ) -> None:
        # The formatting belongs to the text it describes, so it is always replaced with it.
        columns = ", ".join(f"{c} = ?" for c in _META_COLUMNS)
        cursor = self._db.execute(
            f"""UPDATE documents SET {columns}, text = ?, sha256 = ?, imported_at = ?,
                    formatting = ?, furniture = NULL WHERE id = ?""",
            [
                *(getattr(meta, c) for c in _META_COLUMNS),
                text,
                sha256,
                imported_at,
                encode_formatting(formatting),
                document_id,
            ],
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"There is no document with id {document_id}.")

    def furniture(self, document_id: int, rules_version: int) -> list[tuple[int, int]] | None:
        """The reader view's page-furniture ranges kept for this document.

        None when unknown: never worked out, damaged, or worked out under other rules than
        `rules_version`.
        """
        row = self._db.execute(
            "SELECT furniture FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no document with id {document_id}.")
        if row[0] is None:
            return None
        version, separator, ranges = row[0].partition("|")
        if not separator or version != str(rules_version):
            return None
        return decode_ranges(ranges)

    def keep_furniture(
        self, document_id: int, ranges: list[tuple[int, int]], rules_version: int
    ) -> None:
        """Keep the reader view's verdict, and the rules it came from, for next time.

        Best effort: it can always be worked out again, so a library that cannot be written
        (read-only, locked) is left as it is rather than failing or delaying the document's
        opening.
        """
        if self._db.read_only:
            return
        try:
            with self._db.atomic(wait_ms=FURNITURE_WAIT_MS):
                self._db.execute(
                    "UPDATE documents SET furniture = ? WHERE id = ?",
                    [f"{rules_version}|{encode_ranges(ranges)}", document_id],
                )
        except (sqlite3.Error, LibraryError):
            pass

    def update_meta(self, document_id: int, **changes: Any) -> Document:
        """Change metadata fields (title, outlet, author, …); the text never changes here."""
        unknown = set(changes) - set(_META_COLUMNS)
        if unknown:
            raise ValueError(f"not document metadata: {sorted(unknown)}")
        current = self.get(document_id)
        meta = current.meta._replace(**changes)
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
                        text, sha256, imported_at, formatting, guid)
                    VALUES (?, ?, ?, {", ".join("?" * len(_META_COLUMNS))}, ?, ?, ?, ?, ?)""",
                [
                    doc.id,
                    doc.folder_id,
                    deleted.position,
                    *(getattr(doc.meta, c) for c in _META_COLUMNS),
                    doc.text,
                    doc.sha256,
                    doc.imported_at,
                    encode_formatting(doc.formatting),
                    doc.guid or new_guid(),
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


class DocumentBatch:
    """Inserts documents inside `DocumentRepository.batch`'s transaction.

    Tree positions are computed once per folder and then counted up, instead of asking the
    database for the largest position before every insert.
    """

    def __init__(self, repository: DocumentRepository) -> None:
        self._repository = repository
        self._db = repository._db
        self._positions: dict[int | None, int] = {}
        self._next_id = 0  # ids are counted up here and recorded once, in `finish`

    def add(
        self, new: NewDocument, *, folder_id: int | None = None, sha256: str = "", guid: str = ""
    ) -> int:
        """Insert one document and return its id (the row is not read back)."""
        if folder_id not in self._positions:
            self._positions[folder_id] = self._repository._next_position(folder_id)
        position = self._positions[folder_id]
        if not self._next_id:
            self._next_id = next_id(self._db, "documents")
        document_id = self._next_id
        try:
            self._db.execute(_INSERT, [
                document_id,
                folder_id,
                position,
                *(getattr(new.meta, c) for c in _META_COLUMNS),
                new.text,
                sha256 or text_sha256(new.text),
                now(),
                encode_formatting(new.formatting),
                guid or new_guid(),
            ])  # fmt: skip
        except sqlite3.IntegrityError as exc:
            raise LibraryError(f"“{new.meta.title}” cannot be stored.", detail=str(exc)) from exc
        self._positions[folder_id] = position + 1
        self._next_id += 1
        return document_id

    def finish(self) -> None:
        """Record the last id given out (see `quotebook.store._rows.next_id`)."""
        if self._next_id:
            keep_last_id(self._db, "documents", self._next_id - 1)


_INSERT = f"""INSERT INTO documents (id, folder_id, position, {", ".join(_META_COLUMNS)},
        text, sha256, imported_at, formatting, guid)
    VALUES (?, ?, ?, {", ".join("?" * len(_META_COLUMNS))}, ?, ?, ?, ?, ?)"""


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        folder_id=row["folder_id"],
        meta=meta_from_row(row),
        text=row["text"],
        sha256=row["sha256"],
        imported_at=row["imported_at"],
        formatting=decode_formatting(row.get("formatting") or ""),
        guid=row.get("guid") or "",
    )
