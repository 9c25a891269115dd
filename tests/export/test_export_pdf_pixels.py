"""Rendered pages: each highlight's colour under its words and nowhere else on the line, and
only in the annotation: a page without its annotations shows no highlight at all, unless the
highlights were flattened into it."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from pdf_probe import (
    BODY_LEFT,
    BODY_RIGHT,
    Box,
    annotation_id,
    highlights,
    needs_poppler,
    render,
)
from pixels import count, count_colours, load, near, share, tinted
from pypdf import PdfReader, PdfWriter

from quotebook.domain import PALETTE, color_hex
from quotebook.export import ExportOptions, collect_items, export
from quotebook.export.highlights import hex_of, multiply, rgb

pytestmark = needs_poppler
DPI = 60
OVERLAPPING = {"overlap_a", "overlap_b"}


@pytest.fixture(scope="module")
def rendered(annotated, tmp_path_factory) -> dict[tuple[int, bool], Path]:
    out = tmp_path_factory.mktemp("png")
    pages = {h.page for h in highlights(annotated.pdf)}
    images = {}
    for page in pages:
        for hide in (False, True):
            images[(page, hide)] = render(annotated.pdf, page, out, dpi=DPI, hide=hide)
    # Kept beside the other test output for a person to look at.
    shutil.copy(images[(0, False)], out / "first-page.png")
    return images


def _parts(annotated):
    parts = defaultdict(list)
    for h in highlights(annotated.pdf):
        parts[annotation_id(h.name)].append(h)
    return parts


def test_highlight_colour_lies_under_the_words(annotated, rendered):
    """With annotations drawn the palette colour shows, exactly; without them, nothing."""
    parts = _parts(annotated)
    for role, a in annotated.by_role.items():
        if role in OVERLAPPING:
            continue
        for h in parts[a.id]:
            shown, bare = load(rendered[(h.page, False)]), load(rendered[(h.page, True)])
            for box in h.boxes:
                assert share(bare, box, DPI, tinted(), inset=0) == 0, (role, box)
                if box.x1 - box.x0 < 12:
                    continue  # a sliver at a line end says little at 60 dpi
                assert share(shown, box, DPI, near(color_hex(a.color))) > 0.3, (role, box)


def _highlight_colours() -> list[str]:
    """The palette colours and their blends: what a highlight leaves (markers are dark)."""
    light = [rgb(name) for name in PALETTE]
    return sorted({hex_of(c) for c in light + [multiply([x, y]) for x in light for y in light]})


def _without_annotations(pdf: Path, out: Path) -> Path:
    reader = PdfReader(pdf)
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        if "/Annots" in page:
            del page["/Annots"]
    writer.write(out)
    return out


@pytest.mark.parametrize("flatten", [False, True], ids=["annotations-only", "flattened"])
def test_removing_the_annotations_removes_the_highlights(annotated, tmp_path, flatten):
    """Stripped of every /Annots, the pages show no highlight colour, unless flattened."""
    pdf = tmp_path / "out.pdf"
    items = collect_items(annotated.library, [annotated.document_id])
    export(items, pdf, ExportOptions(flatten=flatten))
    bare = _without_annotations(pdf, tmp_path / "bare.pdf")
    pages = sorted({h.page for h in highlights(pdf)})
    coloured = 0
    for page in pages:
        image = load(render(bare, page, tmp_path, dpi=DPI, smooth=False))
        coloured += count_colours(image, _highlight_colours())
    if flatten:
        assert coloured > 500
    else:
        assert coloured == 0


def test_flattened_highlights_keep_their_colour_where_annotations_are_drawn(annotated, tmp_path):
    """Flattened, the page carries the colour and the annotation draws nothing over it, so a
    reader that draws annotations shows the palette colour, not a darker double."""
    pdf = tmp_path / "flat.pdf"
    items = collect_items(annotated.library, [annotated.document_id])
    export(items, pdf, ExportOptions(flatten=True))
    a = annotated.by_role["lines"]
    (h,) = [h for h in highlights(pdf) if annotation_id(h.name) == a.id]
    assert h.raw["/AP"]["/N"].get_object().get_data().strip() == b""
    image = load(render(pdf, h.page, tmp_path, dpi=DPI))
    wide = [b for b in h.boxes if b.x1 - b.x0 > 12]
    assert wide and all(share(image, b, DPI, near(color_hex(a.color))) > 0.3 for b in wide)


def test_no_highlight_colour_elsewhere_on_the_line(annotated, rendered):
    all_boxes: dict[int, list[Box]] = defaultdict(list)
    for h in highlights(annotated.pdf):
        all_boxes[h.page] += h.boxes
    for page, boxes in all_boxes.items():
        image = load(rendered[(page, False)])
        for box in boxes:
            # The lower part of the line: the number markers sit at its very top.
            strip = Box(BODY_LEFT, box.y0 + 3.5, BODY_RIGHT, box.y1 - 1)
            assert count(image, strip, DPI, tinted(), skip=boxes) == 0, (page, box)


def test_overlapping_highlights_both_stay_visible(annotated, rendered):
    """Where two highlights overlap the colours multiply; on either side each keeps its own."""
    a, b = annotated.by_role["overlap_a"], annotated.by_role["overlap_b"]
    parts = _parts(annotated)
    (ha,), (hb,) = parts[a.id], parts[b.id]
    image = load(rendered[(ha.page, False)])
    blend = hex_of(multiply([rgb(a.color), rgb(b.color)]))
    checked = 0
    for box_a in ha.boxes:
        for box_b in hb.boxes:
            if abs(box_a.y0 - box_b.y0) > 0.5:
                continue
            regions = {
                color_hex(a.color): Box(box_a.x0, box_a.y0, box_b.x0, box_a.y1),
                blend: Box(box_b.x0, box_a.y0, min(box_a.x1, box_b.x1), box_a.y1),
                color_hex(b.color): Box(box_a.x1, box_a.y0, box_b.x1, box_a.y1),
            }
            for colour, region in regions.items():
                if region.x1 - region.x0 > 12:
                    assert share(image, region, DPI, near(colour)) > 0.3, colour
                    checked += 1
            shared = regions[blend]
            assert share(image, shared, DPI, near(color_hex(a.color))) < 0.05
            assert share(image, shared, DPI, near(color_hex(b.color))) < 0.05
    assert checked >= 2


def test_the_number_before_a_highlight_goes_with_its_annotation(annotated, rendered):
    """Each highlight's number is drawn by its annotation: hidden with it, never left behind."""
    a = annotated.by_role["emoji"]
    (h,) = _parts(annotated)[a.id]
    first = h.boxes[0]
    # The number sits just left of the first word, raised into the line's top.
    spot = Box(first.x0 - 8, first.y0 - 3, first.x0, first.y0 + 5)
    ink = near(color_hex(a.color, dark=True), 60)
    shown = load(render(annotated.pdf, h.page, Path(rendered[(h.page, False)]).parent, dpi=200))
    bare = load(
        render(annotated.pdf, h.page, Path(rendered[(h.page, True)]).parent, dpi=200, hide=True)
    )
    assert share(shown, spot, 200, ink, inset=0) > 0.02
    assert share(bare, spot, 200, ink, inset=0) == 0
    content = h.raw["/AP"]["/N"].get_object().get_data().decode()
    assert " Do" in content  # the digits are shared forms


def _pdfium_page(pdf: Path, page: int, *, annotations: bool):
    """A page rendered by pdfium (Chromium's PDF engine) at `DPI`, as a QImage."""
    pdfium = pytest.importorskip("pypdfium2")
    from PySide6.QtGui import QImage

    document = pdfium.PdfDocument(str(pdf))
    bitmap = document[page].render(scale=DPI / 72, draw_annots=annotations, rev_byteorder=True)
    image = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888,
    )
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_pdfium_draws_the_same_highlights(annotated):
    """A second renderer agrees: each colour under its words, nothing without annotations."""
    parts = _parts(annotated)
    checked = 0
    for role, a in annotated.by_role.items():
        if role in OVERLAPPING:
            continue
        for h in parts[a.id]:
            shown = _pdfium_page(annotated.pdf, h.page, annotations=True)
            bare = _pdfium_page(annotated.pdf, h.page, annotations=False)
            for box in h.boxes:
                assert share(bare, box, DPI, tinted(), inset=0) == 0, (role, box)
                if box.x1 - box.x0 >= 12:
                    assert share(shown, box, DPI, near(color_hex(a.color))) > 0.3, (role, box)
                    checked += 1
    assert checked >= 5
