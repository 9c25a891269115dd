"""Interview transcripts: "Label: text" turns, their ends and their speakers."""

from __future__ import annotations

import pytest

from quotebook.quotes import find_quotes

INTERVIEW = (
    "Foreign Minister Anna Berg’s interview with Daily Planet newspaper, Oslo, 3 May 2021\n\n"
    "Question: How are the talks going?\n\n"
    "Anna Berg: Slowly. We meet again next week.\n\n"
    "We are patient.\n\n"
    "Question: Thank you. Anna Berg: Thank you.\n\n"
    "LATEST NEWS\n\n"
    "Something else happened today."
)


def test_turns_run_to_the_next_label_or_the_end_of_the_interview() -> None:
    scan = find_quotes(INTERVIEW)
    got = [(t.label, t.speaker, INTERVIEW[t.start : t.end]) for t in scan.turns]
    assert got == [
        ("Question", "Daily Planet", "How are the talks going?"),
        ("Anna Berg", "Anna Berg", "Slowly. We meet again next week.\n\nWe are patient."),
        ("Question", "Daily Planet", "Thank you."),
        ("Anna Berg", "Anna Berg", "Thank you."),
    ]


@pytest.mark.parametrize(
    ("header", "outlet"),
    [
        ("Anna Berg’s interview with Daily Planet, 3 May 2021", "Daily Planet"),
        ("Anna Berg’s interview with the Daily Planet newspaper, Oslo", "Daily Planet"),
        ("Anna Berg’s interview with NRK TV channel, Oslo", "NRK"),
        (
            "Anna Berg’s answers to questions from the Morning, Noon, Night programme",
            "Morning, Noon, Night",
        ),
        ("Anna Berg gave an interview to Radio Nord", "Radio Nord"),
        ("Anna Berg’s interview given to the Nordic Times daily, May 3", "Nordic Times"),
    ],
)
def test_question_speaker_is_the_interviewing_outlet(header: str, outlet: str) -> None:
    text = f"{header}\n\nQuestion: Is there a deal?\n\nAnna Berg: Not yet."
    assert [t.speaker for t in find_quotes(text).turns] == [outlet, "Anna Berg"]


def test_answer_labels_speak_for_the_interviewee() -> None:
    text = "Anna Berg’s interview with Daily Planet\n\nQ: Is there a deal?\n\nA: Not yet."
    assert [(t.label, t.speaker) for t in find_quotes(text).turns] == [
        ("Q", "Daily Planet"),
        ("A", "Anna Berg"),
    ]


def test_an_outlet_in_brackets_after_the_label_wins() -> None:
    text = "Press conference\n\nQuestion (Daily Planet): Is there a deal?\n\nAnna Berg: No."
    assert find_quotes(text).turns[0].speaker == "Daily Planet"


@pytest.mark.parametrize(
    "text",
    [
        "25 September 2020\nOslo: 13:15\nLondon: 12:15\n\nNews of the day.",
        "A headline\n\nMarkets: Stocks fell. Note: prices may vary.",
        "Anna Berg: Europe must act now\n\nThe minister said Europe must act.",
        "A headline\n\nThe question is simple: What now? Nobody knows.",
        "Update: The vote was postponed.\n\nIt will be held on Monday.",
    ],
)
def test_labels_that_are_not_turns(text: str) -> None:
    assert find_quotes(text).turns == ()


def test_turns_of_two_named_speakers_without_a_header() -> None:
    text = "A debate\n\nJohn Smith: Good evening.\n\nAnna Berg: Hello, John.\n\nJohn Smith: Why?"
    turns = find_quotes(text).turns
    assert [t.speaker for t in turns] == ["John Smith", "Anna Berg", "John Smith"]


def test_a_label_inside_a_quote_is_not_a_turn() -> None:
    text = "A headline\n\n“Question: why now?” asked Anna Berg. Answer: nobody knows."
    assert [t.label for t in find_quotes(text).turns] == ["Answer"]


def test_a_quote_the_speaker_of_a_turn_gives_as_their_own() -> None:
    text = (
        "Anna Berg’s interview with Daily Planet\n\n"
        "Question: Are sanctions working?\n\n"
        'Anna Berg: As I said yesterday, "sanctions are not a policy but a substitute for one."'
    )
    assert [q.speaker for q in find_quotes(text).quotes] == ["Anna Berg"]


def test_ordinary_words_before_a_colon_are_not_speakers() -> None:
    text = (
        "A headline\n\nRead Also: Talks stall again.\n\nThe talks, read also as a signal, "
        "stalled.\n\nRead Also: Markets fall."
    )
    assert find_quotes(text).turns == ()


def test_capitalised_labels_of_press_briefings() -> None:
    text = (
        "Ministry Press Briefing\n\nMR PARK: Hello, all.\n\n"
        "QUESTION: Thanks. Any news on the port?\n\nMR PARK: Not today."
    )
    turns = find_quotes(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("MR PARK", "Park"),
        ("QUESTION", None),
        ("MR PARK", "Park"),
    ]


def test_broadcast_labels_in_capitals_with_surnames_only() -> None:
    text = (
        "SUNDAY LEDGER — Transcript\n\n"
        "DANA WHITFIELD, HOST: I'm Dana Whitfield. Joining us is Senator Owen Castellano.\n\n"
        "CASTELLANO: Good to be with you.\n\n"
        "WHITFIELD: Let's start.\n\n"
        "CASTELLANO: Fine.\n\n"
        "GOV. ELENA MARSH-PATEL: Thanks for having me."
    )
    turns = find_quotes(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("DANA WHITFIELD, HOST", "Dana Whitfield"),
        ("CASTELLANO", "Owen Castellano"),
        ("WHITFIELD", "Dana Whitfield"),
        ("CASTELLANO", "Owen Castellano"),
        ("GOV. ELENA MARSH-PATEL", "Elena Marsh-Patel"),
    ]


def test_a_word_in_capitals_the_text_also_writes_in_lower_case_is_not_a_speaker() -> None:
    text = "Live\n\nUPDATE: Polls close.\n\nUPDATE: Counting begins, an update says."
    assert find_quotes(text).turns == ()


def test_briefing_labels_with_titles() -> None:
    text = (
        "Press Availability\n\nMODERATOR: Good afternoon.\n\n"
        "FOREIGN MINISTER TAMM: Thank you.\n\nSECRETARY HALVERSEN: Thank you, Minister.\n\n"
        "QUESTION: Is May a deadline?\n\nFOREIGN MINISTER TAMM: It is a target."
    )
    turns = find_quotes(text).turns
    assert [t.speaker for t in turns] == [None, "Tamm", "Halversen", None, "Tamm"]


def test_initials_written_against_the_surname() -> None:
    text = "Брифинг\n\nВ.В.Жданова: Добрый день.\n\nВопрос: Что дальше?\n\nВ.В.Жданова: Посмотрим."
    turns = find_quotes(text, "ru").turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("В.В.Жданова", "В.В. Жданова"),
        ("Вопрос", None),
        ("В.В.Жданова", "В.В. Жданова"),
    ]


def test_an_outlet_in_brackets_with_its_media_noun() -> None:
    text = "Брифинг\n\nВопрос (агентство «Северный экспресс»): Что дальше?\n\nА.Б.Орлов: Ничего."
    assert find_quotes(text, "ru").turns[0].speaker == "Северный экспресс"


def test_a_byline_is_not_a_turn_and_its_reporter_asks_the_questions() -> None:
    text = (
        "A conversation with glaciologist Ingrid Solheim\n\n"
        "Reporter: Priya Nandakumar\nPhotos: Tom Ellery\n\n"
        "Ingrid Solheim has spent three decades on the ice. Solheim says it is melting.\n\n"
        "Q: How did you start?\n\nA: By accident."
    )
    turns = find_quotes(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Q", "Priya Nandakumar"),
        ("A", "Ingrid Solheim"),
    ]


def test_an_interview_with_a_person_names_the_interviewee() -> None:
    text = (
        "An interview with Yelena Brisk\n\nInterview by Marcus Oyelaran\n\n"
        "Q: Do you remember your first win?\n\nA: Against my grandfather."
    )
    turns = find_quotes(text).turns
    assert [t.speaker for t in turns] == ["Marcus Oyelaran", "Yelena Brisk"]
