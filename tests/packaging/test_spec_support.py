"""The bundle recipe's testable parts: version, Windows/macOS metadata, what Qt leaves out."""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from types import ModuleType

import bundle_trim
import pytest
import spec_support
from packaging_helpers import PACKAGING, REPO

import quotebook


def test_version_comes_from_the_package_and_matches_pyproject() -> None:
    assert spec_support.read_version(REPO) == quotebook.__version__


def test_a_version_mismatch_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "gui" / "quotebook").mkdir(parents=True)
    (tmp_path / "gui" / "quotebook" / "__init__.py").write_text('__version__ = "1.0.0"\n')
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.0.1"\n')
    with pytest.raises(SystemExit, match="version mismatch"):
        spec_support.read_version(tmp_path)


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("2.3", (2, 3, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
     ("1.0rc2", (1, 0, 2, 0))],
)  # fmt: skip
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert spec_support.version_numbers(version) == numbers


def test_windows_version_resource_carries_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    compat = pytest.importorskip("PyInstaller.compat")
    # `pefile` and `win32api` are only needed to put the resource into an .exe on Windows, not
    # to build it; stand-ins let the resource be checked anywhere PyInstaller is installed.
    monkeypatch.setitem(sys.modules, "pefile", sys.modules.get("pefile", ModuleType("pefile")))
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    resource = spec_support.windows_version_resource("0.1.0")
    assert len(resource.toRaw()) > 500
    text = str(resource)
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert "StringStruct('OriginalFilename', 'quotebook.exe')" in text


def test_macos_info_plist_is_a_valid_plist() -> None:
    info = spec_support.macos_info_plist("0.1.0")
    assert info["CFBundleShortVersionString"] == "0.1.0"
    assert info["NSRequiresAquaSystemAppearance"] is False
    plistlib.dumps(info)  # raises on values a plist cannot hold


def test_spec_is_valid_python() -> None:
    source = (PACKAGING / "quotebook.spec").read_text(encoding="utf-8")
    compile(source, "quotebook.spec", "exec")


P = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/QtWidgets.abi3.so", True),
        ("libpython3.11.so.1.0", True),
        ("resources/icons/quotebook.svg", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        (f"{P}/platforms/libqxcb.so", True),
        (f"{P}/platforms/libqwayland.so", True),
        (f"{P}/platforms/libqoffscreen.so", True),
        (f"{P}/platforms/libqminimal.so", True),
        (f"{P}/platforms/libqminimalegl.so", False),
        (f"{P}/platforms/libqeglfs.so", False),
        (f"{P}/platforms/libqvnc.so", False),
        (f"{P}/platforms/libqlinuxfb.so", False),
        (f"{P}/platforms/qwindows.dll", True),
        (f"{P}/platforms/libqcocoa.dylib", True),
        (f"{P}/platformthemes/libqgtk3.so", False),
        (f"{P}/platformthemes/libqxdgdesktopportal.so", True),
        (f"{P}/generic/libqtuiotouchplugin.so", False),
        (f"{P}/generic/libqevdevkeyboardplugin.so", True),
        (f"{P}/iconengines/libqsvgicon.so", True),
        (f"{P}/imageformats/libqsvg.so", True),
        (f"{P}/imageformats/libqjpeg.so", True),
        (f"{P}/imageformats/libqtiff.so", False),
        (f"{P}/imageformats/qwebp.dll", False),
        (f"{P}/egldeviceintegrations/libqeglfs-x11-integration.so", False),
        (f"{P}/sqldrivers/libqsqlite.so", False),
        (f"{P}/tls/libqopensslbackend.so", False),
        (f"{P}/xcbglintegrations/libqxcb-glx-integration.so", True),
        (f"{P}/wayland-shell-integration/libxdg-shell.so", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/en.dat", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/locale-data/ru_RU.dat", False),
        ("babel/global.dat", True),
        ("docx/templates/default.docx", True),
        ("docx/templates/default-styles.xml", True),
        ("docx/templates/default-docx-template/word/styles.xml", False),
        (f"{P}/wayland-graphics-integration-server/libqt-wayland-compositor-xcomposite-egl.so",
         False),
    ],
)  # fmt: skip
def test_trim_keeps_what_the_app_needs(dest: str, kept: bool) -> None:
    assert bundle_trim.wanted(dest) is kept


def test_trim_reads_hook_pairs_and_toc_triples() -> None:
    hook = [
        ("/site/PySide6/Qt/plugins/platforms/libqvnc.so", f"{P}/platforms"),
        ("/site/PySide6/Qt/plugins/platforms/libqxcb.so", f"{P}/platforms"),
    ]
    assert bundle_trim.trim(hook) == hook[1:]
    toc = [
        (f"{P}/platforms/libqvnc.so", "/site/x", "BINARY"),
        (f"{P}/platforms/libqxcb.so", "/site/y", "BINARY"),
    ]
    assert bundle_trim.trim(toc) == toc[1:]
