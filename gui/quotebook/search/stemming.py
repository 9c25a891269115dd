"""Russian words found in their other forms: "Лаврова" finds "Лавров", "Лаврову", "Лавровым".

Russian inflects names and nouns by case, so the form a user types is often not the one in the
text. A search word in Cyrillic is cut to its stem with the Snowball stemmer; the library's
full-text indexes are then asked which words they hold that begin with that stem, and those
whose own stem matches become the forms searched for, joined by OR. The index and its tokenizer
stay as they are, so offsets, snippets and highlights work for every form as for the typed one.

A stem of fewer than `MIN_STEM` letters, or a word in capitals (an acronym such as ОБСЕ), is
searched as typed: their "stems" would bring in unrelated words. Words in Latin letters are
searched as typed, too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

MIN_STEM = 3
MAX_FORMS = 24  # forms searched for one word, at most: the most frequent are kept
STEM_GROWTH = 2  # letters a form's own stem may add to the searched stem (лавр → лавров)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")

# (stem) -> the index's words that begin with it, with how often each occurs
Vocabulary = Callable[[str], Iterable[tuple[str, int]]]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: loaded with the first Russian search

    return Stemmer.Stemmer("russian")


def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.casefold().replace("ё", "е")))


def stemmable(word: str) -> bool:
    """A single Cyrillic word, not an acronym in capitals."""
    return bool(_CYRILLIC_WORD.fullmatch(word)) and not (len(word) > 1 and word.isupper())


def same_word(form: str, searched: str) -> bool:
    """Whether `form`, a word that begins with the stem `searched`, is a form of that word:
    its own stem is that stem, a shorter cut of it (лавров → лавр) or that stem with a short
    ending the stemmer leaves on (лаврова → лавров for the stem лавр)."""
    own = stem(form)
    if own == searched or searched.startswith(own):
        return True
    return own.startswith(searched) and len(own) - len(searched) <= STEM_GROWTH


def inflected_forms(word: str, vocabulary: Vocabulary) -> list[str]:
    """The forms of `word` the library holds, the word itself first; just the word when it is
    not a Russian word worth stemming."""
    typed = word.casefold()
    if not stemmable(word):
        return [typed]
    searched = stem(word)
    if len(searched) < MIN_STEM:
        return [typed]
    found = [
        (count, form)
        for form, count in vocabulary(searched)
        if form != typed and same_word(form, searched)
    ]
    found.sort(key=lambda item: (-item[0], item[1]))
    return [typed, *(form for _, form in found[: MAX_FORMS - 1])]
