"""Choosing what to export: documents by id, by folder (with its subfolders) or by tag.

Only repository methods are used, so the selection rules live in one place and read the same
from the CLI and the dialog. Documents come out in tree order, annotations in text order.
"""

from __future__ import annotations

from collections.abc import Iterable

from quotebook.domain import Annotation, DocumentSummary, Folder
from quotebook.errors import NotFoundError, UserError
from quotebook.export.options import ExportItem
from quotebook.reader_view import RULES_VERSION
from quotebook.store import Library


def collect_items(
    library: Library,
    document_ids: Iterable[int] | None = None,
    *,
    folder: int | str | None = None,
    tag: str | None = None,
) -> list[ExportItem]:
    """The documents to export with their annotations.

    With neither ids nor a folder, the whole library. Ids and a folder add up. A tag keeps only
    the annotations carrying it (or a tag below it) and the documents that have any: a tag
    export is about those quotes, not the whole texts they sit in.
    """
    summaries = library.documents.summaries()
    ids = list(dict.fromkeys(document_ids or ()))
    for document_id in ids:
        if not library.documents.exists(document_id):
            raise NotFoundError(f"There is no document with id {document_id}.")
    wanted: set[int] | None = None
    if ids or folder is not None:
        wanted = set(ids)
        if folder is not None:
            wanted |= _documents_in_folder(library, summaries, folder)
    chosen = [s for s in summaries if wanted is None or s.id in wanted]

    tagged: dict[int, list[Annotation]] | None = None
    if tag is not None:
        tag = tag.strip()
        if library.tags.find(tag) is None:
            raise NotFoundError(f"There is no tag named “{tag}”.")
        tagged = {}
        for annotation in library.annotations.with_tag(tag):
            tagged.setdefault(annotation.document_id, []).append(annotation)
        chosen = [s for s in chosen if s.id in tagged]

    items = []
    for summary in chosen:
        document = library.documents.get(summary.id)
        if tagged is not None:
            annotations = sorted(tagged[summary.id], key=lambda a: (a.start, a.end, a.id))
        else:
            annotations = library.annotations.for_document(summary.id)
        # The reader view's verdict, if the library keeps one under the current rules.
        furniture = library.documents.furniture(summary.id, RULES_VERSION)
        items.append(
            ExportItem(
                document,
                tuple(annotations),
                tuple(furniture) if furniture is not None else None,
            )
        )
    if not items:
        raise UserError("There is nothing to export: no document matches that selection.")
    return items


def _documents_in_folder(
    library: Library, summaries: list[DocumentSummary], folder: int | str
) -> set[int]:
    folders = library.folders.all()
    root = _find_folder(library, folder)
    inside = {root.id}
    # Parents may be listed after their children, so repeat until nothing new joins.
    grew = True
    while grew:
        grew = False
        for f in folders:
            if f.parent_id in inside and f.id not in inside:
                inside.add(f.id)
                grew = True
    return {s.id for s in summaries if s.folder_id in inside}


def _find_folder(library: Library, folder: int | str) -> Folder:
    if isinstance(folder, int):
        return library.folders.get(folder)
    found = library.folders.find(folder.strip())
    if found is None:
        if folder.strip().isdigit():
            return library.folders.get(int(folder))
        raise NotFoundError(f"There is no folder named “{folder}”.")
    return found
