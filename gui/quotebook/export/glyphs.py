"""Which characters an exported PDF can print, character by character, and what stands in for
the rest.

The text is set in the bundled DejaVu fonts. A character they lack (emoji, CJK, many symbols) is
taken, as Qt does on screen, from a font the system has that covers it: Qt asks fontconfig
through its font database. Only when the system has none does the small symbol font we ship
(a subset of Symbola: emoji, pictographs, dingbats) join in; it is registered on first need, so
a system font that covers a character always comes first. A character that nothing covers would
print as an empty box and vanish from the text layer; it prints as a visible "�" instead, and
the export summary lists it. The native annotations' /Contents keep every character as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from quotebook.errors import ExportFailed
from quotebook.export.fonts import Families, font
from quotebook.resources import resource_path

SYMBOL_FONT = "Symbola-Symbols.ttf"
PLACEHOLDER = "\ufffd"
# After the placeholder of a character outside the Basic Multilingual Plane (two UTF-16 units):
# an invisible word joiner, so that every position in a body keeps its UTF-16 offset.
_PAD = "\u2060"
_ALWAYS = frozenset("\n\t\r\u2028\u2029")
# A character outside the Basic Multilingual Plane, and the printed sequence around it that is
# shaped as one (the character before it, joiners, selectors, emoji modifiers and tags).
_OUTSIDE_BMP = re.compile("[\U00010000-\U0010ffff]")
_OUTSIDE_BMP_RUN = re.compile("\\S?[\u200c\u200d\ufe0e\ufe0f\u20e3\U00010000-\U0010ffff]{1,64}")
MAX_RUNS = 2_000  # distinct sequences remembered for the text layer (see pdf.tounicode)

_symbols_loaded = False
_verdicts: dict[str, bool] = {}


def _ignorable(char: str) -> bool:
    """Characters that draw nothing of their own: controls, joiners, variation selectors."""
    if char in _ALWAYS:
        return True
    cp = ord(char)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def _load_symbols() -> None:
    global _symbols_loaded
    _symbols_loaded = True
    path = resource_path("fonts", SYMBOL_FONT)
    if QFontDatabase.addApplicationFont(str(path)) < 0:
        raise ExportFailed(f"The symbol font {path} that exports fall back on cannot be loaded.")
    # Characters found missing before may be covered now.
    for char in [c for c, ok in _verdicts.items() if not ok]:
        del _verdicts[char]


class Glyphs:
    """Decides for each character whether it prints, and replaces those that do not."""

    def __init__(self, families: Families) -> None:
        self.families = families
        self.missing: dict[str, None] = {}  # characters replaced, in order of appearance
        # Printed sequences with characters outside the Basic Multilingual Plane, whose glyphs
        # Qt gives no text in the PDF (see pdf.tounicode).
        self.outside_bmp: dict[str, None] = {}
        self._metrics = self._make_metrics()

    def _make_metrics(self) -> list[QFontMetricsF]:
        return [QFontMetricsF(font(f, 10)) for f in (self.families.serif, self.families.sans)]

    def _prints(self, char: str) -> bool:
        cp = ord(char)
        return all(m.inFontUcs4(cp) for m in self._metrics)

    def check(self, chars: Iterable[str]) -> None:
        """Find out about each of `chars` (fast for the ones already known)."""
        unknown = [c for c in set(chars) if c not in _verdicts and not _ignorable(c)]
        if not unknown:
            return
        for char in unknown:
            _verdicts[char] = self._prints(char)
        if not _symbols_loaded and not all(_verdicts[c] for c in unknown):
            _load_symbols()
            self._metrics = self._make_metrics()
            for char in unknown:
                if char not in _verdicts:
                    _verdicts[char] = self._prints(char)

    def clean(self, text: str) -> str:
        """`text` with every character that no font prints replaced by the placeholder; each
        position keeps its UTF-16 offset, so a body's annotations stay where they were."""
        chars = set(text)
        self.check(chars)
        bad = [c for c in chars if not _verdicts.get(c, True)]
        if bad:
            for char in sorted(bad, key=text.index):
                self.missing.setdefault(char)
            text = text.translate(
                {ord(c): PLACEHOLDER + (_PAD if ord(c) > 0xFFFF else "") for c in bad}
            )
        if len(self.outside_bmp) < MAX_RUNS and _OUTSIDE_BMP.search(text):
            for run in _OUTSIDE_BMP_RUN.findall(text):
                if _OUTSIDE_BMP.search(run):
                    self.outside_bmp.setdefault(run)
        return text

    def fonts(self) -> list[QFont]:
        """The fonts the export prints in (sizes aside): the fallback a character gets may
        depend on them."""
        serif, sans = self.families.serif, self.families.sans
        return [
            font(serif, 10),
            font(serif, 10, italic=True),
            font(sans, 10),
            font(sans, 10, bold=True),
        ]

    def summary(self) -> str:
        """A line for the export summary about the characters replaced, or ""."""
        if not self.missing:
            return ""
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in list(self.missing)[:8])
        more = f" and {len(self.missing) - 8} more" if len(self.missing) > 8 else ""
        n = len(self.missing)
        which = "character has" if n == 1 else "characters have"
        return (
            f"{n} {which} no font on this computer and print as {PLACEHOLDER}: {shown}{more}. "
            "The annotations' notes keep them as written."
        )
