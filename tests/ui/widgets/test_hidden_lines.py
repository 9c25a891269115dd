"""The reader view's hidden lines: a line hides when it lies wholly inside the verdict's ranges
(it starts inside one and its line break is at the range's end at the latest, so an empty line
right at the end, the paragraph break a verdict keeps, shows) and no highlight touches it,
however the verdict and the highlights arrive."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebook.domain import Annotation, Document, DocumentMeta
from quotebook.reader_view.rules import furniture_ranges, visible_text
from quotebook.ui.widgets import long_lines
from quotebook.ui.widgets import viewer as viewer_module
from quotebook.ui.widgets.viewer import Viewer

SEEDS = Path(__file__).resolve().parents[3] / "seeds"

LINES = st.lists(
    st.sampled_from(["", "Menu", "Home", "Share 😀", "A long paragraph " * 6, "x" * 70]),
    min_size=1,
    max_size=14,
)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end at its line break."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def expected_hidden(text, ranges, annotations) -> list[bool]:
    marked = [(a.start, a.end) for a in annotations if a.end > a.start]
    return [
        any(lo <= s < hi and e <= hi for lo, hi in ranges)
        and not any(a <= e and b >= s for a, b in marked)
        for s, e in line_spans(text)
    ]


def shown_hidden(viewer: Viewer, text: str) -> list[bool]:
    """Whether each line's blocks are hidden, read back from the document."""
    to_u16 = viewer.highlight_layer.utf16.to_utf16
    result = []
    for start, _ in line_spans(text):
        block = viewer.document().findBlock(to_u16(start))
        result.append(not block.isVisible())
        # Every display block of a long line goes with its first.
        end = to_u16(start + len(text[start:].split("\n", 1)[0]))
        while block.isValid() and block.position() + block.length() - 1 < end:
            block = block.next()
            assert (not block.isVisible()) == result[-1]
    return result


@pytest.fixture(scope="module")
def viewer(qapp):
    widget = Viewer()
    widget.resize(600, 400)
    widget.show()
    yield widget
    widget.deleteLater()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=LINES,
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 200)), max_size=3),
    marks=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=4),
    late=st.booleans(),
    at_once=st.sampled_from([viewer_module.HIDE_AT_ONCE, 60]),
)
def test_lines_hide_by_the_rule_however_verdict_and_highlights_arrive(
    viewer, monkeypatch, lines, cuts, marks, late, at_once
):
    monkeypatch.setattr(long_lines, "LONG_LINE", 40)  # long lines are cut into blocks too
    monkeypatch.setattr(viewer_module, "HIDE_AT_ONCE", at_once)  # the rest after the paint
    text = "\n".join(lines)
    ranges = sorted((min(s, len(text)), min(s + n, len(text))) for s, n in cuts)
    annotations = [
        Annotation(i + 1, 1, min(s, len(text)), min(s + n, len(text)), "")
        for i, (s, n) in enumerate(marks)
    ]
    document = Document(1, None, DocumentMeta(title="t"), text, "", "")
    half = len(annotations) // 2
    if late:  # the verdict arrives after the first paint
        viewer.show_document(document, annotations[:half])
        viewer.viewport().repaint()
        viewer.set_hidden_ranges(ranges)
    else:
        viewer.show_document(document, annotations[:half], ranges)
    for annotation in annotations[half:]:
        viewer.update_annotation(annotation)
    viewer.set_scroll_fraction(0.5)  # lays everything out: the lines left for later first
    assert shown_hidden(viewer, text) == expected_hidden(text, ranges, annotations)
    assert viewer.hidden_line_count == sum(expected_hidden(text, ranges, annotations))
    if annotations:
        viewer.remove_annotation(annotations[0].id)
        rest = annotations[1:]
        assert shown_hidden(viewer, text) == expected_hidden(text, ranges, rest)
    viewer.set_hidden_ranges([])
    assert not any(shown_hidden(viewer, text))


def test_hidden_lines_take_no_room_and_come_back_when_highlighted(viewer, qtbot):
    text = "Title\nMenu\nHome\nNews\nThe article begins here and goes on.\n"
    menu = (text.index("Menu"), text.index("The article"))
    document = Document(1, None, DocumentMeta(title="t"), text, "", "")
    viewer.show_document(document, [], [menu])
    layout = viewer.document().documentLayout()
    viewer.viewport().repaint()

    def top(offset: int) -> float:
        return layout.blockBoundingRect(viewer.document().findBlock(offset)).top()

    # The three hidden lines take no room: the article follows the title by one line.
    step = top(text.index("The article")) - top(0)
    assert step > 0
    home = text.index("Home")
    viewer.update_annotation(Annotation(1, 1, home, home + 4, "Home"))
    viewer.viewport().repaint()
    # "Home" takes its line again, right under the title: the article moves down one line.
    assert top(home) - top(0) == pytest.approx(step)
    assert top(text.index("The article")) - top(0) == pytest.approx(2 * step)
    assert viewer.hidden_line_count == 2
    viewer.set_hidden_ranges([])
    viewer.viewport().repaint()
    assert top(text.index("The article")) - top(0) == pytest.approx(4 * step)


def test_lines_far_into_a_document_hide_in_batches_after_the_first_paint(
    viewer, qtbot, monkeypatch
):
    monkeypatch.setattr(viewer_module, "HIDE_AT_ONCE", 100)
    monkeypatch.setattr(viewer_module, "HIDE_BATCH", 3)
    text = "".join(f"Paragraph {n} of the article, a sentence.\nMenu\nHome\n" for n in range(30))
    ranges = [(m, m + len("Menu\nHome\n")) for m in range(len(text)) if text.startswith("Menu", m)]
    spared = text.index("Menu", 1000)  # a highlight made before its line was hidden keeps it
    late = Annotation(1, 1, spared, spared + 4, "Menu")
    document = Document(1, None, DocumentMeta(title="t"), text, "", "")
    viewer.show_document(document, [], ranges)
    early = shown_hidden(viewer, text)
    assert early[:2] == [False, True] and not any(early[-10:])  # far lines still show
    assert 0 < viewer.hidden_line_count < 10  # decided so far
    viewer.update_annotation(late)
    expected = expected_hidden(text, ranges, [late])
    qtbot.waitUntil(lambda: shown_hidden(viewer, text) == expected, timeout=5000)
    assert viewer.hidden_line_count == sum(expected) > 50


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_viewer_shows_what_the_reader_view_keeps(viewer, seed):
    """The lines left showing read as the rules' own visible text: a run of furniture between
    two paragraphs leaves the one blank line that separates them."""
    text = (SEEDS / seed).read_text(encoding="utf-8")
    ranges = furniture_ranges(text)
    document = Document(1, None, DocumentMeta(title="t"), text, "", "")
    viewer.show_document(document, [], ranges)
    viewer.set_scroll_fraction(1.0)  # lays everything out: the lines left for later first
    shown = []
    block = viewer.document().begin()
    while block.isValid():
        if block.isVisible():
            shown.append(block.text())
        block = block.next()
    expected = visible_text(text, ranges)
    if ranges and ranges[-1][1] == len(text):
        expected = expected.removesuffix("\n")  # the last shown line's break: no line follows
    assert "\n".join(shown) == expected
