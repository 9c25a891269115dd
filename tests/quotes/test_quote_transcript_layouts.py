"""How transcripts lay out their speaker labels: on a line of their own above the words, run on
without a space, long labels in capitals with titles, roles in place of a name, the time codes
of transcription services, and a broadcast label with the speaker's job."""

from __future__ import annotations

import pytest

from quotebook.quotes import find_quotes


def _turns(text: str, language: str = "en") -> list[tuple[str, str | None, str]]:
    scan = find_quotes(text, language)
    return [(t.label, t.speaker, text[t.start : t.start + 10]) for t in scan.turns]


def test_labels_on_a_line_of_their_own() -> None:
    text = (
        "Sunday show - May 1\n\nHOST ANNA REED:\n\nGood morning. Welcome to the show.\n\n"
        "SEN. TOM HALE:\n\nThanks for having me.\n\nHOST ANNA REED:\nLet us start.\n\n"
        "ANNOUNCER:\n\nFrom Washington, this is the show."
    )
    assert _turns(text) == [
        ("HOST ANNA REED", "Anna Reed", "Good morni"),
        ("SEN. TOM HALE", "Tom Hale", "Thanks for"),
        ("HOST ANNA REED", "Anna Reed", "Let us sta"),
        ("ANNOUNCER", None, "From Washi"),
    ]


def test_labels_in_capitals_that_run_on_without_a_space() -> None:
    text = "Show\n\nANNA REED:Good morning.\n\nTOM HALE:Thanks.\n\nANNA REED: Let us start."
    assert [t[:2] for t in _turns(text)] == [
        ("ANNA REED", "Anna Reed"),
        ("TOM HALE", "Tom Hale"),
        ("ANNA REED", "Anna Reed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Storm news\n\nUPDATE:\nThe storm moved east. Officials said roads were closed.",
        "Show notes\n\nGuests:\nAnna Reed and Tom Hale.\n\nSummary:\nThe two discuss it.",
        "Headline\n\nBREAKING:Trump signs the bill. The White House said more was coming.",
        "Notes\n\nAnna Reed:Good morning.\n\nTom Hale:Thanks.",
    ],
)
def test_headings_and_mixed_case_run_ons_are_no_turns(text: str) -> None:
    assert find_quotes(text).turns == ()


def test_long_labels_in_capitals_with_titles() -> None:
    text = (
        "Briefing\n\nPRESS SECRETARY ANNA M. BERGSTROM: Good morning, all.\n\n"
        "SECRETARY OF THE NAVY CARL T. WEBB III: Thank you, Anna.\n\n"
        "FMR. VICE PRES. LINDA ORTIZ: Where does the money go?\n\n"
        "SEN. ROBERT McALLISTER: I will not run again.\n\n"
        "REP. JOAN FERRIS : The vote is on Friday."
    )
    assert [t[:2] for t in _turns(text)] == [
        ("PRESS SECRETARY ANNA M. BERGSTROM", "Anna M. Bergstrom"),
        ("SECRETARY OF THE NAVY CARL T. WEBB III", "Carl T. Webb"),
        ("FMR. VICE PRES. LINDA ORTIZ", "Linda Ortiz"),
        ("SEN. ROBERT McALLISTER", "Robert McAllister"),
        ("REP. JOAN FERRIS", "Joan Ferris"),
    ]


def test_unnamed_officials_and_operators_speak_unnamed() -> None:
    text = (
        "Press call\n\nMS. OKAFOR:  Morning, all. We will keep this short.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:  Glad to be here.\n\n"
        "OPERATOR: Our next question.\n\nQ  Has a date been set?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:  Not yet."
    )
    assert [t[:2] for t in _turns(text)] == [
        ("MS. OKAFOR", "Okafor"),
        ("SENIOR ADMINISTRATION OFFICIAL", None),
        ("OPERATOR", None),
        ("Q", None),
        ("SENIOR ADMINISTRATION OFFICIAL", None),
    ]


def test_a_role_label_is_the_person_the_document_gives_that_title() -> None:
    text = (
        "Remarks by President Joe Bidden on the Economy\n\nEast Room\n\n"
        "THE PRESIDENT: Thank you. Please, sit down.\n\nIt is good to be here."
    )
    assert _turns(text) == [("THE PRESIDENT", "Joe Bidden", "Thank you.")]


def test_time_codes_of_transcription_services() -> None:
    text = (
        "Briefing transcript\n\nThe full text is below.\n\nTom Hale (00:03):\n\n"
        "Morning, everyone. Let us begin.\n\nNina (01:12):\n\nThanks. One on the budget.\n\n"
        "Tom Hale (01:15):\n\nGo ahead.\n\n(01:40)\nA second paragraph of the same turn."
    )
    assert _turns(text) == [
        ("Tom Hale", "Tom Hale", "Morning, e"),
        ("Nina", "Nina", "Thanks. On"),
        ("Tom Hale", "Tom Hale", "Go ahead.\n"),
    ]


def test_a_time_code_after_the_colon() -> None:
    text = (
        "Briefing transcript\n\nJen Paski: (00:22)\nGood afternoon, everyone.\n\n"
        "Audience: (00:26)\nGood afternoon.\n\nJen Paski: (00:26)\nToday, we have a guest."
    )
    assert _turns(text) == [
        ("Jen Paski", "Jen Paski", "Good after"),
        ("Audience", None, "Good after"),
        ("Jen Paski", "Jen Paski", "Today, we "),
    ]


def test_numbered_speakers_are_unnamed() -> None:
    text = (
        "Gaggle transcript\n\nSpeaker 1 (00:01):\n\nOh gosh. Ready?\n\n"
        "Speaker 2 (00:12):\n\nAre you able to step in here?\n\nSpeaker 1 (00:14):\n\nYes."
    )
    assert [t[:2] for t in _turns(text)] == [
        ("Speaker 1", None),
        ("Speaker 2", None),
        ("Speaker 1", None),
    ]


def test_one_broadcast_label_with_the_speakers_job_makes_a_transcript() -> None:
    text = (
        "Transcript\n\nDANA KWAN, WXYZ ANCHOR: The river crested overnight.\n\n"
        "Crews are still stacking sandbags on Main Street."
    )
    assert _turns(text) == [("DANA KWAN, WXYZ ANCHOR", "Dana Kwan", "The river ")]


def test_a_label_in_capitals_shows_a_mc_name_as_it_is_written() -> None:
    text = (
        "Panel\n\nMR. MCKAY: First topic.\n\nRITA SOL: The rent is too high.\n\nMR. MCKAY: Agreed."
    )
    assert _turns(text)[0][1] == "McKay"


def test_a_rank_in_a_role_label_tells_two_holders_apart() -> None:
    text = (
        "Remarks by President Joe Bidden and Vice President Kamala Harras\n\n"
        "THE VICE PRESIDENT: Thank you. Please welcome the President.\n\n"
        "THE PRESIDENT: Thank you all."
    )
    assert [t[:2] for t in _turns(text)] == [
        ("THE VICE PRESIDENT", "Kamala Harras"),
        ("THE PRESIDENT", "Joe Bidden"),
    ]


def test_the_host_of_a_show_the_introduction_names_asks_the_questions() -> None:
    text = (
        "Maria Lento on rural hospitals\n\n"
        "Maria Lento talks about rural hospitals with comedian Sam Ortega on his weekly "
        "podcast.\n\nQ:  Thanks for coming on. My guest today is Dr. Maria Lento.\n\n"
        "A:  Happy to be here, Sam.\n\nQ:  Let us start."
    )
    assert [t[:2] for t in _turns(text)] == [
        ("Q", "Sam Ortega"),
        ("A", "Maria Lento"),
        ("Q", "Sam Ortega"),
    ]


def test_a_label_with_an_affiliation_that_has_lower_case_words() -> None:
    """`PAUL REED, U.S. Army Corps of Engineers:` (TV news transcripts): the affiliation's
    "of" does not end the label, and the speaker is the name before the comma."""
    text = (
        "A headline\n\nNINA PARK: The river is rising.\n\n"
        "PAUL REED, U.S. Army Corps of Engineers: We expect the levees to hold.\n\n"
        "NINA PARK: And the rain?\n\n"
        "LEO GRANT, Harbor City Department of Public Works: The pumps kept up until the storm."
    )
    turns = find_quotes(text).turns
    assert [t.speaker for t in turns] == ["Nina Park", "Paul Reed", "Nina Park", "Leo Grant"]
    assert text[turns[1].start :].startswith("We expect")
