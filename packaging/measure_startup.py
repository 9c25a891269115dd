"""Start-up time of the bundle next to `python -m quotebook` and an empty Qt window.

Every contender runs as a fresh process in the same bare environment (a throw-away HOME,
offscreen Qt unless --display), rounds taken in turn so that disk caches and CPU frequency
treat them alike. Two measurements:

- *start*: ``quotebook --library L --exit-after-show`` on an already seeded library, from
  spawning the process to its first painted frame (the process prints when that was, on the
  monotonic clock all processes share). The floor is a fresh Python process that shows an
  empty `QMainWindow` and reports its first frame the same way; the app's target is at most
  twice that.
- *self-test*: process start to the main window shown on a first start (creating and seeding
  the library), as ``--self-test`` reports it, and the wall time of the whole self-test.

    .venv/bin/python packaging/measure_startup.py [--rounds 7] [--bundle dist/quotebook/quotebook]

`--bundle` may be given more than once to compare two builds in the same rounds (on a shared,
noisy machine, runs minutes apart are not comparable).
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

# The same floor as the start-up benchmark.
EMPTY_WINDOW = ROOT / "packaging" / "empty_window.py"
SHOWN_AT = re.compile(r"^shown at (\d+\.\d+)", re.MULTILINE)


def environment(home: str, display: bool) -> dict[str, str]:
    env = {"HOME": home, "PATH": "/usr/bin:/bin"}
    if display:
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"):
            if name in os.environ:
                env[name] = os.environ[name]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def wall_time(command: Sequence[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawning `command` to its exit, and what it printed."""
    env = {**env, "QUOTEBOOK_LAUNCHED_AT": repr(time.time())}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def first_frame(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` to the first frame it reports having painted."""
    started = time.monotonic()
    _, out = wall_time(command, env)
    match = SHOWN_AT.search(out)
    if match is None:
        raise SystemExit(f"{' '.join(command)} did not report its first frame:\n{out}")
    return float(match.group(1)) - started


def self_test(command: Sequence[str], display: bool) -> tuple[float, float]:
    """(shown, exit) seconds for one self-test in a fresh home."""
    with tempfile.TemporaryDirectory(prefix="quotebook-startup-") as home:
        elapsed, out = wall_time([*command, "--self-test"], environment(home, display))
    match = SHOWN.search(out)
    if match is None:
        raise SystemExit(f"no start-up time in the self-test's report:\n{out}")
    return float(match.group(1)), elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--bundle",
        type=Path,
        action="append",
        help="the bundle's executable (default: dist/quotebook/quotebook); repeat to compare",
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter for the source run")
    parser.add_argument("--display", action="store_true", help="use the real display")
    args = parser.parse_args(argv)

    apps = {"python -m quotebook": [args.python, "-m", "quotebook"]}
    bundles = args.bundle or [ROOT / "dist" / "quotebook" / "quotebook"]
    for bundle in bundles:
        name = "bundle" if len(bundles) == 1 else f"bundle {bundle}"
        if bundle.exists():
            apps[name] = [str(bundle)]
        else:
            print(f"(no bundle at {bundle}; build it with packaging/build)")
    floor_name = "empty QMainWindow (floor)"
    starts: dict[str, list[float]] = {floor_name: [], **{name: [] for name in apps}}
    tests: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}

    with tempfile.TemporaryDirectory(prefix="quotebook-startup-") as home:
        env = environment(home, args.display)
        library = Path(home) / "library.sqlite"
        options = ["--library", str(library), "--settings", str(Path(home) / "settings.ini")]
        commands = {floor_name: [args.python, str(EMPTY_WINDOW)]}
        commands.update({name: [*cmd, *options, "--exit-after-show"] for name, cmd in apps.items()})
        for command in commands.values():
            wall_time(command, env)  # seeds the library, warms the disk cache; not counted
        for _ in range(args.rounds):
            for name, command in commands.items():
                starts[name].append(first_frame(command, env))
    # Self-tests write and sync whole libraries and PDFs; run between the start rounds, that
    # disk traffic slowed the next app start (which reads its library) more than the floor.
    for _ in range(args.rounds):
        for name, command in apps.items():
            tests[name].append(self_test(command, args.display))

    floor = statistics.median(starts[floor_name])
    mode = "a display" if args.display else "offscreen"
    print(f"median of {args.rounds} runs, {mode}, bare environment")
    width = max(28, *(len(name) for name in starts))
    print(f"  {'':{width}} {'start':>8} {'× floor':>8} {'self-test: shown':>17} {'exit':>8}")
    for name, runs in starts.items():
        start = statistics.median(runs)
        line = f"  {name:{width}} {start:7.3f}s {start / floor:7.2f}×"
        if name in tests:
            shown = statistics.median(s for s, _ in tests[name])
            total = statistics.median(e for _, e in tests[name])
            line += f" {shown:16.3f}s {total:7.3f}s"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
