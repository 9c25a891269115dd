"""House styles met in wire copy, radio transcripts, UK courts and Russian agencies, written
here with made-up people: titles the finder cannot read as a whole before a name, a name's
noun use of a reporting verb, Q&A labels with full stops, radio labels in title case, a judge
called by role, and a role whose complement ends in a proper name."""

from __future__ import annotations

from quote_helpers import TITLE, only

from quotebook.quotes import find_quotes


def test_a_name_after_an_outlets_words_and_an_abbreviated_title() -> None:
    text = (
        TITLE + "WH Press Sec Peter Whitcombe went back to the cabin.\n\n"
        "“I wish you had asked first,” he added."
    )
    assert only(text).speaker == "Peter Whitcombe"


def test_a_bare_reporting_verb_after_the_and_a_name_is_a_noun() -> None:
    text = (
        TITLE + "Press aide Dale Whitcombe came back to answer the NPR report on the plan.\n\n"
        "“That is not true.”"
    )
    assert only(text).speaker == "Dale Whitcombe"


def test_a_show_title_with_a_pronoun_is_no_person() -> None:
    text = (
        TITLE + "Tom Askew: Today it is the Mayor Asks You.\n\n"
        "Mayor Tobias Renn: Good morning.\n\n"
        "Askew: You start.\n\n"
        "Mayor: You know the first one."
    )
    turns = find_quotes(text).turns
    assert turns[-1].speaker == "Tobias Renn"


def test_qa_labels_written_with_full_stops_are_turns() -> None:
    text = (
        TITLE + "Nora Vance spoke to the chemist Ivo Marek.\n\n"
        "Q. What went wrong in the lab?\n\n"
        "A. The cooling failed overnight.\n\n"
        "Q. Will you try again?\n\n"
        "A. Yes, in spring."
    )
    turns = find_quotes(text).turns
    assert [t.label for t in turns] == ["Q.", "A.", "Q.", "A."]
    assert text[turns[1].start :].startswith("The cooling failed")


def test_a_lone_initial_at_a_line_start_is_no_answer() -> None:
    text = TITLE + "A. Lincoln Reed wrote the letter.\n\nIt was read aloud."
    assert find_quotes(text).turns == ()


def test_radio_labels_in_title_case_with_a_particle_and_a_role() -> None:
    text = (
        TITLE + "Tom Askew: Welcome back to the show.\n\n"
        "Mayor Lena van Dorn: Thank you, Tom.\n\n"
        "Askew: Is the budget done?\n\n"
        "Mayor: Nearly. We vote next week."
    )
    turns = find_quotes(text).turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Tom Askew", "Tom Askew"),
        ("Mayor Lena van Dorn", "Lena van Dorn"),
        ("Askew", "Tom Askew"),
        ("Mayor", "Lena van Dorn"),
    ]


def test_a_title_case_role_label_needs_a_named_holder() -> None:
    text = TITLE + "Tom Askew: Welcome back.\n\nAnna Pell: Thanks.\n\nMayor: Hello."
    assert [t.label for t in find_quotes(text).turns] == ["Tom Askew", "Anna Pell"]


def test_the_judge_is_the_person_introduced_as_mr_justice() -> None:
    text = (
        TITLE + "Mr Justice Halloway last month quashed the decision.\n\n"
        "Council leader Bren Oduya said: “It is a mess for everyone.”\n\n"
        "The judge agreed that the cities were “not to blame for the muddle”."
    )
    found = find_quotes(text, "en-GB").quotes
    assert [q.speaker for q in found] == ["Bren Oduya", "Halloway"]


def test_a_russian_role_whose_complement_ends_in_a_country_is_no_name() -> None:
    text = (
        TITLE + "Министр иностранных дел Олег Варин прибыл в Каир.\n\n"
        "«Нам жаль эту историю», – сказал министр иностранных дел Северии во время встречи."
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_russian_role_whose_complement_ends_in_an_acronym_is_no_name() -> None:
    text = (
        TITLE + "Олег Варин прибыл в Каир.\n\n"
        "«Просьба: не перебивайте», — сказал глава северского МИД."
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_the_head_of_an_acronym_is_a_role() -> None:
    text = TITLE + 'Director Jim Rafferty spoke. "We are done," said the head of the NCA.'
    assert only(text).speaker == "Jim Rafferty"


def test_a_spokesman_for_an_organisation_is_unnamed() -> None:
    text = TITLE + "A spokesman for Rendle Police said: “A call came in at noon.”"
    assert only(text).speaker is None


def test_a_spokeswoman_for_a_named_person_is_not_that_person() -> None:
    text = (
        TITLE + "Mayor Ann Tolley spoke first.\n\n"
        "A spokeswoman for Mayor Tolley said: “We will look at it.”"
    )
    assert only(text).speaker is None


def test_a_spokeswoman_for_an_organisation_after_the_quote_attributes_it() -> None:
    found = only(TITLE + "“We act,” a spokeswoman for Rendle County Council said.")
    assert (found.kind, found.speaker) == ("direct", None)


def test_a_short_question_asked_twice_is_no_term() -> None:
    text = (
        TITLE + "Олег Варин спросил журналиста: «Вам разрешили прийти?»\n\n"
        "Журналист промолчал. Тогда министр повторил: «Вам разрешили прийти?»"
    )
    found = find_quotes(text, "ru").quotes
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Олег Варин")] * 2


def test_epithets_set_off_as_sentences_are_partial() -> None:
    text = (
        TITLE + "Governor Amos Redd spoke at the fair. What does he call his rivals? "
        "“Lazy Lou.” “Crooked Kate.” Every time."
    )
    found = find_quotes(text).quotes
    assert [q.kind for q in found] == ["partial", "partial"]


def test_lower_case_words_after_a_media_noun_are_no_title() -> None:
    text = (
        TITLE + "Mayor Ann Tolley commented on her feud, saying she would not do the outlet "
        "“any favors” this year."
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("partial", "Ann Tolley")


def test_an_agency_carrying_her_words_gives_her_the_quote() -> None:
    text = (
        TITLE + "Об этом заявила Анна Ветрова.\n"
        "«Мы опубликуем интервью завтра», — приводит агентство её слова."
    )
    assert only(text, "ru").speaker == "Анна Ветрова"


def test_an_agency_carrying_a_named_persons_words() -> None:
    text = (
        TITLE + "Об этом заявил Олег Варин.\n«Мы опубликуем интервью завтра», — приводит слова "
        "Варина ТАСС."
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_russian_surname_before_a_negated_verb_is_the_clause_subject() -> None:
    text = (
        TITLE + "Борзов не стал говорить об условиях сделки, отметив лишь, что «она устраивает "
        "стороны»."
    )
    found = only(text, "ru")
    assert (found.kind, found.speaker) == ("partial", "Борзов")


def test_coordinated_verbs_before_a_colon_share_the_clauses_subject() -> None:
    text = (
        TITLE + "На записи видно, как Варин подошёл к журналистам и поинтересовался: "
        "«Куда все делись?». В ответ они промолчали."
    )
    assert only(text, "ru").speaker == "Варин"


def test_a_question_put_with_a_speech_noun_is_the_subjects() -> None:
    text = (
        TITLE + "Министр иностранных дел Северии Олег Варин обратился к корреспонденту "
        "телеканала с вопросом «вам разрешили прийти сюда?». Об этом сообщает радио."
    )
    found = only(text, "ru")
    assert (found.kind, found.speaker) == ("partial", "Олег Варин")


def test_a_relative_clause_between_dashes_does_not_hide_the_subject() -> None:
    text = (
        TITLE + "Another witness, Kris Pellow, was there.\n\n"
        "Mr Pellow – who was handing in a petition – estimated there were ten officers "
        "with “long rifles” around the man."
    )
    found = only(text, "en-GB")
    assert (found.kind, found.speaker) == ("partial", "Kris Pellow")
