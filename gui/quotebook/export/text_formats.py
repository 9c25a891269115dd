"""CSV, JSON and Markdown exports: the annotations as data or as a reading list.

Each writer takes the items and a binary file (the atomic writer's temporary file) and writes
UTF-8. The ticker advances once per document so a long export can still be cancelled.

CSV and JSON share one flat record per annotation (`records`), so a spreadsheet made from the
CSV and a script reading the JSON see the same names, and a new column appears in both at once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from quotebook.domain import color_hex
from quotebook.export.atomic import Ticker
from quotebook.export.options import ExportItem, ExportOptions

TAG_JOIN = "; "

COLUMNS: tuple[str, ...] = (
    "document_id",
    "document_title",
    "outlet",
    "author",
    "published",
    "source_url",
    "annotation_id",
    "start",
    "end",
    "quote",
    "note",
    "tags",
    "color",
    "color_hex",
    "created_at",
    "updated_at",
)


def records(items: Sequence[ExportItem]) -> Iterator[dict[str, Any]]:
    """Rows in export order; `start`/`end` are code-point offsets into the document text."""
    for item in items:
        meta = item.document.meta
        for a in item.annotations:
            yield {
                "document_id": item.document.id,
                "document_title": item.title,
                "outlet": meta.outlet,
                "author": meta.author,
                "published": meta.published,
                "source_url": meta.source_url,
                "annotation_id": a.id,
                "start": a.start,
                "end": a.end,
                "quote": a.quote,
                "note": a.note,
                "tags": list(a.tags),
                "color": a.color,
                "color_hex": color_hex(a.color),
                "created_at": a.created_at,
                "updated_at": a.updated_at,
            }


# What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, with an apostrophe in front.

    Quotes and notes come from web pages anyone can write, and ``=HYPERLINK(…)`` in a quote
    must stay text when the CSV is opened in a spreadsheet. The apostrophe is how spreadsheets
    themselves mark a cell as text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(
    items: Sequence[ExportItem], options: ExportOptions, out: BinaryIO, ticker: Ticker
) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=COLUMNS)
        writer.writeheader()
        for item in items:
            for row in records([item]):
                row["tags"] = TAG_JOIN.join(row["tags"])
                if not options.raw_csv:
                    row = {key: neutralise_cell(value) for key, value in row.items()}
                writer.writerow(row)
            ticker.advance()
        text.flush()
    finally:
        text.detach()  # the atomic writer owns (and closes) the underlying file


def write_json(
    items: Sequence[ExportItem], options: ExportOptions, out: BinaryIO, ticker: Ticker
) -> None:
    rows: list[dict[str, Any]] = []
    for item in items:
        rows.extend(records([item]))
        ticker.advance()
    out.write(json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# What makes a line a block of its own at its start: a list bullet, a setext underline or rule
# (-, =, +), a fence (~), or a number followed by "." or ")" (an ordered list).
_MD_LINE_START = re.compile(r"^([-+=~])|^(\d{1,9})([.)])")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so a quote prints as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_escape_line(line: str) -> str:
    """One line of user text as plain Markdown text: inline markup escaped, and a start that
    would make a list, a rule or a heading underline out of it escaped too. Leading spaces go,
    or four of them would make a code block."""
    escaped = md_escape(line.strip())
    return _MD_LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def md_paragraph(text: str) -> str:
    """User text (a note) as one paragraph, its lines kept as lines."""
    lines = [md_escape_line(line) for line in text.strip().split("\n")]
    return "\\\n".join(line for line in lines if line)


def blockquote(text: str) -> str:
    lines = [md_escape_line(line) for line in text.strip().split("\n")]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def markdown_document(item: ExportItem) -> str:
    meta = item.document.meta
    parts = [f"## {md_escape(item.title)}", ""]
    details = " · ".join(md_escape(d) for d in (meta.outlet, meta.author, meta.published) if d)
    if details:
        parts += [f"*{details}*", ""]
    if meta.source_url:
        parts += [f"Source: <{meta.source_url}>", ""]
    count = len(item.annotations)
    parts += [f"{count} annotation{'s' if count != 1 else ''}", ""]
    for number, a in enumerate(item.annotations, 1):
        parts += [f"### {number}", "", blockquote(a.quote), ""]
        if a.note.strip():
            parts += [md_paragraph(a.note), ""]
        facts = [f"colour: {a.color}", f"characters {a.start}–{a.end}"]
        if a.tags:
            facts.insert(0, "tags: " + ", ".join(f"`{t}`" for t in a.tags))
        parts += [" · ".join(facts), ""]
    return "\n".join(parts)


def write_markdown(
    items: Sequence[ExportItem], options: ExportOptions, out: BinaryIO, ticker: Ticker
) -> None:
    if options.title or len(items) > 1:
        title = options.title or f"{len(items)} annotated documents"
        out.write(f"# {md_escape(title)}\n\n".encode())
    for index, item in enumerate(items):
        if index:
            # A blank line first: "---" right under a line of text would make it a heading.
            out.write(b"\n---\n\n")
        out.write(markdown_document(item).encode("utf-8"))
        ticker.advance()
