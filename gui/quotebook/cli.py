"""The command line: the same core as the app, no GUI.

Errors meant for the user go to stderr with exit code 1 and no traceback; ``--json`` output is
stable and documented in the README. Commands live in small ``cli_*`` modules that register
themselves on the shared parser.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotebook import __version__
from quotebook.anchoring import locate_quote
from quotebook.cli_export import configure_export, run_export
from quotebook.cli_quotes import configure_quotes, run_quotes
from quotebook.cli_search import configure_search, run_search
from quotebook.domain import PALETTE, Annotation
from quotebook.errors import UserError
from quotebook.importers import DEFAULT_LIMITS, ImportLimits
from quotebook.importers.source import MB
from quotebook.importing import ImportOptions, import_files
from quotebook.paths import resolve_library_path
from quotebook.store import Library

Handler = Callable[[Library, argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Handler


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def annotation_json(a: Annotation) -> dict[str, Any]:
    return {
        "id": a.id,
        "document_id": a.document_id,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "color": a.color,
        "note": a.note,
        "tags": list(a.tags),
    }


def _print_annotation(a: Annotation) -> None:
    tags = f"  [{', '.join(a.tags)}]" if a.tags else ""
    quote = " ".join(a.quote.split())
    print(f"#{a.id}  doc {a.document_id}  {a.start}-{a.end}  {a.color}  “{quote}”{tags}")
    if a.note:
        print(f"      note: {a.note}")


# -- import -------------------------------------------------------------------------------------


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="PATH", help="files or folders")
    p.add_argument(
        "--replace",
        action="store_true",
        help="a changed version of a file imported before replaces that document "
        "(annotations move to their quotes; lost ones are kept, marked orphaned)",
    )
    p.add_argument("--folder", metavar="NAME", help="put the documents into this library folder")
    p.add_argument(
        "--mirror", action="store_true", help="recreate the folders' structure in the library"
    )
    p.add_argument(
        "--no-recursive", action="store_true", help="do not look into sub-folders of a folder"
    )
    p.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        default=DEFAULT_LIMITS.max_bytes / MB,
        help="refuse files larger than this (default %(default).0f MB)",
    )


def _run_import(library: Library, args: argparse.Namespace) -> int:
    if args.max_size <= 0:
        raise UserError("--max-size must be a positive number of megabytes.")
    folder_id = None
    if args.folder:
        folder = library.folders.find(args.folder) or library.folders.create(args.folder)
        folder_id = folder.id
    options = ImportOptions(
        folder_id=folder_id,
        on_changed="replace" if args.replace else "new",
        limits=ImportLimits(max_bytes=int(args.max_size * MB)),
        recursive=not args.no_recursive,
        mirror_folders=args.mirror,
    )
    results = import_files(library, args.files, options=options)
    if args.json:
        emit_json(
            [
                {"path": r.path, "id": r.id, "status": r.status, "error": r.error or None}
                for r in results
            ]
        )
    else:
        for r in results:
            if r.status == "imported":
                print(f"imported   {r.path} → document {r.id}")
            elif r.status == "replaced":
                note = f" ({r.error})" if r.error else ""
                print(f"replaced   {r.path} → document {r.id}{note}")
            elif r.status == "duplicate":
                print(f"duplicate  {r.path} ({r.error}, id {r.id})")
            else:
                print(f"failed     {r.path}: {r.error}", file=sys.stderr)
        if not results:
            print("No files of a supported type were found.", file=sys.stderr)
    return 1 if any(r.status == "failed" for r in results) else 0


# -- list ---------------------------------------------------------------------------------------


def _run_list(library: Library, args: argparse.Namespace) -> int:
    docs = library.documents.summaries()
    if args.json:
        emit_json(
            [
                {
                    "id": d.id,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": d.published,
                    "annotation_count": d.annotation_count,
                }
                for d in docs
            ]
        )
        return 0
    for d in docs:
        details = ", ".join(x for x in (d.outlet, d.published) if x)
        print(
            f"{d.id:>5}  {d.title}"
            + (f"  ({details})" if details else "")
            + f"  [{d.annotation_count} annotations]"
        )
    return 0


# -- annotate -----------------------------------------------------------------------------------


def _configure_annotate(p: argparse.ArgumentParser) -> None:
    p.add_argument("document_id", type=int, metavar="DOC_ID")
    p.add_argument("--quote", required=True, help="the exact text to highlight")
    p.add_argument("--occurrence", type=int, default=1, help="which occurrence (1-based)")
    p.add_argument("--color", default="yellow", choices=list(PALETTE))
    p.add_argument("--tag", action="append", default=[], dest="tags", metavar="TAG")
    p.add_argument("--note", default="")


def _run_annotate(library: Library, args: argparse.Namespace) -> int:
    document = library.documents.get(args.document_id)
    anchor = locate_quote(document.text, args.quote, args.occurrence)
    annotation = library.annotations.create(
        document.id, anchor, color=args.color, note=args.note, tags=args.tags
    )
    if args.json:
        emit_json(annotation_json(annotation))
    else:
        _print_annotation(annotation)
    return 0


# -- annotations --------------------------------------------------------------------------------


def _configure_annotations(p: argparse.ArgumentParser) -> None:
    p.add_argument("document_id", type=int, nargs="?", metavar="DOC_ID")


def _run_annotations(library: Library, args: argparse.Namespace) -> int:
    if args.document_id is not None:
        library.documents.get(args.document_id)  # a clear error for an unknown id
        annotations = library.annotations.for_document(args.document_id)
    else:
        annotations = library.annotations.all()
    if args.json:
        emit_json([annotation_json(a) for a in annotations])
    else:
        for a in annotations:
            _print_annotation(a)
    return 0


COMMANDS: list[Command] = [
    Command("import", "import files or folders into the library", _configure_import, _run_import),
    Command("list", "list the documents", lambda p: None, _run_list),
    Command("annotate", "highlight a quote in a document", _configure_annotate, _run_annotate),
    Command("annotations", "list annotations", _configure_annotations, _run_annotations),
    Command("search", "search documents and annotations", configure_search, run_search),
    Command("export", "export documents with their annotations", configure_export, run_export),
    Command("quotes", "find quotations and their speakers", configure_quotes, run_quotes),
]


def command_names() -> set[str]:
    return {c.name for c in COMMANDS}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebook",
        description="Quotebook: read, highlight and tag quotations. "
        "Without a command, the app starts.",
    )
    parser.add_argument("--version", action="version", version=f"Quotebook {__version__}")
    parser.add_argument("--library", metavar="PATH", help="the library file to use")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        command.configure(p)
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with Library(resolve_library_path(args.library)) as library:
            return int(args.handler(library, args))
    except UserError as exc:
        print(f"quotebook: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
