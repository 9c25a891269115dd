"""Libraries that cannot be written: a read-only disk, a full disk, another program's database.

A library on a read-only mount could not even be listed; on a full disk `annotate` printed a
traceback, and once the disk was 100% full the library could not be opened ("disk I/O error").
Now such a library opens for reading (browse, search, export), the status bar says so, editing
is off, and a write gets a sentence. Mounts need root: as root the test makes a read-only bind
mount or a tiny tmpfs in a private mount namespace; otherwise file permissions stand in for the
read-only disk and the full disk is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import HERE

from cli_runner import run_cli
from quotebook.services.seeding import seed_library
from quotebook.store import Library
from quotebook.store.migrations import APPLICATION_ID

PROBE = HERE / "library_probe.py"


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    folder = tmp_path / "disk"
    folder.mkdir()
    path = folder / "library.sqlite"
    with Library(path) as library:
        seed_library(library)
    return path


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("unshare") is not None


def run_probe(script: str, library: Path, out: Path) -> dict:
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{script} && exec {sys.executable} {PROBE} {library} {out}"]
        if script
        else [sys.executable, str(PROBE), str(library), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_reading_works(report: dict) -> None:
    assert report["list"]["code"] == 0, report["list"]["err"]
    assert len(json.loads(report["list"]["out"])) == 5
    assert report["search"]["code"] == 0 and json.loads(report["search"]["out"])
    assert report["export"]["code"] == 0, report["export"]["err"]
    for step in ("list", "search", "export", "annotate"):
        assert "Traceback" not in report[step]["err"]
    window = report["window"]
    assert window["label"] == "Read-only"
    assert window["document"]
    assert window["enabled"] == {
        "HIGHLIGHT": False,
        "IMPORT": False,
        "NOTE": False,
        "MANAGE_TAGS": False,
        "EXPORT": True,
        "SEARCH": True,
        "BACKUP": True,
    }


def test_a_library_on_a_read_only_disk_opens_for_reading(seeded: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    folder = seeded.parent
    before = hashlib.sha256(seeded.read_bytes()).hexdigest()
    if can_mount():
        script = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
        report = run_probe(script, seeded, out)
    else:
        seeded.chmod(0o444)
        folder.chmod(0o555)
        try:
            report = run_probe("", seeded, out)
        finally:
            folder.chmod(0o755)
            seeded.chmod(0o644)
    check_reading_works(report)
    assert report["read_only"].startswith("The library is read-only")
    assert report["annotate"]["code"] == 1
    assert "read-only" in report["annotate"]["err"]
    assert "Nothing was changed" in report["write"]
    assert report["window"]["tip"] == report["read_only"]
    assert (out / "out.csv").read_text(encoding="utf-8").startswith("document_id,")
    assert hashlib.sha256(seeded.read_bytes()).hexdigest() == before


FILL = """
import json, sys
from quotebook.anchoring import make_anchor
from quotebook.errors import UserError
from quotebook.store import Library
writing = sys.argv[3] == "write"
if writing:  # opened first: its side files take their room before the disk fills
    library = Library(sys.argv[1])
    text = library.documents.get(1).text
with open(sys.argv[2], "wb", buffering=0) as filler:
    for size in (65536, 4096, 512, 64, 1):
        try:
            while filler.write(b"x" * size):
                pass
        except OSError:
            pass
if writing:
    try:
        library.annotations.create(1, make_anchor(text, 0, 4), note="x" * 200000)
        print(json.dumps("written"))
    except UserError as exc:
        print(json.dumps(exc.message))
    library.close()
"""


def test_a_full_disk_gives_sentences_and_the_library_still_opens(seeded: Path, tmp_path: Path):
    if not can_mount():
        pytest.skip("a full disk is a tiny tmpfs, which needs root and unshare")
    disk = tmp_path / "full"
    disk.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    library = disk / "library.sqlite"
    filler = disk / "filler"
    fill = tmp_path / "fill.py"
    fill.write_text(FILL, encoding="utf-8")
    size_kb = seeded.stat().st_size // 1024 + 512  # the library, and a little room
    python = sys.executable
    script = " && ".join(
        [
            f"mount -t tmpfs -o size={size_kb}k quotebook-full {disk}",
            f"cp {seeded} {library}",
            # The disk fills up while the library is open, and a highlight is made.
            f"{python} {fill} {library} {filler} write > {out / 'write.json'}",
            # Space again: the library is closed cleanly (its log merged, no -wal left)…
            f"rm {filler}",
            f"{python} -c 'import sys; from quotebook.store import Library; "
            f"Library(sys.argv[1]).close()' {library}",
            # …and then the disk is 100% full before it is opened again.
            f"{python} {fill} {library} {filler} fill",
        ]
    )
    report = run_probe(script, library, out)
    assert json.loads((out / "write.json").read_text()) == (
        "There is not enough space on the disk for the library; nothing was changed. "
        "Free some space and try again."
    )
    check_reading_works(report)
    assert report["read_only"] == (
        "The disk holding the library is full, so it is open for reading only."
    )
    assert report["annotate"]["code"] == 1
    assert "disk holding the library is full" in report["annotate"]["err"]


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = run_cli(path, "list", expect=1)
    assert "is not a Quotebook library: it holds another program's data" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_an_empty_or_new_library_is_marked_as_ours(tmp_path: Path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    for path in (empty, tmp_path / "new.sqlite"):
        run_cli(path, "list")
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        conn.close()
