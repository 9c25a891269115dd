"""Speaker names: the fullest form within a document, and one name across the library."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, quotes

from quotebook.quotes import SpeakerIndex, clean_speaker, find_quotes, normalise_speakers


def test_a_document_uses_the_fullest_name_it_saw() -> None:
    text = TITLE + (
        "“First,” U.S. Ambassador Carpenter said.\n\n"
        "Ambassador Michael Carpenter spoke later. “Second,” Carpenter said."
    )
    assert [q.speaker for q in quotes(text)] == ["Michael Carpenter", "Michael Carpenter"]


def test_two_people_with_one_surname_stay_apart() -> None:
    text = TITLE + (
        "Senator Joe Biden spoke first. “One,” said Joe Biden.\n\n"
        "His son Hunter Biden said: “Two.”\n\n“Three,” said Biden."
    )
    assert [q.speaker for q in quotes(text)] == ["Joe Biden", "Hunter Biden", "Hunter Biden"]


def test_a_title_vouches_for_a_lone_surname_after_another_titled_name() -> None:
    # The titles seen before one name once leaked into the check for the next run, so
    # "President Lukashenko" went unrecognised and "he" went to Lavrov.
    text = TITLE + (
        "Foreign Minister Sergei Lavrov spoke on Monday. Then President Lukashenko arrived.\n\n"
        "“Nothing,” he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Lukashenko"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("U.S. Ambassador Carpenter", "Carpenter"),
        ("Ambassador Michael Carpenter", "Michael Carpenter"),
        ("Lithuania’s FM Gabrielius Landsbergis", "Gabrielius Landsbergis"),
        ("the Foreign Ministry", "Foreign Ministry"),
        ("Carpenter’s", "Carpenter"),
    ],
)
def test_clean_speaker(raw: str, clean: str) -> None:
    assert clean_speaker(raw) == clean


def test_index_merges_forms_of_one_person() -> None:
    index = SpeakerIndex(["Carpenter", "Ambassador Michael Carpenter", "U.S. Ambassador Carpenter"])
    assert index.canonical("Carpenter") == "Michael Carpenter"
    assert index.canonical("M. Carpenter") == "Michael Carpenter"
    assert index.counts() == {"Michael Carpenter": 3}


def test_index_keeps_different_people_and_leaves_ambiguous_surnames() -> None:
    index = SpeakerIndex(["Joe Biden", "Hunter Biden", "Biden"])
    assert index.canonical("Joe Biden") == "Joe Biden"
    assert index.canonical("Hunter Biden") == "Hunter Biden"
    assert index.canonical("Biden") == "Biden"


def test_index_merges_organisations_by_their_words() -> None:
    index = SpeakerIndex(["the Foreign Ministry", "Foreign Ministry", "foreign ministry"])
    assert len(index.counts()) == 1


def test_normalise_speakers_across_documents() -> None:
    one = find_quotes(TITLE + "“We are ready,” Carpenter said.")
    two = find_quotes(TITLE + "“So are we,” said Ambassador Michael Carpenter.")
    assert [q.speaker for q in one.quotes] == ["Carpenter"]
    fixed = normalise_speakers([one, two])
    assert [q.speaker for scan in fixed for q in scan.quotes] == ["Michael Carpenter"] * 2
    assert fixed[0].quotes[0].text == one.quotes[0].text


def test_surname_particles_belong_to_the_surname() -> None:
    text = TITLE + (
        "Commission President Ursula von der Leyen arrived.\n\n“We are ready,” von der Leyen said."
    )
    assert [q.speaker for q in quotes(text)] == ["Ursula von der Leyen"]
    index = SpeakerIndex(["Ursula von der Leyen", "von der Leyen"])
    assert index.canonical("von der Leyen") == "Ursula von der Leyen"
