"""Roles that stand for a person named before: abbreviated titles, qualifiers written after the
name, a role with lower-case words before it, and the subject of a clause before a semicolon."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes


@pytest.mark.parametrize(
    ("introduction", "role", "speaker"),
    [
        ("Gov. Laura Pike", "the governor", "Laura Pike"),
        ("Rep. Dan Ostrow", "the congressman", "Dan Ostrow"),
        ("Sen. Mara Quill", "the lawmaker", "Mara Quill"),
        ("Lt. Gen. Hal Boyce", "the general", "Hal Boyce"),
        ("Det. Ina Falk", "the detective", "Ina Falk"),
    ],
)
def test_an_abbreviated_title_makes_its_holder_that_role(
    introduction: str, role: str, speaker: str
) -> None:
    text = TITLE + (
        f"{introduction} said the plan was ready. Fire Chief Tom Reyes said crews worked all "
        f"night.\n\n“We are doing everything we can,” {role} said."
    )
    assert quotes(text)[-1].speaker == speaker


def test_a_place_written_after_the_name_qualifies_the_role() -> None:
    text = TITLE + (
        "Sen. Tom Hale of Arizona spoke to the network on Monday. Rep. Ada Moss of Ohio did "
        "not.\n\nThe Arizona Republican grinned and told the host, “We have time.”"
    )
    assert only(text).speaker == "Tom Hale"


def test_a_role_nobody_was_described_with_still_finds_nobody() -> None:
    text = TITLE + "Sen. Tom Hale of Arizona spoke.\n\nThe Nevada Republican called it “a stunt.”"
    assert only(text).speaker is None


def test_a_role_after_lower_case_words_leads_a_sentence_before_a_colon() -> None:
    text = TITLE + (
        "Museum Director Paula Brandt opened the new wing on Monday.\n\n"
        "The art museum director also took up the loans: “They are safe with us.”"
    )
    assert only(text).speaker == "Paula Brandt"


def test_a_noun_after_the_before_a_colon_is_no_reporting_verb() -> None:
    text = TITLE + "Mayor Ruth Olsen read the report: “It is wrong.”"
    assert only(text).speaker == "Ruth Olsen"


def test_the_subject_before_a_semicolon_speaks_for_a_participle_after_it() -> None:
    text = TITLE + ("Councilor Nick Hart was blunt; stating “shops can water their own planters”.")
    assert only(text).speaker == "Nick Hart"


@pytest.mark.parametrize(
    "introduction",
    [
        "“We will appeal,” said Ana Ruiz, a spokeswoman for the city.",
        "Ana Ruiz, 41, the city’s spokeswoman, spoke first.",
    ],
)
def test_a_description_after_a_name_gives_its_holder_the_role(introduction: str) -> None:
    text = TITLE + (
        f"{introduction} The mayor, Tom Bell, disagreed.\n\n“We won’t,” the spokeswoman added."
    )
    assert quotes(text)[-1].speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("introduction", "role", "speaker"),
    [
        (
            "Sen. Lena Farris (D-Ill.) spoke. Sen. Bo Kittle (R-Ark.) did not.",
            "the Illinois Democrat",
            "Lena Farris",
        ),
        (
            "Rep. Ann Moss, R-Ohio, spoke. Sen. Bo Kittle, D-Ark., did not.",
            "the Ohio Republican",
            "Ann Moss",
        ),
        (
            "Rep. Ann Moss (R-N.Y.) spoke. Sen. Bo Kittle (R-Ark.) did not.",
            "the New York Republican",
            "Ann Moss",
        ),
    ],
)
def test_a_party_tag_makes_its_lawmaker_the_states_democrat_or_republican(
    introduction: str, role: str, speaker: str
) -> None:
    text = TITLE + f"{introduction}\n\n“The numbers do not add up,” {role} said."
    assert only(text).speaker == speaker


def test_a_title_before_one_name_is_not_the_next_persons() -> None:
    text = TITLE + (
        "President Donald Tramp met Gov. Ron Dees on Monday. “We had a great talk,” the "
        "president said."
    )
    assert only(text).speaker == "Donald Tramp"


def test_a_rank_modifier_tells_two_holders_of_a_title_apart() -> None:
    text = TITLE + (
        "Former Vice President Joe Bidden spoke in Ohio. Vice President Kamala Harras spoke "
        "in Texas. President Donald Tramp stayed home.\n\n"
        "“We will win,” the former vice president said. “We will not,” the president said."
    )
    assert [q.speaker for q in quotes(text)] == ["Joe Bidden", "Donald Tramp"]
