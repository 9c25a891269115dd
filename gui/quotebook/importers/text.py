"""Plain-text files in any common encoding.

The canonical text is the file decoded, its byte-order mark dropped and its line ends turned into
``\\n``; nothing else changes, so offsets into a UTF-8 file without ``\\r`` stay valid.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed
from quotebook.importers.source import (
    DEFAULT_LIMITS,
    ImportLimits,
    check_text,
    first_line,
    normalise_newlines,
    read_bytes,
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192


def decode(data: bytes, name: str) -> str:
    """Decode text bytes: a BOM first, then UTF-16/32 without one, UTF-8, then a guess
    among 8-bit encodings (see `guess_decode`).

    Text in UTF-16 or UTF-32 without a BOM shows itself by zero bytes in fixed positions (the
    high bytes of spaces and Latin letters); a file with zero bytes anywhere else is binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    if b"\x00" in data[:_SAMPLE]:
        wide = _wide_encoding(data)
        if wide is not None and _ascii_with_zeros(data[:_SAMPLE], wide):
            raise ImportFailed(
                f"{name} looks like a binary file, not text: it holds NUL bytes among plain "
                "ASCII characters."
            )
        try:
            if wide is not None:
                return data.decode(wide)
        except UnicodeDecodeError:
            pass
        raise ImportFailed(f"{name} looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{name} is not valid {encoding.upper()} text.") from exc


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (and its byte order) judged by where the zero bytes fall."""
    sample = data[: _SAMPLE - _SAMPLE % 4]
    if len(sample) < 2:
        return None
    by_position = [sample[i::4].count(0) for i in range(4)]
    quarter = max(1, len(sample) // 4)
    if len(data) % 4 == 0 and len(sample) >= 4:
        # Outside the Basic Multilingual Plane's rare astral characters, the two high bytes of
        # every UTF-32 unit are zero.
        if by_position[2] > 0.9 * quarter and by_position[3] > 0.9 * quarter:
            return "utf-32-le"
        if by_position[0] > 0.9 * quarter and by_position[1] > 0.9 * quarter:
            return "utf-32-be"
    if len(data) % 2:
        return None
    even = by_position[0] + by_position[2]
    odd = by_position[1] + by_position[3]
    half = max(1, len(sample) // 2)
    # Spaces and line ends alone put a zero in one position of every tenth pair or so; binary
    # data spreads zeros over both positions.
    if odd > 0.1 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.1 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


_ASCII_TEXT = frozenset(b"\t\n\r") | frozenset(range(0x20, 0x7F))


def _ascii_with_zeros(sample: bytes, wide: str) -> bool:
    """Whether bytes taken for UTF-16 are rather ASCII text with NUL bytes strewn in.

    In UTF-16 text made of ASCII characters nearly every high byte is zero. When every other
    byte is printable ASCII too but many high bytes are not zero, decoding would turn pairs of
    letters into CJK characters: nonsense that would still pass as text.
    """
    if not wide.startswith("utf-16") or not set(sample) - {0} <= _ASCII_TEXT:
        return False
    highs = sample[1::2] if wide == "utf-16-le" else sample[0::2]
    return highs.count(0) < 0.9 * len(highs)


def _guess(data: bytes, name: str) -> str:
    text = guess_decode(data)
    if text is None:
        raise ImportFailed(f"{name}: the text encoding could not be recognised.")
    return text


# -- choosing an 8-bit encoding -----------------------------------------------------------------
#
# charset-normalizer proposes encodings, but on a short Western text it often prefers a Baltic or
# Central European code page that decodes "garçon" as "garēon", and on a short Russian one a
# Ukrainian DOS code page. The bytes alone cannot settle it, so each candidate's decoding is read
# the way a person would glance at it: words in one script, accented letters that are common
# rather than exotic, Latin words that are mostly plain letters, no capitals in mid-word, no
# stray symbols between letters. The most readable candidate wins; charset-normalizer's own
# order breaks ties.

_GUESS_SAMPLE = 65_536
# Encodings most text files that are not UTF-8 are in, Western and Cyrillic first.
COMMON = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_15", "cp866", "mac_cyrillic")
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
        proposed = [m.encoding for m in from_bytes(data[: _GUESS_SAMPLE * 4])][:5]
    except (LookupError, ValueError, UnicodeError):  # a proposed codec failed inside the guesser
        proposed = []
    sample = data[:_GUESS_SAMPLE]
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


def decode_text(data: bytes, name: str, limits: ImportLimits = DEFAULT_LIMITS) -> str:
    """Decoded, newline-normalised and checked text of a plain-text file's bytes."""
    return check_text(normalise_newlines(decode(data, name)), name, limits)


def import_text(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> NewDocument:
    text = decode_text(read_bytes(path, limits), path.name, limits)
    return NewDocument(
        DocumentMeta(
            title=first_line(text) or path.stem,
            original_format="txt",
            source_path=str(path),
        ),
        text,
    )
