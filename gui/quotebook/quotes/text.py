"""Lines, sentences and word tokens of a document, with the quotations blanked out.

The attribution rules read the reporter's words around a quote, never the quoted words: a
"said" or a name inside a quotation belongs to the speaker, not to the sentence that reports it.
`Document` therefore keeps a *masked* copy of the text in which every quoted span is replaced
by spaces (offsets unchanged, marks kept). Sentence ends are found in that copy, so a full stop
inside a quote does not end the reporting sentence (`“…truth.” added Lukashevich.` is one
sentence), and names and verbs are looked for in it.

US party tags (`Rep. T.J. Halvorsen (D-N.Y.) said`, `Mitch Brody, R-Ky., said`) are blanked in
that copy too: they sit between a name and its verb and would otherwise be read as the name.
Tokens keep the full stop of a title or an initial (`Mr.`, `Gov.`, `D.` in `John D. Podesta`),
so a name is not cut at its dots.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from quotebook.quotes.languages import Language
from quotebook.quotes.marks import MarkedSpan

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# A word (with inner apostrophes, hyphens and dots: Russia’s, Al-Arabiya, U.S.), an initial
# before a name ("D." in "John D. Podesta") or one punctuation character.
TOKEN_RE = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}|[{_UPPER}]\.(?=[ \u00a0]+[{_UPPER}])|\w(?:[\w’'\-.]*\w)?|[^\w\s]"
)
_AFTER_CLOSE_RE = re.compile(rf"[ \t\u00a0]+(?=[{_UPPER}])")
_INITIALS_RE = re.compile(rf"(?:[{_UPPER}]\.){{2,3}}")
# "(D-N.Y.)", "(R-Tenn.)", "(D-CA-20)", ", R-Ky.,": a US lawmaker's party and state (and
# district); "(D)" alone after a governor's name is the party too.
_PARTY_TAG_RE = re.compile(
    r"[ \u00a0]?\([DRI](?:-[A-Z][A-Za-z.]{0,12}(?:-\d{1,2})?)?\)"
    r"|,[ \u00a0]*[DRI]-[A-Z][A-Za-z.]{0,12}(?=,)"
)
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?…])[)\]\"”’»']*[ \t\u00a0]+(?=[\"“‘«„'(\[]|[^\W_a-zа-яё])",
)
TERMINAL = frozenset(".!?…")
_HEADING_CHARS = 400  # longest line that can be a heading (of 14 words at most)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()


def mask_spans(text: str, spans: Iterable[MarkedSpan]) -> str:
    """`text` with the inside of every span replaced by spaces (newlines kept)."""
    pieces: list[str] = []
    last = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < last:
            continue  # nested in a span already blanked
        pieces.append(text[last : span.start])
        inner = text[span.start : span.end]
        pieces.append(re.sub(r"[^\n]", " ", inner) if "\n" in inner else " " * len(inner))
        last = span.end
    pieces.append(text[last:])
    return "".join(pieces)


class Document:
    """A text, its masked copy and where its lines and sentences start."""

    def __init__(self, text: str, spans: Iterable[MarkedSpan], language: Language) -> None:
        spans = list(spans)
        self.text = text
        self.language = language
        self.masked = _PARTY_TAG_RE.sub(lambda m: " " * len(m.group()), mask_spans(text, spans))
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        sentence_starts = set(self.line_starts)
        abbreviations = language.abbreviations
        masked = self.masked
        for m in _BOUNDARY_RE.finditer(masked):
            # The word before the full stop: an abbreviation or an initial does not end a sentence.
            j = m.start() - 1
            while j >= 0 and masked[j] in ")]\"”’»'":
                j -= 1
            if masked[j] == ".":
                k = j
                while k > 0 and (masked[k - 1].isalnum() or masked[k - 1] == "."):
                    k -= 1
                word = masked[k:j].lower()
                if word in abbreviations or (len(word) == 1 and word.isalpha()):
                    continue
                if _INITIALS_RE.fullmatch(masked[k : j + 1]) and not _next_word_is(
                    masked, m.end(), language.function_words
                ):
                    continue  # "T.J. Halvorsen": initials before a name
            sentence_starts.add(m.end())
        for span in spans:
            # `… called it “sloppy.” Aske rejected that.`: the full stop inside the marks ends
            # the reporter's sentence too when a capitalised word follows.
            if span.close_at < 0 or not text[span.start : span.end].rstrip().endswith("."):
                continue
            after = _AFTER_CLOSE_RE.match(text, span.close_at + 1)
            if after is not None:
                sentence_starts.add(after.end())
        self.sentence_starts = sorted(sentence_starts)
        # The first line is the title when prose follows it.
        stripped = text.lstrip()
        first = self.line_bounds(len(text) - len(stripped))
        self.title_line = first[0] if stripped and text[first[1] :].strip() else -1

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the document writes in lower case somewhere (a name rarely is)."""
        return frozenset(re.findall(r"(?<![\w’'-])[a-zа-яё][\w’'-]*", self.text))

    def line_bounds(self, pos: int) -> tuple[int, int]:
        """Start and end (before the newline) of the line holding `pos`."""
        i = bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding `pos` (never before its line's start)."""
        return self.sentence_starts[bisect_right(self.sentence_starts, pos) - 1]

    def sentence_end(self, pos: int) -> int:
        """End of the sentence holding `pos`: the next sentence's start or its line's end."""
        i = bisect_right(self.sentence_starts, pos)
        line_end = self.line_bounds(pos)[1]
        if i < len(self.sentence_starts):
            return min(self.sentence_starts[i], line_end)
        return line_end

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens of the masked text between `start` and `end`; a capitalised abbreviation
        keeps its full stop ("Mr.", "Gov.", "Sen.")."""
        masked = self.masked
        abbreviations = self.language.abbreviations
        out: list[Token] = []
        taken = -1
        for m in TOKEN_RE.finditer(masked, start, end):
            word = m.group()
            stop = m.end()
            if m.start() == taken:
                continue  # the full stop of the abbreviation before it
            if (
                stop < end
                and masked[stop] == "."
                and word[0].isupper()
                and word.lower() in abbreviations
            ):
                word += "."
                taken = stop
            out.append(Token(word, m.start()))
        return out

    def is_heading(self, pos: int) -> bool:
        """Is the line holding `pos` a title or heading rather than prose?

        A heading is short and does not end like a sentence; the first line of a document with
        more lines after it is taken as its title whatever its length.
        """
        start, end = self.line_bounds(pos)
        if start == self.title_line:
            return bool(self.text[start : min(end, start + 200)].strip())
        if end - start > _HEADING_CHARS:
            return False  # a long line is prose (and is not copied to find out)
        line = self.text[start:end].strip()
        if not line:
            return False
        tail = line.rstrip("\"”’»' \u00a0")
        if tail and tail[-1] in TERMINAL | {":", ";", ","}:
            return False
        return len(line.split()) <= 14


def _next_word_is(text: str, pos: int, words: frozenset[str]) -> bool:
    m = re.compile(r"\w+").match(text, pos)
    return m is None or m.group().lower() in words


def previous_nonblank_line(doc: Document, pos: int) -> tuple[int, int] | None:
    """Bounds of the closest non-blank line before the line holding `pos`."""
    i = bisect_right(doc.line_starts, pos) - 1
    while i > 0:
        i -= 1
        start = doc.line_starts[i]
        end = doc.line_starts[i + 1] - 1
        if doc.text[start:end].strip():
            return start, end
    return None


def next_nonblank_line(doc: Document, pos: int) -> tuple[int, int] | None:
    """Bounds of the closest non-blank line after the line holding `pos`."""
    i = bisect_right(doc.line_starts, pos) - 1
    while i + 1 < len(doc.line_starts):
        i += 1
        start = doc.line_starts[i]
        end = doc.line_starts[i + 1] - 1 if i + 1 < len(doc.line_starts) else len(doc.text)
        if doc.text[start:end].strip():
            return start, end
    return None
