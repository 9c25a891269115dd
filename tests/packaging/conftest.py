"""The packaging tests import the build helpers in `packaging/` (the spec's support code, the
Qt trimming rule, the icon renderer) as plain modules."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))
