"""Small helpers shared by the quote-finder tests."""

from __future__ import annotations

from quotebook.quotes import FoundQuote, find_quotes

TITLE = "A headline\n\n"  # the first line of an article is its title; tests start below it


def quotes(text: str, language: str = "en") -> list[FoundQuote]:
    return list(find_quotes(text, language).quotes)


def only(text: str, language: str = "en") -> FoundQuote:
    found = quotes(text, language)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def texts(text: str, language: str = "en") -> list[str]:
    return [q.text for q in quotes(text, language)]
