"""`export`: write the chosen items to a file in one format, atomically, with progress.

This is the one entry point the CLI and the dialog call. It picks the writer for the format,
runs it inside the atomic writer, and turns the outcome into an `ExportResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from quotebook.errors import ExportFailed
from quotebook.export.atomic import Ticker, atomic_output, check_target
from quotebook.export.highlights import is_placed
from quotebook.export.html_export import write_html
from quotebook.export.options import (
    FORMATS,
    ExportItem,
    ExportOptions,
    ExportResult,
    Format,
    Progress,
    annotation_count,
)
from quotebook.export.text_formats import write_csv, write_json, write_markdown

TextWriter = Callable[[Sequence[ExportItem], ExportOptions, BinaryIO, Ticker], None]

_TEXT_WRITERS: dict[Format, TextWriter] = {
    "md": write_markdown,
    "csv": write_csv,
    "json": write_json,
    "html": write_html,
}


def export(
    items: Sequence[ExportItem],
    path: Path | str,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write `items` to `path`; on any failure or cancel nothing is left at `path`.

    `progress(done, total)` is called between units of work; returning False cancels and
    raises `ExportCancelled` (an `ExportFailed`). Errors meant for the user are `ExportFailed`.
    """
    options = options or ExportOptions()
    if options.format not in FORMATS:
        raise ExportFailed(f"“{options.format}” is not a format Quotebook can export to.")
    if not items:
        raise ExportFailed("There is nothing to export.")
    target = check_target(Path(path))
    n = len(items)
    ticker = Ticker(progress, 2 * n + 1 if options.format == "pdf" else n + 1)
    ticker.start()
    pages = 0
    notes: tuple[str, ...] = ()
    with atomic_output(target) as out:
        if options.format == "pdf":
            # Imported here: the text formats need no Qt at all.
            from quotebook.export.pdf import write_pdf

            pages, notes = write_pdf(items, options, out, ticker)
        else:
            _TEXT_WRITERS[options.format](items, options, out, ticker)
        ticker.advance(ticker.total)
    return ExportResult(
        path=target,
        format=options.format,
        documents=n,
        annotations=annotation_count(items),
        pages=pages,
        warnings=_warnings(items, options) + notes,
    )


def _warnings(items: Sequence[ExportItem], options: ExportOptions) -> tuple[str, ...]:
    """What the user should know about a finished export: quotes that could not be marked."""
    if options.format not in ("pdf", "html"):
        return ()
    lost = sum(1 for i in items for a in i.annotations if not is_placed(a, i.document.text))
    if not lost:
        return ()
    which = "annotation no longer matches" if lost == 1 else "annotations no longer match"
    return (f"{lost} {which} the text; listed with the notes but not highlighted.",)
