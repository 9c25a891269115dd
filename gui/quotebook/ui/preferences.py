"""The user's preferences, as kept in the settings file.

Each preference is an ordinary setting that the part of the app it concerns reads: the export
dialog fills its Author field from ``export/author``, the Reader View toggle starts from
``reader/readerView`` (and writes it back when toggled), the viewer takes its reading size from
``reader/textSize``, and the app applies ``appearance/theme`` at start. The Preferences dialog
only edits them in one place.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSettings

from quotebook.ui.fonts import READING_POINT_SIZE
from quotebook.ui.theme import THEMES

KEY_THEME = "appearance/theme"
KEY_TEXT_SIZE = "reader/textSize"
KEY_READER_VIEW = "reader/readerView"
KEY_EXPORT_AUTHOR = "export/author"  # the export dialog's own key for its Author field


class Preferences(NamedTuple):
    theme: str = "system"  # one of THEMES
    text_size: float = READING_POINT_SIZE
    reader_view: bool = True
    export_author: str = ""


def load_preferences(settings: QSettings) -> Preferences:
    """The preferences in `settings`; a missing or mangled value gives the default."""
    default = Preferences()
    theme = str(settings.value(KEY_THEME, default.theme))
    try:
        text_size = float(str(settings.value(KEY_TEXT_SIZE, default.text_size)))
    except ValueError:
        text_size = default.text_size
    reader_view = str(settings.value(KEY_READER_VIEW, "true")).lower() != "false"
    author = settings.value(KEY_EXPORT_AUTHOR, "")
    return Preferences(
        theme=theme if theme in THEMES else default.theme,
        text_size=text_size,
        reader_view=reader_view,
        export_author=str(author or "").strip(),
    )


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    settings.setValue(KEY_THEME, preferences.theme)
    settings.setValue(KEY_TEXT_SIZE, preferences.text_size)
    settings.setValue(KEY_READER_VIEW, "true" if preferences.reader_view else "false")
    settings.setValue(KEY_EXPORT_AUTHOR, preferences.export_author.strip())
    settings.sync()
