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


EMOJI = ("🔥", "👍🏽", "🇷🇺", "👨\u200d👩\u200d👧", "✅")


def _pypdf_text(pdf: Path) -> str:
    return normalise(" ".join(page.extract_text() for page in PdfReader(pdf).pages))


def _emoji_come_back(pdf: Path, *, cjk: bool) -> None:
    """The note's characters come back from the text layer, as pdftotext and pypdf read it:
    emoji beyond U+FFFF too, a sequence whole with its joiners, and nothing else between."""
    note = NOTE if cjk else NOTE.replace("中文", "\ufffd\ufffd")
    for found in (normalise(text(pdf, "-raw")), _pypdf_text(pdf)):
        assert note in found
        for emoji in EMOJI:
            assert emoji in found
        # The body: its line ends after the first CJK character, its second line is checked
        # by the callers.
        assert "Reactions 🔥 and 👍🏽 came from 🇷🇺 and the 👨\u200d👩\u200d👧 family ✅" in found
        if cjk:
            assert "中文" in found


def test_with_no_system_fonts_emoji_come_from_the_bundled_font(tmp_path):
    seen = _export(tmp_path, no_fonts=True)
    pdf = tmp_path / "glyphs.pdf"
    assert "Symbola" in _fonts(pdf)
    _emoji_come_back(pdf, cjk=False)
    plain = normalise(text(pdf, "-raw"))
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
    _emoji_come_back(pdf, cjk=True)
    assert "DejaVuSerif" in _fonts(pdf) and len(_fonts(pdf) - {"Symbola"}) > 3
