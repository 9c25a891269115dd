"""Word documents (.docx): paragraphs and tables in reading order, with the core properties.

The file's creation date is not taken as the publication date: it is when someone made the
file, often long after the article appeared.

A .docx is a zip archive of XML parts. The archive is checked before python-docx opens it, so a
renamed file, an old binary .doc or an archive that would expand past the limit fails with a
reason instead of an exception from deep inside the parser, and nothing is read twice.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.source import (
    DEFAULT_LIMITS,
    ImportLimits,
    check_text,
    describe_size,
    first_line,
    normalise_newlines,
    read_bytes,
    shorten,
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LIST_STYLES = ("list", "bullet", "number")


def _check_archive(data: bytes, name: str, limits: ImportLimits) -> None:
    if data.startswith(_OLE_MAGIC):
        raise ImportFailed(
            f"{name} is an old-style Word file (.doc) renamed .docx; save it as .docx first."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(
            f"{name} is not a Word document (it is not a valid .docx file)."
        ) from exc
    if not any(e.filename == "word/document.xml" for e in entries):
        raise ImportFailed(f"{name} is a zip archive but not a Word document.")
    unpacked = sum(max(0, e.file_size) for e in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise ImportFailed(
            f"{name} would expand to {describe_size(unpacked)}; the limit is "
            f"{describe_size(limits.max_unpacked_bytes)}."
        )


def _is_list_item(paragraph: Any) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if any(word in style.lower() for word in _LIST_STYLES):
        return True
    ppr = paragraph._p.pPr  # python-docx exposes numbering only through the XML element
    return ppr is not None and ppr.numPr is not None


def _table_text(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:  # a merged cell is reported once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _body_text(document: Any) -> str:
    from docx.table import Table

    blocks: list[str] = []
    in_list = False
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            text, listed = _table_text(item), False
        else:
            text, listed = item.text.strip(), _is_list_item(item)
            if listed and text:
                text = "• " + text
        if not text:
            continue
        if blocks and listed and in_list:
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
        in_list = listed
    return "\n\n".join(blocks)


def import_docx(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    data = read_bytes(path, limits)
    _check_archive(data, path.name, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        text = _body_text(document)
        props = document.core_properties
        title, author = props.title or "", props.author or ""
        language = props.language or ""
    except Exception as exc:  # a damaged part may fail anywhere inside the parser
        raise ImportFailed(f"{path.name} is a damaged Word document and cannot be read.") from exc
    text = check_text(normalise_newlines(text), path.name, limits)
    return NewDocument(
        DocumentMeta(
            title=shorten(title) or first_line(text) or path.stem,
            author=shorten(author),
            language=language.split("-")[0].lower(),
            original_format="docx",
            source_path=str(path),
        ),
        text,
    )
