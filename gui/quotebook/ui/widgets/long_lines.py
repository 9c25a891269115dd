"""Very long lines, cut into display blocks so that Qt lays each out in bounded time.

Qt shapes and lays out a paragraph as a whole: a text of 20 MB without a line break takes it
many seconds and about a gigabyte, and a long line costs that again whenever it is laid out.
The viewer therefore shows a line longer than `LONG_LINE` characters as several paragraphs,
cut after white space near each `LONG_LINE` characters (or, in a run without any, between two
characters that do not combine). The cuts exist only in what Qt is shown: the stored text, every
offset, the clipboard and find all stay those of the canonical text, because `Utf16Map` counts
each inserted break as a position that belongs to no character.

A cut shows as a line that ends a little early, once every few hundred lines of such a text.
"""

from __future__ import annotations

import unicodedata

LONG_LINE = 10_000  # code points; a longer line is shown as several blocks of at most this many
SPACE_SEARCH = 2_000  # how far back from the limit to look for white space to cut after
_JOINERS = {"\u200c", "\u200d", "\u034f"}  # ZWNJ, ZWJ, CGJ: they belong to both neighbours


def display_breaks(text: str, limit: int | None = None) -> list[int]:
    """Code-point offsets before which the viewer starts a new display block; usually none.

    Lines are found by jumping: a window of `limit` characters after a line's start holds a
    line break unless that line is long, so a text of ordinary lines costs one short backward
    search per `limit` characters. (Only ``\n`` is looked for: the canonical text has no other
    line breaks, and one Qt would break at anyway only makes a cut unnecessary, not wrong.)
    """
    limit = LONG_LINE if limit is None else limit
    breaks: list[int] = []
    size = len(text)
    start = 0
    while size - start > limit:
        newline = text.rfind("\n", start, start + limit + 1)
        if newline >= 0:
            start = newline + 1
            continue
        end = text.find("\n", start)
        end = size if end < 0 else end
        at = start
        while end - at > limit:
            at = _cut(text, at, at + limit)
            breaks.append(at)
        start = end + 1
    return breaks


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a display block that starts at `start` and may not pass `limit`."""
    low = max(start + 1, limit - SPACE_SEARCH)
    space = max(text.rfind(" ", low, limit), text.rfind("\t", low, limit))
    if space >= low:
        return space + 1  # after the space: the next block starts with a word
    cut = limit
    # No white space near: keep a character together with the marks and joiners after it.
    while cut > low and _clings(text[cut]):
        cut -= 1
    return cut


def _clings(char: str) -> bool:
    """Whether `char` is drawn together with the one before it: a combining mark, a joiner, a
    variation selector, a skin tone or a tag character of a flag sequence."""
    if char in _JOINERS or unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    code = ord(char)
    return (
        0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or 0xE0100 <= code <= 0xE01EF
    )


def shown_text(text: str, breaks: list[int]) -> str:
    """The text with a line break at each of `breaks`: what the viewer gives Qt."""
    if not breaks:
        return text
    parts, at = [], 0
    for cut in breaks:
        parts.append(text[at:cut])
        at = cut
    parts.append(text[at:])
    return "\n".join(parts)
