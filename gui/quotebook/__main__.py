"""Entry point for ``quotebook`` and ``python -m quotebook``.

With a command (``import``, ``list``, …) it runs the CLI; otherwise it starts the app.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off from the first import until the window's first frame.

    Start-up makes tens of thousands of long-lived objects (modules, classes, Qt's wrappers and
    enums) and next to no garbage, yet the collector would walk them some seventy times on the
    way (~13 ms). The app turns it back on at its first frame (`quotebook.app.run_app`); leaving
    this block, however the app ends, turns it back on in any case.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    # The plain-Python core first: once PySide6 is loaded it reads the source of every module
    # imported after it, looking for its feature switches, which only Qt-facing modules use.
    with collector_paused():
        from quotebook.cli.main import parse, run_command

        invocation = parse(sys.argv[1:] if argv is None else argv)
        if invocation.command is None and not invocation.app.self_test:
            from quotebook.app import run_app

            return run_app(invocation.app)
    if invocation.command is not None:
        return run_command(invocation)
    from quotebook.selftest import run_self_test

    return run_self_test()


if __name__ == "__main__":
    sys.exit(main())
