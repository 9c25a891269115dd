"""Failures and cancels leave no partial file behind, and say why in a sentence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quotebook.errors import ExportFailed
from quotebook.export import (
    FORMATS,
    PROJECT_FORMATS,
    ExportCancelled,
    ExportOptions,
    collect_items,
    export,
)
from quotebook.export.qdpx import collect_project

HERE = Path(__file__).resolve().parent


@pytest.fixture
def items(annotated):
    return collect_items(annotated.library, [annotated.document_id])


def export_as(library, items, target, fmt, progress=None):
    """Export as the CLI does: the REFI-QDA formats also get the library's code book."""
    project = None
    if fmt in PROJECT_FORMATS:
        project, items = collect_project(library, items, whole_library=False)
    return export(items, target, ExportOptions(format=fmt), progress, project=project)


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_folder(items, tmp_path, fmt):
    target = tmp_path / "nowhere" / f"out.{fmt}"
    with pytest.raises(ExportFailed, match="does not exist; nothing was written"):
        export(items, target, ExportOptions(format=fmt))
    assert not target.parent.exists()


def test_parent_is_a_file(items, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportFailed, match="is not a folder"):
        export(items, tmp_path / "file" / "out.csv", ExportOptions(format="csv"))


def test_target_is_a_folder(items, tmp_path):
    with pytest.raises(ExportFailed, match="is a folder; choose a file name"):
        export(items, tmp_path, ExportOptions(format="csv"))


def test_unwritable_folder(items, tmp_path):
    if os.geteuid() == 0:
        # Root writes through permission bits; sysfs refuses new files even to root.
        target = Path("/sys/quotebook-export.csv")
        if os.access("/sys", os.W_OK) and not Path("/sys/kernel").is_dir():
            pytest.skip("no folder here refuses root")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "out.csv"
    with pytest.raises(ExportFailed, match=r"may not write to|read-only"):
        export(items, target, ExportOptions(format="csv"))
    assert not target.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("cancel_at", [0, 1, "last"])
def test_cancel_leaves_nothing_and_keeps_the_old_file(annotated, items, tmp_path, fmt, cancel_at):
    target = tmp_path / f"out.{fmt}"
    target.write_text("the previous export")
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        stop = total if cancel_at == "last" else cancel_at
        return done < stop

    with pytest.raises(ExportCancelled, match="cancelled; no file was written"):
        export_as(annotated.library, items, target, fmt, progress)
    assert target.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_runs_to_the_end(annotated, tmp_path, fmt):
    items = collect_items(annotated.library)
    calls: list[tuple[int, int]] = []
    export_as(
        annotated.library,
        items,
        tmp_path / f"all.{fmt}",
        fmt,
        lambda d, t: not calls.append((d, t)),
    )
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_full_disk(tmp_path):
    """On a 64 KiB disk the PDF cannot be written: a clear error, no temporary file left,
    and the earlier export at that path untouched."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small disk needs root and unshare")
    disk = tmp_path / "disk"
    disk.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    script = (
        f"mount -t tmpfs -o size=64k quotebook-test {disk} && "
        f"exec {sys.executable} {HERE / 'export_to_full_disk.py'} {work} {disk}"
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["error"] == (
        "There is not enough space on the disk to write library.pdf; nothing was written."
    )
    assert report["files"] == ["library.pdf"]
    assert report["existing"] == "an older export\n"
