"""Entry point for ``quotebook`` and ``python -m quotebook``.

With a command (``import``, ``list``, …) it runs the CLI; otherwise it starts the app.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

# The CLI's command names, kept here so that starting the app does not import every command's
# module (a test checks this list against the CLI's registry).
CLI_COMMANDS = frozenset(
    {"import", "list", "annotate", "annotations", "search", "export", "quotes"}
)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    words = [a for a in args if not a.startswith("-")]
    # `--library PATH` takes a value that is not a command.
    if "--library" in args:
        i = args.index("--library")
        if i + 1 < len(args) and args[i + 1] in words:
            words.remove(args[i + 1])
    if (words and words[0] in CLI_COMMANDS) or any(
        a in ("-h", "--help", "--version") for a in args
    ):
        from quotebook.cli import main as cli_main

        return cli_main(args)
    # Start-up makes tens of thousands of long-lived objects (modules, classes, Qt's wrappers
    # and enums) and next to no garbage, yet the cyclic collector would walk them some seventy
    # times on the way (~13 ms). `quotebook.app.main` turns it back on once the window's first
    # frame is on screen, and whenever it returns.
    gc.disable()
    try:
        # The plain-Python core first: once PySide6 is loaded it reads the source of every
        # module imported after it, looking for its feature switches, which only Qt-facing
        # modules use.
        import quotebook.store  # noqa: F401
        from quotebook.app import main as app_main
    except BaseException:
        gc.enable()
        raise
    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
