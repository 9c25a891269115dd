"""``quotebook annotate DOC_ID --quote TEXT``: highlight a quote found by its exact text.

The quote is anchored like a highlight made in the app (offsets, quote, prefix and suffix).
``--json`` prints the new annotation.
"""

from __future__ import annotations

import argparse

from quotebook.anchoring import locate_quote
from quotebook.cli.output import annotation_json, emit_json, print_annotation
from quotebook.domain import PALETTE
from quotebook.store import Library


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("document_id", type=int, metavar="DOC_ID")
    p.add_argument("--quote", required=True, help="the exact text to highlight")
    p.add_argument("--occurrence", type=int, default=1, help="which occurrence (1-based)")
    p.add_argument("--color", default="yellow", choices=list(PALETTE))
    p.add_argument("--tag", action="append", default=[], dest="tags", metavar="TAG")
    p.add_argument("--note", default="")


def run(library: Library, args: argparse.Namespace) -> int:
    document = library.documents.get(args.document_id)
    anchor = locate_quote(document.text, args.quote, args.occurrence)
    annotation = library.annotations.create(
        document.id, anchor, color=args.color, note=args.note, tags=args.tags
    )
    if args.json:
        emit_json(annotation_json(annotation))
    else:
        print_annotation(annotation)
    return 0
