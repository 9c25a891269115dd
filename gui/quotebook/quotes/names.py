"""Who is who in one document: reading noun phrases, and the people a document names.

News introduces a person once in full, with a title ("Polish Foreign Minister Zbigniew Rau") or
as the subject of a reporting verb ("Ambassador Michael Carpenter told…"), then calls them by
surname, title or pronoun. Two pieces follow that habit:

* `analyse_np` reads the words in front of or after a reporting verb and says what they are: a
  person's name (titles, possessives and acronyms stripped: "Lithuania’s FM Gabrielius
  Landsbergis" → "Gabrielius Landsbergis"), an organisation or group ("the Foreign Ministry",
  "Baltic Foreign Ministers"), a pronoun, a role ("the diplomat") or an unnamed source.
* `NameBook` collects the people a document names, keyed by surname, and answers two
  questions: the display name of a mention (the fullest form seen: "Carpenter" → "Michael
  Carpenter") and the nearest person mentioned before a position (for "he" and "the diplomat").

Only the reporter's words are read (the document's masked text), so a name inside a quotation is
never taken for an antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quotebook.quotes.given_names import gender_of, is_given_name
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
_NAME_TOKEN = rf"(?:(?:[{_UPPER}]\.)+|[{_UPPER}][\w’'\-]*)"
_SPACE = r"[ \u00a0]+"
_POSSESSIVE = ("’s", "'s", "’", "'")
_INITIALS_RE = re.compile(rf"(?:[{_UPPER}]\.){{1,3}}")
_BYLINE_RE = re.compile(r"(?m)^[^\w\n]*By[ \u00a0]+[A-Z][^\n.!?]{0,80}$")
_CONTRACTIONS = tuple(a + e for a in "’'" for e in ("ll", "re", "ve", "m", "d"))
_INTRO_CHARS = 60  # how far before a person's first mention their description is read


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
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


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


def classify_run(run: Sequence[Token], lang: Language, *, after_the: bool = False) -> Phrase | None:
    """Read a run of capitalised words: a person's name, an organisation, a role, or nothing."""
    words = list(run)
    while words and (words[0].lower in lang.function_words or words[0].lower in lang.determiners):
        words.pop(0)
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
    if cut == last:
        head = words[last]
        if _is_acronym(head.text) and not _is_title(head.text, lang):
            return Phrase(ORG, strip_possessive(head.text), head.start)
        # "Commerce Secretary": the qualifier says which secretary.
        qualifiers = [w.lower for w in words[:last] if not _is_acronym(w.text)]
        return Phrase(ROLE, " ".join([*qualifiers, head.lower.rstrip(".")]), head.start)
    titled = cut >= 0
    words = [w for w in words[cut + 1 :] if w.lower not in lang.calendar_words]
    if not words:
        return None
    if after_the and not titled:
        return Phrase(ORG, whole, words[0].start)
    if len(words) == 1 and not titled and _is_demonym(words[0].text, lang):
        return None
    if lang.adjective_endings and words[-1].lower.endswith(lang.adjective_endings):
        return None  # "Глава Зернового союза": the adjective of a name, not a surname
    given = next((i for i, w in enumerate(words[:-1]) if i > 0 and is_given_name(w.text)), 0)
    if given and not any(is_given_name(w.text) or is_initials(w.text) for w in words[:given]):
        words = words[given:]  # "Democrat Rosa Delgado-Finch", "Co-star Darren Whitlock"
    names = [strip_possessive(w.text) for w in words]
    names = _fit_name(names, lang)
    if not names:
        return None
    return Phrase(PERSON, " ".join(names), words[-len(names)].start)


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
    head = next((w for w in words if w.lower not in lang.determiners), last)
    complement = words[words.index(head) + 1 :]
    if (
        complement
        and not last.is_capitalised
        and (head.lower in lang.roles or head.lower in lang.titles)
        and not head.is_capitalised
        and not any(w.lower in lang.roles or w.lower in lang.titles for w in complement)
        and all(w.text.islower() for w in complement)
    ):
        # "пресс-секретарь главы государства", "the head of the agency": a role and its
        # complement
        return Phrase(ROLE, head.lower, head.start)
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
                if w.is_capitalised and not _is_acronym(w.text) and not _is_title(w.text, lang)
            ]
            return Phrase(ROLE, " ".join([*qualifiers, low]), last.start)
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
        phrase = classify_run(name_after_complement(words[j:]), lang)
        return phrase if phrase is not None else Phrase(ROLE, words[j - 2].lower, words[0].start)
    after_the = j > 0 and words[j - 1].lower in lang.definite_articles
    return classify_run(words[j:], lang, after_the=after_the)


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


class NameBook:
    """The people named in one document, keyed by surname; see the module docstring."""

    def __init__(
        self,
        masked: str,
        lang: Language,
        sentence_start: Callable[[int], int] = lambda pos: 0,
    ) -> None:
        self.masked = masked
        self.lang = lang
        self._sentence_start = sentence_start
        self._titles: dict[str, set[str]] = {}
        self._forms: dict[str, Counter[str]] = {}
        self._order: dict[str, int] = {}
        self._mentions: list[tuple[int, str, str | None]] | None = None
        self._gender: dict[str, str] = {}
        self._discover()

    # ---- building -------------------------------------------------------------------------

    def _discover(self) -> None:
        """Collect people from runs of capitalised words that a title, a role or a reporting
        verb marks as a person ("Ambassador Michael Carpenter", "said Kuleba")."""
        lang = self.lang
        masked = self.masked
        particle = rf"(?:(?:{_alt(lang.name_particles)}){_SPACE}){{0,2}}"
        run_re = re.compile(rf"{_NAME_TOKEN}(?:{_SPACE}{particle}{_NAME_TOKEN})*")
        token_re = re.compile(r"\S+")
        after_re = re.compile(
            r"[ \u00a0]+([\w’'\-]+)(?:[ \u00a0]+([\w’'\-]+))?(?:[ \u00a0]+([\w’'\-]+))?"
        )
        roles = lang.titles | lang.roles
        titles = lang.titles
        any_title = lang.titles | lang.title_modifiers
        bylines = [(b.start(), b.end()) for b in _BYLINE_RE.finditer(masked)]
        for m in run_re.finditer(masked):
            found = m.group()
            at = m.start()
            if any(a <= at < b for a, b in bylines):
                continue  # "By Jane Roe and Tom Poe": who wrote the piece, not who spoke in it
            honorific = _honorific_before(masked, at, lang) if masked[at - 2 : at] == ". " else ""
            if not honorific and " " not in found and "\u00a0" not in found:
                continue  # a lone word is a person only after an honorific
            words = found.lower().split()
            if len(words) > 1:
                vouched = any(w in titles or w.rstrip(".") in titles for w in words[:-1])
                marked = vouched or any(w in any_title for w in words[:-1])
            else:
                vouched = marked = False
            if honorific:
                vouched = marked = True  # "Ms. Moore", "Mr. Price"
            elif not marked and 1 < len(words) <= 4:
                given = next((i for i, w in enumerate(words[:-1]) if is_given_name(w)), -1)
                if given >= 0 and not any(w in lang.org_words for w in words):
                    # "Gail Pruitt", "Skipper Lewis Amankwah": the name starts at the given name
                    marked = True
                    if given > 0:
                        found = " ".join(found.split()[given:])
                        at = m.start() + m.group().index(found)
                        words = words[given:]
            title_of = False
            word = _word_before(masked, at) if not marked or len(words) > 2 else ""
            if word in lang.title_links and len(words) > 2:
                # "Secretary of State Antony Blinken": the title's complement comes first.
                of_at = masked.rfind(word, 0, m.start())
                title_of = _word_before(masked, of_at).lower() in roles
                marked = marked or title_of
            if not marked and not found.endswith(_POSSESSIVE):
                marked = self._verb_follows(after_re.match(masked, m.end()))
            if not marked:
                abbreviation = _abbreviation_before(masked, at)  # "Rep. Derrick Van Orden"
                titled_by = bool(abbreviation) and abbreviation + "." in titles
                marked = (
                    word in lang.inversion_verbs
                    or (word in roles and len(words) > 1)
                    or (titled_by and len(words) > 1)
                )
                if (
                    not marked
                    and not word
                    and len(words) > 1
                    and masked[m.end() : m.end() + 1] == ","
                ):
                    # "the shadow energy secretary, Ed Miliband, said"
                    comma = masked.rfind(",", max(0, m.start() - 3), m.start())
                    marked = comma >= 0 and _word_before(masked, comma).lower() in roles
            if not marked:
                continue
            tokens = [Token(t.group(), at + t.start()) for t in token_re.finditer(found)]
            phrase = classify_run(name_after_complement(tokens) if title_of else tokens, lang)
            if phrase is None or phrase.kind != PERSON:
                continue
            # A title such as "Ambassador" or "Mr" vouches for a lone surname; otherwise a
            # person needs a first name and a surname.
            if vouched or " " in phrase.text:
                seen_titles = {w.rstrip(".") for w in words[:-1]} & (roles | any_title)
                if word in roles:
                    seen_titles.add(word)
                self.add(phrase.text, phrase.pos, seen_titles)
                gender = lang.honorific_genders.get(honorific) if honorific else None
                self._note_gender(phrase.text, gender)

    def _verb_follows(self, after: re.Match[str] | None) -> bool:
        if after is None:
            return False
        words = [w for w in after.groups() if w]
        if words and (words[0] in self.lang.adverbs or is_ly_adverb(words[0])):
            words = words[1:]
        return any(" ".join(words[:n]) in self.lang.speech_verbs for n in range(1, len(words) + 1))

    def _note_gender(self, name: str, gender: str | None = None) -> None:
        """Remember whether `name` is a woman's or a man's: from an honorific, else from the
        given name or, where the language marks it, the surname's ending."""
        parts = name.split()
        key = self._key(parts[-1])
        if key is None or key in self._gender:
            return
        if gender is None and len(parts) > 1:
            gender = gender_of(parts[0])
        if gender is None:
            gender = self.lang.surname_gender(parts[-1])
        if gender is not None:
            self._gender[key] = gender

    def add(self, name: str, pos: int = 0, titles: Iterable[str] = ()) -> None:
        """Record a person's name as seen in the document, with the titles seen before it."""
        parts = name.split()
        if not parts:
            return
        key = self._key(parts[-1]) or parts[-1].lower()
        forms = self._forms.setdefault(key, Counter())
        if name not in forms:
            self._mentions = None
        forms[name] += 1
        self._titles.setdefault(key, set()).update(titles)
        self._order.setdefault(name, pos)
        self._note_gender(name)

    def _key(self, surname: str) -> str | None:
        low = strip_possessive(surname).lower()
        if low in self._forms:
            return low
        if self.lang.inflected_names:
            for key in self._forms:
                if low.startswith(key) and len(low) - len(key) <= 2:
                    return key
                if key.startswith(low) and len(key) - len(low) <= 2 and len(low) >= 4:
                    return key
        return None

    # ---- questions ------------------------------------------------------------------------

    def is_person(self, name: str) -> bool:
        parts = name.split()
        return bool(parts) and self._key(parts[-1]) is not None

    def _fullest(self, forms: Sequence[str], key: str) -> str:
        counts = self._forms[key]
        return max(
            forms,
            key=lambda f: (len(f.split()), not f.isupper(), counts[f], -self._order.get(f, 0)),
        )  # a name seen in capitals only (a label, a headline) shows as written elsewhere

    def display(self, name: str, pos: int | None = None) -> str:
        """The fullest form of `name` seen in the document ("Carpenter" → "Michael Carpenter"),
        also for a person called by given name alone ("Pauline" → "Pauline Fairweather")."""
        parts = name.split()
        if not parts:
            return name
        key = self._key(parts[-1])
        if key is None:
            if len(parts) == 1 and is_given_name(name):
                return self._by_given_name(name) or name
            return name
        particles = self.lang.name_particles
        given = split_name(name, particles)[0]
        forms = [
            f
            for f in self._forms[key]
            if given_compatible(split_name(f, particles)[0], given)
            or (given and f.endswith(" " + name))  # "Huckabee Sanders": "Sarah Huckabee Sanders"
        ]
        if not forms:
            return name
        if not given and pos is not None and len(forms) > 1:
            recent = self._recent_form(key, pos)
            if recent is not None:
                return recent
        return self._fullest(forms, key)

    def _introduced_with(self, key: str, words: Sequence[str]) -> bool:
        """Were `words` written just before this person's first full mention ("Rovers" in
        "Furious Rovers boss Danny Keogh", for "the Rovers chief")?"""
        first = min((self._order.get(f, 0) for f in self._forms[key]), default=0)
        start = max(0, first - _INTRO_CHARS, self._sentence_start(first))
        window = self.masked[start:first].lower()
        return all(re.search(rf"\b{re.escape(w)}\b", window) for w in words)

    def _titled_just_before(self, key: str, role: str) -> bool:
        """Does `role` stand a few words before this person's first full mention, with no
        reporting verb between ("Министр иностранных дел России Сергей Лавров", not "The
        President said he talked with Director Comey")?"""
        first = min((self._order.get(f, 0) for f in self._forms[key]), default=0)
        start = max(0, first - _INTRO_CHARS, self._sentence_start(first))
        window = self.masked[start:first].lower()
        at = window.rfind(role)
        if at < 0 or (at > 0 and window[at - 1].isalnum()):
            return False
        between = re.findall(r"[\w’'\-]+", window[at + len(role) :])
        return len(between) <= 4 and not any(w in self.lang.speech_verbs for w in between)

    def _by_given_name(self, given: str) -> str | None:
        """The one person whose given name is `given`, if exactly one is."""
        low = given.lower()
        found = {
            self._fullest(list(forms), key)
            for key, forms in self._forms.items()
            if any(f.split()[0].lower() == low for f in forms if " " in f)
        }
        return found.pop() if len(found) == 1 else None

    def nearest_person(
        self, pos: int, role: str | None = None, gender: str | None = None
    ) -> str | None:
        """The person a pronoun or role at `pos` most likely stands for, by display name.

        For a role ("the minister") the nearest person introduced with that title wins. Else
        the nearest mention decides the sentence, and within it the first person mentioned:
        the subject ("Blinken met Lopez. … he said" → Blinken), not the object. A pronoun's
        `gender` ("f"/"m") passes over people known to be of the other.
        """
        mentions = self._mention_index()
        i = bisect_left(mentions, pos, key=lambda m: m[0]) - 1
        if gender is not None:
            while i >= 0 and self._gender.get(mentions[i][1], gender) != gender:
                i -= 1
        if i < 0:
            return None
        if role:
            wanted = role.split()
            for j in range(i, max(i - 30, -1), -1):
                key = mentions[j][1]
                if (
                    all(w in self._titles.get(key, ()) for w in wanted)
                    or (len(wanted) > 1 and self._introduced_with(key, wanted[:-1]))
                    or (len(wanted) == 1 and self._titled_just_before(key, wanted[0]))
                ):  # "Министр иностранных дел России Сергей Лавров" … "спросил министр"
                    return self._mention_display(mentions[j])
            if len(wanted) > 1:
                return None  # "the Commerce Secretary": nobody named was introduced as that
        return self._mention_display(mentions[self._first_in_sentence(i, gender)])

    def _first_in_sentence(self, i: int, gender: str | None) -> int:
        """The first mention (of `gender`) in the sentence of mention `i`: its subject."""
        mentions = self._mention_index()
        start = self._sentence_start(mentions[i][0])
        first = i
        while i > 0 and mentions[i - 1][0] >= start:
            i -= 1
            if gender is None or self._gender.get(mentions[i][1], gender) == gender:
                first = i
        return first

    def antecedent_at(self, pos: int, gender: str | None = None) -> int | None:
        """Where the mention a pronoun at `pos` is resolved to (see `nearest_person`) stands."""
        mentions = self._mention_index()
        i = bisect_left(mentions, pos, key=lambda m: m[0]) - 1
        if gender is not None:
            while i >= 0 and self._gender.get(mentions[i][1], gender) != gender:
                i -= 1
        return mentions[self._first_in_sentence(i, gender)][0] if i >= 0 else None

    def gender_of(self, name: str) -> str | None:
        """ "f" or "m" where the document or the name says so."""
        key = self._key(name.split()[-1]) if name.split() else None
        return self._gender.get(key) if key else None

    def _mention_display(self, mention: tuple[int, str, str | None]) -> str:
        at, key, form = mention
        if form is not None:
            return self.display(form)
        return self.display(key.title() if key.islower() else key, at)

    def _recent_form(self, key: str, pos: int) -> str | None:
        mentions = self._mention_index()
        i = bisect_left(mentions, pos, key=lambda m: m[0]) - 1
        while i >= 0:
            _, k, form = mentions[i]
            if k == key and form is not None and len(form.split()) > 1:
                return self.display(form)
            i -= 1
        return None

    def _mention_index(self) -> list[tuple[int, str, str | None]]:
        if self._mentions is not None:
            return self._mentions
        mentions: list[tuple[int, str, str | None]] = []
        surnames = {f.split()[-1] for forms in self._forms.values() for f in forms}
        if surnames:
            ending = r"\w{0,2}" if self.lang.inflected_names else r"(?:’s|'s)?"
            pattern = re.compile(rf"(?<![\w’'\-])(?:{_alt(surnames)}){ending}(?![\w\-])")
            for m in pattern.finditer(self.masked):
                key = self._key(m.group())
                if key is None:
                    continue
                form = None
                for full in self._forms[key]:
                    given = full.rsplit(" ", 1)[0] if " " in full else ""
                    if given and self.masked.endswith(given + " ", 0, m.start()):
                        form = full
                        break
                mentions.append((m.start(), key, form))
        self._mentions = mentions
        return mentions

    def mention_counts(self, start: int, end: int) -> Counter[str]:
        """How often each person (by key) is mentioned between `start` and `end`."""
        return Counter(key for at, key, _ in self._mention_index() if start <= at < end)

    def display_key(self, key: str) -> str:
        """The display name of the person recorded under `key`."""
        return self._fullest(list(self._forms[key]), key)

    def people(self) -> list[str]:
        """Display names of every person the document names."""
        return sorted({self._fullest(list(forms), key) for key, forms in self._forms.items()})


def _honorific_before(text: str, pos: int, lang: Language) -> str:
    """The honorific written right before `pos` ("Ms." in "Ms. Moore"), lower case, or ""."""
    j = pos
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    if j == pos:
        return ""
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j].lower()
    return word if word in lang.honorific_genders else ""


def _abbreviation_before(text: str, pos: int) -> str:
    """The abbreviated title right before `pos` ("rep" in "Rep. Derrick Van Orden"), or ""."""
    j = pos
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    if j == pos or j == 0 or text[j - 1] != ".":
        return ""
    k = j - 1
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k : j - 1].lower()


def _word_before(text: str, pos: int) -> str:
    """The word that ends just before `pos` (across spaces), or ""."""
    j = pos
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "’'-"):
        k -= 1
    return text[k:j]


def _alt(words: Sequence[str] | frozenset[str] | set[str]) -> str:
    """A regular-expression alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
