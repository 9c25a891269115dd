"""Text for glyphs outside the Basic Multilingual Plane: how a printed sequence is shared out
among its glyphs, and how the font's ToUnicode map takes the additions."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from PySide6.QtGui import QRawFont

from quotebook.export.pdf.tounicode import FontGlyphs, _mapped, _split, _units, _with_entries

FAMILY = "👨\u200d👩\u200d👧"

QT_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<0003> <0005> <0041>
<0007> <0008> [<2705> <4E2D>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (FAMILY, ["👨", "\u200d👩", "\u200d👧"]),
        ("👍🏽", ["👍", "🏽"]),  # a skin tone shows: a glyph of its own in a font without the pair
        ("🇷🇺", ["🇷", "🇺"]),
        ("❤\ufe0f\u200d🔥", ["❤\ufe0f", "\u200d🔥"]),
        ("🏴\U000e0067\U000e0062\U000e007f", ["🏴"]),  # emoji tags after the last character
    ],
)
def test_units_keep_selectors_behind_and_joiners_ahead(text, units):
    """No piece ends in a format character: pdf.js leaves out a glyph whose text does."""
    assert _units(text) == units
    assert not any(unicodedata.category(unit[-1]) == "Cf" for unit in units)


def test_split_gives_each_glyph_its_character_or_a_ligature_everything():
    assert _split(FAMILY, [6, 7, 8]) == [(6, "👨"), (7, "\u200d👩"), (8, "\u200d👧")]
    assert _split(FAMILY, [40]) == [(40, FAMILY)]  # a font with the family as one glyph


def test_cmap_entries_are_added_as_utf16_and_read_back():
    assert _mapped(QT_CMAP) == {0, 3, 4, 5, 7, 8}
    cmap = _with_entries(QT_CMAP, {1: "🔥", 2: "👨\u200d"})
    assert b"<0001> <D83DDD25>" in cmap and b"<0002> <D83DDC68200D>" in cmap
    assert _mapped(cmap) == {0, 1, 2, 3, 4, 5, 7, 8}
    assert cmap.endswith(QT_CMAP[QT_CMAP.rfind(b"endcmap") :])
    many = _with_entries(b"", {code: "🔥" for code in range(1, 251)})
    assert many.count(b"beginbfchar") == 3  # at most 100 entries a section
    assert _mapped(many) == set(range(1, 251))


def test_a_cmap_with_additions_is_read_by_pypdf(tmp_path):
    """pypdf's text extraction uses the map: a font showing glyphs 1 and 2 reads as 🔥👍."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    cmap = DecodedStreamObject()
    cmap.set_data(_with_entries(QT_CMAP, {1: "🔥", 2: "👍"}))
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): NameObject("/Symbols"),
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/ToUnicode"): writer._add_object(cmap),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 10 100 Td <00010002> Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    path = tmp_path / "map.pdf"
    writer.write(path)
    assert "🔥👍" in PdfReader(path).pages[0].extract_text()


def test_a_glyph_that_stands_for_two_texts_gets_the_shorter(qapp):
    """👩 alone and 👩 after a joiner are one glyph: it gets the bare character. (Shaping
    itself is exercised in a child process by test_export_pdf_glyphs: loading the bundled
    symbol font here would change how the rest of the session lays out emoji.)"""
    face = FontGlyphs(QRawFont(), {7: {"\u200d👩", "👩"}, 8: {"\u200d👧"}})
    assert face.text(7) == "👩"
    assert face.text(8) == "\u200d👧"
