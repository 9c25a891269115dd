"""Undoing an import as one step, and redoing it.

`UndoImport` lands on the session's undo stack once the import is done: undo removes what the
import added (documents, the folders it made to mirror the source, and from a project the tags
it made and the highlights it added to documents already there) and puts replaced texts back
with their annotations where they were; redo brings all of it back under the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotebook.domain import Annotation
from quotebook.services.importing import ImportLog, ImportResult
from quotebook.store import Library
from quotebook.store.records import DeletedDocument, DeletedFolder, DeletedTags, ReplacedDocument
from quotebook.ui.commands.base import StoreCommand
from quotebook.ui.session_events import SessionEvents
from quotebook.wording import plural


class UndoImport(StoreCommand):
    """An import batch as one undo step (pushed after the import already happened)."""

    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        log: ImportLog,
        results: Sequence[ImportResult],
    ) -> None:
        done = sum(r.status in ("imported", "replaced") for r in results)
        super().__init__(f"Import {plural(done, 'file')}", library, events)
        self._log = log
        self._deleted_documents: list[DeletedDocument] = []
        self._deleted_folders: list[DeletedFolder] = []
        self._deleted_annotations: list[Annotation] = []
        self._deleted_tags: list[DeletedTags] = []
        self._replaced: list[ReplacedDocument] = list(log.replaced)

    def revert(self) -> None:
        documents, folders = self.library.documents, self.library.folders
        with documents.transaction():
            current = []
            for replaced in reversed(self._replaced):
                doc_id = replaced.before.id
                now = documents.get(doc_id)
                current.append(
                    ReplacedDocument(now, tuple(self.library.annotations.for_document(doc_id)), 0)
                )
                documents.restore_replaced(replaced)
            self._replaced = current[::-1]
            annotations = self.library.annotations
            self._deleted_annotations = [
                annotations.delete(i) for i in reversed(self._log.annotations)
            ]
            self._deleted_documents = [documents.delete(i) for i in reversed(self._log.added)]
            self._deleted_folders = [folders.delete(i) for i in reversed(self._log.folders)]
            # Deleting a tag takes the tags below it along, so only the top ones are deleted.
            made = set(self._log.tags)
            tops = [i for i in self._log.tags if self.library.tags.get(i).parent_id not in made]
            self._deleted_tags = [self.library.tags.delete(i) for i in reversed(tops)]
        for deleted in self._deleted_documents:
            self.events.document_removed(deleted.document.id)
        self._changed()

    def apply(self) -> None:
        documents, folders = self.library.documents, self.library.folders
        with documents.transaction():
            for tags in reversed(self._deleted_tags):
                self.library.tags.restore(tags)
            for folder in reversed(self._deleted_folders):
                folders.restore(folder)
            for document in reversed(self._deleted_documents):
                documents.restore(document)
            for annotation in reversed(self._deleted_annotations):
                self.library.annotations.restore(annotation)
            current = []
            for replaced in self._replaced:
                doc_id = replaced.before.id
                now = documents.get(doc_id)
                current.append(
                    ReplacedDocument(now, tuple(self.library.annotations.for_document(doc_id)), 0)
                )
                documents.restore_replaced(replaced)
            self._replaced = current
        self._deleted_documents, self._deleted_folders = [], []
        self._deleted_annotations, self._deleted_tags = [], []
        self._changed()

    def _changed(self) -> None:
        self.events.documents_changed()
        if self._replaced or self._log.annotations:
            self.events.annotations_changed(None, None)
        if self._log.tags:
            self.events.tags_changed()
