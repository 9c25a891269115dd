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
