"""The bundled DejaVu fonts, registered once per process, and the reading font built from them.

Shipping the fonts means the reader looks the same on every machine and that Cyrillic, Greek and
typographic punctuation are always covered, whatever the system has installed. Registration needs
a `QGuiApplication` and must happen once: adding the same file twice would list the family twice.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from quotebook.resources import resource_path

READING_FAMILY = "DejaVu Serif"
UI_FAMILY = "DejaVu Sans"
READING_POINT_SIZE = 12.0

_FONT_FILES = (
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Register the bundled fonts with Qt; returns the families they provide.

    Safe to call many times: the first call does the work, later calls return its answer. A file
    that is missing (a trimmed bundle) is skipped rather than stopping the app.
    """
    global _registered
    if _registered is not None:
        return list(_registered)
    families: list[str] = []
    for name in _FONT_FILES:
        path = resource_path("fonts", name)
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _registered = families
    return list(families)


def reading_font(point_size: float = READING_POINT_SIZE) -> QFont:
    """The font documents are read in: the bundled serif, falling back to any serif."""
    register_fonts()
    font = QFont(READING_FAMILY)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font
