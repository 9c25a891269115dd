"""Shared by the reliability tests: another program holding the library, and small libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Another program that takes the library's write lock, says so, and keeps it until told (a line
# on its stdin) or for a number of seconds, as a slow writer would.
HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE IF NOT EXISTS holder_marks (value TEXT)")
conn.execute("INSERT INTO holder_marks VALUES ('held')")
print("holding", flush=True)
if sys.argv[2] == "stdin":
    sys.stdin.readline()
else:
    time.sleep(float(sys.argv[2]))  # the other program's own work, not a test's wait
conn.execute("COMMIT")
print("released", flush=True)
"""


def hold_write_lock(library: Path, hold: str = "stdin") -> subprocess.Popen[str]:
    """Start the holder and return once it holds the lock."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(library), hold],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def release(holder: subprocess.Popen[str]) -> None:
    """Tell a holder started with "stdin" to commit, and wait for it."""
    holder.communicate("\n", timeout=30)
    assert holder.returncode == 0


def finished(holder: subprocess.Popen[str]) -> None:
    """Wait for a holder that keeps the lock for a set time."""
    holder.communicate(timeout=30)
    assert holder.returncode == 0
