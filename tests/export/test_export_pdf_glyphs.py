"""Every character of a note or a text prints: emoji, CJK, symbols.

A character the bundled DejaVu fonts lack comes from a system font that has it, else from the
small symbol font Quotebook ships; one that nothing covers prints as a visible placeholder and
the export summary says so. Each case exports in a child process, once with the machine's
fonts and once with no system fonts at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from export_glyphs import NOTE
from pdf_probe import highlights, needs_poppler, normalise, quote_mismatch, text, words, words_under
from pypdf import PdfReader

pytestmark = needs_poppler
HERE = Path(__file__).resolve().parent


def _export(tmp_path: Path, *, no_fonts: bool) -> dict:
    env = None
    if no_fonts:
        empty = tmp_path / "no-fonts"
        empty.mkdir()
        config = tmp_path / "fonts.conf"
        config.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
            f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
            encoding="utf-8",
        )
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "FONTCONFIG_FILE": str(config),
            "QT_QPA_FONTDIR": str(empty),
            "QT_QPA_PLATFORM": "offscreen",
        }
    done = subprocess.run(
        [sys.executable, str(HERE / "export_glyphs.py"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            names.add(str(descriptor["/FontName"]).split("+", 1)[1])
    return names


def _system_has_cjk() -> bool:
    done = subprocess.run(["fc-list", ":charset=4e2d", "family"], capture_output=True, text=True)
    return bool(done.stdout.strip())


def test_with_no_system_fonts_emoji_come_from_the_bundled_font(tmp_path):
    seen = _export(tmp_path, no_fonts=True)
    pdf = tmp_path / "glyphs.pdf"
    assert "Symbola" in _fonts(pdf)
    plain = normalise(text(pdf, "-raw"))  # in drawing order: emoji have no text to place
    assert "✅" in plain  # a symbol of the Basic Multilingual Plane is text too
    # Nothing covers CJK here: a visible placeholder, and the summary says which characters.
    (warning,) = seen["warnings"]
    assert "U+4E2D" in warning and "U+6587" in warning and "🔥" not in warning
    assert "while \ufffd\ufffd was spoken" in plain
    # The note itself keeps every character as written.
    (first,) = [h for h in highlights(pdf) if h.name == f"quotebook-{seen['first']}"]
    assert first.contents == NOTE
    # A placeholder takes the place of its character: highlights after it still sit exactly.
    (after,) = [h for h in highlights(pdf) if h.name == f"quotebook-{seen['after']}"]
    found = words_under(words(pdf)[after.page], after.boxes)
    assert quote_mismatch(found, "the envoy answered them all.") is None


@pytest.mark.skipif(not _system_has_cjk(), reason="no system font covers CJK (CI installs one)")
def test_cjk_comes_from_a_system_font(tmp_path):
    seen = _export(tmp_path, no_fonts=False)
    pdf = tmp_path / "glyphs.pdf"
    assert seen["warnings"] == []
    # Compared without blanks: a line may break between two CJK characters.
    assert "while中文wasspoken" in "".join(text(pdf, "-raw").split())
    assert "DejaVuSerif" in _fonts(pdf) and len(_fonts(pdf) - {"Symbola"}) > 3
