"""What the commands print: JSON for programs, one line per item for people."""

from __future__ import annotations

import json
import sys
from typing import Any

from quotebook.domain import Annotation


def emit_json(value: Any) -> None:
    """`value` as indented JSON on stdout; text stays readable (no ``\\u`` escapes)."""
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


def print_annotation(a: Annotation) -> None:
    tags = f"  [{', '.join(a.tags)}]" if a.tags else ""
    quote = " ".join(a.quote.split())
    print(f"#{a.id}  doc {a.document_id}  {a.start}-{a.end}  {a.color}  “{quote}”{tags}")
    if a.note:
        print(f"      note: {a.note}")
