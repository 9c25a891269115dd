"""The native annotations read back with pypdf: one per annotation per page, with its data."""

from __future__ import annotations

import os
from collections import defaultdict

import pytest
from pdf_probe import annotation_id, highlights
from pypdf import PdfReader

from quotebook.domain import color_hex


def _hex(colour: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


def test_one_highlight_per_annotation_per_page(annotated):
    found = highlights(annotated.pdf)
    pages = defaultdict(list)
    for h in found:
        pages[annotation_id(h.name)].append(h.page)
    expected = {a.id for a in annotated.by_role.values()}
    assert set(pages) == expected
    for role, a in annotated.by_role.items():
        spanned = pages[a.id]
        assert len(spanned) == len(set(spanned)), role  # never two on one page
        if role == "page_break":
            assert len(spanned) == 2 and spanned[1] == spanned[0] + 1
        else:
            assert len(spanned) == 1, role


def test_highlight_carries_colour_note_tags_id_author_and_date(annotated):
    by_id = {a.id: a for a in annotated.by_role.values()}
    for h in highlights(annotated.pdf):
        a = by_id[annotation_id(h.name)]
        assert _hex(h.colour) == color_hex(a.color)
        if a.note:
            assert h.contents.startswith(a.note)
        for tag in a.tags:
            assert tag in h.contents
        assert h.author == "Ada Reviewer"
        assert h.modified.startswith("D:") and len(h.modified) == len("D:20240101120000Z")
        assert h.raw["/F"] == 4  # printed with the page


def test_names_are_unique_and_count_the_parts(annotated):
    names = [h.name for h in highlights(annotated.pdf)]
    assert len(names) == len(set(names))
    page_break = annotated.by_role["page_break"].id
    assert sorted(n for n in names if annotation_id(n) == page_break) == [
        f"quotebook-{page_break}",
        f"quotebook-{page_break}-2",
    ]


def test_appearance_stream_multiplies(annotated):
    """Each appearance fills exactly its quads, with multiply blend. Readers map the form's
    /BBox onto /Rect (ISO 32000-1, 12.5.5): a form of its own is drawn in the annotation's
    coordinates (a translation, same size), a shared unit square is stretched onto /Rect."""
    for h in highlights(annotated.pdf):
        form = h.raw["/AP"]["/N"].get_object()
        assert form["/Subtype"] == "/Form"
        assert form["/Resources"]["/ExtGState"]["/GS0"]["/BM"] == "/Multiply"
        content = form.get_data().decode()
        fill = content[content.index("/GS0 gs") :]
        assert fill.split()[-1] == "f" and content.count("/GS0 gs") == 1
        left, bottom, right, top = (float(v) for v in h.raw["/Rect"])
        bbox = [float(v) for v in form["/BBox"]]
        assert bbox[:2] == [0, 0] and "/Matrix" not in form
        if bbox[2:] != [1, 1]:
            assert bbox[2] == pytest.approx(right - left, abs=1e-6)
            assert bbox[3] == pytest.approx(top - bottom, abs=1e-6)
        sx, sy = (right - left) / bbox[2], (top - bottom) / bbox[3]
        ops = fill.split()
        rects = [[float(v) for v in ops[i - 4 : i]] for i, op in enumerate(ops) if op == "re"]
        assert len(rects) == len(h.boxes)  # one box per line
        q = [float(v) for v in h.raw["/QuadPoints"]]
        for n, (x, y, w, height) in enumerate(rects):
            x0, y_top, x1, _, _, y_low = q[n * 8 : n * 8 + 6]
            assert left + sx * x == pytest.approx(x0, abs=0.002)
            assert left + sx * (x + w) == pytest.approx(x1, abs=0.002)
            assert bottom + sy * y == pytest.approx(y_low, abs=0.002)
            assert bottom + sy * (y + height) == pytest.approx(y_top, abs=0.002)


def test_one_box_without_a_number_shares_its_colour_s_form(annotated):
    """A part that draws only the one box its /Rect is (a later part on one line) uses a unit
    square shared by every such part of its colour; a part with its number or with several
    lines has a form of its own."""
    owners: dict[int, set[str]] = defaultdict(set)
    shared = 0
    for h in highlights(annotated.pdf):
        ref = h.raw["/AP"].raw_get("/N")
        owners[ref.idnum].add(h.name)
        form = ref.get_object()
        if [float(v) for v in form["/BBox"]] == [0, 0, 1, 1]:
            shared += 1
            assert b" Do" not in form.get_data() and len(h.boxes) == 1
            assert h.name.count("-") == 2  # quotebook-<id>-<part>: never a first part
        else:
            assert len(owners[ref.idnum]) == 1, h.name
    assert shared >= 1  # the page-break highlight's second part


def test_flattened_highlights_share_one_empty_appearance(annotated, tmp_path):
    """Flattened, every appearance draws nothing: one form serves them all."""
    from quotebook.export import ExportOptions, collect_items, export

    out = tmp_path / "flat.pdf"
    items = collect_items(annotated.library, [annotated.document_id])
    export(items, out, ExportOptions(flatten=True))
    found = highlights(out)
    forms = {h.raw["/AP"].raw_get("/N").idnum for h in found}
    assert len(found) > 1 and len(forms) == 1
    form = found[0].raw["/AP"]["/N"].get_object()
    assert form.get_data() == b"" and [float(v) for v in form["/BBox"]] == [0, 0, 1, 1]
    # Without a multiply blend in its resources poppler would draw a highlight of its own.
    assert form["/Resources"]["/ExtGState"]["/GS0"]["/BM"] == "/Multiply"


def test_cyrillic_note_and_tag_survive(annotated):
    a = annotated.by_role["cyrillic"]
    (h,) = [h for h in highlights(annotated.pdf) if annotation_id(h.name) == a.id]
    assert "Заметка по-русски" in h.contents and "speaker/Лукашевич" in h.contents


@pytest.mark.parametrize("popups", [False, True])
def test_popups_are_optional(annotated, tmp_path, popups):
    from quotebook.export import ExportOptions, collect_items, export

    out = tmp_path / "p.pdf"
    items = collect_items(annotated.library, [annotated.document_id])
    export(items, out, ExportOptions(popups=popups))
    subtypes = [
        a.get_object()["/Subtype"]
        for page in PdfReader(out).pages
        for a in page.get("/Annots") or []
    ]
    assert (subtypes.count("/Popup") == subtypes.count("/Highlight")) is popups


def test_without_pdf_annotations_only_the_page_is_painted(annotated, tmp_path):
    from quotebook.export import ExportOptions, collect_items, export

    out = tmp_path / "bare.pdf"
    items = collect_items(annotated.library, [annotated.document_id])
    export(items, out, ExportOptions(pdf_annotations=False))
    assert highlights(out) == []


def test_a_highlight_across_a_page_is_one_group(annotated):
    """The part on the next page replies to the first in a group, so readers list, move and
    delete the two as one."""
    a = annotated.by_role["page_break"]
    first, second = sorted(
        (h for h in highlights(annotated.pdf) if annotation_id(h.name) == a.id),
        key=lambda h: h.page,
    )
    assert "/IRT" not in first.raw and "/RT" not in first.raw
    assert second.raw["/IRT"].get_object()["/NM"] == first.name
    assert second.raw["/RT"] == "/Group"
    singles = [h for h in highlights(annotated.pdf) if annotation_id(h.name) != a.id]
    assert singles and not any("/IRT" in h.raw for h in singles)


def test_the_file_declares_the_version_its_annotations_need(annotated):
    """Annotation dates and compressed sections are PDF 1.5; the header said 1.4."""
    assert annotated.pdf.read_bytes()[:8] == b"%PDF-1.7"
    assert PdfReader(annotated.pdf).trailer["/Root"]["/Version"] == "/1.7"


def test_annotations_carry_the_system_user_by_default(annotated, tmp_path):
    import getpass
    import pwd

    from quotebook.export import ExportOptions, collect_items, export

    out = tmp_path / "anonymous.pdf"
    export(collect_items(annotated.library, [annotated.document_id]), out, ExportOptions())
    entry = pwd.getpwuid(os.getuid())
    names = {getpass.getuser(), entry.pw_name, entry.pw_gecos.split(",")[0].strip()}
    authors = {h.author for h in highlights(out)}
    assert len(authors) == 1 and authors <= names - {""}
