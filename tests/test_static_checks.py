"""The code stays as clean as it is: ruff's lint and format, and mypy, over the whole project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint_is_clean(tmp_path):
    result = run("ruff", "check", "--cache-dir", str(tmp_path), ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean(tmp_path):
    result = run("ruff", "format", "--check", "--cache-dir", str(tmp_path), ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean(tmp_path):
    result = run("mypy", "--cache-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
