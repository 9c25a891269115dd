"""``quotebook backup PATH``: a consistent copy of the library, safe while the app is open.

Uses SQLite's online backup (see `quotebook.store.backup`): copying the library file by hand
while Quotebook runs can miss changes still in ``library.sqlite-wal``. ``--json`` prints
``{"path", "documents", "annotations", "bytes"}``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quotebook.cli.output import emit_json
from quotebook.store import Library
from quotebook.wording import plural


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path, metavar="PATH", help="the backup file to write (replaced)")


def run(library: Library, args: argparse.Namespace) -> int:
    written = library.backup(args.path)
    documents, annotations = library.documents.count(), library.annotations.count()
    if args.json:
        emit_json(
            {
                "path": str(written),
                "documents": documents,
                "annotations": annotations,
                "bytes": written.stat().st_size,
            }
        )
    else:
        print(
            f"backed up {plural(documents, 'document')}, {plural(annotations, 'annotation')} "
            f"→ {written}"
        )
    return 0
