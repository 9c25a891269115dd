"""The command line, run as a user would: a real process, real files, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import run_cli as run


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(
        "Title line\r\n\r\nHe said 😀 “We will talk”, said Ivan.\tThe end.\r\n".encode()
    )
    return path


def test_import_list_annotate_round_trip(tmp_path: Path, article: Path):
    lib = tmp_path / "lib.sqlite"
    imported = json.loads(run(lib, "import", str(article), "--json").stdout)
    assert imported == [{"path": str(article), "id": 1, "status": "imported", "error": None}]
    again = json.loads(run(lib, "import", str(article), "--json").stdout)
    assert again[0]["status"] == "duplicate"

    listed = json.loads(run(lib, "list", "--json").stdout)
    assert listed == [
        {"id": 1, "title": "Title line", "outlet": "", "published": "", "annotation_count": 0}
    ]

    made = json.loads(
        run(
            lib,
            "annotate",
            "1",
            "--quote",
            "We will talk",
            "--color",
            "green",
            "--tag",
            "quote",
            "--tag",
            "speaker/Ivan",
            "--note",
            "key line",
            "--json",
        ).stdout
    )
    text = "Title line\n\nHe said 😀 “We will talk”, said Ivan.\tThe end.\n"
    assert text[made["start"] : made["end"]] == "We will talk"
    assert made == {
        "id": 1,
        "document_id": 1,
        "start": text.index("We"),
        "end": text.index("We") + 12,
        "quote": "We will talk",
        "color": "green",
        "note": "key line",
        "tags": ["quote", "speaker/Ivan"],
    }
    listed = json.loads(run(lib, "annotations", "1", "--json").stdout)
    assert listed == [made]
    assert json.loads(run(lib, "annotations", "--json").stdout) == [made]


def test_cli_never_seeds(tmp_path: Path):
    assert json.loads(run(tmp_path / "new.sqlite", "list", "--json").stdout) == []


def test_failed_import_does_not_stop_others(tmp_path: Path, article: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = run(tmp_path / "lib.sqlite", "import", str(empty), str(article), "--json", expect=1)
    results = json.loads(proc.stdout)
    assert [r["status"] for r in results] == ["failed", "imported"]
    assert "empty" in results[0]["error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate", "7", "--quote", "x"], "no document with id 7"),
        (["annotations", "9"], "no document with id 9"),
    ],
)
def test_errors_go_to_stderr_without_traceback(tmp_path: Path, args: list[str], message: str):
    proc = run(tmp_path / "lib.sqlite", *args, expect=1)
    assert message in proc.stderr
    assert proc.stdout == ""


def test_quote_not_found(tmp_path: Path, article: Path):
    lib = tmp_path / "lib.sqlite"
    run(lib, "import", str(article))
    proc = run(lib, "annotate", "1", "--quote", "absent words", expect=1)
    assert "does not occur" in proc.stderr


def test_corrupt_library_is_a_clear_error(tmp_path: Path):
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"garbage" * 1000)
    proc = run(lib, "list", expect=1)
    assert "not a Quotebook library" in proc.stderr
