"""Bookmarks, metadata, links back from the Quotes section, paper sizes and note layouts."""

from __future__ import annotations

import pytest
from pdf_probe import (
    BODY_RIGHT,
    BODY_TOP,
    FOOTER_TOP,
    highlights,
    needs_poppler,
    normalise,
    text,
    words,
)
from pypdf import PdfReader

from quotebook.export import ExportOptions, collect_items, export


def _outline(reader: PdfReader) -> list:
    def walk(items: list, depth: int = 0) -> list:
        flat = []
        for item in items:
            if isinstance(item, list):
                flat += walk(item, depth + 1)
            else:
                flat.append((depth, item.title, reader.get_destination_page_number(item)))
        return flat

    return walk(reader.outline)


def test_outline_has_each_document_and_each_tag_section(seeded_export):
    reader = PdfReader(seeded_export.pdf)
    outline = _outline(reader)
    titles = [t for depth, t, _ in outline if depth == 0]
    for item in seeded_export.items:
        assert item.title in titles
    assert titles[-1] == "Quotes"
    tags = sorted(
        {t for i in seeded_export.items for a in i.annotations for t in a.tags}, key=str.casefold
    )
    sections = [t for depth, t, _ in outline if depth == 1 and t != "Notes"]
    untagged = any(not a.tags for i in seeded_export.items for a in i.annotations)
    assert sections == tags + (["Untagged"] if untagged else [])
    pages = [page for depth, _, page in outline if depth == 0]
    assert pages == sorted(pages) and pages[0] == 0


def test_metadata_names_title_author_creator_subject(seeded_export):
    meta = PdfReader(seeded_export.pdf).metadata
    assert meta.title == "5 annotated documents"
    assert meta.author == "Ada Reviewer"
    assert meta.creator.startswith("Quotebook ")
    assert seeded_export.items[0].title in meta.subject


def test_quotes_section_links_back_to_the_quote_pages(annotated):
    reader = PdfReader(annotated.pdf)
    links = [
        a.get_object()
        for page in reader.pages[-1:]
        for a in page.get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Link" and "/Dest" in a.get_object()
    ]
    targets = {reader.get_page_number(link["/Dest"][0].get_object()) for link in links}
    # One link per quote per tag it carries, to the page where the quote starts.
    n_links = sum(max(1, len(a.tags)) for a in annotated.by_role.values())
    assert len(links) == n_links
    starts = {h.page for h in highlights(annotated.pdf) if h.name.count("-") == 1}
    assert targets == starts
    for link in links:
        page = reader.get_page_number(link["/Dest"][0].get_object())
        assert link["/Contents"] == f"Go to page {page + 1}"


@needs_poppler
def test_running_title_and_page_numbers(annotated):
    pages = words(annotated.pdf)
    total = len(pages)
    for index, page_words in pages.items():
        footer = " ".join(w.text for w in page_words if w.y0 > FOOTER_TOP)
        assert footer == f"{index + 1} / {total}"
    second = " ".join(w.text for w in pages[1] if w.y0 < BODY_TOP - 6)
    assert second == "Vienna talks on European security"


@pytest.mark.parametrize(("size", "points"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_size(annotated, tmp_path, size, points):
    out = tmp_path / "sized.pdf"
    export(
        collect_items(annotated.library, [annotated.document_id]),
        out,
        ExportOptions(page_size=size, notes="end"),
    )
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


@needs_poppler
def test_end_notes_list_every_annotation_after_the_text(annotated, tmp_path):
    out = tmp_path / "end.pdf"
    export(
        collect_items(annotated.library, [annotated.document_id]),
        out,
        ExportOptions(notes="end"),
    )
    plain = normalise(text(out))
    notes = plain[plain.rindex("Notes") :]
    # A line may wrap after a hyphen ("по-" / "русски"), which pdftotext then drops.
    squeezed = notes.replace("-", "").replace(" ", "")
    for number, a in enumerate(sorted(annotated.by_role.values(), key=lambda a: a.start), 1):
        assert f"{number} p. " in notes
        if a.note:
            assert a.note.replace("-", "").replace(" ", "") in squeezed
    # No margin column: the text is wider than with margin notes.
    widest = max(w.x1 for w in words(out)[0])
    assert widest > BODY_RIGHT + 20


@needs_poppler
def test_margin_notes_sit_beside_the_text(annotated):
    page_words = words(annotated.pdf)[0]
    note = annotated.by_role["lines"].note.split()[0]
    beside = [w for w in page_words if w.text == note and w.x0 > BODY_RIGHT]
    assert beside


def test_language_xmp_and_id_follow_the_update(annotated):
    """The catalogue names the language; the XMP says what the information dictionary says
    (it was Qt's, with Qt as producer and no author); the /ID keeps its first half and gets
    a new second one."""
    reader = PdfReader(annotated.pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    info = reader.metadata
    assert f"<pdf:Producer>{info.producer}</pdf:Producer>" in xmp
    assert "pypdf" in info.producer and "Ada Reviewer" in xmp
    assert f"<xmp:CreatorTool>{info.creator}</xmp:CreatorTool>" in xmp
    assert "<dc:language><rdf:Bag><rdf:li>en</rdf:li>" in xmp
    assert "xmpMM:DocumentID>uuid:" in xmp
    first, second = reader.trailer["/ID"]
    assert first != second  # Qt's first half kept, a new second (see test_export_serialize)
