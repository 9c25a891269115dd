"""Importing files into a library: read, de-duplicate, store; one result per file.

Shared by the CLI and the GUI. Files are read outside any transaction, then written in batches,
one transaction each: a large import is bound by the database, and one commit per file would
cost more than the rows themselves, while a short batch keeps the library free for the app's
own writes between batches. Every file is still on its own: one that cannot be read or stored is
reported as failed and leaves nothing behind, and never stops the others.

A file is a duplicate when the library already holds its exact text (same sha256). A file whose
path is that of a document already imported but whose text differs is a changed version: the
caller decides whether it becomes a new document, replaces the old one (annotations move to
their quote in the new text; those whose quote is gone are kept and marked orphaned) or is left
for later.

A REFI-QDA project (``.qdpx``) holds many documents with their highlights and tags; it is stored
in a transaction of its own by `services.project_import`, with one result per source in it.

Folders are searched recursively for files of a supported type (hidden files and folders
skipped, links to folders not followed, so a link loop cannot trap the walk); a file named
explicitly is always taken, so that asking for an unsupported one gets a reason instead of
silence. Each file carries the folder names between the picked folder and itself, so that an
import can mirror the source folder in the library.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from quotebook.anchoring import reanchor
from quotebook.domain import Anchor, Annotation, NewDocument
from quotebook.errors import NotFoundError, UserError
from quotebook.importers import (
    DEFAULT_LIMITS,
    ImportLimits,
    is_project,
    is_supported,
    read_document,
)
from quotebook.store import Library, text_sha256
from quotebook.store.documents import DocumentBatch
from quotebook.store.records import ReplacedDocument

log = logging.getLogger(__name__)

Status = Literal["imported", "replaced", "duplicate", "changed", "skipped", "failed"]
OnChanged = Literal["new", "replace", "keep"]

# A batch is written when it holds this many files or this much text, or has waited this long.
BATCH_FILES = 500
BATCH_CHARS = 8_000_000
BATCH_SECONDS = 0.5


@dataclass(frozen=True)
class ImportResult:
    """What became of one file. `error` is the reason for a failure, or a note on a skip."""

    path: str
    status: Status
    id: int | None = None
    error: str = ""
    title: str = ""
    orphaned: int = 0  # annotations that lost their quote when a document was replaced
    annotations: int | None = None  # for a source in a project: the highlights it brought in


@dataclass(frozen=True)
class ImportOptions:
    folder_id: int | None = None
    on_changed: OnChanged = "new"
    limits: ImportLimits = DEFAULT_LIMITS
    recursive: bool = True
    mirror_folders: bool = False  # recreate the picked folders' structure under `folder_id`


@dataclass
class ImportLog:
    """Everything an import changed, so that it can be undone as one step."""

    added: list[int] = field(default_factory=list)
    replaced: list[ReplacedDocument] = field(default_factory=list)
    folders: list[int] = field(default_factory=list)  # created, parents before children
    # From projects: highlights added to documents already there, and tags created.
    annotations: list[int] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.replaced or self.folders or self.annotations or self.tags)


# -- which files an import covers ---------------------------------------------------------------


@dataclass(frozen=True)
class ImportItem:
    """One file to import; `folders` are the names from the picked folder down to its folder."""

    path: Path
    folders: tuple[str, ...] = ()


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _walk(root: Path, recursive: bool) -> list[ImportItem]:
    items: list[ImportItem] = []
    base = root.name or str(root)
    for directory, subdirs, files in os.walk(root, followlinks=False):
        here = Path(directory)
        relative = here.relative_to(root).parts
        subdirs[:] = sorted((d for d in subdirs if not _hidden(d)), key=lambda n: (n.casefold(), n))
        if not recursive:
            subdirs.clear()
        for name in sorted(files, key=lambda n: (n.casefold(), n)):
            path = here / name
            if not _hidden(name) and is_supported(path):
                items.append(ImportItem(path, (base, *relative)))
    return items


def collect_files(paths: Iterable[Path], *, recursive: bool = True) -> list[ImportItem]:
    """The files to import for the paths a user gave, in a stable order, each once."""
    items: list[ImportItem] = []
    seen: set[Path] = set()
    for path in paths:
        found = _walk(path, recursive) if path.is_dir() else [ImportItem(path)]
        for item in found:
            key = _identity(item.path)
            if key not in seen:
                seen.add(key)
                items.append(item)
    return items


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a broken link or a loop: the path itself will fail later
        return path.absolute()


Progress = Callable[[int, ImportResult], None]


@dataclass
class _Read:
    item: ImportItem
    new: NewDocument
    sha256: str


class Importer:
    """Runs one import over a list of files, batching the writes."""

    def __init__(self, library: Library, options: ImportOptions | None = None) -> None:
        self.library = library
        self.options = options or ImportOptions()
        self.log = ImportLog()
        self._by_path = library.documents.ids_by_source_path()
        self._folders = {(f.parent_id, f.name.casefold()): f.id for f in library.folders.all()}

    def run(
        self,
        items: Sequence[ImportItem],
        *,
        progress: Progress | None = None,
        reading: Callable[[int, Path], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[ImportResult]:
        results: list[ImportResult] = []
        pending: list[_Read | ImportResult] = []
        chars, started = 0, time.monotonic()
        for n, item in enumerate(items):
            if cancelled():
                break
            if reading is not None:
                reading(n, item.path)
            if is_project(item.path):
                # A project is stored in a transaction of its own, after what came before it.
                self._flush(pending, results, progress)
                pending, chars, started = [], 0, time.monotonic()
                for result in self._import_project(item):
                    results.append(result)
                    if progress is not None:
                        progress(len(results), result)
                continue
            read = self._read(item)
            pending.append(read)
            chars += len(read.new.text) if isinstance(read, _Read) else 0
            if (
                len(pending) >= BATCH_FILES
                or chars >= BATCH_CHARS
                or time.monotonic() - started >= BATCH_SECONDS
            ):
                self._flush(pending, results, progress)
                pending, chars, started = [], 0, time.monotonic()
        self._flush(pending, results, progress)
        return results

    # -- reading (no transaction open) --------------------------------------------------------

    def _read(self, item: ImportItem) -> _Read | ImportResult:
        path = item.path
        try:
            new = read_document(path.absolute(), self.options.limits)
            sha256 = text_sha256(new.text)
        except UserError as exc:
            return ImportResult(str(path), "failed", error=exc.message)
        except Exception as exc:  # a bug in a parser must not end the whole import
            log.exception("unexpected error importing %s", path)
            return ImportResult(
                str(path), "failed", error=f"{path.name} could not be read ({exc})."
            )
        new = new._replace(meta=new.meta._replace(source_path=_source_path(path)))
        return _Read(item, new, sha256)

    # -- projects (one transaction each) -----------------------------------------------------

    def _import_project(self, item: ImportItem) -> list[ImportResult]:
        from quotebook.services.project_import import import_project

        results, log = import_project(
            self.library, item.path, folder_id=self.options.folder_id, limits=self.options.limits
        )
        self.log.added += log.documents
        self.log.annotations += log.annotations
        self.log.tags += log.tags
        self.log.folders += log.folders
        return results

    # -- writing (one transaction per batch) --------------------------------------------------

    def _flush(
        self,
        pending: list[_Read | ImportResult],
        results: list[ImportResult],
        progress: Progress | None,
    ) -> None:
        if not pending:
            return
        log_sizes = (len(self.log.added), len(self.log.replaced), len(self.log.folders))
        by_path, folders = dict(self._by_path), dict(self._folders)
        try:
            with self.library.documents.batch() as batch:
                written = [
                    p if isinstance(p, ImportResult) else self._write(batch, p) for p in pending
                ]
        except Exception as exc:  # the commit itself failed: nothing of this batch was kept
            self._by_path, self._folders = by_path, folders
            del self.log.added[log_sizes[0] :], self.log.replaced[log_sizes[1] :]
            del self.log.folders[log_sizes[2] :]
            reason = exc.message if isinstance(exc, UserError) else str(exc)
            written = [
                p if isinstance(p, ImportResult) and p.status == "failed"
                else ImportResult(_path_of(p), "failed", error=f"not saved: {reason}")
                for p in pending
            ]  # fmt: skip
        for result in written:
            results.append(result)
            if progress is not None:
                progress(len(results), result)

    def _write(self, batch: DocumentBatch, read: _Read) -> ImportResult:
        path, new = str(read.item.path), read.new
        documents = self.library.documents
        try:
            existing = documents.find_id_by_sha256(read.sha256)
            if existing is not None:
                return ImportResult(
                    path, "duplicate", existing[0], f"already in the library as “{existing[1]}”",
                    existing[1],
                )  # fmt: skip
            known = self._by_path.get(new.meta.source_path)
            if known is not None and self.options.on_changed == "keep":
                title = documents.get(known).title
                return ImportResult(
                    path, "changed", known, f"a changed version of “{title}”", new.meta.title
                )
            if known is not None and self.options.on_changed == "replace":
                try:
                    return self._replace(path, known, new)
                except NotFoundError:  # deleted meanwhile: the file comes in as new
                    pass
            document_id = batch.add(new, folder_id=self._folder_for(read.item), sha256=read.sha256)
        except UserError as exc:
            return ImportResult(path, "failed", error=exc.message)
        self._by_path[new.meta.source_path] = document_id
        self.log.added.append(document_id)
        return ImportResult(path, "imported", document_id, title=new.meta.title)

    def _replace(self, path: str, document_id: int, new: NewDocument) -> ImportResult:
        replaced = self.library.documents.replace_text(document_id, new, _relocator(new.text))
        self.log.replaced.append(replaced)
        note = (
            f"{replaced.orphaned} annotation(s) lost their quote and are marked orphaned"
            if replaced.orphaned
            else ""
        )
        return ImportResult(
            path, "replaced", document_id, note, replaced.before.title, replaced.orphaned
        )

    def _folder_for(self, item: ImportItem) -> int | None:
        parent = self.options.folder_id
        if not self.options.mirror_folders:
            return parent
        for name in item.folders:
            key = (parent, name.casefold())
            if key not in self._folders:
                self._folders[key] = self.library.folders.create(name, parent).id
                self.log.folders.append(self._folders[key])
            parent = self._folders[key]
        return parent


def _relocator(text: str) -> Callable[[Annotation], Anchor | None]:
    return lambda annotation: reanchor(annotation.anchor, text)


def _source_path(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _path_of(entry: _Read | ImportResult) -> str:
    return entry.path if isinstance(entry, ImportResult) else str(entry.item.path)


def import_items(
    library: Library,
    items: Sequence[ImportItem],
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[list[ImportResult], ImportLog]:
    """Import already collected files; the log tells what changed (for undo)."""
    importer = Importer(library, options)
    return importer.run(items, progress=progress, cancelled=cancelled), importer.log


def import_files(
    library: Library,
    paths: Iterable[Path],
    *,
    folder_id: int | None = None,
    progress: Progress | None = None,
    options: ImportOptions | None = None,
) -> list[ImportResult]:
    """Import files and folders (searched recursively unless the options say otherwise)."""
    options = options or ImportOptions()
    if folder_id is not None:
        options = replace(options, folder_id=folder_id)
    items = collect_files(paths, recursive=options.recursive)
    return import_items(library, items, options, progress=progress)[0]


def import_file(library: Library, path: Path, *, folder_id: int | None = None) -> ImportResult:
    """Import one file (a folder given here is refused as not being a file)."""
    options = ImportOptions(folder_id=folder_id)
    return import_items(library, [ImportItem(path)], options)[0][0]
