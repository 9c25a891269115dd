"""What the app remembers per library file, and the recent list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from quotebook.ui.library_settings import (
    MAX_RECENT,
    Place,
    forget_recent,
    last_library,
    last_place,
    recent_libraries,
    remember_library,
    remember_place,
)


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_places_are_kept_per_library_and_survive_a_restart(qapp, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    settings = settings_at(tmp_path / "s.ini")
    remember_place(settings, a, Place(3, 0.25))
    remember_place(settings, b, Place(7, 0.0))
    settings.sync()
    again = settings_at(tmp_path / "s.ini")
    assert last_place(again, a) == Place(3, 0.25)
    assert last_place(again, b) == Place(7, 0.0)
    assert last_place(again, tmp_path / "never.sqlite") == Place(None, 0.0)
    # The same file reached by another spelling of its path is the same library.
    assert last_place(again, tmp_path / "sub" / ".." / "a.sqlite") == Place(3, 0.25)
    remember_place(again, a, Place(None, 0.0))
    assert last_place(again, a) == Place(None, 0.0)


def test_a_mangled_place_is_no_place(qapp, tmp_path):
    settings = settings_at(tmp_path / "s.ini")
    remember_place(settings, tmp_path / "a.sqlite", Place(3, 0.5))
    settings.sync()
    ini = tmp_path / "s.ini"
    ini.write_text(ini.read_text().replace("lastDocument=3", "lastDocument=x3"))
    assert last_place(settings_at(ini), tmp_path / "a.sqlite").document_id is None


def test_recent_list_newest_first_without_repeats_and_bounded(qapp, tmp_path):
    settings = settings_at(tmp_path / "s.ini")
    assert recent_libraries(settings) == [] and last_library(settings) is None
    paths = [tmp_path / f"{n}.sqlite" for n in range(MAX_RECENT + 3)]
    for path in paths:
        path.touch()
        remember_library(settings, path)
    remember_library(settings, paths[2])
    recent = recent_libraries(settings)
    assert recent[0] == paths[2].resolve()
    assert len(recent) == MAX_RECENT == len(set(recent))
    assert last_library(settings) == paths[2].resolve()
    paths[2].unlink()
    assert last_library(settings) is None  # gone: the app opens its default library
    forget_recent(settings, paths[5])
    assert recent_libraries(settings) == [paths[5].resolve()]


def test_one_recent_library_reads_back_from_an_ini_file(qapp, tmp_path):
    settings = settings_at(tmp_path / "s.ini")
    remember_library(settings, tmp_path / "only.sqlite")
    settings.sync()
    assert recent_libraries(settings_at(tmp_path / "s.ini")) == [
        (tmp_path / "only.sqlite").resolve()
    ]


def test_a_library_keeps_the_settings_group_earlier_versions_gave_it(qapp, tmp_path):
    """The group name is the SHA-1 of the full path, as before: places saved by an earlier
    version are found again (a path with non-ASCII characters included)."""
    import hashlib

    path = tmp_path / "Библиотека 📚.sqlite"
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8"), usedforsecurity=False).hexdigest()
    settings = settings_at(tmp_path / "s.ini")
    settings.setValue(f"library-{digest[:16]}/lastDocument", 5)
    settings.setValue(f"library-{digest[:16]}/scroll", 0.5)
    assert last_place(settings, path) == Place(5, 0.5)
