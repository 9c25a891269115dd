"""`python -m quotebook --self-test`: passes from the source tree and leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import python_with_source_env, tree

from quotebook import selftest


def test_self_test_passes_from_source_and_leaves_no_trace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tmpdir = tmp_path / "tmp"
    home.mkdir()
    tmpdir.mkdir()
    keep = tmp_path / "kept.pdf"
    env = python_with_source_env(home, tmpdir)
    env["QUOTEBOOK_SELFTEST_PDF"] = str(keep)
    done = subprocess.run(
        [sys.executable, "-m", "quotebook", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "main window shown" in done.stdout
    assert "PDF export" in done.stdout
    assert tree(home) == []
    assert tree(tmpdir) == []
    pages, highlights = selftest.check_pdf(keep)
    assert pages >= 1 and highlights >= 1


def test_a_failing_check_gives_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    homes: list[Path] = []

    def steps(state: selftest._State):
        homes.append(state.home)
        yield "first", lambda: state.report.ok("first step")
        yield "second", lambda: selftest._check(False, "the second step broke")

    monkeypatch.setattr(selftest, "_steps", steps)
    monkeypatch.delenv(selftest.TRACEBACK_ENV, raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert selftest.run_self_test() == 1
    out, err = capsys.readouterr()
    assert "ok  first step" in out
    assert err == "self-test failed at second: the second step broke\n"
    assert not homes[0].exists()


def test_an_unexpected_error_names_its_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def steps(state: selftest._State):
        yield "boom", lambda: {}["missing"]

    monkeypatch.setattr(selftest, "_steps", steps)
    monkeypatch.delenv(selftest.TRACEBACK_ENV, raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert selftest.run_self_test() == 1
    assert capsys.readouterr().err == "self-test failed at boom: KeyError: 'missing'\n"


def test_isolated_home_redirects_and_restores_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/somewhere/else")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with selftest.isolated_home() as home:
        import os

        for name in selftest.XDG_DIRS:
            assert Path(os.environ[name]).is_relative_to(home)
        assert (home / "runtime").stat().st_mode & 0o777 == 0o700
    assert os.environ["XDG_CONFIG_HOME"] == "/somewhere/else"
    assert not home.exists()


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Hello world, said the minister on Tuesday evening at last.\nNext",
         "Hello world, said the minister on"),
        ("  «Да» — сказал он.\n", "Да» — сказал он."),
        ("\n\nShort.\nSecond line", "Short."),
    ],
)  # fmt: skip
def test_phrase_picks_words_from_one_line(text: str, quote: str) -> None:
    start, end = selftest._phrase(text)
    assert text[start:end] == quote


def test_process_age_prefers_the_launch_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv(selftest.LAUNCHED_AT_ENV, repr(time.time() - 5))
    age = selftest.process_age()
    assert age is not None and 5 <= age < 6
    monkeypatch.delenv(selftest.LAUNCHED_AT_ENV)
    age = selftest.process_age()
    if sys.platform.startswith("linux"):
        assert age is not None and 0 <= age < 3600


def test_a_wrapped_error_names_its_cause() -> None:
    try:
        try:
            open("/nonexistent/templates/default-styles.xml")  # noqa: SIM115
        except OSError as exc:
            raise ValueError("damaged document") from exc
    except ValueError as outer:
        line = selftest._describe(outer)
    assert line.startswith("ValueError: damaged document (from FileNotFoundError: ")
    assert "\n" not in line
