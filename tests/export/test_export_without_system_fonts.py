"""A seed document with its annotations exports on a machine with no fonts installed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from pdf_probe import (
    BODY_BOTTOM,
    BODY_LEFT,
    BODY_RIGHT,
    Box,
    annotation_id,
    highlights,
    needs_poppler,
    normalise,
    quote_mismatch,
    render,
    words,
    words_under,
)
from pixels import load, near, share
from pypdf import PdfReader

from quotebook.domain import color_hex
from quotebook.store import Library

pytestmark = needs_poppler
SEED = "002_59feb2b65f9cd399.txt"  # the seed with the most hand-labelled quotes
HERE = Path(__file__).resolve().parent


def _export_without_fonts(tmp_path: Path) -> dict:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "FONTCONFIG_FILE": str(config),
        "QT_QPA_FONTDIR": str(empty),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, str(HERE / "export_without_fonts.py"), str(tmp_path), SEED],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_seed_document_exports_with_only_bundled_fonts(tmp_path):
    seen = _export_without_fonts(tmp_path)
    assert not any("DejaVu" in f for f in seen["before"])  # really no fonts to fall back on
    assert {"DejaVu Serif", "DejaVu Sans"} <= set(seen["after"])
    pdf = tmp_path / "seed.pdf"

    fonts = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor
            fonts.add(str(descriptor["/FontName"]).split("+", 1)[1])
    assert fonts <= {
        "DejaVuSerif",
        "DejaVuSerif-Bold",
        "DejaVuSerif-Italic",
        "DejaVuSans",
        "DejaVuSans-Bold",
    }, fonts

    with Library(tmp_path / "library.sqlite") as library:
        document = library.documents.get(seen["id"])
        annotations = {a.id: a for a in library.annotations.for_document(document.id)}
    plain = normalise(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )
    for paragraph in document.text.split("\n\n")[:6]:
        if paragraph.strip():
            assert normalise(paragraph)[:60] in plain

    # Every annotation is a highlight over its own words.
    pages = words(pdf)
    found: dict[int, list] = defaultdict(list)
    for h in sorted(highlights(pdf), key=lambda h: (h.page, h.name)):
        found[annotation_id(h.name)] += words_under(pages[h.page], h.boxes)
    assert set(found) == set(annotations)
    for annotation_id_, a in annotations.items():
        assert quote_mismatch(found[annotation_id_], a.quote) is None, a.quote

    # Readable pixels: glyphs, not boxes. Text covers a modest share of the column, and the
    # highlights show their colours.
    image = load(render(pdf, 0, tmp_path))
    column = Box(BODY_LEFT, 200, BODY_RIGHT, BODY_BOTTOM - 20)
    dark = share(image, column, 60, lambda c: c.lightness() < 90, inset=0)
    assert 0.01 < dark < 0.12, dark
    first = next(h for h in highlights(pdf) if h.page == 0)
    colour = annotations[annotation_id(first.name)].color
    assert share(image, first.boxes[0], 60, near(color_hex(colour))) > 0.3
