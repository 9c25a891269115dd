"""One name per speaker across the whole library.

`find_quotes` already gives each speaker the fullest name its own document uses; across
documents the same person still turns up as "Carpenter" in one article and "Michael Carpenter"
in another, and a user may type "U.S. Ambassador Carpenter" when correcting a speaker. The
speaker tags (`speaker/<Name>`) only add up if all of these become one name.

`SpeakerIndex` groups names by surname after stripping titles, acronyms and possessives, and
merges forms whose given names fit each other ("M. Carpenter" fits "Michael Carpenter"; a bare
"Carpenter" fits any). A bare surname shared by two different people ("Joe Biden", "Hunter
Biden") is ambiguous and left as it is. Organisations and groups ("Baltic Foreign Ministers",
"the Foreign Ministry") are matched on their words, case and a leading "the" aside. The display
name of a group is its fullest form, then its most frequent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from quotebook.quotes.languages import available_languages, get_language
from quotebook.quotes.model import QuoteScan
from quotebook.quotes.phrases import given_compatible, split_name, strip_possessive


@dataclass(frozen=True)
class _Vocabulary:
    """The words of every registered language that matter for comparing names."""

    titles: frozenset[str]
    articles: frozenset[str]
    particles: frozenset[str]
    org_words: frozenset[str]


@cache
def _vocabulary_of(codes: tuple[str, ...]) -> _Vocabulary:
    langs = [get_language(code) for code in codes]
    return _Vocabulary(
        frozenset().union(*(lang.titles | lang.title_modifiers for lang in langs)),
        frozenset().union(*(lang.definite_articles for lang in langs)),
        frozenset().union(*(lang.name_particles for lang in langs)),
        frozenset().union(*(lang.org_words for lang in langs)),
    )


def _vocabulary() -> _Vocabulary:
    return _vocabulary_of(available_languages())


def _given(name: str) -> list[str]:
    return split_name(name, _vocabulary().particles)[0]


def clean_speaker(name: str) -> str:
    """`name` without leading titles, acronyms and possessives: "U.S. Ambassador Carpenter" →
    "Carpenter"; organisations keep their words but lose a leading "the"."""
    vocabulary = _vocabulary()
    words = name.split()
    if words and words[0].lower() in vocabulary.articles:
        words = words[1:]
    if any(w.lower() in vocabulary.org_words for w in words):
        return " ".join(words)
    titles = vocabulary.titles
    while len(words) > 1:
        head = words[0]
        letters = head.replace(".", "")
        is_acronym = len(letters) >= 2 and letters.isupper() and letters.isalpha()
        is_title = head.lower() in titles or head.lower().rstrip(".") in titles
        if is_title or is_acronym or head.endswith(("’s", "'s")):
            words = words[1:]
        else:
            break
    if words:
        words[-1] = strip_possessive(words[-1])
    return " ".join(words)


def _is_org(name: str) -> bool:
    words = name.lower().split()
    return not words or len(words) > 4 or any(w in _vocabulary().org_words for w in words)


class SpeakerIndex:
    """Speaker names seen across documents, grouped into people and organisations."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._counts: Counter[str] = Counter()
        self._canonical: dict[str, str] | None = None
        for name in names:
            self.add(name)

    def add(self, name: str, count: int = 1) -> None:
        """Count one more use of `name` (as `find_quotes` or a user wrote it)."""
        cleaned = clean_speaker(name)
        if cleaned:
            self._counts[cleaned] += count
            self._canonical = None

    def add_scan(self, scan: QuoteScan) -> None:
        """Count every speaker of a document's quotes and turns."""
        for name, count in scan.speakers().items():
            self.add(name, count)

    def canonical(self, name: str) -> str:
        """The library-wide display name for `name` (itself, cleaned, if never seen)."""
        cleaned = clean_speaker(name)
        table = self._table()
        if cleaned in table:
            return table[cleaned]
        if _is_org(cleaned):
            return next((v for k, v in table.items() if k.lower() == cleaned.lower()), cleaned)
        words = cleaned.split()
        fits = {
            display
            for display in set(table.values())
            if not _is_org(display)
            and display.split()[-1].lower() == words[-1].lower()
            and given_compatible(_given(display), _given(cleaned))
        }
        return fits.pop() if len(fits) == 1 else cleaned

    def counts(self) -> Counter[str]:
        """Uses per display name, for a "speakers with counts" view."""
        table = self._table()
        out: Counter[str] = Counter()
        for name, count in self._counts.items():
            out[table.get(name, name)] += count
        return out

    def _table(self) -> dict[str, str]:
        if self._canonical is None:
            self._canonical = self._build()
        return self._canonical

    def _build(self) -> dict[str, str]:
        table: dict[str, str] = {}
        people: dict[str, list[str]] = {}
        orgs: dict[str, list[str]] = {}
        for name in self._counts:
            if _is_org(name):
                orgs.setdefault(name.lower(), []).append(name)
            else:
                people.setdefault(name.split()[-1].lower(), []).append(name)
        for forms in orgs.values():
            best = max(forms, key=lambda f: (self._counts[f], f))
            for form in forms:
                table[form] = best
        for forms in people.values():
            for cluster in self._clusters(forms):
                best = max(cluster, key=lambda f: (len(f.split()), self._counts[f], f))
                for form in cluster:
                    table[form] = best
        return table

    def _clusters(self, forms: Sequence[str]) -> list[list[str]]:
        """Group the forms of one surname into people."""
        clusters: list[list[str]] = []
        bare: list[str] = []
        for form in sorted(forms, key=lambda f: -len(f.split())):
            given = _given(form)
            if not given:
                bare.append(form)
                continue
            fits = [c for c in clusters if all(given_compatible(given, _given(m)) for m in c)]
            if len(fits) == 1:
                fits[0].append(form)
            else:
                clusters.append([form])
        for form in bare:
            if len(clusters) == 1:
                clusters[0].append(form)
            else:
                clusters.append([form])
        return clusters


def normalise_speakers(scans: Iterable[QuoteScan]) -> list[QuoteScan]:
    """The scans of a library with every speaker given its library-wide display name."""
    scans = list(scans)
    index = SpeakerIndex()
    for scan in scans:
        index.add_scan(scan)
    return [scan.renamed(index.canonical) for scan in scans]
