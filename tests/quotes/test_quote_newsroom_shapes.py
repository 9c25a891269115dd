"""More shapes newsrooms use: titles of local office and sport, subjects before relative
clauses and dashes, a verb before a colon, unnamed sources, names of things in title case."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes

from quotebook.quotes import find_quotes


@pytest.mark.parametrize("title", ["Sheriff", "Superintendent", "Councillor", "Coach", "Skipper"])
def test_titles_of_local_office_and_sport(title: str) -> None:
    assert only(TITLE + f"“We are ready,” said {title} Anna Berg.").speaker == "Anna Berg"


def test_a_given_name_after_an_unknown_title_starts_the_name() -> None:
    text = TITLE + "Stalwart Lewis Amankwah backed his manager. “The lads are gutted,” he said."
    assert only(text).speaker == "Lewis Amankwah"


def test_the_subject_before_a_relative_clause_that_holds_the_quote() -> None:
    text = TITLE + (
        "An interview with Yelena Brisk.\n\n"
        "Brisk, who calls chess “a very polite fight”, spoke to us in Rotterdam."
    )
    assert only(text).speaker == "Yelena Brisk"


def test_the_sentence_subject_after_a_dash_and_a_conjunction() -> None:
    text = TITLE + "Rovers boss Danny Keogh stormed out — and branded the decision “a joke”."
    quote = only(text)
    assert (quote.kind, quote.speaker) == ("partial", "Danny Keogh")


def test_a_subject_and_any_verb_before_a_colon() -> None:
    text = TITLE + "Danny Keogh was unrepentant. Asked about a ban, he laughed: “Let them ban me.”"
    assert only(text).speaker == "Danny Keogh"


def test_an_appositive_after_a_role_and_a_name() -> None:
    text = TITLE + "Former ref Alan Hibbert, now a TV pundit, said it was “the right call”."
    assert only(text).speaker == "Alan Hibbert"


def test_a_pronoun_right_after_an_unnamed_source() -> None:
    text = TITLE + (
        "“We will rebuild,” said Maribel Ortega.\n\n"
        "Shelters were full by evening, a Red Cross spokeswoman said. “We need cots,” she said."
    )
    assert [q.speaker for q in quotes(text)] == ["Maribel Ortega", None]


def test_the_insider_said() -> None:
    quote = only(TITLE + "Anna Berg left.\n\n“The rent doubled,” the insider said.")
    assert (quote.kind, quote.speaker) == ("direct", None)


def test_a_name_in_title_case_with_the_comma_inside_the_marks() -> None:
    text = TITLE + "The plan, which officials have called “Project Shelf,” pays a premium."
    assert only(text).kind == "scare"


def test_a_russian_name_before_a_lower_case_word() -> None:
    text = "Заголовок\n\n«Урожай хороший», — сказал Корнеев журналистам в среду."
    assert find_quotes(text, "ru").quotes[0].speaker == "Корнеев"


def test_a_russian_adjective_is_not_a_surname() -> None:
    text = (
        "Заголовок\n\nГлава Зернового союза Павел Лыков считает, что решение верное. "
        "«Рынок сам себя отрегулирует», — отметил он."
    )
    assert find_quotes(text, "ru").quotes[0].speaker == "Павел Лыков"


@pytest.mark.parametrize(
    "sentence",
    [
        "Democrat Rosa Delgado-Finch said the recount was “a waste of money.”",
        "Co-star Rosa Delgado-Finch said she was “gutted” by the news.",
        "Veteran campaigner Rosa Delgado-Finch said it was “a waste.”",
    ],
)
def test_a_descriptor_before_a_given_name_is_not_part_of_the_name(sentence: str) -> None:
    assert only(TITLE + sentence).speaker == "Rosa Delgado-Finch"


def test_a_person_called_by_given_name_alone() -> None:
    text = TITLE + (
        "Nan Doreen is played by actress Pauline Fairweather, 74.\n\n"
        "“I found out in a phone call,” Pauline told us."
    )
    assert only(text).speaker == "Pauline Fairweather"


def test_a_full_stop_inside_the_marks_ends_the_reporters_sentence() -> None:
    text = TITLE + (
        "County Clerk Norman Aske said the count was fine. Rep. Daniel F. Greer called the "
        "first count “sloppy.” Aske rejected that. “Nobody here is sloppy,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Daniel F. Greer", "Norman Aske"]


@pytest.mark.parametrize(
    ("role", "speaker"),
    [
        ("the Norland defense minister", None),
        ("the Rovers chief", "Danny Keogh"),
        ("the clerk", "Norman Aske"),
    ],
)
def test_a_role_qualified_by_a_name_must_fit_the_persons_description(
    role: str, speaker: str | None
) -> None:
    text = TITLE + (
        "Furious Rovers boss Danny Keogh left early. County Clerk Norman Aske stayed.\n\n"
        f"Later, {role} said the game was “a joke.”"
    )
    assert only(text).speaker == speaker


def test_a_russian_role_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Заголовок\n\nМэр Северограда Григорий Белов выступил на совещании. "
        "Подрядчик получил штраф. «Деньги вернутся в бюджет», — добавил мэр."
    )
    assert find_quotes(text, "ru").quotes[0].speaker == "Григорий Белов"
