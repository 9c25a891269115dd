"""``quotebook list``: the library's documents with their annotation counts.

``--json`` prints ``{"id", "title", "outlet", "published", "annotation_count"}`` per document.
"""

from __future__ import annotations

import argparse

from quotebook.cli.output import emit_json
from quotebook.store import Library
from quotebook.wording import plural


def configure(p: argparse.ArgumentParser) -> None:
    """No options of its own."""


def run(library: Library, args: argparse.Namespace) -> int:
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
            + f"  [{plural(d.annotation_count, 'annotation')}]"
        )
    return 0
