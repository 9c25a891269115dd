"""Every shape of quotation mark pairs, and mismatched pairs still close."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes, texts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"We are ready," said Anna Berg.', "We are ready,"),
        ("“We are ready,” said Anna Berg.", "We are ready,"),
        ("„Wir sind bereit“, sagte Anna Berg.", "Wir sind bereit"),
        ("„Wir sind bereit”, sagte Anna Berg.", "Wir sind bereit"),
        ("«We are ready», said Anna Berg.", "We are ready"),
        ("« Nous sommes prêts », a dit Anna Berg.", "Nous sommes prêts"),
        ("»Wir sind bereit«, sagte Anna Berg.", "Wir sind bereit"),
        ("”Vi är redo”, sa Anna Berg.", "Vi är redo"),
        ("‘We are ready,’ said Anna Berg.", "We are ready,"),
        ("'We are ready,' said Anna Berg.", "We are ready,"),
    ],
)
def test_each_shape_of_mark_pairs(sentence: str, expected: str) -> None:
    assert texts(TITLE + sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        '“We are ready," said Anna Berg.',
        '"We are ready,” said Anna Berg.',
        "«We are ready,” said Anna Berg.",
    ],
)
def test_mismatched_marks_close_and_cost_confidence(sentence: str) -> None:
    quote = only(TITLE + sentence)
    assert quote.text == "We are ready,"
    assert quote.speaker == "Anna Berg"
    matched = only(TITLE + "“We are ready,” said Anna Berg.")
    assert quote.confidence < matched.confidence


def test_offsets_exclude_the_marks() -> None:
    text = TITLE + "She said “no” twice."
    quote = only(text)
    assert text[quote.start - 1] == "“" and text[quote.end] == "”"
    assert text[quote.start : quote.end] == quote.text == "no"


def test_marks_in_a_word_are_not_quotes() -> None:
    assert texts(TITLE + 'The 12" screen and the 5\'10" player, he said.') == []


def test_two_quotes_in_one_sentence() -> None:
    assert texts(TITLE + "He warned of “other options” to “guarantee security.”") == [
        "other options",
        "guarantee security.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("''We are ready,'' said Anna Berg.", ["We are ready,"]),
        ("Anna Berg said she was ''cautiously hopeful'' today.", ["cautiously hopeful"]),
        ("''One,'' said Anna Berg, ''and two.''", ["One,", "and two."]),
        ("The drivers' union met. ''We wait,'' said Anna Berg.", ["We wait,"]),
    ],
)
def test_doubled_apostrophes_of_older_archives_are_double_marks(
    sentence: str, expected: list[str]
) -> None:
    text = TITLE + sentence
    found = quotes(text)
    assert [q.text for q in found] == expected
    for q in found:
        assert text[q.start - 2 : q.start] == "''"
        assert text[q.start : q.end] == q.text
    assert found[0].speaker == "Anna Berg"


def test_doubled_apostrophes_continue_over_paragraphs() -> None:
    text = TITLE + "''We will rebuild.\n\n''And we will stay,'' said Anna Berg."
    assert texts(text) == ["We will rebuild.\n\n''And we will stay,"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We will rebuild,’’ Mayor Tom Reed told Dan Hill.", ["We will rebuild,"]),
        ("‘‘We will rebuild,’’ said Tom Reed.", ["We will rebuild,"]),
        ("Tom Reed said ‘‘the end is near’’ today.", ["the end is near"]),
        (
            "“We will rebuild,’’ Tom Reed said. “It will take years.”",
            ["We will rebuild,", "It will take years."],
        ),
    ],
)
def test_typeset_doubled_apostrophes_are_double_marks(sentence: str, expected: list[str]) -> None:
    """Typesetting turns an archive's `''` into curly apostrophes: `’’` closes, `‘‘` opens."""
    found = quotes(TITLE + sentence)
    assert [q.text for q in found] == expected
    assert found[0].speaker == "Tom Reed"
