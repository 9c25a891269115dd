"""Who a noun phrase before or after a quote stands for: a name, a pronoun, a role, a group.

A name is shown in its fullest form the document uses. A pronoun or a role ("he", "the
diplomat") is resolved to the nearest person named before it (of the pronoun's gender, where the
name book knows it; a pronoun after a sentence led by a role, "The President said he phoned
Fenn", is the role's holder), and "they"/"it" to the nearest organisation that spoke before. A
role brought in without a name ("a Labor Department official said … the official said"), owned
by someone ("your leader") or qualified by a name nobody was described with ("the Commerce
Secretary") stays unnamed. Who holds a role is what the name book learned: titles before a name
(abbreviated ones too: "Gov." → governor), a description after it ("Ana Ruiz, a spokeswoman"),
a US party tag ("(D-Ill.)" → the Illinois Democrat), rank modifiers ("the vice president" is
not "the president"). When nobody the document introduced comes before a pronoun or role, a
lone surname that a reporting verb follows stands for it ("Трамп заявил … — сказал глава
государства").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from quotebook.quotes.given_names import is_given_name
from quotebook.quotes.model import Turn
from quotebook.quotes.names import NameBook
from quotebook.quotes.phrases import (
    FIRST,
    GROUP,
    ORG,
    PERSON,
    PRONOUN,
    ROLE,
    UNNAMED,
    Phrase,
    classify_run,
)
from quotebook.quotes.reading import Reader
from quotebook.quotes.text import Document

_PRONOUN_CHAIN = 3  # sentences led by the same pronoun passed over to find who it stands for
_HOLDER_REACH = 600  # characters read on for the holder of a role nobody held before
_NAMED_LATER_REACH = 400  # characters read on for the name of a source brought in as "a spokesman"
_NEXT_SPEAKER_REACH = 300  # characters read on for a speaker after a role nobody held before
_INTRO_WINDOW = 400  # characters read back for "a/an <role>" bringing in an unnamed source
_LONE_WINDOW = 1500  # characters read back for a lone surname that a reporting verb follows
_LONE_SUBJECT_RE = re.compile(
    r"(?<![\w.’'\-])(?P<name>[A-ZА-ЯЁ][a-zа-яё’'\-]{2,})[ \u00a0]+(?P<verb>[a-zа-яё]+)"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quote (`speaker`, or None), how that was found (`cue`) and how surely.

    `reported` is true when a reporting verb or phrase was found even though it names no one
    (`“…,” an official said`): such a quote is someone's words, just not a named person's.
    """

    speaker: str | None
    cue: str
    strength: float
    reported: bool = True


NOBODY = Attribution(None, "", 0.0, reported=False)


class Resolver(Reader):
    """Resolves the subjects the reading rules find to speakers, in reading order."""

    def __init__(self, doc: Document, names: NameBook, turns: Sequence[Turn] = ()) -> None:
        super().__init__(doc, names)
        self._turns = sorted(turns, key=lambda t: t.start)
        self._groups: list[tuple[int, str]] = []
        lang = self.lang
        self._not_names = (
            lang.org_words
            | lang.roles
            | lang.titles
            | lang.determiners
            | lang.function_words
            | lang.person_pronouns
            | lang.group_pronouns
            | lang.first_person
            | lang.indefinite_pronouns
            | lang.demonyms
        )

    def _attribution(self, phrase: Phrase | None, cue: str) -> Attribution:
        if phrase is None:
            return Attribution(None, cue, 0.5)
        names = self.names
        shouted = phrase.kind == PERSON and phrase.text.isupper() and len(phrase.text) > 3
        if shouted and not names.is_person(phrase.text.split()[-1]):
            return Attribution(None, cue, 0.5)  # "MAYOR ON HARBOUR CLOSURES:": a headline
        lone = phrase.kind in (PERSON, ORG) and " " not in phrase.text
        if lone and not names.is_person(phrase.text) and self._common_noun(phrase):
            return Attribution(None, cue, 0.6)
        if phrase.kind == PERSON:
            if lone and not names.is_person(phrase.text):
                if cue in ("after", "before") and self._surname_shaped(phrase.text):
                    # "«…», — сказал Орлов, губернатор. «…», — добавил он.": a surname that
                    # speaks is someone the pronouns after it may stand for
                    names.add(phrase.text, phrase.pos)
                return Attribution(names.display(phrase.text), cue, 0.8)
            if not lone:
                names.add(phrase.text, phrase.pos)
            return Attribution(names.display(phrase.text, phrase.pos), cue, 1.0)
        if phrase.kind == ORG:
            self._groups.append((phrase.pos, phrase.text))
            return Attribution(phrase.text, cue, 0.9)
        if phrase.kind == PRONOUN:
            if self._unnamed_source_before(phrase.pos):
                return Attribution(None, cue, 0.6)
            gender = self.lang.pronoun_gender(phrase.text)
            anchor = self._past_pronoun_subjects(phrase.pos, gender)
            subject = self._role_subject(anchor, gender)
            if subject is not None:
                return Attribution(subject, cue, 0.8)
            person = names.nearest_person(anchor, gender=gender)
            if person is None:
                person = self._lone_subject_before(anchor, gender)
            return Attribution(person, cue, 0.85)
        if phrase.kind == ROLE and self._bare_title(phrase, cue):
            # "Major, whose regiment held the pass, said …", "said Marshal": a title word
            # with no article before it, capitalised, is a surname
            word = self.doc.text[phrase.pos : phrase.pos + len(phrase.text)]
            names.add(word, phrase.pos)
            return Attribution(names.display(word), cue, 0.8)
        if phrase.kind == ROLE:
            if self._introduced_unnamed(phrase):
                # "A spokesman says … “surveys.”" and then "But spokesman Rhys Vale did not
                # …": the source the next lines name with the same role
                holder = names.holder_after(phrase.text, phrase.pos, _NAMED_LATER_REACH)
                return Attribution(holder, cue, 0.7 if holder else 0.6)
            person = names.nearest_person(phrase.pos, phrase.text, self._verb_gender(phrase))
            source = self.lang.base_form(phrase.text.split()[-1]) in self.lang.source_roles
            if (
                " " not in phrase.text
                and not source
                and (person is None or names.introduced_after(person, phrase.pos))
            ):
                # nobody, or somebody the reader meets with that title only later: a lone
                # surname a reporting verb follows before the quote is the better guess
                person = self._lone_subject_before(phrase.pos, None) or person
            if person is None:
                # "The mayor … vowed to rebuild “every school.”" and the next paragraph's
                # "Mayor Wade Hart told reporters": the role's holder, named just after
                words = phrase.text.lower().split()
                head = [w for w in words if w in self.lang.roles | self.lang.titles]
                if head:  # "the Porthaven mayor": the role words, not the place
                    person = names.holder_after(" ".join(head), phrase.pos, _HOLDER_REACH)
                if (
                    head
                    and person is None
                    and not source
                    and names.antecedent_at(phrase.pos) is None
                ):
                    # nobody named before at all: "…», – сказал министр. Олег Варин
                    # отметил, что …": the one the next sentence names as speaking
                    person = names.speaker_after(phrase.pos, _NEXT_SPEAKER_REACH)
            return Attribution(person, cue, 0.85)
        if phrase.kind == GROUP:
            return Attribution(self._nearest_group(phrase.pos), cue, 0.7)
        if phrase.kind == FIRST and phrase.text in self.lang.speaker_self:
            # "As I said yesterday, “…”" in a transcript turn: the turn's speaker.
            i = bisect_left(self._turns, phrase.pos, key=lambda t: t.start) - 1
            if i >= 0 and self._turns[i].end >= phrase.pos:
                return Attribution(self._turns[i].speaker, cue, 0.8)
        if phrase.kind in (FIRST, UNNAMED):
            return Attribution(None, cue, 0.6)
        return Attribution(None, cue, 0.5)

    def _bare_title(self, phrase: Phrase, cue: str) -> bool:
        """Is this one-word role a capitalised word with no article before it, in a language
        whose roles take one ("The king said" is a role; "King said" a surname)?"""
        lang = self.lang
        if cue not in ("after", "before") or " " in phrase.text or not lang.definite_articles:
            return False
        text = self.doc.text
        word = text[phrase.pos : phrase.pos + len(phrase.text)]
        if not word[:1].isupper() or word.isupper() or word.lower() != phrase.text:
            return False
        before = re.search(
            r"([\w’'\-]+)[ \u00a0]*$", self.doc.masked[max(0, phrase.pos - 40) : phrase.pos]
        )
        previous = before.group(1).lower() if before else ""
        return not (
            previous in lang.determiners
            or previous in lang.possessives
            or previous.endswith(("’s", "'s"))
            or previous in lang.title_modifiers
            or previous in lang.roles
            or previous in lang.titles
        )

    def _surname_shaped(self, word: str) -> bool:
        """Does a lone capitalised word look like a surname: by its ending, where the
        language shows it ("Орлов", "Белова"), or as no word the language knows?"""
        lang = self.lang
        if lang.inflected_names:
            return lang.surname_gender(word) is not None
        low = word.lower()
        return low not in self._not_names and not word.isupper() and not is_given_name(low)

    def _verb_gender(self, phrase: Phrase) -> str | None:
        """The gender a Russian past-tense reporting verb next to a role gives its subject:
        "— сказала министр" is a woman, "министр заявил" a man."""
        lang = self.lang
        if not lang.inflected_names:
            return None
        masked = self.doc.masked
        before = re.search(r"([а-яё]+)[ \u00a0]+$", masked[max(0, phrase.pos - 30) : phrase.pos])
        end = phrase.pos + len(phrase.text)
        after = re.match(r"[ \u00a0]+([а-яё]+)", masked[end : end + 30])
        for m in (before, after):
            verb = m.group(1) if m else ""
            if verb not in lang.speech_verbs:
                continue
            if verb.endswith(("ла", "лась")):
                return "f"
            if verb.endswith(("л", "лся")):
                return "m"
        return None

    def _lone_subject_before(self, pos: int, gender: str | None) -> str | None:
        """When nobody the name book knows comes before a pronoun or a role, the nearest word
        alone that a reporting verb follows ("Трамп заявил, что … «…», — сказал глава
        государства", "Sorin said … “…,” the minister added"): a surname written without a
        first name or a title, as the subject of a sentence."""
        lang = self.lang
        masked = self.doc.masked
        start = max(0, pos - _LONE_WINDOW)
        found: str | None = None
        for m in _LONE_SUBJECT_RE.finditer(masked, start, pos):
            name, verb = m.group("name"), m.group("verb").lower()
            low = name.lower()
            # "Варенцов подошёл к репортёрам": a surname's shape and a past-tense verb after it
            # make it a subject even when the verb reports nothing
            acting = (
                lang.inflected_names
                and lang.surname_gender(name) is not None
                and verb.endswith(("л", "ла"))
            )
            if (verb not in lang.speech_verbs and not acting) or low in self._not_names:
                continue
            if low.endswith("s") and not low.endswith(("ss", "us", "is")):
                continue  # "Officials said", "Democrats say": a plural noun
            if gender and lang.inflected_names and verb.endswith("ла") != (gender == "f"):
                continue  # "Захарова заявила" is no "он"
            found = name
        return found

    def _past_pronoun_subjects(self, pos: int, gender: str | None) -> int:
        """Where to look back from for the person a pronoun at `pos` stands for. "Ann Lee runs
        the café. She has written to Mayor Bo Hart. “…,” she said.": the nearest name, Hart,
        sits in a sentence whose subject is itself that pronoun, so the name is its object and
        the chain of "she"s leads back to the subject before it, Lee."""
        for _ in range(_PRONOUN_CHAIN):
            at = self.names.antecedent_at(pos, gender)
            if at is None:
                break
            start = self.doc.sentence_start(at)
            tokens = self.doc.tokens(start, at)
            if not tokens or tokens[0].lower not in self.lang.person_pronouns:
                break
            said = self.lang.pronoun_gender(tokens[0].lower)
            if gender is not None and said is not None and said != gender:
                break
            if self.names.antecedent_at(start, gender) is None:
                break  # nobody of the pronoun's kind before: the object is all there is
            pos = start
        return pos

    def _role_subject(self, pos: int, gender: str | None) -> str | None:
        """ "The President noted he had met Director Fenn and Mayor Dorsey. “…,” he said.": a
        sentence whose subject is a role ("The President") and whose named people come after
        it in the object; the pronoun stands for the role's holder, not the first name."""
        doc = self.doc
        at = self.names.antecedent_at(pos, gender)
        if at is None:
            return None
        start = doc.sentence_start(at)
        tokens = doc.tokens(start, at)
        if len(tokens) < 3 or tokens[0].lower not in self.lang.definite_articles:
            return None
        k = 1
        while k < len(tokens) and self._title_word(tokens[k]) and tokens[k].is_word:
            k += 1
        if k == 1 or k >= len(tokens) or not tokens[k].text.islower():
            return None
        holder = self.names.nearest_person(tokens[k - 1].start, tokens[k - 1].lower.rstrip("."))
        if holder is None or (gender and self.names.gender_of(holder) not in (None, gender)):
            return None
        return holder

    def _introduced_unnamed(self, phrase: Phrase) -> bool:
        """Was this role brought in without a name just before ("a Labor Department official
        said … the official said")? Then it is that unnamed source, not a person named earlier."""
        # "a spokesman", and "his lawyer" (someone's, whom the text does not name)
        articles = self.lang.indefinite_articles | self.lang.possessives
        if not articles:
            return False
        head = phrase.text.split()[-1]
        window = self.doc.masked[max(0, phrase.pos - _INTRO_WINDOW) : phrase.pos + len(head)]
        pattern = (
            rf"(?i)\b(?:{'|'.join(articles)})[ \u00a0]+(?:[\w’'\-]+[ \u00a0]+){{0,3}}"
            rf"{re.escape(head)}\b"
        )
        possessives = self.lang.possessives
        intros = [
            m
            for m in re.finditer(pattern, window)
            # "His mother told the paper": a possessive role is no source of its own; it
            # stands for someone named before unless an earlier "his lawyer" brought it in
            if m.group().split()[0].lower() not in possessives or m.end() < len(window)
        ]
        if not intros:
            return False
        intro = intros[-1]
        after = window[intro.end() :]
        return not any(self.names.is_person(w) for w in re.findall(r"\b[A-ZА-ЯЁ][\w’'\-]+", after))

    def _unnamed_source_before(self, pos: int) -> bool:
        """ "…, a Red Cross spokeswoman said. “…,” she said.": a pronoun right after an unnamed
        source that spoke stands for that source, if no one is named in between."""
        doc = self.doc
        sentence = doc.sentence_start(pos)
        start = doc.sentence_start(sentence - 1) if sentence > 0 else 0
        tokens = doc.tokens(start, pos)
        articles = self.lang.indefinite_articles
        for i in range(len(tokens) - 1, 0, -1):
            if tokens[i].is_capitalised and self.names.is_person(tokens[i].text):
                return False
            n = self._verb_at(tokens, i)
            if not n:
                continue
            k = i
            while k > 0 and self._skippable(tokens[k - 1]):
                k -= 1
            np = self._backward_np(tokens, k)
            return bool(np) and np[0].lower in articles and np[-1].lower in self.lang.roles
        return False

    def _nearest_group(self, pos: int) -> str | None:
        """The organisation "they" or "it" at `pos` stands for: the last one that spoke, or
        else the last one named in this or the previous sentence."""
        doc = self.doc
        sentence = doc.sentence_start(pos)
        start = doc.sentence_start(sentence - 1) if sentence > 0 else 0
        tokens = doc.tokens(start, pos)
        for j in range(len(tokens) - 1, -1, -1):
            if not tokens[j].is_capitalised or (
                j + 1 < len(tokens) and tokens[j + 1].is_capitalised
            ):
                continue
            k = j
            while k > 0 and tokens[k - 1].is_capitalised:
                k -= 1
            after_the = k > 0 and tokens[k - 1].lower in self.lang.definite_articles
            phrase = classify_run(tokens[k : j + 1], self.lang, after_the=after_the)
            if phrase is not None and phrase.kind == ORG:
                return phrase.text
        i = bisect_left(self._groups, pos, key=lambda g: g[0]) - 1
        return self._groups[i][1] if i >= 0 else None

    def _common_noun(self, phrase: Phrase) -> bool:
        """Is a lone capitalised word a plural noun capitalised only by starting a sentence
        ("Officials said", "Critics call it")?"""
        word = phrase.text
        low = word.lower()
        if self.doc.sentence_start(phrase.pos) != phrase.pos:
            return False
        if low in self.lang.org_words or low in self.lang.roles:
            return True
        return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3
