"""Transcript shapes of government pages and broadcast transcripts seen on real text: the bare
`Q` of White House briefings, a lone `MR. X:` label, header and credit lines that are not
turns, the interviewer named with an outlet, outlet labels and a shorter repeat of a label."""

from __future__ import annotations

from quotebook.quotes import find_quotes


def _turns(text: str) -> list[tuple[str, str | None, str]]:
    scan = find_quotes(text)
    return [(t.label, t.speaker, text[t.start : min(t.end, t.start + 12)]) for t in scan.turns]


def test_a_bare_q_set_apart_by_spaces_is_a_question_turn() -> None:
    text = (
        "Press Gaggle by Press Secretary Lena Frost\n\n"
        "MS. FROST:  Good morning. The Governor lands at noon.\n\n"
        "Q    Will he take questions there?\n\n"
        "MS. FROST:  Not today.\n\n"
        "Q (Inaudible.)\n\n"
        "MS. FROST:  Thank you all."
    )
    assert _turns(text) == [
        ("MS. FROST", "Lena Frost", "Good morning"),
        ("Q", None, "Will he take"),
        ("MS. FROST", "Lena Frost", "Not today."),
        ("Q", None, "(Inaudible.)"),
        ("MS. FROST", "Lena Frost", "Thank you al"),
    ]


def test_q_at_a_line_start_of_plain_prose_is_no_turn() -> None:
    text = "Quiz night\n\nQ Street was closed on Monday. Residents were told to park elsewhere."
    assert find_quotes(text).turns == ()


def test_one_honorific_label_in_capitals_makes_a_transcript() -> None:
    text = (
        "News Briefing with Press Secretary Tom Aldine\n\n"
        "    MR. ALDINE: Good afternoon. I have one announcement before your questions.\n"
    )
    assert _turns(text) == [("MR. ALDINE", "Tom Aldine", "Good afterno")]


def test_a_header_field_naming_a_person_is_not_a_turn() -> None:
    text = (
        "Briefing on the budget\n\n"
        "Presenter: Ministry Press Secretary Tom Aldine\n"
        "MR. ALDINE: Good afternoon.\n\n"
        "QUESTION: Is the budget late?\n\n"
        "MR. ALDINE: No."
    )
    assert [t[0] for t in _turns(text)] == ["MR. ALDINE", "QUESTION", "MR. ALDINE"]


def test_a_title_naming_two_people_is_not_a_turn() -> None:
    text = (
        "Full Transcript: Mark Ellery and Ruth Ogden\n\n"
        "MARK ELLERY: Thanks for joining us.\n\n"
        "RUTH OGDEN: Glad to be here.\n\n"
        "MARK ELLERY: Let us begin."
    )
    assert [t[0] for t in _turns(text)] == ["MARK ELLERY", "RUTH OGDEN", "MARK ELLERY"]


def test_an_interviewer_named_with_her_outlet_asks_the_questions() -> None:
    text = (
        "Interview With Ruth Ogden of Channel Nine\n\n"
        "Secretary Mark Ellery\nAugust 2, 2019\n\n"
        "QUESTION: Thank you, Mr. Secretary. Where do the talks stand?\n\n"
        "SECRETARY ELLERY: They resume next week."
    )
    assert _turns(text) == [
        ("QUESTION", "Ruth Ogden", "Thank you, M"),
        ("SECRETARY ELLERY", "Mark Ellery", "They resume "),
    ]


def test_an_outlet_label_asks_for_the_reporter_the_introduction_names() -> None:
    text = (
        "Transcript of the interview\n\n"
        "A transcript of an interview Friday with Mayor Paul Drummond by Gazette City Hall "
        "reporter Nina Castell. Some answers are shortened.\n\n"
        "GZ: How was the first week?\n\n"
        "DRUMMOND: Busy.\n\n"
        "GZ: And the budget?\n\n"
        "DRUMMOND: Next month."
    )
    assert _turns(text) == [
        ("GZ", "Nina Castell", "How was the "),
        ("DRUMMOND", "Paul Drummond", "Busy."),
        ("GZ", "Nina Castell", "And the budg"),
        ("DRUMMOND", "Paul Drummond", "Next month."),
    ]


def test_a_shorter_repeat_of_a_label_is_the_person_of_the_full_label() -> None:
    text = (
        "Evening News\n\n"
        "QUESTION: Will the mayor sign it?\n\n"
        "MARY ANNE DELACROIX, CITY SPOKESWOMAN: She will sign it on Friday.\n\n"
        "QUESTION: Why Friday?\n\n"
        "ANNE DELACROIX: Because the council votes on Thursday."
    )
    speakers = [t[1] for t in _turns(text)]
    assert speakers == [None, "Mary Anne Delacroix", None, "Mary Anne Delacroix"]


def test_broadcast_labels_with_a_party_tag_and_a_description() -> None:
    text = (
        "Morning Show transcript\n\n"
        "REP. ANNA VOSS (D), OREGON: We found common ground.\n\n"
        "UNIDENTIFIED MALE: It is not enough.\n\n"
        "SEN. OWEN HART (R-UT), MAJORITY WHIP: We have not decided yet.\n\n"
        "ANNOUNCER: You are watching the Morning Show."
    )
    assert [(t.label, t.speaker) for t in find_quotes(text).turns] == [
        ("REP. ANNA VOSS (D), OREGON", "Anna Voss"),
        ("UNIDENTIFIED MALE", None),
        ("SEN. OWEN HART (R-UT), MAJORITY WHIP", "Owen Hart"),
        ("ANNOUNCER", None),
    ]


def test_a_familiar_given_name_in_a_header_is_the_same_person() -> None:
    text = (
        "Interview With Dale Hurst of KQRS Radio\n\n"
        "Michael T. Varga\nSecretary of Commerce\n\n"
        "QUESTION: Our guest today is the Secretary of Commerce, Mike Varga. Welcome.\n\n"
        "SECRETARY VARGA: Good morning."
    )
    assert [t.speaker for t in find_quotes(text).turns] == ["Dale Hurst", "Michael T. Varga"]
