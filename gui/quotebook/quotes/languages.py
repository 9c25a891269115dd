"""What the quote finder knows about a language, kept apart from the rules that use it.

The finder's rules (pair the marks, look for "NP verb" beside a quote, resolve "he" to the nearest
person) hold across the languages news is written in; the words they look for do not. Each
language is one `Language` value: its attribution verbs in every form that occurs in text, its
pronouns, the titles and roles that stand before names, the words that make a quoted phrase a
label, and the labels of interview transcripts. The built-in profiles live in `lang_en` and
`lang_ru`; a new language is one more such module whose `Language` is passed to
`register_language`; nothing else changes.

Quotation marks themselves are shared (`MARKS`): a mark's role is read from its neighbours, so
English “…”, German „…“, French «…» and Swedish ”…” all pair with the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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
    complementisers: frozenset[str] = frozenset()  # "that", "whether": a reported clause
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
    definite_articles: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    passive_markers: frozenset[str] = frozenset()
    demonym_suffixes: tuple[str, ...] = ()
    demonyms: frozenset[str] = frozenset()  # ones the suffixes miss: "Baltic", "Iraqi"
    according_to: tuple[str, ...] = ()
    # "по его словам", "in her words": an "according to" phrase around a possessive, and the
    # pronoun each possessive stands for ("его" → "он")
    according_possessives: Mapping[str, str] = field(default_factory=dict)
    as_put_it: tuple[str, ...] = ()
    scare_cues: tuple[str, ...] = ()
    # verbs that give something a name: a quote right after one is a term, not a sentence
    naming_verbs: frozenset[str] = frozenset()
    title_nouns: frozenset[str] = frozenset()
    # nouns that name a quoted phrase placed before them: `the “bikes for books” program`
    named_by_noun_after: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    interviewer_labels: frozenset[str] = frozenset()
    interviewee_labels: frozenset[str] = frozenset()
    interview_cues: tuple[str, ...] = ()
    credit_labels: frozenset[str] = frozenset()  # "Photos: Tom Ellery" is a credit, not a turn
    media_nouns: frozenset[str] = frozenset()
    closing_lines: tuple[str, ...] = ()
    max_name_tokens: int = 4
    patronymic_suffixes: tuple[str, ...] = ()
    inflected_names: bool = False
    # Russian quotes words inside a sentence in lower case; a capital there starts a name
    # ("о продаже «Бета-кредита»", "в издании «Вечерний журнал»")
    inner_capital_is_name: bool = False
    small_words: frozenset[str] = field(default_factory=frozenset)
    function_words: frozenset[str] = frozenset()
    calendar_words: frozenset[str] = frozenset()
    inversion_verbs: frozenset[str] = frozenset()
    stop_after_name: frozenset[str] = frozenset()
    # "of"/"for" between a title and its complement: "Secretary of State", "Mayor for Operations"
    title_links: frozenset[str] = frozenset()
    indefinite_articles: frozenset[str] = frozenset()
    # "somebody shouted", "кто-то сказал": a speaker the text does not know
    indefinite_pronouns: frozenset[str] = frozenset()
    as_words: frozenset[str] = frozenset()  # "as" in "as the minister said"
    relative_pronouns: frozenset[str] = frozenset()  # "who" in "a diplomat who was there said"
    fragment_openers: frozenset[str] = frozenset()  # "to" in "urged them “to get back…”"
    conjunctions: frozenset[str] = frozenset()  # "and" in "laughed and called it"
    # "After the council meeting had closed, …": words that open a clause before the subject
    subordinators: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()  # "his" in "his spokesman": someone else's role
    # "«…», — приводит ТАСС её слова": a verb by which an agency carries someone's words, and
    # the noun for those words; their owner is the speaker
    citing_verbs: frozenset[str] = frozenset()
    # "обратился к нему с вопросом «…»": a noun for an utterance right before the marks; the
    # words are the sentence subject's
    speech_nouns: frozenset[str] = frozenset()
    words_nouns: frozenset[str] = frozenset()
    # Inflected forms of roles and titles and their dictionary form ("министра" → "министр",
    # "главы" → "глава"), for languages whose nouns change with case.
    base_forms: Mapping[str, str] = field(default_factory=dict)
    # Verbs by which a publication reports ("пишет «Коммерсантъ»"): a short name in marks
    # after one is the publication's
    media_verbs: frozenset[str] = frozenset()
    # Naming verbs with no subject ("его зовут «Минладов»"): what follows is a nickname
    impersonal_naming_verbs: frozenset[str] = frozenset()
    # Verbs whose object is the speaker: "“…,” the radio quoted Sorin as saying", "«…», —
    # цитирует министра ведомство"
    quoting_verbs: frozenset[str] = frozenset()
    # US party tags after a lawmaker's name ("(D-Ill.)", ", R-Ky.,"): the party's noun for each
    # letter and the state's name for each abbreviation, so "the Illinois Democrat" is found
    party_nouns: Mapping[str, str] = field(default_factory=dict)
    region_names: Mapping[str, str] = field(default_factory=dict)
    # Modifiers that make another office of a title: "vice", "deputy", "former" ("the vice
    # president" is not "the president")
    rank_modifiers: frozenset[str] = frozenset()
    # Roles news gives the sources it does not name ("an official", "a spokeswoman"): such a
    # role stands only for someone the document introduced with it, never for whoever was
    # named last ("…, said the official, who asked not to be named")
    source_roles: frozenset[str] = frozenset()
    # Offices a party's member holds: "the Ohio Republican" after "Sen. Ben Hart" is Hart,
    # the nearest one holding such an office, when no party tag said who is a Republican
    party_offices: frozenset[str] = frozenset()
    # Does a role's complement follow it ("министр иностранных дел", "представитель МИД")?
    complement_after_role: bool = False
    # A person's name in a case form → its dictionary form ("Дмитрия Пескова" → "Дмитрий
    # Песков"), for languages whose names change with case
    name_nominative: Callable[[str], str] | None = None
    # Set phrases that stand for a role ("глава государства" → "президент"), written with the
    # role word in its dictionary form and the rest as in text, lower case.
    role_phrases: Mapping[str, str] = field(default_factory=dict)
    # What an abbreviated or specific title also makes its holder ("gov" → governor, "rep" →
    # representative, congressman, lawmaker), so "the governor" finds "Gov. Laura Pike".
    title_expansions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Honorifics ("mr.", "ms.") with the gender they name; pronouns by gender.
    honorific_genders: Mapping[str, str] = field(default_factory=dict)
    female_pronouns: frozenset[str] = frozenset()
    male_pronouns: frozenset[str] = frozenset()
    # Surname endings that mark gender (Russian "-ова" / "-ов").
    adjective_endings: tuple[str, ...] = ()  # Russian "Зернового": an adjective, no surname
    female_surname_endings: tuple[str, ...] = ()
    male_surname_endings: tuple[str, ...] = ()

    def base_form(self, word: str) -> str:
        """The dictionary form of a role or title word (itself if not inflected)."""
        return self.base_forms.get(word, word)

    def surname_gender(self, surname: str) -> str | None:
        low = surname.lower()
        if self.female_surname_endings and low.endswith(self.female_surname_endings):
            return "f"
        if self.male_surname_endings and low.endswith(self.male_surname_endings):
            return "m"
        return None

    def pronoun_gender(self, pronoun: str) -> str | None:
        if pronoun in self.female_pronouns:
            return "f"
        return "m" if pronoun in self.male_pronouns else None


_LANGUAGES: dict[str, Language] = {}


def _builtin() -> None:
    """Register the profiles that ship with Quotebook, once, on first use."""
    if "en" not in _LANGUAGES:
        from quotebook.quotes.lang_en import ENGLISH
        from quotebook.quotes.lang_ru import RUSSIAN

        register_language(ENGLISH)
        register_language(RUSSIAN)


def register_language(language: Language) -> None:
    """Make `language` available to `find_quotes(text, language=code)`."""
    _LANGUAGES[language.code] = language


def get_language(code: str) -> Language:
    """The profile for a BCP 47 tag ("en", "en-GB", "ru"); unknown tags read as English.

    English is the fallback because the marks are shared and English reporting verbs are the
    most common in the articles people collect; a wrong guess costs speakers, not quotes.
    """
    _builtin()
    primary = (code or "en").replace("_", "-").split("-", 1)[0].lower()
    return _LANGUAGES.get(primary, _LANGUAGES["en"])


def available_languages() -> tuple[str, ...]:
    """Codes of the registered languages, sorted."""
    _builtin()
    return tuple(sorted(_LANGUAGES))


def words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


def phrases(text: str) -> frozenset[str]:
    """A phrase list written as one comma-separated string."""
    return frozenset(p.strip() for p in text.split(",") if p.strip())


def union(forms: Iterable[set[str]]) -> frozenset[str]:
    """All the words of several word sets."""
    out: set[str] = set()
    for group in forms:
        out |= group
    return frozenset(out)
