"""One parser reads the whole command line: the app's options, a command, or Qt's arguments."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from quotebook.cli.main import COMMANDS, AppOptions, Invocation, parse


def test_no_arguments_start_the_app_with_the_defaults():
    assert parse([]) == Invocation(AppOptions())


def test_app_options_in_both_spellings_and_qt_arguments_left_over():
    invocation = parse(
        ["-style", "fusion", "--library", "/tmp/a b.sqlite", "--settings=/tmp/s.ini", "--self-test"]
    )
    assert invocation == Invocation(
        AppOptions(
            library="/tmp/a b.sqlite",
            settings="/tmp/s.ini",
            self_test=True,
            qt_args=("-style", "fusion"),
        )
    )


def test_a_command_takes_everything_after_it():
    invocation = parse(["--library", "l.sqlite", "import", "a.txt", "--folder", "F", "--json"])
    assert invocation.command == "import"
    assert invocation.arguments == ("a.txt", "--folder", "F", "--json")
    assert invocation.app.library == "l.sqlite"


def test_a_library_named_like_a_command_is_a_library():
    invocation = parse(["--library", "list"])
    assert invocation.command is None
    assert invocation.app.library == "list"


@pytest.mark.parametrize("argv", [["--library"], ["--library", ""], ["--settings", "  "]])
def test_a_path_option_without_a_path_is_an_error(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        parse(argv)
    assert stop.value.code == 2
    assert "--" in capsys.readouterr().err


def test_an_unknown_command_is_an_error_not_a_start_of_the_app(capsys):
    with pytest.raises(SystemExit):
        parse(["improt", "a.txt"])
    assert "unknown command 'improt'" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_its_module(name: str):
    module = importlib.import_module(f"quotebook.cli.commands.{COMMANDS[name].module}")
    assert callable(module.configure) and callable(module.run)


def test_the_app_says_so_and_exits_2_without_a_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "quotebook", "--settings"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--settings: expected one argument" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_every_command():
    result = subprocess.run(
        [sys.executable, "-m", "quotebook", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout
