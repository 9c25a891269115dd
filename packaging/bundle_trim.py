"""Which collected files the bundle leaves out, by their path inside the bundle.

Mostly Qt: PySide6's PyInstaller hooks collect every plugin a Qt module *might* load. Several of
them drag whole libraries along as link dependencies: the GTK platform theme brings a private
copy of the GTK/cairo/pango stack (which then fights the desktop's own GTK), the TUIO touch
plugin brings QtNetwork and Kerberos, and the embedded-screen platforms bring EGLFS. The app
needs none of these; leaving them out here, before PyInstaller resolves link dependencies, is
what keeps the one-folder bundle small. Besides Qt, Babel's locale data (29 MB) goes: Babel
comes in through the web-page importer's URL filter, which only consults it to score language
codes in crawled URLs, never for anything the app asks of it, and treats an unknown locale as no
evidence. python-docx ships its default template twice, as `default.docx` and unpacked beside it
(1 MB); it only ever opens the `.docx`. The rule is a pure function so it can be tested without a
build.
"""

from __future__ import annotations

from pathlib import PurePath

# Whole plugin folders with nothing the app uses: embedded-screen integrations, Designer and
# QML tooling, SQL drivers (the store uses Python's sqlite3), network backends, and the
# compositor side of Wayland.
UNUSED_PLUGIN_DIRS = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "networkinformation",
        "qmllint",
        "qmltooling",
        "sqldrivers",
        "tls",
        "wayland-graphics-integration-server",
    }
)
# Platform plugins kept: X11, Wayland, and offscreen/minimal for headless runs and the
# self-test. Prefixes of the file names (libqxcb.so, libqwayland-egl.so, qwindows.dll, …).
KEPT_PLATFORMS = (
    "libqxcb",
    "libqwayland",
    "libqoffscreen",
    "libqminimal.",
    "qwindows",
    "qoffscreen",
    "qminimal.",
    "libqcocoa",
)
# Single plugins whose link dependencies cost far more than they give.
UNUSED_PLUGINS = frozenset(
    {
        ("platformthemes", "libqgtk3.so"),
        ("generic", "libqtuiotouchplugin.so"),
        ("generic", "qtuiotouchplugin.dll"),
        ("generic", "libqtuiotouchplugin.dylib"),
    }
)
# Image formats for pictures the app never shows (it reads text; icons are SVG and PNG).
UNUSED_IMAGE_FORMATS = ("qtiff", "qwebp", "qtga", "qwbmp", "qicns")


# Babel locales kept: the root every locale inherits from, and English.
KEPT_BABEL_LOCALES = ("root", "en")
# The unpacked copy of python-docx's default template (the source of `default.docx`).
UNPACKED_DOCX_TEMPLATE = ("docx", "templates", "default-docx-template")


def wanted(dest: str | PurePath) -> bool:
    """Whether a file collected for the bundle (given by its path inside it) should stay."""
    parts = PurePath(dest).parts
    if parts[:2] == ("babel", "locale-data") and len(parts) == 3:
        locale = parts[2].split(".")[0]
        return locale.split("_")[0] in KEPT_BABEL_LOCALES
    if parts[:3] == UNPACKED_DOCX_TEMPLATE:
        return False
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if inside[:2] == ("Qt", "translations") or inside[:1] == ("translations",):
        # The app is English only and installs no Qt translator.
        return False
    if "plugins" not in inside:
        return True
    rest = inside[inside.index("plugins") + 1 :]
    if not rest:
        return True
    folder = rest[0]
    name = rest[1] if len(rest) > 1 else ""
    if folder in UNUSED_PLUGIN_DIRS:
        return False
    if not name:
        return True
    if folder == "platforms":
        return name.startswith(KEPT_PLATFORMS)
    if (folder, name) in UNUSED_PLUGINS:
        return False
    stem = name.removeprefix("lib").split(".")[0]
    return not (folder == "imageformats" and stem in UNUSED_IMAGE_FORMATS)


def trim(entries: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Keep the wanted entries of a hook's ``binaries``/``datas`` list or an Analysis TOC.

    Hooks give ``(source, destination folder)`` pairs, Analysis TOCs give
    ``(destination path, source, kind)``; either way the destination tells what the file is.
    """
    kept = []
    for entry in entries:
        if len(entry) == 2:
            dest = PurePath(entry[1]) / PurePath(entry[0]).name
        else:
            dest = PurePath(entry[0])
        if wanted(dest):
            kept.append(entry)
    return kept
