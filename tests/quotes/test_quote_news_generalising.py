"""Shapes from news the finder had not been written for, with made-up people: a negated modal
that still reports someone's position, a possessive that ends a name ("Vance’s Summer House"),
colon introductions whose subject opens the line, and short quoted names that are no one's words."""

from __future__ import annotations

from quote_helpers import TITLE, only

from quotebook.quotes import find_quotes


def test_couldnt_state_that_passes_its_subject_to_the_quote_paragraphs_after() -> None:
    text = (
        TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
        "Oberlin couldn't categorically state that the plan was dead.\n\n"
        "“Nobody has shown me such a paper, and the council never drew one up.”\n\n"
        "“The council never wrote it.”"
    )
    quotes = find_quotes(text).quotes
    assert [q.speaker for q in quotes] == ["Lena Oberlin", "Lena Oberlin"]


def test_could_not_and_would_not_with_a_that_clause_report_too() -> None:
    for verb in ("could not state", "would not confirm", "can’t say"):
        text = (
            TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
            f"Oberlin {verb} that the plan was dead.\n\n"
            "“Nobody has shown me such a paper.”"
        )
        assert only(text).speaker == "Lena Oberlin", verb


def test_a_modal_without_negation_is_still_no_report() -> None:
    text = (
        TITLE + "Mayor Lena Oberlin said on Monday that the talks went on.\n\n"
        "Oberlin will state that the plan is dead next week.\n\n"
        "“Nobody has shown me such a paper.”"
    )
    assert only(text).speaker is None


def test_a_possessive_ends_a_name_before_a_capitalised_noun() -> None:
    text = (
        TITLE + "The library keeps no letters from President Owen Vance’s Summer House.\n\n"
        "The reply comes as Vance keeps quiet about his talks with the former harbour master "
        "Tom Rudd.\n\n"
        "Vance brought the letters up in May after dismissing Rudd. He told reporters on Friday "
        "that he would publish them “once the audit ends.”"
    )
    assert only(text).speaker == "Owen Vance"


def test_a_colon_line_that_opens_with_a_person_gives_that_persons_words() -> None:
    text = (
        TITLE + "Some quotes from Saturday:\n\n"
        'Tom Harlan upset with Kenton coaching: "Our blocking let us down all night."\n\n'
        'Rob Dane on beating his brother, Mark: "Beating family never feels right."\n\n'
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
        "В правительстве Северии не подтвердили слухи о продаже «Бета-кредита». "
        "Силин пишет об этом в статье, опубликованной в интернет-издании «Вечерний журнал». "
        "Силин назвал цену «смешной»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [(q.text, q.kind) for q in quotes] == [
        ("Бета-кредита", "scare"),
        ("Вечерний журнал", "scare"),
        ("смешной", "partial"),
    ]


def test_a_sentence_adverb_before_a_pronoun_is_no_speaker() -> None:
    text = (
        "Заголовок\n\n"
        "Директор Павел Силин заявил, что работы «почти» закончены. Впрочем, он "
        "отрицает, что завод продан, и называет слухи «нелепыми»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [q.speaker for q in quotes] == ["Павел Силин", "Павел Силин"]


def test_yakoby_before_the_marks_is_the_reporters_doubt() -> None:
    text = (
        "Заголовок\n\n"
        "Министр Олег Варин отметил, что соседи писали о якобы «угрозе» своим портам, "
        "и назвал это «привычкой»."
    )
    quotes = find_quotes(text, "ru").quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("scare", None), ("partial", "Олег Варин")]


def test_a_role_nobody_held_before_goes_to_the_holder_named_just_after() -> None:
    text = (
        TITLE + 'The mayor vowed Tuesday that its people will rebuild "every school by spring."\n\n'
        '"We have cleared the main road," Mayor Wade Hart told reporters.\n'
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Wade Hart"),
        ("direct", "Wade Hart"),
    ]


def test_a_role_held_by_nobody_close_after_stays_unresolved() -> None:
    filler = "The surge cut power to the coast for two days. " * 20
    text = (
        TITLE + 'The mayor vowed Tuesday that its people will rebuild "every school by spring."\n\n'
        f"{filler}\n\n"
        '"We have cleared the main road," Mayor Wade Hart told reporters.\n'
    )
    assert find_quotes(text).quotes[0].speaker is None


def test_an_aside_between_pairs_of_hyphens_after_a_dateline_keeps_the_subject() -> None:
    text = (
        TITLE + "PORTHAVEN, Maine -- The mayor of this fishing town -- flooded by a surge that "
        "swept away two piers -- vowed Tuesday that its people will rebuild "
        '"every school by spring."'
        "\n\n"
        '"We have cleared the main road, and the rest will follow," Mayor Wade Hart said.\n'
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Wade Hart"),
        ("direct", "Wade Hart"),
    ]


def test_an_aside_between_dashes_before_the_verb_keeps_the_named_subject() -> None:
    text = TITLE + "Mayor Lena Hart – back from a week away – said the town needs “a new centre.”"
    assert only(text).speaker == "Lena Hart"


def test_a_phrase_in_a_sentence_that_ends_on_its_speaker_is_partial_and_theirs() -> None:
    text = (
        TITLE + "Guards cleared the depot after Tom Rudd, the night manager, opened a crate "
        "and a “cloud of dust” rose from it, Harbour spokeswoman Greta Lund said.\n\n"
        "The crate also held “a rusted key”, said Greta Lund.\n"
    )
    quotes = find_quotes(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Greta Lund"),
        ("partial", "Greta Lund"),
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
        "Корреспонденты спросили Олега Варина, читал ли он письмо.\n"
        '"Нет. Не читал", - лаконично отреагировал Варин.\n'
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_po_slovam_with_a_name_in_the_genitive_gives_the_nominative() -> None:
    text = "Заголовок\n\nПо словам Олега Варина, «мы думали об этом годами».\n"
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_headline_quote_after_a_role_and_a_colon_is_direct_and_the_holders() -> None:
    text = (
        "Porthaven Mayor: ‘We Will Rebuild The Piers First’\n\n"
        "A storm surge hit the coast on Sunday.\n\n"
        "Mayor Wade Hart told reporters the town would need a year.\n"
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("direct", "Wade Hart")


def test_a_title_case_slogan_nobody_reports_stays_scare() -> None:
    text = TITLE + "The slogan is: “A Bright New Harbour Town.”"
    assert only(text).kind == "scare"


def test_a_role_does_not_go_to_the_journalist_who_reported_the_words() -> None:
    text = (
        "Заголовок\n\n"
        "Министр иностранных дел Северии Олег Варин в ходе пресс-конференции обратился к "
        "одному из корреспондентов. Об этом написал журналист Павел Силин у себя в блоге.\n\n"
        "«Прошу вас: не перебивайте, пока мы отвечаем», — сказал "
        "глава северского МИД.\n"
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_spokesman_brought_in_unnamed_is_the_spokesman_named_next() -> None:
    text = (
        TITLE + "A spokesman says the mayor's plan rests on “surveys and field notes.”\n\n"
        "But spokesman Rhys Vale did not name any of those surveys.\n"
    )
    assert only(text).speaker == "Rhys Vale"


def test_an_unnamed_spokesman_stays_unnamed_when_someone_else_is_named_next() -> None:
    text = (
        TITLE + "A spokesman for the harbour police said: “The van was towed away.”\n\n"
        "Chief Constable Tess Ward said she had been briefed.\n"
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
        TITLE + "Article 12 of the charter states that the board “keeps the register of members.”"
    )
    found = only(text)
    assert (found.kind, found.speaker) == ("partial", None)


def test_a_plural_noun_before_reports_that_is_still_no_verb_without_that() -> None:
    text = TITLE + "The federal reports show the board is “responsible for everything.”"
    assert only(text).kind == "scare"


def test_i_and_a_verb_before_a_quote_in_a_turn_is_the_turns_speaker() -> None:
    text = (
        "Podcast\n\nRONAN: So, Nell.\n\nNELL: Ronan.\n\n"
        "RONAN: Our guest is producer Nora Vance!\n\nNORA: Hello, hello.\n\n"
        "NELL: What is this series about?\n\n"
        'NORA: Someone said to me on the phone, "Tides are clocks" and then I thought, '
        '"I am going to go and see." I did.\n\n'
        "RONAN: Hmm.\n"
    )
    quotes = find_quotes(text).quotes
    assert [q.speaker for q in quotes] == [None, "Nora Vance"]


def test_a_role_with_nobody_named_before_is_the_speaker_the_next_sentence_names() -> None:
    text = (
        "Заголовок\n\n"
        "Он заявил, что Северия ценит соседей.\n"
        "«Мы сожалеем о дружбе, которую рушат на глазах», – сказал министр иностранных дел "
        "Северии во время встречи в Каире.\n"
        "Олег Варин, отметил, что переговоры продолжатся весной.\n"
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_role_named_before_keeps_its_holder_over_a_speaker_after() -> None:
    text = (
        TITLE + "Foreign Minister Ola Brandt met envoys in Cairo.\n\n"
        "“We want the talks to go on,” the minister said.\n\n"
        "Tom Rudd said the talks would resume.\n"
    )
    assert find_quotes(text).quotes[0].speaker == "Ola Brandt"


def test_as_an_outlet_writes_the_words_are_the_main_clauses_subjects() -> None:
    text = (
        "Заголовок\n\n"
        "Об этом в эфире сообщила ведущая Евгения Берг. Как пишет газета «Северные вести» "
        "(запись эфира ещё не опубликована), журналистка ссылалась на два «вполне "
        "достоверных» источника.\n"
    )
    quotes = find_quotes(text, "ru").quotes
    assert (quotes[-1].text, quotes[-1].speaker) == ("вполне достоверных", "Евгения Берг")


def test_a_female_name_that_is_also_a_mans_genitive_reads_by_the_surname() -> None:
    text = (
        "Заголовок\n\n"
        "По словам Александра Зорина, «рынок стабилен». Евгения Гирш заявила, что "
        "«сделка не закрыта»."
    )
    assert [q.speaker for q in find_quotes(text, "ru").quotes] == [
        "Александр Зорин",
        "Евгения Гирш",
    ]


def test_a_role_goes_to_a_lone_surname_that_acted_before_not_the_journalist() -> None:
    text = (
        "Заголовок\n\n"
        "Запись выложил журналист Павел Силин у себя в блоге.\n"
        "На записи Варенцов подошёл к репортёрам. Те ответили, что коллеги уехали.\n"
        "«Так зачем я сюда приехал?» — с улыбкой заметил министр.\n"
    )
    assert only(text, "ru").speaker == "Варенцов"
