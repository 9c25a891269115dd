"""Tags: a hierarchy written as paths (``speaker/Alexander Lukashevich``).

The full path is the tag's unique name (case-insensitive); `parent_id` mirrors the path so that
tree views need no string parsing. `ensure` creates missing ancestors on the way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from quotebook.domain import Tag
from quotebook.errors import NotFoundError, UserError
from quotebook.store._rows import new_guid, next_id, tag_from_row
from quotebook.store.records import DeletedTags, MergedTags, TagStats, TagUsage

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase


class TagCount(NamedTuple):
    tag: Tag
    annotations: int  # annotations carrying exactly this tag


MAX_TAG_NAME = 200
# Line breaks, tabs and other control characters: a tag is one line of text (and the unit
# separator is how the store lists an annotation's tags).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def normalise_tag_name(name: str) -> str:
    """The tag path with each part trimmed; `UserError` for a name that cannot be a tag."""
    if not name.strip():
        raise UserError("A tag needs a name.")
    if _CONTROL.search(name):
        raise UserError("A tag name is one line: no line breaks, tabs or control characters.")
    parts = [part.strip() for part in name.split("/")]
    if any(not part for part in parts):
        raise UserError(f"“{name}” is not a valid tag name (an empty part between slashes).")
    normalised = "/".join(parts)
    if len(normalised) > MAX_TAG_NAME:
        raise UserError(
            f"A tag name can be at most {MAX_TAG_NAME} characters long; "
            f"this one has {len(normalised)}."
        )
    return normalised


class TagRepository:
    def __init__(self, db: LibraryDatabase) -> None:
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

    def ensure(self, name: str, *, color: str = "", description: str = "", guid: str = "") -> Tag:
        """The tag with this path, created (with its ancestors) if missing.

        `color`, `description` and `guid` are given to the tag only if it is created here; an
        existing tag is returned as it is.
        """
        name = normalise_tag_name(name)
        existing = self.find(name)
        if existing is not None:
            return existing
        with self._db.atomic():
            # Another program may have created it since it was looked for.
            existing = self.find(name)
            if existing is not None:
                return existing
            parent_id: int | None = None
            if "/" in name:
                parent_id = self.ensure(name.rsplit("/", 1)[0]).id
            tag_id = next_id(self._db, "tags")
            self._db.execute(
                "INSERT INTO tags (id, name, color, parent_id, description, guid) "
                "VALUES (?,?,?,?,?,?)",
                [tag_id, name, color, parent_id, description, guid or new_guid()],
            )
        return self.get(tag_id)

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
                    "INSERT INTO tags (id, name, color, parent_id, description, guid) "
                    "VALUES (?,?,?,?,?,?)",
                    [
                        tag.id,
                        tag.name,
                        tag.color,
                        tag.parent_id,
                        tag.description,
                        tag.guid or new_guid(),
                    ],
                )
            for annotation_id, tag_id in deleted.links:
                self._db.execute(
                    "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                    [annotation_id, tag_id],
                )

    def stats(self) -> list[TagStats]:
        """Every tag with its annotation and document counts, in name order."""

        sql = """SELECT t.*, count(a.id) AS n, count(DISTINCT a.document_id) AS docs FROM tags t
                 LEFT JOIN annotation_tags at ON at.tag_id = t.id
                 LEFT JOIN annotations a ON a.id = at.annotation_id
                 GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
        return [TagStats(tag_from_row(r), int(r["n"]), int(r["docs"])) for r in self._db.query(sql)]

    def usage(self, tag_id: int) -> TagUsage:
        """How much a tag's subtree is used; what deleting or merging it would touch."""

        tag = self.get(tag_id)
        ids = [tag.id, *(t.id for t in self._descendants(tag.name))]
        marks = ",".join("?" * len(ids))
        row = self._db.execute(
            f"""SELECT count(DISTINCT a.id), count(DISTINCT a.document_id)
                FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id
                WHERE at.tag_id IN ({marks})""",
            ids,
        ).fetchone()
        return TagUsage(len(ids), int(row[0]), int(row[1]))

    def move(self, tag_id: int, parent_id: int | None) -> Tag:
        """Put a tag (with its subtree) under another parent, or at the top for ``None``."""
        tag = self.get(tag_id)
        if parent_id is None:
            return self.rename(tag_id, tag.leaf)
        parent = self.get(parent_id)
        if parent.id == tag.id or parent.name.casefold().startswith(tag.name.casefold() + "/"):
            raise UserError(f"“{tag.name}” cannot be moved under itself.")
        return self.rename(tag_id, f"{parent.name}/{tag.leaf}")

    def merge(self, source_id: int, target_id: int) -> MergedTags:
        """Fold the source tag into the target: its annotations carry the target instead.

        Tags below the source move below the target (``a/x`` → ``b/x``); where the target side
        already has that name, the two merge as well. The source tag is gone afterwards.
        """

        source, target = self.get(source_id), self.get(target_id)
        if source.id == target.id:
            raise UserError("A tag cannot be merged into itself.")
        if target.name.casefold().startswith(source.name.casefold() + "/"):
            raise UserError(f"“{source.name}” cannot be merged into a tag below it.")
        removed: list[Tag] = []
        removed_links: list[tuple[int, int]] = []
        renamed: list[Tag] = []
        added_links: list[tuple[int, int]] = []
        with self._db.atomic():
            # Parents first, so that a renamed child finds its new parent already in place.
            for tag in (source, *self._descendants(source.name)):
                name = target.name + tag.name[len(source.name) :]
                existing = self.find(name)
                if existing is None:
                    renamed.append(tag)
                    parent = self.find(name.rsplit("/", 1)[0]) if "/" in name else None
                    self._db.execute(
                        "UPDATE tags SET name = ?, parent_id = ? WHERE id = ?",
                        [name, parent.id if parent else None, tag.id],
                    )
                    continue
                links = self._links(tag.id)
                for annotation_id, _ in links:
                    cursor = self._db.execute(
                        "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
                        "VALUES (?, ?)",
                        [annotation_id, existing.id],
                    )
                    if cursor.rowcount:
                        added_links.append((annotation_id, existing.id))
                removed.append(tag)
                removed_links += links
                # Children are re-parented explicitly below, so SET NULL on them is harmless.
                self._db.execute("DELETE FROM tags WHERE id = ?", [tag.id])
        return MergedTags(tuple(removed), tuple(removed_links), tuple(renamed), tuple(added_links))

    def unmerge(self, merged: MergedTags) -> None:
        """Undo `merge`: the target loses what it gained and the source side comes back."""
        with self._db.atomic():
            for annotation_id, tag_id in merged.added_links:
                self._db.execute(
                    "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?",
                    [annotation_id, tag_id],
                )
            for tag in sorted(merged.removed, key=lambda t: t.name.count("/")):
                self._db.execute(
                    "INSERT INTO tags (id, name, color, parent_id, description, guid) "
                    "VALUES (?,?,?,?,?,?)",
                    [tag.id, tag.name, tag.color, None, tag.description, tag.guid or new_guid()],
                )
            for tag in merged.renamed:
                self._db.execute("UPDATE tags SET name = ? WHERE id = ?", [tag.name, tag.id])
            # Parent links last: every tag they point at exists again by now.
            for tag in (*merged.removed, *merged.renamed):
                self._db.execute(
                    "UPDATE tags SET parent_id = ? WHERE id = ?", [tag.parent_id, tag.id]
                )
            for annotation_id, tag_id in merged.removed_links:
                self._db.execute(
                    "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                    [annotation_id, tag_id],
                )

    def _links(self, tag_id: int) -> list[tuple[int, int]]:
        rows = self._db.execute(
            "SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id = ?", [tag_id]
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    def _descendants(self, name: str) -> list[Tag]:
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.query(
            "SELECT * FROM tags WHERE name LIKE ? ESCAPE '\\' ORDER BY name", [escaped + "/%"]
        )
        return [tag_from_row(r) for r in rows]
