"""Who is who in one document: the people it names, and who a pronoun or a role stands for.

News introduces a person once in full, with a title ("Polish Foreign Minister Zbigniew Rau") or
as the subject of a reporting verb ("Ambassador Michael Carpenter told…"), then calls them by
surname, title or pronoun. `NameBook` follows that habit: it collects the people a document
names, keyed by surname, with the titles and descriptions they were introduced with, and answers
two questions: the display name of a mention (the fullest form seen: "Carpenter" → "Michael
Carpenter") and the nearest person mentioned before a position (for "he" and "the diplomat").
How a noun phrase is read is `phrases`' job.

Only the reporter's words are read (the document's masked text), so a name inside a quotation is
never taken for an antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from quotebook.quotes.given_names import gender_of, is_given_name
from quotebook.quotes.languages import Language
from quotebook.quotes.phrases import (
    PERSON,
    classify_run,
    given_compatible,
    is_ly_adverb,
    name_after_complement,
    split_name,
    strip_possessive,
)
from quotebook.quotes.text import Token

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_NAME_TOKEN = rf"(?:(?:[{_UPPER}]\.)+|[{_UPPER}][\w’'\-]*)"
_SPACE = r"[ \u00a0]+"
_POSSESSIVE = ("’s", "'s", "’", "'")
_SOFT_ENDINGS = "аяьйеиоуыюё"  # final letters a Russian surname's case forms replace
_BYLINE_RE = re.compile(r"(?m)^[^\w\n]*By[ \u00a0]+[A-Z][^\n.!?]{0,80}$")
_INTRO_CHARS = 60  # how far before a person's first mention their description is read
# A name, an apposition between commas, then the next few words: "Ed Vane, his spokesman, said"
_AFTER_NAME_RE = re.compile(
    r"[\w’'\-]+(?:’s|'s)?(?:,[^,.\n]{1,60},)?[ \u00a0]+(?P<words>(?:[\w’'\-]+[ \u00a0]*){1,4})"
)
# "Roe, the mayor, said": a lone surname, a role in apposition, a reporting verb
_LONE_APPOSITION_RE = re.compile(
    r",[ \u00a0]+(?P<det>[\w’']+)[ \u00a0]+(?P<words>[\w’'\-]+(?:[ \u00a0]+[\w’'\-]+){0,4}),"
    r"[ \u00a0]+(?P<verb>[\w’'\-]+)"
)
_VERB_AFTER_RE = re.compile(r"[\w’'\-]+[ ,\u00a0]{1,3}([\w’'\-]+)")
_PARTY_RE = re.compile(
    r"(?:[ \u00a0]?\(|,[ \u00a0]*)(?P<party>[DRI])(?:-(?P<state>[A-Z][A-Za-z.]{0,12}))?"
    r"(?=\)|-\d|,)"
)
# ", 41, a spokeswoman for the city,": a description in apposition after a name (its first
# six words, up to the next comma or sentence end)
_DESCRIPTION_RE = re.compile(
    r"(?:,[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?"
    # "Ann Holt is a lawyer", "Ann Holt, who is the co-host of …": a description by copula
    r"|(?:,[ \u00a0]+who)?[ \u00a0]+(?:is|was|has[ \u00a0]+been|serves[ \u00a0]+as)[ \u00a0]+)"
    r"(?P<words>(?:[\w’'\-]+[ \u00a0]*){1,6})"
)


class NameBook:
    """The people named in one document, keyed by surname; see the module docstring."""

    def __init__(
        self,
        masked: str,
        lang: Language,
        sentence_start: Callable[[int], int] = lambda pos: 0,
        text: str | None = None,
    ) -> None:
        self.masked = masked
        self.text = masked if text is None else text  # the unmasked text, for party tags
        self.lang = lang
        self._sentence_start = sentence_start
        self._titles: dict[str, set[str]] = {}
        self._forms: dict[str, Counter[str]] = {}
        self._order: dict[str, int] = {}
        self._mentions: list[tuple[int, str, str | None]] | None = None
        self._spoke: dict[str, int] = {}  # person → where first mentioned speaking
        self._spoke_for: list[tuple[int, str, str | None]] | None = None
        self._mentions_of: dict[str, list[int]] = {}
        self._given_keys: dict[str, set[str]] | None = None  # given name → people's keys
        self._gender: dict[str, str] = {}
        self._pronouns = lang.person_pronouns | lang.group_pronouns | lang.first_person
        self._discover()

    # ---- building -------------------------------------------------------------------------

    def _discover(self) -> None:
        """Collect people from runs of capitalised words that a title, a role or a reporting
        verb marks as a person ("Ambassador Michael Carpenter", "said Kuleba")."""
        lang = self.lang
        masked = self.masked
        particle = rf"(?:(?:{_alt(lang.name_particles)}){_SPACE}){{0,2}}"
        # a possessive ends the run: "President Owen Vance’s Summer House" is Vance and a house
        stop = "(?<!’s)(?<!'s)(?<!s’)(?<!s')"
        run_re = re.compile(rf"{_NAME_TOKEN}(?:{stop}{_SPACE}{particle}{_NAME_TOKEN})*")
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
            if found.isupper() and sum(c.isalpha() for c in found) > 3:
                continue  # a label or a headline in capitals: the name is read where it is
                # written as names are, or by the transcript's labels
            honorific = _honorific_before(masked, at, lang) if masked[at - 2 : at] == ". " else ""
            if not honorific and " " not in found and "\u00a0" not in found:
                # a lone word is a person only after an honorific, or with a role in
                # apposition and a reporting verb after it ("Roe, the mayor, said")
                role = (
                    self._lone_apposition(found, m.end())
                    if masked[m.end() : m.end() + 1] == ","
                    else ""
                )
                if role:
                    self.add(found, at, {role})
                continue
            words = found.lower().split()
            if self._surname_first(words):
                # "Министр транспорта Белова Анна": a surname, then a given name, as official
                # lists write names; the given name is in the nominative, so is the surname
                parts = found.split()
                self.add(f"{parts[-1]} {parts[-2]}", at + found.rindex(parts[-2]), (), False)
                continue
            if len(words) > 1:
                vouched = any(w in titles or w.rstrip(".") in titles for w in words[:-1])
                marked = vouched or any(w in any_title for w in words[:-1])
            else:
                vouched = marked = False
            if honorific:
                vouched = marked = True  # "Ms. Moore", "Mr. Price"
            elif not marked and 1 < len(words) <= 6:
                given = next((i for i, w in enumerate(words[:-1]) if is_given_name(w)), -1)
                fits = len(words) <= 4 or 0 < len(words) - given <= 3
                if given >= 0 and fits and not any(w in lang.org_words for w in words[given:]):
                    # "Gail Pruitt", "Skipper Lewis Amankwah": the name starts at the given
                    # name, also after an outlet's words ("WH Press Sec Dana Holt")
                    marked = True
                    if given > 0:
                        found = " ".join(found.split()[given:])
                        at = m.start() + m.group().index(found)
                        words = words[given:]
            title_of = False
            appositive = ""
            word = _word_before(masked, at) if not marked or len(words) > 2 else ""
            if word in lang.title_links and len(words) > 2:
                # "Secretary of State Antony Blinken": the title's complement comes first.
                of_at = masked.rfind(word, 0, m.start())
                title_of = _word_before(masked, of_at).lower() in roles
                marked = marked or title_of
            if not marked and not found.endswith(_POSSESSIVE):
                marked = self._verb_follows(after_re.match(masked, m.end()))
            abbreviation = _abbreviation_before(masked, at)  # "Rep. Lia de la Cruz"
            titled_by = bool(abbreviation) and abbreviation + "." in titles
            if not marked:
                marked = (
                    word in lang.inversion_verbs
                    or (word in roles and len(words) > 1)
                    or (titled_by and len(words) > 1)
                )
            if not word and len(words) > 1:
                # "the shadow energy secretary, Ed Varley, said", "welcome the Premier of
                # the state, Tom Reed.": a role in apposition before the name
                appositive = self._role_before_comma(m.start(), m.end())
                marked = marked or bool(appositive)
            if not marked:
                continue
            tokens = [Token(t.group(), at + t.start()) for t in token_re.finditer(found)]
            phrase = classify_run(name_after_complement(tokens) if title_of else tokens, lang)
            if phrase is None or phrase.kind != PERSON:
                continue
            if phrase.text.split()[-1].lower() in self._pronouns:
                continue  # "the Mayor Asks You" (a show's title): no surname is a pronoun
            # A title such as "Ambassador" or "Mr" vouches for a lone surname; otherwise a
            # person needs a first name and a surname.
            if vouched or " " in phrase.text:
                seen_titles = {
                    w.rstrip(".")
                    for w in words[:-1]
                    if w in roles or w in any_title or w.rstrip(".") in roles | any_title
                }
                # "spokesman Rhys Vale", "журналист Павел Силин" (who asks, not answers)
                before = (word or _word_before(masked, at)).lower()
                if before in roles or before in lang.interviewer_labels:
                    seen_titles.add(before)
                    title_at = at
                    while title_at > 0 and masked[title_at - 1] in " \u00a0":
                        title_at -= 1
                    rank = _word_before(masked, title_at - len(before))
                    if rank.lower() in lang.rank_modifiers:
                        seen_titles.add(rank.lower())  # "Former mayor Ann Holt"
                if titled_by:
                    seen_titles.add(abbreviation)  # "Gov. Ron Dees": a governor
                if appositive:
                    seen_titles.add(appositive)
                seen_titles |= self._described_as(m.end()) | self._party_of(m.end())
                self.add(phrase.text, phrase.pos, seen_titles)
                gender = lang.honorific_genders.get(honorific) if honorific else None
                self._note_gender(phrase.text, gender)

    def _surname_first(self, words: Sequence[str]) -> bool:
        """Do the last two of these lower-case words read surname, given name ("белова
        анна"), in a language whose surnames show it by their endings?"""
        lang = self.lang
        return (
            lang.inflected_names
            and len(words) >= 2
            and is_given_name(words[-1])
            and not is_given_name(words[-2])
            and lang.surname_gender(words[-2]) is not None
            and lang.surname_gender(words[-2]) == gender_of(words[-1])
        )

    def _lone_apposition(self, word: str, end: int) -> str:
        """The role of a lone surname in "Roe, the mayor, said …" (a role in apposition
        between commas, then a reporting verb), or ""."""
        lang = self.lang
        m = _LONE_APPOSITION_RE.match(self.masked, end)
        low = word.lower()
        if m is None or m.group("det").lower() not in lang.determiners or word.isupper():
            return ""
        ordinary = (
            lang.function_words
            | lang.adverbs
            | lang.determiners
            | lang.calendar_words
            | lang.roles
            | lang.titles
            | lang.org_words
            | self._pronouns
        )
        if low in ordinary or m.group("verb").lower() not in lang.speech_verbs:
            return ""
        roles = [w for w in m.group("words").lower().split() if w in lang.roles]
        return lang.base_form(roles[-1]) if roles else ""

    def _role_before_comma(self, start: int, end: int) -> str:
        """The role of a name in apposition after it: "the shadow energy secretary, Ed
        Varley, said" → "secretary", "the Premier of the state, Tom Reed." → "premier" (a
        title's complement with "of" may stand between); "" if there is none, or if the name
        goes on into more words ("the minister, Ed Vane and …")."""
        masked = self.masked
        after = masked[end : end + 2]
        if not (after[:1] == "," or (after[:1] in ".;" and after[1:2] in ("", " ", "\n"))):
            return ""
        comma = masked.rfind(",", max(0, start - 3), start)
        if comma < 0:
            return ""
        before = re.findall(r"[\w’'\-]+", masked[max(0, comma - 60) : comma])[-5:]
        roles = self.lang.roles | self.lang.titles
        if before and before[-1].lower() in roles:
            return before[-1].lower()
        links = self.lang.title_links
        for i in range(len(before) - 2, max(0, len(before) - 5), -1):
            if before[i].lower() in links:  # "the Premier of the state, Tom Reed"
                word = before[i - 1].lower()
                return word if word in roles else ""
        return ""

    def _party_of(self, end: int) -> set[str]:
        """What a US party tag after a name makes its holder: "Lena Farris (D-Ill.)" and
        "Mitch Brody, R-Ky.," → the party's noun and the state's name ("democrat", "illinois")."""
        lang = self.lang
        if not lang.party_nouns:
            return set()
        m = _PARTY_RE.match(self.text, end)
        if m is None:
            return set()
        out = {lang.party_nouns[m.group("party")]}
        state = lang.region_names.get((m.group("state") or "").rstrip("."), "")
        out.update(state.split())
        return out

    def _described_as(self, end: int) -> set[str]:
        """The roles a description in apposition after a name gives its holder: "Ana Ruiz, a
        spokeswoman for the city," and "Ana Ruiz, 41, the city’s spokeswoman," → spokeswoman;
        "Мария Зорина, официальный представитель МИД," → представитель."""
        m = _DESCRIPTION_RE.match(self.masked, end)
        if m is None:
            return set()
        lang = self.lang
        found = [w.lower() for w in re.findall(r"[\w’'\-]+", m.group("words"))]
        first = found[0] if found else ""
        opener = (
            first in lang.determiners
            or first.endswith(_POSSESSIVE)
            or (not lang.indefinite_articles and (first in lang.roles or first in lang.titles))
            or (not lang.indefinite_articles and first in lang.title_modifiers)
        )
        if not opener:
            return set()
        roles = lang.roles | lang.titles
        out = {lang.base_form(w) for w in found if w in roles}
        parties = set(lang.party_nouns.values())
        if parties.intersection(found):
            # "Ann Holt, a Democrat from Ohio," is "the Ohio Democrat", as a party tag says
            regions = {w for r in lang.region_names.values() for w in r.split()}
            out |= {w for w in found if w in parties or w in regions}
        return out

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

    def add(
        self, name: str, pos: int = 0, titles: Iterable[str] = (), inflected: bool = True
    ) -> None:
        """Record a person's name as seen in the document, with the titles seen before it;
        `inflected` says whether it may be in a case form to put in the nominative."""
        if inflected and self.lang.name_nominative is not None:
            name = self.lang.name_nominative(name)  # "Дмитрия Пескова" → "Дмитрий Песков"
        parts = name.split()
        if not parts:
            return
        key = self._key(parts[-1]) or parts[-1].lower()
        forms = self._forms.setdefault(key, Counter())
        if name not in forms:
            self._mentions = None
            self._given_keys = None
        forms[name] += 1
        held = self._titles.setdefault(key, set())
        for title in titles:
            title = self.lang.base_form(title)
            held.add(title)
            held.update(self.lang.title_expansions.get(title, ()))
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
                stem = key[:-1] if len(key) > 4 and key[-1] in _SOFT_ENDINGS else key
                if stem != key and low.startswith(stem) and len(low) - len(stem) <= 3:
                    return key  # "Зориной" is "Зорина"
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
        if self.lang.name_nominative is not None:
            name = self.lang.name_nominative(name)  # "по словам Олега Варина" → "Олег Варин"
        parts = name.split()
        if not parts:
            return name
        key = self._key(parts[-1])
        if key is None:
            if len(parts) == 1:
                # "Rod said" after "Rod Kern said": a person called by given name alone
                return self._by_given_name(name) or name
            return name
        particles = self.lang.name_particles
        given = split_name(name, particles)[0]
        forms = [
            f
            for f in self._forms[key]
            if given_compatible(split_name(f, particles)[0], given)
            or (given and f.endswith(" " + name))  # "Marsh Patel": "Elena Marsh Patel"
        ]
        if not forms:
            return name
        if not given and pos is not None and len(forms) > 1:
            recent = self._recent_form(key, pos)
            if recent is not None:
                return recent
        return self._fullest(forms, key)

    def _introduced_with(self, key: str, words: Sequence[str]) -> bool:
        """Were `words` written with this person's first full mention: just before it ("Rovers"
        in "Furious Rovers boss Danny Keogh", for "the Rovers chief") or in the description
        after it, up to the sentence's end ("Sen. Tom Hale of Arizona", for "the Arizona
        Republican")?"""
        window = self._intro_window(key)
        return all(re.search(rf"\b{re.escape(w)}\b", window) for w in words)

    def _same_region(self, key: str, words: Sequence[str]) -> bool:
        """Could this person be from the region `words` name ("ohio" in "the Ohio
        Republican")? Yes unless the person's introduction names another region."""
        regions = set(self.lang.region_names.values())
        wanted = " ".join(words)
        if not any(r in wanted for r in regions):
            return True
        window = self._intro_window(key)
        named = any(re.search(rf"\b{re.escape(r)}\b", window) for r in regions)
        return wanted in window or not named

    def _intro_window(self, key: str) -> str:
        """The words around a person's first full mention: a few before it and the rest of
        its sentence, lower case."""
        first = min((self._order.get(f, 0) for f in self._forms[key]), default=0)
        start = max(0, first - _INTRO_CHARS, self._sentence_start(first))
        before = self.masked[start:first]
        # "Ann Holt, a Democrat from Ohio, met Tom Reed": what comes before a comma describes
        # someone else ("the shadow energy secretary, Ed Varley" is read apart)
        before = before[before.rfind(",") + 1 :]
        for joiner in self.lang.conjunctions:  # "Former mayor Ann Holt and Mayor Lisa Park"
            cut = before.lower().rfind(f" {joiner} ")
            if cut >= 0:
                before = before[cut + len(joiner) + 2 :]
        after = self.masked[first : first + 2 * _INTRO_CHARS]
        stop = re.search(r"[.!?](?=\s)|\n", after)
        return (before + " " + after[: stop.start() if stop else None]).lower()

    def _titled_just_before(self, key: str, role: str) -> bool:
        """Does `role` stand a few words before this person's first full mention, with no
        reporting verb between ("Министр иностранных дел Северии Олег Варин", not "The
        President noted that he had met Director Fenn")?"""
        first = min((self._order.get(f, 0) for f in self._forms[key]), default=0)
        start = max(0, first - _INTRO_CHARS, self._sentence_start(first))
        window = self.masked[start:first].lower()
        expansions = self.lang.title_expansions.items()
        written = [role] + [short + "." for short, full in expansions if role in full]
        at, role = max((window.rfind(w), w) for w in written)
        if at < 0 or (at > 0 and window[at - 1].isalnum()):
            return False
        rest = window[at + len(role) :]
        between = re.findall(r"[\w’'\-]+", rest)
        return (
            "," not in rest  # "Ann Holt, a Democrat from Ohio, met Tom Reed": Holt's, not his
            and len(between) <= 4
            and not any(w in self.lang.speech_verbs for w in between)
            and not any(self._key(w) not in (None, key) for w in between)
        )  # "President Halvard Moe met Gov. Ada Lisle": the title is Moe's, not Lisle's

    def _by_given_name(self, given: str) -> str | None:
        """The one person whose given name is `given`, if exactly one is."""
        low = given.lower()
        if self._given_keys is None:  # indexed once per new name, not once per question
            self._given_keys = {}
            for key, forms in self._forms.items():
                for f in forms:
                    if " " in f:
                        self._given_keys.setdefault(f.split()[0].lower(), set()).add(key)
        found = {
            self._fullest(
                [f for f in self._forms[key] if " " in f and f.split()[0].lower() == low], key
            )
            for key in self._given_keys.get(low, ())
        }  # "Rod" is "Rod Kern", not his wife "Fran Kern"
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
                held = self._titles.get(key, set())
                if gender is not None and self._gender.get(key, gender) != gender:
                    continue  # "— сказала министр": not the minister who is a man
                if any(r in held and r not in wanted for r in self.lang.rank_modifiers):
                    continue  # "Vice President Harris" is not "the president"
                if (
                    all(w in held for w in wanted)
                    or (len(wanted) > 1 and self._introduced_with(key, wanted[:-1]))
                    or (len(wanted) == 1 and self._titled_just_before(key, wanted[0]))
                ):  # "Министр иностранных дел Северии Олег Варин" … "спросил министр"
                    return self._mention_display(mentions[j])
            if wanted[-1] in self.lang.party_nouns.values():
                # "the Ohio Republican" with no party tag to say who is one: the nearest
                # person holding an office a party's member holds ("Sen. Ben Hart")
                for j in range(i, max(i - 30, -1), -1):
                    key = mentions[j][1]
                    if self._titles.get(key, set()) & self.lang.party_offices:
                        if not self._same_region(key, wanted[:-1]):
                            return None  # "Sen. Tom Hale of Arizona" is no Nevada Republican
                        return self._mention_display(mentions[j])
                return None
            if len(wanted) > 1 or self.lang.base_form(wanted[0]) in self.lang.source_roles:
                # "the Commerce Secretary", "the official": nobody named was introduced as
                # that, and an unnamed source's role is no one else's
                return None
            # "журналист Павел Силин" … "сказал глава МИД": whoever was brought in as the
            # one who reports or asks is not the one another role names
            askers = self.lang.interviewer_labels
            if not askers & set(wanted):
                while i >= 0 and self._titles.get(mentions[i][1], set()) & askers:
                    i -= 1
                if i < 0:
                    return None
        return self._mention_display(mentions[self._first_in_sentence(i, gender)])

    def introduced_after(self, name: str, pos: int) -> bool:
        """Is the first full mention of the person `name` after `pos`?"""
        key = self._key(name.split()[-1]) if name.split() else None
        if key is None:
            return False
        full = [self._order.get(f, 0) for f in self._forms[key] if " " in f]
        return bool(full) and min(full) > pos

    def holder_of(self, role: str, pos: int) -> str | None:
        """The person named before `pos` (or anywhere, if none before) who holds `role`, by
        display name: "THE PRESIDENT:" in a transcript headed "Remarks by President Biden"."""
        mentions = self._mention_index()
        i = bisect_left(mentions, pos, key=lambda m: m[0])
        wanted = role.split()
        for j in [*range(i - 1, -1, -1), *range(i, len(mentions))]:
            held = self._titles.get(mentions[j][1], set())
            other_rank = any(r in held and r not in wanted for r in self.lang.rank_modifiers)
            if all(w in held for w in wanted) and not other_rank:
                return self._mention_display(mentions[j])
        return None

    def holder_after(self, role: str, pos: int, reach: int) -> str | None:
        """The first person named within `reach` characters after `pos` with the title `role`
        ("the mayor" … "Mayor Wade Hart"), by display name; None if the role has an earlier
        holder or nobody that close holds it."""
        mentions = self._mention_index()
        wanted = role.split()
        i = bisect_left(mentions, pos, key=lambda m: m[0])
        for j in range(i, len(mentions)):
            if mentions[j][0] > pos + reach:
                break
            held = self._titles.get(mentions[j][1], set())
            other_rank = any(r in held and r not in wanted for r in self.lang.rank_modifiers)
            if all(w in held for w in wanted) and not other_rank:
                return self._mention_display(mentions[j])
        return None

    def speaker_after(self, pos: int, reach: int) -> str | None:
        """The first person within `reach` characters after `pos` whom a reporting verb
        follows and who was brought in with no role of their own, by display name."""
        mentions = self._mention_index()
        i = bisect_left(mentions, pos, key=lambda m: m[0])
        for j in range(i, len(mentions)):
            at, key, _ = mentions[j]
            if at > pos + reach:
                break
            if self._titles.get(key, set()) & self.lang.roles:
                continue
            if self._reports_after(at) or self._verb_right_after(at):
                return self._mention_display(mentions[j])
        return None

    def _verb_right_after(self, at: int) -> bool:
        """ "Олег Варин, отметил": a reporting verb right after the surname at `at`, a
        comma between."""
        m = _VERB_AFTER_RE.match(self.masked, at)
        return m is not None and m.group(1).lower() in self.lang.speech_verbs

    def _first_in_sentence(self, i: int, gender: str | None) -> int:
        """The subject (of `gender`) of the sentence of mention `i`: the person a reporting
        verb follows ("After meeting Reed, Holt said …" → Holt), else the first mentioned."""
        mentions = self._mention_index()
        start = self._sentence_start(mentions[i][0])
        first = i
        reporting = -1
        while True:
            if (gender is None or self._gender.get(mentions[i][1], gender) == gender) and (
                self._reports_after(mentions[i][0]) or self._reported_before(mentions[i][0])
            ):
                reporting = i
            if i == 0 or mentions[i - 1][0] < start:
                break
            i -= 1
            if gender is None or self._gender.get(mentions[i][1], gender) == gender:
                first = i
        return reporting if reporting >= 0 else first

    def _reported_before(self, at: int) -> bool:
        """Does a reporting verb come shortly before the name at `at`, with its subject after
        it ("said Ann Berg", "сообщил журналистам пресс-секретарь президента Роман
        Вешков")?"""
        start = max(self._sentence_start(at), at - _INTRO_CHARS)
        before = re.findall(r"[\w’'\-]+", self.masked[start:at])
        return any(word.lower() in self.lang.inversion_verbs for word in before[-6:])

    def _reports_after(self, at: int) -> bool:
        """Does a reporting verb follow the name mentioned at `at` ("Holt said", "Ed Vane, his
        spokesman, said", "Holt has also told")?"""
        m = _AFTER_NAME_RE.match(self.masked, at)
        if m is None:
            return False
        words = [w.lower() for w in m.group("words").split()]
        while words and (words[0] in self.lang.auxiliaries or words[0] in self.lang.adverbs):
            words.pop(0)
        return bool(words) and (
            words[0] in self.lang.speech_verbs or " ".join(words[:2]) in self.lang.speech_verbs
        )

    def has_spoken(self, name: str, pos: int) -> bool:
        """Is the person `name` mentioned before `pos` with a reporting verb ("Holt asked
        Reed if …", "said Holt")?"""
        key = self._key(name.split()[-1]) if name.split() else None
        if key is None:
            return False
        mentions = self._mention_index()
        if self._spoke_for is not mentions:  # the people changed: read again
            self._spoke_for, self._spoke, self._mentions_of = mentions, {}, {}
            for at, k, _ in mentions:
                self._mentions_of.setdefault(k, []).append(at)
        if key not in self._spoke:
            # each person's first mention with a reporting verb, found once
            self._spoke[key] = next(
                (
                    at
                    for at in self._mentions_of.get(key, ())
                    if self._reports_after(at) or self._reported_before(at)
                ),
                len(self.masked),
            )
        return self._spoke[key] < pos

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
        if surnames and self.lang.inflected_names:
            # "Зорина" is also "Зориной", "Скрипаль" "Скрипаля": the stem and its case ending
            surnames = {s[:-1] if len(s) > 4 and s[-1] in _SOFT_ENDINGS else s for s in surnames}
        if surnames:
            ending = r"\w{0,3}" if self.lang.inflected_names else r"(?:’s|'s)?"
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
    """The abbreviated title right before `pos` ("rep" in "Rep. Lia de la Cruz"), or ""."""
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
