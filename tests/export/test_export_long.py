"""Long documents reach every format whole: no character is lost, nothing is cut short silently.

Qt stops laying out a single text about 1,150 A4 pages in, without a word; the PDF exporter
typesets long bodies in parts. These tests export texts that need several parts, with
highlights across the places where one part ends and the next begins, and one of 10 MB whose
last line is a sentinel, and read the files back with poppler and pypdf.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdf_probe import (
    BODY_RIGHT,
    FOOTER_TOP,
    HEADER_BOTTOM,
    Box,
    annotation_id,
    needs_poppler,
    normalise,
    quote_mismatch,
    text,
    words,
    words_under,
)
from pypdf import PdfReader

from quotebook.anchoring import make_anchor
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.export import ExportOptions, collect_items, export
from quotebook.export.pdf.chunks import CHUNK_CHARS, chunk_ranges
from quotebook.store import Library

pytestmark = needs_poppler
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SENTINEL = "Zanzibar quokka marmalade: this sentinel sentence closes the whole document."


def paragraphs() -> list[str]:
    return [
        " ".join(p.split())
        for path in sorted(SEEDS.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 80
    ]


def long_text(chars: int) -> str:
    """Seed paragraphs, numbered so that no two are alike, until `chars` characters."""
    source = paragraphs()
    out: list[str] = []
    size = n = 0
    while size < chars:
        out.append(f"§{n} {source[n % len(source)]}")
        size += len(out[-1]) + 2
        n += 1
    return "\n\n".join(out)


def words_around(text: str, at: int, before: int, after: int) -> tuple[int, int]:
    """Offsets from the start of the `before`-th word before `at` to the end of the
    `after`-th word from `at` on."""
    left = [m.start() for m in re.finditer(r"\S+", text[:at])][-before]
    right = [m.end() for m in re.finditer(r"\S+", text[at:])][after - 1] + at
    return left, right


def body_words(pdf: Path, pages: dict | None = None) -> list[str]:
    pages = pages or words(pdf)
    return [
        w.text
        for index in sorted(pages)
        for w in pages[index]
        if w.x1 <= BODY_RIGHT + 1 and HEADER_BOTTOM < w.y0 < FOOTER_TOP
    ]


def boxes_by_annotation(pdf: Path, first_page: int = 0) -> dict[int, list[tuple[int, Box]]]:
    """annotation id → (page, box) of each quad, from `first_page` on."""
    reader = PdfReader(pdf)
    found: dict[int, list[tuple[int, Box]]] = defaultdict(list)
    for index in range(first_page, len(reader.pages)):
        page = reader.pages[index]
        top = float(page.mediabox.top)
        for ref in page.get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") != "/Highlight":
                continue
            q = [float(v) for v in a["/QuadPoints"]]
            for i in range(0, len(q), 8):
                box = Box(q[i], top - q[i + 1], q[i + 2], top - q[i + 5])
                found[annotation_id(str(a["/NM"]))].append((index, box))
    return found


def words_under_annotation(pdf: Path, placed: list[tuple[int, Box]], pages: dict) -> list:
    found = []
    for page in sorted({p for p, _ in placed}):
        found += words_under(pages[page], tuple(b for p, b in placed if p == page))
    return found


# -- a text of several parts -----------------------------------------------------------------


@pytest.fixture(scope="module")
def parts_export(qapp, tmp_path_factory):
    """About 2.5 parts: ordinary paragraphs, then one paragraph longer than a part, then more.
    One highlight crosses the first cut (between paragraphs), one the cut inside the long
    paragraph."""
    folder = tmp_path_factory.mktemp("parts")
    head = long_text(int(CHUNK_CHARS * 0.6))
    giant = " ".join(paragraphs())
    while len(giant) < CHUNK_CHARS * 1.3:
        giant += " " + giant
    giant = giant[: int(CHUNK_CHARS * 1.3)].rsplit(" ", 1)[0] + "."
    body = head + "\n\n" + giant + "\n\n" + long_text(CHUNK_CHARS // 4) + "\n\nThe end."
    cuts = [end for _start, end in chunk_ranges(body)][:-1]
    assert len(cuts) >= 2
    assert body[cuts[0]] == "\n" and body[cuts[1]] != "\n"  # one of each kind
    library = Library(folder / "library.sqlite")
    doc = library.documents.add(NewDocument(DocumentMeta(title="Parts"), body))
    crossing = {}
    for cut in cuts[:2]:
        start, end = words_around(body, cut, 4, 4)
        crossing[cut] = library.annotations.create(
            doc.id, make_anchor(body, start, end), color="blue", note="Across a cut"
        )
    pdf = folder / "parts.pdf"
    # Every line kept: these tests compare the whole text (page furniture has its own tests).
    result = export(collect_items(library, [doc.id]), pdf, ExportOptions(keep_furniture=True))
    yield body, pdf, result, crossing
    library.close()


def test_every_word_of_a_text_in_parts_comes_back_once_in_order(parts_export):
    body, pdf, result, _crossing = parts_export
    pages = words(pdf)
    assert len(pages) == result.pages
    # A line that wraps after a hyphen comes back as "behind-the- scenes".
    extracted = " ".join(body_words(pdf, pages)).replace("- ", "-")
    expected = normalise(body).replace("- ", "-")
    # Only the header ("Parts", "2 annotations") precedes the text: nothing lost, nothing twice.
    assert extracted.endswith(expected)
    assert extracted[: -len(expected)].strip() == "Parts 2 annotations"


def test_page_numbers_and_running_heads_run_on_across_parts(parts_export):
    _body, pdf, result, _crossing = parts_export
    pages = words(pdf)
    for index, page_words in pages.items():
        footer = " ".join(w.text for w in page_words if w.y0 > FOOTER_TOP)
        assert footer == f"{index + 1} / {result.pages}"
        if index:
            head = " ".join(w.text for w in page_words if w.y0 < HEADER_BOTTOM)
            assert head == "Parts"


def test_highlights_across_a_cut_cover_exactly_their_words(parts_export):
    _body, pdf, _result, crossing = parts_export
    pages = words(pdf)
    placed = boxes_by_annotation(pdf)
    for cut, a in crossing.items():
        boxes = placed[a.id]
        assert len(boxes) >= 2, cut  # the words sit on two lines at least
        found = words_under_annotation(pdf, boxes, pages)
        assert quote_mismatch(found, a.quote) is None, (cut, quote_mismatch(found, a.quote))


# -- 10 MB --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ten_megabytes(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    body = long_text(10_000_000) + "\n\n" + SENTINEL
    library = Library(folder / "library.sqlite")
    doc = library.documents.add(NewDocument(DocumentMeta(title="Ten megabytes"), body))
    last = body.rindex(SENTINEL)
    library.annotations.create(
        doc.id,
        make_anchor(body, last, last + len(SENTINEL)),
        color="pink",
        note="The very end",
    )
    items = collect_items(library, [doc.id])
    yield body, items, folder
    library.close()


@pytest.fixture(scope="module")
def ten_megabyte_pdf(ten_megabytes):
    _body, items, folder = ten_megabytes
    pdf = folder / "long.pdf"
    result = export(items, pdf, ExportOptions())
    return pdf, result


@pytest.mark.slow
def test_ten_megabytes_reach_the_pdf_to_the_last_line(ten_megabyte_pdf):
    pdf, result = ten_megabyte_pdf
    assert result.pages > 4000
    last = text(pdf, "-f", str(result.pages - 3))
    assert SENTINEL in normalise(last)
    footer = [line for line in last.splitlines() if "/" in line][-1].strip()
    assert footer == f"{result.pages} / {result.pages}"
    assert len(PdfReader(pdf).pages) == result.pages


@pytest.mark.slow
def test_highlight_on_the_last_paragraph_covers_the_sentinel(ten_megabyte_pdf, ten_megabytes):
    pdf, result = ten_megabyte_pdf
    first = result.pages - 3
    placed = boxes_by_annotation(pdf, first)
    (a,) = ten_megabytes[1][0].annotations
    assert set(placed) == {a.id}
    found = words_under_annotation(pdf, placed[a.id], words(pdf, first))
    assert quote_mismatch(found, SENTINEL) is None, quote_mismatch(found, SENTINEL)


@pytest.mark.slow
def test_every_text_format_holds_the_last_sentence(ten_megabytes):
    body, items, folder = ten_megabytes
    outputs = {}
    for fmt in ("md", "csv", "json", "html"):
        outputs[fmt] = folder / f"long.{fmt}"
        export(items, outputs[fmt], ExportOptions(format=fmt))
    assert f"> {SENTINEL}" in outputs["md"].read_text(encoding="utf-8")
    with outputs["csv"].open(encoding="utf-8", newline="") as handle:
        assert [row["quote"] for row in csv.DictReader(handle)] == [SENTINEL]
    rows = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert [row["quote"] for row in rows] == [SENTINEL]
    html = outputs["html"].read_text(encoding="utf-8")
    assert SENTINEL in html
    # The whole text is in the HTML, the sentinel after the paragraph before it.
    before = body[: body.rindex(SENTINEL)].rstrip().rsplit("\n", 1)[-1]
    assert html.index(before[-60:]) < html.index(SENTINEL)


def test_a_text_past_qts_layout_range_is_caught_and_its_parts_are_not(qapp):
    """Qt still stops laying out a text about 2^23 device units down, without a word: the
    check that guards every export sees it, and the parts the text is cut into fit."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from quotebook.export.fonts import register_fonts
    from quotebook.export.glyphs import Glyphs
    from quotebook.export.pdf.geometry import RESOLUTION, PageGeometry, laid_out
    from quotebook.export.pdf.typeset import Typesetter

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    families = register_fonts()
    typeset = Typesetter(writer, families, Glyphs(families))
    width = PageGeometry.create("a4", "margin").body_width
    body = "A short line\n" * 70_000
    whole = typeset.body(body, width)
    assert not laid_out(whole)
    assert whole.lastBlock().layout().lineCount() == 0
    ranges = chunk_ranges(body)
    assert len(ranges) > 1
    for start, end in ranges:
        assert laid_out(typeset.body(body[start:end], width))


@given(
    st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "Ж", "😀"]), max_size=400),
    st.integers(min_value=2, max_value=60),
    st.integers(min_value=1, max_value=8),
)
def test_parts_hold_every_character_in_order(body, limit, blocks):
    ranges = chunk_ranges(body, limit, blocks)
    rebuilt = ""
    for n, (start, end) in enumerate(ranges):
        assert end - start <= limit
        assert body[start:end].count("\n") < blocks
        if n:
            gap = body[ranges[n - 1][1] : start]
            assert gap in ("", "\n")  # a paragraph break, or a cut inside a paragraph
            rebuilt += gap
        rebuilt += body[start:end]
    assert rebuilt == body
