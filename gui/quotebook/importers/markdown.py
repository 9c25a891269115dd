"""Markdown files (.md): stored as the plain text of the rendered document, plus its formatting.

Annotations point into a document's canonical text, so for Markdown that text is what a reader
sees once the markup is rendered: emphasis marks, link targets and heading hashes gone, list
items with a bullet, paragraphs separated by a blank line. `render_markdown` also returns the
formatting as spans over that same text (headings, emphasis, code, links), which the importer
hands on to be stored, so a viewer can show the rich rendering with every offset unchanged. A
leading YAML-style front-matter block gives the title, author, date and URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotebook.domain import DocumentMeta, FormatSpan, NewDocument
from quotebook.importers.html_fallback import normalise_date, strip_tags
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

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "date": "published",
    "published": "published",
    "url": "source_url",
    "source": "source_url",
    "link": "source_url",
    "site": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "lang": "language",
    "language": "language",
}
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_INLINE_SPANS = {"em": "emphasis", "strong": "strong", "s": "strikethrough"}


@dataclass(frozen=True)
class RenderedMarkdown:
    text: str
    spans: tuple[FormatSpan, ...]
    front_matter: dict[str, str]


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """``key: value`` pairs of a leading front-matter block, and the rest of the source."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if sep and key.strip().lower() in _FRONT_KEYS and value:
            fields.setdefault(_FRONT_KEYS[key.strip().lower()], value)
    return fields, source[match.end() :]


class _Writer:
    """Collects the rendered text; breaks between blocks are written lazily, so none trails."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""
        self.spans: list[FormatSpan] = []
        self.open: list[tuple[str, int, str]] = []

    def block(self, separator: str = "\n\n") -> None:
        if self.length and len(separator) > len(self.pending):
            self.pending = separator

    def write(self, text: str) -> None:
        if not text:
            return
        if self.pending:
            self.parts.append(self.pending)
            self.length += len(self.pending)
            self.pending = ""
        self.parts.append(text)
        self.length += len(text)

    def start(self, kind: str, value: str = "") -> None:
        self.open.append((kind, self.length + len(self.pending), value))

    def end(self, kind: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == kind:
                _, start, value = self.open.pop(i)
                if self.length > start:
                    self.spans.append(FormatSpan(start, self.length, kind, value))
                return


def _inline(writer: _Writer, children: list[Any]) -> None:
    for token in children:
        kind = token.type
        if kind == "text":
            writer.write(token.content)
        elif kind == "softbreak":
            writer.write(" ")
        elif kind == "hardbreak":
            writer.write("\n")
        elif kind == "code_inline":
            writer.start("code")
            writer.write(token.content)
            writer.end("code")
        elif kind == "image":
            _inline(writer, token.children or [])
        elif kind == "html_inline":
            if _BREAK_TAG.fullmatch(token.content.strip()):
                writer.write("\n")
        elif kind == "link_open":
            writer.start("link", str(token.attrs.get("href", "")))
        elif kind == "link_close":
            writer.end("link")
        elif kind.endswith("_open") and kind[:-5] in _INLINE_SPANS:
            writer.start(_INLINE_SPANS[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _INLINE_SPANS:
            writer.end(_INLINE_SPANS[kind[:-6]])


def _blocks(writer: _Writer, tokens: list[Any]) -> None:
    lists: list[list[int]] = []  # per open list: [next number or -1 for bullets]
    item_started = False
    cell = 0
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            writer.block("\n" if lists else "\n\n")
            start = int(token.attrs.get("start", 1) or 1)
            lists.append([start if kind == "ordered_list_open" else -1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            writer.block("\n\n" if not lists else "\n")
        elif kind == "list_item_open":
            writer.block("\n")
            number = lists[-1][0] if lists else -1
            marker = "•" if number < 0 else f"{number}."
            if number >= 0:
                lists[-1][0] += 1
            writer.write("  " * (len(lists) - 1) + marker + " ")
            item_started = True
        elif kind == "paragraph_open":
            if not item_started:
                writer.block("\n" if token.hidden else "\n\n")
            item_started = False
        elif kind == "heading_open":
            writer.block()
            writer.start("heading" + token.tag[1:])
        elif kind == "heading_close":
            writer.end("heading" + token.tag[1:])
            writer.block()
        elif kind == "blockquote_open":
            writer.block()
            writer.start("quote")
        elif kind == "blockquote_close":
            writer.end("quote")
            writer.block()
        elif kind in ("fence", "code_block"):
            writer.block()
            writer.start("code")
            writer.write(token.content.rstrip("\n"))
            writer.end("code")
        elif kind == "html_block":
            text = strip_tags(token.content)
            if text:
                writer.block()
                writer.write(text)
        elif kind == "tr_open":
            writer.block("\n")
            cell = 0
        elif kind in ("th_open", "td_open"):
            if cell:
                writer.write("\t")
            cell += 1
        elif kind == "table_open":
            writer.block()
        elif kind == "inline":
            _inline(writer, token.children or [])
            item_started = False
        elif kind == "paragraph_close":
            writer.block("\n" if token.hidden else "\n\n")
        elif kind == "table_close":
            writer.block()


def render_markdown(source: str) -> RenderedMarkdown:
    """The rendered plain text of Markdown `source`, its formatting spans and front matter."""
    from markdown_it import MarkdownIt

    fields, body = split_front_matter(normalise_newlines(source))
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    writer = _Writer()
    _blocks(writer, parser.parse(body))
    spans = tuple(sorted(writer.spans, key=lambda s: (s.start, -s.end)))
    return RenderedMarkdown("".join(writer.parts), spans, fields)


def import_markdown(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    source = check_text(normalise_newlines(decode(read_bytes(path, limits), path.name)), path.name)
    rendered = render_markdown(source)
    text = check_text(rendered.text, path.name, limits)
    fields = rendered.front_matter
    heading = next(
        (text[s.start : s.end] for s in rendered.spans if s.kind.startswith("heading")), ""
    )
    return NewDocument(
        DocumentMeta(
            title=shorten(fields.get("title", "") or heading) or first_line(text) or path.stem,
            outlet=fields.get("outlet", ""),
            author=fields.get("author", ""),
            published=normalise_date(fields.get("published", "")),
            source_url=fields.get("source_url", ""),
            language=fields.get("language", "").split("-")[0].lower(),
            original_format="md",
            source_path=str(path),
        ),
        text,
        rendered.spans,
    )
