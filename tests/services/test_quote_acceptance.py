"""Tags, duplicates and library-wide scans behind every way of accepting found quotes."""

from __future__ import annotations

import pytest

from quotebook.anchoring import make_anchor
from quotebook.domain import Annotation, DocumentMeta, NewDocument
from quotebook.quotes import FoundQuote, Turn
from quotebook.services.quote_acceptance import (
    QUOTE_TAG,
    color_for,
    is_annotated,
    overlap_share,
    plan_acceptance,
    plan_tag_additions,
    scan_document,
    scan_library,
    speaker_counts,
    tags_for,
)
from quotebook.store import Library


def quote(start: int = 10, end: int = 110, speaker: str | None = "Anna Berg", kind="direct"):
    return FoundQuote(start, end, "x" * (end - start), kind, speaker, 0.9, "after")


def annotation(start: int, end: int, *, orphaned: bool = False) -> Annotation:
    return Annotation(1, 1, start, end, "", orphaned=orphaned)


@pytest.mark.parametrize(
    ("speaker", "override", "expected"),
    [
        ("Anna Berg", None, [QUOTE_TAG, "speaker/Anna Berg"]),
        (None, None, [QUOTE_TAG]),
        ("Anna Berg", "Michael Carpenter", [QUOTE_TAG, "speaker/Michael Carpenter"]),
        ("Anna Berg", "", [QUOTE_TAG]),  # cleared by the user
        ("Anna Berg", "  ", [QUOTE_TAG]),
        ("AC/DC", None, [QUOTE_TAG, "speaker/AC-DC"]),  # a slash would start a sub-tag
    ],
)
def test_tags_for(speaker: str | None, override: str | None, expected: list[str]) -> None:
    assert tags_for(quote(speaker=speaker), override) == expected


def test_turns_take_tags_and_their_own_colour() -> None:
    turn = Turn(5, 50, "Question", "Rossiyskaya Gazeta")
    assert tags_for(turn) == [QUOTE_TAG, "speaker/Rossiyskaya Gazeta"]
    assert color_for(turn) not in {color_for(quote(kind=k)) for k in ("direct", "partial")}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (10, 110, True),  # the same span
        (9, 111, True),  # taken with its marks
        (10, 100, True),  # 90 % of the longer span
        (10, 99, True),  # any overlap: the user highlighted part of the quote
        (50, 200, True),
        (0, 11, True),  # one character in common
        (0, 10, False),  # ends where the quote starts
        (110, 120, False),
        (0, 5, False),
    ],
)
def test_is_annotated(start: int, end: int, expected: bool) -> None:
    assert is_annotated(quote(10, 110), [annotation(start, end)]) is expected


def test_a_turn_counts_as_highlighted_only_by_a_highlight_of_the_turn() -> None:
    turn = Turn(10, 110, "Answer", "Sergei Lavrov")
    assert is_annotated(turn, [annotation(12, 108)])
    assert not is_annotated(turn, [annotation(20, 40)])  # a quote inside the answer


def test_orphaned_annotations_do_not_count() -> None:
    assert not is_annotated(quote(10, 110), [annotation(10, 110, orphaned=True)])
    assert overlap_share(3, 3, 3, 3) == 1.0


def test_scan_library_reports_progress_for_every_document(seeded_library: Library) -> None:
    calls: list[tuple[int, int]] = []
    scans = scan_library(seeded_library, progress=lambda done, total: calls.append((done, total)))
    total = seeded_library.documents.count()
    assert sorted(scans) == [s.id for s in seeded_library.documents.summaries()]
    assert calls == [(n, total) for n in range(total + 1)]


def test_scan_library_stops_when_progress_says_so(seeded_library: Library) -> None:
    seen: list[int] = []

    def progress(done: int, _total: int) -> bool:
        seen.append(done)
        return done < 2

    scans = scan_library(seeded_library, progress=progress)
    assert len(scans) == 2
    assert seen == [0, 1, 2]


def test_scan_library_of_chosen_documents(seeded_library: Library, envoy_id: int) -> None:
    scans = scan_library(seeded_library, [envoy_id])
    assert list(scans) == [envoy_id]
    assert "Michael Carpenter" in scans[envoy_id].speakers()


def _add_short_article(library: Library) -> int:
    text = "The talks went on. “We will stay the course,” Carpenter said on Friday.\n"
    return library.documents.add(NewDocument(DocumentMeta(title="Short"), text)).id


def test_speakers_are_one_name_across_the_library(seeded_library: Library) -> None:
    short = _add_short_article(seeded_library)
    alone = scan_library(seeded_library, [short])
    assert [q.speaker for q in alone[short].quotes] == ["Carpenter"]
    together = scan_library(seeded_library)
    assert [q.speaker for q in together[short].quotes] == ["Michael Carpenter"]


def test_a_document_scan_follows_existing_speaker_tags(seeded_library: Library) -> None:
    short = _add_short_article(seeded_library)
    text = seeded_library.documents.get(short).text
    seeded_library.annotations.create(
        short, make_anchor(text, 0, 9), tags=["speaker/Ambassador Michael Carpenter"]
    )
    assert [q.speaker for q in scan_document(seeded_library, short).quotes] == ["Michael Carpenter"]


def test_plan_takes_direct_and_partial_quotes_not_highlighted_yet(
    seeded_library: Library, envoy_id: int
) -> None:
    scans = scan_library(seeded_library, [envoy_id])
    quotes = scans[envoy_id].quotes
    first = quotes[0]
    text = seeded_library.documents.get(envoy_id).text
    seeded_library.annotations.create(envoy_id, make_anchor(text, first.start - 1, first.end + 1))
    plan = plan_acceptance(seeded_library, scans)
    wanted = [q for q in quotes[1:] if q.kind in ("direct", "partial")]
    assert [(a.start, a.end) for a in plan] == [(q.start, q.end) for q in wanted]
    assert all(a.tags[0] == QUOTE_TAG for a in plan)
    direct_only = plan_acceptance(seeded_library, scans, kinds=("direct",))
    assert {a.color for a in direct_only} == {"yellow"}
    counts = speaker_counts(plan)
    assert next(iter(counts)) == "Michael Carpenter"
    assert sum(counts.values()) == sum(1 for q in wanted if q.speaker)


def test_a_quote_the_user_highlighted_in_part_is_not_highlighted_again(
    seeded_library: Library, envoy_id: int
) -> None:
    scans = scan_library(seeded_library, [envoy_id])
    first = next(q for q in scans[envoy_id].quotes if q.kind == "direct")
    text = seeded_library.documents.get(envoy_id).text
    middle = (first.start + first.end) // 2
    seeded_library.annotations.create(envoy_id, make_anchor(text, first.start, middle))
    plan = plan_acceptance(seeded_library, scans)
    assert not [a for a in plan if a.start < first.end and first.start < a.end]
    assert plan_tag_additions(seeded_library, scans) == []  # only part of it: left as it is


def test_the_users_highlight_of_the_same_quote_gains_the_tags_it_lacks(
    seeded_library: Library, envoy_id: int
) -> None:
    scans = scan_library(seeded_library, [envoy_id])
    named = [q for q in scans[envoy_id].quotes if q.kind == "direct" and q.speaker]
    first, second = named[0], named[1]
    text = seeded_library.documents.get(envoy_id).text
    mine = seeded_library.annotations.create(
        envoy_id, make_anchor(text, first.start - 1, first.end + 1), tags=["important"]
    )
    corrected = seeded_library.annotations.create(
        envoy_id, make_anchor(text, second.start, second.end), tags=["speaker/Someone Else"]
    )
    additions = {a.annotation_id: a for a in plan_tag_additions(seeded_library, scans)}
    assert additions[mine.id].tags == ("important", QUOTE_TAG, f"speaker/{first.speaker}")
    # A highlight that names its speaker keeps that speaker; it only gains `quote`.
    assert additions[corrected.id].added == (QUOTE_TAG,)
