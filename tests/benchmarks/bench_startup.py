"""Start-up: process start to a shown main window, on the seed library and on a big library.

The floor is a fresh Python process that shows an empty `QMainWindow` and quits, measured in the
same run; the target on the seed library is at most 2× that floor. "Shown" is the moment the
window's first frame has been painted: both processes watch for the first paint event and, on
the next turn of the event loop, print the time on the monotonic clock, which all processes
share; the span is counted from just before the process was spawned. The time until each
process has exited is printed too, for reference.

On a library of 10,000 articles (built with bench_search's generator; ``--big``) the app must
show its window in under 2 s and stay under 400 MB of resident memory; on one of 100,000 shorter
articles (``--huge``), in under 1 s.
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

RUNS = 11

# An empty QMainWindow that reports its first frame the way the app does.
FLOOR = Path(__file__).resolve().parents[2] / "packaging" / "empty_window.py"


def timed_shown(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from spawning `cmd` to its painted window, to its exit, and the CPU time the
    process had used when its window was painted."""
    start = time.monotonic()
    result = subprocess.run(cmd, check=True, env=env, capture_output=True, text=True, timeout=120)
    exited = time.monotonic() - start
    line = next(x for x in result.stdout.splitlines() if x.startswith("shown at "))
    _, _, shown_at, _, cpu = line.split()
    return float(shown_at) - start, exited, float(cpu)


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one child process, read from wait4's rusage."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def big_library(env: dict[str, str], tmp: Path, articles: int, target: float) -> None:
    library = tmp / "big.sqlite"
    print(f"building a library of {articles:,} articles …", flush=True)
    # In a child process: a child's peak RSS (rusage) starts from its parent's size at the fork,
    # so a benchmark holding the generated articles would be counted in the app's figure.
    chars = 5_000 if articles <= 10_000 else 1_000
    build = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from bench_search import make_library;"
        "make_library(Path(sys.argv[2]), articles=int(sys.argv[3]), article_chars=int(sys.argv[4]))"
    )
    here = str(Path(__file__).parent)
    args = [here, str(library), str(articles), str(chars)]
    subprocess.run([sys.executable, "-c", build, *args], check=True, env=env)
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
    times = [timed_shown(cmd, env)[0] for _ in range(3)]
    rss = peak_rss_mb(cmd, env)
    print(
        f"{articles:,} articles: start to shown window {statistics.median(times):.2f} s "
        f"(target < {target:g} s), peak RSS {rss:.0f} MB (target < 400 MB)"
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
            floor.append(timed_shown([sys.executable, str(FLOOR)], env))
            app.append(timed_shown(app_cmd, env))
    f, a = (statistics.median(x[0] for x in floor), statistics.median(x[0] for x in app))
    fe, ae = (statistics.median(x[1] for x in floor), statistics.median(x[1] for x in app))
    fb, ab = min(x[0] for x in floor), min(x[0] for x in app)
    print(f"process start to painted window, median of {RUNS} (best of {RUNS}):")
    print(f"  empty QMainWindow process (floor): {f * 1000:7.1f} ms ({fb * 1000:.1f} ms)")
    print(f"  Quotebook on the seed library:    {a * 1000:7.1f} ms ({ab * 1000:.1f} ms)")
    print(f"  ratio: {a / f:.2f}x ({ab / fb:.2f}x)   (target <= 2.0x)")
    # Rounds alternate floor and app, so a busy spell slows both of a round alike.
    paired = statistics.median(x[0] / y[0] for x, y in zip(app, floor, strict=True))
    print(f"  median of the {RUNS} rounds' own ratios: {paired:.2f}x")
    fc, ac = (statistics.median(x[2] for x in floor), statistics.median(x[2] for x in app))
    print(
        f"CPU time used by then (steadier on a busy machine): floor {fc * 1000:.1f} ms, "
        f"Quotebook {ac * 1000:.1f} ms ({ac / fc:.2f}x)"
    )
    print(
        f"process start to exit, for reference: floor {fe * 1000:.1f} ms, "
        f"Quotebook {ae * 1000:.1f} ms ({ae / fe:.2f}x)"
    )
    if "--big" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            big_library(env, Path(tmp), 10_000, 2.0)
    if "--huge" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            big_library(env, Path(tmp), 100_000, 1.0)
    if "--big" not in sys.argv and "--huge" not in sys.argv:
        print("(--big measures a library of 10,000 articles, --huge one of 100,000)")


if __name__ == "__main__":
    main()
