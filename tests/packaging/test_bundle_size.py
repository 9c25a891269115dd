"""`packaging/bundle_size.py`: the total and the largest files that `packaging/build` prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bundle_size
from packaging_helpers import PACKAGING


def make_bundle(folder: Path) -> Path:
    lib = folder / "_internal" / "lib"
    lib.mkdir(parents=True)
    (lib / "big.so").write_bytes(b"x" * 3_000_000)
    (lib / "small.pyc").write_bytes(b"x" * 10)
    (folder / "quotebook").write_bytes(b"x" * 1_000_000)
    (folder / "_internal" / "empty.txt").write_bytes(b"")
    # PyInstaller links Qt's libraries into place; a link is not a second copy.
    (folder / "_internal" / "big.so").symlink_to(lib / "big.so")
    return folder


def test_largest_files_first_and_links_not_counted(tmp_path: Path) -> None:
    summary = bundle_size.measure(make_bundle(tmp_path / "quotebook"), top=2)
    assert summary.files == 4
    assert summary.size == 4_000_010
    assert summary.largest == [
        bundle_size.Item("_internal/lib/big.so", 3_000_000),
        bundle_size.Item("quotebook", 1_000_000),
    ]
    assert summary.on_disk >= summary.size


def test_a_one_file_build_is_its_own_largest_item(tmp_path: Path) -> None:
    exe = tmp_path / "quotebook"
    exe.write_bytes(b"x" * 2048)
    summary = bundle_size.measure(exe)
    assert (summary.files, summary.size) == (1, 2048)
    assert summary.largest == [bundle_size.Item("quotebook", 2048)]


def test_report_as_packaging_build_prints_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "bundle_size.py"), str(make_bundle(tmp_path / "b"))],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("size: 3.8 MB in 4 files (")
    assert lines[1] == "largest 4:"
    assert lines[2] == "     2.86 MB  _internal/lib/big.so"
    assert lines[-1] == "     0.00 MB  _internal/empty.txt"
