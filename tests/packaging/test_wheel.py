"""The wheel, installed the way a user installs it: built with `pip wheel` from a clean copy of
the source, installed into a fresh virtual environment outside the checkout together with the
*lowest* versions of its dependencies that pyproject.toml allows, and run from another folder
with a throw-away HOME: `--self-test`, then a round through the command line (import a sample
document, annotate it, export a PDF and read the PDF back).

An editable install finds the icons, fonts and sample library in the checkout whatever the
package data says; only a real wheel shows that they travel with the package. The newest
allowed dependencies are what the rest of the suite runs on, so the lowest ones are tried here.

Runs in CI (CI=true) unless QUOTEBOOK_BUILD_WHEEL=0, and elsewhere with QUOTEBOOK_BUILD_WHEEL=1:
about 20 s on a quiet machine and up to a minute on a busy one, most of it pip installing Qt.
pip runs with its own configuration (indexes, cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from packaging_helpers import REPO, bare_env, tree

_ASKED = os.environ.get("QUOTEBOOK_BUILD_WHEEL", "")
if not (_ASKED == "1" or (os.environ.get("CI") == "true" and _ASKED != "0")):
    pytest.skip(
        "the wheel check runs in CI, or with QUOTEBOOK_BUILD_WHEEL=1",
        allow_module_level=True,
    )

ASSETS = REPO / "gui" / "quotebook" / "assets"
# What a clean clone holds: no environments, build output or caches. Building from a copy keeps
# setuptools' leftovers in the checkout's build/ from slipping into the wheel (a file that the
# package data no longer names would still be there from an earlier build).
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "__pycache__", "*.pyc", "*.egg-info", ".*_cache",
    ".hypothesis", "out",
)  # fmt: skip


class Installed(NamedTuple):
    wheel: Path
    python: Path
    quotebook: Path
    pins: dict[str, Version]


def lowest_pins(pyproject: Path) -> dict[str, Version]:
    """Each dependency at the lowest version its `>=` allows."""
    with pyproject.open("rb") as f:
        dependencies = tomllib.load(f)["project"]["dependencies"]
    pins: dict[str, Version] = {}
    for line in dependencies:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        floors = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        assert floors, f"{line!r} names no lowest version"
        name = canonicalize_name(requirement.name)
        pins[name] = max(floors)
    return pins


def run(
    command: list[str | Path],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        timeout=timeout,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"{command[:4]}…\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    assert not work.is_relative_to(REPO)
    source = work / "source"
    shutil.copytree(REPO, source, symlinks=True, ignore=NOT_SOURCE)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "wheel", "--no-deps", "-q", "--wheel-dir", work / "wheels", source], timeout=600)
    shutil.rmtree(source)
    (wheel,) = (work / "wheels").glob("quotebook-*.whl")

    venv = work / "venv"
    # No pip inside: this test's own pip installs into it (`pip --python`), which saves the
    # few seconds of bootstrapping one.
    run([sys.executable, "-m", "venv", "--without-pip", venv], timeout=120)
    python = venv / "bin" / "python"
    pins = lowest_pins(REPO / "pyproject.toml")
    run(
        [*pip, "--python", python, "install", "-q", "--only-binary", ":all:", wheel,
         *(f"{name}=={version}" for name, version in pins.items())],
        timeout=900,
    )  # fmt: skip
    yield Installed(wheel, python, venv / "bin" / "quotebook", pins)
    shutil.rmtree(venv)  # ~300 MB, mostly Qt


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, Path]:
    """A working folder and an empty HOME, both away from the checkout."""
    cwd, home = tmp_path / "work", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    return cwd, home


def quotebook(
    installed: Installed, *args: str | Path, cwd: Path, home: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    return run([installed.quotebook, *args], cwd=cwd, env=bare_env(home, **env), timeout=180)


def test_the_wheel_carries_every_asset_and_the_licence(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    for path in ASSETS.rglob("*"):
        if path.is_file():
            name = "quotebook/" + path.relative_to(ASSETS.parent).as_posix()
            assert name in names, f"{name} is not in {installed.wheel.name}"
    assert "quotebook/py.typed" in names
    assert any(".dist-info/" in name and name.endswith("/LICENSE") for name in names), names


def test_it_runs_from_the_venv_on_the_lowest_pins(installed: Installed, outside) -> None:
    cwd, home = outside
    probe = (
        "import importlib.metadata as m, quotebook, sys\n"
        "print(quotebook.__file__)\n"
        "for name in sys.argv[1:]: print(name, m.version(name))\n"
    )
    done = run(
        [installed.python, "-c", probe, *installed.pins], cwd=cwd, env=bare_env(home), timeout=60
    )
    where, *versions = done.stdout.splitlines()
    package = Path(where).resolve()
    assert package.is_relative_to(installed.python.parents[1]), where
    assert not package.is_relative_to(REPO), where
    assert {name: Version(v) for name, v in (line.split() for line in versions)} == installed.pins
    import quotebook as source

    version = quotebook(installed, "--version", cwd=cwd, home=home)
    assert source.__version__ in version.stdout


def test_self_test_passes(installed: Installed, outside) -> None:
    from pypdf import PdfReader

    cwd, home = outside
    kept = cwd.parent / "self-test.pdf"
    done = quotebook(installed, "--self-test", cwd=cwd, home=home, QUOTEBOOK_SELFTEST_PDF=str(kept))
    assert "self-test passed" in done.stdout, done.stdout
    assert str(installed.python.parents[1]) in done.stdout  # "seeds in <venv>/…/assets/samples"
    assert tree(home) == [] and tree(cwd) == []
    assert len(PdfReader(kept).pages) >= 1


class Round(NamedTuple):
    pdf: Path
    title: str
    quote: str
    note: str


@pytest.fixture(scope="module")
def cli_round(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Round:
    """Import the first sample document into a new library, annotate it, export it as a PDF."""
    import json

    top = tmp_path_factory.mktemp("cli-round")
    cwd, home, inbox = top / "work", top / "home", top / "inbox"
    for folder in (cwd, home, inbox):
        folder.mkdir()
    sample = shutil.copy(sorted((ASSETS / "samples").glob("*.txt"))[0], inbox)
    title = Path(sample).read_text(encoding="utf-8").strip().splitlines()[0]
    quote = " ".join(title.split()[:4])
    note = "Checked against the original — «да»."
    library = ["--library", "library.sqlite"]

    def cli(*args: str | Path) -> Any:
        done = quotebook(installed, *library, *args, "--json", cwd=cwd, home=home)
        return json.loads(done.stdout)

    (imported,) = cli("import", sample)
    assert imported["status"] == "imported", imported
    doc = str(imported["id"])
    annotation = cli("annotate", doc, "--quote", quote, "--tag", "speaker/Test", "--note", note)
    assert annotation["quote"] == quote
    exported = cli("export", doc, "--format", "pdf", "--output", "annotated.pdf")
    assert exported["annotations"] == 1 and exported["pages"] >= 1
    assert tree(home) == [], "the command line wrote into HOME"
    return Round(cwd / "annotated.pdf", title, quote, note)


def test_cli_round_exports_an_annotated_pdf(cli_round: Round) -> None:
    from pypdf import PdfReader

    reader = PdfReader(cli_round.pdf)
    highlights = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Highlight"
    ]
    assert len(highlights) == 1
    # Set in the fonts that travel with the package, whatever the machine has.
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("DejaVu" in font for font in fonts), fonts


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_cli_round_pdf_reads_back_with_pdftotext(cli_round: Round) -> None:
    text = run(["pdftotext", "-enc", "UTF-8", cli_round.pdf, "-"], timeout=60).stdout
    flat = " ".join(text.split())
    assert cli_round.quote in flat
    assert cli_round.note in flat
