"""Another program writing the library: a write waits its turn, and a long wait ends in a
sentence with nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import finished, hold_write_lock, release

from cli_runner import run_cli
from quotebook.anchoring import make_anchor
from quotebook.errors import UserError
from quotebook.services.importing import import_files
from quotebook.services.seeding import seed_library
from quotebook.store import Library


@pytest.fixture
def seeded_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        seed_library(library)
    return path


def test_a_write_waits_while_another_program_holds_the_lock(seeded_path: Path):
    """Held for 2 s, as a slow import in another Quotebook would: `annotate` waits, then writes
    (it used to fail at once with a 'database is locked' traceback)."""
    holder = hold_write_lock(seeded_path, "2.0")
    made = json.loads(
        run_cli(seeded_path, "annotate", "1", "--quote", "OSCE", "--json", timeout=60).stdout
    )
    finished(holder)
    with Library(seeded_path) as library:
        assert library.annotations.get(made["id"]).quote == "OSCE"


def test_a_write_that_cannot_wait_long_enough_says_so_and_keeps_nothing(
    seeded_path: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr("quotebook.store.database.BUSY_TIMEOUT_MS", 300)
    library = Library(seeded_path)
    document = library.documents.get(1)
    anchor = make_anchor(document.text, 0, 4)
    page = tmp_path / "new.txt"
    page.write_text("A new article about talks in Vienna.\n", encoding="utf-8")
    holder = hold_write_lock(seeded_path)
    try:
        with pytest.raises(UserError, match=r"^The library is busy in another Quotebook; try"):
            library.annotations.create(document.id, anchor, tags=["new/tag"])
        (result,) = import_files(library, [page])
        assert result.status == "failed"
        assert "busy in another Quotebook" in result.error
    finally:
        release(holder)
    assert library.annotations.count() == 0
    assert library.tags.find("new/tag") is None
    assert library.documents.count() == 5
    library.annotations.create(document.id, anchor)  # once it is free, writing works again
    library.close()


OPEN_AND_SEED = """
import sys
from quotebook.app import open_library
library = open_library(sys.argv[1])
print(library.documents.count(), flush=True)
library.close()
"""


def test_programs_starting_on_a_new_library_at_once_set_it_up_once(tmp_path: Path):
    """Three apps start on the same new library while another program holds its lock: each
    waits, the first creates and seeds it, the others find it ready (before, the second ran
    the schema's first migration again and stopped with 'table meta already exists')."""
    path = tmp_path / "library.sqlite"
    holder = hold_write_lock(path, "3.0")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_SEED, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(3)
    ]
    outputs = [start.communicate(timeout=120) for start in starts]
    finished(holder)
    for start, (out, err) in zip(starts, outputs, strict=True):
        assert start.returncode == 0, err
        assert out.split() == ["5"]
    with Library(path) as library:
        assert len(library.folders.all()) == 1
        assert library.documents.count() == 5
