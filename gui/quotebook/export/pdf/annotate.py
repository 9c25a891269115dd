"""The pypdf pass: native annotations, links, bookmarks and metadata on Qt's PDF.

Qt paints the pages; PDF viewers' annotation sidebars, however, only list real annotations, and
Qt cannot write those. So the painted PDF is read back and every highlight part becomes a
`/Highlight` annotation whose QuadPoints are the very line boxes that were painted, with an
appearance stream (multiply blend) for viewers that do not draw highlights themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO
from typing import BinaryIO

import pypdf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    TextStringObject,
)
from PySide6.QtCore import qVersion

from quotebook import __version__
from quotebook.export.highlights import RGB, half_layer
from quotebook.export.options import ExportItem, ExportOptions
from quotebook.export.pdf.compose import Composition, HighlightPart, Link, OutlineEntry
from quotebook.export.pdf.geometry import UNIT

CREATOR = f"Quotebook {__version__}"
PRINT_FLAG = 4


def finish_pdf(
    painted: bytes,
    composition: Composition,
    items: Sequence[ExportItem],
    options: ExportOptions,
    out: BinaryIO,
) -> None:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(painted)))
    tops = [float(page.mediabox.top) for page in writer.pages]
    if options.pdf_annotations:
        for part in composition.highlights:
            _add_highlight(writer, part, tops[part.page], options)
    for link in composition.links:
        _add_link(writer, link, tops)
    _add_outline(writer, composition.outline, tops, None)
    writer.page_mode = "/UseOutlines"
    writer.add_metadata(metadata(items, options, composition.tags))
    writer.write(out)


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


def _numbers(values: Sequence[float]) -> ArrayObject:
    return ArrayObject(FloatObject(round(v, 3)) for v in values)


def _appearance(quads: Sequence[float], bbox: Sequence[float], colour: RGB) -> DecodedStreamObject:
    """A form drawing the quads with multiply blend, so the words stay readable underneath."""
    ops = ["/GS0 gs", "{:.4f} {:.4f} {:.4f} rg".format(*colour)]
    for i in range(0, len(quads), 8):
        q = quads[i : i + 8]
        ops.append(
            f"{q[0]:.3f} {q[1]:.3f} m {q[2]:.3f} {q[3]:.3f} l "
            f"{q[6]:.3f} {q[7]:.3f} l {q[4]:.3f} {q[5]:.3f} l h f"
        )
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    blend = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/ExtGState"),
            NameObject("/BM"): NameObject("/Multiply"),
        }
    )
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): _numbers(bbox),
            NameObject("/Resources"): DictionaryObject(
                {
                    NameObject("/ExtGState"): DictionaryObject({NameObject("/GS0"): blend}),
                }
            ),
        }
    )
    return stream


def _add_highlight(
    writer: PdfWriter, part: HighlightPart, top: float, options: ExportOptions
) -> None:
    a = part.annotation
    quads = _quads(part, top)
    xs, ys = quads[0::2], quads[1::2]
    bbox = [min(xs), min(ys), max(xs), max(ys)]
    name = f"quotebook-{a.id}" if part.part == 1 else f"quotebook-{a.id}-{part.part}"
    # The page already carries half of the colour; the appearance adds the other half.
    ap = _appearance(quads, bbox, half_layer(part.colour))
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Highlight"),
            NameObject("/Rect"): _numbers(bbox),
            NameObject("/QuadPoints"): _numbers(quads),
            NameObject("/C"): _numbers(part.colour),
            NameObject("/Contents"): TextStringObject(contents(a.note, a.tags)),
            NameObject("/NM"): TextStringObject(name),
            NameObject("/M"): TextStringObject(pdf_date(a.updated_at or a.created_at)),
            NameObject("/CreationDate"): TextStringObject(pdf_date(a.created_at)),
            NameObject("/F"): NumberObject(PRINT_FLAG),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(ap)}),
        }
    )
    if options.author:
        annotation[NameObject("/T")] = TextStringObject(options.author)
    added = writer.add_annotation(part.page, annotation)
    if options.popups:
        width = float(writer.pages[part.page].mediabox.right)
        popup = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Popup"),
                NameObject("/Rect"): _numbers([width - 200, bbox[3] - 120, width - 20, bbox[3]]),
                NameObject("/Open"): pypdf.generic.BooleanObject(False),
                NameObject("/Parent"): added.indirect_reference,
            }
        )
        writer.add_annotation(part.page, popup)


def _destination(writer: PdfWriter, page: int, y_pt: float) -> ArrayObject:
    return ArrayObject(
        [
            writer.pages[page].indirect_reference,
            NameObject("/XYZ"),
            NullObject(),
            FloatObject(round(y_pt, 2)),
            NullObject(),
        ]
    )


def _add_link(writer: PdfWriter, link: Link, tops: Sequence[float]) -> None:
    top = tops[link.page]
    r = link.rect
    rect = [r.left() / UNIT, top - r.bottom() / UNIT, r.right() / UNIT, top - r.top() / UNIT]
    target_y = tops[link.target.page] - link.target.y / UNIT + 14
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): _numbers(rect),
            NameObject("/Border"): _numbers([0, 0, 0]),
            NameObject("/Dest"): _destination(writer, link.target.page, target_y),
        }
    )
    writer.add_annotation(link.page, annotation)


def _add_outline(
    writer: PdfWriter,
    entries: Sequence[OutlineEntry],
    tops: Sequence[float],
    parent: IndirectObject | None,
) -> None:
    for entry in entries:
        y = tops[entry.target.page] - entry.target.y / UNIT + 6
        ref = writer.add_outline_item(
            title=entry.title,
            page_number=entry.target.page,
            parent=parent,
            fit=Fit.xyz(top=round(y, 2)),
            is_open=True,
        )
        _add_outline(writer, entry.children, tops, ref)
