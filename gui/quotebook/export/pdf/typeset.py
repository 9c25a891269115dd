"""The texts of an exported PDF as `QTextDocument`s: document headers, bodies, notes, quotes.

Each builder returns a document laid out for the PDF writer (its paint device), so the line
geometry read from it later is exactly what ends up on the page. Bodies are inserted as plain
text, which keeps document positions equal to UTF-16 offsets into the stored text; every other
decoration (highlights, number markers, margin notes) is painted around the text, never into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from quotebook.anchoring import Utf16Map
from quotebook.domain import FormatSpan
from quotebook.export.fonts import Families, font
from quotebook.export.glyphs import Glyphs
from quotebook.export.pdf.geometry import UNIT
from quotebook.formatting import apply_formatting

INK = QColor("#111111")
GREY = QColor("#5b5b5b")
LINK = QColor("#1a4f9c")
BODY_SIZE = 10.5
BODY_LINE_HEIGHT = 135  # percent: leaves room above each line for the number markers
# Qt scales a block's top and bottom margins and its tab positions from 96 dpi "pixels" to the
# device, but takes its left margin and indent in device units as they are; so points convert
# differently for each.
LOGICAL = 96 / 72


@dataclass
class Marked:
    """A document plus ranges inside it that the caller needs to find again after layout."""

    doc: QTextDocument
    headings: list[tuple[str, int]] = field(default_factory=list)  # (title, position)
    ranges: list[tuple[int, int, object]] = field(default_factory=list)  # (start, end, key)


class Typesetter:
    def __init__(self, device: QPagedPaintDevice, families: Families, glyphs: Glyphs) -> None:
        self.device = device
        self.families = families
        self.glyphs = glyphs
        self._formats: dict[tuple[float, bool, bool, bool, int], QTextCharFormat] = {}

    def _insert(self, cursor: QTextCursor, text: str, fmt: QTextCharFormat | None = None) -> None:
        """Insert text, with a visible placeholder for characters no font prints."""
        if fmt is None:
            cursor.insertText(self.glyphs.clean(text))
        else:
            cursor.insertText(self.glyphs.clean(text), fmt)

    # -- formats ---------------------------------------------------------------------------------

    def chars(
        self,
        size: float,
        *,
        sans: bool = True,
        bold: bool = False,
        italic: bool = False,
        colour: QColor = INK,
    ) -> QTextCharFormat:
        key = (size, sans, bold, italic, colour.rgba())
        cached = self._formats.get(key)
        if cached is None:
            # Thousands of notes share a handful of formats; Qt copies them on insert.
            cached = QTextCharFormat()
            family = self.families.sans if sans else self.families.serif
            cached.setFont(font(family, size, bold=bold, italic=italic))
            cached.setForeground(colour)
            self._formats[key] = cached
        return cached

    def link(self, href: str, size: float) -> QTextCharFormat:
        fmt = QTextCharFormat(self.chars(size, colour=LINK))
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
        return fmt

    @staticmethod
    def block(
        *, before: float = 0, after: float = 0, indent: float = 0, line_height: int = 0
    ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(before * LOGICAL)
        fmt.setBottomMargin(after * LOGICAL)
        if indent:
            # A hanging indent: the first line starts at the margin, a tab reaches the text.
            fmt.setLeftMargin(indent * UNIT)
            fmt.setTextIndent(-indent * UNIT)
            fmt.setTabPositions([QTextOption.Tab(indent * LOGICAL, QTextOption.TabType.LeftTab)])
        if line_height:
            proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            fmt.setLineHeight(line_height, proportional)
        return fmt

    def new_document(self, *, size: float = BODY_SIZE) -> QTextDocument:
        """An empty document for the PDF writer. Builders give it its width only once the
        text is in: with a width set, Qt lays the document out again after every insert."""
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font(self.families.serif, size))
        doc.setUndoRedoEnabled(False)
        return doc

    @staticmethod
    def cursor(doc: QTextDocument) -> QTextCursor:
        """A cursor inside an edit block: Qt lays out once at its end, not after every insert."""
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        return cursor

    # -- builders --------------------------------------------------------------------------------

    def body(
        self,
        text: str,
        width: float,
        formatting: Sequence[FormatSpan] = (),
        hidden: Iterable[int] = (),
    ) -> QTextDocument:
        """The document text as Qt lays it out; positions equal UTF-16 offsets into `text`.

        A rich source's `formatting` (a Markdown import's headings, emphasis, code, links) is
        laid over the text as the viewer shows it; it changes fonts, never the text. The blocks
        starting at the positions in `hidden` are left out of the layout (page furniture).
        """
        doc = self.new_document()
        cursor = self.cursor(doc)
        # Set before inserting: new blocks inherit it, far cheaper than formatting afterwards.
        cursor.setBlockFormat(self.block(line_height=BODY_LINE_HEIGHT))
        self._insert(cursor, text)
        if formatting:
            apply_formatting(doc, formatting, Utf16Map(text), link_color=LINK)
        for position in hidden:
            doc.findBlock(position).setVisible(False)
        cursor.endEditBlock()
        doc.setTextWidth(width)
        return doc

    def header(
        self,
        title: str,
        details: Iterable[str],
        source_url: str,
        note: str,
        summary: str,
        width: float,
    ) -> QTextDocument:
        doc = self.new_document()
        cursor = self.cursor(doc)
        cursor.setBlockFormat(self.block(after=6, line_height=115))
        self._insert(cursor, title, self.chars(17, bold=True))
        small = self.block(after=2, line_height=120)
        line = " · ".join(d for d in details if d)
        grey = self.chars(9.5, colour=GREY)
        if line:
            cursor.insertBlock(small, grey)
            self._insert(cursor, line, grey)
        if source_url:
            cursor.insertBlock(small, grey)
            self._insert(cursor, "Source: ", grey)
            self._insert(cursor, source_url, self.link(source_url, 9.5))
        if note:
            cursor.insertBlock(small, grey)
            self._insert(cursor, note, self.chars(9, colour=GREY))
        ruled = self.block(before=4, after=2, line_height=120)
        ruled.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 0.6 * UNIT)
        cursor.insertBlock(ruled, self.chars(9))
        self._insert(cursor, summary, self.chars(9))
        cursor.endEditBlock()
        doc.setTextWidth(width)
        return doc

    def notes(self, heading: str, entries: Iterable[NoteEntry], width: float) -> QTextDocument:
        """Numbered notes under `heading`; with no heading, the notes continue a list."""
        doc = self.new_document()
        cursor = self.cursor(doc)
        serif = self.chars(9.5, sans=False)
        entry_block = self.block(after=5, indent=22, line_height=125)
        if heading:
            cursor.setBlockFormat(self.block(after=6))
            self._insert(cursor, heading, self.chars(12, bold=True))
        for n, entry in enumerate(entries):
            if heading or n:
                cursor.insertBlock(entry_block, serif)
            else:
                cursor.setBlockFormat(entry_block)
                cursor.setBlockCharFormat(serif)
            self._insert(
                cursor, f"{entry.number}\t", self.chars(8.5, bold=True, colour=entry.colour)
            )
            if entry.page:
                self._insert(cursor, f"p. {entry.page}  ", self.chars(8.5, colour=GREY))
            self._insert(cursor, f"“{entry.excerpt}”", self.chars(9.5, sans=False, italic=True))
            if entry.note:
                self._insert(cursor, f"  {entry.note}", self.chars(9.5, sans=False))
            if entry.tags:
                self._insert(
                    cursor, f"  Tags: {', '.join(entry.tags)}", self.chars(8.5, colour=GREY)
                )
        cursor.endEditBlock()
        doc.setTextWidth(width)
        return doc

    def margin_note(self, entry: NoteEntry, width: float) -> QTextDocument:
        doc = self.new_document(size=7.5)
        cursor = self.cursor(doc)
        cursor.setBlockFormat(self.block(line_height=112))
        self._insert(cursor, f"{entry.number} ", self.chars(7.5, bold=True, colour=entry.colour))
        if entry.note:
            self._insert(cursor, entry.note, self.chars(7.5))
        if entry.tags:
            if entry.note:
                cursor.insertBlock(self.block(line_height=112), self.chars(7))
            self._insert(cursor, ", ".join(entry.tags), self.chars(7, colour=GREY))
        cursor.endEditBlock()
        doc.setTextWidth(width)
        return doc

    def quotes(self, groups: Iterable[QuoteGroup], width: float, *, title: bool) -> Marked:
        """The Quotes section, or (without `title`) a continuation of it; a group with no
        name continues the group before it."""
        doc = self.new_document()
        marked = Marked(doc)
        cursor = self.cursor(doc)
        started = title
        if title:
            cursor.setBlockFormat(self.block(after=10))
            self._insert(cursor, "Quotes", self.chars(17, bold=True))
        for group in groups:
            if group.name:
                heading = self.block(before=10, after=4)
                if started:
                    cursor.insertBlock(heading, self.chars(12, bold=True))
                else:
                    cursor.setBlockFormat(heading)
                started = True
                marked.headings.append((group.name, cursor.position()))
                self._insert(cursor, group.name, self.chars(12, bold=True))
            for quote in group.quotes:
                bar = self.block(before=4, after=1, line_height=125)
                bar.setLeftMargin(10 * UNIT)
                if started:
                    cursor.insertBlock(bar, self.chars(10, sans=False))
                else:
                    cursor.setBlockFormat(bar)
                    started = True
                self._insert(cursor, f"“{quote.text}”", self.chars(10, sans=False, italic=True))
                meta = self.block(after=3, line_height=120)
                meta.setLeftMargin(10 * UNIT)
                cursor.insertBlock(meta, self.chars(8.5))
                number = self.chars(8, bold=True, colour=quote.colour)
                self._insert(cursor, f"{quote.number}  ", number)
                if quote.note:
                    self._insert(cursor, f"{quote.note} — ", self.chars(8.5, sans=False))
                self._insert(cursor, quote.source, self.chars(8.5, colour=GREY))
                if quote.page:
                    self._insert(cursor, ", ", self.chars(8.5, colour=GREY))
                    start = cursor.position()
                    link = QTextCharFormat(self.chars(8.5, colour=LINK))
                    link.setFontUnderline(True)
                    self._insert(cursor, f"p. {quote.page}", link)
                    marked.ranges.append((start, cursor.position(), quote.target))
        cursor.endEditBlock()
        doc.setTextWidth(width)
        return marked


@dataclass(frozen=True)
class NoteEntry:
    number: int
    colour: QColor
    excerpt: str
    note: str
    tags: tuple[str, ...]
    page: int | None = None  # 1-based; None when the quote is no longer found in the text


@dataclass(frozen=True)
class QuoteEntry:
    number: int
    colour: QColor
    text: str
    note: str
    source: str
    page: int | None
    target: object  # handed back with the link range: where the link should jump


@dataclass(frozen=True)
class QuoteGroup:
    name: str
    quotes: tuple[QuoteEntry, ...]


def excerpt(text: str, limit: int = 160) -> str:
    """The quote on one line, cut at a word boundary when it is long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"
