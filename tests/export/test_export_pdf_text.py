"""The text under every highlight, the fonts and the extractable body, checked with poppler."""

from __future__ import annotations

from collections import defaultdict

from pdf_probe import (
    BODY_RIGHT,
    FOOTER_TOP,
    HEADER_BOTTOM,
    annotation_id,
    highlights,
    needs_poppler,
    normalise,
    quote_mismatch,
    text,
    words,
    words_under,
)
from pypdf import PdfReader

pytestmark = needs_poppler


def test_text_inside_each_highlight_is_exactly_its_quote(annotated):
    pages = words(annotated.pdf)
    found: dict[int, list] = defaultdict(list)
    for h in sorted(highlights(annotated.pdf), key=lambda h: (h.page, h.name)):
        found[annotation_id(h.name)] += words_under(pages[h.page], h.boxes)
    for role, a in annotated.by_role.items():
        assert quote_mismatch(found[a.id], a.quote) is None, (
            role,
            quote_mismatch(found[a.id], a.quote),
        )


def test_the_hard_cases_are_really_there(annotated):
    parts = defaultdict(list)
    for h in highlights(annotated.pdf):
        parts[annotation_id(h.name)].append(h)
    lines = annotated.by_role["lines"]
    assert sum(len(h.boxes) for h in parts[lines.id]) >= 3  # crosses two line breaks
    page_break = annotated.by_role["page_break"]
    assert {h.page for h in parts[page_break.id]} == {0, 1}
    overlap_a, overlap_b = annotated.by_role["overlap_a"], annotated.by_role["overlap_b"]
    assert overlap_a.end > overlap_b.start  # they share "the chairman said"


def test_fonts_are_embedded_subsets_of_the_bundled_families(annotated):
    reader = PdfReader(annotated.pdf)
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            name = str(descriptor["/FontName"])
            assert name[7] == "+", name  # a subset tag, e.g. /ABCDEF+DejaVuSerif
            # Tools that list fonts read /BaseFont: it carries the tag too.
            assert font["/BaseFont"] == descriptor["/FontName"] == descendant["/BaseFont"]
            names.add(name.split("+", 1)[1])
    assert names and all(n.startswith("DejaVu") for n in names), names


def test_body_text_comes_back_once_and_in_order(annotated):
    """The body column of every page, read in order, is the document's text: Cyrillic and
    emoji beyond the Basic Multilingual Plane too, and no line is repeated at a page break.

    The text's first line only repeats the title, which the header prints: it is not printed
    twice.
    """
    pages = words(annotated.pdf)
    body_words = []
    for index in sorted(pages):
        if pages[index] and pages[index][0].text == "Quotes":
            break  # the closing section starts on its own page
        # Everything between the running header and the footer: a line drawn invisibly above
        # or below the text column would show up here.
        body_words += [
            w.text
            for w in pages[index]
            if w.x1 <= BODY_RIGHT + 1 and HEADER_BOTTOM < w.y0 < FOOTER_TOP
        ]
    extracted = " ".join(body_words)
    expected = normalise(annotated.text)
    assert "😀" in expected
    title = "Vienna talks on European security"
    assert expected.startswith(title + " ")
    expected = expected.removeprefix(title + " ")
    # The header (title, details, summary) precedes the body, and notes may follow it.
    assert expected in extracted, extracted[:400]
    assert extracted.count(title) == 1
    assert extracted.count("Delegates met again") == 1


def test_cyrillic_is_extractable_as_text(annotated):
    plain = normalise(text(annotated.pdf))
    assert "Постоянный представитель России при ОБСЕ" in plain
    assert "Заметка по-русски" in plain  # the margin note


def test_source_url_is_a_link(annotated):
    reader = PdfReader(annotated.pdf)
    links = [
        a.get_object()
        for a in reader.pages[0].get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Link" and "/A" in a.get_object()
    ]
    assert "https://example.org/vienna-talks" in [link["/A"]["/URI"] for link in links]
    # What a screen reader announces for the link.
    assert all(link["/Contents"] == f"Link to {link['/A']['/URI']}" for link in links)
