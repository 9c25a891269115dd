"""Composing the pages: typeset every flow, paginate, and work out where each mark goes.

The result (`Composition`) is a plan in device units: the slices of text per page, the
highlight fills, number markers and margin notes to paint, and the highlight parts, links and
outline entries for the annotation pass. Painting and the pypdf pass only follow this plan, so
the painted highlight and the native annotation's QuadPoints come from the same line boxes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPagedPaintDevice, QTextDocument

from quotebook.domain import Annotation, color_hex
from quotebook.errors import ExportFailed
from quotebook.export.fonts import Families
from quotebook.export.glyphs import Glyphs
from quotebook.export.highlights import RGB, is_placed
from quotebook.export.options import ExportItem, ExportOptions
from quotebook.export.pdf.chunks import SAFE_HEIGHT, chunk_ranges, clip_spans, split_range
from quotebook.export.pdf.furniture import hidden_lines, local_starts, repeated_title
from quotebook.export.pdf.geometry import (
    UNIT,
    Flow,
    Page,
    PageGeometry,
    Paginator,
    laid_out,
    range_pieces,
)
from quotebook.export.pdf.marks import HighlightLayout, TextPositions
from quotebook.export.pdf.typeset import (
    Marked,
    NoteEntry,
    QuoteEntry,
    QuoteGroup,
    Typesetter,
    excerpt,
)
from quotebook.reader_view.rules import furniture_ranges

UNTAGGED = "Untagged"
# A long export keeps the layouts of its body parts up to this many characters for painting;
# parts beyond it are laid out again when their pages are painted, which bounds the memory an
# export of any length needs (about 100 MB per million characters held).
RETAIN_CHARS = 1_500_000
NOTES_PER_FLOW = 1_000  # end notes and quotes are typeset in parts of this many entries too


@dataclass(frozen=True)
class Target:
    page: int
    y: float


@dataclass
class PageMarks:
    fills: list[tuple[QRectF, QColor]] = field(default_factory=list)
    markers: list[tuple[float, float, str, QColor]] = field(default_factory=list)
    notes: list[tuple[QTextDocument, float, float]] = field(default_factory=list)


@dataclass(frozen=True)
class HighlightPart:
    """The share of one annotation that lies on one page."""

    annotation: Annotation
    page: int
    part: int  # 1-based
    parts: int
    rects: tuple[QRectF, ...]
    colour: RGB
    marker: str = ""  # the number its annotation draws (on the first part only)
    ink: RGB = (0.0, 0.0, 0.0)  # the number's colour


@dataclass(frozen=True)
class Link:
    page: int
    rect: QRectF
    target: Target


@dataclass
class OutlineEntry:
    title: str
    target: Target
    children: list[OutlineEntry] = field(default_factory=list)


@dataclass
class Composition:
    geometry: PageGeometry
    pages: list[Page]
    marks: list[PageMarks]
    highlights: list[HighlightPart]
    links: list[Link]
    outline: list[OutlineEntry]
    tags: list[str]

    def release(self) -> None:
        """Free every laid-out document now rather than whenever the garbage collector runs
        (slices and flows point at each other)."""
        for page in self.pages:
            for piece in page.slices:
                piece.flow.release()
                piece.flow.slices.clear()
            page.slices.clear()
        for marks in self.marks:
            marks.notes.clear()


class Composer:
    def __init__(
        self,
        items: Sequence[ExportItem],
        options: ExportOptions,
        device: QPagedPaintDevice,
        families: Families,
        glyphs: Glyphs,
    ) -> None:
        self.items = items
        self.options = options
        self.geometry = PageGeometry.create(options.page_size, options.notes)
        self.typeset = Typesetter(device, families, glyphs)
        self.paginator = Paginator(self.geometry, self._running_title)
        self.marks: list[PageMarks] = []
        self.highlights: list[HighlightPart] = []
        self.links: list[Link] = []
        self.outline: list[OutlineEntry] = []
        self._first: dict[int, tuple[Target, QColor, int]] = {}  # annotation id → where/number
        self._tags: dict[str, None] = {}
        self._retained = 0  # characters of body parts whose layouts are kept

    def _running_title(self, flow: Flow) -> str:
        title = "Quotes" if flow.kind == "quotes" else self.items[flow.item or 0].title
        return self.typeset.glyphs.clean(title)

    def _page_marks(self, page: int) -> PageMarks:
        while len(self.marks) <= page:
            self.marks.append(PageMarks())
        return self.marks[page]

    def compose(self, step: Callable[[], None] = lambda: None) -> Composition:
        for index, item in enumerate(self.items):
            self._compose_item(index, item)
            step()
        if self.options.quotes_section:
            self._compose_quotes()
        self._page_marks(len(self.paginator.pages) - 1)
        return Composition(
            self.geometry,
            self.paginator.pages,
            self.marks,
            self.highlights,
            self.links,
            self.outline,
            list(self._tags),
        )

    def _place(self, flow: Flow) -> Flow:
        self.paginator.place(flow)
        return flow

    # -- one document ----------------------------------------------------------------------------

    def _compose_item(self, index: int, item: ExportItem) -> None:
        g, doc = self.geometry, item.document
        annotations = sorted(item.annotations, key=lambda a: (a.start, a.end, a.id))
        tags = sorted({t for a in annotations for t in a.tags}, key=str.casefold)
        self._tags.update(dict.fromkeys(tags))
        count = f"{len(annotations)} annotation{'s' if len(annotations) != 1 else ''}"
        header = self.typeset.header(
            item.title,
            (doc.meta.outlet, doc.meta.author, doc.meta.published),
            doc.meta.source_url,
            doc.meta.notes,
            count + (f" · Tags: {', '.join(tags)}" if tags else ""),
            g.body_width,
        )
        head = self._place(Flow(_held(header), "header", index, new_page=True))
        entry = OutlineEntry(item.title, Target(head.slices[0].page, head.slices[0].page_y))
        self.outline.append(entry)
        placed = [a for a in annotations if is_placed(a, doc.text)]
        numbers = {a.id: n for n, a in enumerate(annotations, 1)}
        painted = self.options.flatten or not self.options.pdf_annotations
        layout = HighlightLayout(placed, fill=painted)
        self._compose_body(index, item, layout)
        layout.finish()
        for page, fills in layout.fills.items():
            self._page_marks(page).fills.extend(fills)
        for a in placed:
            by_page = layout.rects.get(a.id)
            if not by_page:
                continue
            pages = sorted(by_page)
            colour = layout.colours[a.id]
            ink = QColor(color_hex(a.color, dark=True))
            # The number goes with the highlight: into its annotation, unless the highlights
            # are painted into the page.
            marker = "" if painted else str(numbers[a.id])
            for part, page in enumerate(pages, 1):
                self.highlights.append(
                    HighlightPart(
                        a,
                        page,
                        part,
                        len(pages),
                        tuple(by_page[page]),
                        colour,
                        marker if part == 1 else "",
                        (ink.redF(), ink.greenF(), ink.blueF()),
                    )
                )
            first_rect = by_page[pages[0]][0]
            self._first[a.id] = (Target(pages[0], first_rect.top()), ink, numbers[a.id])
            if painted:
                self._page_marks(pages[0]).markers.append(
                    (first_rect.left(), first_rect.top(), str(numbers[a.id]), ink)
                )

        pending = self._margin_notes(annotations, numbers)
        for n, start in enumerate(range(0, len(pending), NOTES_PER_FLOW)):
            batch = pending[start : start + NOTES_PER_FLOW]
            heading = "" if n else "Notes"
            notes_doc = self.typeset.notes(heading, batch, g.body_width)
            notes = self._place(
                Flow(_held(notes_doc), "notes", index, space_before=0 if n else 20 * UNIT)
            )
            if not n:
                first = notes.slices[0]
                entry.children.append(OutlineEntry("Notes", Target(first.page, first.page_y)))

    def _compose_body(self, index: int, item: ExportItem, layout: HighlightLayout) -> None:
        """Typeset the text part by part (see `chunks`), paginate and measure each part while
        its layout is at hand, and let go of it unless it is small enough to keep."""
        text, formatting = item.document.text, item.document.formatting
        width, left = self.geometry.body_width, self.geometry.left
        hidden = [] if self.options.keep_furniture else _furniture(item)
        parts = deque(chunk_ranges(text))
        first = True
        while parts:
            start, end = parts.popleft()
            part = text[start:end]
            positions = TextPositions(part)
            spans = clip_spans(formatting, start, end) if formatting else []
            blocks = [positions.to_doc(s) for s in local_starts(hidden, start, end)]

            def build(
                part: str = part, spans: list = spans, blocks: list = blocks
            ) -> QTextDocument:
                return self.typeset.body(part, width, spans, blocks)

            keep = self._retained + len(part) <= RETAIN_CHARS
            flow = Flow(build, "body", index, space_before=16 * UNIT if first else 0, keep=keep)
            if flow.doc.size().height() > SAFE_HEIGHT and end - start > 1:
                parts.extendleft(reversed(split_range(text, start, end)))
                flow.release()
                continue
            if not laid_out(flow.doc):
                raise ExportFailed(
                    f"“{item.title}” could not be laid out in full (Qt stopped near character "
                    f"{start:,}); nothing was written."
                )
            self._place(flow)
            layout.measure(flow, positions, start, left)
            if keep:
                self._retained += len(part)
            else:
                flow.release()
            first = False

    def _note_entry(self, a: Annotation, number: int) -> NoteEntry:
        where = self._first.get(a.id)
        return NoteEntry(
            number=number,
            colour=QColor(color_hex(a.color, dark=True)),
            excerpt=excerpt(a.quote),
            note=a.note,
            tags=a.tags,
            page=where[0].page + 1 if where else None,
        )

    def _margin_notes(
        self, annotations: Sequence[Annotation], numbers: dict[int, int]
    ) -> list[NoteEntry]:
        """Place notes in the margin where they fit; return those that go to the end."""
        g = self.geometry
        pending: list[NoteEntry] = []
        column_bottom: dict[int, float] = {}
        for a in annotations:
            entry = self._note_entry(a, numbers[a.id])
            where = self._first.get(a.id)
            if self.options.notes == "end" or where is None:
                pending.append(entry)
                continue
            if not (a.note or a.tags):
                continue
            doc = self.typeset.margin_note(entry, g.notes_width)
            target = where[0]
            top = column_bottom.get(target.page, g.body_top)
            height = doc.size().height()
            # Beside its line if possible, else pulled up from the foot of the page; when the
            # margin is full the note goes to the end of the document.
            y = min(max(target.y, top), g.body_bottom - height)
            if y < top:
                pending.append(entry)
                continue
            self._page_marks(target.page).notes.append((doc, g.notes_x, y))
            column_bottom[target.page] = y + height + 5 * UNIT
        return pending

    # -- the closing quotes section --------------------------------------------------------------

    def _compose_quotes(self) -> None:
        grouped: dict[str, list[QuoteEntry]] = {}
        for item in self.items:
            for a in sorted(item.annotations, key=lambda a: (a.start, a.end, a.id)):
                where = self._first.get(a.id)
                quote = QuoteEntry(
                    number=where[2] if where else 0,
                    colour=QColor(color_hex(a.color, dark=True)),
                    text=excerpt(a.quote, 320),
                    note=a.note,
                    source=item.title,
                    page=where[0].page + 1 if where else None,
                    target=where[0] if where else None,
                )
                for name in a.tags or (UNTAGGED,):
                    grouped.setdefault(name, []).append(quote)
        names = sorted((n for n in grouped if n != UNTAGGED), key=str.casefold)
        if UNTAGGED in grouped:
            names.append(UNTAGGED)
        section: OutlineEntry | None = None
        for n, groups in enumerate(_batches(names, grouped, NOTES_PER_FLOW)):
            marked = self.typeset.quotes(groups, self.geometry.body_width, title=not n)
            flow = self._place(Flow(_held(marked.doc), "quotes", None, new_page=not n))
            if section is None:
                first = flow.slices[0]
                section = OutlineEntry("Quotes", Target(first.page, first.page_y))
                self.outline.append(section)
            self._quote_marks(flow, marked, section)

    def _quote_marks(self, flow: Flow, marked: Marked, section: OutlineEntry) -> None:
        for name, position in marked.headings:
            y = marked.doc.findBlock(position).layout().position().y()
            page_slice = flow.locate(y)
            section.children.append(
                OutlineEntry(name, Target(page_slice.page, page_slice.to_page(0, y, 0)[1]))
            )
        for start, end, target in marked.ranges:
            if not isinstance(target, Target):
                continue
            for piece in range_pieces(marked.doc, start, end):
                page_slice = flow.locate(piece.top)
                x, y = page_slice.to_page(piece.x0, piece.top, self.geometry.left)
                rect = QRectF(x, y, piece.x1 - piece.x0, piece.bottom - piece.top)
                self.links.append(Link(page_slice.page, rect, target))


def _furniture(item: ExportItem) -> list[int]:
    """The starts of the lines the PDF leaves out: what the reader view hides (the library's
    verdict, or worked out here), and a first line that repeats the title."""
    text = item.document.text
    ranges = item.furniture if item.furniture is not None else furniture_ranges(text)
    marked = [(a.start, a.end) for a in item.annotations if not a.orphaned]
    hidden = hidden_lines(text, ranges, marked)
    return sorted({*hidden, *repeated_title(text, item.title, hidden, marked)})


def _held(doc: QTextDocument) -> Callable[[], QTextDocument]:
    """The builder of a flow whose document is made once and kept."""
    return lambda: doc


def _batches(
    names: Sequence[str], grouped: dict[str, list[QuoteEntry]], size: int
) -> list[list[QuoteGroup]]:
    """The quote groups in parts of at most `size` quotes; a group cut in two continues in
    the next part under no heading (an empty name)."""
    batches: list[list[QuoteGroup]] = [[]]
    room = size
    for name in names:
        quotes = grouped[name]
        heading = name
        while quotes:
            if room == 0:
                batches.append([])
                room = size
            take, quotes = quotes[:room], quotes[room:]
            batches[-1].append(QuoteGroup(heading, tuple(take)))
            room -= len(take)
            heading = ""
    return batches
