"""Writing the objects we add to a PDF (annotations, bookmarks, metadata) as PDF syntax.

pypdf reads the painted file; for the thousands of small objects a long export adds, its
generic writer spends most of the annotation pass formatting them, so they are written here
from plain Python values instead:

- `Name("/Highlight")` is a name, a `str` a text string, `int`/`float` numbers, `bool`,
  `None` (null), `list` an array, `dict` (keys are names such as ``"/Type"``) a dictionary;
- `Stream(entries, data)` a stream (always an indirect object);
- pypdf's `IndirectObject` a reference, and any other pypdf object is written by pypdf.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pypdf.generic import IndirectObject, PdfObject


class Name(str):
    """A PDF name, written with its leading slash, e.g. ``Name("/Annot")``."""


@dataclass
class Stream:
    """A stream; written compressed (Flate) unless `compress` is off (XMP must stay legible)."""

    entries: dict[str, Any] = field(default_factory=dict)
    data: bytes = b""
    compress: bool = True


_LITERAL_SAFE = {c for c in range(32, 127)} - {ord("("), ord(")"), ord("\\")}
_DELIMITERS = (b"/", b"[", b"<", b"(")


def dumps(value: Any) -> bytes:
    out: list[bytes] = []
    _write(value, out)
    return b"".join(out)


def _write(value: Any, out: list[bytes]) -> None:
    kind = type(value)
    # The common cases first, by exact type: a long export writes hundreds of thousands.
    if kind is float:
        out.append(number(value).encode())
    elif kind is Name:
        out.append(_name(value))
    elif kind is list:
        out.append(b"[")
        for i, item in enumerate(value):
            if i:
                out.append(b" ")
            _write(item, out)
        out.append(b"]")
    elif kind is dict:
        # Compact, as names, arrays, strings and dictionaries delimit themselves: a thousand
        # appearance streams each have a dictionary that no compression shrinks.
        out.append(b"<<")
        for key, item in value.items():
            out.append(_name(key))
            at = len(out)
            _write(item, out)
            if out[at][:1] not in _DELIMITERS:
                out.insert(at, b" ")
        out.append(b">>")
    elif kind is int:
        out.append(str(value).encode())
    elif kind is bool:
        out.append(b"true" if value else b"false")
    elif value is None:
        out.append(b"null")
    elif isinstance(value, IndirectObject):
        out.append(f"{value.idnum} {value.generation} R".encode())
    elif isinstance(value, PdfObject):
        buffer = BytesIO()
        value.write_to_stream(buffer)
        out.append(buffer.getvalue())
    elif isinstance(value, str):
        out.append(_text(value))
    elif isinstance(value, tuple):
        _write(list(value), out)
    elif isinstance(value, Stream):
        data, entries = value.data, value.entries
        if value.compress and len(data) > 32:
            packed = deflated(data)
            # A short appearance barely compresses: keep it plain unless that saves bytes.
            if len(packed) + len(b"/Filter/FlateDecode") < len(data):
                data = packed
                entries = {**entries, "/Filter": Name("/FlateDecode")}
        _write({**entries, "/Length": len(data)}, out)
        out.append(b"stream\n")
        out.append(data)
        out.append(b"\nendstream")
    else:
        raise TypeError(f"cannot write {type(value).__name__} into a PDF")


def deflated(data: bytes) -> bytes:
    """`data` in zlib's format, the smaller of zlib's two fitting strategies.

    The default strategy hunts for long repeats; the "filtered" one leans on Huffman coding
    of short matches and literals, which suits the many small appearance streams and the
    object streams full of numbers better (on the 1 MB benchmark export: 7 kB less). Each
    stream is compressed both ways and the shorter kept, so neither kind of data loses.
    """
    best = zlib.compress(data, 9)
    packer = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED)
    filtered = packer.compress(data) + packer.flush()
    return filtered if len(filtered) < len(best) else best


def number(value: float) -> str:
    """A real number as PDF wants it: plain decimal notation, never an exponent
    (ISO 32000-1, 7.3.3)."""
    if -0.0005 < value < 0.0005:
        return "0"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    # Without the leading zero (".5", "-.5"), as PDF allows: colours are mostly fractions.
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


@functools.lru_cache(maxsize=512)
def _name(name: str) -> bytes:
    body = name[1:] if name.startswith("/") else name
    escaped = "".join(
        c if 33 <= ord(c) <= 126 and c not in "#()<>[]{}/%" else f"#{ord(c):02X}" for c in body
    )
    return ("/" + escaped).encode("ascii")


def _text(text: str) -> bytes:
    """A text string: plain ASCII as a literal, anything else as UTF-16 with a byte order mark."""
    raw = text.encode("utf-8")
    if all(b in _LITERAL_SAFE for b in raw):
        return b"(" + raw + b")"
    if text.isascii():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if all(32 <= ord(c) < 127 for c in escaped):
            return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"
