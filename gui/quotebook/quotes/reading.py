"""Reading the reporter's words around a quote: reporting verbs and the noun phrases around them.

A reporting verb is any form in the language's list (said, outlined, rejected, warned, заявил…),
not a short fixed set; forms that double as nouns ("claims", "note") count only with a subject or
an auxiliary beside them, and passives ("was told") do not count. The subject of a verb is the
noun phrase right before it (adverbs and auxiliaries skipped), a name in apposition before it,
or else the first noun phrase of its clause; `analyse_np` then says what that phrase is.
"""

from __future__ import annotations

from quotebook.quotes.names import NameBook
from quotebook.quotes.phrases import (
    ORG,
    PERSON,
    PRONOUN,
    ROLE,
    UNNAMED,
    Phrase,
    analyse_np,
    is_demonym,
    is_ly_adverb,
)
from quotebook.quotes.text import Document, Token


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


_DESCRIPTION_WORDS = 12  # most words of a description between a name and its verb
_AFFILIATION_LINKS = 3  # "of the Red Cross of Maine": links followed back to a speaker's name
_ASIDE_DASHES = frozenset({"—", "–", "-"})  # the marks that set an aside off inside a sentence
_ASIDE_TOKENS = 30  # the longest aside between a subject and its verb, in tokens


class Reader:
    """The word-reading rules of one document, shared by attribution and resolution."""

    def __init__(self, doc: Document, names: NameBook) -> None:
        self.doc = doc
        self.names = names
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
        # "self-described" is no verb; "-- vowed", after an aside's hyphens and a space, is
        hyphened = (
            i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].start + 1 == tokens[i].start
        )
        return 1 if low in single and not hyphened else 0

    @staticmethod
    def _phrase_at(tokens: list[Token], i: int, phrases: list[tuple[str, ...]]) -> int:
        first = tokens[i].lower
        for phrase in phrases:
            n = len(phrase)
            if (
                phrase[0] == first
                and i + n <= len(tokens)
                and all(tokens[i + k].lower == phrase[k] for k in range(1, n))
            ):
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
        "-ly" adverb: "Rep. Walsh exclusively told")."""
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
            k = i - 1
            while k > 0 and is_ly_adverb(tokens[k].text):
                k -= 1  # "Okafor did not openly answer": the word before the adverb
            before = tokens[k]
            modal = self._modal(tokens, k)
            if modal:
                # "Berg will state …" is no report of words; "Berg couldn't state that …" is
                # one: what the subject would not say about a claim, which the quotes after it
                # go on with in the subject's own words
                after = tokens[i + n].lower if i + n < len(tokens) else ""
                return modal == "negated" and after in lang.complementisers
            if (
                before.is_capitalised
                and not form.endswith("s")
                and k > 0
                and tokens[k - 1].lower in lang.determiners
                and not before.text.endswith("s")
            ):
                # "to respond to the AP report on …": a singular name after a determiner takes
                # "reports" as its verb; the bare form is a noun it qualifies
                return False
            return (
                before.lower in lang.auxiliaries
                or before.lower in lang.person_pronouns | lang.group_pronouns | lang.first_person
                or before.lower in lang.relative_pronouns
                or before.lower in lang.roles
                or (before.is_capitalised and not is_demonym(before.text, lang))
                or self._noun_reports(tokens, i, n)  # "the charter states that …"
            )
        return True

    def _modal(self, tokens: list[Token], k: int) -> str:
        """Is `tokens[k]` a modal ("could"), or a negated one ("could not", "couldn't",
        "cannot")? Returns "", "modal" or "negated"."""
        modals = self.lang.modals
        low = tokens[k].lower.replace("’", "'")
        if low in modals:
            return "modal"
        if low.endswith("n't") and (low[:-3] in modals or low[:-3] + "n" in modals):
            return "negated"  # "couldn't", "can't" (ca + n't), "won't" is "will" below
        if low in ("won't", "cannot"):
            return "negated"
        if low in ("not", "never") and k > 0 and tokens[k - 1].lower in modals:
            return "negated"
        return ""

    def _quoted_object(self, tokens: list[Token]) -> Phrase | None:
        """The person a quoting verb names as the one quoted: the noun phrase right after it
        ("quoted Sorin as saying", "цитирует министра ведомство"), up to the first word that
        is no part of a name or a role, or an organisation's name."""
        words: list[Token] = []
        for token in tokens[:6]:
            low = token.lower
            if not token.is_word or low in self.lang.org_words or _is_acronym(token.text):
                break
            if not (
                token.is_capitalised or low in self._np_words or low in self.lang.person_pronouns
            ):
                break
            words.append(token)
            if low in self.lang.person_pronouns:
                break
        return analyse_np(words, self.lang) if words else None

    def _subject(self, tokens: list[Token], i: int, n: int) -> Phrase | None:
        """The subject of the reporting verb at `tokens[i:i+n]`, or None if it is no verb here.

        It is the noun phrase right before the verb (adverbs and auxiliaries skipped), or the
        name in an apposition before it ("Ed Varley" in "Labour's spokesman, Ed Varley,
        said"), or else the subject of the clause ("…, adding that").
        """
        if not self._is_verb(tokens, i, n):
            return None
        quoting = next(
            (j for j in range(max(0, i - 6), i) if tokens[j].lower in self.lang.quoting_verbs), -1
        )
        if quoting >= 0 and tokens[i - 1].lower in self.lang.as_words:
            # "The radio quoted Sorin as saying that …": the one quoted speaks
            return self._quoted_object(tokens[quoting + 1 : i - 1])
        k = i
        while k > 0 and self._skippable(tokens[k - 1]):
            k -= 1
        if k > 0 and tokens[k - 1].lower in self.lang.indefinite_pronouns:
            return Phrase(UNNAMED, tokens[k - 1].lower, tokens[k - 1].start)
        np = self._backward_np(tokens, k)
        phrase = analyse_np(np, self.lang)
        if phrase is not None:
            return self._name_before_affiliation(tokens, k - len(np)) or phrase
        if (
            k >= 2
            and tokens[k - 1].lower in self.lang.conjunctions
            and tokens[k - 2].text.islower()
        ):
            # "Halloran laughed and called it …": the subject of the first verb.
            j = k - 2
            while j > 0 and self._skippable(tokens[j - 1]):
                j -= 1
            phrase = analyse_np(self._backward_np(tokens, j), self.lang)
            if phrase is not None and phrase.kind != UNNAMED:
                return phrase
            # "…, как Варин подошёл к журналистам и поинтересовался": the first verb has an
            # object; its subject opens the clause
            phrase = self._coordinated_subject(tokens, k - 1)
            if phrase is not None:
                return phrase
        if k > 0 and tokens[k - 1].text == ",":
            phrase = self._apposition(tokens, k - 1) or self._name_before_description(tokens, k - 1)
            if phrase is not None:
                return phrase
        if k > 0 and tokens[k - 1].text in _ASIDE_DASHES:
            phrase = self._subject_before_aside(tokens, k - 1)
            if phrase is not None:
                return phrase
        if self._noun_reports(tokens, i, n):
            # "Article 12 of the charter states that …": a text's words, nobody's name
            return Phrase(UNNAMED, tokens[i - 1].lower, tokens[i - 1].start)
        return analyse_np(self._clause_subject(tokens, i), self.lang)

    def _noun_reports(self, tokens: list[Token], i: int, n: int) -> bool:
        """Is the reporting verb at `i` a bare form ending in -s after a lower-case noun and
        before "that" ("the charter states that", "the letter claims that")?"""
        lang = self.lang
        form = " ".join(t.lower for t in tokens[i : i + n])
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + n].lower if i + n < len(tokens) else ""
        return (
            before is not None
            and form in lang.bare_verbs
            and form.endswith("s")
            and after in lang.complementisers
            and before.text.isalpha()
            and before.text.islower()
            and before.lower not in lang.determiners
            and before.lower not in lang.auxiliaries
            and before.lower not in lang.person_pronouns | lang.group_pronouns
            and before.lower not in lang.roles
        )

    def _subject_before_aside(self, tokens: list[Token], dash: int) -> Phrase | None:
        """ "The mayor of this town -- flooded by a surge -- vowed …": an aside between two
        dashes (or two pairs of hyphens) stands between the subject and its verb."""
        glyph = tokens[dash].text
        close = dash
        while close > 0 and tokens[close - 1].text == glyph:
            close -= 1
        opening = next(
            (
                j
                for j in range(close - 1, max(close - _ASIDE_TOKENS, 0) - 1, -1)
                if tokens[j].text == glyph
            ),
            -1,
        )
        if opening <= 0:
            return None
        while opening > 0 and tokens[opening - 1].text == glyph:
            opening -= 1
        # the clause opens at the sentence's start or after a dateline's dash
        start = next(
            (j + 1 for j in range(opening - 1, -1, -1) if tokens[j].text in _ASIDE_DASHES), 0
        )
        head = tokens[start:opening]
        phrase = analyse_np(self._clause_subject(head, len(head)), self.lang)
        return phrase if phrase is not None and phrase.kind in (PERSON, ROLE) else None

    def _coordinated_subject(self, tokens: list[Token], conj: int) -> Phrase | None:
        """The subject that opens the clause of two coordinated verbs, the conjunction at
        `conj`: the clause starts after a comma, a colon, a dash or "as"/"как"."""
        start = conj
        while start > 0 and not (
            tokens[start - 1].text in {",", ";", ":", "(", "—", "–"}
            or tokens[start - 1].lower in self.lang.as_words
        ):
            start -= 1
        out: list[Token] = []
        for token in tokens[start:conj]:
            if not token.is_word or not (token.is_capitalised or token.lower in self._np_words):
                break
            out.append(token)
        if not out or len(out) == conj - start:
            return None  # no verb between the subject and the conjunction
        phrase = analyse_np(out, self.lang)
        return phrase if phrase is not None and phrase.kind in (PERSON, ROLE, PRONOUN) else None

    def _name_before_affiliation(self, tokens: list[Token], start: int) -> Phrase | None:
        """`Bob Hale of the county council said`, `Ann Moss, of the Red Cross of Maine, said`:
        the words right before the verb name where the speaker comes from; the speaker is the
        person named before the "of" (or "from") that links them, past any further links."""
        lang = self.lang
        j = start
        for _ in range(_AFFILIATION_LINKS):
            while j > 0 and tokens[j - 1].lower in lang.determiners:
                j -= 1
            if j < 2 or tokens[j - 1].lower not in lang.source_links:
                return None
            j -= 1
            if tokens[j - 1].text == ",":  # "Ann Moss, of the Red Cross"
                named = analyse_np(self._backward_np(tokens, j - 1), lang)
                return named if named is not None and named.kind == PERSON else None
            np = self._backward_np(tokens, j)
            if not np:
                return None
            j -= len(np)
            before = tokens[j - 1].lower if j > 0 else ""
            if np[0].lower in lang.determiners or before in lang.determiners:
                continue  # "the Red Cross of Maine": an organisation, linked on
            named = analyse_np(np, lang)
            return named if named is not None and named.kind == PERSON else None
        return None

    def _name_before_description(self, tokens: list[Token], comma: int) -> Phrase | None:
        """`Speaking on the radio, Councillor Ann Moss, leader of the council, said`: the verb
        follows a description between commas (ending at `tokens[comma]`); the person named
        before the description's opening comma is the subject."""
        for j in range(comma - 1, max(comma - _DESCRIPTION_WORDS, 0), -1):
            token = tokens[j]
            if token.text == ",":
                if j == comma - 1:
                    return None
                np = self._backward_np(tokens, j)
                if not np:
                    continue  # "Ann Moss, 41, a teacher, said": the description goes on
                if len(np) == 1 and is_ly_adverb(np[0].lower):
                    return None  # "Oddly, Marek announced …, saying": no description
                phrase = analyse_np(np, self.lang)
                return phrase if phrase is not None and phrase.kind == PERSON else None
            if not token.is_word and token.text not in "’'-.":
                return None
            if self._verb_at(tokens, j):
                return None  # a clause with its own reporting verb, not a description
        return None

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
            if (
                lang.complement_after_role
                and k == end - 1
                and token.text.islower()
                and low in lang.roles
                and lang.base_form(low) == low
            ):
                # "По окончании доклада … Игоря Сомова президент объявил": a role's
                # complement follows it, so the words before a lone role are another phrase
                break
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

    def _name_after_complement(self, tokens: list[Token], j: int, end: int) -> int:
        """Where a capitalised name ends that follows at most three lower-case words from `j`
        ("транспорта Игорь Лыков"), or 0."""
        k = j
        while k < end and k - j < 3 and tokens[k].is_word and tokens[k].text.islower():
            k += 1
        if k == j or k >= end or not tokens[k].is_capitalised:
            return 0
        while k < end and tokens[k].is_word and tokens[k].is_capitalised:
            k += 1
        return k

    def _sentence_adverb(self, tokens: list[Token], comma: int) -> bool:
        """Is the one word before the comma at `comma` an adverb that opens the sentence
        ("Weirdly, Moss …", "However, she …", "Впрочем, он …") rather than a name?"""
        word = tokens[comma - 1]
        if is_ly_adverb(word.lower) or word.lower in self.lang.adverbs:
            return True
        after = tokens[comma + 1].lower if comma + 1 < len(tokens) else ""
        # a word nobody is called, then the pronoun that is the subject
        return after in self.lang.person_pronouns and not self.names.is_person(word.text)

    def _clause_subject(self, tokens: list[Token], end: int) -> list[Token]:
        """The first noun phrase of the clause that ends at `end` (for "…, adding that …")."""
        start = 0
        for j in range(end - 1, -1, -1):
            if tokens[j].text in {";", ":", "(", "—", "–"}:
                start = j + 1
                break
        if 0 < start < end and tokens[start].lower in self.lang.relative_pronouns:
            # "Mr Pellow – who was at the gate – guessed": a relative clause
            # set off by dashes; the subject stands before it
            return self._clause_subject(tokens[: start - 1], start - 1)
        out: list[Token] = []
        j = start
        while j < end:
            token = tokens[j]
            if token.is_word and self._np_like(token):
                out.append(token)
                if token.lower in self.lang.person_pronouns:
                    break
            elif out == [tokens[j - 1]] and token.text == "," and self._sentence_adverb(tokens, j):
                out = []  # "Weirdly, Rubio announced …": a sentence adverb, not a name
            elif out:
                name = self._name_after_complement(tokens, j, end) if out else 0
                if not name or not self._title_word(out[-1]):
                    break
                # "Министр транспорта Игорь Лыков ответил …, заявив": a title, the words
                # that say which one, then the name
                out.extend(tokens[j:name])
                j = name
                continue
            j += 1
        if not out and start > 0:
            # "Keogh stormed out — and branded it “a joke”": the sentence's subject.
            return self._clause_subject(tokens[: start - 1], start - 1)
        k = len(out)
        while k > 1 and out[k - 1].lower in self._skip and not out[k - 1].is_capitalised:
            k -= 1
        if k < len(out):
            # "Councilor Nick Hart was outspoken; stating “…”": "was" is no part of the name
            phrase = analyse_np(out[:k], self.lang)
            known = phrase is not None and (
                " " in phrase.text
                or self.names.is_person(phrase.text)
                or self.lang.surname_gender(phrase.text) is not None  # "Сомов не стал"
            )
            if phrase is not None and phrase.kind in (PERSON, ORG, ROLE) and known:
                return out[:k]
        return out
