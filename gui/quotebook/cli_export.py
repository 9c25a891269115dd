"""``quotebook export [DOC_ID...] [--folder NAME] [--tag TAG] --output PATH``.

Writes the chosen documents and their annotations to a PDF, Markdown, CSV, JSON or HTML file,
with the same selection rules (`collect_items`) and writer (`export`) as the Export dialog.
Kept apart from `cli.py`, which only lists commands. ``--json`` prints
``{"path", "format", "documents", "annotations", "pages"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotebook.export import (
    FORMATS,
    NOTE_LAYOUTS,
    PAGE_SIZES,
    ExportOptions,
    collect_items,
    export,
    format_for_path,
)
from quotebook.store import Library


def configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "document_ids",
        type=int,
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
    p.add_argument("--author", default="", help="PDF: the name written on each annotation")
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


def run_export(library: Library, args: argparse.Namespace) -> int:
    items = collect_items(library, args.document_ids, folder=args.folder, tag=args.tag)
    fmt = args.format or format_for_path(args.output)
    options = ExportOptions(
        format=fmt,
        page_size=args.page_size,
        notes=args.notes,
        quotes_section=args.quotes_section,
        author=args.author,
        pdf_annotations=args.pdf_annotations,
        flatten=args.flatten,
        keep_furniture=args.keep_furniture,
    )
    result = export(items, args.output, options)
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
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        pages = f", {result.pages} pages" if result.pages else ""
        print(
            f"exported {result.documents} documents, {result.annotations} annotations"
            f"{pages} → {result.path}",
            file=sys.stdout,
        )
    return 0
