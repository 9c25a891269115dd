"""The pypdf pass: native annotations, links, bookmarks and metadata on Qt's PDF.

Qt paints the pages; PDF viewers' annotation sidebars, however, only list real annotations, and
Qt cannot write those. So the painted PDF is written again with them added (see `rewrite`):
every highlight part becomes a `/Highlight` annotation whose QuadPoints are the line boxes Qt
laid out, with an appearance stream (multiply blend) that every reader tested draws. That
annotation is the only place the colour lives, so deleting, hiding or recolouring it in a reader
leaves nothing behind; only when the highlights are flattened into the page does the appearance
draw nothing.

A highlight that runs over a page break is one annotation per page; the later ones are replies
of the first (`/IRT`) in a group (`/RT /Group`), which readers list, move and delete as one.

Each appearance is a stream object of its own, and a stream's dictionary and framing cost about
120 bytes that no compression reaches. A part whose appearance is one filled box (no number, one
line) or nothing at all (flattened) therefore shares one form per colour: a unit square, which
readers stretch onto the annotation's /Rect (ISO 32000-1, 12.5.5), and /Rect is that box.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, BinaryIO

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    TextStringObject,
)

from quotebook.errors import ExportFailed
from quotebook.export.fonts import Families
from quotebook.export.glyphs import Glyphs
from quotebook.export.highlights import RGB
from quotebook.export.options import ExportItem, ExportOptions, annotation_author
from quotebook.export.pdf.compose import Composition, HighlightPart, Link, OutlineEntry
from quotebook.export.pdf.geometry import UNIT
from quotebook.export.pdf.metadata import language, metadata, pdf_date, qt_xmp_facts, xmp_packet
from quotebook.export.pdf.numbers import DigitForms
from quotebook.export.pdf.rewrite import PdfRewrite
from quotebook.export.pdf.serialize import Name, Stream
from quotebook.export.pdf.serialize import number as format_number
from quotebook.export.pdf.tounicode import complete_unicode_maps

PRINT_FLAG = 4


def finish_pdf(
    painted: bytes,
    composition: Composition,
    items: Sequence[ExportItem],
    options: ExportOptions,
    families: Families,
    glyphs: Glyphs,
    out: BinaryIO,
) -> None:
    update = PdfRewrite(painted)
    if update.page_count != len(composition.pages):
        # Every page that was planned must be in the file; anything else is a cut-short export.
        raise ExportFailed(
            f"The PDF came out with {update.page_count} of its {len(composition.pages)} pages; "
            "nothing was written."
        )
    update.set_version("1.7")
    _describe_links(update)
    _tag_subset_fonts(update)
    complete_unicode_maps(update, glyphs.outside_bmp, glyphs.fonts())
    tops = [update.page_height(i) for i in range(update.page_count)]
    if options.pdf_annotations:
        author = annotation_author(options)
        digits = DigitForms(update, families)
        # One resource dictionary for every appearance: the blend mode and the digits.
        resources = update.add(
            {"/ExtGState": {"/GS0": {"/BM": Name("/Multiply")}}, "/XObject": digits.forms}
        )
        shared = _SharedForms(update, resources, digits)
        firsts: dict[int, IndirectObject] = {}
        for part in composition.highlights:
            firsts[part.annotation.id] = _add_highlight(
                update,
                part,
                tops[part.page],
                options,
                author,
                shared,
                firsts.get(part.annotation.id),
            )
    for link in composition.links:
        _add_link(update, link, tops)
    _add_outline(update, composition.outline, tops)
    _describe(update, items, options, composition.tags)
    update.write(out)


def _describe(
    update: PdfRewrite,
    items: Sequence[ExportItem],
    options: ExportOptions,
    tags: Sequence[str],
) -> None:
    """Information dictionary, XMP packet and language, all saying the same."""
    now = datetime.now(UTC)
    info = metadata(items, options, tags) | {"/ModDate": pdf_date(now.isoformat())}
    update.set_info(info)
    catalog = update.catalog()
    lang = language(items)
    if lang:
        catalog[NameObject("/Lang")] = TextStringObject(lang)
    old = catalog.get("/Metadata")
    document_id, created = qt_xmp_facts(old.get_object().get_data() if old is not None else b"")
    packet = xmp_packet(info, lang, document_id, created, now)
    # XMP stays uncompressed: tools are meant to find it by scanning the bytes.
    stream = Stream({"/Type": Name("/Metadata"), "/Subtype": Name("/XML")}, packet, compress=False)
    held = catalog.raw_get("/Metadata") if old is not None else None
    if isinstance(held, IndirectObject):
        update.set(held, stream)  # in place of Qt's packet, which would be left unused
    else:
        catalog[NameObject("/Metadata")] = update.add(stream)


def contents(note: str, tags: Sequence[str]) -> str:
    """What a viewer's pop-up shows: the note, then the tags."""
    parts = [note.strip()] if note.strip() else []
    if tags:
        parts.append("Tags: " + ", ".join(tags))
    return "\n\n".join(parts)


def _quads(part: HighlightPart, top: float) -> list[float]:
    quads: list[float] = []
    for r in part.rects:
        x0, x1 = r.left() / UNIT, r.right() / UNIT
        y_top, y_bottom = top - r.top() / UNIT, top - r.bottom() / UNIT
        # The order every viewer expects: top left, top right, bottom left, bottom right.
        quads += [x0, y_top, x1, y_top, x0, y_bottom, x1, y_bottom]
    return quads


def _rounded(values: Sequence[float]) -> list[float]:
    return [round(v, 3) for v in values]


class _SharedForms:
    """What every appearance may share: one resource dictionary (the blend mode and the
    digits), and one unit-square form per fill colour (None: a form that draws nothing)."""

    def __init__(self, update: PdfRewrite, resources: IndirectObject, digits: DigitForms) -> None:
        self.update = update
        self.resources = resources
        self.digits = digits
        self._squares: dict[RGB | None, IndirectObject] = {}

    def square(self, colour: RGB | None) -> IndirectObject:
        """A form filling its whole /BBox [0 0 1 1] in `colour` with multiply blend. A reader
        maps the /BBox onto the annotation's /Rect, so the fill covers exactly /Rect."""
        ref = self._squares.get(colour)
        if ref is None:
            data = b""
            if colour is not None:
                rgb = " ".join(format_number(c) for c in colour)
                data = f"/GS0 gs {rgb} rg 0 0 1 1 re f".encode("ascii")
            # The resources even when nothing is drawn: poppler draws a highlight of its own
            # over an appearance whose resources have no multiply blend.
            entries = {
                "/Subtype": Name("/Form"),
                "/BBox": [0, 0, 1, 1],
                "/Resources": self.resources,
            }
            ref = self.update.add(Stream(entries, data))
            self._squares[colour] = ref
        return ref


def _appearance(
    rect: Sequence[float],
    quads: Sequence[float],
    colour: RGB | None,
    resources: IndirectObject,
    number: str,
) -> Stream:
    """A form drawing the highlight's number (content from `numbers`), then its line boxes
    with multiply blend, so the words stay readable underneath; with no colour, an empty form
    (the page carries the colour and the number).

    The form is drawn in the annotation's own coordinates: its /BBox is /Rect moved to the
    origin, which readers map back onto /Rect (a translation), so its numbers are short. The
    boxes are rectangles (``re``), all filled as one path, which is what the four corners of
    each quad describe; the number sits above the first box, so the order of the two leaves
    every pixel as it was. No ``/Type``: it is optional for a form, and the appearances are
    separate objects, each paying for its own dictionary.
    """
    left, bottom = rect[0], rect[1]
    ops = [number] if number else []
    if colour is not None:
        ops.append("/GS0 gs " + " ".join(format_number(c) for c in colour) + " rg")
        for i in range(0, len(quads), 8):
            x0, top, x1, _, _, low = quads[i : i + 6]
            ops.append(
                f"{format_number(x0 - left)} {format_number(low - bottom)} "
                f"{format_number(x1 - x0)} {format_number(top - low)} re"
            )
        ops.append("f")
    return Stream(
        {
            "/Subtype": Name("/Form"),
            "/BBox": _rounded([0, 0, rect[2] - left, rect[3] - bottom]),
            "/Resources": resources,
        },
        "\n".join(ops).encode("ascii"),
    )


def _add_highlight(
    update: PdfRewrite,
    part: HighlightPart,
    top: float,
    options: ExportOptions,
    author: str,
    shared: _SharedForms,
    first: IndirectObject | None,
) -> IndirectObject:
    """Add one part of a highlight; returns the first part's annotation (the group's head)."""
    a = part.annotation
    quads = _quads(part, top)
    xs, ys = quads[0::2], quads[1::2]
    box = [min(xs), min(ys), max(xs), max(ys)]
    name = f"quotebook-{a.id}" if part.part == 1 else f"quotebook-{a.id}-{part.part}"
    digits = shared.digits
    marker = part.marker if not options.flatten else ""
    if marker:
        # The appearance is fitted to /Rect, so both take in the number.
        around = digits.box(marker, quads[0], quads[1])
        box = [
            min(box[0], around[0]),
            min(box[1], around[1]),
            max(box[2], around[2]),
            max(box[3], around[3]),
        ]
    rect = _rounded(box)
    number = digits.draw(marker, quads[0] - rect[0], quads[1] - rect[1], part.ink) if marker else ""
    colour = None if options.flatten else part.colour
    if not marker and (colour is None or len(part.rects) == 1):
        # Nothing drawn but the one box that /Rect is (or nothing at all): a shared form.
        appearance = shared.square(colour)
    else:
        appearance = update.add(_appearance(rect, quads, colour, shared.resources, number))
    annotation: dict[str, Any] = {
        "/Type": Name("/Annot"),
        "/Subtype": Name("/Highlight"),
        "/Rect": rect,
        "/QuadPoints": _rounded(quads),
        "/C": _rounded(part.colour),
        "/Contents": contents(a.note, a.tags),
        "/NM": name,
        "/M": pdf_date(a.updated_at or a.created_at),
        "/CreationDate": pdf_date(a.created_at),
        "/F": PRINT_FLAG,
        "/AP": {"/N": appearance},
    }
    if author:
        annotation["/T"] = author
    if first is not None:
        annotation["/IRT"] = first
        annotation["/RT"] = Name("/Group")
    added = update.append_annotation(part.page, annotation)
    if options.popups:
        right = float(update.pages[part.page].mediabox.right)
        popup = {
            "/Type": Name("/Annot"),
            "/Subtype": Name("/Popup"),
            "/Rect": _rounded([right - 200, rect[3] - 120, right - 20, rect[3]]),
            "/Open": False,
            "/Parent": added,
        }
        annotation["/Popup"] = update.append_annotation(part.page, popup)
    return first if first is not None else added


def _destination(update: PdfRewrite, page: int, y_pt: float) -> list[Any]:
    return [update.page_ref(page), Name("/XYZ"), None, round(y_pt, 2), None]


def _add_link(update: PdfRewrite, link: Link, tops: Sequence[float]) -> None:
    top = tops[link.page]
    r = link.rect
    rect = [r.left() / UNIT, top - r.bottom() / UNIT, r.right() / UNIT, top - r.top() / UNIT]
    target_y = tops[link.target.page] - link.target.y / UNIT + 14
    annotation = {
        "/Type": Name("/Annot"),
        "/Subtype": Name("/Link"),
        "/Rect": _rounded(rect),
        "/Border": [0, 0, 0],
        "/Dest": _destination(update, link.target.page, target_y),
        "/Contents": f"Go to page {link.target.page + 1}",
    }
    update.append_annotation(link.page, annotation)


def _tag_subset_fonts(update: PdfRewrite) -> None:
    """Name each embedded subset font with its subset tag (``ABCDEF+DejaVuSerif``) in
    /BaseFont too. Qt tags only the font descriptor's /FontName; tools that list a file's
    fonts read /BaseFont, and the PDF standard asks for the tag in both."""
    for ref in update.type0_fonts():
        font = ref.get_object()
        kids = font.get("/DescendantFonts") if isinstance(font, DictionaryObject) else None
        if not isinstance(font, DictionaryObject) or not isinstance(kids, ArrayObject):
            continue
        kid_ref = kids[0]
        kid = kid_ref.get_object()
        descriptor = kid.get("/FontDescriptor") if isinstance(kid, DictionaryObject) else None
        about = descriptor.get_object() if descriptor is not None else None
        name = str(about.get("/FontName", "")) if isinstance(about, DictionaryObject) else ""
        if len(name) < 9 or name[7] != "+" or str(font.get("/BaseFont")) == name:
            continue
        assert isinstance(kid, DictionaryObject)
        tagged = NameObject(name)
        font[NameObject("/BaseFont")] = tagged
        update.set(ref, font)
        if isinstance(kid_ref, IndirectObject):
            kid[NameObject("/BaseFont")] = tagged
            update.set(kid_ref, kid)


def _describe_links(update: PdfRewrite) -> None:
    """Give Qt's own links (a source URL, links in a Markdown text) the text that screen
    readers announce: the address they lead to."""
    for index in range(update.page_count):
        page = update.pages[index]
        if "/Annots" not in page:
            continue
        for ref in page["/Annots"]:  # type: ignore[attr-defined]
            link = ref.get_object() if isinstance(ref, IndirectObject) else None
            if not isinstance(link, DictionaryObject) or link.get("/Subtype") != "/Link":
                continue
            action = link.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri and "/Contents" not in link:
                link[NameObject("/Contents")] = TextStringObject(f"Link to {uri}")
                update.set(ref, link)


def _add_outline(
    update: PdfRewrite, entries: Sequence[OutlineEntry], tops: Sequence[float]
) -> None:
    """Bookmarks, open by default, and a catalogue that shows them when the file opens."""
    if not entries:
        return
    root = update.reserve()
    first, last, count = _outline_level(update, entries, root, tops)
    update.set(root, {"/Type": Name("/Outlines"), "/First": first, "/Last": last, "/Count": count})
    catalog = update.catalog()
    catalog[NameObject("/Outlines")] = root
    catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")


def _outline_level(
    update: PdfRewrite,
    entries: Sequence[OutlineEntry],
    parent: IndirectObject,
    tops: Sequence[float],
) -> tuple[IndirectObject, IndirectObject, int]:
    """Write one level of bookmarks; returns its first and last item and how many show."""
    refs = [update.reserve() for _ in entries]
    shown = 0
    for i, (entry, ref) in enumerate(zip(entries, refs, strict=True)):
        y = tops[entry.target.page] - entry.target.y / UNIT + 6
        item: dict[str, Any] = {
            "/Title": entry.title,
            "/Parent": parent,
            "/Dest": _destination(update, entry.target.page, y),
        }
        if i > 0:
            item["/Prev"] = refs[i - 1]
        if i < len(refs) - 1:
            item["/Next"] = refs[i + 1]
        if entry.children:
            first, last, count = _outline_level(update, entry.children, ref, tops)
            item.update({"/First": first, "/Last": last, "/Count": count})
            shown += count
        update.set(ref, item)
        shown += 1
    return refs[0], refs[-1], shown
