"""Light and dark appearance, following the system's colour scheme or the user's choice.

Qt reports the desktop's preference through `QStyleHints.colorScheme`; the Fusion style with a
palette built for that scheme looks the same on every desktop and lets the highlight colours be
chosen for contrast (the viewer asks the palette whether it is dark). Preferences may pin the
theme to light or dark instead; then a change of the system's scheme leaves it alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

from quotebook.domain import PALETTE, color_hex

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f2023",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#3a3d41",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8a8d91",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#34373b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Mid: "#44474b",
    QPalette.ColorRole.Dark: "#191a1c",
    QPalette.ColorRole.Light: "#4a4d52",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8085"))
    return palette


def system_prefers_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


THEMES = ("system", "light", "dark")
_THEME_PROPERTY = "quotebookTheme"


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Fusion with a light or dark palette: the system's ("system", which follows its later
    changes), or always "light" or "dark". An unknown name counts as "system"."""
    theme = theme if theme in THEMES else "system"
    if app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    if app.property(_THEME_PROPERTY) is None:
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
    app.setProperty(_THEME_PROPERTY, theme)
    dark = system_prefers_dark(app) if theme == "system" else theme == "dark"
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def current_theme(app: QApplication) -> str:
    return str(app.property(_THEME_PROPERTY) or "system")


def _follow_system(app: QApplication) -> None:
    if current_theme(app) == "system":
        apply_theme(app, "system")


def is_dark(palette: QPalette) -> bool:
    """Whether `palette` is a dark one, judged by the colour text is read on.

    The one test every view uses, so highlights, chips, swatches and icons switch together.
    """
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def annotation_color(name: str, palette: QPalette) -> QColor:
    """An annotation's palette colour in the variant the viewer paints under this palette."""
    return QColor(color_hex(name, dark=is_dark(palette)))


def tag_color(value: str, palette: QPalette) -> QColor | None:
    """A tag's colour: a palette name or any colour Qt understands; None when it has none."""
    if not value:
        return None
    if value in PALETTE:
        return annotation_color(value, palette)
    color = QColor(value)
    return color if color.isValid() else None


def swatch_icon(color: QColor | None, size: int = 14) -> QIcon:
    """A round colour swatch for combo boxes, menus and trees; a hollow ring for 'no colour'."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    center = QPointF(size / 2, size / 2)
    radius = size / 2 - 1.5
    if color is None:
        painter.setPen(QColor(128, 128, 128))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(color.darker(140))
        painter.setBrush(color)
    painter.drawEllipse(center, radius, radius)
    painter.end()
    icon = QIcon(pixmap)
    # A swatch shows a colour: styles must not tint it on a selected row.
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    icon.addPixmap(pixmap, QIcon.Mode.Active)
    return icon
