"""Languages are profiles: a new one brings its own verbs, and unknown tags read as English."""

from __future__ import annotations

import dataclasses

import pytest

from quotebook.quotes import (
    available_languages,
    find_quotes,
    get_language,
    languages,
    register_language,
)

GERMAN_TEXT = "Titel\n\n„Wir sind bereit“, sagte Außenministerin Anna Berg."


def test_built_in_languages() -> None:
    assert {"en", "ru"} <= set(available_languages())
    assert get_language("en-GB").code == "en"
    assert get_language("ru_RU").code == "ru"
    assert get_language("").code == "en"
    assert get_language("xx").code == "en"


def test_a_new_language_brings_its_own_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languages, "_LANGUAGES", dict(languages._LANGUAGES))
    german = dataclasses.replace(
        get_language("en"),
        code="de",
        name="Deutsch",
        speech_verbs=frozenset({"sagte", "erklärte", "betonte"}),
        bare_verbs=frozenset(),
        after_only_verbs=frozenset(),
        inversion_verbs=frozenset({"sagte", "erklärte", "betonte"}),
        titles=frozenset({"außenministerin", "außenminister"}),
    )
    register_language(german)
    assert [q.speaker for q in find_quotes(GERMAN_TEXT, "de").quotes] == ["Anna Berg"]
    assert [q.speaker for q in find_quotes(GERMAN_TEXT, "en").quotes] == [None]
