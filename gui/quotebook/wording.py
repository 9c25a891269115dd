"""Small pieces of English that the command line and the window both print.

One home, so that "1 document" and "2 documents" come out alike everywhere and an undo step's
label is shortened the same way as a dialog's title.
"""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str = "") -> str:
    """``plural(1, "document")`` → "1 document"; ``plural(3, "document")`` → "3 documents".

    `nouns` is the plural where adding an s is wrong (``plural(2, "is", "are")``-style words are
    better written out by the caller).
    """
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def shortened(text: str, limit: int = 40) -> str:
    """`text` on one line, cut with an ellipsis to at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
