"""Markdown, CSV, JSON and HTML: the same annotations, checked by content."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from quotebook.domain import color_hex
from quotebook.export import ExportOptions, collect_items, export
from quotebook.export.highlights import hex_of, multiply, rgb
from quotebook.export.text_formats import COLUMNS


@pytest.fixture
def items(annotated):
    return collect_items(annotated.library, [annotated.document_id])


def _export(items, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = export(items, out, ExportOptions(format=fmt))
    assert result.path == out and result.annotations == len(items[0].annotations)
    return out


def test_csv_has_one_row_per_annotation_with_document_metadata(items, tmp_path):
    out = _export(items, tmp_path, "csv")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    annotations = items[0].annotations
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(annotations)
    for row, a in zip(rows, annotations, strict=True):
        assert row["document_title"] == "Vienna talks on European security"
        assert row["outlet"] == "Test Wire" and row["published"] == "2022-01-13"
        assert row["source_url"] == "https://example.org/vienna-talks"
        assert (int(row["start"]), int(row["end"])) == (a.start, a.end)
        assert row["quote"] == a.quote  # newlines and quotes survive CSV quoting
        assert row["note"] == a.note
        assert row["tags"].split("; ") == list(a.tags) if a.tags else row["tags"] == ""
        assert row["color"] == a.color and row["color_hex"] == color_hex(a.color)


def test_json_rows_carry_offsets_into_the_text(items, tmp_path, annotated):
    rows = json.loads(_export(items, tmp_path, "json").read_text(encoding="utf-8"))
    assert [r["annotation_id"] for r in rows] == [a.id for a in items[0].annotations]
    for row in rows:
        assert set(row) == set(COLUMNS)
        assert annotated.text[row["start"] : row["end"]] == row["quote"]
        assert isinstance(row["tags"], list)
    cyrillic = next(r for r in rows if r["annotation_id"] == annotated.by_role["cyrillic"].id)
    assert cyrillic["note"] == "Заметка по-русски" and cyrillic["tags"] == ["speaker/Лукашевич"]


def test_markdown_quotes_are_blockquotes_with_notes_and_tags(items, tmp_path, annotated):
    md = _export(items, tmp_path, "md").read_text(encoding="utf-8")
    assert md.startswith("## Vienna talks on European security")
    assert "Source: <https://example.org/vienna-talks>" in md
    lines = annotated.by_role["lines"]
    assert f"> {lines.quote}" in md
    assert "tags: `logistics`, `travel`" in md
    assert lines.note in md
    quoted = [line for line in md.splitlines() if line.startswith("> ")]
    # One "> " line per line of each quote (a quote may run over a paragraph break).
    assert len(quoted) == sum(
        len([line for line in a.quote.split("\n") if line.strip()]) for a in items[0].annotations
    )


def test_markdown_escapes_markup_in_quotes(library, tmp_path):
    from quotebook.anchoring import make_anchor
    from quotebook.domain import DocumentMeta, NewDocument

    text = "She said *nothing* about [the] deal_terms # at all."
    doc = library.documents.add(NewDocument(DocumentMeta(title="Marks"), text))
    library.annotations.create(doc.id, make_anchor(text, 0, len(text)))
    md = _export(collect_items(library, [doc.id]), tmp_path, "md").read_text(encoding="utf-8")
    assert r"> She said \*nothing\* about \[the\] deal\_terms \# at all." in md


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._style: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "mark":
            self._style = dict(attrs)["style"]
            self.marks.append((self._style, ""))

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            style, text = self.marks[-1]
            self.marks[-1] = (style, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._style = None


def test_html_marks_highlights_in_their_colours(items, tmp_path, annotated):
    html = _export(items, tmp_path, "html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    parser = _Marks()
    parser.feed(html)
    colours = {re.search(r"#[0-9a-f]{6}", style).group(0): text for style, text in parser.marks}
    cyrillic = annotated.by_role["cyrillic"]
    assert colours[color_hex(cyrillic.color)] == cyrillic.quote
    a, b = annotated.by_role["overlap_a"], annotated.by_role["overlap_b"]
    assert colours[hex_of(multiply([rgb(a.color), rgb(b.color)]))] == "the chairman said"
    # The whole text is there once, marks or not.
    body = html.split('<div class="text">')[1].split("</div>")[0]
    assert unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", body)) == annotated.text
    assert 'href="https://example.org/vienna-talks"' in html


def _headings(markdown: str) -> list[tuple[str, str]]:
    """(tag, text) of every heading a CommonMark renderer makes of the export."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (token.tag, tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def test_markdown_headings_are_only_titles_and_annotation_numbers(library, tmp_path):
    """Separators and hostile notes never turn a line into a heading: the document with no
    annotations ('0 annotations'), the tags line before the next document's rule, and notes
    made of rules or underlines."""
    from quotebook.anchoring import make_anchor
    from quotebook.domain import DocumentMeta, NewDocument

    empty = library.documents.add(NewDocument(DocumentMeta(title="Nothing marked"), "Plain.\n"))
    text = "One sentence here. Another sentence there. A third one too. And a fourth."
    doc = library.documents.add(NewDocument(DocumentMeta(title="Marked"), text))
    notes = ["---", "Line one\n---", "Heading?\n===", "- a list\n1. numbered\n+ plus", "***"]
    for n, note in enumerate(notes):
        start = text.index(["One", "Another", "A third", "And", "sentence here"][n])
        library.annotations.create(doc.id, make_anchor(text, start, start + 3), note=note)
    last = library.documents.add(NewDocument(DocumentMeta(title="Tagged"), text))
    library.annotations.create(last.id, make_anchor(text, 0, 3), tags=["speaker/Lavrov"])
    items = collect_items(library, [empty.id, doc.id, last.id])
    out = tmp_path / "out.md"
    export(items, out, ExportOptions(format="md"))
    markdown = out.read_text(encoding="utf-8")
    assert _headings(markdown) == [
        ("h1", "3 annotated documents"),
        ("h2", "Nothing marked"),
        ("h2", "Marked"),
        *(("h3", str(n)) for n in range(1, len(notes) + 1)),
        ("h2", "Tagged"),
        ("h3", "1"),
    ]
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    # The notes read as written: no list, no rule made from them, and every rule is a separator.
    assert "<ul>" not in html and "<ol>" not in html
    assert html.count("<hr />") == 2
    for note in notes:
        for line in note.splitlines():
            assert line in unescape(html)
