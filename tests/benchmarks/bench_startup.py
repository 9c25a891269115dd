"""Start-up: process start to a shown main window, on the seed library and on a big library.

The floor is a fresh Python process that shows an empty `QMainWindow` and quits, measured in the
same run; the target on the seed library is at most 2× that floor. On a library of 10,000
articles (built with bench_search's generator) the app must show its window in under 2 s and stay
under 400 MB of resident memory.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7

FLOOR = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 820)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=120)
    return time.perf_counter() - start


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one child process, read from wait4's rusage."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def big_library(env: dict[str, str], tmp: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_search import make_library

    library = tmp / "big.sqlite"
    print("building a library of 10,000 articles …", flush=True)
    make_library(library)
    cmd = [
        sys.executable,
        "-m",
        "quotebook",
        "--library",
        str(library),
        "--settings",
        str(tmp / "big.ini"),
        "--exit-after-show",
    ]
    subprocess.run(cmd, check=True, env=env, capture_output=True)  # first start seeds
    times = [timed(cmd, env) for _ in range(3)]
    rss = peak_rss_mb(cmd, env)
    print(
        f"10,000 articles: start to shown window {statistics.median(times):.2f} s "
        f"(target < 2 s), peak RSS {rss:.0f} MB (target < 400 MB)"
    )


def main() -> None:
    # An installed app runs from bytecode; make sure the package's is current even when the
    # environment forbids writing it (PYTHONDONTWRITEBYTECODE), or every run recompiles.
    import quotebook

    compileall.compile_dir(Path(quotebook.__file__).parent, quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library.sqlite"
        settings = Path(tmp) / "settings.ini"
        app_cmd = [
            sys.executable,
            "-m",
            "quotebook",
            "--library",
            str(library),
            "--settings",
            str(settings),
            "--exit-after-show",
        ]
        subprocess.run(app_cmd, check=True, env=env, capture_output=True)  # seeds the library
        floor, app = [], []
        for _ in range(RUNS):
            floor.append(timed([sys.executable, "-c", FLOOR], env))
            app.append(timed(app_cmd, env))
    f, a = statistics.median(floor), statistics.median(app)
    print(f"empty QMainWindow process (floor): {f * 1000:7.1f} ms (median of {RUNS})")
    print(f"Quotebook on the seed library:    {a * 1000:7.1f} ms")
    print(f"ratio: {a / f:.2f}x   (target <= 2.0x)")
    if "--big" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            big_library(env, Path(tmp))
    else:
        print("(run with --big to measure a library of 10,000 articles)")


if __name__ == "__main__":
    main()
