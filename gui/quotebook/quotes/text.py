"""Lines, sentences and word tokens of a document, with the quotations blanked out.

The attribution rules read the reporter's words around a quote, never the quoted words: a
"said" or a name inside a quotation belongs to the speaker, not to the sentence that reports it.
`Document` therefore keeps a *masked* copy of the text in which every quoted span is replaced
by spaces (offsets unchanged, marks kept). Sentence ends are found in that copy, so a full stop
inside a quote does not end the reporting sentence (`“…truth.” added Lukashevich.` is one
sentence), and names and verbs are looked for in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from quotebook.quotes.languages import Language
from quotebook.quotes.marks import MarkedSpan

# A word (with inner apostrophes, hyphens and dots: Russia’s, Al-Arabiya, U.S.) or one
# punctuation character.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w(?:[\w’'\-.]*\w)?|[^\w\s]")
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?…])[)\]\"”’»']*[ \t\u00a0]+(?=[\"“‘«„'(\[]|[^\W_a-zа-яё])",
)
TERMINAL = frozenset(".!?…")


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
        self.text = text
        self.language = language
        self.masked = mask_spans(text, spans)
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
            sentence_starts.add(m.end())
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
        """Tokens of the masked text between `start` and `end`."""
        return [Token(m.group(), m.start()) for m in TOKEN_RE.finditer(self.masked, start, end)]

    def is_heading(self, pos: int) -> bool:
        """Is the line holding `pos` a title or heading rather than prose?

        A heading is short and does not end like a sentence; the first line of a document with
        more lines after it is taken as its title whatever its length.
        """
        start, end = self.line_bounds(pos)
        line = self.text[start:end].strip()
        if not line:
            return False
        if start == self.title_line:
            return True
        tail = line.rstrip("\"”’»' \u00a0")
        if tail and tail[-1] in TERMINAL | {":", ";", ","}:
            return False
        return len(line.split()) <= 14


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
