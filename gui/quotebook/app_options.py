"""The app's own command-line options; everything else on the line is left for Qt.

Four fixed options need no argparse, whose message-catalogue lookups alone cost a few
milliseconds of every start. The CLI's commands (``import``, ``list``, …) never reach here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quotebook.errors import UserError

_VALUED = ("--library", "--settings")
_FLAGS = ("--self-test", "--exit-after-show")


class AppOptions(NamedTuple):
    library: str | None = None
    self_test: bool = False
    settings: str | None = None  # a settings file instead of the user's (tests, benchmarks)
    exit_after_show: bool = False  # start-up benchmark: quit once the first frame is painted


def parse_app_args(argv: Sequence[str]) -> tuple[AppOptions, list[str]]:
    """Our options (``--library PATH`` or ``--library=PATH``), and the rest for Qt.

    Raises `UserError` when an option that takes a path has none.
    """
    values: dict[str, str] = {}
    flags: set[str] = set()
    rest: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        name, has_value, value = args[i].partition("=")
        if name in _VALUED:
            if not has_value:
                i += 1
                if i == len(args):
                    raise UserError(f"{name} needs a path.")
                value = args[i]
            values[name] = value
        elif args[i] in _FLAGS:
            flags.add(args[i])
        else:
            rest.append(args[i])
        i += 1
    options = AppOptions(
        library=values.get("--library"),
        self_test="--self-test" in flags,
        settings=values.get("--settings"),
        exit_after_show="--exit-after-show" in flags,
    )
    return options, rest
