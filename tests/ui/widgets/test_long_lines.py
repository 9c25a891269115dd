"""Very long lines: cut into display blocks of bounded length, with every offset, highlight,
selection, copy and find result still those of the canonical text."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor

from quotebook.domain import Annotation, Document, DocumentMeta, color_hex
from quotebook.ui.widgets.long_lines import LONG_LINE, display_breaks, shown_text

WORDS = "Привет 😀 мир, the “target” words and the rest of a sentence that goes on. "


def long_line(characters: int) -> str:
    return (WORDS * (characters // len(WORDS) + 1))[:characters]


def pieces(text: str, breaks: list[int]) -> list[str]:
    return shown_text(text, breaks).split("\n")


# -- where lines are cut ----------------------------------------------------------------------


def test_ordinary_lines_are_not_cut():
    text = "\n".join(long_line(LONG_LINE) for _ in range(5))
    assert display_breaks(text) == []


def test_a_long_line_is_cut_after_white_space_into_blocks_no_longer_than_the_limit():
    text = "before\n" + long_line(3 * LONG_LINE + 123) + "\nafter"
    breaks = display_breaks(text)
    assert len(breaks) == 3
    blocks = pieces(text, breaks)
    assert blocks[0] == "before" and blocks[-1] == "after"
    assert all(len(block) <= LONG_LINE for block in blocks)
    assert all(text[cut - 1] == " " and not text[cut].isspace() for cut in breaks)
    assert "".join(pieces(text, breaks)) == text.replace("\n", "")


def test_a_run_without_spaces_is_cut_between_characters_that_do_not_combine():
    unit = "e\u0301👍🏽\u200d"  # e + combining acute, thumbs up + skin tone, a joiner
    text = unit * (LONG_LINE // len(unit) + 50)
    for cut in display_breaks(text):
        assert text[cut] in "e👍", f"cut before {text[cut]!r}"


@given(
    st.lists(st.integers(0, 90), min_size=1, max_size=12),
    st.sampled_from(["a", "a b", "ab\u0301 ", "x😀"]),
)
def test_every_cut_block_is_within_the_limit(lengths: list[int], unit: str):
    text = "\n".join((unit * length)[:length] for length in lengths)
    breaks = display_breaks(text, limit=20)
    assert breaks == sorted(set(breaks))
    assert all(0 < cut < len(text) and text[cut - 1] != "\n" for cut in breaks)
    assert all(len(block) <= 20 for block in pieces(text, breaks))


# -- the viewer -------------------------------------------------------------------------------

INTRO = "Intro 😀 line.\n"
LINE = long_line(25_000)
TEXT = INTRO + LINE + "\nThe end 👍🏽 here.\n"
DOCUMENT = Document(3, None, DocumentMeta(title="One long line"), TEXT, "", "")


def cut_offsets() -> list[int]:
    return display_breaks(TEXT)


def test_the_viewer_shows_a_long_line_as_bounded_blocks(viewer):
    viewer.show_document(DOCUMENT, [])
    document = viewer.document()
    assert document.blockCount() == TEXT.count("\n") + 1 + len(cut_offsets())
    block = document.begin()
    while block.isValid():
        assert block.length() - 1 <= 2 * LONG_LINE  # UTF-16 units: at most two a character
        block = block.next()


def annotation_across(cut: int, id_: int, color: str = "green") -> Annotation:
    start, end = cut - 30, cut + 25  # runs over the cut
    return Annotation(id_, 3, start, end, TEXT[start:end], color=color)


def test_highlights_across_a_cut_land_on_their_characters(viewer):
    cut = cut_offsets()[1]
    across = annotation_across(cut, 1)
    after_emoji = TEXT.index("😀", cut)
    emoji = Annotation(2, 3, after_emoji + 2, after_emoji + 9, "", color="blue")
    viewer.show_document(DOCUMENT, [across, emoji])
    assert viewer.painted_ranges() == [(across.start, across.end), (emoji.start, emoji.end)]
    viewer.remove_annotation(1)
    viewer.update_annotation(annotation_across(cut, 3, "pink"))
    assert viewer.painted_ranges() == [(across.start, across.end), (emoji.start, emoji.end)]


def test_a_highlight_past_the_cut_is_painted_where_its_words_are_drawn(viewer, qtbot):
    cut = cut_offsets()[0]
    start = TEXT.index("target", cut)
    annotation = Annotation(1, 3, start, start + 6, "target", color="green")
    viewer.show_document(DOCUMENT, [annotation])
    viewer.select_range(start, start)
    viewer.clear_selection()
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(viewer.highlight_layer.utf16.to_utf16(start + 3))
    viewer.setTextCursor(cursor)
    viewer.ensureCursorVisible()
    qtbot.wait(50)
    rect = viewer.cursorRect(cursor)
    image = viewer.viewport().grab().toImage()
    drawn = QColor(image.pixel(rect.left() - 2, rect.top() + 2))
    assert drawn == QColor(color_hex("green"))
    assert viewer.annotation_at_point(rect.center()) == 1


def test_selection_and_copy_give_the_canonical_text_across_a_cut(viewer):
    viewer.show_document(DOCUMENT, [])
    cut = cut_offsets()[0]
    viewer.select_range(cut - 12, cut + 40, exact=True)
    assert viewer.selected_range() == (cut - 12, cut + 40)
    assert "\u2029" in viewer.textCursor().selectedText()  # Qt sees the cut …
    viewer.copy()
    assert QGuiApplication.clipboard().text() == TEXT[cut - 12 : cut + 40]  # … the reader not


def test_find_on_a_long_line_reports_code_point_ranges_across_cuts(viewer):
    viewer.show_document(DOCUMENT, [])
    cut = cut_offsets()[-1]
    needle = TEXT[cut - 4 : cut + 4]
    found = viewer.find_text(needle)
    ranges = viewer.find_ranges()
    assert found == len(ranges) > 0
    assert all(TEXT[s:e] == needle for s, e in ranges)
    assert (cut - 4, cut + 4) in ranges
    index, _ = viewer.find_status()
    assert viewer.selected_range() is not None
    assert TEXT[slice(*ranges[index])] == needle


def test_ctrl_f_on_a_selection_across_a_cut_looks_for_the_canonical_text(viewer, qtbot):
    viewer.show_document(DOCUMENT, [])
    cut = cut_offsets()[0]
    viewer.select_range(cut - 6, cut + 6, exact=True)
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.find_bar.query() == TEXT[cut - 6 : cut + 6]
    _, total = viewer.find_status()
    assert total >= 1
    assert (cut - 6, cut + 6) in viewer.find_ranges()


def test_ctrl_c_copies_the_canonical_text_and_the_app_still_quits_cleanly(tmp_path):
    """A copy leaves the clipboard holding an object Qt owns: quitting after it must not crash
    (a QMimeData made in Python crashed the process on its way out)."""
    script = tmp_path / "copy_then_quit.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from quotebook.domain import Document, DocumentMeta\n"
        "from quotebook.ui.widgets.viewer import Viewer\n"
        "app = QApplication(sys.argv)\n"
        "viewer = Viewer()\n"
        "text = 'Intro line.\\n' + 'word ' * 5000 + '\\nEnd.'\n"
        "viewer.show_document(Document(1, None, DocumentMeta(title='t'), text, '', ''), [])\n"
        "viewer.show()\n"
        "viewer.select_range(0, 40, exact=True)\n"
        "QTest.keyClick(viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)\n"
        "print(repr(QApplication.clipboard().text()))\n",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr(("Intro line.\n" + "word " * 10)[:40])
