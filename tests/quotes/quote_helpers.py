"""Small helpers shared by the quote-finder tests."""

from __future__ import annotations

from quotebook.quotes import FoundQuote, clean_speaker, find_quotes
from quotebook.quotes.phrases import given_compatible

TITLE = "A headline\n\n"  # the first line of an article is its title; tests start below it


def quotes(text: str, language: str = "en") -> list[FoundQuote]:
    return list(find_quotes(text, language).quotes)


def only(text: str, language: str = "en") -> FoundQuote:
    found = quotes(text, language)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def texts(text: str, language: str = "en") -> list[str]:
    return [q.text for q in quotes(text, language)]


def same_speaker(gold: str | None, found: str | None) -> bool:
    """Do two speaker names name one person? Titles, case and dropped or abbreviated given
    names aside: "Alexander Lukashevich" is "Lukashevich" and "A. Lukashevich"."""
    if gold is None or found is None:
        return gold is found
    a, b = clean_speaker(gold).casefold().split(), clean_speaker(found).casefold().split()
    if a == b:
        return True
    return bool(a and b) and a[-1] == b[-1] and given_compatible(a[:-1], b[:-1])
