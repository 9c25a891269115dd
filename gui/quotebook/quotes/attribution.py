"""Find who said a quotation, from the reporter's words around it.

News attributes a quote in a handful of shapes, tried here in order of how reliable they are:

1. right after the closing mark: `“…,” said X` / `“…,” X told Y` / `“…,” as X put it` /
   `“…,” according to X` (Russian: `«…», — заявил X`), `said the mayor, X` (the name in
   apposition to an inverted role), `“…,” a diplomat who was there said`, and for a quote on
   its own line, a source after a dash (`“…” — Jane Doe, 41`, `“…” ― @handle`);
2. before the opening mark, in the same sentence: `X said the talks would “drag out”`,
   `According to X, … “…”`, `X outlined: “…”`, `X, an economist, told me …`, `X laughed and
   called it “…”`, `Как сообщил источник, … «…»` (the rightmost reporting verb wins);
3. below a quote that fills its paragraph, a line that is a name alone (`Mayor Barry DuVal`,
   archives and pull quotes); in a heading that opens with a person and a colon (`McConnell:
   … “Tougher Than They Thought”`), that person;
4. from the sentence before, in the same paragraph (`According to him, … . “…”`), or for a
   quote that makes up its own paragraph, from the paragraph before when it ends with a colon
   (`Caddick continued:`, `Governor Cooper made the following statement on HB 453:`, whose
   subject is the speaker) or with a quote of known speaker. An unnamed source is remembered
   as unnamed, so the quotes that continue it are nobody's rather than the last person's.

A reporting verb is any form in the language's list (said, outlined, rejected, warned, заявил…),
not a short fixed set; forms that double as nouns ("claims", "note") count only with a subject or
an auxiliary beside them, and passives ("was told") do not count. The subject is read with
`analyse_np`; a pronoun or a role ("he", "the diplomat") is resolved to the nearest person
named before it (of the pronoun's gender, where the name book knows it; a pronoun after a
sentence led by a role, "The President said he called Comey", is the role's holder), and
"they"/"it" to the nearest organisation that spoke before. A role brought in without a name
("a Labor Department official said … the official said"), owned by someone ("your leader") or
qualified by a name nobody was described with ("the Commerce Secretary") stays unnamed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from quotebook.quotes.given_names import is_given_name
from quotebook.quotes.languages import MARKS
from quotebook.quotes.marks import MarkedSpan
from quotebook.quotes.model import Turn
from quotebook.quotes.names import (
    FIRST,
    GROUP,
    ORG,
    PERSON,
    PRONOUN,
    ROLE,
    UNNAMED,
    NameBook,
    Phrase,
    analyse_np,
    classify_run,
    is_demonym,
    is_ly_adverb,
)
from quotebook.quotes.text import Document, Token, next_nonblank_line, previous_nonblank_line

_DASHES = frozenset({"—", "–", "―", "-"})
_SEPARATORS = frozenset({",", "…"}) | _DASHES
_QUOTE_MARKS = frozenset(MARKS)
_WINDOW = 240  # characters of reporter's text read after a quote
_INTRO_WINDOW = 400  # characters read back for "a/an <role>" bringing in an unnamed source


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


class Attributor:
    """Attributes the quotes of one document, in reading order."""

    def __init__(self, doc: Document, names: NameBook, turns: Sequence[Turn] = ()) -> None:
        self.doc = doc
        self.names = names
        self._turns = sorted(turns, key=lambda t: t.start)
        self.lang = doc.language
        lang = self.lang
        self._single = frozenset(v for v in lang.speech_verbs if " " not in v)
        self._single_after = self._single | {v for v in lang.after_only_verbs if " " not in v}
        self._multi: dict[str, list[tuple[str, ...]]] = {}
        self._multi_after: dict[str, list[tuple[str, ...]]] = {}
        for verb in lang.after_only_verbs | lang.speech_verbs:
            if " " in verb:
                words = tuple(verb.split())
                self._multi_after.setdefault(words[0], []).append(words)
        for verb in lang.speech_verbs:
            if " " in verb:
                words = tuple(verb.split())
                self._multi.setdefault(words[0], []).append(words)
        for table in (self._multi, self._multi_after):
            for options in table.values():
                options.sort(key=len, reverse=True)
        self._according = [tuple(p.split()) for p in lang.according_to]
        self._put_it = [tuple(p.split()) for p in lang.as_put_it]
        self._np_words = (
            lang.determiners
            | lang.titles
            | lang.title_modifiers
            | lang.roles
            | lang.name_particles
            | lang.org_words
        )
        self._skip = lang.adverbs | lang.auxiliaries
        self._groups: list[tuple[int, str]] = []
        self._by_sentence: dict[int, str] = {}  # sentence start -> speaker ("" if unnamed)

    # ---- public ---------------------------------------------------------------------------

    def attribute(self, span: MarkedSpan, *, embedded: bool) -> Attribution:
        """Attribute one quote; quotes must be passed in reading order."""
        found = (
            self._after(span, embedded)
            or self._before(span.open_at)
            or self._credit_below(span)
            or self._headline_speaker(span)
            or self._inherit(span, embedded)
        )
        found = found or NOBODY
        if found.speaker is not None or found.reported:
            # An unnamed source ("a diplomat said") is recorded too, as "": the quotes that
            # continue its words are unnamed as well, not someone else's.
            self._by_sentence[self.doc.sentence_start(span.open_at)] = found.speaker or ""
        return found

    # ---- the three places -----------------------------------------------------------------

    def _after(self, span: MarkedSpan, embedded: bool) -> Attribution | None:
        if not span.closed:
            return None
        begin = span.close_at + 1
        end = min(self.doc.sentence_end(begin), begin + _WINDOW)
        tokens = self.doc.tokens(begin, end)
        i = 0
        while i < len(tokens) and tokens[i].text in _SEPARATORS:
            i += 1
        dashed = any(t.text in _DASHES for t in tokens[:i])
        tokens = tokens[i:]
        if not tokens:
            return None
        inside = self.doc.text[span.start : span.end].rstrip()
        if i == 0 and inside.endswith(".") and tokens[0].is_capitalised:
            return None  # `“… truth.” Kuleba added that …`: the quote ended its sentence
        if i == 0 and embedded and inside[-1:].isalnum():
            # `the ad “unmistakably” suggests …`: the quote is part of the clause.
            return self._according_later(tokens)
        n = self._phrase_at(tokens, 0, self._according)
        if n:
            return self._attribution(
                analyse_np(self._forward_np(tokens[n:]), self.lang), "according"
            )
        if tokens[0].lower == "as":
            for j in range(2, min(len(tokens), 10)):
                if self._phrase_at(tokens, j, self._put_it):
                    return self._attribution(analyse_np(tokens[1:j], self.lang), "as")
        n = self._verb_at(tokens, 0, after=True)
        if n:
            subject = self._inverted_subject(tokens[n:])
            if subject is not None:
                return self._attribution(subject, "after")
            # `Brisk, who calls chess “a polite fight”, spoke to us`: the subject came first.
            return None
        found = self._name_then_verb(tokens) or self._according_later(tokens)
        if found is None and dashed and self._starts_line(span):
            found = self._dash_source(tokens)
        return found

    def _opens_clause(self, tokens: list[Token], i: int) -> bool:
        """Does the verb at `i` open its clause (after "as"/"как", a comma or nothing)?"""
        before = tokens[i - 1] if i > 0 else None
        return (
            before is None
            or before.text in {",", ";", ":", "—", "–"}
            or (before.lower in self.lang.as_words)
        )

    def _starts_line(self, span: MarkedSpan) -> bool:
        line_start = self.doc.line_bounds(span.open_at)[0]
        return not self.doc.text[line_start : span.open_at].strip()

    def _dash_source(self, tokens: list[Token]) -> Attribution:
        """`“…” — Jane Doe, 41, from Leeds` or `“…” ― @handle`: a quote that stands on its own
        line with its source after a dash (tabloids, reader comments, pull quotes)."""
        if tokens[0].text == "@" and len(tokens) > 1 and tokens[1].start == tokens[0].end:
            return Attribution("@" + tokens[1].text, "dash", 0.9)
        words: list[Token] = []
        for token in tokens[:6]:
            if not token.is_word:
                break
            words.append(token)
        if words and words[0].is_capitalised:
            phrase = analyse_np(words, self.lang)
            if phrase is not None and phrase.kind in (PERSON, ORG):
                return self._attribution(phrase, "dash")
        return Attribution(None, "dash", 0.5)

    def _inverted_subject(self, tokens: list[Token]) -> Phrase | None:
        """The subject after an inverted verb: `said Anna Berg`, or the name in apposition
        after a role (`said the mayor, Anna Berg`; the role is noted as her title)."""
        words = self._forward_np(tokens)
        phrase = analyse_np(words, self.lang)
        k = len(words)
        unnamed = phrase is None or phrase.kind in (ROLE, UNNAMED)
        if unnamed and k < len(tokens) - 1 and tokens[k].text == ",":
            named = analyse_np(self._forward_np(tokens[k + 1 :]), self.lang)
            if named is not None and named.kind == PERSON and (" " in named.text):
                roles = [w.lower for w in words if w.lower in self.lang.roles]
                self.names.add(named.text, named.pos, roles)
                return named
        return phrase

    def _name_then_verb(self, tokens: list[Token]) -> Attribution | None:
        """`“…,” Ambassador Michael Carpenter told …`: a noun phrase, then a reporting verb."""
        for j in range(1, min(len(tokens), 10)):
            token = tokens[j]
            if token.lower in self.lang.relative_pronouns:
                return self._subject_with_relative_clause(tokens, j)
            if token.text == "," and all(self._np_like(t) for t in tokens[:j]):
                return self._name_apposition_verb(tokens, j)
            if not token.is_word and token.text not in "’'":
                return None
            n = self._verb_at(tokens, j, after=True)
            if not n or not self._is_verb(tokens, j, n):
                continue
            k = j
            while k > 0 and self._skippable(tokens[k - 1]):
                k -= 1
            if k == 0 or tokens[0].lower in self.lang.auxiliaries:
                return None
            unnamed = (
                k <= 3
                and tokens[0].lower in self.lang.determiners
                and tokens[k - 1].text.islower()
                and tokens[k - 1].lower not in self.lang.roles
            )  # "“…,” the insider said": a source the reporter does not name
            if not unnamed and not all(self._np_like(t) for t in tokens[:k]):
                return None
            return self._attribution(analyse_np(tokens[:k], self.lang), "after")
        return None

    def _name_apposition_verb(self, tokens: list[Token], comma: int) -> Attribution | None:
        """`“…,” Nakia Rohde, a company spokeswoman, said`: a name, a description between
        commas, then the reporting verb."""
        phrase = analyse_np(tokens[:comma], self.lang)
        if phrase is None or phrase.kind != PERSON:
            return None
        for m in range(comma + 1, min(len(tokens) - 1, comma + 12)):
            if tokens[m].text != ",":
                if not tokens[m].is_word and tokens[m].text not in "’'-":
                    return None
                continue
            k = m + 1
            while k < len(tokens) and self._skippable(tokens[k]):
                k += 1
            if k < len(tokens) and self._verb_at(tokens, k, after=True):
                return self._attribution(phrase, "after")
            return None
        return None

    def _subject_with_relative_clause(self, tokens: list[Token], j: int) -> Attribution | None:
        """`“…,” a diplomat who was in the room said.`: the noun phrase before "who", and a
        reporting verb that ends the sentence after the relative clause."""
        if not all(self._np_like(t) for t in tokens[:j]):
            return None
        for m in range(len(tokens) - 1, j, -1):
            n = self._verb_at(tokens, m, after=True)
            if n and (m + n == len(tokens) or not tokens[m + n].is_word):
                return self._attribution(analyse_np(tokens[:j], self.lang), "after")
        return None

    def _according_later(self, tokens: list[Token]) -> Attribution | None:
        """`“…” on the deal, according to X.`: "according to" further on in the sentence."""
        for j in range(1, len(tokens)):
            if tokens[j - 1].text in _QUOTE_MARKS:
                return None  # another quote's words come first
            n = self._phrase_at(tokens, j, self._according)
            if n:
                phrase = analyse_np(self._forward_np(tokens[j + n :]), self.lang)
                found = self._attribution(phrase, "according")
                return found if found.speaker is not None else None
        return None

    def _before(self, open_at: int, start: int | None = None) -> Attribution | None:
        if start is None:
            start = self.doc.sentence_start(open_at)
        tokens = self.doc.tokens(start, open_at)
        for i in range(len(tokens) - 1, -1, -1):
            n = self._phrase_at(tokens, i, self._according)
            if n:
                phrase = analyse_np(self._forward_np(tokens[i + n :]), self.lang)
                found = self._attribution(phrase, "according")
                if found.speaker is not None:
                    return found
                continue
            n = self._verb_at(tokens, i)
            if not n:
                continue
            phrase = self._subject(tokens, i, n)
            if phrase is None and self._is_verb(tokens, i, n) and self._opens_clause(tokens, i):
                # "Как сообщил источник, …", "As the minister said, …": the subject follows.
                phrase = self._inverted_subject(tokens[i + n :])
            if phrase is not None:
                return self._attribution(phrase, "before")
        colon = len(tokens) > 2 and tokens[-1].text == ":"
        if colon and self._verb_at(tokens, len(tokens) - 2, after=True):
            # "Caddick continued:" — a verb that attributes only what follows it.
            phrase = analyse_np(self._backward_np(tokens, len(tokens) - 2), self.lang)
            if phrase is not None:
                return self._attribution(phrase, "colon")
        if colon and tokens[-2].text.islower() and tokens[-2].text.isalpha():
            # "he laughed:", "Berg shrugged:" — any verb between a speaker and a colon.
            phrase = analyse_np(self._backward_np(tokens, len(tokens) - 2), self.lang)
            if phrase is not None and phrase.kind in (PERSON, PRONOUN):
                return self._attribution(phrase, "colon")
        if tokens and tokens[-1].text == ":":
            phrase = analyse_np(self._backward_np(tokens, len(tokens) - 1), self.lang)
            if phrase is not None and phrase.kind in (PERSON, ORG):
                return self._attribution(phrase, "colon")
            # "Governor Cooper made the following statement on HB 453:", "Dimon has big plans
            # this year:" — what a sentence about a person introduces with a colon is theirs.
            phrase = analyse_np(self._leading_name(tokens), self.lang)
            if phrase is not None and phrase.kind == PERSON:
                return self._attribution(phrase, "colon")
        return None

    def _leading_name(self, tokens: list[Token]) -> list[Token]:
        """The capitalised words a sentence opens with, titles and "the" included ("Chase CEO
        Jamie Dimon" in "Chase CEO Jamie Dimon has big plans:"), after a dateline's dash."""
        start = 0
        for j, token in enumerate(tokens[:12]):
            if token.text in _DASHES:
                start = j + 1
        out: list[Token] = []
        for token in tokens[start:]:
            low = token.lower
            if not token.is_word or not (
                token.is_capitalised
                or low in self.lang.titles
                or low in self.lang.roles
                or low in self.lang.determiners
            ):
                break
            out.append(token)
        return out

    def _headline_speaker(self, span: MarkedSpan) -> Attribution | None:
        """`McConnell: Partisanship Is “Tougher Than They Thought”`: a heading that opens with
        a person the document names, then a colon, gives that person's words."""
        doc = self.doc
        start = doc.line_bounds(span.open_at)[0]
        if not doc.is_heading(span.open_at):
            return None
        tokens = doc.tokens(start, span.open_at)
        colon = next((j for j, t in enumerate(tokens[:6]) if t.text == ":"), -1)
        if colon <= 0 or not all(t.is_capitalised for t in tokens[:colon]):
            return None
        phrase = analyse_np(tokens[:colon], self.lang)
        if phrase is None or phrase.kind != PERSON or not self.names.is_person(phrase.text):
            return None
        return self._attribution(phrase, "headline")

    def _credit_below(self, span: MarkedSpan) -> Attribution | None:
        """A quote that fills its paragraph, and a line below that is a name and nothing else
        (`“…”` / `Mayor Barry DuVal`): how archives and pull quotes credit a speaker."""
        doc = self.doc
        if not span.closed:
            return None
        end = doc.line_bounds(span.close_at)[1]
        if doc.text[doc.line_bounds(span.open_at)[0] : span.open_at].strip():
            return None
        if doc.text[span.close_at + 1 : end].strip(" \t\u00a0'’`.,"):
            return None
        line = next_nonblank_line(doc, span.close_at)
        if line is None:
            return None
        words = doc.text[line[0] : line[1]].split()
        if not 2 <= len(words) <= 6 or words[-1][-1:] in '.!?:;,"”»':
            return None
        tokens = doc.tokens(line[0], line[1])
        if not all(t.is_capitalised or self._title_word(t) for t in tokens if t.is_word):
            return None
        phrase = analyse_np(tokens, self.lang)
        if phrase is None or phrase.kind != PERSON:
            return None
        vouched = (
            any(self._title_word(t) for t in tokens)
            or is_given_name(phrase.text.split()[0])
            or self.names.is_person(phrase.text)
        )
        return self._attribution(phrase, "credit") if vouched else None

    def _inherit(self, span: MarkedSpan, embedded: bool) -> Attribution | None:
        doc = self.doc
        sentence = doc.sentence_start(span.open_at)
        line_start = doc.line_bounds(span.open_at)[0]
        if sentence > line_start:
            previous = doc.sentence_start(sentence - 1)
            return self._sentence_speaker(previous, sentence)
        if embedded or doc.tokens(line_start, span.open_at):
            return None
        line = previous_nonblank_line(doc, span.open_at)
        if line is None:
            return None
        last = doc.sentence_start(line[1] - 1) if line[1] > line[0] else line[0]
        if doc.text[line[0] : line[1]].rstrip().endswith(":"):
            found = self._before(line[1], last)
            return found and Attribution(found.speaker, "colon", found.strength * 0.9)
        speaker = self._by_sentence.get(last)
        return Attribution(speaker or None, "inherited", 0.6) if speaker is not None else None

    def _sentence_speaker(self, start: int, end: int) -> Attribution | None:
        speaker = self._by_sentence.get(start)
        if speaker is not None:
            return Attribution(speaker or None, "inherited", 0.7)
        found = self._before(end, start)
        if found is None or found.speaker is None:
            return None
        return Attribution(found.speaker, "inherited", found.strength * 0.8)

    # ---- reading the words ----------------------------------------------------------------

    def _verb_at(self, tokens: list[Token], i: int, *, after: bool = False) -> int:
        """How many tokens from `i` form a reporting verb (0 if none); `after` also accepts the
        verbs that attribute only right after a quote ("continued")."""
        word = tokens[i].text
        if not word[0].isalpha() or not word[0].islower():
            return 0
        low = tokens[i].lower
        multi = self._multi_after if after else self._multi
        for option in multi.get(low, ()):
            if self._phrase_at(tokens, i, [option]):
                return len(option)
        single = self._single_after if after else self._single
        return 1 if low in single and (i == 0 or tokens[i - 1].text != "-") else 0

    @staticmethod
    def _phrase_at(tokens: list[Token], i: int, phrases: list[tuple[str, ...]]) -> int:
        for phrase in phrases:
            n = len(phrase)
            if i + n <= len(tokens) and all(tokens[i + k].lower == phrase[k] for k in range(n)):
                return n
        return 0

    def _passive(self, tokens: list[Token], i: int) -> bool:
        word = tokens[i].lower
        return (
            i > 0
            and tokens[i - 1].lower in self.lang.passive_markers
            and word not in self.lang.participles
        )

    def _skippable(self, token: Token) -> bool:
        """An adverb or auxiliary between a subject and its verb ("has", "also", and any
        "-ly" adverb: "Rep. King exclusively told")."""
        return token.lower in self._skip or is_ly_adverb(token.text)

    def _np_like(self, token: Token) -> bool:
        return (
            token.is_capitalised
            or token.lower in self._np_words
            or token.lower in self._skip
            or token.lower in self.lang.person_pronouns
            or token.lower in self.lang.group_pronouns
            or token.text in "’'"
        )

    def _is_verb(self, tokens: list[Token], i: int, n: int) -> bool:
        """Is the reporting-verb form at `tokens[i:i+n]` used as a verb here?

        Passives ("was told") are not reporting, and a form after a determiner or a possessive
        is a noun ("the claims", "Russia’s demands"); forms that are also nouns need a subject
        or an auxiliary right before them.
        """
        lang = self.lang
        form = " ".join(t.lower for t in tokens[i : i + n])
        before = tokens[i - 1] if i > 0 else None
        if self._passive(tokens, i):
            return False
        if before is None:
            return form not in lang.bare_verbs
        if before.lower in lang.determiners or before.text.endswith(("’s", "'s")):
            return False
        if form in lang.bare_verbs:
            if before.lower in lang.modals or (
                before.lower == "not" and i > 1 and tokens[i - 2].lower in lang.modals
            ):
                return False
            return (
                before.lower in lang.auxiliaries
                or before.lower in lang.person_pronouns | lang.group_pronouns | lang.first_person
                or before.lower in lang.relative_pronouns
                or before.lower in lang.roles
                or (before.is_capitalised and not is_demonym(before.text, lang))
            )
        return True

    def _subject(self, tokens: list[Token], i: int, n: int) -> Phrase | None:
        """The subject of the reporting verb at `tokens[i:i+n]`, or None if it is no verb here.

        It is the noun phrase right before the verb (adverbs and auxiliaries skipped), or the
        name in an apposition before it ("Ed Miliband" in "Labour's spokesman, Ed Miliband,
        said"), or else the subject of the clause ("…, adding that").
        """
        if not self._is_verb(tokens, i, n):
            return None
        k = i
        while k > 0 and self._skippable(tokens[k - 1]):
            k -= 1
        if k > 0 and tokens[k - 1].lower in self.lang.indefinite_pronouns:
            return Phrase(UNNAMED, tokens[k - 1].lower, tokens[k - 1].start)
        phrase = analyse_np(self._backward_np(tokens, k), self.lang)
        if phrase is not None:
            return phrase
        if (
            k >= 2
            and tokens[k - 1].lower in self.lang.conjunctions
            and tokens[k - 2].text.islower()
        ):
            # "Caddick laughed and called it …": the subject of the first verb.
            j = k - 2
            while j > 0 and self._skippable(tokens[j - 1]):
                j -= 1
            phrase = analyse_np(self._backward_np(tokens, j), self.lang)
            if phrase is not None and phrase.kind != UNNAMED:
                return phrase
        if k > 0 and tokens[k - 1].text == ",":
            phrase = self._apposition(tokens, k - 1)
            if phrase is not None:
                return phrase
        return analyse_np(self._clause_subject(tokens, i), self.lang)

    def _apposition(self, tokens: list[Token], comma: int) -> Phrase | None:
        """A person's name between two commas that end at `tokens[comma]`."""
        j = comma
        while j > 0 and tokens[j - 1].text != ",":
            j -= 1
        if j == 0 or comma - j > 6 or not all(self._np_like(t) for t in tokens[j:comma]):
            return None
        phrase = analyse_np(tokens[j:comma], self.lang)
        return phrase if phrase is not None and phrase.kind == PERSON else None

    def _title_word(self, token: Token) -> bool:
        low = token.lower
        titles = self.lang.titles
        return low in titles or low.rstrip(".") in titles or low in self.lang.roles

    def _backward_np(self, tokens: list[Token], end: int) -> list[Token]:
        lang = self.lang
        k = end
        while k > 0:
            token = tokens[k - 1]
            low = token.lower
            if low in lang.title_links and k >= 2 and k < end and self._title_word(tokens[k - 2]):
                k -= 1  # "Secretary of State Antony Blinken"
                continue
            if (
                low in lang.person_pronouns
                or low in lang.group_pronouns
                or low in lang.first_person
            ):
                if k == end:
                    k -= 1
                break
            if not token.is_word or not (token.is_capitalised or low in self._np_words):
                break
            if low in lang.function_words and low not in self._np_words and token.is_capitalised:
                break  # "But" in "But Lukashevich indicated"
            k -= 1
        return tokens[k:end]

    def _forward_np(self, tokens: list[Token]) -> list[Token]:
        lang = self.lang
        out: list[Token] = []
        for token in tokens[:12]:
            low = token.lower
            if not token.is_word:
                break
            if not out and (low in lang.person_pronouns or low in lang.group_pronouns):
                return [token]  # "сказал он журналистам", "said he"
            if not out and low in lang.stop_after_name:
                return []  # "spoke to us": no subject follows the verb
            linked = (out and out[-1].lower in lang.source_nouns and low in lang.source_links) or (
                out and low in lang.title_links and self._title_word(out[-1])
            )
            if out and low in lang.stop_after_name and not linked:
                break
            lower_after_name = out and out[-1].is_capitalised and token.text.islower()
            if lower_after_name and low not in self._np_words and not linked:
                break
            out.append(token)
        return out

    def _clause_subject(self, tokens: list[Token], end: int) -> list[Token]:
        """The first noun phrase of the clause that ends at `end` (for "…, adding that …")."""
        start = 0
        for j in range(end - 1, -1, -1):
            if tokens[j].text in {";", ":", "(", "—", "–"}:
                start = j + 1
                break
        out: list[Token] = []
        for j in range(start, end):
            token = tokens[j]
            if token.is_word and self._np_like(token):
                out.append(token)
                if token.lower in self.lang.person_pronouns:
                    break
            elif out == [tokens[j - 1]] and token.text == "," and is_ly_adverb(out[0].lower):
                out = []  # "Weirdly, Rubio announced …": a sentence adverb, not a name
            elif out:
                break
        if not out and start > 0:
            # "Keogh stormed out — and branded it “a joke”": the sentence's subject.
            return self._clause_subject(tokens[: start - 1], start - 1)
        return out

    # ---- resolving ------------------------------------------------------------------------

    def _attribution(self, phrase: Phrase | None, cue: str) -> Attribution:
        if phrase is None:
            return Attribution(None, cue, 0.5)
        names = self.names
        lone = phrase.kind in (PERSON, ORG) and " " not in phrase.text
        if lone and not names.is_person(phrase.text) and self._common_noun(phrase):
            return Attribution(None, cue, 0.6)
        if phrase.kind == PERSON:
            if lone and not names.is_person(phrase.text):
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
            subject = self._role_subject(phrase.pos, gender)
            if subject is not None:
                return Attribution(subject, cue, 0.8)
            return Attribution(names.nearest_person(phrase.pos, gender=gender), cue, 0.85)
        if phrase.kind == ROLE:
            if self._introduced_unnamed(phrase):
                return Attribution(None, cue, 0.6)
            return Attribution(names.nearest_person(phrase.pos, phrase.text), cue, 0.85)
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

    def _role_subject(self, pos: int, gender: str | None) -> str | None:
        """ "The President said he talked with Director Comey and Mayor Hale. “…,” he said.": a
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
        articles = self.lang.indefinite_articles
        if not articles:
            return False
        head = phrase.text.split()[-1]
        window = self.doc.masked[max(0, phrase.pos - _INTRO_WINDOW) : phrase.pos + len(head)]
        pattern = (
            rf"(?i)\b(?:{'|'.join(articles)})[ \u00a0]+(?:[\w’'\-]+[ \u00a0]+){{0,3}}"
            rf"{re.escape(head)}\b"
        )
        intros = list(re.finditer(pattern, window))
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
