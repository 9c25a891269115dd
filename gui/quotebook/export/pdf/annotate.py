"""The pypdf pass: native annotations, links, bookmarks and metadata on Qt's PDF.

Qt paints the pages; PDF viewers' annotation sidebars, however, only list real annotations, and
Qt cannot write those. So an incremental update is appended to the painted PDF: every highlight
part becomes a `/Highlight` annotation whose QuadPoints are the line boxes Qt laid out, with an
appearance stream (multiply blend) that every reader tested draws. That annotation is the only
place the colour lives, so deleting, hiding or recolouring it in a reader leaves nothing behind;
only when the highlights are flattened into the page does the appearance draw nothing.

A highlight that runs over a page break is one annotation per page; the later ones are replies
of the first (`/IRT`) in a group (`/RT /Group`), which readers list, move and delete as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, BinaryIO

import pypdf
from pypdf.generic import IndirectObject, NameObject
from PySide6.QtCore import qVersion

from quotebook import __version__
from quotebook.errors import ExportFailed
from quotebook.export.highlights import RGB
from quotebook.export.options import ExportItem, ExportOptions, annotation_author
from quotebook.export.pdf.compose import Composition, HighlightPart, Link, OutlineEntry
from quotebook.export.pdf.geometry import UNIT
from quotebook.export.pdf.increment import IncrementalUpdate
from quotebook.export.pdf.serialize import Name, Stream, number

CREATOR = f"Quotebook {__version__}"
PRINT_FLAG = 4


def finish_pdf(
    painted: bytes,
    composition: Composition,
    items: Sequence[ExportItem],
    options: ExportOptions,
    out: BinaryIO,
) -> None:
    update = IncrementalUpdate(painted)
    if update.page_count != len(composition.pages):
        # Every page that was planned must be in the file; anything else is a cut-short export.
        raise ExportFailed(
            f"The PDF came out with {update.page_count} of its {len(composition.pages)} pages; "
            "nothing was written."
        )
    update.set_version("1.7")
    tops = [update.page_height(i) for i in range(update.page_count)]
    if options.pdf_annotations:
        author = annotation_author(options)
        multiply = update.add({"/ExtGState": {"/GS0": {"/BM": Name("/Multiply")}}})
        firsts: dict[int, IndirectObject] = {}
        for part in composition.highlights:
            firsts[part.annotation.id] = _add_highlight(
                update,
                part,
                tops[part.page],
                options,
                author,
                multiply,
                firsts.get(part.annotation.id),
            )
    for link in composition.links:
        _add_link(update, link, tops)
    _add_outline(update, composition.outline, tops)
    update.set_info(
        metadata(items, options, composition.tags)
        | {"/ModDate": pdf_date(datetime.now(UTC).isoformat())}
    )
    update.write(out)


def pdf_title(items: Sequence[ExportItem], options: ExportOptions) -> str:
    if options.title:
        return options.title
    if len(items) == 1:
        return items[0].title
    return f"{len(items)} annotated documents"


def metadata(
    items: Sequence[ExportItem], options: ExportOptions, tags: Sequence[str]
) -> dict[str, str]:
    titles = "; ".join(item.title for item in items)
    info = {
        "/Title": pdf_title(items, options),
        "/Subject": f"Annotated with Quotebook: {titles}"[:1000],
        "/Creator": CREATOR,
        "/Producer": f"Qt {qVersion()} and pypdf {pypdf.__version__}",
    }
    if options.author:
        info["/Author"] = options.author
    if tags:
        info["/Keywords"] = ", ".join(tags)
    return info


def pdf_date(stamp: str) -> str:
    """An ISO time from the store as a PDF date string (``D:YYYYMMDDHHmmSSZ``)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return f"D:{when:%Y%m%d%H%M%S}Z"


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


def _appearance(
    quads: Sequence[float], bbox: Sequence[float], colour: RGB | None, resources: IndirectObject
) -> Stream:
    """A form drawing the quads with multiply blend, so the words stay readable underneath;
    with no colour, an empty form (the page carries the colour)."""
    ops = []
    if colour is not None:
        ops = ["/GS0 gs", " ".join(number(c) for c in colour) + " rg"]
        for i in range(0, len(quads), 8):
            q = [number(v) for v in quads[i : i + 8]]
            ops.append(f"{q[0]} {q[1]} m {q[2]} {q[3]} l {q[6]} {q[7]} l {q[4]} {q[5]} l h f")
    return Stream(
        {
            "/Type": Name("/XObject"),
            "/Subtype": Name("/Form"),
            "/BBox": _rounded(bbox),
            "/Resources": resources,
        },
        "\n".join(ops).encode("ascii"),
    )


def _add_highlight(
    update: IncrementalUpdate,
    part: HighlightPart,
    top: float,
    options: ExportOptions,
    author: str,
    resources: IndirectObject,
    first: IndirectObject | None,
) -> IndirectObject:
    """Add one part of a highlight; returns the first part's annotation (the group's head)."""
    a = part.annotation
    quads = _quads(part, top)
    xs, ys = quads[0::2], quads[1::2]
    bbox = [min(xs), min(ys), max(xs), max(ys)]
    name = f"quotebook-{a.id}" if part.part == 1 else f"quotebook-{a.id}-{part.part}"
    colour = None if options.flatten else part.colour
    appearance = update.add(_appearance(quads, bbox, colour, resources))
    annotation: dict[str, Any] = {
        "/Type": Name("/Annot"),
        "/Subtype": Name("/Highlight"),
        "/Rect": _rounded(bbox),
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
            "/Rect": _rounded([right - 200, bbox[3] - 120, right - 20, bbox[3]]),
            "/Open": False,
            "/Parent": added,
        }
        annotation["/Popup"] = update.append_annotation(part.page, popup)
    return first if first is not None else added


def _destination(update: IncrementalUpdate, page: int, y_pt: float) -> list[Any]:
    return [update.page_ref(page), Name("/XYZ"), None, round(y_pt, 2), None]


def _add_link(update: IncrementalUpdate, link: Link, tops: Sequence[float]) -> None:
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
    }
    update.append_annotation(link.page, annotation)


def _add_outline(
    update: IncrementalUpdate, entries: Sequence[OutlineEntry], tops: Sequence[float]
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
    update: IncrementalUpdate,
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
