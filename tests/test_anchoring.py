"""Code-point anchors, UTF-16 conversion, word snapping and re-anchoring."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotebook.anchoring import (
    Utf16Map,
    locate_quote,
    make_anchor,
    reanchor,
    snap_to_words,
)
from quotebook.errors import QuoteNotFound

TRICKY = "Go 😀 «Привет»\u00a0world\tand 🇺🇦 flags — “quoted” text."


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_utf16_round_trip_every_boundary(text: str):
    mapping = Utf16Map(text)
    for cp in range(len(text) + 1):
        u16 = mapping.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert mapping.to_codepoint(u16) == cp


def test_utf16_offset_inside_a_surrogate_pair_rounds_down():
    text = "a😀b"
    mapping = Utf16Map(text)
    assert mapping.to_utf16(2) == 3
    assert mapping.to_codepoint(2) == 1  # the middle of the emoji


@pytest.mark.parametrize(
    ("picked", "expected"),
    [
        ("ив", "Привет"),  # inside a Cyrillic word: grows to the word
        ("«Пр", "«Привет"),  # punctuation the user selected is kept
        ("orl", "world"),  # after an NBSP
        ("an", "and"),  # after a tab
        (" 😀 ", "😀"),  # white space trimmed
        ("uot", "quoted"),
    ],
)
def test_snap_to_words(picked: str, expected: str):
    start = TRICKY.index(picked)
    s, e = snap_to_words(TRICKY, start, start + len(picked))
    assert TRICKY[s:e] == expected


def test_snap_keeps_inner_apostrophes_and_hyphens():
    text = "Russia’s ex-minister said"
    s, e = snap_to_words(text, 2, 12)
    assert text[s:e] == "Russia’s ex-minister"


def test_make_anchor_records_quote_and_context():
    text = "x" * 50 + "QUOTE" + "y" * 50
    anchor = make_anchor(text, 50, 55)
    assert anchor.quote == "QUOTE"
    assert anchor.prefix == "x" * 32
    assert anchor.suffix == "y" * 32


def test_locate_quote_by_occurrence():
    text = "one two one two one"
    assert locate_quote(text, "one", 3).start == 16
    with pytest.raises(QuoteNotFound):
        locate_quote(text, "one", 4)
    with pytest.raises(QuoteNotFound):
        locate_quote(text, "three")


def test_reanchor_follows_an_edit_and_picks_the_right_occurrence():
    old = "He said yes. Later she said yes again."
    anchor = make_anchor(old, old.index("yes again"), old.index("yes again") + 3)
    new = "Intro. " + old
    moved = reanchor(anchor, new)
    assert moved is not None
    assert new[moved.start : moved.end] == "yes"
    assert new[moved.end : moved.end + 6] == " again"


def test_reanchor_returns_none_when_quote_is_gone():
    anchor = make_anchor("a quote here", 2, 7)
    assert reanchor(anchor, "nothing like it") is None


@pytest.mark.parametrize("quote", ["", "   ", "\xa0\xa0\n"])
def test_an_empty_quote_is_refused_with_a_sentence_that_says_so(quote: str):
    text = "A text with\xa0\xa0\xa0no-break spaces and   runs of spaces."
    with pytest.raises(QuoteNotFound, match="The quote is empty"):
        locate_quote(text, quote)


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\u2029"), max_size=60),
    st.lists(st.integers(min_value=1, max_value=59), max_size=6, unique=True),
)
def test_positions_with_display_breaks_match_the_shown_text(text: str, cuts: list[int]):
    """With breaks, each code point maps to where it sits in the text Qt is shown (a paragraph
    separator inserted before each break), and back; the separator's two sides are one offset."""
    breaks = sorted(c for c in cuts if c < len(text))
    mapping = Utf16Map(text, breaks)
    shown, at = [], 0
    for cut in breaks:
        shown.append(text[at:cut])
        at = cut
    shown.append(text[at:])
    units = [len(s.encode("utf-16-le")) // 2 for s in shown]
    for cp in range(len(text) + 1):
        piece = sum(1 for b in breaks if b <= cp)
        before = sum(units[:piece]) + piece  # whole pieces before and their separators
        start = breaks[piece - 1] if piece else 0
        expected = before + len(text[start:cp].encode("utf-16-le")) // 2
        assert mapping.to_utf16(cp) == expected
        assert mapping.to_codepoint(expected) == cp
    for cut in breaks:
        separator = mapping.to_utf16(cut) - 1
        assert mapping.to_codepoint(separator) == cut
    assert mapping.has_breaks == bool(breaks)


def test_a_break_right_after_an_emoji_comes_after_both_its_units():
    text = "a😀b"
    mapping = Utf16Map(text, [2])  # a, 😀 | b
    assert [mapping.to_utf16(cp) for cp in range(4)] == [0, 1, 4, 5]
    assert mapping.to_codepoint(2) == 1  # inside the emoji
    assert mapping.to_codepoint(3) == 2  # before the separator
    assert mapping.to_codepoint(4) == 2  # after it
