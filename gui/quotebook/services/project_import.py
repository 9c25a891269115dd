"""Storing a REFI-QDA project in the library, all of it or nothing.

The project was read and checked by `quotebook.importers.qdpx`; here its codes become tags, its
sets folders, its text sources documents and its selections highlights, anchored like any other
(offsets, quote, prefix and suffix). It runs inside one transaction: when anything fails the
library is left exactly as it was.

What the library already holds is recognised by GUID first: a source, code, set or selection
whose GUID the library knows is the same thing, so a project imported twice adds nothing the
second time. A source whose text the library already has (same sha256) is that document too,
and a selection over a range its document already highlights is that highlight: other programs
often give things new GUIDs on export, and a highlight must never be doubled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from quotebook.anchoring import make_anchor
from quotebook.domain import NewDocument
from quotebook.errors import UserError
from quotebook.importers.qdpx import ProjectFile, ProjectSource, read_project
from quotebook.importers.source import DEFAULT_LIMITS, ImportLimits
from quotebook.refi import color_from_tags
from quotebook.services.importing import ImportResult
from quotebook.store import Library, text_sha256
from quotebook.wording import plural

log = logging.getLogger(__name__)


@dataclass
class ProjectLog:
    """What a project import added, so that it can be undone as one step."""

    documents: list[int] = field(default_factory=list)
    annotations: list[int] = field(default_factory=list)  # added to documents already there
    tags: list[int] = field(default_factory=list)  # created, parents before children
    folders: list[int] = field(default_factory=list)  # created, parents before children


@dataclass(frozen=True)
class SourceOutcome:
    """What became of one source: a new document, or one the library had already."""

    name: str
    document_id: int
    added: bool
    highlights: int  # highlights added
    known: int  # highlights the library already had
    note: str = ""


@dataclass
class ProjectOutcome:
    sources: list[SourceOutcome] = field(default_factory=list)
    log: ProjectLog = field(default_factory=ProjectLog)


def import_project(
    library: Library,
    path: Path,
    *,
    folder_id: int | None = None,
    limits: ImportLimits = DEFAULT_LIMITS,
) -> tuple[list[ImportResult], ProjectLog]:
    """Read and store one ``.qdpx``: one result per source, and what was added (for undo).

    A project that cannot be read or stored is one failed result, and nothing of it is kept.
    """
    try:
        project = read_project(path, limits)
        outcome = store_project(library, project, folder_id=folder_id)
    except UserError as exc:
        return [ImportResult(str(path), "failed", error=exc.message)], ProjectLog()
    except Exception as exc:  # a bug must not end the whole import; nothing was kept
        log.exception("unexpected error importing %s", path)
        return [
            ImportResult(str(path), "failed", error=f"{path.name} could not be imported ({exc}).")
        ], ProjectLog()
    results = []
    for source in outcome.sources:
        entry = _entry(path, source.name)
        if source.added:
            results.append(
                ImportResult(
                    entry, "imported", source.document_id, source.note, source.name,
                    annotations=source.highlights,
                )
            )  # fmt: skip
            continue
        title = library.documents.get(source.document_id).title
        note = source.note or (
            f"{plural(source.highlights, 'new highlight')} added" if source.highlights else ""
        )
        results.append(
            ImportResult(
                entry, "duplicate", source.document_id,
                f"already in the library as “{title}”" + (f"; {note}" if note else ""),
                title, annotations=source.highlights,
            )
        )  # fmt: skip
    for name, reason in project.skipped:
        results.append(ImportResult(_entry(path, name), "skipped", error=reason, title=name))
    notes = list(project.notes)
    if not project.sources and not project.skipped:
        notes.insert(0, "the project holds no sources")
    if notes:
        results.append(ImportResult(str(path), "skipped", error="; ".join(notes)))
    return results, outcome.log


def _entry(path: Path, name: str) -> str:
    """How a source inside a project is named in results: ``study.qdpx › Interview 3``."""
    return f"{path} › {name.replace('/', '∕')}"


def store_project(
    library: Library, project: ProjectFile, *, folder_id: int | None = None
) -> ProjectOutcome:
    """Add the project under `folder_id` (or the top) in one transaction."""
    with library.documents.transaction():
        return _Store(library, project, folder_id).run()


class _Store:
    def __init__(self, library: Library, project: ProjectFile, folder_id: int | None) -> None:
        self.library = library
        self.project = project
        self.folder_id = folder_id
        self.outcome = ProjectOutcome()
        self.log = self.outcome.log
        # Quotebook's highlight-colour codes: code GUID → the colour it stands for.
        self.highlights = {c.guid: c.highlight for c in project.codes if c.highlight}

    def run(self) -> ProjectOutcome:
        tag_names, colors = self._tags()
        folder_of = self._folders()
        exchange = self.library.exchange
        known_documents = exchange.ids_by_guid("documents", (s.guid for s in self.project.sources))
        known_annotations = exchange.ids_by_guid(
            "annotations", (sel.guid for s in self.project.sources for sel in s.selections)
        )
        for source in self.project.sources:
            self._source(source, tag_names, colors, folder_of, known_documents, known_annotations)
        return self.outcome

    # -- codes → tags ---------------------------------------------------------------------------

    def _tags(self) -> tuple[dict[str, str], dict[str, str]]:
        """Code GUID → tag name, for every code that is a tag; and the tags' colours."""
        tags = self.library.tags
        before = {t.id for t in tags.all()}
        known = self.library.exchange.ids_by_guid("tags", (c.guid for c in self.project.codes))
        names: dict[str, str] = {}
        for code in self.project.codes:
            if code.highlight or code.highlight_group:
                continue
            if code.guid in known:
                names[code.guid] = tags.get(known[code.guid]).name
                continue
            name = "/".join(code.path)
            existing = tags.find(name)
            if existing is None:
                existing = tags.ensure(
                    name, color=code.color, description=code.description, guid=code.guid
                )
            names[code.guid] = existing.name
        now = tags.all()  # in name order: parents before the tags below them
        # Every tag made here, ancestors made on the way included, for undo.
        self.log.tags += [t.id for t in now if t.id not in before]
        colors = {t.name.casefold(): t.color for t in now}
        return names, colors

    # -- sets → folders --------------------------------------------------------------------------

    def _folders(self) -> dict[str, int]:
        """Source GUID → the folder its first set became."""
        folders = self.library.folders
        known = self.library.exchange.ids_by_guid("folders", (s.guid for s in self.project.sets))
        existing = {(f.parent_id, f.name.casefold()): f.id for f in folders.all()}
        folder_of: dict[str, int] = {}
        for project_set in self.project.sets:
            folder_id = known.get(project_set.guid)
            parent = self.folder_id
            for depth, name in enumerate(project_set.path, start=1):
                if folder_id is not None:
                    break
                key = (parent, name.casefold())
                if key not in existing:
                    leaf = depth == len(project_set.path)
                    created = folders.create(name, parent, guid=project_set.guid if leaf else "")
                    existing[key] = created.id
                    self.log.folders.append(created.id)
                parent = existing[key]
                if depth == len(project_set.path):
                    folder_id = parent
            if folder_id is None:
                continue
            for source_guid in project_set.sources:
                folder_of.setdefault(source_guid, folder_id)
        return folder_of

    # -- sources → documents, selections → highlights ------------------------------------------

    def _source(
        self,
        source: ProjectSource,
        tag_names: dict[str, str],
        colors: dict[str, str],
        folder_of: dict[str, int],
        known_documents: dict[str, int],
        known_annotations: dict[str, int],
    ) -> None:
        documents = self.library.documents
        sha256 = text_sha256(source.text)
        document_id = known_documents.get(source.guid)
        same_text = True
        if document_id is not None:
            same_text = documents.get(document_id).sha256 == sha256
        else:
            found = documents.find_id_by_sha256(sha256)
            document_id = found[0] if found else None
        added = document_id is None
        if document_id is None:
            meta = source.meta._replace(source_path=str(self.project.path))
            document_id = documents.add(
                NewDocument(meta, source.text),
                folder_id=folder_of.get(source.guid, self.folder_id),
                guid=source.guid,
            ).id
            self.log.documents.append(document_id)
        if not same_text:
            # Same GUID, other text: the offsets do not fit the library's text.
            self.outcome.sources.append(
                SourceOutcome(
                    source.meta.title,
                    document_id,
                    False,
                    0,
                    0,
                    f"its text differs from the library's; "
                    f"{plural(len(source.selections), 'highlight')} not imported",
                )
            )
            return
        highlights, known = self._selections(
            source, document_id, added, tag_names, colors, known_annotations
        )
        self.outcome.sources.append(
            SourceOutcome(source.meta.title, document_id, added, highlights, known)
        )

    def _selections(
        self,
        source: ProjectSource,
        document_id: int,
        added: bool,
        tag_names: dict[str, str],
        colors: dict[str, str],
        known_annotations: dict[str, int],
    ) -> tuple[int, int]:
        annotations = self.library.annotations
        # Ranges highlighted before this import; two selections of the project over one range
        # (say, coded by two people) are two highlights, as they were there.
        ranges = (
            set() if added else {(a.start, a.end) for a in annotations.for_document(document_id)}
        )
        highlights = known = 0
        for selection in source.selections:
            if selection.guid in known_annotations or (selection.start, selection.end) in ranges:
                known += 1
                continue
            tags = [tag_names[g] for g in selection.codes if g in tag_names]
            highlight = next(
                (self.highlights[g] for g in selection.codes if g in self.highlights), ""
            )
            annotation = annotations.create(
                document_id,
                make_anchor(source.text, selection.start, selection.end),
                color=highlight or color_from_tags(tags, colors),
                note=selection.note,
                tags=tags,
                guid=selection.guid,
                created_at=selection.created_at,
            )
            if not added:
                self.log.annotations.append(annotation.id)
            highlights += 1
        return highlights, known
