"""Russian: «…» with "— заявил X", reporting verbs in their past and present forms, titles.

Russian names change with case ("по словам Лаврова"), so the profile sets `inflected_names` and
a surname is matched by its stem; a name keeps at most a first name, patronymic and surname.
"""

from __future__ import annotations

from quotebook.quotes.given_names import FEMALE, gender_of, male_reading, nominative_given
from quotebook.quotes.languages import Language, phrases, words

# Singular case endings of the nouns that name roles, by how the nominative ends: "министр" →
# "министра", "министру", "министром", "министре"; "председатель" → "председателя"; "глава" →
# "главы". Plurals ("президенты России") name several people, never one; forms that are also
# common words are left out.
_CASE_ENDINGS = {
    "": ("а", "у", "ом", "е"),
    "ь": ("я", "ю", "ем", "е"),
    "а": ("ы", "е", "у", "ой"),
    "я": ("и", "е", "ю", "ей"),
}
_NOT_FORMS = frozenset({"главе", "посла", "послу", "послом", "после"})
_INDECLINABLE = frozenset({"замминистра"})


def _case_forms(nouns: frozenset[str]) -> dict[str, str]:
    """Inflected form → dictionary form, for every noun in `nouns` (lower case)."""
    forms: dict[str, str] = {}
    for noun in nouns:
        if noun.endswith(("ый", "ий", "ой")) or noun in _INDECLINABLE:
            continue  # adjectives and indeclinables keep their form
        ending = noun[-1] if noun[-1] in "ьая" else ""
        stem = noun[: len(noun) - len(ending)]
        for suffix in _CASE_ENDINGS[ending]:
            form = stem + suffix
            if form not in nouns and form not in _NOT_FORMS:
                forms.setdefault(form, noun)
    return forms


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "ова:ов ову:ов" → (("ова", "ов"), ("ову", "ов")): a case ending and what replaces it."""
    return tuple((a, b) for a, _, b in (pair.partition(":") for pair in text.split()))


# Case endings of surnames and patronymics → the nominative's, for a man and for a woman
_MALE_SURNAME_CASES = _pairs(
    "ского:ский скому:ский ским:ский ском:ский цкого:цкий цкому:цкий цким:цкий цком:цкий "
    "ова:ов ову:ов овым:ов ове:ов ева:ев еву:ев евым:ев еве:ев ёва:ёв ёву:ёв ёвым:ёв ёве:ёв "
    "ина:ин ину:ин иным:ин ине:ин ича:ич ичу:ич ичем:ич иче:ич"
)
_FEMALE_SURNAME_CASES = _pairs(
    "ской:ская скую:ская цкой:цкая цкую:цкая овой:ова ову:ова евой:ева еву:ева иной:ина "
    "ину:ина овны:овна овне:овна овну:овна евны:евна евне:евна евну:евна"
)
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def _nominative_name(name: str) -> str:
    """ "Дмитрия Пескова" → "Дмитрий Песков", "Марии Захаровой" → "Мария Захарова": a name
    whose given name is in a case form is put in the nominative, surname and patronymic too."""
    words = name.split()
    if len(words) < 2:
        return name
    first = words[0].lower()
    base = nominative_given(first)
    male = male_reading(first) if base == first and first in FEMALE else None
    if male is not None and words[-1][-1:].lower() not in _CONSONANTS:
        base = male  # "Александра Зорина": a man's name in the genitive, not "Александра"
    if base == first:
        return name  # "Евгения Гирш": the surname has no case ending; she is named
    cases = _FEMALE_SURNAME_CASES if gender_of(base) == "f" else _MALE_SURNAME_CASES
    rest = []
    for word in words[1:]:
        low = word.lower()
        for ending, nominative in cases:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                word = word[: len(word) - len(ending)] + nominative
                break
        else:
            if cases is _MALE_SURNAME_CASES and low[-1:] in "ау" and low[-2:-1] in _CONSONANTS:
                word = word[:-1]  # "Трампа" → "Трамп"
            elif cases is _MALE_SURNAME_CASES and low[-1:] in "яю" and low[-2:-1] in "лнр":
                word = word[:-1] + "ь"  # "Скрипаля" → "Скрипаль"
        rest.append(word)
    return " ".join([base[:1].upper() + base[1:], *rest])


def _russian() -> Language:
    past_stems = (
        "заявил сказал отметил подчеркнул добавил сообщил пояснил заметил указал напомнил "
        "призвал предупредил признал назвал ответил написал рассказал констатировал "
        "резюмировал выразил пообещал спросил уточнил возразил заключил высказал объяснил "
        "отверг прокомментировал охарактеризовал заверил опроверг говорил посчитал считал "
        "полагал оценил обещал объявил парировал посетовал продолжил подытожил предположил "
        "допустил уверил съязвил отреагировал"
    )
    past: set[str] = set()
    for stem in words(past_stems):
        past |= {stem, stem + "а", stem + "и", stem + "о"}
    # reflexive verbs: "признался", "призналась", "признались"
    for stem in words(
        "признал поделил возмутил усомнил пожаловал высказал согласил оправдал поинтересовал"
    ):
        past |= {stem + "ся", stem + "ась", stem + "ись"}
    present = words(
        "говорит заявляет отмечает подчеркивает подчёркивает считает добавляет пишет уверяет "
        "настаивает утверждает полагает называет указывает сообщает поясняет признает признаёт"
    )
    # "…, — заявил Кравцов, добавив, что …": a participle takes the subject of its clause.
    participles = words(
        "подчеркнув добавив отметив заявив уточнив пояснив указав напомнив назвав заметив "
        "признав предупредив"
    )
    roles = words(
        "дипломат министр посол представитель постпред глава президент премьер "
        "пресс-секретарь спикер официальный чиновник председатель депутат генсек "
        "генеральный секретарь замминистра эксперт политик руководитель директор мэр "
        "губернатор аналитик судья прокурор сенатор советник помощник зампред вице-премьер "
        "канцлер лидер журналист журналистка корреспондент ведущий ведущая"
    )
    titles = words(
        "министр посол представитель постпред глава президент премьер пресс-секретарь "
        "спикер председатель депутат генсек секретарь замминистра господин госпожа "
        "заместитель директор руководитель официальный дипломат мэр губернатор судья "
        "прокурор сенатор советник помощник зампред вице-премьер канцлер"
    )
    base_forms = _case_forms(roles | titles)
    return Language(
        code="ru",
        name="Русский",
        speech_verbs=frozenset(past)
        | present
        | participles
        | phrases("дал понять, дала понять")
        | words(
            "цитирует цитируют цитировал цитировала цитировали процитировал процитировала "
            "процитировали"
        ),
        naming_verbs=words("назвал назвала назвали называет называют назвав окрестил окрестила"),
        person_pronouns=words("он она его её ее него неё нее"),
        group_pronouns=words("они их них оно"),
        first_person=words("я мы меня нас вы"),
        speaker_self=words("я"),
        roles=roles | frozenset(base_forms),
        title_modifiers=words("заместитель официальный"),
        titles=titles | frozenset(base_forms),
        base_forms=base_forms,
        complement_after_role=True,
        name_nominative=_nominative_name,
        media_verbs=words(
            "пишет пишут сообщает сообщают передает передаёт передают сообщил сообщила "
            "сообщило сообщили передал передала передало передали написал написала написало "
            "написали"
        ),
        impersonal_naming_verbs=words("называют называли зовут звали окрестили прозвали"),
        citing_verbs=words(
            "приводит приводят приводил приводила приводили привёл привел привела привели"
        ),
        words_nouns=words("слова"),
        speech_nouns=words("вопросом словами фразой призывом просьбой репликой"),
        quoting_verbs=words(
            "цитирует цитируют цитировал цитировала цитировали процитировал процитировала "
            "процитировали"
        ),
        role_phrases={
            "глава государства": "президент",
            "глава правительства": "премьер",
            "глава кабмина": "премьер",
            "глава кабинета": "премьер",
            "представитель кремля": "пресс-секретарь",
            "глава мид": "министр",
            "глава дипломатии": "министр",
            "глава внешнеполитического ведомства": "министр",
            "руководитель внешнеполитического ведомства": "министр",
        },
        source_nouns=words("заявление сообщение письмо коммюнике декларация пост"),
        source_links=frozenset(),
        org_words=words(
            "мид министерство кремль правительство совет комитет служба ведомство "
            "посольство администрация партия организация миссия делегация "
            # ministries and agencies written as one word, in their common case forms
            "минобороны минфин минфина минздрав минздрава минюст минюста минпромторг "
            "минпромторга минсельхоз минсельхоза минтранс минтранса минэкономразвития "
            "минприроды минэнерго минобрнауки минпросвещения минкультуры минцифры минтруда "
            "минстрой минстроя мчс мвд фсб свр гру генштаб генштаба госдума госдумы совфед "
            "совфеда роскосмос роскосмоса росгвардия росгвардии ск генпрокуратура "
            "генпрокуратуры центробанк центробанка цб минэкономики кабмин кабмина"
        ),
        determiners=words("этот эта это эти тот та те"),
        indefinite_pronouns=words("кто-то кто-нибудь некто никто все"),
        auxiliaries=words("также не уже"),
        adverbs=words("также еще ещё затем позже ранее вновь снова уже однако"),
        according_to=(
            "по словам",
            "по мнению",
            "как считает",
            "по данным",
            "по информации",
            "по его словам",
            "по ее словам",
            "по её словам",
            "по его мнению",
            "по ее мнению",
            "по её мнению",
        ),
        according_possessives={"его": "он", "ее": "она", "её": "она"},
        as_put_it=("выразился", "выразилась", "сказал", "сказала", "отметил", "отметила"),
        # "якобы «вмешательство»": the reporter's doubt, a word put in marks, not a quote
        scare_cues=(
            *(
                "так называем" + ending
                for ending in ("ый", "ая", "ое", "ые", "ого", "ой", "ом", "ую", "ым", "ых", "ыми")
            ),
            "якобы",
        ),
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
        inner_capital_is_name=True,
        function_words=words("и но а или если когда как по в на с о об из за"),
        calendar_words=words(
            "понедельник вторник среда четверг пятница суббота воскресенье январь февраль "
            "март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
        ),
        inversion_verbs=frozenset(past),
        stop_after_name=words("в на во время после до когда который которая которые"),
    )


RUSSIAN = _russian()
