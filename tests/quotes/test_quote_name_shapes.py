"""Names as newsrooms write them: honorifics, titles with full stops, initials, party tags and
titles with a complement. The speaker is the name alone."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only


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
