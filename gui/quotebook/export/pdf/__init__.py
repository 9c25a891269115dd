"""The annotated PDF: typeset and painted with Qt, then given native annotations with pypdf."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO, NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from quotebook.export.atomic import Ticker
from quotebook.export.fonts import register_fonts
from quotebook.export.glyphs import Glyphs
from quotebook.export.options import ExportItem, ExportOptions, PageSizeName
from quotebook.export.pdf.annotate import finish_pdf
from quotebook.export.pdf.compose import Composer
from quotebook.export.pdf.geometry import RESOLUTION
from quotebook.export.pdf.metadata import CREATOR, pdf_title
from quotebook.export.pdf.paint import paint_pages

_PAGE_SIZES: dict[PageSizeName, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}


class PdfWritten(NamedTuple):
    pages: int
    warnings: tuple[str, ...]  # what the export summary should say about the PDF


def write_pdf(
    items: Sequence[ExportItem], options: ExportOptions, out: BinaryIO, ticker: Ticker
) -> PdfWritten:
    """Write the PDF to `out`; returns the number of pages and what to tell the user.

    The ticker advances once per document typeset, once per document painted and once for the
    annotation pass, so its total should be ``2 * len(items) + 1``.
    """
    families = register_fonts()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Painted into memory: only Python writes to disk, so every disk error surfaces as OSError.
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(_PAGE_SIZES[options.page_size]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(pdf_title(items, options))
    writer.setCreator(CREATOR)
    if options.author:
        writer.setAuthor(options.author)

    glyphs = Glyphs(families)
    composition = Composer(items, options, writer, families, glyphs).compose(ticker.advance)
    n = len(items)
    pages = len(composition.pages)

    def page_done(index: int) -> None:
        item = composition.pages[index].item
        ticker.advance(n + (item + 1 if item is not None else n))

    try:
        paint_pages(composition, writer, families, page_done)
    finally:
        # Laid-out text takes far more memory than the PDF: free it before the next pass.
        composition.release()
    buffer.close()
    # PySide6's stub allows bytearray and memoryview too; QByteArray.data() returns bytes.
    painted: bytes = data.data()  # type: ignore[assignment]
    del writer, buffer, data
    finish_pdf(painted, composition, items, options, families, glyphs, out)
    ticker.advance(2 * n + 1)
    summary = glyphs.summary()
    return PdfWritten(pages, (summary,) if summary else ())
