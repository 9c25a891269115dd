"""Finding and marking search hits in long texts, without asking FTS5.

FTS5's `snippet()` and `highlight()` tokenize the whole text again for every hit: about 70 ms for
a 1 MB document, paid for each such document on every keystroke of a search as you type. For
long texts the store asks this module instead, which needs a few milliseconds per megabyte.

Each query term becomes a regular expression that follows the index's tokenizer: letters and
digits make words, anything else separates them, case does not count and neither do diacritics
on Latin letters (``cafe`` finds ``Café``, as ``unicode61 remove_diacritics 2`` does; Cyrillic
``й`` stays apart from ``и``, as there). Diacritics are handled in the pattern, not by rewriting
the text, so every offset found is an offset in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from quotebook.search.query import MARK_CLOSE, MARK_OPEN, QueryTerm

_TOKEN = re.compile(r"[^\W_]+")
_LATIN_WITH_MARKS = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
CONTEXT_BEFORE = 60
CONTEXT_AFTER = 100


def _latin_variants() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-case base letter → its accented forms, and accented form → base letter."""
    variants: dict[str, str] = {}
    bases: dict[str, str] = {}
    for code in _LATIN_WITH_MARKS:
        char = chr(code).lower()
        decomposed = unicodedata.normalize("NFD", char)
        marks = decomposed[1:]
        if len(char) == 1 and marks and all(unicodedata.combining(m) for m in marks):
            base = decomposed[0]
            if base.isascii() and char not in variants.get(base, ""):
                variants[base] = variants.get(base, "") + char
                bases[char] = base
    return variants, bases


_VARIANTS, _BASES = _latin_variants()


def lowered(text: str) -> str:
    """`text` in lower case, one character for one (``İ`` alone would become two)."""
    return text.replace("\u0130", "I").lower()


def _char_pattern(char: str) -> str:
    char = _BASES.get(char, char)
    variants = _VARIANTS.get(char)
    return f"[{re.escape(char)}{variants}]" if variants else re.escape(char)


def _term_pattern(term: QueryTerm) -> re.Pattern[str] | None:
    tokens = _TOKEN.findall(lowered(term.text))
    if not tokens:
        return None
    words = ["".join(_char_pattern(c) for c in token) for token in tokens]
    # The word-start check sits after the first word (a fixed-width look-behind over it), so the
    # pattern opens with a literal and the regex engine can skip through the text quickly.
    first = f"{words[0]}(?<![^\\W_].{{{len(tokens[0])}}})"
    body = r"[\W_]+".join([first, *words[1:]])
    tail = r"[^\W_]*" if term.prefix else ""
    return re.compile(f"{body}{tail}(?![^\\W_])", re.DOTALL)


class TermMatcher:
    """Where a query's terms occur in a text: the first hit, and a marked snippet around it."""

    def __init__(self, terms: Sequence[QueryTerm]) -> None:
        self._patterns = [p for p in map(_term_pattern, terms) if p is not None]

    def first(self, text: str) -> tuple[int, int] | None:
        """Offsets of the first hit in `text` (the longest, if several start there), or None."""
        low = lowered(text)
        spans = [m.span() for p in self._patterns if (m := p.search(low))]
        return min(spans, key=lambda s: (s[0], -s[1])) if spans else None

    def snippet(self, text: str, start: int, end: int) -> str:
        """The words around `start`…`end` with every hit among them marked."""
        low = max(0, start - CONTEXT_BEFORE)
        if low > 0:
            space = text.find(" ", low, start)
            low = space + 1 if space >= 0 else low
        high = min(len(text), end + CONTEXT_AFTER)
        if high < len(text):
            space = text.rfind(" ", end, high)
            high = space if space >= 0 else high
        base = max(0, low - 1)  # one character more, for the word-start check
        window = lowered(text[base:high])
        spans = sorted(
            (m.start() + base, m.end() + base)
            for p in self._patterns
            for m in p.finditer(window, low - base)
        )
        pieces = ["…" if low > 0 else ""]
        cursor = low
        for a, b in spans:
            if a < cursor:
                continue  # overlaps a span already marked
            pieces += [text[cursor:a], MARK_OPEN, text[a:b], MARK_CLOSE]
            cursor = b
        pieces += [text[cursor:high], "…" if high < len(text) else ""]
        return "".join(pieces)
