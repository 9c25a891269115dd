"""Names as newsrooms write them: honorifics, titles with full stops, initials, party tags and
titles with a complement. The speaker is the name alone."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only

from quotebook.quotes import find_quotes


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Karen Moore spoke first. “We will see,” Ms. Moore said.", "Karen Moore"),
        ("“We will see,” Ms. Moore said.", "Moore"),
        ("“We will see,” Mr. Obrecht said on Tuesday.", "Obrecht"),
        ("“We will see,” said Dr. Anna Berg.", "Anna Berg"),
        ("Gov. Anna Berg said the state would help “as long as it takes.”", "Anna Berg"),
        ("“We will see,” said Sen. Anna Berg.", "Anna Berg"),
    ],
)
def test_honorifics_and_abbreviated_titles(sentence: str, speaker: str) -> None:
    assert only(TITLE + sentence).speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We will see,” said John D. Pedersen.", "John D. Pedersen"),
        ("“We will see,” said Rep. G.K. Brightwater.", "G.K. Brightwater"),
        ("Walter P. Kowal said the deal was “dead.”", "Walter P. Kowal"),
    ],
)
def test_initials_stay_in_the_name(sentence: str, speaker: str) -> None:
    assert only(TITLE + sentence).speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will see,” said Rep. Anna Berg (D-N.C.).",
        "Sen. Anna Berg (D-Mo.) said the bill was “dead.”",
        "Anna Berg, R-Ky., said Tuesday that the bill was “dead.”",
        "“We will see,” said Rep. Anna Berg (R-Tenn.), who chairs the panel.",
    ],
)
def test_party_tags_are_not_names(sentence: str) -> None:
    assert only(TITLE + sentence).speaker == "Anna Berg"


@pytest.mark.parametrize(
    "sentence",
    [
        "Secretary of State Anna Berg said the talks were “useful.”",
        "“Useful,” said Secretary of State Anna Berg.",
        "Deputy Mayor for Operations Anna Berg called it “a start.”",
        "Minister of Foreign Affairs Anna Berg warned of “consequences.”",
    ],
)
def test_a_title_complement_is_not_part_of_the_name(sentence: str) -> None:
    assert only(TITLE + sentence).speaker == "Anna Berg"


def test_initials_do_not_end_a_sentence_but_an_acronym_can() -> None:
    text = TITLE + "He lives in the U.S. The talks were “useful,” said T.J. Berg on Monday."
    assert only(text).speaker == "T.J. Berg"


def test_a_headline_in_capitals_names_nobody() -> None:
    text = "WEEKEND SPECIAL: MAYOR ON HARBOUR CLOSURES: “NOBODY WARNED THE FISHERMEN”\n\nText."
    assert find_quotes(text).quotes[0].speaker is None


@pytest.mark.parametrize(
    "headline", ["Sen. Ruth Okafor Responds to the Flood", "Sen. Ruth Okafor Warns of a Dry Summer"]
)
def test_a_capitalised_reporting_verb_of_a_headline_is_no_part_of_a_name(headline: str) -> None:
    text = headline + "\n\n“We start in May,” Okafor said."
    assert find_quotes(text).quotes[0].speaker == "Ruth Okafor"


def test_a_sentence_adverb_before_a_lone_surname_is_no_part_of_the_name() -> None:
    text = (
        "Заголовок\n\nИрина Солнцева приехала в Тверь.\nЗатем Солнцева напомнила, что бюджет "
        "принят вовремя. «Это важно», — добавила она."
    )
    assert find_quotes(text, "ru").quotes[0].speaker == "Ирина Солнцева"


def test_initials_written_against_a_surname_in_running_text() -> None:
    text = "Заголовок\n\n«Сроки сдвигать никто не будет», — пояснил А.Мельников."
    assert find_quotes(text, "ru").quotes[0].speaker == "А. Мельников"


@pytest.mark.parametrize(
    ("first", "later"),
    [("Cllr Ann Moss", "Cllr Moss"), ("Mx. Kit Dale", "Mx. Dale"), ("Cllr. Ann Moss", "Moss")],
)
def test_councillor_and_gender_neutral_honorifics(first: str, later: str) -> None:
    text = TITLE + f"{first} chairs the board.\n\n“We are open,” {later} said."
    assert only(text).speaker in ("Ann Moss", "Kit Dale")
