"""The whole command line, read in one place: the app's options and the CLI's commands.

``quotebook [--library PATH] COMMAND ...`` runs a command on the library with no GUI;
``quotebook [--library PATH]`` starts the app, and what this parser does not know is left for
Qt (``-style fusion``, ``-platform xcb``). Each command lives in `quotebook.cli.commands` and
is imported only when it runs, so starting the app pays for none of them.

Errors meant for the user go to stderr with exit code 1 and no traceback; ``--json`` output is
stable and documented in the README.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from quotebook import __version__
from quotebook.errors import UserError
from quotebook.paths import resolve_library_path
from quotebook.store import Library


class Command(NamedTuple):
    module: str  # in `quotebook.cli.commands`: `configure(parser)` and `run(library, args)`
    help: str


COMMANDS = {
    "import": Command("imports", "import files or folders into the library"),
    "list": Command("listing", "list the documents"),
    "annotate": Command("annotate", "highlight a quote in a document"),
    "annotations": Command("annotations", "list annotations"),
    "search": Command("search", "search documents and annotations"),
    "export": Command("export", "export documents with their annotations"),
    "quotes": Command("quotes", "find quotations and their speakers"),
}


class AppOptions(NamedTuple):
    """How to start the app, from the command line."""

    library: str | None = None
    self_test: bool = False
    settings: str | None = None  # a settings file instead of the user's (tests, benchmarks)
    exit_after_show: bool = False  # start-up benchmark: quit once the first frame is painted
    qt_args: tuple[str, ...] = ()


class Invocation(NamedTuple):
    """What the command line asks for: a command with its arguments, or the app."""

    app: AppOptions
    command: str | None = None
    arguments: tuple[str, ...] = ()


def _non_empty_path(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a path, not an empty string")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The options that come before a command, or that start the app."""
    commands = "\n".join(f"  {name:<12} {command.help}" for name, command in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="quotebook",
        usage="quotebook [--library PATH] [COMMAND ...]",
        description="Quotebook: read, highlight and tag quotations. "
        "Without a command, the app starts.",
        epilog=f"commands (quotebook COMMAND --help for each):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        # A command's own options (and Qt's) must not be taken for abbreviations of these,
        # and `quotebook COMMAND --help` is the command's help, not this one.
        allow_abbrev=False,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="store_true", help="show this help and exit")
    parser.add_argument("--version", action="version", version=f"Quotebook {__version__}")
    parser.add_argument(
        "--library", metavar="PATH", type=_non_empty_path, help="the library file to use"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open, annotate and export in a throw-away library, then report",
    )
    parser.add_argument("--settings", type=_non_empty_path, help=argparse.SUPPRESS)
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse(argv: Sequence[str]) -> Invocation:
    """Read the command line; exits (as argparse does) on ``--help``, ``--version`` or an error.

    The first word that is not an option names the command, and everything else that this
    parser does not know belongs to it. With no command, the app starts and what is left over
    is Qt's (``-style fusion``).
    """
    parser = build_parser()
    known, rest = parser.parse_known_args(list(argv))
    app = AppOptions(
        library=known.library,
        self_test=known.self_test,
        settings=known.settings,
        exit_after_show=known.exit_after_show,
    )
    if rest and rest[0] in COMMANDS:
        arguments = (*rest[1:], "--help") if known.help else tuple(rest[1:])
        return Invocation(app, rest[0], arguments)
    if known.help:
        parser.print_help()
        parser.exit()
    if rest and not rest[0].startswith("-"):
        parser.error(f"unknown command {rest[0]!r} (commands: {', '.join(COMMANDS)})")
    return Invocation(app._replace(qt_args=tuple(rest)))


def run_command(invocation: Invocation) -> int:
    """Run a CLI command on the library; user errors become one line on stderr."""
    assert invocation.command is not None
    command = COMMANDS[invocation.command]
    module = importlib.import_module(f"quotebook.cli.commands.{command.module}")
    parser = argparse.ArgumentParser(
        prog=f"quotebook {invocation.command}", description=command.help
    )
    module.configure(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(invocation.arguments)
    run: Callable[[Library, argparse.Namespace], int] = module.run
    try:
        with Library(resolve_library_path(invocation.app.library)) as library:
            return int(run(library, args))
    except UserError as exc:
        print(f"quotebook: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI command named on the command line; 2 if none is named."""
    invocation = parse(sys.argv[1:] if argv is None else argv)
    if invocation.command is None:
        build_parser().print_usage(sys.stderr)
        print("quotebook: a command is needed here; without one, the app starts.", file=sys.stderr)
        return 2
    return run_command(invocation)
