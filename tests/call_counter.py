"""Counting how often a method runs during a test: work that should follow the change, not the
document, is checked by how many times it is called."""

from __future__ import annotations

import pytest


class Calls:
    """Counts calls of a method, replacing it on its object for the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.count = 0
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
