"""Light and dark appearance that follows the system's colour scheme, and colours under it.

Qt reports the desktop's preference through `QStyleHints.colorScheme`; the Fusion style with a
palette built for that scheme looks the same on every desktop and lets the highlight colours be
chosen for contrast (the viewer asks the palette whether it is dark).
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


def apply_theme(app: QApplication, *, dark: bool | None = None) -> None:
    """Fusion with a light or dark palette; follows later changes of the system scheme."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    if dark is None:
        dark = system_prefers_dark(app)
        if not app.property("quotebookThemeFollows"):
            app.setProperty("quotebookThemeFollows", True)
            app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


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
