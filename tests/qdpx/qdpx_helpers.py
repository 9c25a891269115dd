"""Building annotated libraries and REFI-QDA archives for the exchange tests.

`annotate` gives a library everything a project carries: nested tags with colours and
descriptions, highlights with and without tags in several colours, notes on highlights and on
documents, nested and empty folders, and a document in Cyrillic with emoji and curly quotes, so
that offsets are checked in code points. `make_qdpx` writes an archive the way another program
(or an attacker) might, member by member.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.export import collect_items, export
from quotebook.export.options import ExportOptions, ExportResult, Format
from quotebook.export.qdpx import collect_project
from quotebook.store import Library

XSD = Path(__file__).resolve().parent / "data" / "Project-mrt2019.xsd"
NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"

# Astral characters (emoji, a skin-tone modifier) take two UTF-16 units but one code point each.
UNICODE_TEXT = (
    "Интервью 😀 с Лукашевичем\n\n"
    "«Мы продолжим диалог», — сказал он. 👍🏽 Then, in English: “We will keep talking,” "
    "he said; ‘dialogue’ isn’t over.\r\nА потом: «Нет — никаких встреч».\n"
)


def annotate(library: Library) -> dict[str, int]:
    """Highlights, tags, notes and folders over a seeded library; returns a few ids."""
    docs = library.documents.summaries()
    first = library.documents.get(docs[0].id)
    second = library.documents.get(docs[1].id)
    interviews = library.folders.create("Interviews")
    nested = library.folders.create("2024 / Vienna", interviews.id)  # a slash in a name
    library.folders.create("Empty folder")
    text = UNICODE_TEXT.replace("\r\n", "\n")
    unicode_doc = library.documents.add(
        NewDocument(
            DocumentMeta(
                "Интервью “Лукашевича” 😀",
                outlet="ТАСС",
                author="Анна Петрова",
                published="2024-03-01",
                source_url="https://example.org/интервью?a=1&b=2",
                language="ru",
                notes="Заметка: «важно» 😀\n\nSecond paragraph & <markup>.",
            ),
            text,
        ),
        folder_id=nested.id,
    )

    def mark(doc_id: int, doc_text: str, quote: str, **kw: object) -> int:
        return library.annotations.create(doc_id, locate_quote(doc_text, quote), **kw).id  # type: ignore[arg-type]

    ids = {
        "tagged": mark(
            first.id,
            first.text,
            "Russian Diplomats",
            tags=["speaker/Lukashevich", "topic/dialogue"],
            note="A note with “curly quotes”, Кириллица and 😀.",
        ),
        "untagged_pink": mark(second.id, second.text, "Rossiyskaya Gazeta", color="pink"),
        "untagged_yellow": mark(first.id, first.text, "OSCE", note="plain yellow"),
        "emoji_quote": mark(
            unicode_doc.id,
            text,
            "«Мы продолжим диалог»",
            tags=["speaker/Lukashevich"],
            color="green",
        ),
        "after_emoji": mark(unicode_doc.id, text, "“We will keep talking,”", tags=["quote"]),
        "last": mark(unicode_doc.id, text, "«Нет — никаких встреч»", color="blue", tags=["quote"]),
        "unicode_doc": unicode_doc.id,
    }
    tags = library.tags
    tags.set_color(tags.find("speaker").id, "blue")  # type: ignore[union-attr]
    tags.set_color(tags.find("quote").id, "blue")  # type: ignore[union-attr]
    tags.set_description(
        tags.find("topic/dialogue").id,  # type: ignore[union-attr]
        "Talk of talks: “dialogue”, диалог & <negotiation>.",
    )
    tags.ensure("unused/child", color="orange", description="Never used")
    return ids


def export_to(
    library: Library,
    path: Path,
    fmt: Format = "qdpx",
    *,
    document_ids: Sequence[int] | None = None,
    folder: str | None = None,
    tag: str | None = None,
    author: str = "",
) -> ExportResult:
    """Export as the CLI and the dialog do: the same selection, then the project data."""
    whole = not (document_ids or folder or tag)
    items = (
        []
        if fmt == "qdc" and whole
        else collect_items(library, document_ids, folder=folder, tag=tag)
    )
    project, items = collect_project(library, items, whole_library=whole, tag=tag)
    return export(items, path, ExportOptions(format=fmt, author=author), project=project)


def project_root(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def assert_valid(root_or_bytes: etree._Element | bytes) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    root = etree.fromstring(root_or_bytes) if isinstance(root_or_bytes, bytes) else root_or_bytes
    schema.assertValid(root)


def make_qdpx(
    path: Path,
    project_xml: str | bytes | None,
    members: dict[str, bytes | str] | None = None,
    *,
    raw_names: Sequence[tuple[str, bytes]] = (),
) -> Path:
    """A .qdpx with the given project.qde (None: none) and other members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if project_xml is not None:
            data = project_xml.encode() if isinstance(project_xml, str) else project_xml
            archive.writestr("project.qde", data)
        for name, content in (members or {}).items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
        for name, content in raw_names:
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # written as given, without zipfile's clean-up
            archive.writestr(info, content)
    return path


def library_state(library: Library) -> tuple[int, int, int, int]:
    """Counts of documents, annotations, tags and folders: what an import could change."""
    return (
        library.documents.count(),
        library.annotations.count(),
        len(library.tags.all()),
        len(library.folders.all()),
    )
