"""Mistyped command lines get a sentence from the parser (exit code 2), never a traceback, and
never silently mean something else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run_cli

HUGE = str(2**63)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("user-errors")
    article = folder / "article.txt"
    article.write_text("Talks in Vienna.\n\nThe envoy said the talks went on.\n", encoding="utf-8")
    path = folder / "library.sqlite"
    run_cli(path, "import", str(article))
    return path


CASES = {
    "annotate an id of 2^63": (["annotate", HUGE, "--quote", "talks"], "is not an id"),
    "annotations of an id past 2^64": (["annotations", str(2**64)], "is not an id"),
    "export an id of 2^63": (["export", HUGE, "-o", "{tmp}/out.csv"], "is not an id"),
    "search in a folder id of 2^63": (["search", "talks", "--folder", HUGE], "is not an id"),
    "a zero id": (["annotations", "0"], "is not an id"),
    "a huge --limit": (["search", "talks", "--limit", "99999999999999999999"], "the limit must"),
    "a negative --limit": (["search", "talks", "--limit", "-5"], "the limit must"),
    "--occurrence 0": (["annotate", "1", "--quote", "talks", "--occurrence", "0"], "occurrence"),
    "--max-size nan": (["import", "{tmp}/article.txt", "--max-size", "nan"], "positive number"),
    "--max-size inf": (["import", "{tmp}/article.txt", "--max-size", "inf"], "positive number"),
    "--max-size -1": (["import", "{tmp}/article.txt", "--max-size", "-1"], "positive number"),
    "--since notadate": (["search", "talks", "--since", "notadate"], "is not a date"),
    "--until 2024-02-30": (["search", "talks", "--until", "2024-02-30"], "is not a date"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_mistyped_argument_gets_a_sentence(library: Path, case: str):
    args, message = CASES[case]
    args = [a.replace("{tmp}", str(library.parent)) for a in args]
    result = run_cli(library, *args, expect=2)
    assert message in result.stderr
    assert "usage:" in result.stderr


def test_an_empty_library_path_is_an_error_not_the_default_library(tmp_path: Path):
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("QUOTEBOOK_LIBRARY", None)
    done = subprocess.run(
        [sys.executable, "-m", "quotebook", "--library", "", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert "needs a path" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / ".local").exists()  # the default library was not made


def test_valid_values_still_work(library: Path):
    found = run_cli(library, "search", "talks", "--limit", "1", "--since", "1900-01-01")
    assert found.stderr == "no matches\n"  # the article has no date, so --since excludes it
    assert run_cli(library, "search", "talks", "--limit", "1").stdout.count("doc 1") == 1
