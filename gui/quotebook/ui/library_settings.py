"""What the app remembers about library files: the recent ones, and each one's place in it.

Document ids are only meaningful inside their own library, so the last document read, how far
down it was and the folders open in the library tree are kept per library file, under a group
named by a digest of the file's full path (paths hold characters a settings key cannot). The
recent list keeps the paths themselves, newest first; the first is the library the app opens
when no other is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCryptographicHash, QSettings

RECENT_KEY = "libraries/recent"
MAX_RECENT = 8
# The one last-document key older versions shared between all libraries; dropped on save.
LEGACY_KEYS = ("reader/lastDocument", "reader/scroll")


class Place(NamedTuple):
    """Where the reader was in a library: a document id (None: none yet) and a scroll fraction."""

    document_id: int | None
    scroll: float


def _full(path: Path) -> Path:
    return Path(path).expanduser().resolve()


def library_group(path: Path) -> str:
    """The settings group of one library file: the start of the SHA-1 of its full path.

    Qt's hash is used rather than hashlib's, which loads OpenSSL at start-up for this one call.
    """
    data = str(_full(path)).encode("utf-8")
    digest = QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha1).toHex()
    return f"library-{bytes(digest.data()).decode('ascii')[:16]}"


def _number(settings: QSettings, key: str, default: float) -> float:
    """A number from the settings file; a missing or mangled value gives the default."""
    try:
        return float(str(settings.value(key, default)))
    except ValueError:
        return default


def last_place(settings: QSettings, library: Path) -> Place:
    group = library_group(library)
    document = _number(settings, f"{group}/lastDocument", -1)
    if document < 0 or document != int(document):
        return Place(None, 0.0)
    return Place(int(document), _number(settings, f"{group}/scroll", 0.0))


def remember_place(settings: QSettings, library: Path, place: Place) -> None:
    group = library_group(library)
    settings.setValue(f"{group}/path", str(_full(library)))
    if place.document_id is None:
        settings.remove(f"{group}/lastDocument")
        settings.remove(f"{group}/scroll")
    else:
        settings.setValue(f"{group}/lastDocument", place.document_id)
        settings.setValue(f"{group}/scroll", round(place.scroll, 6))
    for key in LEGACY_KEYS:
        settings.remove(key)


def open_folders(settings: QSettings, library: Path) -> list[int] | None:
    """The folders of the library's tree open when it was last closed; None (open them all)
    the first time."""
    value = settings.value(f"{library_group(library)}/openFolders")
    if value is None:
        return None
    # An INI file gives a list back as a list, one item as a string, none as an empty string.
    items = value if isinstance(value, list) else str(value).split(",")
    return [int(item) for item in items if str(item).strip().isdigit()]


def remember_open_folders(settings: QSettings, library: Path, folder_ids: list[int]) -> None:
    settings.setValue(f"{library_group(library)}/openFolders", ",".join(map(str, folder_ids)))


def recent_libraries(settings: QSettings) -> list[Path]:
    """The library files opened lately, newest first (including ones since moved away)."""
    value = settings.value(RECENT_KEY, [])
    # An INI file gives back a one-item list as a bare string.
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    paths: list[Path] = []
    for item in items:
        if isinstance(item, str) and item.strip() and Path(item) not in paths:
            paths.append(Path(item))
    return paths[:MAX_RECENT]


def remember_library(settings: QSettings, library: Path) -> None:
    """Put a library first in the recent list."""
    full = _full(library)
    paths = [full, *(p for p in recent_libraries(settings) if p != full)]
    settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])


def forget_recent(settings: QSettings, keep: Path) -> None:
    """Clear the recent list down to the library that is open (the next start opens it)."""
    settings.setValue(RECENT_KEY, [str(_full(keep))])


def last_library(settings: QSettings) -> Path | None:
    """The library open when the app last closed, if its file is still there."""
    recent = recent_libraries(settings)
    return recent[0] if recent and recent[0].is_file() else None
