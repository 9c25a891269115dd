"""Argument types for the commands: a number or date the user typed, checked where it is read.

Each raises `argparse.ArgumentTypeError` with a short reason, which argparse prints after the
usage line (exit code 2), instead of letting ``99999999999999999999`` or ``nan`` reach SQLite
or the importers as a traceback, or ``--since notadate`` pass silently.
"""

from __future__ import annotations

import argparse
import datetime
import math

# SQLite stores integers in 64 bits; no row id can be larger.
MAX_ID = 2**63 - 1
MAX_LIMIT = 100_000


def record_id(text: str) -> int:
    """A document, annotation or folder id: a whole number from 1 up."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not an id (ids run from 1 to {MAX_ID})")
    return value


def count(text: str, *, name: str, largest: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name} must be a whole number, not {text!r}") from None
    if not 1 <= value <= largest:
        raise argparse.ArgumentTypeError(f"{name} must be from 1 to {largest:,}, not {text}")
    return value


def limit(text: str) -> int:
    """How many results at most."""
    return count(text, name="the limit", largest=MAX_LIMIT)


def occurrence(text: str) -> int:
    """Which occurrence of a quote (1 is the first)."""
    return count(text, name="the occurrence", largest=MAX_ID)


def megabytes(text: str) -> float:
    """A positive, finite size in megabytes."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"the size must be a positive number, not {text}")
    return value


def iso_date(text: str) -> str:
    """A calendar date as ``YYYY-MM-DD``."""
    try:
        return datetime.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-31") from None
