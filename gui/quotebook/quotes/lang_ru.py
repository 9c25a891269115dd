"""Russian: «…» with "— заявил X", reporting verbs in their past and present forms, titles.

Russian names change with case ("по словам Лаврова"), so the profile sets `inflected_names` and
a surname is matched by its stem; a name keeps at most a first name, patronymic and surname.
"""

from __future__ import annotations

from quotebook.quotes.languages import Language, phrases, words


def _russian() -> Language:
    past_stems = (
        "заявил сказал отметил подчеркнул добавил сообщил пояснил заметил указал напомнил "
        "призвал предупредил признал назвал ответил написал рассказал констатировал "
        "резюмировал выразил пообещал спросил уточнил возразил заключил высказал объяснил "
        "отверг прокомментировал охарактеризовал заверил опроверг"
    )
    past: set[str] = set()
    for stem in words(past_stems):
        past |= {stem, stem + "а", stem + "и", stem + "о"}
    present = words(
        "говорит заявляет отмечает подчеркивает подчёркивает считает добавляет пишет уверяет "
        "настаивает утверждает полагает называет указывает сообщает поясняет признает признаёт"
    )
    return Language(
        code="ru",
        name="Русский",
        speech_verbs=frozenset(past) | present | phrases("дал понять, дала понять"),
        person_pronouns=words("он она его её ее него неё нее"),
        group_pronouns=words("они их них оно"),
        first_person=words("я мы меня нас вы"),
        speaker_self=words("я"),
        roles=words(
            "дипломат министр посол представитель постпред глава президент премьер "
            "пресс-секретарь спикер официальный чиновник председатель депутат генсек "
            "генеральный секретарь замминистра эксперт политик руководитель директор"
        ),
        title_modifiers=words("заместитель официальный"),
        titles=words(
            "министр посол представитель постпред глава президент премьер пресс-секретарь "
            "спикер председатель депутат генсек секретарь замминистра господин госпожа "
            "заместитель директор руководитель официальный дипломат"
        ),
        source_nouns=words("заявление сообщение письмо коммюнике декларация пост"),
        source_links=frozenset(),
        org_words=words(
            "мид министерство кремль правительство совет комитет служба ведомство "
            "посольство администрация партия организация миссия делегация"
        ),
        determiners=words("этот эта это эти тот та те"),
        auxiliaries=words("также не уже"),
        adverbs=words("также еще ещё затем позже ранее вновь снова уже однако"),
        according_to=("по словам", "по мнению", "как считает"),
        as_put_it=("выразился", "выразилась", "сказал", "сказала", "отметил", "отметила"),
        scare_cues=("так называемый", "так называемая", "так называемое", "так называемые"),
        title_nouns=words(
            "газета газеты газете журнал фильм фильма книга книги песня операция операции "
            "движение движения партия партии проект проекта программа программы"
        ),
        abbreviations=words("г т н им ул пр др см"),
        interviewer_labels=words("вопрос корреспондент журналист ведущий"),
        interviewee_labels=words("ответ"),
        interview_cues=("интервью", "вопросы"),
        media_nouns=words(
            "газета газете газеты телеканал телеканалу телеканала агентство агентству агентства "
            "радио издание изданию издания журнал журналу журнала"
        ),
        max_name_tokens=3,
        as_words=words("как"),
        relative_pronouns=words("который которая которые"),
        conjunctions=words("и но"),
        possessives=words("его её ее их наш ваш свой своя"),
        honorific_genders={"господин": "m", "госпожа": "f"},
        female_pronouns=words("она её ее неё нее"),
        male_pronouns=words("он его него"),
        adjective_endings=("ого", "его", "ому", "ему", "ых", "их", "ыми", "ими", "ым"),
        female_surname_endings=("ова", "ева", "ёва", "ина", "ына", "ская", "цкая"),
        male_surname_endings=("ов", "ев", "ёв", "ин", "ын", "ский", "цкий"),
        patronymic_suffixes=("вич", "вна", "ична", "чна"),
        inflected_names=True,
        function_words=words("и но а или если когда как по в на с о об из за"),
        calendar_words=words(
            "понедельник вторник среда четверг пятница суббота воскресенье январь февраль "
            "март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
        ),
        inversion_verbs=frozenset(past),
        stop_after_name=words("в на во время после до когда который которая которые"),
    )


RUSSIAN = _russian()
