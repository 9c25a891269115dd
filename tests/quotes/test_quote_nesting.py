"""Quotes inside quotes are asides of the outer quote, never quotes of their own."""

from __future__ import annotations

import pytest

from quotebook.quotes import find_quotes

TITLE = "A headline\n\n"


@pytest.mark.parametrize(
    ("text", "outer", "inner", "language"),
    [
        (
            "“He told me ‘never again’ and left,” said Anna Berg.",
            "He told me ‘never again’ and left,",
            "never again",
            "en",
        ),
        (
            "\"Why talk about 'security' with them?\" asked Anna Berg.",
            "Why talk about 'security' with them?",
            "security",
            "en",
        ),
        (
            "‘He told me “never again” and left,’ said Anna Berg.",
            "He told me “never again” and left,",
            "never again",
            "en",
        ),
        (
            "«Он сказал „никогда“ и ушёл», — сказала Анна Берг.",
            "Он сказал „никогда“ и ушёл",
            "никогда",
            "ru",
        ),
    ],
)
def test_inner_quote_is_an_aside(text: str, outer: str, inner: str, language: str) -> None:
    scan = find_quotes(TITLE + text, language)
    assert [q.text for q in scan.quotes] == [outer]
    assert [a.text for a in scan.asides] == [inner]
    assert scan.quotes[0].speaker in {"Anna Berg", "Анна Берг"}


def test_headline_single_marks_are_asides_when_the_body_quotes_with_double_marks() -> None:
    text = (
        "Minister calls talks ‘a disappointment’\n\n"
        "“We expected more,” said Anna Berg. “Much more.”\n"
    )
    scan = find_quotes(text)
    assert [q.text for q in scan.quotes] == ["We expected more,", "Much more."]
    assert [a.text for a in scan.asides] == ["a disappointment"]


def test_british_style_single_marks_are_the_quotes() -> None:
    text = TITLE + "‘We said “no” at once,’ said Anna Berg. ‘And we meant it.’"
    scan = find_quotes(text)
    assert [q.text for q in scan.quotes] == ["We said “no” at once,", "And we meant it."]
    assert [a.text for a in scan.asides] == ["no"]


def test_straight_marks_nest_when_enough_closing_marks_follow() -> None:
    text = TITLE + (
        'Пресс-секретарь Роман Вешков ответил.\n\n"Ответа не будет. Вокруг столько '
        '"слухов", столько "сплетен", что всё не перечесть", – сказал он прессе.'
    )
    scan = find_quotes(text, "ru")
    assert [(q.text[:16], q.speaker) for q in scan.quotes] == [("Ответа не будет.", "Роман Вешков")]
    assert [a.text for a in scan.asides] == ["слухов", "сплетен"]


def test_a_straight_quote_that_lost_its_closing_mark_is_not_nested() -> None:
    text = TITLE + 'He was "out of it. Then came "X" and "Y" here.'
    assert [q.text for q in find_quotes(text).quotes] == ["out of it. Then came", "X", "Y"]
