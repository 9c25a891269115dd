"""``quotebook annotations [DOC_ID]``: the annotations of one document, or of all."""

from __future__ import annotations

import argparse

from quotebook.cli.output import annotation_json, emit_json, print_annotation
from quotebook.store import Library


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("document_id", type=int, nargs="?", metavar="DOC_ID")


def run(library: Library, args: argparse.Namespace) -> int:
    if args.document_id is not None:
        library.documents.get(args.document_id)  # a clear error for an unknown id
        annotations = library.annotations.for_document(args.document_id)
    else:
        annotations = library.annotations.all()
    if args.json:
        emit_json([annotation_json(a) for a in annotations])
    else:
        for a in annotations:
            print_annotation(a)
    return 0
