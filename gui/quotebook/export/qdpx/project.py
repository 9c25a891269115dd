"""The XML of a REFI-QDA project (``project.qde``) and code book (``.qdc``).

Elements follow the order the schema (QDA-XML 1.0) prescribes, and every string passes through
`xml_safe`, so whatever a document, note or tag holds, the file stays well-formed and valid.
Offsets are code points into the document text, as the store keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from quotebook.domain import DEFAULT_COLOR, PALETTE, Annotation, Tag, color_hex
from quotebook.export.highlights import is_placed
from quotebook.export.options import ExportItem
from quotebook.export.qdpx.collect import ProjectData
from quotebook.refi import (
    CODEBOOK_NS,
    HIGHLIGHT_GROUP,
    HIGHLIGHT_GROUP_DESCRIPTION,
    HIGHLIGHT_GROUP_GUID,
    HIGHLIGHT_GUIDS,
    PROJECT_NS,
    SOURCES_DIR,
    VARIABLE_GUIDS,
    VARIABLES,
    color_from_tags,
    derived_guid,
    describe,
    set_name,
    tag_hex,
    xml_safe,
)

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
SELECTION_NAME_CHARS = 80


@dataclass
class Header:
    """What the project says about itself and who wrote it."""

    name: str
    origin: str
    user_guid: str
    user_name: str
    created: str  # xsd:dateTime


@dataclass
class Counts:
    selections: int = 0
    codes: int = 0
    left_out: int = 0  # annotations no longer on their quote
    sources: list[tuple[str, str]] = field(default_factory=list)  # (member path, text)


class _Codes:
    """The code book: tags as nested codes, plus the highlight colours that need a code."""

    def __init__(self, tags: Sequence[Tag], colors_used: set[str]) -> None:
        self.tags = list(tags)
        self.by_name = {t.name.casefold(): t for t in self.tags}
        self.colors = {t.name.casefold(): t.color for t in self.tags}
        self.colors_used = [c for c in PALETTE if c in colors_used]
        top_names = {t.name.casefold() for t in self.tags if "/" not in t.name}
        self.group_name = next(
            name
            for name in (HIGHLIGHT_GROUP, "Highlight colour", "Quotebook highlight")
            if name.casefold() not in top_names
        )

    def element(self, ns: str) -> etree._Element:
        codes = etree.Element(f"{{{ns}}}Codes")
        made: dict[str, etree._Element] = {}
        for tag in self.tags:
            parent_name = tag.name.rsplit("/", 1)[0].casefold() if "/" in tag.name else ""
            parent = made.get(parent_name, codes)
            code = etree.SubElement(
                parent,
                f"{{{ns}}}Code",
                _attrs(guid=tag.guid, name=tag.leaf, isCodable="true", color=tag_hex(tag)),
            )
            if tag.description.strip():
                # Written before the codes below it are appended, as the schema's order wants.
                _text(code, ns, "Description", tag.description)
            made[tag.name.casefold()] = code
        if self.colors_used:
            group = etree.SubElement(
                codes,
                f"{{{ns}}}Code",
                _attrs(guid=HIGHLIGHT_GROUP_GUID, name=self.group_name, isCodable="false"),
            )
            _text(group, ns, "Description", HIGHLIGHT_GROUP_DESCRIPTION)
            for color in self.colors_used:
                etree.SubElement(
                    group,
                    f"{{{ns}}}Code",
                    _attrs(
                        guid=HIGHLIGHT_GUIDS[color],
                        name=color,
                        isCodable="true",
                        color=color_hex(color),
                    ),
                )
        return codes

    @property
    def count(self) -> int:
        return len(self.tags) + (1 + len(self.colors_used) if self.colors_used else 0)

    def guids_for(self, annotation: Annotation) -> list[str]:
        """The codes a highlight is coded with: its tags, and its colour when they lose it."""
        guids = [
            self.by_name[n.casefold()].guid for n in annotation.tags if n.casefold() in self.by_name
        ]
        if self.needs_color_code(annotation):
            guids.append(HIGHLIGHT_GUIDS[colour_of(annotation)])
        return guids

    def needs_color_code(self, annotation: Annotation) -> bool:
        return not annotation.tags or (
            color_from_tags(annotation.tags, self.colors) != colour_of(annotation)
        )


def colour_of(annotation: Annotation) -> str:
    return annotation.color if annotation.color in PALETTE else DEFAULT_COLOR


def _codes_for(items: Sequence[ExportItem], project: ProjectData) -> _Codes:
    probe = _Codes(project.tags, set())
    used = {
        colour_of(a)
        for item in items
        for a in item.annotations
        if is_placed(a, item.document.text) and probe.needs_color_code(a)
    }
    return _Codes(project.tags, used)


def project_xml(
    items: Sequence[ExportItem], project: ProjectData, header: Header, counts: Counts
) -> bytes:
    """``project.qde`` for the items; `counts` collects what was written and the source texts."""
    ns = PROJECT_NS
    codes = _codes_for(items, project)
    root = etree.Element(
        f"{{{ns}}}Project",
        _attrs(
            name=header.name,
            origin=header.origin,
            creatingUserGUID=header.user_guid,
            creationDateTime=header.created,
        ),
        nsmap={None: ns},
    )
    users = etree.SubElement(root, f"{{{ns}}}Users")
    etree.SubElement(users, f"{{{ns}}}User", _attrs(guid=header.user_guid, name=header.user_name))
    if codes.count:
        book = etree.SubElement(root, f"{{{ns}}}CodeBook")
        book.append(codes.element(ns))
        counts.codes = codes.count

    fields = [(f, name) for f, name in VARIABLES if any(getattr(i.document.meta, f) for i in items)]
    if fields:
        variables = etree.SubElement(root, f"{{{ns}}}Variables")
        for f, name in fields:
            etree.SubElement(
                variables,
                f"{{{ns}}}Variable",
                _attrs(guid=VARIABLE_GUIDS[f], name=name, typeOfVariable="Text"),
            )

    sources = etree.SubElement(root, f"{{{ns}}}Sources")
    for item in items:
        sources.append(_source(item, codes, fields, header, counts))

    exported = {item.document.id: item.document.guid for item in items}
    if project.sets:
        sets = etree.SubElement(root, f"{{{ns}}}Sets")
        for project_set in project.sets:
            element = etree.SubElement(
                sets,
                f"{{{ns}}}Set",
                _attrs(guid=project_set.guid, name=set_name(project_set.path)),
            )
            for item in items:
                if item.document.folder_id == project_set.folder_id:
                    etree.SubElement(
                        element,
                        f"{{{ns}}}MemberSource",
                        targetGUID=exported[item.document.id],
                    )
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _source(
    item: ExportItem,
    codes: _Codes,
    fields: list[tuple[str, str]],
    header: Header,
    counts: Counts,
) -> etree._Element:
    ns = PROJECT_NS
    document = item.document
    meta = document.meta
    source = etree.Element(
        f"{{{ns}}}TextSource",
        _attrs(
            guid=document.guid,
            name=item.title,
            plainTextPath=f"internal://{document.guid}.txt",
            creatingUser=header.user_guid,
            creationDateTime=_datetime(document.imported_at, header.created),
        ),
    )
    counts.sources.append((f"{SOURCES_DIR}/{document.guid}.txt", document.text))
    # The description is what other programs show about a source (QualCoder keeps it as the
    # file's memo): the document's notes, then its details.
    description = "\n\n".join(part for part in (meta.notes.strip(), describe(meta)) if part)
    if description:
        _text(source, ns, "Description", description)
    for annotation in item.annotations:
        if not is_placed(annotation, document.text):
            counts.left_out += 1
            continue
        source.append(_selection(annotation, codes, header))
        counts.selections += 1
    for f, _name in fields:
        value = getattr(meta, f)
        if value:
            variable_value = etree.SubElement(source, f"{{{ns}}}VariableValue")
            etree.SubElement(variable_value, f"{{{ns}}}VariableRef", targetGUID=VARIABLE_GUIDS[f])
            _text(variable_value, ns, "TextValue", value)
    return source


def _selection(annotation: Annotation, codes: _Codes, header: Header) -> etree._Element:
    ns = PROJECT_NS
    created = _datetime(annotation.created_at, header.created)
    selection = etree.Element(
        f"{{{ns}}}PlainTextSelection",
        _attrs(
            guid=annotation.guid,
            name=_shorten(annotation.quote),
            startPosition=str(annotation.start),
            endPosition=str(annotation.end),
            creatingUser=header.user_guid,
            creationDateTime=created,
            modifyingUser=header.user_guid,
            modifiedDateTime=_datetime(annotation.updated_at, created),
        ),
    )
    if annotation.note.strip():
        _text(selection, ns, "Description", annotation.note)
    for code_guid in codes.guids_for(annotation):
        coding = etree.SubElement(
            selection,
            f"{{{ns}}}Coding",
            _attrs(
                guid=derived_guid(annotation.guid, "coding", code_guid),
                creatingUser=header.user_guid,
                creationDateTime=created,
            ),
        )
        etree.SubElement(coding, f"{{{ns}}}CodeRef", targetGUID=code_guid)
    return selection


def codebook_xml(project: ProjectData, header: Header, counts: Counts) -> bytes:
    """A ``.qdc`` code book: the codes alone, in the code book namespace."""
    ns = CODEBOOK_NS
    root = etree.Element(f"{{{ns}}}CodeBook", _attrs(origin=header.origin), nsmap={None: ns})
    codes = _Codes(project.tags, set())
    if codes.tags:
        root.append(codes.element(ns))
    counts.codes = codes.count
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _attrs(**values: str) -> dict[str, str]:
    """Attributes with a value, made XML-safe; empty ones are left out."""
    return {key: xml_safe(value) for key, value in values.items() if value}


def _text(parent: etree._Element, ns: str, tag: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}")
    element.text = xml_safe(text)
    return element


def _datetime(value: str, fallback: str) -> str:
    """An xsd:dateTime; some readers need one on every element, so `fallback` stands in."""
    return value if _DATETIME.match(value or "") else fallback


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SELECTION_NAME_CHARS:
        return text
    return text[: SELECTION_NAME_CHARS - 1] + "…"
