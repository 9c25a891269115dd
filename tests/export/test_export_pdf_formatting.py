"""A Markdown import keeps its look in the PDF: headings, bold, italics and links, same text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_probe import (
    annotation_id,
    highlights,
    needs_poppler,
    quote_mismatch,
    words,
    words_under,
)
from pypdf import PdfReader

from quotebook.anchoring import locate_quote
from quotebook.export import ExportOptions, collect_items, export
from quotebook.importers.markdown import import_markdown
from quotebook.store import Library

pytestmark = needs_poppler

SOURCE = """---
title: Talks in Vienna
---
# Opening remarks

The **chairman said** that *dialogue remained* the only way forward, as the
[OSCE](https://www.osce.org/) put it in its statement on Thursday evening.
"""


@pytest.fixture(scope="module")
def exported(qapp, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("markdown")
    source = folder / "talks.md"
    source.write_text(SOURCE, encoding="utf-8")
    with Library(folder / "library.sqlite") as library:
        new = import_markdown(source)
        assert new.formatting  # headings, strong, emphasis and a link
        doc = library.documents.add(new)
        anchor = locate_quote(doc.text, "chairman said that dialogue remained")
        assert anchor is not None
        note = library.annotations.create(doc.id, anchor, color="yellow")
        pdf = folder / "talks.pdf"
        export(collect_items(library, [doc.id]), pdf, ExportOptions(format="pdf"))
        yield doc, note, pdf


def font_names(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            descendant = ref.get_object()["/DescendantFonts"][0].get_object()
            names.add(str(descendant["/FontDescriptor"].get_object()["/FontName"]).split("+")[1])
    return names


def test_bold_and_italic_faces_are_used(exported):
    _, _, pdf = exported
    assert {"DejaVuSerif-Bold", "DejaVuSerif-Italic"} <= font_names(pdf)


def test_the_heading_is_set_larger_than_the_body(exported):
    _, _, pdf = exported
    page = words(pdf)[0]
    heading = next(w for w in page if w.text == "remarks")  # not in the running header
    body = next(w for w in page if w.text == "Thursday")
    assert heading.y1 - heading.y0 > 1.2 * (body.y1 - body.y0)


def test_the_highlight_still_sits_on_its_quote(exported):
    _, note, pdf = exported
    pages = words(pdf)
    (highlight,) = [h for h in highlights(pdf) if annotation_id(h.name) == note.id]
    found = words_under(pages[highlight.page], highlight.boxes)
    assert quote_mismatch(found, note.quote) is None


def test_the_link_is_a_link(exported):
    _, _, pdf = exported
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    assert "https://www.osce.org/" in uris
