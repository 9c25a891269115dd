"""The sample library: imported once, with its catalogue details, offsets intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from cli_runner import run_cli
from quotebook.app import open_library
from quotebook.resources import seeds_dir
from quotebook.services.seeding import needs_seeding, seed_library
from quotebook.store import Library

SEEDS = seeds_dir()


def test_seeds_import_once_with_catalogue_details(library: Library):
    assert needs_seeding(library)
    ids = seed_library(library)
    assert not needs_seeding(library)
    catalogue = json.loads((SEEDS / "library.json").read_text(encoding="utf-8"))
    assert len(ids) == len(catalogue["documents"]) == 5
    for doc_id, entry in zip(ids, catalogue["documents"], strict=True):
        doc = library.documents.get(doc_id)
        assert doc.title == entry["title"]
        assert doc.meta.outlet == entry["outlet"]
        # The stored text is the file's text: gold offsets stay valid.
        assert doc.text == (SEEDS / entry["file"]).read_text(encoding="utf-8")
    assert [f.name for f in library.folders.all()] == [catalogue["folder"]]


def test_a_library_with_documents_is_never_seeded(tmp_path):
    """A library filled with the command line gets no samples when the app first opens it."""
    path = tmp_path / "made-with-cli.sqlite"
    source = tmp_path / "statement.txt"
    source.write_text("A statement imported with the command line.\n", encoding="utf-8")
    run_cli(path, "import", str(source))
    library = open_library(path)
    try:
        [only] = library.documents.summaries()
        assert only.title == "A statement imported with the command line."
        assert library.folders.all() == []
    finally:
        library.close()
    with Library(path) as again:  # and not the next time either
        assert needs_seeding(again) is False


def test_an_emptied_library_is_not_seeded_again(library: Library):
    for doc_id in seed_library(library):
        library.documents.delete(doc_id)
    for folder in library.folders.all():
        library.folders.delete(folder.id)
    assert not needs_seeding(library)


def test_a_crash_while_seeding_leaves_nothing_and_seeds_once_later(tmp_path):
    """The samples go in one transaction: killed half-way, the library holds none of them, and
    the next start adds them once (not the two that got in plus all five, in two folders)."""
    path = tmp_path / "library.sqlite"
    target = Path(__file__).with_name("seed_target.py")
    proc = subprocess.run(
        [sys.executable, str(target), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
    with Library(path) as killed:
        assert killed.documents.count() == 0
        assert killed.folders.all() == []
        assert needs_seeding(killed)
    library = open_library(path)
    try:
        assert library.documents.count() == 5
        assert len(library.folders.all()) == 1
    finally:
        library.close()
    library = open_library(path)
    try:
        assert library.documents.count() == 5
    finally:
        library.close()
