"""Visible text and metadata of an HTML page with nothing but the standard library's parser.

Article extraction gives up on pages that hold little prose (a short statement, a page of bare
paragraphs); then this reads the page as a browser would show it, minus scripts, styles, forms
and navigation. It is also where the page's own metadata (``<title>``, ``<meta>``, ``<html
lang>``) is read, because the extractor does not report every field. The parser never fetches
or runs anything: it only sees the characters it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is never shown as text.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
     "select", "button", "nav", "aside", "footer", "form", "dialog"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1",
     "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
     "table", "tr", "ul", "body", "caption", "details", "summary"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_CELL_MARK = "\ue000"  # stands for a cell boundary until white space has been folded

# <meta> names and properties that carry each field, most specific first.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "citation_title"),
    "author": (
        "author", "article:author", "dc.creator", "citation_author", "byl", "parsely-author",
    ),
    "published": (
        "article:published_time", "datepublished", "pubdate", "publishdate", "date",
        "dc.date", "dc.date.issued", "citation_publication_date", "og:published_time",
        "parsely-pub-date", "sailthru.date",
    ),
    "site": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "url": ("og:url", "twitter:url"),
    "language": ("og:locale", "content-language", "dc.language", "language"),
}  # fmt: skip

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class PageExtract:
    text: str = ""
    title: str = ""
    author: str = ""
    published: str = ""
    site: str = ""
    url: str = ""
    language: str = ""
    meta: dict[str, str] = field(default_factory=dict)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.preformatted: set[int] = set()  # indexes of blocks inside <pre>
        self.hidden_depth = 0
        self.hidden_stack: list[str] = []
        self.pre_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.lang = ""

    # The parser tolerates any tag soup: unknown or unbalanced tags only affect what is hidden.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "html" and values.get("lang") and not self.lang:
            self.lang = values["lang"]
        elif tag == "meta":
            self._meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "")
        elif tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br" and not self.hidden_depth:
                self.blocks[-1].append("\n")
            elif tag == "hr":
                self._break()
            return
        if tag in _HIDDEN:
            self.hidden_depth += 1
            self.hidden_stack.append(tag)
            return
        if tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre_depth += 1
            self.preformatted.add(len(self.blocks) - 1)
        if tag in _CELLS and self.blocks[-1]:
            self.blocks[-1].append(_CELL_MARK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN and tag in self.hidden_stack:
            while self.hidden_stack:
                self.hidden_depth -= 1
                if self.hidden_stack.pop() == tag:
                    break
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.hidden_depth:
            return
        self.blocks[-1].append(data if self.pre_depth else re.sub(r"\s+", " ", data))

    def _break(self) -> None:
        if self.blocks[-1]:
            self.blocks.append([])

    def _meta(self, values: dict[str, str]) -> None:
        key = values.get("property") or values.get("name") or values.get("itemprop") or ""
        key = key.strip().lower() or values.get("http-equiv", "").strip().lower()
        content = values.get("content", "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content


def _block_text(parts: list[str], preformatted: bool) -> str:
    text = "".join(parts)
    if preformatted:
        return text.strip("\n").rstrip()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(f" ?{_CELL_MARK} ?", "\t", "\n".join(lines)).strip()


def normalise_date(value: str) -> str:
    """The ISO date (YYYY-MM-DD) at the start of a timestamp, or empty."""
    match = _DATE.search(value.strip()[:40])
    return "-".join(match.groups()) if match else ""


def extract_page(html: str) -> PageExtract:
    """Visible text (paragraphs separated by blank lines) and metadata of a page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    blocks = (_block_text(parts, n in parser.preformatted) for n, parts in enumerate(parser.blocks))
    text = "\n\n".join(b for b in blocks if b)
    meta = parser.meta

    def first(name: str) -> str:
        return next((meta[k] for k in _META_KEYS[name] if meta.get(k)), "")

    title = " ".join("".join(parser.title_parts).split())
    return PageExtract(
        text=text,
        title=first("title") or title,
        author=first("author"),
        published=normalise_date(first("published")),
        site=first("site"),
        url=parser.canonical or first("url"),
        language=(parser.lang or first("language")).replace("_", "-").split("-")[0].lower(),
        meta=meta,
    )


def strip_tags(html: str) -> str:
    """The visible text of an HTML fragment, for markup embedded in other formats."""
    return extract_page(html).text
