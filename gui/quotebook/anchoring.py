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
from collections.abc import Iterator, Sequence

from quotebook.domain import Anchor
from quotebook.errors import QuoteNotFound

CONTEXT_CHARS = 32

# A "word" for selection snapping: letters, digits, marks, connector punctuation, and apostrophes
# or hyphens inside a word (Russia’s, ex-minister).
_WORD_CHAR = re.compile(r"[\w\u0300-\u036f]")
_INNER_JOINERS = "'’‐-"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets and the positions Qt counts, for one text.

    Qt counts UTF-16 units, so a character outside the Basic Multilingual Plane takes two
    positions there. A viewer may also show paragraph breaks of its own that the text does not
    have (it cuts very long lines into display blocks): `breaks` are the code-point offsets
    before which it inserted one, and each takes one position that belongs to no character.

    Only the extra positions are stored, so building the map is one scan of the text and each
    conversion is a binary search.
    """

    def __init__(self, text: str, breaks: Sequence[int] = ()) -> None:
        astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Each extra position as (key, kind): `key` is the smallest code-point offset it lies
        # before; kind 0 (an astral character's second unit) sorts before kind 1 (a break) at
        # the same key, because the character comes before the break.
        extras = sorted([(a + 1, 0) for a in astral] + [(b, 1) for b in breaks])
        self._keys = [key for key, _ in extras]
        # The Qt position of each extra unit: `key` characters and every earlier extra before it.
        self._positions = [key + n for n, (key, _) in enumerate(extras)]
        self._astral = [kind == 0 for _, kind in extras]
        self._has_breaks = bool(breaks)

    @property
    def is_identity(self) -> bool:
        return not self._keys

    @property
    def has_breaks(self) -> bool:
        """Whether the display cut some line into several blocks."""
        return self._has_breaks

    def to_utf16(self, offset: int) -> int:
        """The Qt position of code-point `offset` (after any break inserted before it)."""
        return offset + bisect.bisect_right(self._keys, offset)

    def to_codepoint(self, offset: int) -> int:
        """The code-point offset of a Qt position. A position inside a surrogate pair rounds
        down to the start of its character; both sides of an inserted break are the same
        code point."""
        n = bisect.bisect_left(self._positions, offset)
        if n < len(self._positions) and self._positions[n] == offset and self._astral[n]:
            return offset - n - 1
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
