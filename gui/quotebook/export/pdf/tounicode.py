"""Text for the glyphs Qt leaves without any: characters outside the Basic Multilingual Plane.

Qt maps each embedded glyph back to its character (the font's /ToUnicode map, which text
extraction, search and copy-and-paste read) only for characters up to U+FFFF. Emoji such as
🔥, 👍🏽, 🇷🇺 or 👨‍👩‍👧 lie beyond, so they were drawn but missing from the text layer. The
characters are known, though: `Glyphs` notes every printed word that holds one. Here each such
word is shaped again with Qt, in each of the export's fonts, which tells which fallback font and
which of its glyphs print each character. The embedded font subset has its own glyph numbers,
in the order Qt first used them; each unmapped one is matched to its glyph in the full font by
its outline (Qt redraws the outlines into the subset, so they are compared as small drawings),
and the map gets its text.

A glyph's text is its character with the invisible characters around it that Qt drops from
the glyph run (a variation selector after it, a joiner before it), so that a sequence comes
back whole (👨, ZWJ + 👩, ZWJ + 👧). A glyph that stands for different texts in different
places (👩 alone and in a family) gets the shortest one: a map has one text per glyph.
"""

from __future__ import annotations

import bisect
import re
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pypdf.generic import DictionaryObject, IndirectObject, NameObject, StreamObject
from PySide6.QtCore import QByteArray
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QRawFont,
    QTextLayout,
)

from quotebook.export.pdf.rewrite import PdfRewrite
from quotebook.export.pdf.serialize import Stream

OUTLINE_SIZE = 1000  # pixels per em at which outlines are read
SAMPLE = 64  # pixels a side of the small drawings of two outlines that are compared
# How much two drawings of one glyph may differ (the share of their ink: Qt redraws the curves
# of the outlines it embeds), and how much less than the next candidate with another text the
# best one must differ. Measured on the bundled font's 768 pictographs U+1F300-U+1F5FF: a glyph
# and its embedded copy differ by 0.09 at most, the nearest other glyph is 5.8 times further.
ALIKE = 0.25
CLEARLY = 0.5
# A drawn pixel counts as ink from half tone on: each byte becomes one bit of the number.
_INKED = bytes(1 if v >= 128 else 0 for v in range(256))
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<[0-9A-Fa-f]*>|\[[^\]]*\])")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]*>")
_SECTION = re.compile(rb"begin(bfrange|bfchar)(.*?)end\1", re.S)
_CMAP_HEAD = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
"""
_CMAP_TAIL = b"""endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _selects(char: str) -> bool:
    """A variation selector: it picks the look of the character before it."""
    cp = ord(char)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _units(text: str) -> list[str]:
    """`text` cut into one piece per character that shows: a variation selector stays with
    the character before it, an invisible format character (zero-width joiner, emoji tag) goes
    with the character after it, and one with nothing after it is left out.

    Not the other way round: pdf.js drops the whole text of a glyph that ends in a format
    character, which would take 👨 and 👩 out of 👨‍👩‍👧."""
    units: list[str] = []
    pending = ""
    for char in text:
        if units and _selects(char):
            units[-1] += char
        elif unicodedata.category(char) == "Cf":
            pending += char
        else:
            units.append(pending + char)
            pending = ""
    return units


@dataclass
class FontGlyphs:
    """What the words printed in one font (a family, as Qt names it) say about its glyphs."""

    font: QRawFont
    texts: dict[int, set[str]] = field(default_factory=dict)  # glyph → the texts it stood for

    def text(self, glyph: int) -> str:
        return min(self.texts[glyph], key=lambda t: (len(t), t))


def shape(words: Iterable[str], fonts: Sequence[QFont]) -> dict[tuple[str, str], FontGlyphs]:
    """Shape each word in each font as the PDF was typeset; per font face (family and style
    name) that printed any of it, which glyph stood for which text."""
    found: dict[tuple[str, str], FontGlyphs] = {}
    flags = (
        QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
        | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    )
    for word in words:
        for font in fonts:
            layout = QTextLayout(word, font)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            runs = layout.glyphRuns(0, -1, flags)
            # Positions are UTF-16 offsets: a character outside the BMP takes two.
            starts = sorted({i for run in runs for i in run.stringIndexes()} | {_utf16(word)})
            chars = _utf16_positions(word)
            for run in runs:
                raw = run.rawFont()
                key = (raw.familyName(), raw.styleName())
                family = found.get(key)
                if family is None:
                    family = found[key] = FontGlyphs(_face(raw))
                clusters: dict[int, list[int]] = {}
                for glyph, at in zip(run.glyphIndexes(), run.stringIndexes(), strict=True):
                    clusters.setdefault(at, []).append(glyph)
                for at, glyphs in clusters.items():
                    end = starts[bisect.bisect_right(starts, at)]
                    text = word[chars.get(at, 0) : chars.get(end, len(word))]
                    for glyph, piece in _split(text, glyphs):
                        family.texts.setdefault(glyph, set()).add(piece)
    return found


def _face(raw: QRawFont) -> QRawFont:
    """The face a glyph run was printed from, as designed: a run in a style the face lacks
    (italic, bold) is slanted or thickened by Qt, but the PDF embeds the outlines as they
    are, and those are what it is matched against."""
    font = QFontDatabase.font(raw.familyName(), raw.styleName(), 12)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    face = QRawFont.fromFont(font)
    if not face.isValid() or face.familyName() != raw.familyName():
        face = QRawFont(raw)
    face.setPixelSize(OUTLINE_SIZE)
    return face


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utf16_positions(text: str) -> dict[int, int]:
    """UTF-16 offset → code point offset, for every character start."""
    positions, at = {}, 0
    for i, char in enumerate(text):
        positions[at] = i
        at += 2 if ord(char) > 0xFFFF else 1
    positions[at] = len(text)
    return positions


def _split(text: str, glyphs: list[int]) -> list[tuple[int, str]]:
    """Which part of a cluster's text each of its glyphs shows: one visible character each
    when the counts agree (👍🏽 in a font without the combined glyph), else all of it for the
    first glyph (a ligature)."""
    units = _units(text)
    if len(units) == len(glyphs):
        return list(zip(glyphs, units, strict=True))
    return [(glyphs[0], text)] if text else []


def _print(path: QPainterPath) -> int:
    """The outline drawn small (SAMPLE pixels square over the em and a margin), one bit a
    pixel, as a number (so that comparing two takes two integer operations)."""
    if path.isEmpty():
        return 0
    image = QImage(SAMPLE, SAMPLE, QImage.Format.Format_Grayscale8)
    image.fill(0)
    painter = QPainter(image)
    scale = SAMPLE / (1.4 * OUTLINE_SIZE)
    painter.scale(scale, scale)
    painter.translate(0.1 * OUTLINE_SIZE, 1.1 * OUTLINE_SIZE)  # the baseline near the foot
    painter.fillPath(path, QColor("white"))
    painter.end()
    pixels = bytes(image.constBits())[: image.sizeInBytes()]
    return int.from_bytes(pixels.translate(_INKED), "big")


def _bounds(path: QPainterPath) -> tuple[float, float, float, float]:
    box = path.boundingRect()
    return box.left(), box.top(), box.right(), box.bottom()


def _near(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two outlines' bounds agree within 3 % of the em."""
    slack = 0.03 * OUTLINE_SIZE
    return all(abs(x - y) <= slack for x, y in zip(a, b, strict=True))


def _difference(a: int, b: int) -> float:
    """The share of inked pixels where two small drawings differ (0 alike, 1 nothing shared)."""
    inked = (a | b).bit_count()
    return (a ^ b).bit_count() / inked if inked else 1.0


def _mapped(cmap: bytes) -> set[int]:
    """The codes a ToUnicode CMap gives text to."""
    codes: set[int] = set()
    for kind, body in _SECTION.findall(cmap):
        if kind == b"bfrange":
            for first, last in _BFRANGE.findall(body):
                codes.update(range(int(first, 16), int(last, 16) + 1))
        else:
            codes.update(int(code, 16) for code in _BFCHAR.findall(body))
    return codes


def _with_entries(cmap: bytes, entries: dict[int, str]) -> bytes:
    """`cmap` (or a new one) with `entries` added as bfchar sections (100 at most each)."""
    lines = [
        b"<%04X> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode())
        for code, text in sorted(entries.items())
    ]
    added = b"".join(
        b"%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), b"\n".join(chunk))
        for chunk in (lines[i : i + 100] for i in range(0, len(lines), 100))
    )
    end = cmap.rfind(b"endcmap")
    if end < 0:
        return _CMAP_HEAD + added + _CMAP_TAIL
    return cmap[:end] + added + cmap[end:]


def _glyph_count(font: QRawFont) -> int:
    maxp = bytes(font.fontTable("maxp").data())
    return struct.unpack(">H", maxp[4:6])[0] if len(maxp) >= 6 else 0


def complete_unicode_maps(update: PdfRewrite, words: Iterable[str], fonts: Sequence[QFont]) -> int:
    """Give every embedded glyph that has no text but stands for one of `words`' characters
    its text in its font's ToUnicode map; returns how many glyphs got one."""
    words = list(words)
    if not words:
        return 0
    shaped = shape(words, fonts)
    added = 0
    for ref in update.type0_fonts():
        font = ref.get_object()
        if not isinstance(font, DictionaryObject):
            continue
        program = _font_program(font)
        if program is None:
            continue
        subset = QRawFont(
            QByteArray(program), OUTLINE_SIZE, QFont.HintingPreference.PreferNoHinting
        )
        if not subset.isValid():
            continue
        known = shaped.get((subset.familyName(), subset.styleName()))
        if known is None:
            continue
        raw_map = font.raw_get("/ToUnicode") if "/ToUnicode" in font else None
        cmap = raw_map.get_object().get_data() if raw_map is not None else b""
        mapped = _mapped(cmap)
        outlines = {g: known.font.pathForGlyph(g) for g in known.texts}
        bounds = {g: _bounds(outline) for g, outline in outlines.items()}
        drawings: dict[int, int] = {}
        entries: dict[int, str] = {}
        for code in range(1, _glyph_count(subset)):
            if code in mapped:
                continue
            path = subset.pathForGlyph(code)
            drawing, extent = _print(path), _bounds(path)
            scored = []
            for g, outline in outlines.items():
                if not _near(extent, bounds[g]):
                    continue  # only glyphs of about the same extent are drawn and compared
                if g not in drawings:
                    drawings[g] = _print(outline)
                scored.append((_difference(drawing, drawings[g]), g))
            scored.sort()
            if not scored or scored[0][0] > ALIKE:
                continue
            best, glyph = scored[0]
            # Two glyphs alike for different texts: better no text than a guess.
            rival = next((d for d, g in scored[1:] if known.text(g) != known.text(glyph)), 1.0)
            if best <= CLEARLY * rival:
                entries[code] = known.text(glyph)
        if not entries:
            continue
        stream = Stream({}, _with_entries(cmap, entries))
        if isinstance(raw_map, IndirectObject):
            update.set(raw_map, stream)
        else:
            font[NameObject("/ToUnicode")] = update.add(stream)
            update.set(ref, font)
        added += len(entries)
    return added


def _font_program(font: DictionaryObject) -> bytes | None:
    """The embedded TrueType program of a Type 0 font, or None."""
    kids = font.get("/DescendantFonts")
    if not kids:
        return None
    kid = kids[0].get_object()
    descriptor = kid.get("/FontDescriptor") if isinstance(kid, DictionaryObject) else None
    descriptor = descriptor.get_object() if descriptor is not None else None
    if not isinstance(descriptor, DictionaryObject) or "/FontFile2" not in descriptor:
        return None
    program = descriptor["/FontFile2"].get_object()
    return program.get_data() if isinstance(program, StreamObject) else None
