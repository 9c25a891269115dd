"""`export`: write the chosen items to a file in one format, atomically, with progress.

This is the one entry point the CLI and the dialog call. It picks the writer for the format,
runs it inside the atomic writer, and turns the outcome into an `ExportResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from quotebook.errors import ExportFailed
from quotebook.export.atomic import Ticker, atomic_output, check_target
from quotebook.export.highlights import is_placed
from quotebook.export.html_export import write_html
from quotebook.export.options import (
    FORMATS,
    PROJECT_FORMATS,
    ExportItem,
    ExportOptions,
    ExportResult,
    Format,
    Progress,
    annotation_count,
)
from quotebook.export.text_formats import write_csv, write_json, write_markdown

if TYPE_CHECKING:
    from quotebook.export.qdpx import ProjectData

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
    *,
    project: ProjectData | None = None,
) -> ExportResult:
    """Write `items` to `path`; on any failure or cancel nothing is left at `path`.

    `progress(done, total)` is called between units of work; returning False cancels and
    raises `ExportCancelled` (an `ExportFailed`). Errors meant for the user are `ExportFailed`.
    The REFI-QDA formats (`PROJECT_FORMATS`) also need the `project` that `collect_project`
    reads: the code book, the folders and the user.
    """
    options = options or ExportOptions()
    if options.format not in FORMATS:
        raise ExportFailed(f"“{options.format}” is not a format Quotebook can export to.")
    if not items and options.format != "qdc":  # a code book needs no documents
        raise ExportFailed("There is nothing to export.")
    target = check_target(Path(path))
    if options.format in PROJECT_FORMATS:
        if project is None:
            raise ValueError(f"a {options.format} export needs the project data")
        return _export_project(items, target, options, project, progress)
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


def _export_project(
    items: Sequence[ExportItem],
    target: Path,
    options: ExportOptions,
    project: ProjectData,
    progress: Progress | None,
) -> ExportResult:
    # Imported here: lxml is only needed for these formats.
    from quotebook.export.qdpx import write_qdc, write_qdpx

    codebook_only = options.format == "qdc"
    ticker = Ticker(progress, 1 if codebook_only else len(items) + 1)
    ticker.start()
    with atomic_output(target) as out:
        writer = write_qdc if codebook_only else write_qdpx
        counts = writer(items, options, out, ticker, project, target.stem)
        ticker.advance(ticker.total)
    warnings: tuple[str, ...] = ()
    if counts.left_out:
        which = (
            "annotation no longer matches"
            if counts.left_out == 1
            else ("annotations no longer match")
        )
        warnings = (f"{counts.left_out} {which} the text; left out of the project.",)
    return ExportResult(
        path=target,
        format=options.format,
        documents=0 if codebook_only else len(items),
        annotations=counts.selections,
        warnings=warnings,
        codes=counts.codes,
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
