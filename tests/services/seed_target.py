"""A child process for the seeding crash test: opens a library as the app does and dies mid-way.

SQLite reports each statement it starts; when the third document's INSERT starts, the process
kills itself with SIGKILL, so nothing after that point runs (no rollback, no clean exit).
"""

from __future__ import annotations

import os
import signal
import sys

from quotebook.services.seeding import needs_seeding, seed_library
from quotebook.store import Library

KILL_AT_DOCUMENT = 3


def main() -> None:
    library = Library(sys.argv[1])
    inserts = 0

    def watch(statement: str) -> None:
        nonlocal inserts
        if statement.lstrip().upper().startswith("INSERT INTO DOCUMENTS"):
            inserts += 1
            if inserts == KILL_AT_DOCUMENT:
                os.kill(os.getpid(), signal.SIGKILL)

    library._db.conn.set_trace_callback(watch)
    if needs_seeding(library):
        seed_library(library)
    print("finished without being killed", flush=True)


if __name__ == "__main__":
    main()
