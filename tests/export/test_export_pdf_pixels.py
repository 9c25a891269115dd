"""Rendered pages: each highlight's colour under its words and nowhere else on the line."""

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
from pixels import count, load, near, share, tinted

from quotebook.domain import color_hex
from quotebook.export.highlights import half_layer, hex_of, multiply, rgb

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


@pytest.mark.parametrize("hide", [False, True], ids=["with-annotations", "page-only"])
def test_highlight_colour_lies_under_the_words(annotated, rendered, hide):
    """With annotations drawn the palette colour shows; without them, its lighter half."""
    parts = _parts(annotated)
    for role, a in annotated.by_role.items():
        if role in OVERLAPPING:
            continue
        colour = hex_of(half_layer(rgb(a.color))) if hide else color_hex(a.color)
        for h in parts[a.id]:
            image = load(rendered[(h.page, hide)])
            for box in h.boxes:
                if box.x1 - box.x0 < 12:
                    continue  # a sliver at a line end says little at 60 dpi
                assert share(image, box, DPI, near(colour)) > 0.3, (role, box)


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
