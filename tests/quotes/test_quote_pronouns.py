"""Pronouns and roles are resolved to the nearest fitting person named before them."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, quotes


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("he added", "Pavel Novak"),
        ("she said", "Anna Berg"),  # the nearest woman: Pavel is a man's name
        ("the diplomat added", "Pavel Novak"),
        ("the ambassador told reporters", "Anna Berg"),
        ("the minister said", "Pavel Novak"),
    ],
)
def test_pronoun_or_role_after_a_quote(attribution: str, speaker: str) -> None:
    text = TITLE + (
        "Ambassador Anna Berg arrived on Monday.\n\n"
        "Foreign Minister Pavel Novak spoke first. "
        f"“We had a frank exchange,” {attribution}."
    )
    assert [q.speaker for q in quotes(text)] == [speaker]


def test_the_subject_of_the_previous_sentence_wins_over_its_object() -> None:
    text = TITLE + (
        "Secretary of State Antony Blinken met Foreign Minister Maria Lopez on Monday. "
        "“We had a frank exchange,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Antony Blinken"]


def test_names_inside_quotes_are_not_antecedents() -> None:
    text = TITLE + (
        "“I met Pavel Novak yesterday,” said Ambassador Anna Berg.\n\n“It went well,” she added."
    )
    assert [q.speaker for q in quotes(text)] == ["Anna Berg", "Anna Berg"]


def test_a_chain_of_pronouns_keeps_the_speaker() -> None:
    text = TITLE + (
        "“First,” Ambassador Anna Berg said.\n\n“Second,” she added.\n\n“Third,” she said.\n\n"
        "According to her, that was all. “Fourth.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Anna Berg"] * 4


def test_it_resolves_to_the_organisation_named_before() -> None:
    text = TITLE + "The Kremlin rejected the report. “This is a lie,” it said in a statement."
    assert [q.speaker for q in quotes(text)] == ["Kremlin"]


def test_pronoun_with_nobody_named_before_gives_no_speaker() -> None:
    assert [q.speaker for q in quotes(TITLE + "“We will see,” he said.")] == [None]


def test_a_name_in_apposition_is_the_subject_and_the_antecedent() -> None:
    text = TITLE + (
        "Ambassador Anna Berg spoke first.\n\n"
        "Labour's energy spokesman, Ed Varley, said the plan was 'asleep at the wheel'.\n\n"
        "“Families are terrified,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Ed Varley"]


@pytest.mark.parametrize(
    ("pronoun", "speaker"),
    [("he", "Tom Rigby"), ("she", "Gail Pruitt")],
)
def test_a_pronoun_passes_over_people_of_the_other_gender(pronoun: str, speaker: str) -> None:
    text = TITLE + (
        "The candidate, a state senator named Gail Pruitt, won by four points. "
        "Her opponent, Tom Rigby, conceded at midnight.\n\n"
        f"“It was a fair fight,” {pronoun} said."
    )
    assert [q.speaker for q in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("honorific", "pronoun", "speaker"),
    [("Ms.", "she", "Moore"), ("Mr.", "he", "Moore"), ("Ms.", "he", "Pavel Novak")],
)
def test_honorifics_tell_the_gender(honorific: str, pronoun: str, speaker: str) -> None:
    text = TITLE + (
        "Pavel Novak spoke first, then Jordan Moore.\n\n"
        f"{honorific} Moore said the plan was fair. “It was,” {pronoun} added."
    )
    assert quotes(text)[-1].speaker in {speaker, "Jordan Moore"}


def test_a_person_named_with_a_common_given_name_is_an_antecedent() -> None:
    text = TITLE + (
        "Leon Barbosa remembers the night well. He says, “I worked with Hillary Clinton then.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Leon Barbosa"]


def test_russian_surname_endings_tell_the_gender() -> None:
    from quotebook.quotes import find_quotes

    text = (
        "Заголовок\n\nДепутат Нина Ступина и министр Дмитрий Корнеев встретились в среду. "
        "«Мы договорились», — заявила она."
    )
    assert [q.speaker for q in find_quotes(text, "ru").quotes] == ["Нина Ступина"]


@pytest.mark.parametrize(
    ("between", "pronoun", "speaker"),
    [
        ("He has written to the council and Mayor Bo Hart about it.", "he", "Tom Nugent"),
        ("She has written to Mayor Bo Hart about it.", "she", "Ann Lee"),
        ("He called Bo Hart. He also wrote to Kit Dale.", "he", "Tom Nugent"),
    ],
)
def test_a_name_in_a_sentence_led_by_the_pronoun_is_its_object(
    between: str, pronoun: str, speaker: str
) -> None:
    """The nearest name sits in a sentence whose subject is the same pronoun: it is that
    sentence's object, and the pronoun still stands for the subject named before."""
    first = "Tom Nugent" if pronoun == "he" else "Ann Lee"
    text = (
        TITLE
        + f"{first} runs the village shop.\n\n{between}\n\n“It is a disgrace,” {pronoun} said."
    )
    assert quotes(text)[-1].speaker == speaker


def test_a_sentence_led_by_a_pronoun_of_the_other_gender_ends_the_chain() -> None:
    text = TITLE + "Tom Nugent runs the shop. She called Ann Lee.\n\n“It is a disgrace,” she said."
    assert quotes(text)[-1].speaker == "Ann Lee"
