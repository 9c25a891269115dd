from __future__ import annotations

import pytest
from qdpx_helpers import annotate

from quotebook.store import Library


@pytest.fixture
def annotated(seeded_library: Library) -> tuple[Library, dict[str, int]]:
    """The seed library with highlights, tags, notes and folders of every kind."""
    return seeded_library, annotate(seeded_library)
