"""Annotations and their tag links.

Every method is one transaction. `delete` hands back the full annotation (tags included) so that
`restore` can put it back under the same id, which is what undo needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from quotebook.domain import DEFAULT_COLOR, Anchor, Annotation
from quotebook.errors import NotFoundError
from quotebook.store._rows import TAG_SEPARATOR, annotation_from_row, new_guid, now
from quotebook.store.tags import TagRepository

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

_SELECT = f"""
    SELECT a.*, (
        SELECT group_concat(t.name, '{TAG_SEPARATOR}')
        FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.annotation_id = a.id
    ) AS tag_names
    FROM annotations a
"""


class AnnotationRepository:
    def __init__(self, db: LibraryDatabase, tags: TagRepository) -> None:
        self._db = db
        self._tags = tags

    # -- reading -------------------------------------------------------------------------------

    def get(self, annotation_id: int) -> Annotation:
        rows = list(self._db.query(_SELECT + " WHERE a.id = ?", [annotation_id]))
        if not rows:
            raise NotFoundError(f"There is no annotation with id {annotation_id}.")
        return annotation_from_row(rows[0])

    def for_document(self, document_id: int) -> list[Annotation]:
        """The document's annotations in text order."""
        sql = _SELECT + ' WHERE a.document_id = ? ORDER BY a.start, a."end", a.id'
        return [annotation_from_row(r) for r in self._db.query(sql, [document_id])]

    def all(self) -> list[Annotation]:
        sql = _SELECT + ' ORDER BY a.document_id, a.start, a."end", a.id'
        return [annotation_from_row(r) for r in self._db.query(sql)]

    def with_tag(self, tag_name: str) -> list[Annotation]:
        """Annotations carrying the tag or any tag below it (``speaker`` finds ``speaker/X``)."""
        sql = (
            _SELECT
            + """ WHERE a.id IN (
                SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                WHERE t.name = ? COLLATE NOCASE OR t.name LIKE ? ESCAPE '\\'
            ) ORDER BY a.document_id, a.start, a.id"""
        )
        escaped = tag_name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [annotation_from_row(r) for r in self._db.query(sql, [tag_name, escaped + "/%"])]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def count_for_document(self, document_id: int) -> int:
        row = self._db.execute(
            "SELECT count(*) FROM annotations WHERE document_id = ?", [document_id]
        ).fetchone()
        return int(row[0])

    # -- writing -------------------------------------------------------------------------------

    def create(
        self,
        document_id: int,
        anchor: Anchor,
        *,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: Sequence[str] = (),
        guid: str = "",
        created_at: str = "",
    ) -> Annotation:
        """A new annotation; `guid` and `created_at` keep what it had elsewhere (an import)."""
        stamp = now()
        with self._db.atomic():
            cursor = self._db.execute(
                """INSERT INTO annotations
                   (document_id, start, "end", quote, prefix, suffix, color, note,
                    created_at, updated_at, guid)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    document_id,
                    anchor.start,
                    anchor.end,
                    anchor.quote,
                    anchor.prefix,
                    anchor.suffix,
                    color,
                    note,
                    created_at or stamp,
                    stamp,
                    guid or new_guid(),
                ],
            )
            annotation_id = int(cursor.lastrowid or 0)
            self._link(annotation_id, tags)
        return self.get(annotation_id)

    def restore(self, annotation: Annotation) -> Annotation:
        """Put back a deleted annotation under its old id, with its tags."""
        with self._db.atomic():
            self._db.execute(
                """INSERT INTO annotations
                   (id, document_id, start, "end", quote, prefix, suffix, color, note,
                    created_at, updated_at, orphaned, guid)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    annotation.id,
                    annotation.document_id,
                    annotation.start,
                    annotation.end,
                    annotation.quote,
                    annotation.prefix,
                    annotation.suffix,
                    annotation.color,
                    annotation.note,
                    annotation.created_at or now(),
                    annotation.updated_at or now(),
                    int(annotation.orphaned),
                    annotation.guid or new_guid(),
                ],
            )
            self._link(annotation.id, annotation.tags)
        return self.get(annotation.id)

    def delete(self, annotation_id: int) -> Annotation:
        with self._db.atomic():
            annotation = self.get(annotation_id)
            self._db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return annotation

    def set_note(self, annotation_id: int, note: str) -> Annotation:
        return self._update(annotation_id, note=note)

    def set_color(self, annotation_id: int, color: str) -> Annotation:
        return self._update(annotation_id, color=color)

    def set_anchor(
        self, annotation_id: int, anchor: Anchor, *, orphaned: bool = False
    ) -> Annotation:
        return self._update(
            annotation_id,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            orphaned=int(orphaned),
        )

    def set_tags(self, annotation_id: int, tags: Iterable[str]) -> Annotation:
        with self._db.atomic():
            self.get(annotation_id)
            self._db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
            self._link(annotation_id, tags)
            self._touch(annotation_id)
        return self.get(annotation_id)

    # -- internals -----------------------------------------------------------------------------

    def _update(self, annotation_id: int, **fields: Any) -> Annotation:
        columns = ", ".join(f'"{name}" = ?' for name in fields)
        with self._db.atomic():
            cursor = self._db.execute(
                f"UPDATE annotations SET {columns}, updated_at = ? WHERE id = ?",
                [*fields.values(), now(), annotation_id],
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"There is no annotation with id {annotation_id}.")
        return self.get(annotation_id)

    def _touch(self, annotation_id: int) -> None:
        self._db.execute(
            "UPDATE annotations SET updated_at = ? WHERE id = ?", [now(), annotation_id]
        )

    def _link(self, annotation_id: int, tags: Iterable[str]) -> None:
        for name in dict.fromkeys(t.strip() for t in tags if t.strip()):
            tag = self._tags.ensure(name)
            self._db.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [annotation_id, tag.id],
            )
