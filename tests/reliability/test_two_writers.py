"""Two programs writing one library for 30 s: the app's code path and the command line.

The run found that a second writer failed at once ("database is locked"): the CLI with a
traceback, the app with "Something went wrong", imports losing whole batches. Here the app's
undo commands (in a process of their own, offscreen) and a stream of CLI commands (highlights,
single imports and one 300-file import) write at the same time. Every command must succeed,
and everything acknowledged must be in the library afterwards.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from reliability_helpers import HERE

from cli_runner import run_cli
from quotebook.services.seeding import seed_library
from quotebook.store import Library

SECONDS = 30.0


def popen_cli(library: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QUOTEBOOK_LIBRARY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "quotebook", "--library", str(library), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@contextmanager
def reaped(process: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    """The process, killed and its pipes closed if the test fails while it still runs."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


@pytest.mark.slow
def test_the_app_and_the_command_line_write_at_once_for_30_seconds(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        seed_library(library)
        texts = {s.id: library.documents.get(s.id).text for s in library.documents.summaries()}
    batch = tmp_path / "batch"
    batch.mkdir()
    for n in range(300):
        (batch / f"article-{n:03}.txt").write_text(
            f"Batch article {n}\n\nTalks number {n} went on in Vienna.\n", encoding="utf-8"
        )

    with ExitStack() as processes:
        app = subprocess.Popen(
            [sys.executable, str(HERE / "gui_writer.py"), str(path), str(SECONDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        processes.enter_context(reaped(app))
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "started"
        big_import = processes.enter_context(
            reaped(popen_cli(path, "import", str(batch), "--json"))
        )

        rng = random.Random(3)
        cli_notes: dict[int, str] = {}
        imported: list[int] = []
        commands = 0
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            commands += 1
            if commands % 5 == 0:
                page = tmp_path / f"single-{commands}.txt"
                page.write_text(f"Single article {commands}\n\nA statement.\n", encoding="utf-8")
                (result,) = json.loads(run_cli(path, "import", str(page), "--json").stdout)
                assert result["status"] == "imported", result
                imported.append(result["id"])
                continue
            document_id = rng.choice(sorted(texts))
            text = texts[document_id]
            quote = ""  # a window of only spaces (the samples have NBSP runs) is no quote
            while len(quote) < 10:
                start = rng.randrange(0, len(text) - 40)
                quote = text[start : start + 25].strip()
            note = f"cli note {commands}"
            made = run_cli(
                path, "annotate", str(document_id), "--quote", quote, "--note", note,
                "--tag", "cli", "--json", timeout=60,
            )  # fmt: skip
            cli_notes[json.loads(made.stdout)["id"]] = note

        app_out, app_err = app.communicate(timeout=120)
        assert app.returncode == 0, app_err
        report = json.loads(app_out.strip().splitlines()[-1])
        big_out, big_err = big_import.communicate(timeout=300)
        assert big_import.returncode == 0, big_err
    assert "Traceback" not in app_err + big_err

    assert report["failures"] == []
    batch_results = json.loads(big_out)
    assert [r["status"] for r in batch_results] == ["imported"] * 300
    expected = {int(k): v for k, v in report["expected"].items()}
    assert not set(expected) & set(cli_notes)
    print(f"app: {report['done']}; cli: {commands} commands, {len(cli_notes)} highlights")
    assert report["done"]["highlights"] > 50 and len(cli_notes) > 10

    with Library(path) as library:
        stored = {a.id: a.note for a in library.annotations.all()}
        assert stored == {**expected, **cli_notes}
        for document_id in [*imported, *(r["id"] for r in batch_results)]:
            assert library.documents.exists(document_id)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
