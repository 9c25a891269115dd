"""Organisations, groups and documents can be speakers."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are ready,” the Foreign Ministry said in a statement.", "Foreign Ministry"),
        ("“We are ready,” said a statement from the Foreign Ministry.", "Foreign Ministry"),
        (
            "“We are ready,” said the joint statement by Nordic Foreign Ministers.",
            "Nordic Foreign Ministers",
        ),
        ("“We are ready,” NATO said.", "NATO"),
        ("The European Commission warned of “serious consequences.”", "European Commission"),
    ],
)
def test_organisation_speakers(sentence: str, speaker: str) -> None:
    assert only(TITLE + sentence).speaker == speaker


def test_a_lone_place_word_is_kept_as_written() -> None:
    assert only(TITLE + "“We are ready,” Norway said.").speaker == "Norway"


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg, of the Red Cross of Maine said, “The town is resilient.”",
        "Anna Berg of the Red Cross said “The town is resilient.”",
        "Anna Berg of Dover Town Council said the town was “resilient, for now.”",
    ],
)
def test_the_speaker_is_the_person_before_her_affiliation(sentence: str) -> None:
    """`X of the Red Cross of Maine said`: the place or body after "of" is where X comes
    from; X is the subject of the verb."""
    assert only(TITLE + sentence).speaker == "Anna Berg"
