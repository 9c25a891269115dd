"""Markdown, saved web pages, Word, PDF and e-mail: text and metadata, and damaged files."""

from __future__ import annotations

import socket
import zipfile
from pathlib import Path

import pytest
import trafilatura  # noqa: F401 - imported before the network is cut: urllib3 probes IPv6 on import

from import_samples import ARTICLE, PAGE, make_docx, make_eml, make_pdf, write
from quotebook.errors import ImportFailed
from quotebook.importers import ImportLimits, read_document
from quotebook.importers.markdown import render_markdown

# -- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: "Vienna talks"
author: Jane Roe
date: 2022-01-14
url: https://news.example.com/vienna
---
# Talks *end* without a breakthrough

The envoy said the talks were **disappointing** and [the ministry](https://mid.example/)
published a `statement` later.

- first point
- second point
  1. nested

> “We will keep talking,” he said.

```
code stays as it is
```

| who | said |
|-----|------|
| envoy | no |
"""


def test_markdown_is_stored_as_the_rendered_plain_text(tmp_path: Path):
    document = read_document(write(tmp_path / "note.md", MARKDOWN))
    assert document.text == (
        "Talks end without a breakthrough\n\n"
        "The envoy said the talks were disappointing and the ministry published a statement "
        "later.\n\n"
        "• first point\n• second point\n  1. nested\n\n"
        "“We will keep talking,” he said.\n\n"
        "code stays as it is\n\n"
        "who\tsaid\nenvoy\tno"
    )
    meta = document.meta
    assert (meta.title, meta.author, meta.published) == ("Vienna talks", "Jane Roe", "2022-01-14")
    assert (meta.source_url, meta.original_format) == ("https://news.example.com/vienna", "md")


def test_markdown_rendering_spans_point_into_the_stored_text():
    rendered = render_markdown(MARKDOWN)
    by_kind = {s.kind: rendered.text[s.start : s.end] for s in rendered.spans}
    assert by_kind["heading1"] == "Talks end without a breakthrough"
    assert by_kind["emphasis"] == "end"
    assert by_kind["strong"] == "disappointing"
    assert by_kind["code"] in ("statement", "code stays as it is")
    link = next(s for s in rendered.spans if s.kind == "link")
    assert (rendered.text[link.start : link.end], link.value) == (
        "the ministry",
        "https://mid.example/",
    )


def test_markdown_title_falls_back_to_the_first_heading(tmp_path: Path):
    document = read_document(write(tmp_path / "n.markdown", "Intro line\n\n## Real title\n"))
    assert document.meta.title == "Real title"


# -- saved web pages ----------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test loudly."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    class NoSocket(socket.socket):  # a class, so modules that subclass socket still import
        def __init__(self, *args, **kwargs):
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_saved_page_gives_the_article_and_its_metadata_fetching_and_running_nothing(
    tmp_path: Path, no_network
):
    document = read_document(write(tmp_path / "page.html", PAGE))
    text = document.text
    assert text.startswith("Talks end without breakthrough\n\nNegotiators say talks")
    assert "“I’m afraid we did not get an appropriate response,” said the envoy" in text
    assert "\n\n" in text  # paragraphs stay paragraphs
    for chrome in ("SCRIPT RAN", "INJECTED", "fetch(", "Home", "cookies", "tracker"):
        assert chrome not in text
    meta = document.meta
    assert meta.title == "Talks end without breakthrough"
    assert (meta.outlet, meta.author, meta.published) == ("Example News", "Jane Roe", "2022-01-14")
    assert meta.source_url == "https://news.example.com/osce-talks"
    assert (meta.language, meta.original_format) == ("en", "html")
    assert no_network == []


def test_a_page_with_too_little_prose_for_extraction_falls_back_to_its_visible_text(
    tmp_path: Path, no_network
):
    page = (
        "<html><head><title>Statement</title><style>p{color:red}</style></head><body>"
        "<p>We regret the decision.</p><p>More <b>soon</b>.<br>Signed</p>"
        "<script>alert('x')</script></body></html>"
    )
    document = read_document(write(tmp_path / "short.htm", page))
    assert document.text == "We regret the decision.\n\nMore soon.\nSigned"
    assert document.meta.title == "Statement"


def test_page_in_a_declared_legacy_charset(tmp_path: Path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Заявление</title></head><body><p>Москва заявила, что диалог продолжится.</p>"
        "</body></html>"
    )
    document = read_document(write(tmp_path / "ru.html", page, "cp1251"))
    assert "Москва заявила, что диалог продолжится." in document.text
    assert document.meta.title == "Заявление"


def test_page_without_any_text_is_refused(tmp_path: Path):
    page = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    with pytest.raises(ImportFailed, match="is empty"):
        read_document(write(tmp_path / "empty.html", page))


# -- Word ---------------------------------------------------------------------------------------


def test_docx_paragraphs_lists_and_tables_in_reading_order(tmp_path: Path):
    path = make_docx(tmp_path / "talks.docx", title="Vienna talks", author="A. Writer")
    document = read_document(path)
    assert document.text == (
        "Talks in Vienna\n\n"
        "The envoy said the talks were disappointing and that Moscow expected answers.\n\n"
        "• First point\n• Second point\n\n"
        "Who\tSaid\nEnvoy\tNo\n\n"
        "Лукашевич заявил, что диалог продолжится."
    )
    assert (document.meta.title, document.meta.author) == ("Vienna talks", "A. Writer")
    assert document.meta.original_format == "docx"


def test_docx_without_a_title_property_takes_its_first_line(tmp_path: Path):
    document = read_document(make_docx(tmp_path / "untitled.docx"))
    assert document.meta.title == "Talks in Vienna"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: write(p, b"PK\x03\x04 truncated zip"), "not a Word document"),
        (lambda p: write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), "old-style"),
        (lambda p: write(p, ARTICLE), "not a Word document"),
    ],
    ids=["truncated", "legacy .doc", "text renamed"],
)
def test_damaged_or_mislabelled_docx_is_refused(tmp_path: Path, make, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_document(make(tmp_path / "bad.docx"))


def test_docx_with_a_damaged_part_is_refused(tmp_path: Path):
    good = make_docx(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut the XML in the middle
            target.writestr(entry, data)
    with pytest.raises(ImportFailed, match="damaged Word document"):
        read_document(bad)


def test_a_zip_that_would_expand_past_the_limit_is_refused(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 3_000_000)
    with pytest.raises(ImportFailed, match="would expand"):
        read_document(path, ImportLimits(max_bytes=200_000, max_unpacked_factor=10))


# -- PDF ----------------------------------------------------------------------------------------


def test_pdf_text_per_page_joined_by_blank_lines(qapp, tmp_path: Path):
    path = make_pdf(
        tmp_path / "talks.pdf",
        ["Talks in Vienna ended without a breakthrough.", "Second page: Москва ответит."],
        title="Vienna talks",
    )
    document = read_document(path)
    first, second = document.text.split("\n\n")
    assert first == "Talks in Vienna ended without a breakthrough."
    assert " ".join(second.split()) == "Second page: Москва ответит."  # lines break as drawn
    assert (document.meta.title, document.meta.original_format) == ("Vienna talks", "pdf")


def test_pdf_without_a_text_layer_is_refused_with_that_reason(qapp, tmp_path: Path):
    with pytest.raises(ImportFailed, match=r"no text layer .*2 page.*OCR"):
        read_document(make_pdf(tmp_path / "scan.pdf", ["", ""]))


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", b"not a pdf at all", b"%PDF-1.4\n"],
    ids=["no pages", "not a pdf", "header only"],
)
def test_damaged_pdf_is_refused(tmp_path: Path, data: bytes):
    with pytest.raises(ImportFailed, match="PDF"):
        read_document(write(tmp_path / "bad.pdf", data))


def test_truncated_pdf_is_refused(qapp, tmp_path: Path):
    good = make_pdf(tmp_path / "good.pdf", ["Some text on the page."]).read_bytes()
    with pytest.raises(ImportFailed, match="PDF"):
        read_document(write(tmp_path / "cut.pdf", good[: len(good) // 3]))


# -- e-mail -------------------------------------------------------------------------------------


def test_eml_plain_part_subject_sender_and_date(tmp_path: Path):
    document = read_document(make_eml(tmp_path / "briefing.eml"))
    assert document.text == ARTICLE
    meta = document.meta
    assert meta.title == "Morning briefing: talks in Vienna"
    assert meta.author == "Newsroom <news@example.com>"
    assert (meta.published, meta.original_format) == ("2022-01-14", "eml")


def test_eml_with_only_html_goes_through_the_page_extraction(tmp_path: Path, no_network):
    document = read_document(make_eml(tmp_path / "html.eml", html_only=True))
    assert "Negotiators say talks" in document.text
    assert "SCRIPT RAN" not in document.text
    assert document.meta.title == "Morning briefing: talks in Vienna"


def test_text_renamed_eml_is_refused(tmp_path: Path):
    with pytest.raises(ImportFailed, match="not an e-mail"):
        read_document(write(tmp_path / "note.eml", "just some words\nand more\n"))
