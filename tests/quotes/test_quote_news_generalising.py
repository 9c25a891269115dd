"""Shapes from news the finder had not been written for, with made-up people: a negated modal
that still reports someone's position, a possessive that ends a name ("Vance’s White House"),
colon introductions whose subject opens the line, and short quoted names that are no one's words."""

from __future__ import annotations

from quote_helpers import TITLE, only

from quotebook.quotes import find_quotes


def test_couldnt_state_that_passes_its_subject_to_the_quote_paragraphs_after() -> None:
    text = (
        TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
        "Oberlin couldn't categorically state that the plan was dead.\n\n"
        "“I don't know what is out there, but I know there is no plan.”\n\n"
        "“It is not a city document.”"
    )
    quotes = find_quotes(text).quotes
    assert [q.speaker for q in quotes] == ["Lena Oberlin", "Lena Oberlin"]


def test_could_not_and_would_not_with_a_that_clause_report_too() -> None:
    for verb in ("could not state", "would not confirm", "can’t say"):
        text = (
            TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
            f"Oberlin {verb} that the plan was dead.\n\n"
            "“I don't know what is out there.”"
        )
        assert only(text).speaker == "Lena Oberlin", verb


def test_a_modal_without_negation_is_still_no_report() -> None:
    text = (
        TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
        "Oberlin will state that the plan is dead next week.\n\n"
        "“I don't know what is out there.”"
    )
    assert only(text).speaker is None


def test_a_possessive_ends_a_name_before_a_capitalised_noun() -> None:
    text = (
        TITLE + "The archive holds no tapes from President Ada Vance’s White House.\n\n"
        "The reply comes as Vance has been coy about talks with former police chief Tom Reed.\n\n"
        "Vance raised the idea last month after firing Reed. He told reporters last week that "
        "he would discuss it “in the very near future.”"
    )
    assert only(text).speaker == "Ada Vance"


def test_a_colon_line_that_opens_with_a_person_gives_that_persons_words() -> None:
    text = (
        TITLE + "Some quotes from Saturday:\n\n"
        'Tom Harlan upset with Kenton coaching: "We have got to do a better job coaching."\n\n'
        'Rob Dane on beating his brother, Mark: "It is a rotten place to be."\n\n'
        'Coach Ed Vance on Mark Tilley: "He is the best we have."\n'
    )
    quotes = find_quotes(text).quotes
    assert [q.speaker for q in quotes] == ["Tom Harlan", "Rob Dane", "Ed Vance"]


def test_the_name_right_before_the_colon_still_speaks_after_a_verb() -> None:
    text = TITLE + 'Quoting Ravens head coach Dale Moss: "We had not shown that play."\n'
    assert only(text).speaker == "Dale Moss"


def test_a_capitalised_name_in_marks_inside_a_russian_sentence_is_scare() -> None:
    text = (
        "Заголовок\n\n"
        "В Кремле не уверены в сообщениях о докапитализации северского «Бета-банка». "
        "Силин пишет об этом в статье, опубликованной в интернет-издании «Вечерний журнал». "
        "Силин назвал сумму «оскорбительной»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [(q.text, q.kind) for q in quotes] == [
        ("Бета-банка", "scare"),
        ("Вечерний журнал", "scare"),
        ("оскорбительной", "partial"),
    ]


def test_a_sentence_adverb_before_a_pronoun_is_no_speaker() -> None:
    text = (
        "Заголовок\n\n"
        "Директор Павел Силин заявил, что переговоры «возможно» ведутся. Впрочем, он "
        "отрицает, что издание продано, и называет сумму «оскорбительной»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [q.speaker for q in quotes] == ["Павел Силин", "Павел Силин"]


def test_yakoby_before_the_marks_is_the_reporters_doubt() -> None:
    text = (
        "Заголовок\n\n"
        "Министр Олег Варин отметил, что Северия делала заявления о якобы «вмешательстве» "
        "в свои выборы, и назвал это «манерами»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("scare", None), ("partial", "Олег Варин")]


def test_a_role_nobody_held_before_goes_to_the_holder_named_just_after() -> None:
    text = (
        TITLE + 'The mayor vowed Tuesday that residents will build "a brand-new town."\n\n'
        '"We are making progress," Mayor Lonnie Hart told reporters.\n'
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Lonnie Hart"),
        ("direct", "Lonnie Hart"),
    ]


def test_a_role_held_by_nobody_close_after_stays_unresolved() -> None:
    filler = "The storm cut power to the valley for two days. " * 20
    text = (
        TITLE + 'The mayor vowed Tuesday that residents will build "a brand-new town."\n\n'
        f"{filler}\n\n"
        '"We are making progress," Mayor Lonnie Hart told reporters.\n'
    )
    assert find_quotes(text).quotes[0].speaker is None


def test_an_aside_between_pairs_of_hyphens_after_a_dateline_keeps_the_subject() -> None:
    text = (
        TITLE + "GREENVALE, Kansas -- The mayor of this small town -- razed by a storm that "
        'killed ten people -- vowed Tuesday that its residents will build "a brand-new town."'
        "\n\n"
        '"We are making progress, and it is going to get better," Mayor Lonnie Hart said.\n'
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Lonnie Hart"),
        ("direct", "Lonnie Hart"),
    ]


def test_an_aside_between_dashes_before_the_verb_keeps_the_named_subject() -> None:
    text = TITLE + "Mayor Lena Hart – back from a week away – said the town needs “a new centre.”"
    assert only(text).speaker == "Lena Hart"


def test_a_phrase_in_a_sentence_that_ends_on_its_speaker_is_partial_and_theirs() -> None:
    text = (
        TITLE + "Police told staff to leave the newsroom after Tom Reed, the managing editor, "
        "opened an envelope and a “puff of powder” came out of it, Harbour spokeswoman "
        "Jolie Hunt said.\n\n"
        "The envelope also held “a folded note”, said Jolie Hunt.\n"
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Jolie Hunt"),
        ("partial", "Jolie Hunt"),
    ]


def test_a_speaker_before_the_phrase_wins_over_an_outlet_that_closes_the_sentence() -> None:
    text = (
        TITLE + "Mayor Lena Hart said the plan was “ready to go” after the vote, the Harbour "
        "Times reported.\n"
    )
    assert only(text).speaker == "Lena Hart"


def test_otreagiroval_after_a_quote_reports_it() -> None:
    text = (
        "Заголовок\n\n"
        "Корреспонденты спросили Олега Варина, видел ли он заявление.\n"
        '"Нет. Не видели", - лаконично отреагировал Варин.\n'
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_po_slovam_with_a_name_in_the_genitive_gives_the_nominative() -> None:
    text = "Заголовок\n\nПо словам Олега Варина, «мы думали об этом годами».\n"
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_headline_quote_after_a_role_and_a_colon_is_direct_and_the_holders() -> None:
    text = (
        "Greenvale Mayor: ‘We Haven’t Quite Started Rebuilding Yet’\n\n"
        "Record rain flooded parts of five states on Sunday.\n\n"
        "Mayor Lonnie Hart told reporters the town would need a year.\n"
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("direct", "Lonnie Hart")


def test_a_title_case_slogan_nobody_reports_stays_scare() -> None:
    text = TITLE + "The slogan is: “A Bright New Harbour Town.”"
    assert only(text).kind == "scare"


def test_a_role_does_not_go_to_the_journalist_who_reported_the_words() -> None:
    text = (
        "Заголовок\n\n"
        "Министр иностранных дел Северии Олег Варин в ходе пресс-конференции обратился к "
        "одному из корреспондентов. Об этом сообщил журналист Павел Силин в своем канале.\n\n"
        "«Убедительная просьба: не давать интервью, пока мы отвечаем на вопросы», — сказал "
        "глава северского МИД.\n"
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_spokesman_brought_in_unnamed_is_the_spokesman_named_next() -> None:
    text = (
        TITLE + "A spokesman says the mayor's belief is based on “studies and evidence.”\n\n"
        "But spokesman Sean Vale did not provide examples of that evidence.\n"
    )
    assert only(text).speaker == "Sean Vale"


def test_an_unnamed_spokesman_stays_unnamed_when_someone_else_is_named_next() -> None:
    text = (
        TITLE + "A spokesman for the harbour police said: “Two replica guns were recovered.”\n\n"
        "Chief Constable Tess Ward said she had been kept informed.\n"
    )
    assert only(text).speaker is None


def test_ayatollah_is_a_title_before_a_name() -> None:
    text = (
        TITLE + "Ayatollah Ahmad Varani leads the council.\n\n"
        "“We will not go,” Ayatollah Varani said.\n"
    )
    assert only(text).speaker == "Ahmad Varani"


def test_a_text_that_states_that_gives_a_partial_quote_with_no_speaker() -> None:
    text = (
        TITLE + "Article 12 of the charter states that the board “is responsible for "
        "supervising the elections.”"
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("partial", None)


def test_a_plural_noun_before_reports_that_is_still_no_verb_without_that() -> None:
    text = TITLE + "The federal reports show the board is “responsible for everything.”"
    assert only(text).kind == "scare"


def test_i_and_a_verb_before_a_quote_in_a_turn_is_the_turns_speaker() -> None:
    text = (
        "Podcast\n\nTOBIN: So, Kathy.\n\nKATHY: Tobin.\n\n"
        "TOBIN: Our guest is producer Molly Vance!\n\nMOLLY: Hello, hello.\n\n"
        "KATHY: What is this series about?\n\n"
        'MOLLY: Someone said to me on the phone, "They are magic" and then I thought, '
        '"I am going to go and see." I did.\n\n'
        "TOBIN: Hmm.\n"
    )
    quotes = find_quotes(text).quotes
    assert [q.speaker for q in quotes] == [None, "Molly Vance"]


def test_a_role_with_nobody_named_before_is_the_speaker_the_next_sentence_names() -> None:
    text = (
        "Заголовок\n\n"
        "Он заявил, что Северии жаль соседей.\n"
        "«Нам жаль историю, которая рушится на глазах», – сказал министр иностранных дел "
        "Северии во время встречи в Каире.\n"
        "Олег Варин, отметил, что попытки поссорить страны не увенчались успехом.\n"
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_role_named_before_keeps_its_holder_over_a_speaker_after() -> None:
    text = (
        TITLE + "Foreign Minister Ola Brandt met envoys in Cairo.\n\n"
        "“We regret the history that collapses before us,” the minister said.\n\n"
        "Tom Reed said the talks would go on.\n"
    )
    assert find_quotes(text).quotes[0].speaker == "Ola Brandt"


def test_as_an_outlet_writes_the_words_are_the_main_clauses_subjects() -> None:
    text = (
        "Заголовок\n\n"
        "Об этом в эфире сообщила ведущая Евгения Берг. Как пишет газета «Северные вести» "
        "(распечатка эфира пока не выложена), журналистка ссылалась на два «совершенно "
        "надежных» источника.\n"
    )
    quotes = find_quotes(text, "ru").quotes
    assert (quotes[-1].text, quotes[-1].speaker) == ("совершенно надежных", "Евгения Берг")


def test_a_female_name_that_is_also_a_mans_genitive_reads_by_the_surname() -> None:
    text = (
        "Заголовок\n\n"
        "По словам Александра Новака, «рынок стабилен». Евгения Альбац заявила, что "
        "«сделка не закрыта»."
    )
    assert [q.speaker for q in find_quotes(text, "ru").quotes] == [
        "Александр Новак",
        "Евгения Альбац",
    ]


def test_a_role_goes_to_a_lone_surname_that_acted_before_not_the_journalist() -> None:
    text = (
        "Заголовок\n\n"
        "Видео опубликовал журналист Павел Силин в своем канале.\n"
        "На записи видно, как Варенцов подошёл к журналистам. Те объяснили, что все ушли.\n"
        "«А зачем же я тогда к вам пришёл?» — с улыбкой заметил министр.\n"
    )
    assert only(text, "ru").speaker == "Варенцов"
