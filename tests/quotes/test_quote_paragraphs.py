"""Quotes that run over paragraphs, hard-wrapped lines and quotes whose end never comes."""

from __future__ import annotations

from quote_helpers import TITLE, only, quotes


def test_quote_continues_when_the_next_paragraph_reopens_it() -> None:
    text = (
        TITLE + "“We will rebuild every school.\n\n"
        "“And we will rebuild every hospital,” said Anna Berg.\n\nThe crowd cheered."
    )
    quote = only(text)
    assert quote.text.startswith("We will rebuild every school.")
    assert quote.text.endswith("every hospital,")
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker == "Anna Berg"
    assert quote.kind == "direct"


def test_three_paragraph_quote_is_one_quote() -> None:
    text = TITLE + "Anna Berg said:\n\n“One.\n\n“Two.\n\n“Three.”\n\nThen she left."
    quote = only(text)
    assert quote.text.startswith("One.") and quote.text.endswith("Three.")
    assert quote.speaker == "Anna Berg"


def test_hard_wrapped_quote_continues_on_the_next_line() -> None:
    text = TITLE + "“We will rebuild every school and\nevery hospital,” said Anna Berg."
    quote = only(text)
    assert quote.text == "We will rebuild every school and\nevery hospital,"
    assert quote.speaker == "Anna Berg"


def test_unclosed_quote_stops_at_its_paragraph_end_with_low_confidence() -> None:
    text = TITLE + "Anna Berg said: “We will fight on.\n\nThe vote is on Monday."
    quote = only(text)
    assert quote.text == "We will fight on."
    assert quote.confidence < 0.6


def test_quotes_in_separate_paragraphs_stay_separate() -> None:
    text = TITLE + "“First,” said Anna Berg.\n\n“Second,” said Anna Berg."
    assert [q.text for q in quotes(text)] == ["First,", "Second,"]


def test_a_lost_closing_mark_ends_the_quote_before_the_next_opening_mark() -> None:
    text = TITLE + 'He said "we will win. Then he left. "Nobody cares," said Anna Berg.'
    first, second = quotes(text)
    assert first.text == "we will win. Then he left."
    assert first.confidence < 0.5
    assert (second.text, second.speaker) == ("Nobody cares,", "Anna Berg")


def test_a_quote_paragraph_after_a_paragraph_of_reported_speech_continues_it() -> None:
    """`X said the authority had a plan.` then a paragraph that is a quote and nothing else:
    the quote goes on with X's words, as British and American papers both write it."""
    text = (
        TITLE + "Speaking on the radio, Councillor Ann Moss, leader of the council, said the "
        "authority had an emergency plan.\n\n“The planning office is gone but everything is "
        "backed up.\n\n“We will cope.”\n\nLocal firms offered help."
    )
    quote = only(text)
    assert quote.speaker == "Ann Moss"
    assert quote.cue == "inherited"


def test_a_paragraph_without_reported_speech_passes_on_nobody() -> None:
    text = TITLE + "Ann Moss runs the council.\n\n“The planning office is gone.”"
    assert only(text).speaker is None


def test_a_quote_after_a_quote_that_ran_over_paragraphs_continues_its_speaker() -> None:
    text = (
        TITLE + "“People are amazed.\n\n“There is a statue here,” said Tom Nugent, who lives "
        "nearby.\n\n“It is a ridiculous place for a mast.”"
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Tom Nugent", "Tom Nugent"]
    assert found[1].cue == "inherited"
