"""Russian news shapes: the attribution set inside the marks, roles in their case forms and
set phrases ("главы государства", "представитель Кремля"), quoting verbs whose object speaks,
a title with its complement before a name, and a lone role after another phrase's name."""

from __future__ import annotations

import pytest
from quote_helpers import TITLE, only, quotes


@pytest.mark.parametrize(
    "quote",
    [
        "«Мы готовы к диалогу, — сказал глава государства. — Но не на любых условиях»",
        '"Мы готовы к диалогу, - сказал глава государства во вторник на встрече в Туле. - '
        'Но не на любых условиях"',
        "«Мы готовы к диалогу! — подчеркнул глава государства. — Но не на любых условиях»",
    ],
)
def test_an_attribution_between_dashes_inside_the_marks(quote: str) -> None:
    text = TITLE + f"Президент Олег Ранцев провёл совещание с мэром Игорем Колосовым.\n{quote}."
    found = only(text, "ru")
    assert (found.kind, found.speaker) == ("direct", "Олег Ранцев")


def test_a_dash_inside_a_quote_without_a_verb_after_it_is_no_attribution() -> None:
    text = TITLE + "«Мы готовы — и это главное, — сказала Анна Берг. — Ждём ответа»."
    assert only(text, "ru").speaker == "Анна Берг"


def test_a_role_in_a_case_form_finds_its_holder() -> None:
    text = TITLE + (
        "Министр спорта Олег Рябов посетил сборы. С ним приехал мэр Игорь Колосов.\n"
        '"Команда готова к стартам", - цитирует министра ведомство.'
    )
    assert only(text, "ru").speaker == "Олег Рябов"


@pytest.mark.parametrize(
    ("introduction", "attribution", "speaker"),
    [
        (
            "Президент Олег Ранцев выступил в Сочи. Его встретил мэр Игорь Колосов.",
            "По словам главы государства, «переговоры возможны».",
            "Олег Ранцев",
        ),
        (
            "Пресс-секретарь президента Роман Вешков ответил журналистам. С ним был "
            "губернатор Игорь Колосов.",
            "«Мы готовы», — отметил представитель Кремля.",
            "Роман Вешков",
        ),
    ],
)
def test_a_set_phrase_stands_for_a_role(introduction: str, attribution: str, speaker: str) -> None:
    assert only(TITLE + introduction + "\n" + attribution, "ru").speaker == speaker


def test_a_plural_role_is_no_title_before_a_name() -> None:
    text = TITLE + (
        "Президенты Франции и Бразилии созвонились в пятницу.\n"
        "Официальный представитель МИД Мария Зорина ответила журналистам.\n"
        "«Каждая сторона ведёт свою линию», — добавила дипломат."
    )
    assert only(text, "ru").speaker == "Мария Зорина"


@pytest.mark.parametrize(
    "sentence",
    [
        "“We are ready,” the radio quoted Sorin as saying.",
        "The radio quoted Sorin as saying that the meeting was “going in circles.”",
        "“We are ready,” the agency quoted him as saying.",
    ],
)
def test_the_one_a_quoting_verb_names_speaks(sentence: str) -> None:
    text = TITLE + f"Foreign Minister Pavel Sorin spoke in Bergen.\n\n{sentence}"
    assert only(text).speaker == "Pavel Sorin"


def test_announced_reports_and_a_lone_role_is_not_the_name_before_it() -> None:
    text = TITLE + (
        "Президент России Олег Ранцев провёл совещание.\n"
        "По окончании доклада главы Минтранса Игоря Сомова президент объявил: "
        "«Сделаем перерыв на десять минут»."
    )
    assert only(text, "ru").speaker == "Олег Ранцев"


def test_a_title_and_its_complement_before_a_name_lead_the_clause() -> None:
    text = TITLE + (
        "Министр обороны Андрей Белов заявил, что доволен итогами.\n"
        "Министр транспорта Игорь Лыков ответил короче, заявив прессе: "
        "«Подробности будут завтра»."
    )
    assert quotes(text, "ru")[-1].speaker == "Игорь Лыков"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Гарден усомнился в сообщениях о пожаре на заводе Сомова\n\n"
            "«Мы сомневаемся, что пожар вообще был», — сказал глава государства. Позже "
            "президент Северии Павел Сомов собрал правительство.",
            "Гарден",
        ),
        (
            "Вешков ответил на вопрос журналистов\n\n«Пока рано об этом говорить», — сказал он.",
            "Вешков",
        ),
        (
            "Заголовок\n\nВарин отметил, что Северия ждёт ответа. «Мы открыты», — подчеркнул "
            "министр.",
            "Варин",
        ),
    ],
)
def test_a_lone_surname_a_reporting_verb_follows_stands_for_a_later_pronoun_or_role(
    text: str, speaker: str
) -> None:
    assert quotes(text, "ru")[0].speaker == speaker


def test_a_lone_surname_passes_over_a_verb_of_the_other_gender() -> None:
    text = (
        "Заголовок\n\nЗорина заявила, что ответ будет. Варин добавил, что ждёт.\n"
        "«Мы готовы», — сказал он."
    )
    assert only(text, "ru").speaker == "Варин"


def test_a_lone_surname_stands_for_an_english_role_too() -> None:
    text = TITLE + "Sorin said his country was ready. “We are open,” the minister added."
    assert only(text).speaker == "Sorin"


def test_plural_nouns_that_report_are_no_lone_surnames() -> None:
    text = TITLE + "Officials said the plan was late. “We are open,” the minister added."
    assert only(text).speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Об этом пишет «Северная газета».",
        "Об этом сообщает «Коммерсантъ», ссылаясь на источники.",
        "Министр Пётр Ладов сказал, что не спорит, когда его зовут «Минладов».",
    ],
)
def test_a_publication_after_its_verb_and_a_nickname_are_scare_quotes(sentence: str) -> None:
    assert only(TITLE + sentence, "ru").kind == "scare"


def test_sources_nobody_names_make_a_partial_quote() -> None:
    text = TITLE + "По данным источников, перенос выставки «обсуждался с весны»."
    found = only(text, "ru")
    assert (found.kind, found.speaker) == ("partial", None)


def test_a_headline_quote_is_said_by_the_subject_after_its_colon() -> None:
    text = "«Просто выдумки»: Варин ответил на обвинения\n\nТекст статьи."
    found = only(text, "ru")
    assert (found.kind, found.speaker) == ("direct", "Варин")


@pytest.mark.parametrize(
    ("mention", "speaker"),
    [
        ("пресс-секретаря президента Романа Вешкова", "Роман Вешков"),
        ("официального представителя МИД Марии Зориной", "Мария Зорина"),
        ("помощника президента Юрия Ушанова", "Юрий Ушанов"),
    ],
)
def test_a_name_in_a_case_form_is_shown_in_the_nominative(mention: str, speaker: str) -> None:
    pronoun = "она" if speaker.endswith("а") else "он"
    text = TITLE + (
        f"Об этом сообщил корреспондент со ссылкой на {mention}.\n\n"
        f"«Мы не будем это комментировать», — заявил{'а' if pronoun == 'она' else ''} "
        f"{pronoun} журналистам."
    )
    assert only(text, "ru").speaker == speaker


def test_the_subject_after_an_inverted_verb_is_a_later_pronouns_antecedent() -> None:
    text = TITLE + (
        "Слухи о сделке бизнесмена Игоря Сомова обсуждать рано, сообщил "
        "журналистам пресс-секретарь президента Роман Вешков.\n\n"
        "«Больше ничего добавить не могу», — заявил он."
    )
    assert only(text, "ru").speaker == "Роман Вешков"


def test_a_ministry_written_as_one_word_is_no_person() -> None:
    text = TITLE + (
        "«Мы примем это во внимание», — заявил он.\n"
        "3 марта Минобороны Северии сообщило о ремонте моста. Северия учтёт это."
    )
    assert quotes(text, "ru")[0].speaker is None


@pytest.mark.parametrize(
    "attribution",
    ["с улыбкой заметил министр", "иронично добавил Варин", "поинтересовался Варин"],
)
def test_words_of_manner_before_an_inverted_verb(attribution: str) -> None:
    """`«…» — с улыбкой заметил министр`: a word or two of manner may stand between the dash
    and the verb; the subject after the verb is the speaker."""
    text = TITLE + f"Министр Олег Варин приехал в Минск.\n«А что дальше?» — {attribution}."
    assert quotes(text, "ru")[-1].speaker == "Олег Варин"
