"""Icons for actions and views, loaded from the SVG files in ``resources/icons``.

The files are drawn on a 24×24 grid with strokes in one mid grey (`INK`). That grey reads well on
a light toolbar but is dim on the dark palette, so when the application's palette is dark the
strokes are redrawn in `INK_ON_DARK`; coloured artwork such as the app icon is left alone. Light
icons go through Qt's SVG icon engine and stay sharp at any size; dark ones are rendered once at
the usual sizes from the recoloured SVG. Icons are cached because every tree row and menu asks for
the same few.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from quotebook.resources import resource_path
from quotebook.ui.theme import is_dark

INK = "#5f6368"
INK_ON_DARK = "#c4c7cc"
# Sizes rendered for the dark variant: menus, tree rows, toolbars, dialogs, at 1× and 2×.
_DARK_SIZES = (16, 20, 24, 32, 48, 64)

ICON_NAMES: tuple[str, ...] = (
    "highlight",
    "tag",
    "note",
    "delete",
    "undo",
    "redo",
    "find",
    "zoom-in",
    "zoom-out",
    "import",
    "export",
    "folder",
    "folder-new",
    "document",
    "quotes",
    "search",
    "quotebook",
)


def icon(name: str, *, dark: bool | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, drawn for a dark palette or not (by default,
    whichever the application's palette is).

    A missing file is a bug in the caller, so it raises rather than showing a blank button.
    """
    return _load(name, _palette_is_dark() if dark is None else dark)


def app_icon() -> QIcon:
    """The application's own icon, for the window and the about box."""
    return icon("quotebook")


@cache
def _load(name: str, dark: bool) -> QIcon:
    path = resource_path("icons", name + ".svg")
    if not path.is_file():
        raise FileNotFoundError(f"no icon named {name!r} at {path}")
    if not dark:
        return QIcon(str(path))
    svg = path.read_text(encoding="utf-8")
    if INK not in svg:
        return QIcon(str(path))
    from PySide6.QtSvg import QSvgRenderer  # only the dark variant renders by hand

    renderer = QSvgRenderer(QByteArray(svg.replace(INK, INK_ON_DARK).encode("utf-8")))
    result = QIcon()
    for size in _DARK_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def _palette_is_dark() -> bool:
    return QGuiApplication.instance() is not None and is_dark(QGuiApplication.palette())
