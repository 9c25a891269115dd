"""Quotes introduced by a colon, in the same paragraph or the one before."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg outlined: “We are ready to talk.”",
        "Deputy Prime Minister Anna Berg commented: “This is unacceptable.”",
        "In a statement, Anna Berg said: “This is unacceptable.”",
        "Anna Berg: “This is unacceptable.”",
    ],
)
def test_colon_in_the_same_paragraph(sentence: str) -> None:
    quote = only(TITLE + sentence)
    assert quote.speaker == "Anna Berg"
    assert quote.kind == "direct"


def test_colon_ending_the_paragraph_before() -> None:
    text = TITLE + "Anna Berg wrote on social media:\n\n“The ambassador has been summoned.”"
    quote = only(text)
    assert quote.speaker == "Anna Berg"
    assert quote.cue == "colon"


def test_clock_times_are_not_colons_of_speech() -> None:
    text = TITLE + "At 13:15 “the vote” began, Anna Berg said."
    assert only(text).text == "the vote"


@pytest.mark.parametrize(
    "opening",
    [
        "Today, Sen. Anna Berg (D-VA) released the following statement after the vote:",
        "WASHINGTON – On Monday, Anna Berg issued this statement on the bill:",
    ],
)
def test_colon_paragraph_that_opens_with_an_adverbial(opening: str) -> None:
    """A sentence may open with "Today," or "On Monday," before its subject, the speaker."""
    quote = only(TITLE + opening + "\n\n“The vote was a failure of nerve.”")
    assert quote.speaker == "Anna Berg"
    assert quote.cue == "colon"


def test_a_name_with_its_comma_is_not_an_adverbial() -> None:
    text = TITLE + "Anna Berg, Mayor of Dover, issued this statement:\n\n“The vote was a failure.”"
    assert only(text).speaker == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "Earlier, in a statement on Monday, Mayor Ann Lee wrote:\n\n“We will rebuild.”",
            "en",
            "Ann Lee",
        ),
        (
            "Ранее, в 2025 году, Олег Варин также отреагировал на вопрос, произнеся фразу: "
            "«Нафиг я сюда пришёл?».",
            "ru",
            "Олег Варин",
        ),
    ],
)
def test_two_opening_adverbials_before_the_subject(text: str, language: str, speaker: str) -> None:
    quote = only(TITLE + text, language)
    assert quote.speaker == speaker
