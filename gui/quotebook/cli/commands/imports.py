"""``quotebook import PATH... [--replace] [--folder NAME] [--mirror] [--no-recursive]``.

Reads files and folders with the same importer as the app's Import dialog (`import_files`).
A REFI-QDA project (``.qdpx``) gives one result per source in it (``study.qdpx › Interview``),
with the highlights it brought in. ``--json`` prints one ``{"path", "id", "status", "error"}``
per file or source (plus ``"highlights"`` for a project's sources); the exit code is 1 if any
failed, and the others are imported all the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotebook.cli.output import emit_json
from quotebook.errors import UserError
from quotebook.importers import DEFAULT_LIMITS, ImportLimits
from quotebook.importers.source import MB
from quotebook.services.importing import ImportOptions, import_files
from quotebook.store import Library
from quotebook.wording import plural


def configure(p: argparse.ArgumentParser) -> None:
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


def run(library: Library, args: argparse.Namespace) -> int:
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
        rows = []
        for r in results:
            row = {"path": r.path, "id": r.id, "status": r.status, "error": r.error or None}
            if r.annotations is not None:
                row["highlights"] = r.annotations
            rows.append(row)
        emit_json(rows)
    else:
        for r in results:
            highlights = f" with {plural(r.annotations, 'highlight')}" if r.annotations else ""
            if r.status == "imported":
                print(f"imported   {r.path} → document {r.id}{highlights}")
            elif r.status == "replaced":
                note = f" ({r.error})" if r.error else ""
                print(f"replaced   {r.path} → document {r.id}{note}")
            elif r.status == "duplicate":
                print(f"duplicate  {r.path} ({r.error}, id {r.id})")
            elif r.status == "skipped":
                print(f"skipped    {r.path}: {r.error}")
            else:
                print(f"failed     {r.path}: {r.error}", file=sys.stderr)
        if not results:
            print("No files of a supported type were found.", file=sys.stderr)
    return 1 if any(r.status == "failed" for r in results) else 0
