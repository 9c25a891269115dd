"""Pair quotation marks into spans, reading each mark's role from its neighbours.

A regular expression that pairs marks gets most news right and fails in ways that hurt: one
stray apostrophe (`’15`, `Ukrainians’`) shifts every later pair, and a quote that runs over two
paragraphs (opening mark repeated, no closing mark at the first paragraph's end) is lost or
swallows the text between. So each mark is classified first by what stands on either side of it:

* a mark with a word on both sides is an apostrophe (`don’t`, `Russia's`);
* a mark after space and before a word can open, one after a word and before space or
  punctuation can close; the glyph's usual role only breaks ties, which is how `“…"`, German
  `„…“` and Swedish `”…”` all pair;
* `'90s`, `’15` and `'em` are elisions, and a plural possessive (`ministers’ meeting`) closes a
  single-marked quote only when no better closing mark follows in the line.

Older newspaper archives quote with two apostrophes (`''…''`), or open with two grave accents
(```…''``): such a pair is read as one double mark, two characters wide. Typesetting turns those
apostrophes into curly ones, so `‘‘` opens and `’’` closes the same way (`“…,’’ Reed said`).

Marks are then paired with a stack, line by line. A mark of one family (double: `" “ ” „ « »`;
single: `' ‘ ’ ‚ ‹ ›`) closes the nearest open mark of its family, dropping unclosed marks
above it (usually apostrophes). At the end of a line an unclosed outer quote continues if the
next paragraph opens with a mark of its family (unless the quote opened inside a sentence, right
after a word: such a fragment never runs on), or if the line was hard-wrapped (no blank line,
next line starts in lower case); otherwise a double-marked quote is closed at its line end and
flagged, and a single one is dropped as an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotebook.quotes.languages import DOUBLE, MARKS, SINGLE

_MARK_RE = re.compile("''|``|’’|‘‘|[" + re.escape("".join(MARKS)) + "]")
DOUBLED = "''"  # two apostrophes: a double quotation mark in older archives
BACKTICKS = "``"  # two grave accents: the opening mark of ``…'' in wire archives
CURLY_OPEN = "‘‘"  # the same two marks, typeset: they open
CURLY_CLOSE = "’’"  # … and close
_WIDE = (DOUBLED, BACKTICKS, CURLY_OPEN, CURLY_CLOSE)
_ELISIONS = frozenset({"em", "tis", "twas", "til", "cause", "bout", "n", "nuff", "cuz"})
_GUILLEMETS = frozenset("«»‹›")
_NO_OPEN_BEFORE = frozenset(",;:!?)]}")
_NESTED_REACH = 600  # characters looked ahead for the marks that close a nested quote
_NO_CLOSE_AFTER = frozenset("([{")
# Conventional pairs; any other pairing within a family is accepted but flagged as mismatched.
_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", CURLY_CLOSE),
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    "”": ("”",),
    '"': ('"',),
    "‘": ("’",),
    "‚": ("‘", "’"),
    "‹": ("›",),
    "›": ("‹",),
    "'": ("'",),
    DOUBLED: (DOUBLED, CURLY_CLOSE),
    BACKTICKS: (DOUBLED, CURLY_CLOSE),
    CURLY_OPEN: (CURLY_CLOSE, DOUBLED),
}


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A stretch of text between a pair of quotation marks (the marks excluded).

    `open_at`/`close_at` are the offsets of the marks; `close_at` is -1 for a quote whose closing
    mark never came (then `end` is the end of the line it stops at). `depth` is 0 for a quote
    that no other quote contains. `continued_at` lists the repeated opening marks of a quote
    that runs over paragraphs.
    """

    start: int
    end: int
    open_at: int
    close_at: int  # the closing mark's last character
    family: str
    depth: int
    matched: bool = True
    continued_at: tuple[int, ...] = ()

    @property
    def closed(self) -> bool:
        return self.close_at >= 0


@dataclass(slots=True)
class _Open:
    pos: int
    char: str
    family: str
    continued_at: list[int] = field(default_factory=list)


def _mark_at(text: str, i: int) -> str:
    """The mark that starts at `i`: one character, or two apostrophes."""
    for wide in _WIDE:
        if text.startswith(wide, i):
            return wide
    return text[i]


def _kind(mark: str) -> tuple[str, str]:
    """Family and preferred role of a mark."""
    if mark in (BACKTICKS, CURLY_OPEN):
        return DOUBLE, "open"
    if mark == CURLY_CLOSE:
        return DOUBLE, "close"
    return (DOUBLE, "either") if mark == DOUBLED else MARKS[mark]


def _roles(text: str, i: int, line_start: int, line_end: int) -> tuple[bool, bool]:
    """Whether the mark at `i` can open and whether it can close a quote."""
    ch = _mark_at(text, i)
    after = i + len(ch)
    prev = text[i - 1] if i > line_start else " "
    nxt = text[after] if after < line_end else " "
    if ch in _GUILLEMETS:
        # French typography puts a (no-break) space inside guillemets.
        if nxt.isspace() and after + 1 < line_end and not text[after + 1].isspace():
            nxt = text[after + 1]
        if prev.isspace() and i - 2 >= line_start and not text[i - 2].isspace():
            prev = text[i - 2]
    ellipsis = nxt == "…" or text.startswith("...", after)
    can_open = (
        not nxt.isspace()
        and not prev.isalnum()
        and ((nxt not in _NO_OPEN_BEFORE and nxt != ".") or ellipsis)
    )
    can_close = not prev.isspace() and not nxt.isalnum() and prev not in _NO_CLOSE_AFTER
    return can_open, can_close


def _is_elision(text: str, i: int, line_end: int) -> bool:
    """`'90s`, `’15`, `'em`: an apostrophe at a word's start rather than an opening mark."""
    j = i + 1
    if text[j : j + 2].isdigit() and (j + 2 >= line_end or not text[j + 2].isdigit()):
        return True
    k = j
    while k < line_end and text[k].isalpha():
        k += 1
    return k > j and text[j:k].lower() in _ELISIONS and (k >= line_end or not text[k].isalnum())


def _is_weak_close(text: str, i: int, line_end: int) -> bool:
    """`ministers’ meeting`: a closing single mark that may be a plural possessive."""
    if text[i - 1] not in "sS" or i + 2 >= line_end or text[i + 1] != " ":
        return False
    return text[i + 2].islower()


class _Pairer:
    """One pass over the text; see the module docstring for the rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[MarkedSpan] = []
        self.stack: list[_Open] = []

    def run(self) -> list[MarkedSpan]:
        text = self.text
        pending: _Open | None = None
        pending_line_end = 0
        blank_since = False
        pos = 0
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            line_end = n if nl < 0 else nl
            line_start = pos
            pos = line_end + 1
            first = line_start
            while first < line_end and text[first].isspace():
                first += 1
            if first == line_end:
                blank_since = True
                if nl < 0:
                    break
                continue
            skip = -1
            if pending is not None:
                ch = _mark_at(text, first)
                starts_with_mark = (
                    (ch in MARKS or ch in _WIDE)
                    and _kind(ch)[0] == pending.family
                    and _roles(text, first, line_start, line_end)[0]
                )
                if starts_with_mark and self._woven_in(pending):
                    starts_with_mark = False
                if starts_with_mark:
                    pending.continued_at.append(first)
                    skip = first
                    self.stack = [pending]
                elif not blank_since and pending.family == DOUBLE and ch.islower():
                    self.stack = [pending]
                else:
                    self._give_up(pending, pending_line_end)
                    self.stack = []
            for m in _MARK_RE.finditer(text, line_start, line_end):
                if m.start() != skip:
                    self._mark(m.start(), line_start, line_end)
            pending = self.stack[0] if self.stack else None
            pending_line_end = line_end
            self.stack = []
            blank_since = False
            if nl < 0:
                break
        if pending is not None:
            self._give_up(pending, pending_line_end)
        self.spans.sort(key=lambda s: (s.start, -s.end))
        return self.spans

    def _woven_in(self, opened: _Open) -> bool:
        """Did this quote open inside the reporter's sentence (`he was “out cold`)? Such a
        quote is a fragment; it does not run on into the next paragraph, whose opening mark
        starts a quote of its own."""
        text = self.text
        j = opened.pos - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        return j >= 0 and text[j].isalnum()

    def _give_up(self, opened: _Open, line_end: int, depth: int = 0) -> None:
        """A quote whose closing mark never came: keep a double one up to `line_end`."""
        if opened.family != DOUBLE:
            return
        end = line_end
        while end > opened.pos and self.text[end - 1].isspace():
            end -= 1
        start = opened.pos + len(opened.char)
        if end - start < 2 or not any(c.isalpha() for c in self.text[start:end]):
            return
        self.spans.append(
            MarkedSpan(
                start, end, opened.pos, -1, opened.family, depth, False, tuple(opened.continued_at)
            )
        )

    def _mark(self, i: int, line_start: int, line_end: int) -> None:
        text = self.text
        ch = _mark_at(text, i)
        family, preferred = _kind(ch)
        can_open, can_close = _roles(text, i, line_start, line_end)
        if family == SINGLE:
            if not can_open and not can_close:
                return  # don't, Russia's
            if can_open and not can_close and _is_elision(text, i, line_end):
                return
        target = self._find_open(family)
        if can_open and can_close:
            closing = target >= 0 if preferred == "either" else preferred == "close"
        elif not can_open and not can_close:
            closing = target >= 0
        else:
            closing = can_close
        if closing and target >= 0:
            if (
                family == SINGLE
                and _is_weak_close(text, i, line_end)
                and self._better_close(i, line_end)
            ):
                return
            self._close(target, i)
        elif closing:
            return  # a closing mark with nothing open: a stray or an apostrophe
        else:
            if (
                target >= 0
                and family == DOUBLE
                and self.stack[target].char == ch
                and not (ch == '"' and self._closes_twice(i, line_end))
            ):
                # English never nests “ in “ (or " in "): the earlier quote lost its closing mark.
                # Straight marks are nested where no other marks are at hand (`"Слишком много
                # "уток" и так далее", – заявил он`): then enough closing marks follow.
                opened = self.stack[target]
                del self.stack[target:]
                self._give_up(opened, i, depth=len(self.stack))
            self.stack.append(_Open(i, ch, family))

    def _closes_twice(self, i: int, line_end: int) -> bool:
        """Do enough straight double marks that can only close follow the one at `i` in its
        line to close both it and the quote already open?"""
        text = self.text
        balance = 0
        limit = min(line_end, i + _NESTED_REACH)
        j = text.find('"', i + 1, limit)
        while j >= 0:
            can_open, can_close = _roles(text, j, 0, line_end)
            j_next = text.find('"', j + 1, limit)
            if can_close and not can_open:
                balance += 1
                if balance >= 2:
                    return True
            elif can_open and not can_close:
                balance -= 1
                if balance < -1:
                    return False  # more quotes open than close: no nesting here
            j = j_next
        return False

    def _find_open(self, family: str) -> int:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].family == family:
                return k
        return -1

    def _better_close(self, i: int, line_end: int) -> bool:
        """Is there a stronger closing single mark later in this line than the one at `i`?"""
        text = self.text
        for m in _MARK_RE.finditer(text, i + 1, line_end):
            j = m.start()
            family = _kind(m.group())[0]
            can_open, can_close = _roles(text, j, 0, line_end)
            if family == DOUBLE and can_close and not can_open:
                return False
            if (
                family == SINGLE
                and can_close
                and not can_open
                and not _is_weak_close(text, j, line_end)
            ):
                return True
        return False

    def _close(self, k: int, i: int) -> None:
        opened = self.stack[k]
        del self.stack[k:]
        mark = _mark_at(self.text, i)
        start, end = opened.pos + len(opened.char), i
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        matched = mark in _PAIRS.get(opened.char, ())
        self.spans.append(
            MarkedSpan(
                start,
                end,
                opened.pos,
                i + len(mark) - 1,
                opened.family,
                len(self.stack),
                matched,
                tuple(opened.continued_at),
            )
        )


def pair_marks(text: str) -> list[MarkedSpan]:
    """Every quotation span in `text`, outer before inner, in reading order."""
    return _Pairer(text).run()
