"""Start-up: process start to a shown main window on the seed library.

The floor is a fresh Python process that shows an empty `QMainWindow` and quits, measured in the
same run; the target is at most 2× that floor.
"""

from __future__ import annotations

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


def main() -> None:
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


if __name__ == "__main__":
    main()
