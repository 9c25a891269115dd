"""Reader view: find the lines of a saved web page that are page furniture rather than article.

Pages copied or saved as text carry the site around the article: "Accessibility links", "No time
to read? Get a summary", "Previous Article" and the headline it leads to, cookie notices,
newsletter blurbs, share and follow lines, size pickers, a tail of lone navigation words. The
viewer hides these lines without touching the stored text, so every annotation keeps its
offsets; hence the answer is a list of code-point ranges, not a cleaned string.

The rules are general signals, not a list of known sites: a line is furniture when it says what
furniture says (short lines built from navigation, subscription, sharing or cookie vocabulary),
when it is shaped like furniture (a run of one-word lines, a breadcrumb, a bare phone number or
clock, a line repeated on the page), or when it sits where furniture sits (the headline after
"Next Article", the short lines trailing the last paragraph, a "Latest news" list at the end).
A line that quotes someone is never taken for a blurb, and the trailing rule never eats more
than a small part of a text.

A change to these rules that can change a verdict raises `quotebook.reader_view.RULES_VERSION`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import NamedTuple

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”»’)\]]*$")
_QUOTES = re.compile(r"[\"“”«»„]")
_BULLET = r"(?:[•·▪●◦*\-–—]\s*)?"

# Whole lines that are navigation or page furniture (matched case-insensitively, stripped,
# with an optional bullet in front and punctuation behind).
_NAV_LINES = [
    r"accessibility links?", r"skip to (?:main )?(?:content|navigation|search)",
    r"(?:back|go) to top", r"main menu|menu|navigation|search|home(?:page)?",
    r"(?:previous|next|prev|older|newer) (?:article|post|story|page|item|news)",
    r"(?:read|show|load|see|view) (?:more|all)(?: \w+)?", r"all (?:messages|news|stories|articles)",
    r"breaking(?: news)?", r"video of (?:the )?day", r"news ?line|news ?feed|live",
    r"most (?:read|popular|viewed|shared)", r"top stories|trending(?: now)?|editor'?s picks?",
    r"leave a (?:review|comment|reply)", r"(?:add|post|write|show) (?:a )?comments?",
    r"\d+ comments?|comments?(?: \(\d+\))?", r"advertisement|sponsored(?: content)?|ad",
    r"share(?: (?:this|on \w+|via \w+|article|story))?|tweet|print|e-?mail|copy link",
    r"(?:\d+x\d+ )?(?:image|photo|picture|video|gallery|audio)(?: \d+ of \d+)?",
    r"in \w+", r"log ?in|sign ?in|register|my account|sign out|log ?out",
    r"(?:предыдущая|следующая) (?:статья|новость)", r"поделиться|реклама|все новости",
]  # fmt: skip
_NAV = re.compile(rf"{_BULLET}(?:{'|'.join(_NAV_LINES)})[.:!…]*", re.I)

# Vocabulary of blurbs that may fill a sentence or two.
_BLURB = re.compile(
    r"no time to read|get (?:a|the) summary|summari[sz]e (?:this|the) (?:article|story)"
    r"|\bcookies?\b|privacy (?:policy|settings)|manage (?:consent|preferences)"
    r"|\bnewsletters?\b|\bsubscribe\b|\bsign up\b|\bunsubscribe\b|\bdigest\b"
    r"|follow us|join us on|find us on|social (?:networks|media)|google news"
    r"|all rights reserved|©|\bcopyright\b"
    r"|рассылк|подпи(?:шитесь|саться|ска)|дайджест|мы в соцсетях",
    re.I,
)
# Headings of the "other articles" lists that close a page.
_RELATED = re.compile(
    rf"{_BULLET}(?:latest|related|recommended|more|other|recent|popular|top)"
    r" (?:events|news|stories|articles|posts|headlines|from \w+(?: \w+)?)"
    r"|(?:read|see) also|you (?:may|might) also (?:like|be interested in)|more on this"
    r"|читайте также|по теме|другие новости|последние новости",
    re.I,
)
# A teaser headline follows these.
_LEADS = re.compile(r"(?:previous|next|prev|older|newer) |read also|see also|читайте", re.I)
_CONTACT = re.compile(
    r"(?:\+?\d[\d() -]{5,18}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+"
    r"|[\w .-]{2,30}: ?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)",
    re.I,
)
_BREADCRUMB = re.compile(r"\s*[|›»>•·/]\s*")
_PADDING = re.compile(r"\s{20,}")

BLURB_WORDS = 40  # a blurb is at most this long; a longer line is a paragraph
SHORT_WORDS = 6  # lines this short without a full stop are furniture when they trail the text
TAIL_SHARE = 0.25  # the trailing rule hides at most this share of the text's characters
RELATED_FROM = 1 / 3  # a "Latest news" list counts only in the text's later part
# Words are counted up to one past the largest limit a rule compares with, so a line of a
# megabyte costs what a blurb does.
WORDS_COUNTED = BLURB_WORDS + 1


class FurnitureLine(NamedTuple):
    """One line judged to be furniture: its range (without the newline) and the rule that fired."""

    start: int
    end: int
    text: str
    reason: str


class _Line(NamedTuple):
    start: int
    end: int
    text: str  # stripped
    words: int  # counted up to WORDS_COUNTED

    @property
    def headline_like(self) -> bool:
        return bool(self.text) and self.words <= 20 and not _SENTENCE_END.search(self.text)


def _words(text: str, limit: int = WORDS_COUNTED, start: int = 0, end: int | None = None) -> int:
    """How many words `text[start:end]` has, counted up to `limit`."""
    found = _WORD.finditer(text, start, len(text) if end is None else end)
    return sum(1 for _ in itertools.islice(found, limit))


def _lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lines.append(_Line(start, start + len(raw), stripped, _words(stripped)))
        start += len(raw) + 1
    return lines


def _own_reason(line: _Line, repeats: Counter[str], previous: _Line | None) -> str:
    """Why a line is furniture judged on itself and the page's repetitions; empty if it is not."""
    text = line.text
    if not text:
        return ""
    if _NAV.fullmatch(text):
        return "navigation"
    if line.words <= BLURB_WORDS and _BLURB.search(text) and not _QUOTES.search(text):
        return "blurb"
    if _CONTACT.fullmatch(text):
        return "contact"
    if _is_breadcrumb(text):
        return "breadcrumb"
    if text.isupper() and "," in text and all(len(p.split()) <= 2 for p in text.split(",")):
        return "breadcrumb"
    if previous is not None and previous.text == text and line.words >= 3:
        return "repeated"
    if line.words <= 10 and repeats[text] > 1 and not _SENTENCE_END.search(text):
        return "repeated"
    return ""


def _is_breadcrumb(text: str) -> bool:
    """Three or more parts between separators, none longer than three words."""
    parts, start = 0, 0
    for separator in itertools.chain(_BREADCRUMB.finditer(text), [None]):
        end = len(text) if separator is None else separator.start()
        if end > start:  # an empty part (separators side by side) does not count
            if _words(text, 4, start, end) > 3:
                return False
            parts += 1
        if separator is not None:
            start = separator.end()
    return parts >= 3


def furniture_lines(text: str) -> list[FurnitureLine]:
    """The lines of `text` that look like page furniture, each with the rule that caught it."""
    lines = _lines(text)
    return [
        FurnitureLine(line.start, line.end, line.text, reason)
        for line, reason in zip(lines, _reasons(lines, text), strict=True)
        if reason
    ]


def _reasons(lines: list[_Line], text: str) -> list[str]:
    """Why each line is furniture; empty for the article's lines."""
    repeats = Counter(line.text for line in lines if line.text)
    reasons = ["" for _ in lines]
    previous: _Line | None = None
    for i, line in enumerate(lines):
        reasons[i] = _own_reason(line, repeats, previous)
        if line.text:
            previous = line
    _padded(lines, reasons, text)
    _menus(lines, reasons)
    _teasers(lines, reasons)
    _related_section(lines, reasons, len(text))
    _tail(lines, reasons, len(text))
    _labels(lines, reasons)
    return reasons


def _padded(lines: list[_Line], reasons: list[str], text: str) -> None:
    """Tickers and banners are laid out with long runs of (non-breaking) spaces."""
    for i, line in enumerate(lines):
        if line.text and not reasons[i] and _PADDING.search(text, line.start, line.end):
            reasons[i] = "padding"


def _menus(lines: list[_Line], reasons: list[str]) -> None:
    """Three or more consecutive one- or two-word lines with no punctuation are a menu."""
    run: list[int] = []
    for i, line in enumerate([*lines, _Line(0, 0, "", 0)]):
        short = (
            bool(line.text) and line.words <= 2 and len(line.text) <= 24
            and not _SENTENCE_END.search(line.text) and not any(c.isdigit() for c in line.text)
        )  # fmt: skip
        if short:
            run.append(i)
            continue
        # Mostly single words: a list of names ("Jane Doe") in an article is not a menu.
        if len(run) >= 3 and sum(lines[j].words == 1 for j in run) * 2 >= len(run):
            for j in run:
                reasons[j] = reasons[j] or "menu"
        run = []


def _next_text(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].text:
            return j
    return None


def _teasers(lines: list[_Line], reasons: list[str]) -> None:
    """The headline after "Next Article" or "Read also" is another article's."""
    for i, line in enumerate(lines):
        if reasons[i] == "navigation" and _LEADS.match(line.text.lstrip("•·*-–— ")):
            j = _next_text(lines, i)
            if j is not None and not reasons[j] and lines[j].headline_like:
                reasons[j] = "teaser"


def _related_section(lines: list[_Line], reasons: list[str], size: int) -> None:
    """A "Latest news" heading late in the text starts a list of other articles up to the end."""
    for i, line in enumerate(lines):
        if (
            line.start >= size * RELATED_FROM
            and line.headline_like
            and _RELATED.fullmatch(line.text)
        ):
            for j in range(i, len(lines)):
                if lines[j].text:
                    reasons[j] = reasons[j] or "related"
            return


def _tail(lines: list[_Line], reasons: list[str], size: int) -> None:
    """Short unpunctuated lines after the last paragraph are page furniture."""
    body = sum(len(line.text) for line, r in zip(lines, reasons, strict=True) if not r)
    budget = min(size, body) * TAIL_SHARE
    tail: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.text or reasons[i]:
            continue
        if line.words > SHORT_WORDS or len(line.text) > 60 or _SENTENCE_END.search(line.text):
            break
        tail.append(i)
    if sum(len(lines[i].text) for i in tail) <= budget:
        for i in tail:
            reasons[i] = "trailing"


def _labels(lines: list[_Line], reasons: list[str]) -> None:
    """A label ("Consular queries:") whose whole paragraph is furniture is furniture too."""
    for i, line in enumerate(lines):
        if reasons[i] or not line.text.endswith(":") or line.words > 4:
            continue
        block = []
        for j in range(i + 1, len(lines)):
            if not lines[j].text:
                break
            block.append(j)
        if block and all(reasons[j] for j in block):
            reasons[i] = "label"


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Code-point ranges [start, end) of `text` to hide in reader view, sorted and disjoint.

    Each run of furniture lines is hidden with the blank lines around it, keeping one blank line
    where the run separated two paragraphs, so the text around it reads as if it were never
    there.
    """
    lines = _lines(text)
    flags = [bool(reason) for reason in _reasons(lines, text)]
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not flags[i]:
            i += 1
            continue
        first = i
        while first > 0 and not lines[first - 1].text:
            first -= 1
        last = i
        while last + 1 < len(lines) and (flags[last + 1] or not lines[last + 1].text):
            last += 1
        ranges.extend(_run_ranges(lines, first, last, len(text)))
        i = last + 1
    return _merge(ranges)


def _run_ranges(lines: list[_Line], first: int, last: int, size: int) -> list[tuple[int, int]]:
    start = lines[first].start
    end = lines[last + 1].start if last + 1 < len(lines) else size
    at_edge = first == 0 or last + 1 == len(lines)
    blanks = [k for k in range(first, last + 1) if not lines[k].text]
    if at_edge or not blanks:
        return [(start, end)]
    keep = lines[blanks[-1]].end  # the newline of the run's last blank line separates paragraphs
    return [(start, keep), (keep + 1, end)]


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def visible_text(text: str, ranges: list[tuple[int, int]] | None = None) -> str:
    """`text` as reader view shows it (for previews and tests)."""
    ranges = furniture_ranges(text) if ranges is None else ranges
    parts, at = [], 0
    for start, end in ranges:
        parts.append(text[at:start])
        at = end
    parts.append(text[at:])
    return "".join(parts)
