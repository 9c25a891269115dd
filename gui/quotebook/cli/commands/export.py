"""``quotebook export [DOC_ID...] [--folder NAME] [--tag TAG] --output PATH``.

Writes the chosen documents and their annotations to a PDF, Markdown, CSV, JSON or HTML file, or
to a REFI-QDA project (``qdpx``) or code book (``qdc``) for other QDA programs, with the same
selection rules (`collect_items`) and writer (`export`) as the Export dialog. ``--json`` prints
``{"path", "format", "documents", "annotations", "pages"}``, and ``"codes"`` for qdpx and qdc.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotebook.cli import arguments
from quotebook.cli.output import emit_json
from quotebook.export import (
    FORMATS,
    NOTE_LAYOUTS,
    PAGE_SIZES,
    PROJECT_FORMATS,
    ExportItem,
    ExportOptions,
    collect_items,
    export,
    format_for_path,
)
from quotebook.store import Library
from quotebook.wording import plural


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "document_ids",
        type=arguments.record_id,
        nargs="*",
        metavar="DOC_ID",
        help="documents to export (none: the whole library)",
    )
    p.add_argument("--folder", metavar="NAME", help="every document in this folder")
    p.add_argument("--tag", metavar="TAG", help="only annotations with this tag (or below it)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="the file format (default: from the output file's suffix, else pdf)",
    )
    p.add_argument("--output", "-o", required=True, type=Path, metavar="PATH")
    p.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="PDF paper size")
    p.add_argument(
        "--notes",
        choices=NOTE_LAYOUTS,
        default="margin",
        help="PDF: notes beside the text or numbered at the end of each document",
    )
    p.add_argument(
        "--quotes-section",
        action="store_true",
        help="PDF: close with every quote grouped by tag, linked to its page",
    )
    p.add_argument(
        "--author",
        default="",
        help="PDF: the name written on each annotation; qdpx: the project's user",
    )
    p.add_argument(
        "--raw-csv",
        action="store_true",
        help="CSV: write cells that start with =, +, -, @, a tab or a return as they are "
        "(by default they get a leading ' so that spreadsheets do not run them as formulas)",
    )
    p.add_argument(
        "--no-pdf-annotations",
        dest="pdf_annotations",
        action="store_false",
        help="PDF: paint the highlights only, without native PDF annotations",
    )
    p.add_argument(
        "--flatten",
        action="store_true",
        help="PDF: paint the highlights into the page too (for readers that hide annotations)",
    )
    p.add_argument(
        "--keep-furniture",
        action="store_true",
        help="PDF: keep the page furniture that the reader view hides, and a repeated title",
    )


def run(library: Library, args: argparse.Namespace) -> int:
    fmt = args.format or format_for_path(args.output)
    whole_library = not (args.document_ids or args.folder is not None or args.tag is not None)
    items: list[ExportItem] = []
    if fmt != "qdc" or not whole_library:  # the whole code book needs no documents
        items = collect_items(library, args.document_ids, folder=args.folder, tag=args.tag)
    options = ExportOptions(
        format=fmt,
        page_size=args.page_size,
        notes=args.notes,
        quotes_section=args.quotes_section,
        author=args.author,
        pdf_annotations=args.pdf_annotations,
        raw_csv=args.raw_csv,
        flatten=args.flatten,
        keep_furniture=args.keep_furniture,
    )
    project = None
    if fmt in PROJECT_FORMATS:
        from quotebook.export.qdpx import collect_project

        project, items = collect_project(library, items, whole_library=whole_library, tag=args.tag)
    result = export(items, args.output, options, project=project)
    for warning in result.warnings:
        print(f"quotebook: {warning}", file=sys.stderr)
    if args.json:
        report = {
            "path": str(result.path),
            "format": result.format,
            "documents": result.documents,
            "annotations": result.annotations,
            "pages": result.pages,
        }
        if fmt in PROJECT_FORMATS:
            report["codes"] = result.codes
        emit_json(report)
    elif fmt == "qdc":
        print(f"exported the code book, {plural(result.codes, 'code')} → {result.path}")
    else:
        pages = f", {plural(result.pages, 'page')}" if result.pages else ""
        pages += f", {plural(result.codes, 'code')}" if result.codes else ""
        print(
            f"exported {plural(result.documents, 'document')}, "
            f"{plural(result.annotations, 'annotation')}{pages} → {result.path}"
        )
    return 0
