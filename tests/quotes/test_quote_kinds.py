"""Direct, partial and scare quotes are told apart by how the quote sits in the sentence."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will not give up,” said Anna Berg.",
        "Anna Berg said: “We will not give up.”",
        "Anna Berg was clear. “We will not give up.”",
        "“...and we will not give up,” said Anna Berg.",
        "Russia is a member, and, “whether you like it or not, there is no way to expel it,” "
        "as Anna Berg put it.",
        "Anna Berg said “We will not give up” to loud applause.",
    ],
)
def test_direct(sentence: str) -> None:
    assert only(TITLE + sentence).kind == "direct"


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg said the talks would “drag out for months.”",
        "Anna Berg called the offer “an insult”.",
        "According to Anna Berg, the partners have “turned their backs” on the deal.",
        "The plan will underscore “a few key messages,” as Anna Berg put it.",
        "Anna Berg warned of “catastrophic consequences” if talks fail.",
    ],
)
def test_partial(sentence: str) -> None:
    assert only(TITLE + sentence).kind == "partial"


@pytest.mark.parametrize(
    "sentence",
    [
        "The country demands “security guarantees” and more.",
        "The so-called “peace plan” was rejected.",
        "The plan, known as “Operation Sunrise”, starts today.",
        "The film “War and Peace” opened on Friday.",
        "They feared losing the dividends of “Cold War winners.”",
        "The newspaper “Kommersant” reported the deal.",
        "In his book “Winning”, Anna Berg argues for reform.",
    ],
)
def test_scare(sentence: str) -> None:
    quote = only(TITLE + sentence)
    assert quote.kind == "scare"
    assert quote.speaker is None


def test_a_short_phrase_quoted_again_and_again_is_a_term() -> None:
    text = TITLE + (
        "Russia wants “security guarantees”. Anna Berg said she expected talks on the "
        "“security guarantees” to fail."
    )
    assert [q.kind for q in quotes(text)] == ["scare", "scare"]


def test_a_quote_in_a_heading_without_a_speaker_is_scare() -> None:
    text = "A headline\n\nRussian “Disappointment”\n\nThe talks ended."
    assert only(text).kind == "scare"


def test_partial_quote_inherits_the_speaker_of_the_sentence_before() -> None:
    text = TITLE + (
        "Anna Berg called the “coordinated position” of the West a disappointment. "
        "Russia had expected a more “meaningful response,” even so."
    )
    assert [(q.kind, q.speaker) for q in quotes(text)] == [
        ("partial", "Anna Berg"),
        ("partial", "Anna Berg"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg spoke. “First half,” she said, “second half.”",
        "“We tried,” Anna Berg told reporters on Monday, “and failed.”",
    ],
)
def test_both_halves_of_a_split_quote_are_direct_with_one_speaker(text: str) -> None:
    found = quotes(TITLE + text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Anna Berg")] * 2


def test_a_partial_quote_after_a_direct_one_in_another_sentence_stays_partial() -> None:
    text = TITLE + "“We tried,” said Anna Berg. She called the result “a draw.”"
    assert [q.kind for q in quotes(text)] == ["direct", "partial"]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("“We are back,” Ann Lee said on “Good Morning Harbour.”", "Good Morning Harbour."),
        ("Ann Lee said it on WXKT’s “Morning Desk.” last week.", "Morning Desk."),
        ("Readers object to calling him “Mr. Hale.”", "Mr. Hale."),
        ("Some call him “Mr.” rather than his title.", "Mr."),
        ("“Dr.” showed up in a June story about the college.", "Dr."),
    ],
)
def test_a_title_or_honorific_in_marks_is_a_scare_quote(sentence: str, title: str) -> None:
    """A programme's title after "on" or a possessive, and an honorific with at most a name,
    are named, not said, even with American punctuation putting the full stop inside."""
    found = {q.text: q for q in quotes(TITLE + sentence)}
    assert found[title].kind == "scare"
    assert found[title].speaker is None


def test_a_title_case_phrase_after_a_speech_verb_stays_partial() -> None:
    quote = only(TITLE + "Ann Lee called it “Organised Crime.” on Monday.")
    assert quote.kind == "partial"
    assert quote.speaker == "Ann Lee"
