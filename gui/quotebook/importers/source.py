"""Reading a file for an importer: size limits, errors a person understands, text sanity checks.

Every importer starts here, so a file that is too large, missing or unreadable fails the same way
whatever its format, before any parser sees it. The checks on the resulting text (empty, binary
noise) are shared too, so no format can slip an unusable document into the library.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from quotebook.errors import ImportFailed

MB = 1_048_576
DEFAULT_MAX_BYTES = 20 * MB


@dataclass(frozen=True)
class ImportLimits:
    """How much an import may read.

    `max_bytes` bounds the file on disk; `max_unpacked_bytes` bounds what a compressed container
    (a .docx is a zip archive) may expand to, so a small hostile file cannot fill the memory.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked_factor: int = 10

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_bytes * self.max_unpacked_factor

    @property
    def max_chars(self) -> int:
        """Extracted text may not exceed what the same number of bytes holds as plain text."""
        return self.max_bytes


DEFAULT_LIMITS = ImportLimits()


def describe_size(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def check_size(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> int:
    """The file's size, or `ImportFailed` when it is missing, a folder, not a regular file
    (a named pipe would block the import for ever, a device never ends), or past the limit."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ImportFailed(f"{path} does not exist.") from exc
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    _check_regular(path, info.st_mode)
    size = info.st_size
    if size > limits.max_bytes:
        raise ImportFailed(
            f"{path.name} is {describe_size(size)}; files larger than "
            f"{describe_size(limits.max_bytes)} are not imported (the limit can be raised)."
        )
    if size == 0:
        raise ImportFailed(f"{path.name} is empty.")
    return size


def read_bytes(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> bytes:
    """The whole file, after the size checks; reads at most one byte past the limit.

    The size is checked again on the bytes read, so a file that grows between the check and the
    read still cannot bring in more than the limit.
    """
    check_size(path, limits)
    try:
        # Without blocking, in case the file was swapped for a named pipe since the check;
        # what was opened is checked again.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            _check_regular(path, os.fstat(handle.fileno()).st_mode)
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if len(data) > limits.max_bytes:
        raise ImportFailed(
            f"{path.name} is larger than {describe_size(limits.max_bytes)}; it is not imported."
        )
    if not data:
        raise ImportFailed(f"{path.name} is empty.")
    return data


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFailed(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device or other special file"
        raise ImportFailed(f"{path.name} is not a regular file ({kind}); it is not imported.")


# Characters that text never holds but binary data decoded as text is full of: C0 and C1
# controls other than white space, DEL, lone surrogates, private use, and U+FFFD (a byte that
# did not decode). A regular expression counts them at C speed, which matters on bulk imports.
_NOISE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_SAMPLE_CHARS = 65_536
_SURROGATE = re.compile("[\ud800-\udfff]")  # cannot even be stored as UTF-8


def noise_ratio(text: str) -> float:
    """Share of characters in a sample of `text` that ordinary text does not contain."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return len(_NOISE.findall(sample)) / len(sample)


def check_text(
    text: str, name: str, limits: ImportLimits = DEFAULT_LIMITS, *, noise: str = ""
) -> str:
    """Refuse text that is empty, binary noise, or too long; returns the text unchanged.

    `noise` replaces the message for text full of control characters, for formats where that
    means something else than "this is a binary file".
    """
    if "\x00" in text or _SURROGATE.search(text) or noise_ratio(text) > 0.02:
        raise ImportFailed(noise or f"{name} looks like a binary file, not text.")
    if not text.strip():
        raise ImportFailed(f"{name} is empty.")
    if len(text) > limits.max_chars:
        raise ImportFailed(
            f"{name} holds {len(text):,} characters of text; the limit is {limits.max_chars:,}."
        )
    return text


def first_line(text: str, limit: int = 200) -> str:
    """The first non-blank line with runs of white space folded, shortened for a title."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            return shorten(line, limit)
    return ""


def shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
