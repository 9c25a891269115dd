"""Plain-text files in any common encoding.

The canonical text is the file decoded, its byte-order mark dropped and its line ends turned into
``\\n``; nothing else changes, so offsets into a UTF-8 file without ``\\r`` stay valid.
"""

from __future__ import annotations

import codecs
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
    among 8-bit encodings (see `charsets`).

    Text in UTF-16 or UTF-32 without a BOM shows itself by zero bytes in fixed positions (the
    high bytes of spaces and Latin letters); a file with zero bytes anywhere else is binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    if b"\x00" in data[:_SAMPLE]:
        encoding = _wide_encoding(data)
        try:
            if encoding is not None:
                return data.decode(encoding)
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


def _guess(data: bytes, name: str) -> str:
    from quotebook.importers.charsets import guess_decode

    text = guess_decode(data)
    if text is None:
        raise ImportFailed(f"{name}: the text encoding could not be recognised.")
    return text


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
