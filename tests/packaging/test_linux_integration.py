"""Linux desktop integration: desktop entry, AppStream metadata, icons, install and uninstall."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import make_icons
import pytest
import spec_support
from packaging_helpers import PACKAGING, REPO, tree

import quotebook

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "quotebook.desktop"
METAINFO = LINUX / f"{spec_support.APP_ID}.metainfo.xml"
INSTALL = LINUX / "install.sh"


def desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed")
    return found


def test_desktop_entry_validates() -> None:
    done = subprocess.run(
        [needs("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_desktop_entry_matches_the_app() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Name"] == spec_support.APP_NAME
    assert entry["Exec"] == entry["TryExec"] == entry["Icon"] == spec_support.EXE_NAME
    assert entry["Terminal"] == "false"
    # Qt names the window's X11 class after the application name; docks group by it.
    assert entry["StartupWMClass"] == quotebook.APP_NAME


def test_metainfo_validates() -> None:
    done = subprocess.run(
        [needs("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W:" not in done.stdout and "E:" not in done.stdout, done.stdout


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == spec_support.APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == spec_support.EXE_NAME
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == quotebook.__version__


def test_icons_exist_at_every_size() -> None:
    from PySide6.QtGui import QImage

    for size in make_icons.SIZES:
        image = QImage(str(make_icons.png_path(size)))
        assert (image.width(), image.height()) == (size, size), size
        assert image.hasAlphaChannel()


def test_icons_are_up_to_date_with_the_svg(qapp) -> None:
    assert make_icons.main(["--check"]) == 0


def fake_bundle(folder: Path) -> Path:
    """A stand-in for dist/quotebook: an executable that says where it runs from."""
    bundle = folder / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "quotebook"
    exe.write_text('#!/bin/sh\necho "quotebook $*"\n')
    exe.chmod(0o755)
    return bundle


def run_install(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["bash", str(INSTALL), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_install_and_uninstall(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    prefix = tmp_path / "pre fix"  # a space must not break the desktop entry
    library = prefix / "share" / "Quotebook" / "library.sqlite"
    library.parent.mkdir(parents=True)
    library.write_text("the user's data")
    bundle = fake_bundle(tmp_path)

    done = run_install("--bundle", str(bundle), "--prefix", str(prefix), home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    app_dir = prefix / "opt" / "quotebook"
    assert (app_dir / "quotebook").is_file()
    launcher = prefix / "bin" / "quotebook"
    assert subprocess.run([str(launcher), "hi"], capture_output=True, text=True).stdout == (
        "quotebook hi\n"
    )
    installed = prefix / "share" / "applications" / "quotebook.desktop"
    entry = desktop_entry(installed)
    assert entry["Exec"] == f'"{app_dir}/quotebook"'
    assert entry["TryExec"] == f"{app_dir}/quotebook"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
        assert check.returncode == 0 and check.stdout == b"", check.stdout
    icons = prefix / "share" / "icons" / "hicolor"
    for size in make_icons.SIZES:
        assert (icons / f"{size}x{size}" / "apps" / "quotebook.png").is_file()
    assert (icons / "scalable" / "apps" / "quotebook.svg").is_file()
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    assert tree(home) == []

    again = run_install("--bundle", str(bundle), "--prefix", str(prefix), home=home)
    assert again.returncode == 0, again.stderr  # reinstalling over an install works

    gone = run_install("--uninstall", "--prefix", str(prefix), home=home)
    assert gone.returncode == 0, gone.stdout + gone.stderr
    # The desktop's shared caches stay: they index every user's entries and are rebuilt.
    caches = {"mimeinfo.cache", "icon-theme.cache"}
    left = [p for p in tree(prefix) if not (prefix / p).is_dir() and Path(p).name not in caches]
    assert left == ["share/Quotebook/library.sqlite"]
    assert library.read_text() == "the user's data"


def test_uninstall_leaves_a_foreign_launcher_alone(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    other = prefix / "bin" / "quotebook"
    other.write_text("#!/bin/sh\n")
    done = run_install("--uninstall", "--prefix", str(prefix), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert other.exists()


def test_install_without_a_bundle_says_how_to_build_it(tmp_path: Path) -> None:
    done = run_install(
        "--bundle", str(tmp_path / "nothing"), "--prefix", str(tmp_path), home=tmp_path
    )
    assert done.returncode == 1
    assert "packaging/build" in done.stderr


def test_scripts_are_executable() -> None:
    for script in (PACKAGING / "build", INSTALL):
        assert os.access(script, os.X_OK), script
    assert (REPO / "packaging" / "build").read_text().startswith("#!/usr/bin/env bash")
