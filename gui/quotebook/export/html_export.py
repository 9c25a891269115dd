"""A single self-contained HTML file: each document's text with its highlights coloured.

Overlaps are cut into elementary segments, each drawn in the multiply blend of its colours (as
in the PDF), numbered markers link to notes at the end of each document, and hovering a
highlight shows its note and tags. No scripts and no external files, so it opens anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import BinaryIO

from quotebook.domain import Annotation, color_hex
from quotebook.export.atomic import Ticker
from quotebook.export.highlights import hex_of, is_placed, rgb, segment_colour, segments
from quotebook.export.options import ExportItem, ExportOptions

STYLE = """
body { font: 17px/1.6 "DejaVu Serif", Georgia, serif; color: #111; max-width: 46em;
       margin: 2em auto; padding: 0 1em; }
header h1 { font: bold 1.6em/1.2 "DejaVu Sans", Helvetica, sans-serif; margin-bottom: .3em; }
.meta, .summary { font: .8em/1.4 "DejaVu Sans", Helvetica, sans-serif; color: #555;
                  margin: .2em 0; }
.text { white-space: pre-wrap; }
mark { color: inherit; padding: .08em 0; }
sup.n { font: bold .6em "DejaVu Sans", sans-serif; }
sup.n a { text-decoration: none; color: #444; }
ol.notes { font-size: .9em; }
ol.notes .quote { font-style: italic; }
ol.notes .tags { font: .85em "DejaVu Sans", sans-serif; color: #555; }
article + article { border-top: 1px solid #bbb; margin-top: 3em; }
"""


def _tooltip(a: Annotation) -> str:
    parts = [a.note.strip()] if a.note.strip() else []
    if a.tags:
        parts.append("Tags: " + ", ".join(a.tags))
    return "\n".join(parts)


def text_with_marks(text: str, annotations: Sequence[Annotation], numbers: dict[int, int]) -> str:
    placed = [a for a in annotations if is_placed(a, text)]
    by_id = {a.id: a for a in placed}
    colours = {a.id: rgb(a.color) for a in placed}
    starts: dict[int, list[Annotation]] = {}
    for a in placed:
        starts.setdefault(a.start, []).append(a)
    out: list[str] = []
    cursor = 0
    for segment in segments(placed):
        out.append(escape(text[cursor : segment.start]))
        for a in starts.pop(segment.start, []):
            n = numbers[a.id]
            out.append(f'<sup class="n" id="a{a.id}"><a href="#note{a.id}">{n}</a></sup>')
        covering = [by_id[i] for i in segment.annotation_ids]
        title = "\n\n".join(t for t in (_tooltip(a) for a in covering) if t)
        out.append(
            f'<mark style="background-color: {hex_of(segment_colour(segment, colours))}"'
            f' data-annotations="{" ".join(str(a.id) for a in covering)}"'
            + (f' title="{escape(title)}"' if title else "")
            + f">{escape(text[segment.start : segment.end])}</mark>"
        )
        cursor = segment.end
    out.append(escape(text[cursor:]))
    return "".join(out)


def html_document(item: ExportItem) -> str:
    meta = item.document.meta
    annotations = sorted(item.annotations, key=lambda a: (a.start, a.end, a.id))
    numbers = {a.id: n for n, a in enumerate(annotations, 1)}
    details = " · ".join(escape(d) for d in (meta.outlet, meta.author, meta.published) if d)
    head = [f"<h1>{escape(item.title)}</h1>"]
    if details:
        head.append(f'<p class="meta">{details}</p>')
    if meta.source_url:
        url = escape(meta.source_url)
        head.append(f'<p class="meta">Source: <a href="{url}">{url}</a></p>')
    tags = sorted({t for a in annotations for t in a.tags}, key=str.casefold)
    summary = f"{len(annotations)} annotation{'s' if len(annotations) != 1 else ''}"
    if tags:
        summary += " · Tags: " + escape(", ".join(tags))
    head.append(f'<p class="summary">{summary}</p>')
    notes = []
    for a in annotations:
        colour = color_hex(a.color)
        note = f" {escape(a.note.strip())}" if a.note.strip() else ""
        tag_line = f' <span class="tags">Tags: {escape(", ".join(a.tags))}</span>' if a.tags else ""
        notes.append(
            f'<li id="note{a.id}" value="{numbers[a.id]}">'
            f'<span class="quote" style="border-left: .4em solid {colour}; padding-left: .3em">'
            f"“{escape(a.quote)}”</span>{note}{tag_line}</li>"
        )
    return (
        f'<article id="document{item.document.id}">\n<header>\n'
        + "\n".join(head)
        + "\n</header>\n"
        + f'<div class="text">{text_with_marks(item.document.text, annotations, numbers)}</div>\n'
        + (f'<h2>Notes</h2>\n<ol class="notes">\n{chr(10).join(notes)}\n</ol>\n' if notes else "")
        + "</article>\n"
    )


def write_html(
    items: Sequence[ExportItem], options: ExportOptions, out: BinaryIO, ticker: Ticker
) -> None:
    title = options.title or (items[0].title if len(items) == 1 else f"{len(items)} documents")
    language = items[0].document.meta.language if len(items) == 1 else ""
    lang = f' lang="{escape(language)}"' if language else ""
    out.write(
        (
            f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        ).encode()
    )
    for item in items:
        out.write(html_document(item).encode("utf-8"))
        ticker.advance()
    out.write(b"</body>\n</html>\n")
