"""A second language: Russian guillemets, dashes and reporting verbs."""

from __future__ import annotations

from quotebook.quotes import find_quotes

TEXT = (
    "Заголовок статьи\n\n"
    "«Мы не примем никаких ультиматумов», — заявил министр иностранных дел Сергей Лавров. "
    "Он также отметил: «Диалог возможен только на равных».\n\n"
    "По словам Лаврова, переговоры были «трудными, но полезными».\n\n"
    "Так называемый «мирный план» никто не обсуждал."
)


def test_russian_sentence() -> None:
    scan = find_quotes(TEXT, "ru")
    got = [(q.text, q.kind, q.speaker) for q in scan.quotes]
    assert got == [
        ("Мы не примем никаких ультиматумов", "direct", "Сергей Лавров"),
        ("Диалог возможен только на равных", "direct", "Сергей Лавров"),
        ("трудными, но полезными", "partial", "Сергей Лавров"),
        ("мирный план", "scare", None),
    ]
    assert scan.language == "ru"


def test_russian_transcript() -> None:
    text = "Интервью\n\nВопрос: Что дальше?\n\nСергей Лавров: Посмотрим."
    turns = find_quotes(text, "ru").turns
    assert [(t.label, t.speaker) for t in turns] == [
        ("Вопрос", None),
        ("Сергей Лавров", "Сергей Лавров"),
    ]


def test_language_tags_and_fallback() -> None:
    assert find_quotes(TEXT, "ru-RU").language == "ru"
    assert find_quotes("“Yes,” said Anna Berg.", "de").language == "en"
