"""Start-up time of the bundle next to `python -m quotebook` and an empty Qt window.

Each contender runs in a fresh process with the same bare environment (a throw-away HOME,
offscreen Qt unless --display), several rounds taken in turn so that disk caches and CPU
frequency treat them alike. Two figures per run:

- *shown*: process start to the main window shown, as the self-test reports it, timed from
  ``QUOTEBOOK_LAUNCHED_AT`` set just before the process is spawned;
- *exit*: wall time until the self-test (open, annotate, export, clean up) has exited.

The floor is a fresh Python process that imports PySide6 and shows an empty `QMainWindow`;
the app's target is at most twice that.

    .venv/bin/python packaging/measure_startup.py [--rounds 7] [--bundle dist/quotebook/quotebook]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN = re.compile(r"main window shown (\d+\.\d+) s after process start")

EMPTY_WINDOW = """
import os, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.processEvents()
print(f"main window shown {time.time() - float(os.environ['QUOTEBOOK_LAUNCHED_AT']):.3f} s "
      "after process start", flush=True)
"""


def run_once(command: Sequence[str], display: bool) -> tuple[float, float]:
    """(shown, exit) seconds for one fresh process."""
    with tempfile.TemporaryDirectory(prefix="quotebook-startup-") as home:
        env = {"HOME": home, "PATH": "/usr/bin:/bin"}
        if display:
            for name in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"):
                if name in os.environ:
                    env[name] = os.environ[name]
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        started = time.time()
        env["QUOTEBOOK_LAUNCHED_AT"] = repr(started)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        finished = time.time()
    match = SHOWN.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return float(match.group(1)), finished - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "quotebook" / "quotebook")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the source run")
    parser.add_argument("--display", action="store_true", help="use the real display")
    args = parser.parse_args(argv)

    contenders = {
        "empty QMainWindow (floor)": [args.python, "-c", EMPTY_WINDOW],
        "python -m quotebook": [args.python, "-m", "quotebook", "--self-test"],
    }
    if args.bundle.exists():
        contenders["bundle"] = [str(args.bundle), "--self-test"]
    else:
        print(f"(no bundle at {args.bundle}; build it with packaging/build)")
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for name, command in contenders.items():
        run_once(command, args.display)  # warm the disk cache; not counted
    for _ in range(args.rounds):
        for name, command in contenders.items():
            results[name].append(run_once(command, args.display))

    floor = statistics.median(shown for shown, _ in results["empty QMainWindow (floor)"])
    print(f"median of {args.rounds} runs, {'display' if args.display else 'offscreen'}:")
    print(f"  {'':28} {'shown':>8} {'× floor':>8} {'exit':>8}")
    for name, runs in results.items():
        shown = statistics.median(s for s, _ in runs)
        total = statistics.median(e for _, e in runs)
        print(f"  {name:28} {shown:7.3f}s {shown / floor:7.2f}× {total:7.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
