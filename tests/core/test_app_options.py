"""The app's own options are picked out of the command line; the rest is left for Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quotebook.app_options import AppOptions, parse_app_args
from quotebook.errors import UserError


def test_no_arguments_give_the_defaults():
    assert parse_app_args([]) == (AppOptions(), [])


def test_options_in_both_spellings_and_qt_arguments_left_over():
    options, rest = parse_app_args(
        ["-style", "fusion", "--library", "/tmp/a b.sqlite", "--settings=/tmp/s.ini", "--self-test"]
    )
    assert options == AppOptions(
        library="/tmp/a b.sqlite", settings="/tmp/s.ini", self_test=True, exit_after_show=False
    )
    assert rest == ["-style", "fusion"]


def test_a_path_option_without_its_path_is_an_error():
    with pytest.raises(UserError, match="--library needs a path"):
        parse_app_args(["--library"])


def test_the_app_says_so_and_exits_2_without_a_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "quotebook", "--settings"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == "quotebook: --settings needs a path.\n"
