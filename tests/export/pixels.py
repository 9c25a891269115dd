"""Looking at rendered pages: how much of a box is painted in a given colour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pdf_probe import Box
from PySide6.QtGui import QColor, QImage

Pixel = Callable[[QColor], bool]


def load(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), path
    return image.convertToFormat(QImage.Format.Format_RGB32)


def near(hex_colour: str, tolerance: int = 14) -> Pixel:
    want = QColor(hex_colour)

    def test(c: QColor) -> bool:
        return (
            abs(c.red() - want.red()) <= tolerance
            and abs(c.green() - want.green()) <= tolerance
            and abs(c.blue() - want.blue()) <= tolerance
        )

    return test


def tinted(spread: int = 28) -> Pixel:
    """Any clearly coloured pixel: text is grey on white, highlights are not."""

    def test(c: QColor) -> bool:
        channels = (c.red(), c.green(), c.blue())
        return max(channels) - min(channels) > spread

    return test


def share(image: QImage, box: Box, dpi: int, pixel: Pixel, inset: float = 1.0) -> float:
    """The fraction of the pixels inside `box` (points, top-left origin) that pass `pixel`."""
    scale = dpi / 72
    x0, x1 = round(box.x0 * scale + inset), round(box.x1 * scale - inset)
    y0, y1 = round(box.y0 * scale + inset), round(box.y1 * scale - inset)
    total = hits = 0
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            total += 1
            hits += pixel(image.pixelColor(x, y))
    return hits / total if total else 0.0


def count(image: QImage, box: Box, dpi: int, pixel: Pixel, skip: list[Box]) -> int:
    """How many pixels inside `box` but outside every box in `skip` pass `pixel`."""
    scale = dpi / 72
    n = 0
    for y in range(round(box.y0 * scale), round(box.y1 * scale)):
        for x in range(round(box.x0 * scale), round(box.x1 * scale)):
            px, py = (x + 0.5) / scale, (y + 0.5) / scale
            if any(b.x0 - 2 <= px <= b.x1 + 2 and b.y0 - 2 <= py <= b.y1 + 2 for b in skip):
                continue
            n += pixel(image.pixelColor(x, y))
    return n


def count_colours(image: QImage, colours: list[str], tolerance: int = 10) -> int:
    """How many pixels of the whole image lie within `tolerance` of one of `colours`.

    Reads the pixels as bytes and looks each up in the set of every near colour: a whole page
    in a fraction of a second, where `pixelColor` per pixel would take many seconds.
    """
    near_colours: set[tuple[int, int, int]] = set()
    span = range(-tolerance, tolerance + 1)
    for name in colours:
        c = QColor(name)
        near_colours.update(
            (c.red() + dr, c.green() + dg, c.blue() + db)
            for dr in span
            for dg in span
            for db in span
        )
    rgb32 = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb32.constBits())  # B, G, R, 0xff per pixel, rows padded to 4 bytes
    return sum((data[i + 2], data[i + 1], data[i]) in near_colours for i in range(0, len(data), 4))
