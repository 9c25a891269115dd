"""The small number before each highlight, drawn by the highlight's own annotation.

The number belongs to the highlight: deleting or hiding the annotation in a reader must take it
along, as it takes the colour. So unless highlights are flattened into the page, each number is
drawn in the annotation's appearance stream. Every digit is one shared form (its outline, from
the same bold sans the page would use), placed by the appearance with a translation, so a
thousand numbers cost a few bytes each instead of a full outline each, and, being outlines,
they never get into the text that is copied or extracted.
"""

from __future__ import annotations

from pypdf.generic import IndirectObject
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath

from quotebook.export.fonts import Families, font
from quotebook.export.pdf.geometry import UNIT
from quotebook.export.pdf.rewrite import PdfRewrite
from quotebook.export.pdf.serialize import Name, Stream, number

MARKER_SIZE = 5.2  # points
GAP = 0.4  # points between the number and the highlight's first word
RAISE = 0.3  # points: the baseline sits this far below the top of the line box


def marker_font(families: Families) -> QFont:
    """The font of the numbers, sized in device units (the page painter uses it as is)."""
    f = QFont(font(families.sans, MARKER_SIZE, bold=True))
    f.setPixelSize(round(MARKER_SIZE * UNIT))
    return f


class DigitForms:
    """One form per digit, added to the update the first time it is needed.

    `forms` is a name → form dictionary that grows as digits are drawn; it is written out
    with the update, so every appearance can share one resource dictionary holding it.
    """

    def __init__(self, update: PdfRewrite, families: Families) -> None:
        self.update = update
        self.font = marker_font(families)
        self.metrics = QFontMetricsF(self.font)
        self.forms: dict[str, IndirectObject] = {}
        self._forms: dict[str, IndirectObject] = {}

    def _form(self, digit: str) -> IndirectObject:
        ref = self._forms.get(digit)
        if ref is None:
            path = QPainterPath()
            path.addText(QPointF(0, 0), self.font, digit)
            box = path.boundingRect()
            bbox = [box.left() / UNIT, -box.bottom() / UNIT, box.right() / UNIT, -box.top() / UNIT]
            ref = self.update.add(
                Stream(
                    {
                        "/Type": Name("/XObject"),
                        "/Subtype": Name("/Form"),
                        "/BBox": [round(v, 3) for v in bbox],
                    },
                    _outline(path).encode("ascii"),
                )
            )
            self._forms[digit] = ref
            self.forms[f"/{_name(digit)}"] = ref
        return ref

    def box(self, text: str, x: float, top: float) -> list[float]:
        """Where `text` goes (see `draw`), as a bounding box in PDF points."""
        width = self.metrics.horizontalAdvance(text) / UNIT
        baseline = top - RAISE
        ascent = self.metrics.ascent() / UNIT
        return [x - width - GAP, baseline - 0.3, x - GAP, baseline + ascent]

    def draw(self, text: str, x: float, top: float, colour: tuple[float, float, float]) -> str:
        """Content drawing `text` so that it ends just before `x` with its baseline a little
        below `top` (in the coordinates of the form it is drawn in); it uses the forms in
        `forms`."""
        for digit in text:
            self._form(digit)
        left = x - self.metrics.horizontalAdvance(text) / UNIT - GAP
        ops = ["q", " ".join(number(c) for c in colour), "rg"]
        ops.append(f"1 0 0 1 {number(left)} {number(top - RAISE)} cm")
        for i, digit in enumerate(text):
            if i:
                step = self.metrics.horizontalAdvance(text[i - 1]) / UNIT
                ops.append(f"1 0 0 1 {number(step)} 0 cm")
            ops.append(f"/{_name(digit)} Do")
        ops.append("Q")
        return " ".join(ops)


def _name(digit: str) -> str:
    return f"N{ord(digit):x}"


def _outline(path: QPainterPath) -> str:
    """A painter path (device units, y down) as PDF path operators (points, y up), filled."""
    ops: list[str] = []
    i, count = 0, path.elementCount()
    while i < count:
        e = path.elementAt(i)
        x, y = number(e.x / UNIT), number(-e.y / UNIT)
        if e.isMoveTo():
            if ops:
                ops.append("h")
            ops.append(f"{x} {y} m")
            i += 1
        elif e.isLineTo():
            ops.append(f"{x} {y} l")
            i += 1
        else:  # a curve: this element and the next two are its control and end points
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            ops.append(
                f"{x} {y} {number(c2.x / UNIT)} {number(-c2.y / UNIT)} "
                f"{number(end.x / UNIT)} {number(-end.y / UNIT)} c"
            )
            i += 3
    ops.append("h f*")  # even-odd, as the painter fills a text path
    return "\n".join(ops)
