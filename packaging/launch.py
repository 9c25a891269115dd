"""The frozen app's first Python code: hand over to the same `main` that `quotebook` runs.

PyInstaller needs a script rather than a module to start from; keeping it this thin means the
bundle and `python -m quotebook` take exactly the same path through the program.
"""

from __future__ import annotations

import sys

from quotebook.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
