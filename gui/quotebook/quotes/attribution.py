"""Find who said a quotation, from the reporter's words around it.

News attributes a quote in a handful of shapes, tried here in order of how reliable they are:

1. right after the closing mark: `“…,” said X` / `“…,” X told Y` / `“…,” as X put it` /
   `“…,” according to X` (Russian: `«…», — заявил X`), `said the mayor, X` (the name in
   apposition to an inverted role), `“…,” a diplomat who was there said`, `“…,” X, who …,
   said`, `“…,” Interfax quoted X as saying` (the one quoted speaks), a headline's `«…»: X
   заявил`, and for a quote on its own line, a source after a dash (`“…” — Jane Doe, 41`);
   then inside the marks, Russian style: `«…, — сказал X. — …»`;
2. before the opening mark, in the same sentence: `X said the talks would “drag out”`,
   `According to X, … “…”`, `X outlined: “…”`, `X, an economist, told me …`, `X laughed and
   called it “…”`, `Как сообщил источник, … «…»`, `Rep. X of New York (“…”)` (the rightmost
   reporting verb wins);
3. below a quote that fills its paragraph, a line that is a name alone (`Mayor Ada Brook`,
   archives and pull quotes); in a heading that opens with a person and a colon (`Quinlan:
   … “Messier Than Anyone Expected”`), that person;
4. from the sentence before, in the same paragraph (`According to him, … . “…”`), or for a
   quote that makes up its own paragraph, from the paragraph before when it ends with a colon
   (`Halloran continued:`, `Governor Hal Brandt sent these words about the school bill:`, whose
   subject is the speaker) or with a quote of known speaker. An unnamed source is remembered
   as unnamed, so the quotes that continue it are nobody's rather than the last person's.

How the subject found in these places is resolved to a speaker is `resolution`'s job; how verbs
and noun phrases are read is `reading`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotebook.quotes.given_names import is_given_name
from quotebook.quotes.languages import MARKS
from quotebook.quotes.marks import MarkedSpan
from quotebook.quotes.model import Turn
from quotebook.quotes.names import NameBook
from quotebook.quotes.phrases import (
    FIRST,
    ORG,
    PERSON,
    PRONOUN,
    ROLE,
    UNNAMED,
    Phrase,
    analyse_np,
)
from quotebook.quotes.resolution import NOBODY, Attribution, Resolver
from quotebook.quotes.text import (
    TOKEN_RE,
    Document,
    Token,
    next_nonblank_line,
    previous_nonblank_line,
)

_DASHES = frozenset({"—", "–", "―", "-"})
_SEPARATORS = frozenset({",", "…"}) | _DASHES
_QUOTE_MARKS = frozenset(MARKS)
_CLOSING_WORDS = 7  # most words of an attribution that closes a sentence ("…, X said.")
_WINDOW = 240  # characters of reporter's text read after a quote
_BEFORE_WINDOW = 500  # most characters of a sentence read before a quote
# "…, — сказал он. — …" inside the marks: a comma (or !?…), a dash, then the attribution
_INSIDE_TRIES = 4  # dashes inside a quote looked at for an attribution
_INSIDE_CHARS = 160  # characters of an attribution inside the marks
_MANNER_WORDS = 2  # words of manner between a quote's dash and an inverted verb ("с улыбкой")
_ADVERBIALS = 2  # opening adverbials skipped before a sentence's subject
_ADVERBIAL = 5  # most words of an opening adverbial before its comma ("On Monday night,")
_CLAUSE = 10  # most words of an opening clause a subordinator leads ("After the vote ended,")
_INSIDE_RE = re.compile(r"[,!?…][ \u00a0]*[—–-][ \u00a0]+(?=[^\W\d_])")


def _is_acronym_like(word: str) -> bool:
    """`ТАСС`, `РИА`: an agency's initials, no person."""
    return len(word) > 1 and word.isupper()


class Attributor(Resolver):
    """Attributes the quotes of one document, in reading order."""

    def __init__(self, doc: Document, names: NameBook, turns: Sequence[Turn] = ()) -> None:
        super().__init__(doc, names, turns)
        self._by_sentence: dict[int, str] = {}  # sentence start -> speaker ("" if unnamed)
        self._by_line_end: dict[int, str] = {}  # end of the line a quote ends on -> speaker

    # ---- public ---------------------------------------------------------------------------

    def attribute(self, span: MarkedSpan, *, embedded: bool) -> Attribution:
        """Attribute one quote; quotes must be passed in reading order."""
        found = self._after(span, embedded) or self._inside(span)
        if found is None:
            found = self._before(span.open_at)
            if found is None or found.speaker is None:
                # "Police told staff … a “cloud of dust” rose, X said."
                found = self._closing_attribution(span, embedded) or found
        found = (
            found
            or self._credit_below(span)
            or self._headline_speaker(span)
            or self._inherit(span, embedded)
        )
        found = found or NOBODY
        if found.speaker is not None or found.reported:
            # An unnamed source ("a diplomat said") is recorded too, as "": the quotes that
            # continue its words are unnamed as well, not someone else's.
            self._by_sentence[self.doc.sentence_start(span.open_at)] = found.speaker or ""
            ends = span.close_at if span.closed else span.end
            self._by_line_end[self.doc.line_bounds(ends)[1]] = found.speaker or ""
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
        if tokens[0].text == ":" and self.doc.is_heading(span.open_at) and len(tokens) > 2:
            # `«Просто выдумки»: В МИД заявили, что …`: a headline's quote and
            # who said it after the colon
            return self._name_then_verb(tokens[1:])
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
        if tokens[0].lower in self.lang.citing_verbs:
            owner = self._words_owner(tokens[1:8])
            if owner is not None:
                return self._attribution(owner, "after")
        n = self._verb_at(tokens, 0, after=True)
        if n and tokens[0].lower in self.lang.quoting_verbs:
            quoted = self._quoted_object(tokens[n:])  # "«…», — цитирует министра ведомство"
            return self._attribution(quoted, "after") if quoted is not None else None
        if n:
            subject = self._inverted_subject(tokens[n:])
            if subject is not None:
                return self._attribution(subject, "after")
            # `Brisk, who calls chess “a polite fight”, spoke to us`: the subject came first.
            return None
        found = self._manner_then_verb(tokens)
        if found is not None:
            return found
        found = self._name_then_verb(tokens) or self._according_later(tokens)
        if found is None and dashed and self._starts_line(span):
            found = self._dash_source(tokens)
        return found

    def _words_owner(self, tokens: list[Token]) -> Phrase | None:
        """Whose words an agency carries: the pronoun or name right before the noun for words
        (`приводит ТАСС её слова`) or the name right after it (`приводит слова Варина ТАСС`)."""
        lang = self.lang
        at = next((j for j, t in enumerate(tokens) if t.lower in lang.words_nouns), -1)
        if at < 0:
            return None
        before = tokens[at - 1] if at > 0 else None
        if before is not None and before.lower in lang.person_pronouns:
            return analyse_np([before], lang)
        for candidate in (tokens[at + 1 : at + 3], [before] if before else []):
            words = []
            for token in candidate:
                if not token.is_capitalised or _is_acronym_like(token.text):
                    break
                words.append(token)
            phrase = analyse_np(words, lang) if words else None
            if phrase is not None and phrase.kind == PERSON:
                return phrase
        return None

    def _manner_then_verb(self, tokens: list[Token]) -> Attribution | None:
        """`«…», — с улыбкой заметил министр`: a word or two of manner before an inverted
        verb and its subject. Only a person or a role after the verb counts, so that the
        reporter's own clause (`“…” in the end proved right`) gives nobody."""
        lang = self.lang
        for j in range(1, min(_MANNER_WORDS + 1, len(tokens))):
            token = tokens[j - 1]
            if not token.is_word or not token.text.islower():
                return None
            if token.lower in lang.person_pronouns or token.lower in lang.determiners:
                return None
            n = self._verb_at(tokens, j, after=True)
            if not n:
                continue
            subject = self._inverted_subject(tokens[j + n :])
            if subject is not None and subject.kind in (PERSON, ROLE):
                return self._attribution(subject, "after")
            return None
        return None

    def _inside(self, span: MarkedSpan) -> Attribution | None:
        """`«Мы готовы, — сказал глава государства. — Но не сейчас»`: Russian news may set the
        attribution inside the marks, between dashes, after the first part's comma (or "!",
        "?", "…") and before the rest."""
        text = self.doc.text
        if not span.closed:
            return None
        for tried, m in enumerate(_INSIDE_RE.finditer(text, span.start, span.end)):
            if tried == _INSIDE_TRIES:
                break
            end = min(span.end, m.end() + _INSIDE_CHARS)
            tokens = [Token(t.group(), t.start()) for t in TOKEN_RE.finditer(text, m.end(), end)]
            n = self._verb_at(tokens, 0, after=True)
            if not n:
                continue
            words = self._forward_np(tokens[n:])
            k = n + len(words)
            while k < len(tokens) and tokens[k].text not in _DASHES:
                k += 1  # "сказал глава государства во вторник на встрече. — …"
            if k >= len(tokens) or k - 1 < n or tokens[k - 1].text not in {".", ","}:
                continue
            subject = analyse_np(words, self.lang)
            if subject is not None:
                return self._attribution(subject, "inside")
        return None

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
            if tokens[j].lower in self.lang.quoting_verbs:
                # "“…,” the radio quoted Sorin as saying": the one quoted speaks
                quoted = self._quoted_object(tokens[j + n :])
                return self._attribution(quoted, "after") if quoted is not None else None
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
            if not unnamed and self._role_for_someone(tokens, k):
                return self._attribution(analyse_np(tokens[:k], self.lang), "after")
            if not unnamed and not all(self._np_like(t) for t in tokens[:k]):
                return None
            return self._attribution(analyse_np(tokens[:k], self.lang), "after")
        return None

    def _role_for_someone(self, tokens: list[Token], k: int) -> bool:
        """`“…,” a spokeswoman for Wexley County Council said`: a determiner, a role in lower
        case, "for" or "of", then whom the role serves, up to the verb at `k`."""
        lang = self.lang
        if not tokens or tokens[0].lower not in lang.determiners:
            return False
        for r in range(1, k - 2):
            if not tokens[r].text.islower():
                return False
            if tokens[r].lower in lang.roles and tokens[r + 1].lower in lang.title_links:
                return all(self._np_like(t) for t in tokens[r + 2 : k])
        return False

    def _name_apposition_verb(self, tokens: list[Token], comma: int) -> Attribution | None:
        """`“…,” Dana Pruett, the bakery’s spokeswoman, told`: a name, a description between
        commas, then the reporting verb."""
        phrase = analyse_np(tokens[:comma], self.lang)
        if phrase is None or phrase.kind != PERSON:
            return None
        relative = (
            comma + 1 < len(tokens) and tokens[comma + 1].lower in self.lang.relative_pronouns
        )
        # "Marta L. Quell, who led the county elections office for …, told": a
        # relative clause may run longer than a description
        reach = len(tokens) - 1 if relative else min(len(tokens) - 1, comma + 12)
        for m in range(comma + 1, reach):
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

    def _closing_attribution(self, span: MarkedSpan, embedded: bool) -> Attribution | None:
        """`… and a “cloud of dust” rose from it, spokeswoman Greta Lund said.`: the
        sentence that carries a quoted phrase ends on who said it, after its last comma (read
        when nothing before the phrase says whose words they are)."""
        inside = self.doc.text[span.start : span.end].rstrip()
        if not (span.closed and embedded and inside[-1:].isalnum()):
            return None
        begin = span.close_at + 1
        tokens = self.doc.tokens(begin, min(self.doc.sentence_end(begin), begin + _WINDOW))
        end = len(tokens)
        while end > 0 and not tokens[end - 1].is_word:
            end -= 1
        if end == len(tokens) or tokens[end].text != ".":
            return None  # the sentence must end here, not run on past the window
        comma = next((j for j in range(end - 1, -1, -1) if tokens[j].text == ","), -1)
        if comma < 0 or not 2 <= end - comma - 1 <= _CLOSING_WORDS:
            return None
        if any(t.text in _QUOTE_MARKS for t in tokens[:comma]):
            return None  # another quote's words come first
        tail = tokens[comma + 1 : end]
        if self._verb_at(tail, len(tail) - 1, after=True) == 1:
            found = self._name_then_verb(tail)  # ", Greta Lund said."
        elif self._verb_at(tail, 0, after=True):
            subject = self._inverted_subject(tail[1:])  # ", said Greta Lund."
            found = self._attribution(subject, "after") if subject is not None else None
        else:
            return None
        if found is None or found.speaker is None or found.speaker in self._groups_named():
            return None
        return found

    def _groups_named(self) -> set[str]:
        return {text for _, text in self._groups}

    def _before(self, open_at: int, start: int | None = None) -> Attribution | None:
        if start is None:
            start = self.doc.sentence_start(open_at)
        # a sentence longer than this is no sentence a reporter wrote (and reading all of it
        # for every quote would cost the square of its length)
        start = max(start, open_at - _BEFORE_WINDOW)
        tokens = self.doc.tokens(start, open_at)
        if (
            len(tokens) > 2
            and tokens[-1].text in {",", ":"}
            and tokens[-2].text.isalpha()
            and tokens[-2].text.islower()
            and tokens[-3].lower in self.lang.speaker_self
        ):
            # "NORA: … and I thought, “…”": in a transcript turn, the turn's speaker
            found = self._attribution(Phrase(FIRST, tokens[-3].lower, tokens[-3].start), "before")
            if found.speaker is not None:
                return found
        for i in range(len(tokens) - 1, -1, -1):
            n = self._phrase_at(tokens, i, self._according)
            if n:
                phrase = analyse_np(self._forward_np(tokens[i + n :]), self.lang)
                owners = self.lang.according_possessives
                owner = next((t for t in tokens[i : i + n] if t.lower in owners), None)
                if owner is not None:
                    # "По его словам, мост нужен давно: «…»": the one "его" stands for
                    phrase = Phrase(PRONOUN, owners[owner.lower], owner.start)
                found = self._attribution(phrase, "according")
                if found.speaker is not None:
                    return found
                if phrase is not None and phrase.kind == UNNAMED and phrase.text.islower():
                    return found  # "По данным источников, … «…»": sources nobody names
                continue
            n = self._verb_at(tokens, i)
            if not n:
                continue
            phrase = self._subject(tokens, i, n)
            if phrase is None and self._is_verb(tokens, i, n) and self._opens_clause(tokens, i):
                # "Как сообщил источник, …", "As the minister said, …": the subject follows.
                phrase = self._inverted_subject(tokens[i + n :])
                main = self._main_clause_subject(tokens, i + n)
                if main is not None:
                    # "Как пишет газета «Северные вести», журналистка ссылалась на «…» источники":
                    # the outlet tells of it; the words are the main clause's subject's
                    phrase = main
            if phrase is not None:
                return self._attribution(phrase, "before")
        if tokens and tokens[-1].lower in self.lang.speech_nouns:
            # "Варин обратился к журналисту с вопросом «…»": the subject's words
            phrase = analyse_np(self._clause_subject(tokens, len(tokens)), self.lang)
            if phrase is not None and phrase.kind in (PERSON, ROLE, PRONOUN):
                return self._attribution(phrase, "before")
        if len(tokens) > 1 and tokens[-1].text == "(":
            # "Senator Lise Varga of Ohio (“It fixes the roads first”)": the name before
            phrase = analyse_np(
                self._backward_np(tokens, self._before_place(tokens, len(tokens) - 1)), self.lang
            )
            if phrase is not None and phrase.kind == PERSON:
                return self._attribution(phrase, "before")
        colon = len(tokens) > 2 and tokens[-1].text == ":"
        lead_in = colon or (len(tokens) > 2 and tokens[-1].text == ",")
        n = lead_in and self._verb_at(tokens, len(tokens) - 2, after=True)
        if n and self._is_verb(tokens, len(tokens) - 2, n):
            # "Halloran continued:", "He continued, “…”" — a verb that attributes only what
            # follows it right away.
            phrase = analyse_np(self._backward_np(tokens, len(tokens) - 2), self.lang)
            if phrase is not None:
                return self._attribution(phrase, "colon")
        if colon and tokens[-2].text.islower() and tokens[-2].text.isalpha():
            # "he laughed:", "Berg shrugged:" — any verb between a speaker and a colon.
            np = self._backward_np(tokens, len(tokens) - 2)
            phrase = analyse_np(np, self.lang)
            if phrase is not None and phrase.kind in (PERSON, PRONOUN):
                lead = self._lead_person(tokens, len(tokens) - 2 - len(np))
                return self._attribution(lead or phrase, "colon")
        if tokens and tokens[-1].text == ":":
            np = self._backward_np(tokens, len(tokens) - 1)
            phrase = analyse_np(np, self.lang)
            if phrase is not None and phrase.kind in (PERSON, ORG):
                lead = self._lead_person(tokens, len(tokens) - 1 - len(np))
                return self._attribution(lead or phrase, "colon")
            # "Governor Hal Brandt sent these words about the school bill:", "Lindqvist has one
            # goal this year:" — what a sentence about a person introduces with a colon is theirs.
            phrase = analyse_np(self._leading_name(tokens), self.lang)
            if phrase is not None and phrase.kind in (PERSON, ROLE):
                return self._attribution(phrase, "colon")
        return None

    def _lead_person(self, tokens: list[Token], np_start: int) -> Phrase | None:
        """`Tom Harlan upset with Kenton coaching:`, `Rob Dane on beating his brother, Mark:`:
        a colon line that opens with a person and goes on in lower-case words introduces that
        person's words; the name just before the colon sits in the object or a phrase."""
        lead = self._leading_name(tokens)
        if not lead or tokens[0] is not lead[0] or len(lead) >= np_start:
            return None
        between = tokens[len(lead) : np_start]
        if not any(t.is_word and t.text.islower() for t in between):
            return None
        phrase = analyse_np(lead, self.lang)
        if phrase is None or phrase.kind != PERSON:
            return None
        known = self.names.is_person(phrase.text) or is_given_name(phrase.text.split()[0])
        return phrase if known and " " in phrase.text else None

    def _main_clause_subject(self, tokens: list[Token], start: int) -> Phrase | None:
        """The subject of the main clause after an opening "as X writes," clause that ends
        with the first comma after `start` outside brackets, if it is a person or a role."""
        depth = 0
        for j in range(start, len(tokens)):
            text = tokens[j].text
            depth += (text == "(") - (text == ")")
            if text == "," and depth == 0:
                phrase = analyse_np(self._forward_np(tokens[j + 1 :]), self.lang)
                if phrase is not None and phrase.kind in (PERSON, ROLE, PRONOUN):
                    return phrase
                return None
        return None

    def _before_place(self, tokens: list[Token], end: int) -> int:
        """Where a name ends that a place may follow ("Ann Moss of New York"): `end` less a
        trailing "of" and the capitalised words after it."""
        k = end
        while k > 0 and tokens[k - 1].is_capitalised:
            k -= 1
        if k < end and k > 0 and tokens[k - 1].lower in self.lang.title_links:
            return k - 1
        return end

    def _leading_name(self, tokens: list[Token]) -> list[Token]:
        """The capitalised words a sentence opens with, titles and "the" included ("Bank chief
        Oskar Lindqvist" in "Bank chief Oskar Lindqvist has one goal:"), after a dateline's dash."""
        start = 0
        for j, token in enumerate(tokens[:12]):
            if token.text in _DASHES:
                start = j + 1
        # "Today, Sen. Ann Lee issued …:", "On Monday, the mayor said:", "Earlier, in 2025,
        # Lavrov …": short adverbials with their commas come before the subject
        cursor = start
        for _ in range(_ADVERBIALS):
            clause = cursor < len(tokens) and tokens[cursor].lower in self.lang.subordinators
            longest = _CLAUSE if clause else _ADVERBIAL
            reach = range(cursor, min(cursor + longest, len(tokens)))
            comma = next((j for j in reach if tokens[j].text == ","), -1)
            if comma <= cursor or comma + 1 >= len(tokens):
                break
            if not all(t.is_word for t in tokens[cursor:comma]):
                break
            lead = analyse_np(tokens[cursor:comma], self.lang)
            if not clause and lead is not None and lead.kind in (PERSON, ROLE, PRONOUN, ORG):
                # "After the council meeting had closed, Ms Holt …": a clause a subordinator opens
                # is no subject, whatever capitals it holds
                break
            cursor = comma + 1
            if tokens[cursor].is_capitalised:
                start = cursor
                break
        out: list[Token] = []
        for j, token in enumerate(tokens[start:], start):
            low = token.lower
            if not token.is_word:
                break
            if not (
                token.is_capitalised
                or low in self.lang.titles
                or low in self.lang.roles
                or low in self.lang.determiners
            ):
                # "The art museum director also took up …:": a role after a few
                # lower-case words that say which one
                ahead = range(j + 1, min(j + 3, len(tokens)))
                role = next((k for k in ahead if self._title_word(tokens[k])), -1)
                if not out or out[-1].lower not in self.lang.determiners or role < 0:
                    break
                if not all(t.is_word and t.text.islower() for t in tokens[j:role]):
                    break
                out.extend(tokens[j : role + 1])
                break
            out.append(token)
        return out

    def _headline_speaker(self, span: MarkedSpan) -> Attribution | None:
        """`Quinlan: Budget Is “Messier Than Anyone Expected”`: a heading that opens with
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
        (`“…”` / `Mayor Ada Brook`): how archives and pull quotes credit a speaker."""
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
        j = span.open_at
        while j > line_start and doc.masked[j - 1].isspace():
            j -= 1
        if embedded or j > line_start:
            return None  # something stands before the quote on its line
        line = previous_nonblank_line(doc, span.open_at)
        if line is None:
            return None
        last = doc.sentence_start(line[1] - 1) if line[1] > line[0] else line[0]
        if doc.text[line[0] : line[1]].rstrip().endswith(":"):
            found = self._before(line[1], last)
            return found and Attribution(found.speaker, "colon", found.strength * 0.9)
        speaker = self._by_sentence.get(last)
        if speaker is None:
            # “…\n\n“… spring,” said Mr Nugent.\n\n“…”: the quote before ran over paragraphs
            # and began in an earlier sentence, but ended on the line before this one
            speaker = self._by_line_end.get(line[1])
        if speaker is not None:
            return Attribution(speaker or None, "inherited", 0.6)
        # "X, leader of the council, said the authority had a plan.\n\n“…”": a paragraph
        # that reports someone's words indirectly, then a quote that goes on with them
        found = self._before(line[1], last)
        if found is None and last == line[0] and self._fills_its_line(span):
            # "Ms. Holt asked where the money went. … Ms. Holt did not accept the reply.\n\n
            # “Then where is it?”": a quote that is a paragraph of its own, after a
            # one-sentence paragraph about someone the story has reported speaking, is theirs
            return self._narrative_subject(doc.tokens(line[0], line[1]), line[0])
        if found is None or found.speaker is None or found.cue not in ("before", "according"):
            return None
        return Attribution(found.speaker, "inherited", found.strength * 0.6)

    def _fills_its_line(self, span: MarkedSpan) -> bool:
        """Is nothing but the quote on its line (the closing mark ends it, or it runs on)?"""
        if not span.closed:
            return True
        end = self.doc.line_bounds(span.close_at)[1]
        return not self.doc.text[span.close_at + 1 : end].strip()

    def _narrative_subject(self, tokens: list[Token], at: int) -> Attribution | None:
        """The person a sentence at `at` is about, if it reports no words and the story has
        reported that person speaking before: the name or pronoun the sentence opens with
        (after short adverbials), when a verb in lower case follows it."""
        for i in range(len(tokens)):
            n = self._verb_at(tokens, i)
            if n and self._is_verb(tokens, i, n):
                return None  # a sentence that reports words is _before's to read
        lead = self._leading_name(tokens)
        if not lead or lead[-1] is tokens[-1]:
            return None
        k = tokens.index(lead[-1]) + 1
        if not (tokens[k].is_word and tokens[k].text.islower()):
            return None
        lang = self.lang
        while k + 1 < len(tokens) and (
            tokens[k].lower in lang.auxiliaries or tokens[k].lower in lang.modals
        ):
            k += 1
        if self._verb_at(tokens, k):
            return None  # "Oberlin will state that …": a report _before turned down
        phrase = analyse_np(lead, self.lang)
        if phrase is None or phrase.kind not in (PERSON, PRONOUN):
            return None
        if phrase.kind == PERSON and not self.names.is_person(phrase.text):
            return None
        found = self._attribution(phrase, "inherited")
        if found.speaker is None or not self.names.has_spoken(found.speaker, at):
            return None  # "Ann Moss runs the council.": a person, but no one's words yet
        return Attribution(found.speaker, "inherited", found.strength * 0.5)

    def _sentence_speaker(self, start: int, end: int) -> Attribution | None:
        speaker = self._by_sentence.get(start)
        if speaker is not None:
            return Attribution(speaker or None, "inherited", 0.7)
        found = self._before(end, start)
        if found is None or found.speaker is None:
            return None
        return Attribution(found.speaker, "inherited", found.strength * 0.8)


__all__ = ["NOBODY", "Attribution", "Attributor"]
