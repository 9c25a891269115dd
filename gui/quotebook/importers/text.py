"""Plain-text files in any common encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ImportFailed

MAX_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            mb = 1_048_576
            raise ImportFailed(
                f"{path.name} is {size / mb:.1f} MB; the limit is {limit / mb:.0f} MB."
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFailed(f"{path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise ImportFailed(f"{path} is a folder, not a file.") from exc
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc


def decode(data: bytes, name: str) -> str:
    """Decode text bytes: BOMs first, then UTF-8, then a statistical guess."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{name} is not valid {encoding.upper()} text.") from exc
    if b"\x00" in data[:4096] and not _looks_like_bomless_utf16(data):
        raise ImportFailed(f"{name} looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed(f"{name}: the text encoding could not be recognised.")
    return str(best)


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    half = max(1, len(sample) // 2)
    return zeros_odd > 0.3 * half or zeros_even > 0.3 * half


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def import_text(path: Path) -> NewDocument:
    text = normalise_newlines(decode(read_bytes(path), path.name))
    if "\x00" in text:
        raise ImportFailed(f"{path.name} looks like a binary file, not text.")
    if not text.strip():
        raise ImportFailed(f"{path.name} is empty.")
    title = _first_line(text) or path.stem
    return NewDocument(
        DocumentMeta(title=title, original_format="txt", source_path=str(path)), text
    )


def _first_line(text: str, limit: int = 200) -> str:
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""
