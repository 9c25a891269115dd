"""Export targets that are not plain files, stale temporary files, and spreadsheet formulas.

An export writes beside the target and renames over it. As root, ``--output /dev/full`` used
to replace the device itself with a regular file; a link was replaced by a file; a FIFO or a
socket likewise. And a quote copied from a web page that starts with ``=`` ran as a formula
when the CSV was opened in a spreadsheet.
"""

from __future__ import annotations

import csv
import fcntl
import os
import socket
import stat
from pathlib import Path

import pytest

from cli_runner import run_cli
from quotebook.anchoring import make_anchor
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import ExportFailed
from quotebook.export import ExportOptions, collect_items, export
from quotebook.store import Library

HOSTILE = '=HYPERLINK("http://example.com/x","click")\n+1 555 0100\n-2+3\n@SUM(A1)\n\tTabbed\n'


@pytest.fixture
def library(tmp_path: Path):
    lib = Library(tmp_path / "library.sqlite")
    document = lib.documents.add(
        NewDocument(DocumentMeta("-5 reasons", outlet="=cmd|' /C calc'!A0"), HOSTILE)
    )
    for line in HOSTILE.splitlines():
        start = HOSTILE.index(line)
        lib.annotations.create(
            document.id, make_anchor(HOSTILE, start, start + len(line)), note="@note", tags=["+t"]
        )
    yield lib
    lib.close()


def write_csv(library: Library, target: Path, **options: object) -> Path:
    items = collect_items(library)
    return export(items, target, ExportOptions(format="csv", **options)).path


# -- targets --------------------------------------------------------------------------------


def test_a_link_is_written_through_and_stays_a_link(library: Library, tmp_path: Path):
    real = tmp_path / "exports" / "real.csv"
    real.parent.mkdir()
    real.write_text("old export")
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("exports") / "real.csv")
    second = tmp_path / "chain.csv"
    second.symlink_to(link)
    assert write_csv(library, second) == real
    assert link.is_symlink() and second.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("document_id,")
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.csv"]


def test_a_dangling_link_creates_its_target(library: Library, tmp_path: Path):
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "new.csv")
    write_csv(library, link)
    assert link.is_symlink() and (tmp_path / "new.csv").is_file()


def test_a_fifo_is_refused_and_stays_a_fifo(library: Library, tmp_path: Path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportFailed, match=r"is a named pipe \(FIFO\), not a regular file"):
        write_csv(library, fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_socket_is_refused(library: Library, tmp_path: Path):
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(ExportFailed, match="is a socket, not a regular file"):
            write_csv(library, path)
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


def test_a_device_is_refused_and_stays_a_device(tmp_path: Path, library: Library):
    """A twin of /dev/full made where the test may: the same kind of node as the real one."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    device = tmp_path / "full"
    real = os.stat("/dev/full")
    os.mknod(device, stat.S_IFCHR | 0o666, real.st_rdev)
    result = run_cli(library.path, "export", "--format", "csv", "--output", str(device), expect=1)
    assert "is a device, not a regular file; nothing was written" in result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert device.lstat().st_rdev == real.st_rdev


def test_a_folder_gets_the_folder_message(library: Library, tmp_path: Path):
    with pytest.raises(ExportFailed, match="is a folder; choose a file name"):
        write_csv(library, tmp_path)


def test_a_link_loop_is_refused(library: Library, tmp_path: Path):
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    with pytest.raises(ExportFailed, match="loop"):
        write_csv(library, tmp_path / "a.csv")


# -- temporary files left by a killed export -------------------------------------------------


def test_stale_part_files_of_ours_are_removed_and_others_kept(library: Library, tmp_path: Path):
    target = tmp_path / "out.csv"
    stale = tmp_path / ".out.csv.k2j4_x9a.part"  # a killed export's: nobody holds it
    stale.write_text("half")
    busy = tmp_path / ".out.csv.b7q1m0zz.part"  # an export still writing: it holds a lock
    busy.write_text("writing")
    others = [
        tmp_path / ".other.csv.k2j4_x9a.part",  # another target's
        tmp_path / ".out.csv.toolongname.part",  # not our pattern
        tmp_path / "out.csv.part",
    ]
    for path in others:
        path.write_text("not ours")
    holder = os.open(busy, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        write_csv(library, target)
    finally:
        os.close(holder)
    assert not stale.exists()
    assert busy.exists()
    assert all(path.exists() for path in others)
    assert target.is_file()


# -- formulas in CSV cells --------------------------------------------------------------------


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_cells_that_would_run_as_formulas_are_neutralised(library: Library, tmp_path: Path):
    read = rows(write_csv(library, tmp_path / "out.csv"))
    quotes = [r["quote"] for r in read]
    assert quotes == [
        '\'=HYPERLINK("http://example.com/x","click")',
        "'+1 555 0100",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTabbed",
    ]
    for row in read:
        assert row["note"] == "'@note"
        assert row["tags"] == "'+t"
        assert row["document_title"] == "'-5 reasons"
        assert row["outlet"] == "'=cmd|' /C calc'!A0"
        assert row["start"].isdigit()  # numbers stay numbers
    every_cell = [value for row in read for value in row.values()]
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in every_cell)


def test_a_cell_starting_with_a_carriage_return_is_neutralised(tmp_path: Path):
    with Library(tmp_path / "l.sqlite") as library:
        text = "\rcarriage return first"
        doc = library.documents.add(NewDocument(DocumentMeta("T"), "x" + text))
        library.annotations.create(doc.id, make_anchor("x" + text, 0, 3), note="\r=1+1")
        (row,) = rows(write_csv(library, tmp_path / "out.csv"))
    assert row["note"] == "'\r=1+1"


def test_raw_csv_keeps_the_cells_as_they_are(library: Library, tmp_path: Path):
    result = run_cli(
        library.path, "export", "--format", "csv", "--raw-csv", "-o", str(tmp_path / "raw.csv")
    )
    assert "exported" in result.stdout
    quotes = [r["quote"] for r in rows(tmp_path / "raw.csv")]
    assert quotes[0] == '=HYPERLINK("http://example.com/x","click")'
    run_cli(library.path, "export", "--format", "csv", "-o", str(tmp_path / "safe.csv"))
    assert rows(tmp_path / "safe.csv")[0]["quote"].startswith("'=")


def test_the_readme_says_so():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "--raw-csv" in readme
