"""The fonts every export is typeset in, taken from `resources/fonts/` and never from the system.

An exported PDF must look the same on a machine with no fonts installed, and Cyrillic must come
out as text, so the DejaVu families we ship are registered with Qt before anything is laid out.
Registration is idempotent: the CLI, the dialog and the tests may all ask for it.

Exporters need a `QGuiApplication` (fonts and paint devices live there) but no widgets; the
CLI has no application, so `ensure_gui_application` makes an offscreen one when none exists.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from quotebook.errors import ExportFailed
from quotebook.resources import resource_path

FONT_FILES = (
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)


@dataclass(frozen=True)
class Families:
    serif: str
    sans: str


_families: Families | None = None
_font_ids: list[int] = []
_app: QGuiApplication | None = None  # kept alive when we had to create it


def ensure_gui_application() -> QGuiApplication:
    """The running `QGuiApplication`, or a new offscreen one when there is none (the CLI)."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "quotebook"])
        return _app
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("exporting needs a QGuiApplication, not a bare QCoreApplication")
    return app


def register_fonts() -> Families:
    """Register the bundled fonts once and return the family names to ask Qt for."""
    global _families
    ensure_gui_application()
    if _families is not None and all(QFontDatabase.applicationFontFamilies(i) for i in _font_ids):
        return _families
    _font_ids.clear()
    found: set[str] = set()
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise ExportFailed(f"The font {path} that exports are typeset in cannot be loaded.")
        _font_ids.append(font_id)
        found.update(QFontDatabase.applicationFontFamilies(font_id))
    serif = "DejaVu Serif" if "DejaVu Serif" in found else sorted(found)[0]
    sans = "DejaVu Sans" if "DejaVu Sans" in found else serif
    _families = Families(serif=serif, sans=sans)
    return _families


def font(family: str, point_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font that will not fall back to another family behind our back."""
    f = QFont(family)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    f.setItalic(italic)
    f.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    # Ligatures come out of text extraction and copy-paste as "ﬁ" rather than "fi", which
    # breaks searching the PDF; plain glyphs cost nothing visible at these sizes.
    for feature in ("liga", "clig", "dlig"):
        f.setFeature(QFont.Tag(feature), 0)
    return f
