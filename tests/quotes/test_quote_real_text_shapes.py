"""Attribution shapes met in real news and government pages, each written here with made-up
people: a colon after a sentence about a person, a lone party letter, contractions that are
not names."""

from __future__ import annotations

from quote_helpers import TITLE, only, quotes


def test_a_colon_after_a_sentence_about_a_person_introduces_their_words() -> None:
    text = (
        TITLE + "Governor Hal Brandt sent these words about the school bill:\n\n"
        "“This bill puts families first.”"
    )
    assert only(text).speaker == "Hal Brandt"


def test_a_colon_after_a_dateline_and_a_titled_name() -> None:
    text = (
        TITLE + "SALEM – Senate Leader Ada Quinlan (R-Ore.) gave this short speech in the "
        "chamber:\n\n“We are not done with this bill.”"
    )
    assert only(text).speaker == "Ada Quinlan"


def test_a_colon_in_the_same_sentence_after_a_person_without_a_reporting_verb() -> None:
    text = TITLE + 'Bank chief Oskar Lindqvist has one goal this year: "Lower fees for everyone."'
    assert only(text).speaker == "Oskar Lindqvist"


def test_a_colon_after_a_sentence_about_a_thing_gives_no_speaker() -> None:
    text = TITLE + 'The motto of the fair is simple: "Come as you are."'
    assert only(text).speaker is None


def test_a_lone_party_letter_is_not_a_name() -> None:
    text = (
        TITLE + "Rep. Cal Whitby (R-Idaho) said the drive to remove Gov. Nora Penn (D) from "
        "office shows a “double standard” at work."
    )
    assert only(text).speaker == "Cal Whitby"


def test_a_district_number_in_a_party_tag_is_blanked_too() -> None:
    text = TITLE + "“We will fix it,” said Rep. Lia Moreno (D-CA-20)."
    assert only(text).speaker == "Lia Moreno"


def test_a_capitalised_contraction_is_not_a_person() -> None:
    text = (
        TITLE + "We'll say it: the headline went too far.\n\n"
        "The “Cops close in” kicker, printed below it, was worse."
    )
    assert all(q.speaker != "We'll" for q in quotes(text))


def test_names_on_a_byline_are_not_who_a_pronoun_stands_for() -> None:
    text = (
        TITLE + "By Owen Hartley and Nathan Pryce\n\n"
        "Rep. Derrick Salas (D-Wis.) lambasted the plan.\n\n"
        "“It is a gift to nobody,” he said."
    )
    assert only(text).speaker == "Derrick Salas"


def test_an_abbreviated_title_vouches_for_a_name_without_a_reporting_verb() -> None:
    text = (
        TITLE + "Sen. Ulrich Tamm (R-Ohio) walked out of the hearing.\n\n"
        "“I have heard enough,” he said."
    )
    assert only(text).speaker == "Ulrich Tamm"


def test_a_pronoun_after_a_sentence_led_by_a_role_is_the_role_holder() -> None:
    text = (
        TITLE + "President Halvard Moe spoke for ten minutes on Monday.\n\n"
        "The President noted that he had phoned Director Fenn, Governor Lisle and Mayor Dorsey. "
        "“They are all working together,” he said."
    )
    assert only(text).speaker == "Halvard Moe"


def test_a_pronoun_after_a_sentence_led_by_a_name_is_still_that_name() -> None:
    text = (
        TITLE + "Governor Ada Lisle said she had called Director Fenn. "
        "“We are working together,” she said."
    )
    assert only(text).speaker == "Ada Lisle"


def test_an_ly_adverb_between_the_name_and_the_verb() -> None:
    text = TITLE + "“They ignore the rules,” Rep. Walsh exclusively told the Ledger."
    assert only(text).speaker == "Walsh"


def test_a_surname_that_is_also_a_title_after_a_given_name() -> None:
    text = (
        TITLE + "Rep. Steve Bishop gave the Ledger an interview. "
        "“We will win this,” Rep. Bishop angrily told reporters."
    )
    assert only(text).speaker == "Steve Bishop"


def test_common_american_given_names_make_a_person() -> None:
    text = (
        TITLE + "Mike Darrow and Derrick Olund met on Friday. "
        "“It went well,” Olund said afterwards."
    )
    assert only(text).speaker == "Derrick Olund"


def test_a_quote_a_noun_after_it_names_is_a_scare_quote() -> None:
    text = TITLE + "The town’s “bikes for books” program opened last week."
    assert only(text).kind == "scare"


def test_a_headline_quoted_with_its_noun_after_it_is_a_scare_quote() -> None:
    text = TITLE + 'The "MAYOR ON THE RUN" headline and the "Cops close in" kicker went too far.'
    assert [q.kind for q in quotes(text)] == ["scare", "scare"]


def test_a_quote_before_a_verb_is_not_named_by_it() -> None:
    text = TITLE + "Attorney Lena Holt said that the flyer “clearly and wrongly” implies support."
    assert only(text).kind == "partial"


def test_headlines_such_as_introduce_titles() -> None:
    text = TITLE + 'Blogs ran headlines such as: "Is The Mayor Hiding Something?"'
    assert only(text).kind == "scare"


def test_a_name_someone_gave_is_partial_even_in_title_case() -> None:
    text = TITLE + "Sen. Ida Marsh coined a label she called “The Band of 40,” a wink at voters."
    quote = only(text)
    assert (quote.kind, quote.speaker) == ("partial", "Ida Marsh")


def test_terming_something_quotes_a_word_of_the_speaker() -> None:
    text = TITLE + "Mayor Olga Brandt answered on Monday, terming the report “absurd.”"
    quote = only(text)
    assert (quote.kind, quote.speaker) == ("partial", "Olga Brandt")


def test_a_russian_participle_clause_takes_the_speaker_of_its_sentence() -> None:
    text = (
        TITLE + "«Мы изучим это», – заявил Кравцов, подчеркнув, что к слухам в ведомстве "
        "относятся «очень осторожно»."
    )
    found = [(q.kind, q.speaker) for q in quotes(text, "ru")]
    assert found == [("direct", "Кравцов"), ("partial", "Кравцов")]


def test_russian_imperfect_and_opinion_verbs_report_partial_quotes() -> None:
    text = (
        TITLE + "Советник Олег Мартов ранее говорил, что город не станет вступать в "
        "«долгие торги». Помощник Иван Луков посчитал, что «такой путь заведёт в тупик»."
    )
    found = [(q.kind, q.speaker) for q in quotes(text, "ru")]
    assert found == [("partial", "Олег Мартов"), ("partial", "Иван Луков")]


def test_a_role_with_its_complement_is_the_role() -> None:
    text = (
        TITLE + "Официальный представитель Кремля Павел Дронов опроверг слухи о визите. "
        "«Снова мимо», — заметил пресс-секретарь главы государства."
    )
    assert only(text, "ru").speaker == "Павел Дронов"


def test_a_role_written_just_before_a_name_finds_that_person_later() -> None:
    text = (
        TITLE + "Министр иностранных дел Северии Олег Варин пошутил на пресс-конференции.\n\n"
        "Официальный представитель МИД Ольга Ланская дала журналистам задать Варину вопрос. "
        '"Вас сюда пустили без пропуска?" - спросил министр.'
    )
    assert only(text, "ru").speaker == "Олег Варин"


def test_a_role_is_not_the_person_named_after_it_in_its_own_sentence() -> None:
    text = (
        TITLE + "President Halvard Moe spoke on Monday.\n\n"
        "The President noted that he had met Director Fenn. Later the President told "
        "reporters, “Let the inspectors finish their work.”"
    )
    assert only(text).speaker == "Halvard Moe"


def test_backticks_open_an_archive_quote_closed_by_two_apostrophes() -> None:
    text = TITLE + "``We will rebuild the pier,'' said Mayor Ada Brook."
    quote = only(text)
    assert (quote.text, quote.speaker) == ("We will rebuild the pier,", "Ada Brook")


def test_a_name_on_the_line_below_a_quote_paragraph_credits_it() -> None:
    text = (
        TITLE + "``The council acted quickly. I support it.''\n\n"
        "Vice Mayor Tom Ellery\n\n"
        "``I still have questions about the cost.''\n\n"
        "Councilwoman Rita Vance"
    )
    assert [q.speaker for q in quotes(text)] == ["Tom Ellery", "Rita Vance"]


def test_a_sentence_below_a_quote_paragraph_is_no_credit() -> None:
    text = TITLE + "“The council acted quickly.”\n\nResidents Gathered Outside The Hall Later"
    assert only(text).speaker is None


def test_somebody_shouting_is_nobody_named() -> None:
    text = (
        "Interview transcript\n\nREPORTER: Did you hear it?\n\n"
        "MAYOR DORSEY: Maybe somebody at the back yelled, “Wave to them,” but I missed it.\n\n"
        "REPORTER: Thank you."
    )
    assert only(text).speaker is None


def test_a_headline_led_by_a_person_and_a_colon_quotes_that_person() -> None:
    text = (
        "Quinlan: Late Session Proves Budget Is “Messier Than Anyone Expected”\n\n"
        "Senate Leader Ada Quinlan spoke on the floor on Friday evening."
    )
    quote = only(text)
    assert (quote.kind, quote.speaker) == ("partial", "Ada Quinlan")


def test_a_headline_led_by_a_thing_and_a_colon_gives_no_speaker() -> None:
    text = "Budget: Council Backs “Fair Share” Plan\n\nThe council met on Friday."
    assert only(text).speaker is None


def test_a_sentence_adverb_before_the_subject_is_not_a_name() -> None:
    text = (
        TITLE + "Sen. Ivo Marek published an essay on Friday. Oddly, Marek announced the plan "
        "again on Monday, saying he would target a “little known” clause."
    )
    assert only(text).speaker == "Ivo Marek"


def test_a_name_and_a_description_between_commas_before_the_verb() -> None:
    text = (
        TITLE + "“We thank our drivers,” Dana Pruett, the bakery’s spokeswoman, told the "
        "Ledger by email on Thursday."
    )
    assert only(text).speaker == "Dana Pruett"


def test_the_nominee_is_the_person_named_before() -> None:
    text = (
        TITLE + "Candidate Gary Kimball was asked on Wednesday why he changed course.\n\n"
        "“I wanted to move on and talk about jobs,” the GOP nominee answered."
    )
    assert only(text).speaker == "Gary Kimball"
