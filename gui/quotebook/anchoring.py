"""Anchoring annotations to text, and the offset conversions around it.

Offsets everywhere in Quotebook are Python code points into a document's canonical text. Qt counts
UTF-16 code units, so `Utf16Map` converts at that boundary: characters outside the Basic
Multilingual Plane (emoji, some CJK) take two units in Qt and one here.

An anchor stores the quote and a little context beside the offsets. When the text changes,
`reanchor` looks for the quote again and uses the context to pick the right occurrence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from quotebook.domain import Anchor
from quotebook.errors import QuoteNotFound

CONTEXT_CHARS = 32

# A "word" for selection snapping: letters, digits, marks, connector punctuation, and apostrophes
# or hyphens inside a word (Russia’s, ex-minister).
_WORD_CHAR = re.compile(r"[\w\u0300-\u036f]")
_INNER_JOINERS = "'’‐-"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets and UTF-16 offsets for one text.

    Only the positions of astral characters are stored, so building the map is one scan and
    each conversion is a binary search.
    """

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset at which each astral character starts.
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral)]
        self._length = len(text)

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def to_codepoint(self, offset: int) -> int:
        # Astral characters that start before `offset` each add one extra unit; an offset that
        # falls inside a surrogate pair is rounded down to the start of its character.
        n = bisect.bisect_left(self._astral_u16, offset)
        if n and self._astral_u16[n - 1] + 1 == offset:
            return self._astral[n - 1]
        return offset - n


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}..{end} lies outside a text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _is_word_char(text: str, i: int) -> bool:
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if _WORD_CHAR.match(ch):
        return True
    # An apostrophe or hyphen counts when it sits between two word characters.
    return (
        ch in _INNER_JOINERS
        and 0 < i < len(text) - 1
        and bool(_WORD_CHAR.match(text[i - 1]))
        and bool(_WORD_CHAR.match(text[i + 1]))
    )


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words and trim surrounding white space.

    A selection that starts or ends in the middle of a word takes the whole word; white space at
    either end is dropped. Punctuation the user selected is kept.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    if _is_word_char(text, start):
        while start > 0 and _is_word_char(text, start - 1):
            start -= 1
    if _is_word_char(text, end - 1):
        while end < len(text) and _is_word_char(text, end):
            end += 1
    return start, end


def occurrences(text: str, quote: str) -> Iterator[int]:
    """Start offsets of every (possibly overlapping) occurrence of `quote` in `text`."""
    if not quote:
        return
    i = text.find(quote)
    while i >= 0:
        yield i
        i = text.find(quote, i + 1)


def locate_quote(text: str, quote: str, occurrence: int = 1) -> Anchor:
    """The anchor of the n-th occurrence (1-based) of `quote`, or `QuoteNotFound`."""
    if occurrence < 1:
        raise QuoteNotFound("The occurrence number starts at 1.")
    if not quote.strip():
        raise QuoteNotFound("The quote is empty: give the words to highlight.")
    for n, start in enumerate(occurrences(text, quote), start=1):
        if n == occurrence:
            return make_anchor(text, start, start + len(quote))
    raise QuoteNotFound(
        f"“{_shorten(quote)}” occurs fewer than {occurrence} time(s) in the document."
        if occurrence > 1
        else f"“{_shorten(quote)}” does not occur in the document."
    )


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """Find `anchor` again in a changed `text`; None when its quote is gone.

    The old offsets are tried first; otherwise every occurrence of the quote is scored by how much
    of the stored prefix and suffix it still has around it, nearest to the old place on ties.
    """
    quote = anchor.quote
    if not quote:
        return None
    if text[anchor.start : anchor.end] == quote:
        return make_anchor(text, anchor.start, anchor.end)
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    for start in occurrences(text, quote):
        before = text[max(0, start - len(anchor.prefix)) : start]
        after = text[start + len(quote) : start + len(quote) + len(anchor.suffix)]
        score = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        key = (-score, abs(start - anchor.start), start)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    start = best[2]
    return make_anchor(text, start, start + len(quote))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
