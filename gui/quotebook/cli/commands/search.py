"""``quotebook search QUERY [--json]``: full-text search from the command line.

The query language is the search
box's (words, ``"phrases"``, ``prefix*``, ``AND``/``OR``/``NOT``, ``-word``), and input that is
not valid syntax still searches for its words. ``--json`` prints a list of hits::

    {"document_id": 3, "kind": "document" | "annotation", "start": 120, "end": 126,
     "snippet": "…the **Vienna** talks…", "annotation_id": null | 7, "title": "…"}

``start``/``end`` are code-point offsets into the document's text: the first match for a
document hit (0, 0 when only the title matched), the annotation's range for an annotation hit.
Matched words in the snippet are wrapped in ``**``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quotebook.cli.output import emit_json
from quotebook.domain import PALETTE
from quotebook.search.query import KINDS, SearchFilters, SearchHit
from quotebook.store import Library

MARK = "**"


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY", help="words, phrases, prefix*, AND/OR/NOT")
    p.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    p.add_argument("--kind", choices=KINDS, help="only documents or only annotations")
    p.add_argument("--folder", type=int, metavar="FOLDER_ID", help="within this folder")
    p.add_argument("--tag", help="annotations with this tag or one below it")
    p.add_argument("--color", choices=list(PALETTE), help="annotations of this colour")
    p.add_argument("--outlet", help="documents from this outlet")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")


def run(library: Library, args: argparse.Namespace) -> int:
    filters = SearchFilters(
        folder_id=args.folder,
        tag=args.tag,
        color=args.color,
        outlet=args.outlet,
        date_from=args.since,
        date_to=args.until,
        kinds=frozenset([args.kind] if args.kind else KINDS),
    )
    hits = library.search.search(" ".join(args.query), filters, limit=max(0, args.limit))
    if args.json:
        emit_json([hit_json(h) for h in hits])
        return 0
    if not hits:
        print("no matches", file=sys.stderr)
    for hit in hits:
        where = f"doc {hit.document_id}  {hit.start}-{hit.end}"
        label = f"annotation #{hit.annotation_id}" if hit.annotation_id else "document"
        print(f"{where}  {label}  {hit.title}")
        print(f"      {hit.snippet_with(MARK, MARK)}")
    return 0


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "document_id": hit.document_id,
        "kind": hit.kind,
        "start": hit.start,
        "end": hit.end,
        "snippet": hit.snippet_with(MARK, MARK),
        "annotation_id": hit.annotation_id,
        "title": hit.title,
    }
