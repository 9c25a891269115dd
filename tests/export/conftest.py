"""Fixtures for the export tests: a library with a purpose-made document and its PDF.

The document is built so that the annotations cover the hard cases: a quote after an emoji
(UTF-16 offsets in Qt), one across line breaks, two that overlap, a Cyrillic one, a repeated
phrase picked by occurrence, and one across a page break (found in a first export, because
where pages break is only known after layout).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pdf_probe import BODY_RIGHT, FOOTER_TOP, HEADER_BOTTOM, words

from quotebook.anchoring import locate_quote, make_anchor
from quotebook.domain import Annotation, DocumentMeta, NewDocument
from quotebook.export import ExportOptions, collect_items, export
from quotebook.services.seeding import seed_library
from quotebook.store import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

REPEATED = "dialogue remained the only way forward"
PARAGRAPHS = [
    "Vienna talks on European security",
    "Reaction 😀 from the floor: the envoy spoke first.",
    "Delegates met again in Vienna on Thursday to discuss the security of Europe, and the "
    "chairman said that dialogue remained the only way forward for everyone at the table. "
    "Several ministers had travelled overnight, some of them from capitals where the winter "
    "had already closed the smaller airports, and most of them arrived tired but willing.",
    "Постоянный представитель России при ОБСЕ Александр Лукашевич заявил, что диалог "
    "возможен только на равных условиях, а давление лишь отдаляет договорённость.",
    "A line with a tab\tand a non-breaking\u00a0space keeps its offsets.",
]
FILLER = (
    "The delegations returned to the question of monitoring missions, which had been "
    "extended twice before, and the secretary general reminded them that the budget had to "
    "be approved by consensus before the end of the year; {n} speakers said that dialogue "
    "remained the only way forward, while others asked for firmer language."
)


@dataclass
class Fixture:
    library: Library
    document_id: int
    text: str
    by_role: dict[str, Annotation]
    pdf: Path
    options: ExportOptions


def _annotate(
    library: Library, doc_id: int, text: str, quote: str, occurrence: int = 1, **kw: object
) -> Annotation:
    anchor = locate_quote(text, quote, occurrence)
    return library.annotations.create(doc_id, anchor, **kw)  # type: ignore[arg-type]


def build_library(path: Path) -> tuple[Library, int, str]:
    library = Library(path)
    paragraphs = list(PARAGRAPHS) + [FILLER.format(n=n) for n in range(2, 30)]
    text = "\n\n".join(paragraphs) + "\n"
    meta = DocumentMeta(
        title="Vienna talks on European security",
        outlet="Test Wire",
        author="A. Reporter",
        published="2022-01-13",
        source_url="https://example.org/vienna-talks",
        language="en",
    )
    document = library.documents.add(NewDocument(meta, text))
    return library, document.id, text


def annotate_all(library: Library, doc_id: int, text: str) -> dict[str, Annotation]:
    a = {}
    a["emoji"] = _annotate(
        library,
        doc_id,
        text,
        "the envoy spoke first.",
        color="green",
        note="Said after an emoji",
        tags=["position"],
    )
    a["lines"] = _annotate(
        library,
        doc_id,
        text,
        "Several ministers had travelled overnight, some of them from capitals where the winter "
        "had already closed the smaller airports, and most of them arrived tired",
        color="blue",
        note="Crosses line breaks",
        tags=["travel", "logistics"],
    )
    a["overlap_a"] = _annotate(
        library,
        doc_id,
        text,
        "the security of Europe, and the chairman said",
        color="yellow",
        tags=["security"],
    )
    a["overlap_b"] = _annotate(
        library,
        doc_id,
        text,
        "the chairman said that dialogue remained",
        color="pink",
        note="Overlaps the yellow one",
    )
    a["cyrillic"] = _annotate(
        library,
        doc_id,
        text,
        "Александр Лукашевич заявил, что диалог возможен",
        color="orange",
        note="Заметка по-русски",
        tags=["speaker/Лукашевич"],
    )
    a["repeated"] = _annotate(
        library, doc_id, text, REPEATED, occurrence=3, color="green", tags=["position"]
    )
    return a


def page_break_span(pdf: Path, text: str) -> tuple[int, int]:
    """Offsets of three words ending page 1 of the body and three starting page 2.

    The words come from pdftotext; the filler repeats phrases, so the tail is matched to the
    text by counting how often it already occurs on page 1.
    """
    pages = words(pdf)

    def body(page: int) -> list[str]:
        return [
            w.text
            for w in pages[page]
            if w.x1 <= BODY_RIGHT + 1 and HEADER_BOTTOM < w.y0 < FOOTER_TOP
        ]

    def pattern(ws: list[str]) -> str:
        return r"\s+".join(re.escape(w) for w in ws)

    page_one = " ".join(body(0))
    tail, head = body(0)[-3:], body(1)[:3]
    occurrence = len(re.findall(pattern(tail), page_one))
    starts = list(re.finditer(pattern(tail), text))
    first = starts[occurrence - 1]
    second = re.compile(pattern(head)).search(text, first.end())
    assert second is not None and not text[first.end() : second.start()].strip()
    return first.start(), second.end()


@pytest.fixture(scope="session")
def annotated(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    """The purpose-made document with all its annotations, exported to PDF (A4, margin)."""
    folder = tmp_path_factory.mktemp("annotated")
    library, doc_id, text = build_library(folder / "library.sqlite")
    roles = annotate_all(library, doc_id, text)
    options = ExportOptions(format="pdf", quotes_section=True, author="Ada Reviewer")
    probe = folder / "probe.pdf"
    export(collect_items(library, [doc_id]), probe, options)
    start, end = page_break_span(probe, text)
    anchor = make_anchor(text, start, end)
    roles["page_break"] = library.annotations.create(
        doc_id, anchor, color="yellow", note="Runs over the page", tags=["security"]
    )
    pdf = folder / "annotated.pdf"
    export(collect_items(library, [doc_id]), pdf, options)
    yield Fixture(library, doc_id, text, roles, pdf, options)
    library.close()


@dataclass
class SeededExport:
    library: Library
    items: list
    pdf: Path


def seed_annotations(library: Library) -> None:
    """A few annotations on the seed documents, quotes taken from the hand-labelled gold file."""
    gold = json.loads((SEEDS / "quotes.gold.json").read_text(encoding="utf-8"))["documents"]
    colours = ["yellow", "green", "blue", "pink", "orange"]
    for n, summary in enumerate(library.documents.summaries()):
        document = library.documents.get(summary.id)
        quotes = gold.get(document.meta.source_path, {}).get("quotes", [])[:4]
        for k, q in enumerate(quotes):
            tags = [f"speaker/{q['speaker']}"] if q.get("speaker") else []
            library.annotations.create(
                document.id,
                make_anchor(document.text, q["start"], q["end"]),
                color=colours[(n + k) % 5],
                note=f"{q['kind']} quote" if k % 2 == 0 else "",
                tags=[*tags, q["kind"]],
            )


@pytest.fixture(scope="session")
def seeded_export(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeededExport]:
    """The seed library with a few annotations per document, exported whole to PDF."""
    folder = tmp_path_factory.mktemp("seeded")
    library = Library(folder / "library.sqlite")
    seed_library(library)
    seed_annotations(library)
    items = collect_items(library)
    pdf = folder / "library.pdf"
    export(items, pdf, ExportOptions(quotes_section=True, author="Ada Reviewer"))
    yield SeededExport(library, items, pdf)
    library.close()
