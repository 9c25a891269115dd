"""``quotebook quotes [DOC_ID...] [--json] [--accept]``: the quote finder from the command line.

Without ids every document is scanned. Speakers are named alike across the documents scanned
and the library's `speaker/…` tags, as in the app. ``--json`` prints one entry per document::

    {"document_id": 3,
     "quotes": [{"start", "end", "text", "kind", "speaker", "confidence"}],
     "turns": [{"start", "end", "label", "speaker"}],
     "accepted": [12, 13],          # only with --accept
     "tagged": [7]}                 # only with --accept

``start``/``end`` are code-point offsets into the document's text, without the quotation marks.
``--accept`` highlights every direct and partial quote that no highlight touches yet, tagged
``quote`` and ``speaker/<Name>``, coloured by kind, and gives a highlight that already marks a
found quote the tags it lacks (``tagged``; see `quotebook.services.quote_acceptance`).
"""

from __future__ import annotations

import argparse
from typing import Any

from quotebook.anchoring import make_anchor
from quotebook.cli import arguments
from quotebook.cli.output import emit_json
from quotebook.domain import Document
from quotebook.quotes import QuoteScan
from quotebook.services.quote_acceptance import plan_acceptance, plan_tag_additions, scan_library
from quotebook.store import Library
from quotebook.wording import plural

EXCERPT = 90  # characters of a quote shown per line in the plain listing


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "document_ids", nargs="*", type=arguments.record_id, metavar="DOC_ID", help="default: all"
    )
    p.add_argument(
        "--accept",
        action="store_true",
        help="highlight direct and partial quotes not highlighted yet, "
        "tagged quote and speaker/<Name>",
    )


def run(library: Library, args: argparse.Namespace) -> int:
    ids: list[int] | None = list(dict.fromkeys(args.document_ids)) or None
    for document_id in ids or ():
        library.documents.get(document_id)  # a clear error for an unknown id, before any work
    scans = scan_library(library, ids)
    accepted, tagged = _accept(library, scans) if args.accept else ({}, {})
    if args.json:
        out: list[dict[str, Any]] = []
        for document_id, scan in scans.items():
            entry: dict[str, Any] = {"document_id": document_id, **scan.as_dict()}
            if args.accept:
                entry["accepted"] = accepted.get(document_id, [])
                entry["tagged"] = tagged.get(document_id, [])
            out.append(entry)
        emit_json(out)
        return 0
    for document_id, scan in scans.items():
        _print_scan(library, document_id, scan)
    if args.accept:
        total = sum(len(v) for v in accepted.values())
        documents = sum(1 for v in accepted.values() if v)
        print(f"highlighted {plural(total, 'quote')} in {plural(documents, 'document')}")
    return 0


def _accept(
    library: Library, scans: dict[int, QuoteScan]
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Create the planned highlights and add the planned tags in one transaction; the new
    highlights' ids and the tagged ones' ids, per document."""
    created: dict[int, list[int]] = {}
    documents: dict[int, Document] = {}
    tagged: dict[int, list[int]] = {}
    additions = plan_tag_additions(library, scans)
    with library.documents.transaction():
        for item in plan_acceptance(library, scans):
            if item.document_id not in documents:
                documents[item.document_id] = library.documents.get(item.document_id)
            document = documents[item.document_id]
            anchor = make_anchor(document.text, item.start, item.end)
            annotation = library.annotations.create(
                item.document_id,
                anchor,
                color=item.color,
                tags=item.tags,
                text_sha256=document.sha256,
            )
            created.setdefault(item.document_id, []).append(annotation.id)
        for addition in additions:
            library.annotations.set_tags(addition.annotation_id, addition.tags)
            tagged.setdefault(addition.document_id, []).append(addition.annotation_id)
    return created, tagged


def _print_scan(library: Library, document_id: int, scan: QuoteScan) -> None:
    title = library.documents.get(document_id).title
    quotes, turns = plural(len(scan.quotes), "quote"), plural(len(scan.turns), "turn")
    print(f"doc {document_id}  {title}  ({quotes}, {turns})")
    for q in scan.quotes:
        text = " ".join(q.text.split())
        if len(text) > EXCERPT:
            text = text[: EXCERPT - 1] + "…"
        speaker = q.speaker or "—"
        print(f"  {q.start}-{q.end}  {q.kind:<7}  {q.confidence:.2f}  {speaker}: “{text}”")
    for t in scan.turns:
        speaker = f" ({t.speaker})" if t.speaker and t.speaker != t.label else ""
        print(f"  {t.start}-{t.end}  turn     {t.label}{speaker}")
