"""Markdown keeps its formatting: spans over the plain text, stored beside it, offsets unmoved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotebook.domain import DocumentMeta, FormatSpan, NewDocument
from quotebook.importers.markdown import import_markdown
from quotebook.services.importing import ImportOptions, import_file, import_files
from quotebook.store import Library
from quotebook.store.documents import decode_formatting, encode_formatting

SOURCE = """# Summit report

Talks 😀 **resumed** today, *quietly*, says [the agency](https://example.org/a?b=1).

> A quoted **aside**.

Run `make` 👍🏽 then stop.
"""
TEXT = (
    "Summit report\n\n"
    "Talks 😀 resumed today, quietly, says the agency.\n\n"
    "A quoted aside.\n\n"
    "Run make 👍🏽 then stop."
)


def spans_by_text(spans: tuple[FormatSpan, ...], text: str) -> set[tuple[str, str, str]]:
    return {(s.kind, text[s.start : s.end], s.value) for s in spans}


@pytest.fixture
def markdown_file(tmp_path: Path) -> Path:
    path = tmp_path / "summit.md"
    path.write_text(SOURCE, encoding="utf-8")
    return path


def test_the_importer_hands_on_spans_in_code_points(markdown_file: Path):
    new = import_markdown(markdown_file)
    assert new.text == TEXT
    assert spans_by_text(new.formatting, new.text) == {
        ("heading1", "Summit report", ""),
        ("strong", "resumed", ""),
        ("emphasis", "quietly", ""),
        ("link", "the agency", "https://example.org/a?b=1"),
        ("quote", "A quoted aside.", ""),
        ("strong", "aside", ""),
        ("code", "make", ""),
    }
    # The emoji before the bold word counts as one position, as annotation offsets do.
    (bold,) = [s for s in new.formatting if s.kind == "strong" and s.start < 30]
    assert bold.start == TEXT.index("resumed") == len("Summit report\n\nTalks 😀 ")


def test_a_plain_document_has_no_formatting(tmp_path: Path, library: Library):
    path = tmp_path / "plain.txt"
    path.write_text("Just text.\n", encoding="utf-8")
    result = import_file(library, path)
    assert library.documents.get(result.id).formatting == ()  # type: ignore[arg-type]
    conn = sqlite3.connect(library.path)
    assert conn.execute("SELECT formatting FROM documents").fetchall() == [("",)]
    conn.close()


def test_the_store_keeps_the_spans_across_a_reopen(markdown_file: Path, library_path: Path):
    with Library(library_path) as library:
        result = import_file(library, markdown_file)
        assert result.status == "imported"
    with Library(library_path) as library:
        document = library.documents.get(result.id)  # type: ignore[arg-type]
        assert document.text == TEXT
        assert document.formatting == import_markdown(markdown_file).formatting
        # Search still sees the plain text, not markup.
        (hit,) = library.search.search("resumed")
        assert TEXT[hit.start : hit.end] == "resumed"


def test_delete_and_restore_keep_the_spans(library: Library, markdown_file: Path):
    document = library.documents.add(import_markdown(markdown_file))
    deleted = library.documents.delete(document.id)
    assert library.documents.restore(deleted).formatting == document.formatting


def test_replacing_the_text_replaces_the_spans_and_undo_brings_them_back(
    library: Library, markdown_file: Path
):
    document = library.documents.add(import_markdown(markdown_file))
    markdown_file.write_text("# Summit report\n\nTalks **ended**.\n", encoding="utf-8")
    [result] = import_files(library, [markdown_file], options=ImportOptions(on_changed="replace"))
    assert (result.status, result.id) == ("replaced", document.id)
    replaced = library.documents.get(document.id)
    assert spans_by_text(replaced.formatting, replaced.text) == {
        ("heading1", "Summit report", ""),
        ("strong", "ended", ""),
    }
    # Plain text replacing it drops the spans; undoing that brings them back.
    plain = NewDocument(DocumentMeta("x"), "plain")
    undo = library.documents.replace_text(document.id, plain, lambda annotation: None)
    assert library.documents.get(document.id).formatting == ()
    assert library.documents.restore_replaced(undo).formatting == replaced.formatting


@pytest.mark.parametrize(
    "spans",
    [
        (),
        (FormatSpan(0, 3, "strong"),),
        (FormatSpan(0, 9, "heading2"), FormatSpan(2, 5, "link", "https://x.org/«ы»")),
    ],
)
def test_formatting_round_trips_through_its_column(spans: tuple[FormatSpan, ...]):
    assert decode_formatting(encode_formatting(spans)) == spans


@pytest.mark.parametrize("stored", ["not json", "[[1]]", '{"a": 1}', "[[0, 1, 2, 3, 4]]x"])
def test_damaged_formatting_reads_as_none(stored: str):
    assert decode_formatting(stored) == ()
