"""Tags: a hierarchy written as paths (``speaker/Alexander Lukashevich``).

The full path is the tag's unique name (case-insensitive); `parent_id` mirrors the path so that
tree views need no string parsing. `ensure` creates missing ancestors on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from quotebook.domain import Tag
from quotebook.errors import NotFoundError, UserError
from quotebook.store._rows import tag_from_row


@dataclass(frozen=True)
class TagCount:
    tag: Tag
    count: int  # annotations carrying exactly this tag


@dataclass(frozen=True)
class DeletedTags:
    """What `TagRepository.delete` removed: the tag, its descendants and their links."""

    tags: tuple[Tag, ...]
    links: tuple[tuple[int, int], ...]  # (annotation_id, tag_id)


def normalise_tag_name(name: str) -> str:
    parts = [part.strip() for part in name.split("/")]
    if not name.strip() or any(not part for part in parts):
        raise UserError(f"“{name}” is not a valid tag name.")
    return "/".join(parts)


class TagRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def get(self, tag_id: int) -> Tag:
        rows = list(self._db.query("SELECT * FROM tags WHERE id = ?", [tag_id]))
        if not rows:
            raise NotFoundError(f"There is no tag with id {tag_id}.")
        return tag_from_row(rows[0])

    def find(self, name: str) -> Tag | None:
        rows = list(self._db.query("SELECT * FROM tags WHERE name = ? COLLATE NOCASE", [name]))
        return tag_from_row(rows[0]) if rows else None

    def all(self) -> list[Tag]:
        return [tag_from_row(r) for r in self._db.query("SELECT * FROM tags ORDER BY name")]

    def counts(self) -> list[TagCount]:
        sql = """SELECT t.*, count(at.annotation_id) AS n FROM tags t
                 LEFT JOIN annotation_tags at ON at.tag_id = t.id
                 GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
        return [TagCount(tag_from_row(r), int(r["n"])) for r in self._db.query(sql)]

    def ensure(self, name: str, *, color: str = "") -> Tag:
        """The tag with this path, created (with its ancestors) if missing."""
        name = normalise_tag_name(name)
        existing = self.find(name)
        if existing is not None:
            return existing
        with self._db.atomic():
            parent_id: int | None = None
            if "/" in name:
                parent_id = self.ensure(name.rsplit("/", 1)[0]).id
            cursor = self._db.execute(
                "INSERT INTO tags (name, color, parent_id) VALUES (?, ?, ?)",
                [name, color, parent_id],
            )
        return self.get(int(cursor.lastrowid or 0))

    def set_color(self, tag_id: int, color: str) -> Tag:
        with self._db.atomic():
            self._db.execute("UPDATE tags SET color = ? WHERE id = ?", [color, tag_id])
        return self.get(tag_id)

    def set_description(self, tag_id: int, description: str) -> Tag:
        with self._db.atomic():
            self._db.execute("UPDATE tags SET description = ? WHERE id = ?", [description, tag_id])
        return self.get(tag_id)

    def rename(self, tag_id: int, new_name: str) -> Tag:
        """Rename a tag and carry its descendants along (``a/x`` → ``b/x``)."""
        new_name = normalise_tag_name(new_name)
        tag = self.get(tag_id)
        clash = self.find(new_name)
        if clash is not None and clash.id != tag_id:
            raise UserError(f"A tag named “{new_name}” already exists.")
        with self._db.atomic():
            parent_id = self.ensure(new_name.rsplit("/", 1)[0]).id if "/" in new_name else None
            self._db.execute(
                "UPDATE tags SET name = ?, parent_id = ? WHERE id = ?",
                [new_name, parent_id, tag_id],
            )
            for child in self._descendants(tag.name):
                renamed = new_name + child.name[len(tag.name) :]
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?", [renamed, child.id])
        return self.get(tag_id)

    def delete(self, tag_id: int) -> DeletedTags:
        """Delete a tag and every tag below it; the links go too. Returns what `restore` needs."""
        tag = self.get(tag_id)
        removed = (tag, *self._descendants(tag.name))
        ids = [t.id for t in removed]
        marks = ",".join("?" * len(ids))
        with self._db.atomic():
            links = tuple(
                (int(r["annotation_id"]), int(r["tag_id"]))
                for r in self._db.query(
                    f"SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id IN ({marks})",
                    ids,
                )
            )
            self._db.execute(f"DELETE FROM tags WHERE id IN ({marks})", ids)
        return DeletedTags(removed, links)

    def restore(self, deleted: DeletedTags) -> None:
        with self._db.atomic():
            for tag in sorted(deleted.tags, key=lambda t: t.name.count("/")):
                self._db.execute(
                    "INSERT INTO tags (id, name, color, parent_id, description) VALUES (?,?,?,?,?)",
                    [tag.id, tag.name, tag.color, tag.parent_id, tag.description],
                )
            for annotation_id, tag_id in deleted.links:
                self._db.execute(
                    "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                    [annotation_id, tag_id],
                )

    def _descendants(self, name: str) -> list[Tag]:
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.query(
            "SELECT * FROM tags WHERE name LIKE ? ESCAPE '\\' ORDER BY name", [escaped + "/%"]
        )
        return [tag_from_row(r) for r in rows]
