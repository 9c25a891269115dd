"""Wire and pool-report shapes: a verb that is also a noun after an adverb, a quote of several
sentences run into "says", everyday roles ("the singer", "the suspect", "the 72-year-old")."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes


def test_a_verb_that_is_also_a_noun_after_an_adverb_still_reports() -> None:
    text = TITLE + (
        "Okafor did not openly answer if the council backs the levy. "
        "“The council trusts the process.”"
    )
    assert only(text).speaker == "Okafor"


def test_a_quote_of_several_sentences_run_into_says_is_direct() -> None:
    text = TITLE + (
        "On the radio, Ms. Lena Marsh says “the audit was a joke. What I want is a real review.”"
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("direct", "Lena Marsh")


def test_a_fragment_run_into_says_stays_partial() -> None:
    text = TITLE + "Mayor Ruth Olsen says the plan is “a good start” for the city."
    assert only(text).kind == "partial"


@pytest.mark.parametrize(
    ("introduction", "role", "speaker"),
    [
        ("The singer Mara Vellon spoke on Monday.", "the 72-year-old", "Mara Vellon"),
        ("Police arrested John Doerr, 34, on Friday.", "the suspect", "John Doerr"),
        ("Actress Mara Vellon spoke on Monday.", "the actress", "Mara Vellon"),
    ],
)
def test_everyday_roles_stand_for_the_person_named_before(
    introduction: str, role: str, speaker: str
) -> None:
    text = TITLE + f"{introduction}\n\n“I did nothing wrong,” {role} told reporters."
    assert only(text).speaker == speaker


def test_an_everyday_role_brought_in_with_a_stays_unnamed() -> None:
    text = TITLE + (
        "Police arrested John Doerr, 34, on Friday. A suspect in another case said "
        "“nothing happened.”"
    )
    assert quotes(text)[-1].speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        "After meeting John Reeve, Tom Holter said the deal was done.",
        "Reeve’s spokesman, Tom Holter, said the deal was done.",
        "In a call with John Reeve, Tom Holter has also told reporters the deal was done.",
    ],
)
def test_a_pronoun_stands_for_the_person_a_reporting_verb_follows(sentence: str) -> None:
    text = TITLE + f"{sentence}\n\n“We agreed on everything,” he said."
    assert only(text).speaker == "Tom Holter"


def test_without_a_reporting_verb_the_first_person_named_is_the_subject() -> None:
    text = TITLE + "Tom Holter met John Reeve on Friday. “It went well,” he said."
    assert only(text).speaker == "Tom Holter"


def test_a_person_called_by_given_name_is_that_person_not_a_relative() -> None:
    text = TITLE + (
        "“It was loud,” said Opal Rinder. Jon Rinder said that Opal and he had gone to bed "
        "early.\n\n“We never heard the crash,” Jon said."
    )
    assert quotes(text)[-1].speaker == "Jon Rinder"


def test_a_relative_clause_between_a_name_and_its_verb() -> None:
    text = TITLE + (
        "The board “found no sign of tampering,” Marta L. Quell, who led the county "
        "elections office for nearly a decade until the spring of last year, told the "
        "Ledger on Tuesday."
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("partial", "Marta L. Quell")


def test_a_quote_in_brackets_after_a_name_is_that_persons() -> None:
    text = TITLE + (
        "The plan won praise, among others from Senator Lise Varga of Ohio "
        "(“It fixes the roads first; that is all I ask”), and a few doubts."
    )
    assert only(text).speaker == "Lise Varga"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The slogan of the fair this year is: “A Bright New Harbour Town.”", "scare"),
        ("The banner over the page shouts, “Nobody Trusts Gerald Pike.”", "scare"),
        ("The plea deal required a daily prayer (“Pray for Vanna!”).", "direct"),
    ],
)
def test_a_quote_in_title_case_nobody_is_reported_saying_is_a_title(
    sentence: str, kind: str
) -> None:
    assert only(TITLE + sentence).kind == kind
