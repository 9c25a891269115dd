"""Continuations, unnamed sources, qualified roles, colon and coordination shapes."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes

from quotebook.quotes import find_quotes


def test_a_quote_continuing_an_unnamed_source_stays_unnamed() -> None:
    text = TITLE + (
        "“We will help,” said Anna Berg.\n\n"
        "“It was late,” a diplomat who was in the room said. “Nobody slept.”"
    )
    assert [q.speaker for q in quotes(text)] == ["Anna Berg", None, None]


def test_a_role_brought_in_without_a_name_is_not_the_last_person() -> None:
    text = TITLE + (
        "“No,” said Anna Berg.\n\nMediators will come, a Labor Department official said. "
        "“We will help,” the official said."
    )
    assert quotes(text)[-1].speaker is None


@pytest.mark.parametrize(
    ("role", "speaker"), [("the Secretary", "Halversen"), ("the Commerce Secretary", None)]
)
def test_a_qualified_role_needs_a_person_with_that_title(role: str, speaker: str | None) -> None:
    text = TITLE + f"Secretary Halversen will travel.\n\n{role} said it was “weeks away.”"
    assert only(text).speaker == speaker


def test_a_role_with_a_possessive_is_someone_else() -> None:
    text = TITLE + "Anna Berg spoke.\n\nYour own leader called that approach “surrender.”"
    assert only(text).speaker is None


def test_colon_after_a_verb_that_only_attributes_what_follows() -> None:
    text = (
        TITLE + "Hollis Caddick paused.\n\nCaddick continued:\n\n“You can’t out-argue a tired man.”"
    )
    assert only(text).speaker == "Hollis Caddick"


def test_the_subject_of_coordinated_verbs() -> None:
    text = TITLE + "Hollis Caddick laughed and called the idea “the worst one this year.”"
    assert only(text).speaker == "Hollis Caddick"


def test_used_to_say() -> None:
    text = TITLE + "My mentor, Arne Vik, used to say, “The ice keeps its own diary.”"
    assert only(text).speaker == "Arne Vik"


def test_inverted_subject_before_the_quote() -> None:
    text = "Заголовок\n\nКак сообщил источник в делегации, документ «переписывали шесть раз»."
    quote = find_quotes(text, "ru").quotes[0]
    assert (quote.kind, quote.speaker) == ("partial", None)


def test_a_pronoun_after_an_inverted_verb() -> None:
    text = (
        "Заголовок\n\nГлава делегации Томаш Врубель ответил коротко. "
        "«Мы слышим одно и то же», — сказал он журналистам."
    )
    assert find_quotes(text, "ru").quotes[0].speaker == "Томаш Врубель"


def test_an_outlet_after_its_media_noun_is_a_name() -> None:
    text = "Заголовок\n\nПосол в интервью агентству «Северный экспресс» отметил успех."
    assert find_quotes(text, "ru").quotes[0].kind == "scare"


@pytest.mark.parametrize(
    "sentence",
    [
        "Hollis Caddick has spent his retirement, he says, “trying to forget the other eight.”",
        "Anna Berg urged them, again, “to get back to the table before the weekend.”",
    ],
)
def test_a_long_lower_case_phrase_after_a_comma_is_still_partial(sentence: str) -> None:
    assert only(TITLE + sentence).kind == "partial"


def test_a_fragment_does_not_run_on_into_the_next_paragraph() -> None:
    text = TITLE + (
        "Lucia Bellandi said he was “out cold and snoring.\n\n"
        "“Here he is, the hardest worker in television,” Lucia jokes."
    )
    assert [q.text for q in quotes(text)] == [
        "out cold and snoring.",
        "Here he is, the hardest worker in television,",
    ]


def test_a_quote_paragraph_still_runs_on() -> None:
    text = TITLE + "Anna Berg said:\n\n“One.\n\n“Two,” she said."
    assert [q.text for q in quotes(text)] == ["One.\n\n“Two,"]
