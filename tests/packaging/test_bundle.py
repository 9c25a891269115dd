"""The frozen bundle itself: it starts in a bare environment, passes its self-test, exports a
valid PDF, and carries none of the Qt parts it is meant to leave out.

Builds the bundle first when QUOTEBOOK_BUILD_BUNDLE=1, and in CI (CI=true) unless
QUOTEBOOK_BUILD_BUNDLE=0: about 30 s with a warm build environment, 45–60 s cold, which the
CI budget allows. Elsewhere it runs when `dist/quotebook/quotebook` exists and is newer than the
source, and is skipped otherwise, so a developer's test run does not depend on a build.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_helpers import BUNDLE_EXE, REPO, bare_env, tree

import quotebook

_ASKED = os.environ.get("QUOTEBOOK_BUILD_BUNDLE", "")
BUILD = _ASKED == "1" or (os.environ.get("CI") == "true" and _ASKED != "0")
SIZE_LIMIT_MB = 150


def _stale() -> bool:
    newest_source = max(p.stat().st_mtime for p in (REPO / "gui" / "quotebook").rglob("*.py"))
    return BUNDLE_EXE.stat().st_mtime < newest_source


if not BUILD:
    if not BUNDLE_EXE.exists():
        pytest.skip(
            "no bundle: run packaging/build, or set QUOTEBOOK_BUILD_BUNDLE=1",
            allow_module_level=True,
        )
    if _stale():
        pytest.skip(
            "the bundle is older than the source: rebuild, or set QUOTEBOOK_BUILD_BUNDLE=1",
            allow_module_level=True,
        )


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    if BUILD:
        done = subprocess.run(
            [str(REPO / "packaging" / "build")],
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert BUNDLE_EXE.is_file()
    yield BUNDLE_EXE


def run_bundle(exe: Path, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        env=bare_env(home, **env),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_self_test_in_a_bare_environment(bundle: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    home = tmp_path / "home"
    home.mkdir()
    pdf = tmp_path / "self-test.pdf"
    done = run_bundle(bundle, "--self-test", home=home, QUOTEBOOK_SELFTEST_PDF=str(pdf))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen bundle;" in done.stdout
    assert "self-test passed" in done.stdout
    assert tree(home) == [], "the self-test wrote into HOME"

    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(pdf)
    highlights = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Highlight"
    ]
    assert len(highlights) >= 1
    quads = highlights[0].get("/QuadPoints")
    assert quads is not None and len(quads) % 8 == 0 and len(quads) > 0
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.strip(), "the PDF has no extractable text"


def test_cli_runs_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    version = run_bundle(bundle, "--version", home=tmp_path)
    assert version.returncode == 0, version.stderr
    assert quotebook.__version__ in version.stdout
    listing = run_bundle(bundle, "--library", str(library), "list", "--json", home=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.strip() == "[]"  # the CLI never seeds on its own


def test_bundle_is_lean(bundle: Path) -> None:
    folder = bundle.parent
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    assert size_mb < SIZE_LIMIT_MB, f"{size_mb:.0f} MB"
    names = {p.name for p in files}
    for unwanted in ("libqgtk3.so", "libqtuiotouchplugin.so", "libQt6Network.so.6",
                     "libQt6Qml.so.6", "libQt6Quick.so.6", "libqeglfs.so"):  # fmt: skip
        assert unwanted not in names, unwanted
    assert not any(p.suffix == ".qm" for p in files), "Qt translations were bundled"
    internal = folder / "_internal"
    assert (internal / "quotebook" / "assets" / "icons" / "quotebook.svg").is_file()
    assert (internal / "quotebook" / "assets" / "samples" / "library.json").is_file()
