"""Fixtures for the Quotes panel, the library-wide dialog and `quotebook quotes`."""

from __future__ import annotations

import pytest

from quotebook.store import Library


def document_id(library: Library, title_part: str) -> int:
    """A seed document's id by a piece of its title, so tests do not hang on import order."""
    return next(s.id for s in library.documents.summaries() if title_part in s.title)


@pytest.fixture
def envoy_id(seeded_library: Library) -> int:
    """The article quoting Ambassador Michael Carpenter, Landsbergis and the Baltic ministers."""
    return document_id(seeded_library, "No Planned Interactions")


@pytest.fixture
def interview_id(seeded_library: Library) -> int:
    """The interview transcript: speaker turns and a single scare quote."""
    return document_id(seeded_library, "interview with Rossiyskaya Gazeta")
