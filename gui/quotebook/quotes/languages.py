"""What the quote finder knows about a language, kept apart from the rules that use it.

The finder's rules (pair the marks, look for "NP verb" beside a quote, resolve "he" to the nearest
person) hold across the languages news is written in; the words they look for do not. Each
language is one `Language` value: its attribution verbs in every form that occurs in text, its
pronouns, the titles and roles that stand before names, the words that make a quoted phrase a
label, and the labels of interview transcripts. A new language is added by building one more
`Language` and passing it to `register_language`; nothing else changes.

Quotation marks themselves are shared (`MARKS`): a mark's role is read from its neighbours, so
English “…”, German „…“, French «…» and Swedish ”…” all pair with the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

DOUBLE = "double"
SINGLE = "single"

# char -> (family, preferred role when the neighbours do not decide). Marks of one family pair
# with each other whatever their shape, so a mismatched “…" still closes.
MARKS: dict[str, tuple[str, str]] = {
    '"': (DOUBLE, "either"),
    "“": (DOUBLE, "open"),
    "”": (DOUBLE, "close"),
    "„": (DOUBLE, "open"),
    "«": (DOUBLE, "open"),
    "»": (DOUBLE, "close"),
    "'": (SINGLE, "either"),
    "‘": (SINGLE, "open"),
    "’": (SINGLE, "close"),
    "‚": (SINGLE, "open"),
    "‹": (SINGLE, "open"),
    "›": (SINGLE, "close"),
}


@dataclass(frozen=True)
class Language:
    """Word lists and patterns for one language; see the module docstring.

    Every word list is lower case. `speech_verbs` holds inflected forms and multiword phrases
    ("made it clear"); `bare_verbs` are the forms that are also nouns ("note", "claims"), which
    count only with a subject or an auxiliary beside them.
    """

    code: str
    name: str
    speech_verbs: frozenset[str]
    bare_verbs: frozenset[str] = frozenset()
    after_only_verbs: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    group_pronouns: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    speaker_self: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    source_links: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    passive_markers: frozenset[str] = frozenset()
    demonym_suffixes: tuple[str, ...] = ()
    according_to: tuple[str, ...] = ()
    as_put_it: tuple[str, ...] = ()
    scare_cues: tuple[str, ...] = ()
    title_nouns: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    interviewer_labels: frozenset[str] = frozenset()
    interviewee_labels: frozenset[str] = frozenset()
    interview_cues: tuple[str, ...] = ()
    media_nouns: frozenset[str] = frozenset()
    closing_lines: tuple[str, ...] = ()
    max_name_tokens: int = 4
    patronymic_suffixes: tuple[str, ...] = ()
    inflected_names: bool = False
    small_words: frozenset[str] = field(default_factory=frozenset)
    function_words: frozenset[str] = frozenset()
    calendar_words: frozenset[str] = frozenset()
    inversion_verbs: frozenset[str] = frozenset()
    stop_after_name: frozenset[str] = frozenset()


def english_forms(lemma: str, *, past: str = "", participle: str = "", ing: str = "") -> set[str]:
    """The forms of an English verb that turn up in reporting: base, -s, past, -ing.

    Regular spelling rules cover most verbs; irregular or doubled forms are passed in.
    """
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return {f"{form} {rest}" for form in english_forms(head, past=past, ing=ing)}
    third = (
        lemma + "es"
        if lemma.endswith(("s", "sh", "ch", "x", "z", "o"))
        else lemma[:-1] + "ies"
        if lemma.endswith("y") and lemma[-2] not in "aeiou"
        else lemma + "s"
    )
    if not past:
        past = (
            lemma + "d"
            if lemma.endswith("e")
            else lemma[:-1] + "ied"
            if lemma.endswith("y") and lemma[-2] not in "aeiou"
            else lemma + "ed"
        )
    if not ing:
        ing = (
            lemma[:-1] + "ing"
            if lemma.endswith("e") and not lemma.endswith("ee")
            else lemma + "ing"
        )
    return {lemma, third, past, participle or past, ing}


_LANGUAGES: dict[str, Language] = {}


def register_language(language: Language) -> None:
    """Make `language` available to `find_quotes(text, language=code)`."""
    _LANGUAGES[language.code] = language


def get_language(code: str) -> Language:
    """The profile for a BCP 47 tag ("en", "en-GB", "ru"); unknown tags read as English.

    English is the fallback because the marks are shared and English reporting verbs are the
    most common in the articles people collect; a wrong guess costs speakers, not quotes.
    """
    primary = (code or "en").replace("_", "-").split("-", 1)[0].lower()
    return _LANGUAGES.get(primary, _LANGUAGES["en"])


def available_languages() -> tuple[str, ...]:
    """Codes of the registered languages, sorted."""
    return tuple(sorted(_LANGUAGES))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


def _all(forms: Iterable[set[str]]) -> frozenset[str]:
    out: set[str] = set()
    for group in forms:
        out |= group
    return frozenset(out)


def _english() -> Language:
    regular_text = (
        "add note stress warn ask conclude outline reject comment explain state claim argue insist "
        "declare announce remark emphasise emphasize underline underscore reply respond answer "
        "acknowledge concede confirm deny observe recall remind suggest predict complain urge "
        "threaten vow promise pledge assert maintain contend believe describe call characterise "
        "characterize charge accuse allege report mention indicate reiterate repeat inform joke "
        "exclaim muse wonder lament boast counter retort testify caution advise estimate demand "
        "propose recommend hint voice express criticise criticize condemn praise welcome "
        "highlight recount elaborate clarify specify summarise summarize agree disagree "
        "object protest proclaim affirm reaffirm assure brief signal tweet post shout whisper "
        "plead insist dismiss blast slam scoff query question"
    )
    regular = sorted(_words(regular_text))
    forms = [english_forms(v) for v in regular]
    forms += [
        english_forms("say", past="said"),
        english_forms("tell", past="told"),
        english_forms("write", past="wrote", participle="written"),
        english_forms("speak", past="spoke", participle="spoken"),
        english_forms("admit", past="admitted", ing="admitting"),
        english_forms("quip", past="quipped", ing="quipping"),
        english_forms("point out"),
        english_forms("spell out", past="spelled", ing="spelling"),
        {"spelt out", "made it clear", "made clear", "makes it clear", "makes clear"},
        {"went on to say", "goes on to say", "was quoted as saying", "is quoted as saying"},
        {"put it", "puts it"},
    ]
    verbs = _all(forms)
    bare = frozenset(v for v in regular if " " not in v) | _words("say tell write speak admit quip")
    bare |= frozenset(f for f in verbs if f.endswith("s") and " " not in f and f != "says")
    participles = frozenset(f for f in verbs if f.endswith("ing") and " " not in f)
    return Language(
        code="en",
        name="English",
        speech_verbs=verbs,
        bare_verbs=bare,
        after_only_verbs=frozenset(english_forms("continue") | english_forms("go on", past="went"))
        | frozenset({"began", "begins"}),
        modals=_words("will would could can may might must should shall"),
        participles=participles,
        person_pronouns=_words("he she him her"),
        group_pronouns=_words("they them it"),
        first_person=_words("i we me us you"),
        speaker_self=_words("i"),
        roles=_words(
            "diplomat minister ambassador envoy official spokesman spokeswoman spokesperson "
            "representative president premier chancellor secretary senator governor mayor "
            "general commander chief head director chairman chairwoman chair leader lawmaker "
            "negotiator analyst expert professor researcher economist author lawyer attorney "
            "prosecutor judge officer politician deputy candidate activist founder executive "
            "ceo manager adviser advisor aide correspondent journalist reporter editor "
            "foreign-minister counterpart colleague delegate"
        ),
        titles=_words(
            "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president premier "
            "minister ambassador envoy secretary general secretary-general chancellor senator "
            "sen. rep. representative governor gov. mayor king queen prince princess pope "
            "cardinal archbishop bishop rabbi imam sheikh gen. col. lt. capt. sgt. maj. admiral "
            "commander chairman chairwoman chair spokesman spokeswoman spokesperson fm pm mp mep "
            "ceo director head leader judge justice commissioner chairman-in-office "
            "chairperson diplomat official officer attorney counsel coordinator rapporteur "
            "negotiator ambassador-at-large colonel major lieutenant captain sergeant"
        ),
        title_modifiers=_words(
            "foreign defence defense finance interior deputy vice prime permanent special high "
            "chief acting former first senior top assistant under-secretary undersecretary"
        ),
        source_nouns=_words(
            "statement report communique communiqué declaration letter post tweet message note "
            "release announcement memo document readout transcript address speech interview "
            "op-ed column article editorial resolution"
        ),
        source_links=_words("by from of"),
        org_words=_words(
            "ministry ministers ministries office council union organisation organization "
            "federation republic kingdom "
            "committee department agency government kremlin parliament assembly party "
            "commission embassy mission service administration cabinet court bureau "
            "secretariat presidency delegation coalition alliance bank fund authority "
            "authorities police army forces navy command group institute university "
            "foundation company corporation inc. ltd. news press media hub network times "
            "post journal gazette gazeta agency board directorate spokespeople leaders "
            "officials diplomats lawmakers countries states nations members presidents "
            "governments ministers"
        ),
        determiners=_words(
            "the a an this that these those his her its their our my your such another "
            "some any each every no one two three several many both"
        ),
        auxiliaries=_words(
            "to will would could can may might must should shall did does do has have had "
            "was were is are be been being not n't went on also"
        ),
        adverbs=_words(
            "also then later again once further still previously earlier recently reportedly "
            "publicly repeatedly separately subsequently additionally however meanwhile "
            "already often even just now today yesterday tonight immediately quickly simply "
            "firmly clearly bluntly angrily flatly"
        ),
        passive_markers=_words("was were is are be been being"),
        demonym_suffixes=("ian", "ean", "ish", "ese", "ic", "i"),
        according_to=("according to", "in the words of", "quoting"),
        as_put_it=("put it", "puts it", "said", "says", "noted", "notes", "wrote", "writes"),
        scare_cues=(
            "so-called",
            "known as",
            "titled",
            "entitled",
            "the term",
            "the word",
            "the words",
            "the phrase",
            "the slogan",
            "the hashtag",
            "the label",
            "the name",
            "nicknamed",
            "code-named",
            "codenamed",
            "headlined",
            "the motto",
        ),
        title_nouns=_words(
            "newspaper magazine journal film movie book novel song album show series programme "
            "program operation movement campaign initiative hashtag slogan motto festival "
            "exhibition documentary play poem podcast newsletter app website ship vessel "
            "codename code-name brand doctrine"
        ),
        name_particles=_words("de da di du del della der den van von la le al el bin ibn ben"),
        abbreviations=_words(
            "mr mrs ms dr st jr sr prof gen col lt sgt capt maj sen rep gov no vs etc inc ltd "
            "co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u i.e e.g "
            "approx est dept fig vol"
        ),
        interviewer_labels=_words(
            "question q interviewer moderator host presenter journalist correspondent reporter"
        ),
        interviewee_labels=_words("answer a"),
        interview_cues=(
            "interview with",
            "interview to",
            "interview for",
            "interview given to",
            "interview granted to",
            "interviewed by",
            "questions from",
            "questions by",
        ),
        media_nouns=_words(
            "channel tv television radio newspaper programme program magazine agency show "
            "podcast daily weekly website portal outlet broadcaster network station"
        ),
        closing_lines=("to be continued", "end of transcript", "more to come"),
        max_name_tokens=4,
        small_words=_words("of and the in on for to a an with at by or"),
        function_words=_words(
            "but and or so yet if when while as after before since because although though "
            "however meanwhile speaking asked earlier later but then there here this that "
            "what why how where who which in on at for with from by of to the a an"
        ),
        calendar_words=_words(
            "monday tuesday wednesday thursday friday saturday sunday january february march "
            "april may june july august september october november december jan feb mar apr "
            "jun jul aug sep sept oct nov dec"
        ),
        inversion_verbs=_words(
            "said says added adds asked asks noted notes wrote writes continued concluded "
            "explained stressed insisted argued recalled replied answered commented remarked "
            "observed declared announced"
        ),
        stop_after_name=_words(
            "in on at during after before when while who which that as from with for about "
            "to into over under since because adding saying noting told according"
        ),
    )


def _russian() -> Language:
    past_stems = (
        "заявил сказал отметил подчеркнул добавил сообщил пояснил заметил указал напомнил "
        "призвал предупредил признал назвал ответил написал рассказал констатировал "
        "резюмировал выразил пообещал спросил уточнил возразил заключил высказал объяснил "
        "отверг прокомментировал охарактеризовал заверил опроверг"
    )
    past: set[str] = set()
    for stem in _words(past_stems):
        past |= {stem, stem + "а", stem + "и", stem + "о"}
    present = _words(
        "говорит заявляет отмечает подчеркивает подчёркивает считает добавляет пишет уверяет "
        "настаивает утверждает полагает называет указывает сообщает поясняет признает признаёт"
    )
    return Language(
        code="ru",
        name="Русский",
        speech_verbs=frozenset(past) | present | _phrases("дал понять, дала понять"),
        person_pronouns=_words("он она его её ее него неё нее"),
        group_pronouns=_words("они их них оно"),
        first_person=_words("я мы меня нас вы"),
        speaker_self=_words("я"),
        roles=_words(
            "дипломат министр посол представитель постпред глава президент премьер "
            "пресс-секретарь спикер официальный чиновник председатель депутат генсек "
            "генеральный секретарь замминистра эксперт политик руководитель директор"
        ),
        title_modifiers=_words("заместитель официальный"),
        titles=_words(
            "министр посол представитель постпред глава президент премьер пресс-секретарь "
            "спикер председатель депутат генсек секретарь замминистра господин госпожа "
            "заместитель директор руководитель официальный дипломат"
        ),
        source_nouns=_words("заявление сообщение письмо коммюнике декларация пост"),
        source_links=frozenset(),
        org_words=_words(
            "мид министерство кремль правительство совет комитет служба ведомство "
            "посольство администрация партия организация миссия делегация"
        ),
        determiners=_words("этот эта это эти тот та те"),
        auxiliaries=_words("также не уже"),
        adverbs=_words("также еще ещё затем позже ранее вновь снова уже однако"),
        according_to=("по словам", "по мнению", "как считает"),
        as_put_it=("выразился", "выразилась", "сказал", "сказала", "отметил", "отметила"),
        scare_cues=("так называемый", "так называемая", "так называемое", "так называемые"),
        title_nouns=_words(
            "газета газеты газете журнал фильм фильма книга книги песня операция операции "
            "движение движения партия партии проект проекта программа программы"
        ),
        abbreviations=_words("г т н им ул пр др см"),
        interviewer_labels=_words("вопрос корреспондент журналист ведущий"),
        interviewee_labels=_words("ответ"),
        interview_cues=("интервью", "вопросы"),
        media_nouns=_words("газете газеты телеканалу телеканала агентству агентства радио"),
        max_name_tokens=3,
        patronymic_suffixes=("вич", "вна", "ична", "чна"),
        inflected_names=True,
        function_words=_words("и но а или если когда как по в на с о об из за"),
        calendar_words=_words(
            "понедельник вторник среда четверг пятница суббота воскресенье январь февраль "
            "март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
        ),
        inversion_verbs=frozenset(past),
        stop_after_name=_words("в на во время после до когда который которая которые"),
    )


register_language(_english())
register_language(_russian())
