"""Reading a REFI-QDA project into plain values, checked before anything is stored.

`read_project` opens the archive (see `archive`), walks ``project.qde`` and returns a
`ProjectFile`: the code tree, the text sources with their texts and selections, the sets and
what had to be left out and why. Everything that would leave the library half-made is refused
here, before the store is touched: a selection outside its text, a text path that leads out of
the archive, a text that is not UTF-8, two elements claiming one GUID.

Elements are found by local name, so a file whose namespace differs a little (older writers)
still reads; nothing is validated against the schema, as programs differ in what they write.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from quotebook.domain import PALETTE, DocumentMeta
from quotebook.errors import ImportFailed
from quotebook.importers.qdpx.archive import ProjectArchive, is_safe_member
from quotebook.importers.source import DEFAULT_LIMITS, ImportLimits, check_text, shorten
from quotebook.refi import (
    HIGHLIGHT_COLORS,
    HIGHLIGHT_GROUP_DESCRIPTION,
    HIGHLIGHT_GROUP_GUID,
    SOURCES_DIR,
    VARIABLE_GUIDS,
    VARIABLES,
    describe,
    normalise_guid,
    palette_name,
    set_path,
)

# Variable names other programs use for the details Quotebook keeps (compared case-folded).
_VARIABLE_NAMES = {
    **{name.casefold(): f for f, name in VARIABLES},
    "source url": "source_url",
    "link": "source_url",
    "date": "published",
    "publication date": "published",
}
_FIELD_BY_GUID = {guid: f for f, guid in VARIABLE_GUIDS.items()}
_NON_TEXT_SOURCES = {
    "PDFSource": "a PDF",
    "PictureSource": "a picture",
    "AudioSource": "a sound recording",
    "VideoSource": "a video",
}


@dataclass(frozen=True)
class ProjectCode:
    guid: str
    path: tuple[str, ...]  # names from the top of the code tree down to this code
    color: str  # palette colour name, or ""
    description: str
    highlight: str = ""  # a Quotebook highlight-colour code: the colour it stands for
    highlight_group: bool = False  # the code that holds those


@dataclass(frozen=True)
class ProjectSelection:
    guid: str
    start: int  # code points into the source text as Quotebook stores it
    end: int
    note: str
    codes: tuple[str, ...]  # GUIDs of the codes it is coded with
    created_at: str  # Quotebook's timestamp form, or ""


@dataclass(frozen=True)
class ProjectSource:
    guid: str
    meta: DocumentMeta
    text: str
    selections: tuple[ProjectSelection, ...]


@dataclass(frozen=True)
class ProjectSet:
    guid: str
    path: tuple[str, ...]
    sources: tuple[str, ...]  # GUIDs of the member sources


@dataclass
class ProjectFile:
    path: Path
    name: str
    codes: list[ProjectCode] = field(default_factory=list)
    sources: list[ProjectSource] = field(default_factory=list)
    sets: list[ProjectSet] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source name, reason)
    notes: list[str] = field(default_factory=list)  # other things left out, as sentences


def read_project(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> ProjectFile:
    """Read and check a ``.qdpx``; `ImportFailed` with a reason when it cannot be imported."""
    with ProjectArchive(path, limits) as archive:
        root = archive.project_xml()
        if _local(root) != "Project" or not str(etree.QName(root).namespace or "").startswith(
            "urn:QDA-XML:project"
        ):
            raise ImportFailed(
                f"{archive.name} is not a REFI-QDA project: its project.qde holds no project."
            )
        return _Reader(archive, root).read()


class _Reader:
    def __init__(self, archive: ProjectArchive, root: etree._Element) -> None:
        self.archive = archive
        self.root = root
        self.project = ProjectFile(archive.path, root.get("name") or archive.path.stem)
        self.seen_guids: set[str] = set()

    def read(self) -> ProjectFile:
        notes = self._notes()
        used_notes: set[str] = set()
        self._codes(notes, used_notes)
        variables = self._variables()
        whole_source_codings = 0
        for container in _children(self.root, "Sources"):
            for element in container:
                kind = _local(element)
                name = _clean_name(element.get("name")) or "Untitled source"
                if kind in _NON_TEXT_SOURCES:
                    self.project.skipped.append(
                        (name, f"{_NON_TEXT_SOURCES[kind]}: only text sources are imported")
                    )
                    continue
                if kind != "TextSource":
                    continue
                whole_source_codings += len(list(_children(element, "Coding")))
                source = self._text_source(element, name, notes, used_notes, variables)
                if source is not None:
                    self.project.sources.append(source)
        self._sets()
        unused = len(set(notes) - used_notes)
        if unused:
            self.project.notes.append(
                f"{unused} note{'s' if unused != 1 else ''} not attached to a source, a "
                "selection or a code (project memos) were not imported"
            )
        if whole_source_codings:
            self.project.notes.append(
                f"{whole_source_codings} coding{'s' if whole_source_codings != 1 else ''} of "
                "whole sources were not imported (Quotebook codes passages)"
            )
        return self.project

    # -- notes, codes, variables ----------------------------------------------------------------

    def _notes(self) -> dict[str, str]:
        notes: dict[str, str] = {}
        for container in _children(self.root, "Notes"):
            for element in _children(container, "Note"):
                guid = self._guid(element, "a note")
                content = _child_text(element, "PlainTextContent")
                if not content:
                    content = self._internal_text(element, "a note", required=False) or ""
                notes[guid] = content.strip()
        return notes

    def _codes(self, notes: dict[str, str], used_notes: set[str]) -> None:
        for book in _children(self.root, "CodeBook"):
            for codes in _children(book, "Codes"):
                for element in _children(codes, "Code"):
                    self._code(element, (), "", notes, used_notes)

    def _code(
        self,
        element: etree._Element,
        parent: tuple[str, ...],
        highlight_group: str,
        notes: dict[str, str],
        used_notes: set[str],
    ) -> None:
        guid = self._guid(element, "a code")
        # A slash would nest the tag one level deeper than the code was.
        name = _clean_name(element.get("name")).replace("/", "-") or "Untitled code"
        path = (*parent, name)
        description = _child_text(element, "Description").strip()
        memos = [notes[g] for g in self._note_refs(element, used_notes, notes) if notes[g]]
        description = "\n\n".join(part for part in (description, *memos) if part)
        # Quotebook's highlight colours: known by their fixed GUIDs, or (written again by a
        # program that makes new GUIDs) by the group's description and the colours' names.
        is_group = not parent and (
            guid == HIGHLIGHT_GROUP_GUID or description == HIGHLIGHT_GROUP_DESCRIPTION
        )
        highlight = ""
        if highlight_group:
            highlight = HIGHLIGHT_COLORS.get(guid) or (name if name in PALETTE else "")
        color = palette_name(element.get("color") or "")
        self.project.codes.append(ProjectCode(guid, path, color, description, highlight, is_group))
        for child in _children(element, "Code"):
            self._code(child, path, guid if is_group else "", notes, used_notes)

    def _variables(self) -> dict[str, str]:
        """Variable GUID → the document field it fills (only those Quotebook keeps)."""
        found: dict[str, str] = {}
        for container in _children(self.root, "Variables"):
            for element in _children(container, "Variable"):
                guid = self._guid(element, "a variable")
                name = " ".join((element.get("name") or "").split()).casefold()
                target = _FIELD_BY_GUID.get(guid) or _VARIABLE_NAMES.get(name)
                if target:
                    found[guid] = target
        return found

    # -- sources ----------------------------------------------------------------------------

    def _text_source(
        self,
        element: etree._Element,
        name: str,
        notes: dict[str, str],
        used_notes: set[str],
        variables: dict[str, str],
    ) -> ProjectSource | None:
        guid = self._guid(element, f"the source “{name}”")
        text = _child_text(element, "PlainTextContent")
        if not text:
            found = self._internal_text(element, f"the text of “{name}”", required=True)
            if found is None:
                self.project.skipped.append((name, self._why_no_text(element)))
                return None
            text = found
        original_length = len(text)
        if not text.strip():
            self.project.skipped.append((name, "its text is empty"))
            return None
        limits = self.archive.limits
        check_text(
            text.replace("\r", "\n"),
            f"The text of “{name}” in {self.archive.name}",
            limits,
        )
        shift = _NewlineMap(text)
        text = shift.text
        selections = []
        empty = 0
        for selection in _children(element, "PlainTextSelection"):
            read = self._selection(selection, name, original_length, shift, used_notes, notes)
            if read is None:
                empty += 1
            else:
                selections.append(read)
        if empty:
            self.project.notes.append(
                f"“{name}”: {empty} empty selection{'s' if empty != 1 else ''} left out"
            )
        meta = self._meta(element, name, variables, notes, used_notes)
        return ProjectSource(guid, meta, text, tuple(selections))

    def _why_no_text(self, element: etree._Element) -> str:
        path = element.get("plainTextPath") or ""
        if path and not path.lower().startswith("internal://"):
            return "its text is kept outside the project file, which is not followed"
        if element.get("richTextPath"):
            return "it has only a rich-text copy, no plain text"
        return "it has no text"

    def _internal_text(self, element: etree._Element, what: str, *, required: bool) -> str | None:
        """The text behind a ``plainTextPath="internal://…"``; None when there is none to read.

        A path that would lead outside the archive is refused as hostile; a path to another
        place (``absolute://``, ``relative://``) is not followed.
        """
        path = (element.get("plainTextPath") or "").strip()
        if not path.lower().startswith("internal://"):
            return None
        member_name = path[len("internal://") :]
        member = f"{SOURCES_DIR}/{member_name}"
        if not member_name or not is_safe_member(member_name):
            raise ImportFailed(
                f"{self.archive.name} was not imported: {what} points outside the project "
                f"(“{shorten(path, 80)}”)."
            )
        if not self.archive.has(member):
            if not required:
                return None
            raise ImportFailed(
                f"{self.archive.name} was not imported: {what} ({member}) is missing from it."
            )
        data = self.archive.read(member, self.archive.limits.max_bytes, what)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                f"{self.archive.name} was not imported: {what} is not UTF-8 text, as "
                "REFI-QDA requires."
            ) from exc

    def _selection(
        self,
        element: etree._Element,
        source_name: str,
        length: int,
        shift: _NewlineMap,
        used_notes: set[str],
        notes: dict[str, str],
    ) -> ProjectSelection | None:
        guid = self._guid(element, f"a selection in “{source_name}”")
        start, end = _int(element.get("startPosition")), _int(element.get("endPosition"))
        if start is None or end is None or not 0 <= start <= end <= length:
            raise ImportFailed(
                f"{self.archive.name} was not imported: a selection in “{source_name}” runs "
                f"from {element.get('startPosition')!s} to {element.get('endPosition')!s}, "
                f"outside its text of {length:,} characters. The project is damaged."
            )
        start, end = shift.map(start), shift.map(end)
        if start == end:
            return None
        note_parts = [_child_text(element, "Description").strip()]
        note_parts += [notes[g] for g in self._note_refs(element, used_notes, notes)]
        codes = []
        for coding in _children(element, "Coding"):
            for ref in _children(coding, "CodeRef"):
                target = normalise_guid(ref.get("targetGUID") or "")
                if target:
                    codes.append(target)
        return ProjectSelection(
            guid,
            start,
            end,
            "\n\n".join(p for p in note_parts if p),
            tuple(dict.fromkeys(codes)),
            _timestamp(element.get("creationDateTime") or ""),
        )

    def _meta(
        self,
        element: etree._Element,
        name: str,
        variables: dict[str, str],
        notes: dict[str, str],
        used_notes: set[str],
    ) -> DocumentMeta:
        values: dict[str, str] = {}
        for value in _children(element, "VariableValue"):
            ref = next(_children(value, "VariableRef"), None)
            target = (
                variables.get(normalise_guid(ref.get("targetGUID") or "") or "")
                if ref is not None
                else None
            )
            if not target or target in values:
                continue
            text = next(
                (
                    " ".join((child.text or "").split())
                    for child in value
                    if _local(child) != "VariableRef"
                ),
                "",
            )
            if text:
                values[target] = text
        meta = DocumentMeta(title=name, original_format="txt", **values)
        # Quotebook writes the notes, then the details; the details are already in `meta`.
        description = _child_text(element, "Description").strip()
        details = describe(meta)
        if details and description.endswith(details):
            description = description[: -len(details)].strip()
        parts = [description] if description else []
        parts += [notes[g] for g in self._note_refs(element, used_notes, notes) if notes[g]]
        return meta._replace(notes="\n\n".join(parts))

    # -- sets ------------------------------------------------------------------------------

    def _sets(self) -> None:
        code_sets = 0
        for container in _children(self.root, "Sets"):
            for element in _children(container, "Set"):
                guid = self._guid(element, "a set")
                members = [
                    target
                    for ref in _children(element, "MemberSource")
                    if (target := normalise_guid(ref.get("targetGUID") or ""))
                ]
                others = len(list(_children(element, "MemberCode"))) + len(
                    list(_children(element, "MemberNote"))
                )
                path = tuple(set_path(element.get("name") or ""))
                if others and not members:
                    code_sets += 1
                    continue
                self.project.sets.append(
                    ProjectSet(guid, path or ("Untitled set",), tuple(members))
                )
        if code_sets:
            self.project.notes.append(
                f"{code_sets} set{'s' if code_sets != 1 else ''} of codes or notes were not "
                "imported (sets of sources become folders)"
            )

    # -- helpers ---------------------------------------------------------------------------

    def _guid(self, element: etree._Element, what: str) -> str:
        raw = element.get("guid") or ""
        guid = normalise_guid(raw)
        if guid is None:
            raise ImportFailed(
                f"{self.archive.name} was not imported: {what} has no valid GUID "
                f"(“{shorten(raw, 60)}”). The project is damaged."
            )
        if guid in self.seen_guids:
            raise ImportFailed(
                f"{self.archive.name} was not imported: the GUID {guid} is used twice. The "
                "project is damaged."
            )
        self.seen_guids.add(guid)
        return guid

    @staticmethod
    def _note_refs(
        element: etree._Element, used_notes: set[str], notes: dict[str, str]
    ) -> list[str]:
        found = []
        for ref in _children(element, "NoteRef"):
            target = normalise_guid(ref.get("targetGUID") or "")
            if target and target in notes:
                used_notes.add(target)
                found.append(target)
        return found


class _NewlineMap:
    """A text with Windows line ends (CR LF) made into ``\\n``, and offsets mapped along.

    Quotebook keeps ``\\n`` line ends; a CR LF is one line end, so every offset after one moves
    back by one. A lone CR becomes ``\\n`` in place.
    """

    def __init__(self, text: str) -> None:
        self._crlf = [m.start() for m in re.finditer("\r\n", text)]
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")

    def map(self, offset: int) -> int:
        import bisect

        # Each CR LF starting before `offset` took one character more than "\n"; an offset
        # between the CR and the LF lands on the line end.
        return offset - bisect.bisect_left(self._crlf, offset)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) == name)


def _child_text(element: etree._Element, name: str) -> str:
    child = next(_children(element, name), None)
    return "" if child is None else "".join(child.itertext())


def _clean_name(name: str | None) -> str:
    return " ".join((name or "").split())


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _timestamp(value: str) -> str:
    """An xsd:dateTime as Quotebook stores time (UTC, seconds); "" when it cannot be read."""
    value = value.strip()
    if not value:
        return ""
    try:
        when = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return when.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
