"""Apostrophes are not quotation marks, and one stray apostrophe loses nothing after it."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, texts


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia’s stance didn’t change, the minister said.",
        "Russia's stance didn't change, the minister said.",
        "It was the ’90s, and in ’15 things changed again.",
        "It was the '90s, and in '15 things changed again.",
        "It was the ‘90s all over again.",
        "The ministers’ meeting ended early.",
        "Rock 'n' roll never died, 'em folks say.",
        "The Ukrainians’ resolve surprised everyone.",
        "O’Brien and D'Angelo met at Lloyd’s.",
    ],
)
def test_apostrophes_alone_make_no_quotes(sentence: str) -> None:
    assert texts(TITLE + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "“Norway’s view hasn’t moved since ’15,” said Anna Berg.",
            "Norway’s view hasn’t moved since ’15,",
        ),
        ("\"It's the '90s all over again,\" said Anna Berg.", "It's the '90s all over again,"),
        (
            "‘The ministers’ meeting was useful,’ said Anna Berg.",
            "The ministers’ meeting was useful,",
        ),
        ("‘The talks were useful,’ the ministers’ spokesman said.", "The talks were useful,"),
    ],
)
def test_apostrophes_inside_quotes_stay_inside(sentence: str, expected: str) -> None:
    assert texts(TITLE + sentence) == [expected]


def test_a_stray_apostrophe_does_not_shift_later_quotes() -> None:
    text = TITLE + "Back in ’15 nobody cared.\n\n“We care now,” said Anna Berg. “A lot.”"
    assert texts(text) == ["We care now,", "A lot."]
