"""Saved web pages (.html, .htm): the article body and its metadata.

The article is extracted with trafilatura, which drops menus, comments and page chrome; when it
finds nothing (a short page, a bare statement) the page's visible text is read with the standard
library's parser instead. Both only parse the characters of the saved file: no script runs and
no image, style sheet or frame is fetched, because nothing here knows how to fetch.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import Any

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.html_fallback import PageExtract, extract_page, normalise_date
from quotebook.importers.source import (
    DEFAULT_LIMITS,
    ImportLimits,
    check_text,
    first_line,
    normalise_newlines,
    read_bytes,
    shorten,
)
from quotebook.importers.text import decode

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)

# The extractor reports what it discards at INFO/WARNING level; a user importing files has no
# use for that on the terminal.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def decode_html(data: bytes, name: str) -> str:
    """Page bytes as text: a BOM, then the page's declared charset, then the usual guesses."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            encoding = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            encoding = ""
        # A page saved as UTF-8 by a browser often still declares its original charset.
        if encoding and "utf-16" not in encoding and "utf-32" not in encoding:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    pass
    return decode(data, name)


def _extract_article(html: str) -> Any:
    """Trafilatura's extraction, or None when it finds no article or cannot parse the page."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
            include_links=False,
            include_formatting=True,  # keeps inline markup inline; without it, short pages
            # come back with every bold word on a line of its own
            deduplicate=False,
        )
    except Exception:  # hostile markup must end in the fallback, never in a crash
        return None


def _inline(element: Any) -> str:
    """Text of an extracted element, line breaks (<lb/>) kept, nested lists left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "list":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _fold(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _list_lines(element: Any, depth: int = 0) -> list[str]:
    lines: list[str] = []
    numbered = str(element.get("rend", "")).lower() == "ol"
    for n, item in enumerate(element.iterfind("item"), start=1):
        marker = f"{n}." if numbered else "•"
        text = _fold(_inline(item))
        if text:
            lines.append(f"{'  ' * depth}{marker} {text}")
        for sublist in item.iterfind("list"):
            lines.extend(_list_lines(sublist, depth + 1))
    return lines


def _block(element: Any) -> str:
    if element.tag == "list":
        return "\n".join(_list_lines(element))
    if element.tag == "table":
        rows = (
            "\t".join(_fold(_inline(cell)) for cell in row.iterfind("cell"))
            for row in element.iter("row")
        )
        return "\n".join(r for r in rows if r.strip())
    if element.tag == "quote" and len(element) and all(c.tag == "p" for c in element):
        return "\n\n".join(t for t in (_fold(_inline(p)) for p in element) if t)
    return _fold(_inline(element))


def article_text(body: Any) -> str:
    """The extracted article as paragraphs separated by blank lines."""
    if body is None:
        return ""
    blocks = (_block(element) for element in body)
    return "\n\n".join(b for b in blocks if b)


def _field(article: Any, name: str) -> str:
    value = getattr(article, name, None) if article is not None else None
    return " ".join(str(value).split()) if value else ""


def page_document(html: str, name: str, stem: str, limits: ImportLimits) -> NewDocument:
    """A document from a page's markup; shared with other formats that carry HTML (e-mail)."""
    page: PageExtract = extract_page(html)
    article = _extract_article(html)
    text = article_text(getattr(article, "body", None)) if article is not None else ""
    if not text.strip():
        text = page.text
    text = check_text(normalise_newlines(text), name, limits)
    title = _field(article, "title") or page.title or first_line(text) or stem
    return NewDocument(
        DocumentMeta(
            title=shorten(title),
            outlet=_field(article, "sitename") or page.site or _field(article, "hostname"),
            author=_field(article, "author") or page.author,
            published=normalise_date(_field(article, "date")) or page.published,
            source_url=_field(article, "url") or page.url,
            language=page.language or _field(article, "language"),
            original_format="html",
        ),
        text,
    )


def import_html(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    data = read_bytes(path, limits)
    html = decode_html(data, path.name)
    if "\x00" in html:
        raise ImportFailed(f"{path.name} looks like a binary file, not a web page.")
    new = page_document(html, path.name, path.stem, limits)
    return new._replace(meta=new.meta._replace(source_path=str(path)))
