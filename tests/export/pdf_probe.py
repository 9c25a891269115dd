"""Reading exported PDFs back the way a person's tools would: pypdf, pdftotext, pdftoppm.

Nothing here knows how the exporter works; it only looks at the finished file.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from quotebook.export.pdf.geometry import UNIT, PageGeometry

XHTML = "{http://www.w3.org/1999/xhtml}"

# Where an A4 page with margin notes puts things, in points from the top left; the tests use
# these to tell the text column from the notes, the running header and the footer.
_A4 = PageGeometry.create("a4", "margin")
BODY_LEFT = _A4.left / UNIT
BODY_RIGHT = (_A4.left + _A4.body_width) / UNIT
BODY_TOP = _A4.body_top / UNIT
BODY_BOTTOM = _A4.body_bottom / UNIT
HEADER_BOTTOM = _A4.header_y / UNIT + 6
FOOTER_TOP = _A4.footer_y / UNIT - 10

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # top, in points from the top of the page (as pdftotext reports)
    x1: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Box:
    """A rectangle in points, measured from the top left of the page."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True)
class Highlight:
    page: int
    name: str
    colour: tuple[float, ...]
    contents: str
    author: str
    modified: str
    boxes: tuple[Box, ...]
    raw: dict


def words(pdf: Path, first: int = 0, last: int | None = None) -> dict[int, list[Word]]:
    """Every word pdftotext finds, per page (0-based), in its reading order; only pages
    `first`…`last` (0-based, inclusive) when given."""
    pick = ["-f", str(first + 1)] + (["-l", str(last + 1)] if last is not None else [])
    raw = subprocess.run(
        ["pdftotext", "-bbox", *pick, str(pdf), "-"], check=True, capture_output=True
    ).stdout
    # poppler writes a title's characters beyond U+FFFF as two halves of a surrogate pair.
    out = raw.decode("utf-8", errors="replace")
    root = ET.fromstring(out)
    pages: dict[int, list[Word]] = {}
    for index, page in enumerate(root.iter(f"{XHTML}page"), first):
        pages[index] = [
            Word(
                w.text or "",
                float(w.get("xMin", 0)),
                float(w.get("yMin", 0)),
                float(w.get("xMax", 0)),
                float(w.get("yMax", 0)),
            )
            for w in page.iter(f"{XHTML}word")
        ]
    return pages


def text(pdf: Path, *extra: str) -> str:
    return subprocess.run(
        ["pdftotext", *extra, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def highlights(pdf: Path) -> list[Highlight]:
    reader = PdfReader(pdf)
    found = []
    for index, page in enumerate(reader.pages):
        top = float(page.mediabox.top)
        for ref in page.get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") != "/Highlight":
                continue
            q = [float(v) for v in a["/QuadPoints"]]
            boxes = tuple(
                Box(
                    min(q[i], q[i + 4]),
                    top - max(q[i + 1], q[i + 5]),
                    max(q[i + 2], q[i + 6]),
                    top - min(q[i + 1], q[i + 5]),
                )
                for i in range(0, len(q), 8)
            )
            found.append(
                Highlight(
                    page=index,
                    name=str(a.get("/NM", "")),
                    colour=tuple(float(c) for c in a["/C"]),
                    contents=str(a.get("/Contents", "")),
                    author=str(a.get("/T", "")),
                    modified=str(a.get("/M", "")),
                    boxes=boxes,
                    raw=a,
                )
            )
    return found


def annotation_id(name: str) -> int:
    """``quotebook-12`` or ``quotebook-12-2`` → 12."""
    return int(name.split("-")[1])


def words_inside(page_words: list[Word], boxes: tuple[Box, ...]) -> list[str]:
    return [w.text for w in page_words if any(b.contains(*w.centre) for b in boxes)]


def normalise(value: str) -> str:
    return " ".join(value.split())


def render(
    pdf: Path,
    page: int,
    out_dir: Path,
    *,
    dpi: int = 60,
    hide: bool = False,
    smooth: bool = True,
) -> Path:
    """Render one page (0-based) to PNG with pdftoppm; returns the file. Without `smooth`
    nothing is anti-aliased, so every pixel is a colour that was really drawn."""
    prefix = out_dir / f"page{page + 1}{'-bare' if hide else ''}"
    args = ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page + 1), "-l", str(page + 1)]
    if hide:
        args.append("-hide-annotations")
    if not smooth:
        args += ["-aa", "no", "-aaVector", "no"]
    subprocess.run([*args, "-singlefile", str(pdf), str(prefix)], check=True)
    return prefix.with_suffix(".png")


def quote_mismatch(found: list[tuple[Word, Box]], quote: str) -> str | None:
    """Why the words found under a highlight are not its quote, or None when they are.

    pdftotext reports whole words, so a quote that stops before a comma finds the word with
    its comma. That is accepted only for the first and last word, only for punctuation, and
    only when that word really sticks out of the highlight's box on that side.
    """
    expected = quote.split()
    texts = [w.text for w, _ in found]
    if len(texts) != len(expected):
        return f"found {texts}, expected {expected}"
    for i, ((word, box), want) in enumerate(zip(found, expected, strict=True)):
        at = word.text.find(want)
        if at < 0:
            return f"word {i}: found {word.text!r}, expected {want!r}"
        before, after = word.text[:at], word.text[at + len(want) :]
        if before and not (i == 0 and _punctuation(before) and word.x0 < box.x0 - 0.5):
            return f"word {i}: {before!r} before {want!r} lies under the highlight"
        last = i == len(expected) - 1
        if after and not (last and _punctuation(after) and word.x1 > box.x1 + 0.5):
            return f"word {i}: {after!r} after {want!r} lies under the highlight"
    return None


def _punctuation(chars: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in chars)


def words_under(page_words: list[Word], boxes: tuple[Box, ...]) -> list[tuple[Word, Box]]:
    """The words whose centre lies in one of the boxes, with that box, in reading order."""
    found = []
    for w in page_words:
        for b in boxes:
            if b.contains(*w.centre):
                found.append((w, b))
                break
    return found
