"""PDF files with a text layer: the text of each page, pages separated by a blank line.

Only the text the PDF itself carries is read. A scanned PDF (pages that are pictures of text)
has none, and is refused with that reason rather than imported as an empty document: reading
pictures of text needs OCR, which is not part of Quotebook.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.source import (
    DEFAULT_LIMITS,
    ImportLimits,
    check_text,
    first_line,
    normalise_newlines,
    read_bytes,
    shorten,
)

# pypdf reports every small defect it repairs through logging; an import reports outcomes.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open(data: bytes, name: str) -> Any:
    from pypdf import PdfReader

    if b"%PDF" not in data[:1024]:  # the header may follow some junk, as readers allow
        raise ImportFailed(f"{name} is not a PDF file.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise ImportFailed(f"{name} is a damaged PDF and cannot be read.") from exc
    _decrypt(reader, name)
    try:
        if len(reader.pages) == 0:  # reading the page tree now surfaces most damage early
            raise ImportFailed(f"{name} has no pages.")
    except ImportFailed:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise ImportFailed(f"{name} is a damaged PDF and cannot be read.") from exc
    return reader


def _decrypt(reader: Any, name: str) -> None:
    """Open an encrypted PDF that needs no password to read (only an owner password, which
    guards editing and printing); one that needs a password to open is refused as such."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # an encryption pypdf cannot handle, or a damaged dictionary
        raise ImportFailed(
            f"{name} is encrypted in a way Quotebook cannot read; save an unencrypted copy "
            "and import that."
        ) from exc
    if not opened:
        raise ImportFailed(
            f"{name} is encrypted: it needs a password to open. Save a copy without the "
            "password and import that."
        )


def _page_texts(reader: Any, name: str) -> list[str]:
    texts = []
    try:
        for page in reader.pages:
            # PDFs hold positioned glyphs, not tabs: a tab in extracted text is a gap between
            # words placed one by one (as Qt and many other writers do), so it reads as a space.
            text = normalise_newlines(page.extract_text() or "").replace("\t", " ")
            texts.append("\n".join(line.rstrip() for line in text.split("\n")).strip("\n"))
    except Exception as exc:
        raise ImportFailed(f"{name}: the text of a page cannot be read (damaged PDF).") from exc
    return texts


def _metadata(reader: Any) -> tuple[str, str]:
    try:
        info = reader.metadata
        if info is None:
            return "", ""
        return str(info.title or ""), str(info.author or "")
    except Exception:  # broken metadata is no reason to refuse the text
        return "", ""


def import_pdf(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    data = read_bytes(path, limits)
    reader = _open(data, path.name)
    pages = _page_texts(reader, path.name)
    if not any(p.strip() for p in pages):
        raise ImportFailed(
            f"{path.name} has no text layer (its {len(pages)} page(s) are images, as in a scan); "
            "run it through OCR first."
        )
    text = check_text(
        "\n\n".join(p for p in pages if p.strip()),
        path.name,
        limits,
        noise=f"{path.name}: the PDF's text layer is unreadable (its fonts map no characters).",
    )
    title, author = _metadata(reader)
    return NewDocument(
        DocumentMeta(
            title=shorten(title) or first_line(text) or path.stem,
            author=shorten(author),
            original_format="pdf",
            source_path=str(path),
        ),
        text,
    )
