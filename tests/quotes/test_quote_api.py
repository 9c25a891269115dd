"""The public API: its shapes, and invariants that hold for any text."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebook.quotes import KINDS, FoundQuote, QuoteScan, Turn, find_quotes


def test_found_quote_is_a_frozen_value() -> None:
    quote = FoundQuote(1, 3, "ab", "direct", None, 0.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.start = 2  # type: ignore[misc]


def test_empty_and_markless_texts() -> None:
    assert find_quotes("") == QuoteScan((), (), (), "en")
    assert find_quotes("Nothing to see here.\n\nReally.").quotes == ()


def test_json_shape_for_the_cli() -> None:
    scan = find_quotes("A headline\n\n“Yes,” said Anna Berg.")
    data = json.loads(json.dumps(scan.as_dict()))
    assert data == {
        "quotes": [
            {
                "start": 13,
                "end": 17,
                "text": "Yes,",
                "kind": "direct",
                "speaker": "Anna Berg",
                "confidence": scan.quotes[0].confidence,
            }
        ],
        "turns": [],
    }
    assert Turn(1, 2, "Q", None).as_dict() == {"start": 1, "end": 2, "label": "Q", "speaker": None}


def test_speaker_counts() -> None:
    scan = find_quotes("A headline\n\n“Yes,” said Anna Berg. “No,” she added.")
    assert scan.speakers() == {"Anna Berg": 2}


_PIECES = st.sampled_from(
    [
        "“", "”", '"', "'", "‘", "’", "„", "«", "»", " ", "\n", "\n\n", ".", ",", ":",
        "said", "Anna Berg", "he", "the minister", "don’t", "’90s", "Question: ", "according to",
        "We will", "win", "13:15", "—",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_invariants_hold_for_any_text(text: str) -> None:
    scan = find_quotes(text)
    previous_end = -1
    for quote in scan.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in KINDS
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.speaker is None or quote.kind != "scare"
        assert quote.start >= previous_end  # top-level quotes never overlap
        previous_end = quote.end
    for turn in scan.turns:
        assert 0 <= turn.start <= turn.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "“”\"'‘’«»„",
        "Anna Berg Said Moscow ",
        "MR. PRICE: Yes.\n\n",
        "T.J. ",
        '"Hi." — Anna Berg\n',
        'He was "out\n\n',
        "((((D-N.Y.)",
        "''",
    ],
)
def test_hostile_inputs_finish_and_keep_the_invariants(unit: str) -> None:
    # 100 KB of one shape; the benchmark times a megabyte of each. A rule whose cost grew
    # faster than the text would make this test hang rather than fail.
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    scan = find_quotes(text)
    previous_end = -1
    for quote in scan.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.start >= previous_end
        previous_end = quote.end
