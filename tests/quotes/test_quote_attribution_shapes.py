"""Attribution shapes beyond `“…,” X said`: dashes, appositions and inverted subjects."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("“I came here on my first date.” — Tamsin Roach, 41, from Leeds.", "Tamsin Roach"),
        ("“Absolutely gutted.” ― Gary Pettifer.", "Gary Pettifer"),
        ("“He owes the staff a word.” — Kelly-Anne Dobbs, former waitress", "Kelly-Anne Dobbs"),
        ("“Worst refereeing all season.” — @RoversFan", "@RoversFan"),
        ("“Nice try.” – Anna Berg", "Anna Berg"),
    ],
)
def test_dash_attribution_after_a_quote_on_its_own_line(line: str, speaker: str) -> None:
    quote = only(TITLE + "Readers wrote in.\n\n" + line)
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", speaker, "dash")


def test_a_dash_to_an_unnamed_source_is_still_speech() -> None:
    quote = only(TITLE + "“We will survive.” — statement posted on the door")
    assert (quote.kind, quote.speaker) == ("direct", None)


def test_a_dash_inside_a_sentence_is_not_an_attribution() -> None:
    text = TITLE + "The phrase “never again” — Anna Berg used it twice — was everywhere."
    assert only(text).speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will help,” said the mayor, Anna Berg.",
        "“We will help,” said the summit’s chair, Anna Berg, the foreign minister of Norway.",
    ],
)
def test_inverted_attribution_with_an_apposition(sentence: str) -> None:
    assert only(TITLE + sentence).speaker == "Anna Berg"


def test_the_role_of_an_apposition_resolves_later_roles() -> None:
    text = TITLE + "“We will help,” said the mayor, Anna Berg.\n\n“Soon,” the mayor added."
    assert [q.speaker for q in quotes(text)] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Douglas Holtz-Eakin, an economist and tax expert, told me the plan was “unworkable.”",
        "Anna Berg, the fisheries minister of the southern coalition, accused them of “cheating.”",
        "Anna Berg, speaking at an unrelated event, said the council had “no ideas.”",
    ],
)
def test_an_apposition_between_the_subject_and_its_verb(sentence: str) -> None:
    speaker = only(TITLE + sentence).speaker
    assert speaker in {"Douglas Holtz-Eakin", "Anna Berg"}


def test_a_partial_quote_takes_the_subject_not_a_verb_after_it() -> None:
    text = TITLE + (
        "City Attorney Brad Holm said in the letter that the ad “unmistakably and "
        "wrongfully” suggests an endorsement."
    )
    quote = only(text)
    assert (quote.kind, quote.speaker) == ("partial", "Brad Holm")


@pytest.mark.parametrize("name", ["Kovacic", "Rossi", "Mancini"])
def test_surnames_that_end_like_demonyms_are_names(name: str) -> None:
    assert only(TITLE + f"“We will see,” {name} said.").speaker == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Speaking on the radio, Ann Moss, leader of the council, said the plan was “a mess”.",
        "On Friday, Ann Moss, 41, a teacher from Leeds, said the plan was “a mess”.",
    ],
)
def test_a_name_and_its_description_after_an_opening_phrase(sentence: str) -> None:
    """The description between commas comes right before the verb; the name before it is the
    subject, not the opening phrase."""
    assert only(TITLE + sentence).speaker == "Ann Moss"


def test_a_clause_with_its_own_verb_is_no_description() -> None:
    text = TITLE + "Sen. Ivo Marek wrote. Oddly, Marek announced it again, saying it was “a mess”."
    assert only(text).speaker == "Ivo Marek"


def test_words_after_a_quote_that_name_nobody_give_no_speaker() -> None:
    assert (
        only(TITLE + "“We are ready,” in the end proved right, and Ann Lee left.").speaker is None
    )
