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


def test_names_on_a_byline_are_not_who_a_pronoun_stands_for() -> None:
    text = (
        TITLE + "By Owen Hartley and Nathan Pryce\n\n"
        "Rep. Derrick Salas (D-Wis.) lambasted the plan.\n\n"
        "“It is a gift to nobody,” he said."
    )
    assert only(text).speaker == "Derrick Salas"


def test_an_abbreviated_title_vouches_for_a_name_without_a_reporting_verb() -> None:
    text = (
        TITLE + "Sen. Ulrich Tamm (R-Ohio) walked out of the hearing.\n\n"
        "“I have heard enough,” he said."
    )
    assert only(text).speaker == "Ulrich Tamm"


def test_a_pronoun_after_a_sentence_led_by_a_role_is_the_role_holder() -> None:
    text = (
        TITLE + "President Halvard Moe spoke for ten minutes on Monday.\n\n"
        "The President said he had called Director Fenn, Governor Lisle and Mayor Dorsey. "
        "“They are all working together,” he said."
    )
    assert only(text).speaker == "Halvard Moe"


def test_a_pronoun_after_a_sentence_led_by_a_name_is_still_that_name() -> None:
    text = (
        TITLE + "Governor Ada Lisle said she had called Director Fenn. "
        "“We are working together,” she said."
    )
    assert only(text).speaker == "Ada Lisle"


def test_an_ly_adverb_between_the_name_and_the_verb() -> None:
    text = TITLE + "“They ignore the rules,” Rep. Walsh exclusively told the Ledger."
    assert only(text).speaker == "Walsh"


def test_a_surname_that_is_also_a_title_after_a_given_name() -> None:
    text = (
        TITLE + "Rep. Steve Bishop gave the Ledger an interview. "
        "“We will win this,” Rep. Bishop angrily told reporters."
    )
    assert only(text).speaker == "Steve Bishop"


def test_common_american_given_names_make_a_person() -> None:
    text = (
        TITLE + "Mike Darrow and Derrick Olund met on Friday. "
        "“It went well,” Olund said afterwards."
    )
    assert only(text).speaker == "Derrick Olund"
