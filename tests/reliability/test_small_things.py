"""The smaller findings: encrypted PDFs, a FIFO in a folder, NUL bytes in ASCII text, tag names,
`orphaned` in the JSON, and backups of a library in use."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from cli_runner import run_cli
from quotebook.anchoring import make_anchor
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.errors import UserError
from quotebook.services.importing import import_files
from quotebook.store import Library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from import_samples import make_pdf

# -- encrypted PDFs -----------------------------------------------------------------------------


def encrypted(tmp_path: Path, name: str, user_password: str) -> Path:
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["The envoy said the talks would go on."])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    path = tmp_path / name
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_a_pdf_with_only_an_owner_password_imports(qapp, library: Library, tmp_path: Path):
    (result,) = import_files(library, [encrypted(tmp_path, "owner.pdf", "")])
    assert result.status == "imported", result.error
    assert "talks would go on" in library.documents.get(result.id).text


def test_a_pdf_that_needs_a_password_says_so(qapp, library: Library, tmp_path: Path):
    (result,) = import_files(library, [encrypted(tmp_path, "user.pdf", "secret")])
    assert result.status == "failed"
    assert result.error.startswith("user.pdf is encrypted: it needs a password to open.")
    assert "damaged" not in result.error


# -- odd files in an imported folder ----------------------------------------------------------


def test_a_fifo_in_a_folder_is_not_a_regular_file(library: Library, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A real article about talks.\n", encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nothing ever writes to it: reading it would wait for ever
    results = {Path(r.path).name: r for r in import_files(library, [folder])}
    assert results["a.txt"].status == "imported"
    assert results["b.txt"].status == "failed"
    assert (
        results["b.txt"].error
        == "b.txt is not a regular file (a named pipe (FIFO)); it is not imported."
    )


def test_ascii_text_with_nul_bytes_is_not_read_as_utf16(library: Library, tmp_path: Path):
    page = tmp_path / "odd.txt"
    page.write_bytes(b"talks went on\x00" * 300)  # read as UTF-16, this was CJK nonsense
    (result,) = import_files(library, [page])
    assert result.status == "failed"
    assert "NUL bytes among plain ASCII" in result.error
    real = tmp_path / "wide.txt"  # real UTF-16 without a byte-order mark still imports
    real.write_bytes("Talks went on in Vienna.\n".encode("utf-16-le") * 20)
    (result,) = import_files(library, [real])
    assert result.status == "imported"


# -- tag names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "A tag needs a name."),
        ("   ", "A tag needs a name."),
        ("two\nlines", "A tag name is one line"),
        ("tab\there", "A tag name is one line"),
        ("x" * 201, "at most 200 characters"),
        ("a//b", "not a valid tag name"),
    ],
)
def test_bad_tag_names_are_refused_with_a_reason(library: Library, name: str, message: str):
    with pytest.raises(UserError, match=message):
        library.tags.ensure(name)
    assert library.tags.all() == []


def test_a_tag_of_200_characters_is_fine(library: Library):
    assert library.tags.ensure("x" * 200).name == "x" * 200


# -- orphaned in the JSON ----------------------------------------------------------------------


def test_annotations_json_says_whether_each_is_orphaned(tmp_path: Path):
    page = tmp_path / "a.txt"
    page.write_text("The envoy said the talks would go on. Then he left.\n", encoding="utf-8")
    path = tmp_path / "library.sqlite"
    run_cli(path, "import", str(page))
    run_cli(path, "annotate", "1", "--quote", "talks would go on")
    run_cli(path, "annotate", "1", "--quote", "Then he left")
    page.write_text("The envoy said the talks would go on.\n", encoding="utf-8")
    run_cli(path, "import", "--replace", str(page))
    listed = json.loads(run_cli(path, "annotations", "--json").stdout)
    assert [(a["quote"], a["orphaned"]) for a in listed] == [
        ("talks would go on", False),
        ("Then he left", True),
    ]


# -- backups -----------------------------------------------------------------------------------


def test_backup_copies_what_is_still_in_the_write_ahead_log(tmp_path: Path):
    path = tmp_path / "library.sqlite"
    library = Library(path)  # stays open, as the app would: its last changes are in -wal
    document = library.documents.add(NewDocument(DocumentMeta("Open"), "Text being annotated."))
    library.annotations.create(document.id, make_anchor(document.text, 0, 4), note="fresh")
    assert Path(f"{path}-wal").stat().st_size > 0
    backup = tmp_path / "backups" / "copy.sqlite"
    backup.parent.mkdir()
    report = json.loads(run_cli(path, "backup", str(backup), "--json").stdout)
    assert (report["documents"], report["annotations"]) == (1, 1)
    assert report["path"] == str(backup)
    assert sorted(p.name for p in backup.parent.iterdir()) == ["copy.sqlite"]  # no -wal
    with Library(backup) as copy:
        (annotation,) = copy.annotations.all()
        assert annotation.note == "fresh"
    library.close()


def test_backup_refuses_odd_targets_and_the_library_itself(library: Library, tmp_path: Path):
    result = run_cli(library.path, "backup", str(library.path), expect=1)
    assert "cannot replace the library itself" in result.stderr
    result = run_cli(library.path, "backup", str(tmp_path), expect=1)
    assert "is a folder" in result.stderr
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    result = run_cli(library.path, "backup", str(fifo), expect=1)
    assert "not a regular file" in result.stderr


def test_file_menu_backs_up_the_library(make_window, tmp_path: Path):
    window = make_window()
    action = window.findChild(
        type(window.action_map[next(iter(window.action_map))]), "actionBackup"
    )
    assert action is not None
    assert (
        action
        in window.menuBar()
        .findChild(type(window.menuBar().actions()[0].menu()), "fileMenu")
        .actions()
    )
    written = window.back_up(tmp_path / "backup.sqlite")
    conn = sqlite3.connect(written)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    finally:
        conn.close()
    assert "backed up" in window.statusBar().currentMessage()
