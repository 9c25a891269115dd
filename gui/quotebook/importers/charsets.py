"""Choosing the 8-bit encoding of a text file that is not UTF-8.

charset-normalizer proposes encodings, but on a short Western text it often prefers a Baltic or
Central European code page that decodes "garçon" as "garēon", and on a short Russian one a
Ukrainian DOS code page. The bytes alone cannot settle it, so each candidate's decoding is read
the way a person would glance at it: words in one script, accented letters that are common
rather than exotic, Latin words that are mostly plain letters, no capitals in mid-word, no
stray symbols between letters. The most readable candidate wins; charset-normalizer's own
order breaks ties.
"""

from __future__ import annotations

import re

# Encodings most text files that are not UTF-8 are in, Western and Cyrillic first.
COMMON = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_15", "cp866", "mac_cyrillic")
_SAMPLE = 65_536
_WORDS = re.compile(r"[^\W\d_]+")
# Non-letters that ordinary prose does contain.
_PROSE_SYMBOLS = frozenset("“”‘’«»„‚–—…•€£¥°§©®™\u00a0·×±¼½¾¿¡ª«º")


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x80 or 0xC0 <= code <= 0x24F:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    return f"block{code >> 7}"


def readability(text: str) -> float:
    """How much `text` reads like ordinary prose: higher is better, negative is mojibake."""
    score = 0.0
    for match in _WORDS.finditer(text):
        word = match.group()
        foreign = [c for c in word if not c.isascii()]
        if not foreign:
            continue
        scripts = {_script(c) for c in word}
        if len(scripts) > 1:
            score -= len(word)
            continue
        if len(word) > 1 and any(c.isupper() for c in word[1:]) and any(c.islower() for c in word):
            score -= len(foreign)  # "пРИВЕТ": a Cyrillic page read with the wrong case layout
            continue
        script = scripts.pop()
        if script == "latin":
            if len(word) >= 3 and 2 * len(foreign) > len(word):
                score -= len(foreign)  # "Ïðèâåò": Cyrillic read as Western
            else:
                score += sum(1.0 if ord(c) <= 0xFF else 0.5 for c in foreign)
        else:
            score += len(foreign) * (1.0 if script == "cyrillic" else 0.8)
    for ch in text:
        if not ch.isascii() and not ch.isalpha() and not ch.isspace() and ch not in _PROSE_SYMBOLS:
            score -= 1.0
    return score


def guess_decode(data: bytes) -> str | None:
    """The most readable decoding of `data`, or None when no candidate decodes it at all."""
    from charset_normalizer import from_bytes

    try:
        proposed = [m.encoding for m in from_bytes(data[: _SAMPLE * 4])][:5]
    except (LookupError, ValueError, UnicodeError):  # a proposed codec failed inside the guesser
        proposed = []
    sample = data[:_SAMPLE]
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(dict.fromkeys([*proposed, *COMMON])):
        try:
            score = readability(sample.decode(encoding, errors="ignore"))
            data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        key = (score, -rank, encoding)
        if best is None or key > best:
            best = key
    return None if best is None else data.decode(best[2])
