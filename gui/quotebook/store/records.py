"""What repositories hand back to undo a delete, a merge or a replaced text, and tag statistics.

Each record holds everything needed to put the library back exactly as it was (same ids, same
positions), so an undo command keeps one and gives it back to the repository that made it.
"""

from __future__ import annotations

from typing import NamedTuple

from quotebook.domain import Annotation, Document, Folder, Tag


class DeletedDocument(NamedTuple):
    """A removed document with everything needed to put it back under the same id."""

    document: Document
    position: int
    annotations: tuple[Annotation, ...]


class ReplacedDocument(NamedTuple):
    """A document before its text was replaced, with its annotations as they were then."""

    before: Document
    annotations: tuple[Annotation, ...]
    orphaned: int  # annotations whose quote the new text no longer holds


class DeletedFolder(NamedTuple):
    folders: tuple[Folder, ...]  # the folder first, then its descendants, parents before children
    documents: tuple[DeletedDocument, ...]


class DeletedTags(NamedTuple):
    """What `TagRepository.delete` removed: the tag, its descendants and their links."""

    tags: tuple[Tag, ...]
    links: tuple[tuple[int, int], ...]  # (annotation_id, tag_id)


class TagUsage(NamedTuple):
    """What a tag and the tags below it touch: shown before deleting, listed in the codebook."""

    tags: int  # the tag itself and its descendants
    annotations: int  # distinct annotations carrying any of them
    documents: int  # distinct documents holding such annotations


class TagStats(NamedTuple):
    tag: Tag
    annotations: int  # annotations carrying exactly this tag
    documents: int  # documents holding them


class MergedTags(NamedTuple):
    """What `TagRepository.merge` changed, so that `unmerge` can put every row back."""

    removed: tuple[Tag, ...]  # source-side tags whose name already existed on the target side
    removed_links: tuple[tuple[int, int], ...]  # their links before the merge
    renamed: tuple[Tag, ...]  # source-side tags moved under the target, as they were before
    added_links: tuple[tuple[int, int], ...]  # links the merge created on target-side tags
