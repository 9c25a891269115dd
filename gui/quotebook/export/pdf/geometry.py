"""Page geometry and pagination: where each piece of laid-out text lands on which page.

Qt lays each text out as a tall `QTextDocument` (a "flow"; a long body is several, see
`chunks`); we cut the flows into page-sized slices at line boundaries and remember every slice,
so any position in any flow can be mapped to a page and a point on it. The same mapping places
the painted highlights, the margin notes, the native annotations' QuadPoints and the links,
which is why they all agree.

Lengths are in device units of the PDF writer: `RESOLUTION` dpi, i.e. `UNIT` units per point.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QTextDocument

from quotebook.export.options import NoteLayout, PageSizeName
from quotebook.export.pdf.chunks import QT_LAYOUT_LIMIT

RESOLUTION = 720
UNIT = RESOLUTION / 72  # device units per PDF point

# Paper sizes in whole points, as Qt's PDF engine writes them into /MediaBox.
PAPER_POINTS: dict[PageSizeName, tuple[int, int]] = {"a4": (595, 842), "letter": (612, 792)}


@dataclass(frozen=True)
class PageGeometry:
    """Paper, margins and the two columns (text and notes), in device units."""

    page_size: PageSizeName
    width: float
    height: float
    left: float
    body_width: float
    notes_x: float
    notes_width: float
    body_top: float
    body_bottom: float
    header_y: float
    footer_y: float

    @classmethod
    def create(cls, page_size: PageSizeName, notes: NoteLayout) -> PageGeometry:
        w_pt, h_pt = PAPER_POINTS[page_size]
        if notes == "margin":
            # A narrower text column leaves room for notes on the right of every line.
            left, notes_width, gap, right = 50, 124, 12, 28
            body = w_pt - left - gap - notes_width - right
        else:
            left = right = 66
            notes_width, gap = 0, 0
            body = w_pt - left - right
        return cls(
            page_size=page_size,
            width=w_pt * UNIT,
            height=h_pt * UNIT,
            left=left * UNIT,
            body_width=body * UNIT,
            notes_x=(left + body + gap) * UNIT,
            notes_width=notes_width * UNIT,
            body_top=58 * UNIT,
            body_bottom=(h_pt - 54) * UNIT,
            header_y=36 * UNIT,
            footer_y=(h_pt - 30) * UNIT,
        )

    @property
    def body_height(self) -> float:
        return self.body_bottom - self.body_top

    def to_pdf(self, x: float, y: float) -> tuple[float, float]:
        """Device coordinates (origin top left) → PDF user space (points, origin bottom left)."""
        return x / UNIT, (self.height - y) / UNIT


@dataclass(eq=False)
class Flow:
    """One laid-out text and what it belongs to (which export item, which part).

    `build` makes the laid-out document. A long body's parts let go of their documents once
    they are paginated and measured, and build them again when their pages are painted, so an
    export holds only a few parts' layouts at a time; a rebuilt document must come out exactly
    as tall as the first one did.
    """

    build: Callable[[], QTextDocument]
    kind: str  # "header", "body", "notes" or "quotes"
    item: int | None = None
    new_page: bool = False
    space_before: float = 0.0
    keep: bool = True  # hold on to the document until the export is done
    slices: list[Slice] = field(default_factory=list)
    height: float | None = None  # set when the flow is placed
    _doc: QTextDocument | None = field(default=None, repr=False)
    _tops: list[float] = field(default_factory=list, repr=False)

    @property
    def doc(self) -> QTextDocument:
        if self._doc is None:
            doc = self.build()
            if self.height is not None and abs(doc.size().height() - self.height) > 0.01:
                raise RuntimeError(f"a {self.kind} text came out differently the second time")
            self._doc = doc
        return self._doc

    def release(self) -> None:
        """Let go of the laid-out document (it is built again if asked for)."""
        self._doc = None

    def locate(self, y: float) -> Slice:
        """The slice holding flow coordinate `y` (the last one for anything past the end)."""
        if len(self._tops) != len(self.slices):
            self._tops = [s.top for s in self.slices]
        return self.slices[max(0, bisect.bisect_right(self._tops, y) - 1)]


@dataclass(frozen=True)
class Slice:
    flow: Flow
    page: int
    top: float  # flow coordinates
    bottom: float
    page_y: float  # device y on the page where `top` is drawn
    first_line: LineBox | None = None

    def to_page(self, x: float, y: float, left: float) -> tuple[float, float]:
        return left + x, self.page_y + (y - self.top)


@dataclass
class Page:
    index: int
    running_title: str
    item: int | None
    opens_item: bool
    slices: list[Slice] = field(default_factory=list)


@dataclass(frozen=True)
class LineBox:
    top: float
    bottom: float
    block: int  # block number in the document
    index: int  # line number inside its block


def laid_out(doc: QTextDocument) -> bool:
    """Whether Qt laid the whole document out: its last shown block has lines.

    Past Qt's coordinate range blocks are left without lines (see `chunks`), and a text cut
    short that way must never pass for a finished export.
    """
    height = doc.size().height()  # finishes the layout
    block = doc.lastBlock()
    while block.isValid() and not block.isVisible():
        block = block.previous()
    return height < QT_LAYOUT_LIMIT and (not block.isValid() or block.layout().lineCount() > 0)


def line_boxes(doc: QTextDocument) -> list[LineBox]:
    """Every line of the flow, in order; a page may break before any of them."""
    # Qt lays long documents out lazily, in chunks; asking for the size finishes the layout.
    doc.size()
    boxes: list[LineBox] = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position().y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = origin + line.y()
            boxes.append(LineBox(top, top + line.height(), block.blockNumber(), i))
        block = block.next()
    return boxes


class Paginator:
    """Places flows one after another on pages, breaking only between lines."""

    def __init__(self, geometry: PageGeometry, running_title: Callable[[Flow], str]) -> None:
        self.geometry = geometry
        self.pages: list[Page] = []
        self._running_title = running_title
        self._y = geometry.body_top

    def _new_page(self, flow: Flow, *, opens: bool) -> None:
        self.pages.append(Page(len(self.pages), self._running_title(flow), flow.item, opens))
        self._y = self.geometry.body_top

    def place(self, flow: Flow) -> None:
        g = self.geometry
        boxes = line_boxes(flow.doc)
        if flow.new_page or not self.pages:
            self._new_page(flow, opens=True)
        elif self._y > g.body_top:
            self._y += flow.space_before
        start = 0.0  # flow coordinate where the current slice begins
        first: LineBox | None = None  # the current slice's first line
        for box in boxes:
            overflows = self._y + (box.bottom - start) > g.body_bottom
            if overflows and (first is not None or self._y > g.body_top):
                if first is not None:
                    self._close(flow, start, box.top, first)
                self._new_page(flow, opens=False)
                start = box.top  # space above the first line of a page is dropped
                first = None
            if first is None:
                first = box
        end = max(flow.doc.size().height(), boxes[-1].bottom if boxes else 0.0)
        flow.height = flow.doc.size().height()
        self._close(flow, start, end, first)

    def _close(self, flow: Flow, top: float, bottom: float, first: LineBox | None) -> None:
        piece = Slice(flow, len(self.pages) - 1, top, bottom, self._y, first)
        flow.slices.append(piece)
        self.pages[-1].slices.append(piece)
        self._y += bottom - top


@dataclass(frozen=True)
class Piece:
    """A run of text on one line, in flow coordinates: the unit of highlights and quads."""

    x0: float
    x1: float
    top: float
    bottom: float


def range_pieces(
    doc: QTextDocument,
    start: int,
    end: int,
    is_blank: Callable[[int], bool] | None = None,
) -> list[Piece]:
    """The line-by-line boxes covering document positions [start, end) (UTF-16 units).

    Blank characters where a line starts or ends are left out, so a highlight that crosses a
    line break covers the words, not the space where the line wrapped.
    """
    pieces: list[Piece] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        base = block.position()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line_start = base + line.textStart()
            line_end = line_start + line.textLength()
            a, b = max(start, line_start), min(end, line_end)
            if is_blank is not None:
                # Only at the line's edges: inside a line a blank belongs to the highlight.
                if b == line_end:
                    while b > a and is_blank(b - 1):
                        b -= 1
                if a == line_start:
                    while a < b and is_blank(a):
                        a += 1
            if a >= b:
                continue
            # PySide6's stub types cursorToX as `object`; it returns (x, position).
            xa = line.cursorToX(a - base)[0]  # type: ignore[index]
            xb = line.cursorToX(b - base)[0]  # type: ignore[index]
            top = origin.y() + line.y()
            pieces.append(
                Piece(
                    origin.x() + min(xa, xb),
                    origin.x() + max(xa, xb),
                    top,
                    top + line.ascent() + line.descent(),
                )
            )
        block = block.next()
    return pieces
