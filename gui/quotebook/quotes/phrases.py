"""Reading a noun phrase: a person's name, an organisation, a pronoun, a role or nobody.

`analyse_np` reads the words in front of or after a reporting verb and says what they are: a
person's name (titles, possessives and acronyms stripped: "Lithuania’s FM Gabrielius Landsbergis"
→ "Gabrielius Landsbergis"), an organisation or group ("the Foreign Ministry", "Baltic Foreign
Ministers"), a pronoun, a role ("the diplomat", "the Norland defense minister") or an unnamed
source. `classify_run` reads a run of capitalised words the same way, and `given_compatible`
says whether two forms of a name can be one person's ("M." and "Mike" fit "Michael").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quotebook.quotes.given_names import is_given_name
from quotebook.quotes.languages import Language, words
from quotebook.quotes.text import Token

PERSON = "person"
ORG = "org"
PRONOUN = "pronoun"
GROUP = "group"
ROLE = "role"
FIRST = "first"
UNNAMED = "unnamed"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_POSSESSIVE = ("’s", "'s", "’", "'")
_INITIALS_RE = re.compile(rf"(?:[{_UPPER}]\.){{1,3}}")
_ACRONYM_LETTERS = 6  # "UNICEF"; "ACCUSATIONS" is a word in capitals
_GLUED_INITIALS_RE = re.compile(r"((?:[A-ZА-ЯЁ]\.){1,2})([A-ZА-ЯЁ][\w’'\-]+)")
_AGE_RE = re.compile(r"\d{1,3}-year-old")
_CONTRACTIONS = tuple(a + e for a in "’'" for e in ("ll", "re", "ve", "m", "d"))


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a noun phrase is (`kind`), its display text and where it starts."""

    kind: str
    text: str
    pos: int


def strip_possessive(word: str) -> str:
    if word[-1:] not in ("s", "’", "'"):
        return word
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s")) and len(word) > 2


def _is_acronym(word: str) -> bool:
    """ "NATO", "U.S.", "ТАСС": an acronym; a longer word in capitals is a shouting headline."""
    letters = strip_possessive(word).replace(".", "")
    return 2 <= len(letters) <= _ACRONYM_LETTERS and letters.isupper() and letters.isalpha()


_LY_NOUNS = words(
    "family assembly supply reply ally rally belly jelly bully folly holly lily anomaly "
    "monopoly homily melancholy italy july sally"
)


def is_ly_adverb(word: str) -> bool:
    """Is `word` an adverb in "-ly" ("exclusively", "angrily"), not a noun that ends so?"""
    return (
        len(word) > 4
        and word.islower()
        and word.endswith("ly")
        and word not in _LY_NOUNS
        and not is_given_name(word)
    )


def is_initials(word: str) -> bool:
    """ "T.J." or "G.K.": a person's initials rather than an acronym such as "U.S."."""
    return _INITIALS_RE.fullmatch(word) is not None


def _is_title(word: str, lang: Language) -> bool:
    low = word.lower()
    titles = lang.titles
    modifiers = lang.title_modifiers
    return low in titles or low.rstrip(".") in titles or low in modifiers


def _is_demonym(word: str, lang: Language) -> bool:
    return is_demonym(word, lang)


def is_demonym(word: str, lang: Language) -> bool:
    """ "Russian", "Baltic": a people's adjective, which alone is no one's name."""
    low = word.lower()
    return word[:1].isupper() and (low.endswith(lang.demonym_suffixes) or low in lang.demonyms)


# honorifics British and Commonwealth news writes without a full stop
_PLAIN_HONORIFICS = frozenset({"mr", "ms", "mrs", "miss", "mx"})


def classify_run(run: Sequence[Token], lang: Language, *, after_the: bool = False) -> Phrase | None:
    """Read a run of capitalised words: a person's name, an organisation, a role, or nothing."""
    words = _split_glued_initials(list(run))
    while words and (
        words[0].lower in lang.function_words
        or words[0].lower in lang.determiners
        or words[0].lower in lang.adverbs  # "Также Путин отметил"
    ):
        words.pop(0)
    while len(words) > 1 and words[-1].lower in lang.speech_verbs:
        words.pop()  # a headline's "Sen. Okafor Responds to the Flood"
    if not words or any(w.lower.endswith(_CONTRACTIONS) for w in words):
        return None  # "We'll", "He’s": a pronoun and a verb, not a name
    whole = " ".join([*(w.text for w in words[:-1]), strip_possessive(words[-1].text)])
    orgs = [i for i, w in enumerate(words) if w.lower in lang.org_words]
    if orgs and orgs[-1] == len(words) - 1:
        return Phrase(ORG, whole, words[0].start)
    if orgs:
        words = words[orgs[-1] + 1 :]  # "Russian Federation Vladimir Putin"
        if len(words) < 2:
            return None
    cut = max((i for i, w in enumerate(words[:-1]) if _is_possessive(w.text)), default=-1)
    words = words[cut + 1 :]
    last = len(words) - 1
    cut = max(
        (
            i
            for i, w in enumerate(words)
            if _is_title(w.text, lang)
            or (_is_acronym(w.text) and not _initials_of_name(words, i, lang))
            or (i == 0 < last - 1 and w.lower in lang.roles)  # "Actress Mara Vellon"
        ),
        default=-1,
    )
    if cut == last and last > 0 and is_given_name(words[last - 1].text):
        # "Steve King", "Ned Bishop": a surname that is also a title, after a given name
        cut = max((i for i in range(last - 1) if _is_title(words[i].text, lang)), default=-1)
    elif (
        cut == last
        and last > 0
        and words[last - 1].text.endswith(".")
        and _is_title(words[last - 1].text, lang)
    ):
        cut = last - 1  # "Rep. King", "Gov. Bishop": an abbreviated title, then a surname
    elif (
        cut == last
        and last > 0
        and words[last - 1].lower in _PLAIN_HONORIFICS
        and words[last].lower not in lang.roles
    ):
        cut = last - 1  # "Mr Major", "Ms Marshal": a surname after an honorific with no stop
    if cut == last:
        head = words[last]
        if _is_acronym(head.text) and not _is_title(head.text, lang):
            return Phrase(ORG, strip_possessive(head.text), head.start)
        # "Commerce Secretary": the qualifier says which secretary.
        qualifiers = [w.lower for w in words[:last] if not _is_acronym(w.text)]
        role = lang.base_form(head.lower.rstrip("."))
        return Phrase(ROLE, " ".join([*qualifiers, role]), head.start)
    titled = cut >= 0
    words = [w for w in words[cut + 1 :] if w.lower not in lang.calendar_words]
    if not words:
        return None
    if after_the and not titled:
        return Phrase(ORG, whole, words[0].start)
    if len(words) == 1 and not titled and _is_demonym(words[0].text, lang):
        return None
    if (
        lang.adjective_endings
        and words[-1].lower.endswith(lang.adjective_endings)
        and not (len(words) > 1 and is_given_name(words[-2].text))
    ):
        # "Глава Зернового союза": the adjective of a name, not a surname; after a given
        # name it is a surname in a case form ("с Иваном Сидоровым", "Льва Толстого")
        return None
    given = next((i for i, w in enumerate(words[:-1]) if i > 0 and is_given_name(w.text)), 0)
    if given and not any(is_given_name(w.text) or is_initials(w.text) for w in words[:given]):
        words = words[given:]  # "Democrat Rosa Delgado-Finch", "Co-star Darren Whitlock"
    names = [strip_possessive(w.text) for w in words]
    names = _fit_name(names, lang)
    if not names:
        return None
    return Phrase(PERSON, " ".join(names), words[-len(names)].start)


def _split_glued_initials(words: list[Token]) -> list[Token]:
    """ "А.Мельников" → "А." and "Мельников": initials written against the surname."""
    out: list[Token] = []
    for word in words:
        m = _GLUED_INITIALS_RE.fullmatch(word.text)
        if m is None:
            out.append(word)
        else:
            out.append(Token(m.group(1), word.start))
            out.append(Token(m.group(2), word.start + m.start(2)))
    return out


def _initials_of_name(words: Sequence[Token], i: int, lang: Language) -> bool:
    """Are the dotted letters at `words[i]` initials of the name that follows ("T.J.
    Halvorsen"), not an acronym before a title ("U.S. Ambassador")?"""
    if not is_initials(words[i].text) or i + 1 >= len(words):
        return False
    following = words[i + 1].text
    return not _is_title(following, lang) and (following[:1].isupper())


def _fit_name(names: list[str], lang: Language) -> list[str]:
    """Keep the last few words of a long run: first names, patronymic, surname."""
    if lang.patronymic_suffixes and len(names) >= 3:
        if names[-2].lower().endswith(lang.patronymic_suffixes):
            return names[-3:]
        return names[-2:]
    return names[-lang.max_name_tokens :]


def analyse_np(tokens: Sequence[Token], lang: Language) -> Phrase | None:
    """Say what a noun phrase is; `tokens` are its words in reading order."""
    words = [t for t in tokens if t.is_word]
    if not words:
        return None
    for i in range(len(words) - 2):
        if words[i].lower in lang.source_nouns and words[i + 1].lower in lang.source_links:
            return analyse_np(words[i + 2 :], lang)
    last = words[-1]
    low = last.lower
    if len(words) <= 2 or not last.is_capitalised:
        if low in lang.person_pronouns:
            return Phrase(PRONOUN, low, last.start)
        if low in lang.group_pronouns:
            return Phrase(GROUP, low, last.start)
        if low in lang.first_person:
            return Phrase(FIRST, low, last.start)
    if _AGE_RE.fullmatch(low) and len(words) <= 3:
        return Phrase(ROLE, "year-old", last.start)  # "the 72-year-old said": a person named
    head = next((w for w in words if w.lower not in lang.determiners), last)
    complement = words[words.index(head) + 1 :]
    if lang.role_phrases and complement:
        # "глава государства", "представитель Кремля": a set phrase for a role
        wording = " ".join([lang.base_form(head.lower), *(w.lower for w in complement)])
        if wording in lang.role_phrases:
            return Phrase(ROLE, lang.role_phrases[wording], head.start)
    if (
        complement
        and not last.is_capitalised
        and (head.lower in lang.roles or head.lower in lang.titles)
        and not head.is_capitalised
        and not any(_nominative_role(w.lower, lang) for w in complement)
        and all(w.text.islower() for w in complement)
    ):
        # "пресс-секретарь главы государства", "the head of the agency": a role and its
        # complement
        return Phrase(ROLE, lang.base_form(head.lower), head.start)
    if (
        len(complement) >= 2
        and last.is_capitalised
        and not complement[-2].is_capitalised
        and complement[-2].lower not in lang.name_particles
        and (head.lower in lang.roles or head.lower in lang.titles)
        and not head.is_capitalised
        and not any(_nominative_role(w.lower, lang) for w in complement)
        and not is_initials(last.text)
    ):
        # "министр иностранных дел России", "глава российского МИД", "the head of the FBI":
        # one proper name closing the complement says whose role it is; it is not the
        # speaker's name
        return Phrase(ROLE, lang.base_form(head.lower), head.start)
    if not last.is_capitalised:
        if (low in lang.roles or low in lang.titles) and any(
            w.lower in lang.possessives for w in words[:-1]
        ):
            # "his spokesman", "your own leader": someone's role, not a person named before.
            return Phrase(UNNAMED, " ".join(w.text for w in words), words[0].start)
        if low in lang.roles or low in lang.titles:
            # "the Norland defense minister": a proper name says which minister.
            qualifiers = [
                w.lower
                for w in words[1:-1]
                if (w.is_capitalised and not _is_acronym(w.text) and not _is_title(w.text, lang))
                or w.lower in lang.rank_modifiers  # "the former vice president"
            ]
            return Phrase(ROLE, " ".join([*qualifiers, lang.base_form(low)]), last.start)
        return Phrase(UNNAMED, " ".join(w.text for w in words), words[0].start)
    j = len(words) - 1
    while j > 0 and (
        words[j - 1].is_capitalised
        or (
            words[j - 1].lower in lang.name_particles
            and (words[j].is_capitalised or words[j].lower in lang.name_particles)
        )
    ):
        j -= 1
    if j >= 2 and words[j - 1].lower in lang.title_links and _titled(words[j - 2], lang):
        # "Secretary of State Antony Blinken", "Deputy Mayor for Operations Luis Abernathy"
        if words[0].lower in lang.indefinite_articles and not words[j - 2].is_capitalised:
            # "A spokesman for Harbour Police", "a spokeswoman for Mayor Lee": someone
            # the reporter does not name speaks for them
            return Phrase(UNNAMED, " ".join(w.text for w in words), words[0].start)
        phrase = classify_run(name_after_complement(words[j:]), lang)
        return phrase if phrase is not None else Phrase(ROLE, words[j - 2].lower, words[0].start)
    after_the = j > 0 and words[j - 1].lower in lang.definite_articles
    return classify_run(words[j:], lang, after_the=after_the)


def _nominative_role(word: str, lang: Language) -> bool:
    """A role or title word in its dictionary form ("министр", not "главы" in "пресс-секретарь
    главы государства", which is the complement of the role before it)."""
    return (word in lang.roles or word in lang.titles) and lang.base_form(word) == word


def _titled(word: Token, lang: Language) -> bool:
    return _is_title(word.text, lang) or word.lower in lang.roles


def name_after_complement(run: Sequence[Token]) -> list[Token]:
    """The name at the end of a title's complement and a name ("State Antony Blinken" →
    "Antony Blinken"): its last two words, with the initials or patronymic between them, or
    the last word alone when only two words follow the title."""
    if len(run) <= 2:
        return list(run[-1:])
    keep = 2
    while keep < len(run) - 1 and keep < 4 and is_initials(run[-keep].text):
        keep += 1
    return list(run[-keep:])


def split_name(name: str, particles: frozenset[str] = frozenset()) -> tuple[list[str], str]:
    """Given names and surname of `name`; particles belong to the surname ("Ursula" and "von
    der Leyen")."""
    words = name.split()
    if not words:
        return [], ""
    k = len(words) - 1
    while k > 0 and words[k - 1].lower() in particles:
        k -= 1
    return words[:k], " ".join(words[k:])


def given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Can the given names `a` and `b` belong to one person ("M." fits "Michael")?"""
    for x, y in zip(a, b, strict=False):
        x, y = x.rstrip(".").lower(), y.rstrip(".").lower()
        if (
            x != y
            and not (len(x) == 1 and y.startswith(x))
            and not (len(y) == 1 and x.startswith(y))
            and _NICKNAMES.get(x, x) != _NICKNAMES.get(y, y)
        ):
            return False
    return True


# A familiar form and the full given name it stands for ("Mike Pompeo" is "Michael R. Pompeo").
_NICKNAMES = {
    short: full
    for full, shorts in (
        ("michael", "mike mick"),
        ("william", "bill billy will"),
        ("robert", "bob bobby rob"),
        ("james", "jim jimmy jamie"),
        ("joseph", "joe joey"),
        ("thomas", "tom tommy"),
        ("charles", "chuck charlie"),
        ("richard", "dick rick ricky"),
        ("edward", "ed ted eddie"),
        ("anthony", "tony"),
        ("daniel", "dan danny"),
        ("david", "dave"),
        ("steven", "steve"),
        ("stephen", "steve"),
        ("christopher", "chris"),
        ("nicholas", "nick"),
        ("matthew", "matt"),
        ("gregory", "greg"),
        ("jeffrey", "jeff"),
        ("kenneth", "ken kenny"),
        ("donald", "don donnie"),
        ("ronald", "ron ronnie"),
        ("patrick", "pat"),
        ("samuel", "sam"),
        ("benjamin", "ben"),
        ("alexander", "alex"),
        ("andrew", "andy drew"),
        ("elizabeth", "liz beth betsy betty"),
        ("katherine", "kate kathy katie"),
        ("catherine", "cathy kate"),
        ("margaret", "maggie peggy meg"),
        ("jennifer", "jen jenny"),
        ("deborah", "debbie deb"),
        ("patricia", "pat patty"),
        ("susan", "sue"),
        ("rebecca", "becky"),
        ("kimberly", "kim"),
        ("christine", "chris"),
    )
    for short in shorts.split()
}
