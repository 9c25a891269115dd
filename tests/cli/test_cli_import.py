"""`quotebook import` on folders, changed files and limits, as a real process."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run_cli as run
from import_samples import ARTICLE, PAGE, RUSSIAN, write

KEYS = {"path", "id", "status", "error"}


def imported(library: Path, *args: str, expect: int = 0) -> list[dict[str, object]]:
    results = json.loads(run(library, "import", *args, "--json", expect=expect).stdout)
    assert all(set(r) == KEYS for r in results)
    return results


def test_folder_import_mirrors_into_a_named_folder(tmp_path: Path):
    source = tmp_path / "clips"
    write(source / "a.txt", ARTICLE)
    write(source / "week 2" / "page.html", PAGE)
    write(source / "week 2" / "empty.txt", b"")
    lib = tmp_path / "lib.sqlite"
    results = imported(lib, str(source), "--folder", "Press", "--mirror", expect=1)
    assert [(Path(str(r["path"])).name, r["status"]) for r in results] == [
        ("a.txt", "imported"),
        ("empty.txt", "failed"),
        ("page.html", "imported"),
    ]
    assert results[1]["error"] == "empty.txt is empty." and results[1]["id"] is None
    listed = json.loads(run(lib, "list", "--json").stdout)
    assert {d["title"] for d in listed} == {
        ARTICLE.split("\n")[0],
        "Talks end without breakthrough",
    }


def test_changed_file_is_added_by_default_and_replaced_on_request(tmp_path: Path):
    lib = tmp_path / "lib.sqlite"
    story = write(tmp_path / "story.txt", ARTICLE)
    (first,) = imported(lib, str(story))
    run(lib, "annotate", str(first["id"]), "--quote", "both delegations promised")
    run(lib, "annotate", str(first["id"]), "--quote", "appropriate response")

    write(story, RUSSIAN + "\n" + ARTICLE.replace("appropriate", "adequate"))
    (replaced,) = imported(lib, str(story), "--replace")
    assert (replaced["status"], replaced["id"]) == ("replaced", first["id"])
    assert "1 annotation(s) lost their quote" in str(replaced["error"])
    annotations = json.loads(run(lib, "annotations", str(first["id"]), "--json").stdout)
    assert sorted(a["quote"] for a in annotations) == [
        "appropriate response",
        "both delegations promised",
    ]

    write(story, ARTICLE + "\nA later addition.\n")
    (added,) = imported(lib, str(story))
    assert added["status"] == "imported" and added["id"] != first["id"]
    assert imported(lib, str(story))[0]["status"] == "duplicate"


def test_max_size_and_text_output(tmp_path: Path):
    lib = tmp_path / "lib.sqlite"
    big = write(tmp_path / "big.txt", ARTICLE * 200)
    proc = run(lib, "import", str(big), "--max-size", "0.01", expect=1)
    assert "big.txt" in proc.stderr and "not imported" in proc.stderr
    proc = run(lib, "import", str(tmp_path / "big.txt"))
    assert proc.stdout.startswith("imported ")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    proc = run(lib, "import", str(empty_dir))
    assert "No files of a supported type" in proc.stderr
