"""Attribution shapes met in real news and government pages, each written here with made-up
people: a colon after a sentence about a person, a lone party letter, contractions that are
not names."""

from __future__ import annotations

from quote_helpers import TITLE, only, quotes


def test_a_colon_after_a_sentence_about_a_person_introduces_their_words() -> None:
    text = (
        TITLE + "Governor Hal Brandt made the following statement on House Bill 12:\n\n"
        "“This bill puts families first.”"
    )
    assert only(text).speaker == "Hal Brandt"


def test_a_colon_after_a_dateline_and_a_titled_name() -> None:
    text = (
        TITLE + "WASHINGTON – Senate Leader Ada Quinlan (R-Ore.) delivered the following "
        "remarks on the floor:\n\n“We are not done with this bill.”"
    )
    assert only(text).speaker == "Ada Quinlan"


def test_a_colon_in_the_same_sentence_after_a_person_without_a_reporting_verb() -> None:
    text = TITLE + 'Bank chief Oskar Lindqvist has one goal this year: "Lower fees for everyone."'
    assert only(text).speaker == "Oskar Lindqvist"


def test_a_colon_after_a_sentence_about_a_thing_gives_no_speaker() -> None:
    text = TITLE + 'The motto of the fair is simple: "Come as you are."'
    assert only(text).speaker is None


def test_a_lone_party_letter_is_not_a_name() -> None:
    text = (
        TITLE + "Rep. Cal Whitby (R-Idaho) said the calls for Gov. Nora Penn (D) to resign "
        "follow a “double standard” of the left."
    )
    assert only(text).speaker == "Cal Whitby"


def test_a_district_number_in_a_party_tag_is_blanked_too() -> None:
    text = TITLE + "“We will fix it,” said Rep. Lia Moreno (D-CA-20)."
    assert only(text).speaker == "Lia Moreno"


def test_a_capitalised_contraction_is_not_a_person() -> None:
    text = (
        TITLE + "We'll say it: the headline went too far.\n\n"
        "The “Cops close in” kicker, printed below it, was worse."
    )
    assert all(q.speaker != "We'll" for q in quotes(text))
