"""The highlight layer: segments, blending, and formats painted into a real QTextDocument."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from quotebook.anchoring import Utf16Map
from quotebook.domain import Annotation, color_hex
from quotebook.ui.widgets.highlight_layer import HighlightLayer, Segment, blend, split_segments


def ann(id_: int, start: int, end: int, color: str = "yellow") -> Annotation:
    return Annotation(id_, 1, start, end, "", color=color)


def test_disjoint_annotations_make_one_segment_each():
    segments = split_segments([ann(2, 10, 15), ann(1, 0, 4)])
    assert segments == [Segment(0, 4, (1,), ("yellow",)), Segment(10, 15, (2,), ("yellow",))]


def test_overlap_splits_into_three_with_the_shorter_on_top():
    long, short = ann(1, 0, 10, "yellow"), ann(2, 5, 8, "blue")
    segments = split_segments([long, short])
    assert [(s.start, s.end, s.annotation_ids) for s in segments] == [
        (0, 5, (1,)),
        (5, 8, (2, 1)),
        (8, 10, (1,)),
    ]
    assert segments[1].colors == ("blue", "yellow")


def test_equal_ranges_put_the_newest_on_top():
    [segment] = split_segments([ann(3, 0, 5), ann(7, 0, 5)])
    assert segment.annotation_ids == (7, 3)


def test_empty_annotations_are_ignored():
    assert split_segments([ann(1, 4, 4)]) == []


@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])),
        max_size=12,
    )
)
def test_segments_cover_exactly_the_annotated_characters(ranges):
    annotations = [ann(i + 1, s, e) for i, (s, e) in enumerate(ranges)]
    segments = split_segments(annotations)
    for before, after in itertools.pairwise(segments):
        assert before.end <= after.start
    for offset in range(60):
        covering = {a.id for a in annotations if a.start <= offset < a.end}
        found = [s for s in segments if s.start <= offset < s.end]
        assert set(found[0].annotation_ids) == covering if found else not covering


def test_blend_of_one_colour_is_that_colour():
    assert blend(["green"], dark=False) == QColor(color_hex("green"))
    assert blend(["green"], dark=True) == QColor(color_hex("green", dark=True))


@pytest.mark.parametrize("dark", [False, True])
def test_stacked_colours_differ_from_each_layer_and_darken(dark):
    yellow, blue = (QColor(color_hex(c, dark=dark)) for c in ("yellow", "blue"))
    mixed = blend(["yellow", "blue"], dark=dark)
    assert mixed not in (yellow, blue)
    twice = blend(["yellow", "yellow"], dark=dark)
    assert twice.lightness() < yellow.lightness()
    assert blend(["yellow"] * 3, dark=dark).lightness() < twice.lightness()


TEXT = "A 😀 b\tПривет,\u00a0мир!\nnext line 😀😀 end"


@pytest.fixture
def layer(qapp):
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setPlainText(TEXT)
    layer = HighlightLayer(document)
    layer.reset(TEXT)
    yield layer
    document.deleteLater()


def span(needle: str, id_: int, color: str = "yellow") -> Annotation:
    start = TEXT.index(needle)
    return Annotation(id_, 1, start, start + len(needle), needle, color=color)


def test_painted_ranges_are_the_annotated_characters(layer):
    annotations = [span("Привет,\u00a0мир", 1), span("end", 2, "pink"), span("\tП", 3, "blue")]
    layer.paint(annotations, dark=False)
    painted = layer.painted_ranges()
    assert [(TEXT[s:e], c.name()) for s, e, c in painted] == [
        ("\t", color_hex("blue")),
        ("П", blend(["blue", "yellow"], dark=False).name()),
        ("ривет,\u00a0мир", color_hex("yellow")),
        ("end", color_hex("pink")),
    ]


def test_only_changed_segments_are_reformatted(layer):
    first = [span("b", 1), span("end", 2)]
    assert layer.paint(first, dark=False) == 2
    assert layer.paint(first, dark=False) == 0
    assert layer.paint([*first, span("line", 3)], dark=False) == 1
    assert layer.paint(first, dark=False) == 1  # "line" cleared
    assert layer.paint(first, dark=True) == 2  # every colour changes


def test_annotation_spanning_a_paragraph_break_reads_back_whole(layer):
    layer.paint([span("мир!\nnext", 1)], dark=False)
    [(start, end, _)] = layer.painted_ranges()
    assert TEXT[start:end] == "мир!\nnext"


def test_painting_keeps_text_and_undo_history_untouched(layer):
    document = layer._document
    layer.paint([span("😀 b", 1), span("мир", 2)], dark=False)
    layer.paint([span("мир", 2)], dark=True)
    assert not document.isUndoAvailable()
    units = "".join(document.characterAt(i) for i in range(document.characterCount() - 1))
    expected = TEXT.replace("\n", "\u2029").encode("utf-16-le")
    assert units.encode("utf-16-le", "surrogatepass") == expected


def test_annotation_at_uses_code_points(layer):
    layer.paint([span("мир", 1), span("end", 2)], dark=False)
    start = TEXT.index("мир")
    assert layer.annotation_at(start) == 1
    assert layer.annotation_at(start + 2) == 1
    assert layer.annotation_at(start + 3) is None
    assert layer.annotation_at(TEXT.index("end")) == 2
    assert layer.utf16.to_utf16(TEXT.index("end")) == Utf16Map(TEXT).to_utf16(TEXT.index("end"))


def test_orphaned_and_out_of_range_annotations_are_not_painted(layer):
    orphan = Annotation(1, 1, 0, 1, "A", orphaned=True)
    beyond = Annotation(2, 1, len(TEXT) - 1, len(TEXT) + 5, "")
    assert layer.paint([orphan, beyond], dark=False) == 0
    assert layer.painted_ranges() == []


# -- one highlight at a time ------------------------------------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(["put", "put", "remove", "orphan"]),
        st.integers(1, 7),  # which annotation
        st.integers(0, len(TEXT) - 1),
        st.integers(1, 18),
        st.sampled_from(["yellow", "green", "blue", "pink"]),
    ),
    max_size=30,
)


def painted_document(annotations, *, keep_formats: bool):
    """A fresh document with `annotations` painted as a whole (and bold text under them)."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setPlainText(TEXT)
    if keep_formats:
        embolden(document)
    layer = HighlightLayer(document)
    layer.reset(TEXT, keep_formats=keep_formats)
    layer.paint(annotations, dark=False)
    return layer


def embolden(document: QTextDocument) -> None:
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor = QTextCursor(document)
    cursor.setPosition(3)
    cursor.setPosition(30, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(bold)


def formats(document: QTextDocument) -> list[tuple[str, bool]]:
    """Each position's background and whether it is bold."""
    cursor = QTextCursor(document)
    out = []
    for position in range(1, document.characterCount()):
        cursor.setPosition(position)
        fmt = cursor.charFormat()
        brush = fmt.background().color().name() if fmt.hasProperty(BACKGROUND) else ""
        out.append((brush, fmt.fontWeight() == QFont.Weight.Bold))
    return out


BACKGROUND = QTextFormat.Property.BackgroundBrush


@pytest.mark.parametrize("keep_formats", [False, True])
@given(ops=OPS)
def test_one_highlight_at_a_time_paints_what_the_whole_list_paints(qapp, keep_formats, ops):
    """Adding, changing and removing annotations one by one (overlapping, across the emoji and
    the paragraph break, some orphaned) leaves the segments and every character's format just
    as painting the final list at once does."""
    incremental = painted_document([], keep_formats=keep_formats)
    current: dict[int, Annotation] = {}
    for op, id_, start, length, color in ops:
        if op == "remove":
            current.pop(id_, None)
            incremental.remove(id_, dark=False)
            continue
        end = min(len(TEXT), start + length)
        annotation = Annotation(id_, 1, start, end, "", color=color, orphaned=op == "orphan")
        current[id_] = annotation
        incremental.update(annotation, dark=False)
    whole = painted_document(list(current.values()), keep_formats=keep_formats)
    assert incremental.segments == whole.segments
    assert formats(incremental._document) == formats(whole._document)
    for offset in range(len(TEXT)):
        assert incremental.annotation_at(offset) == whole.annotation_at(offset)
        assert incremental.covers(offset, offset) == whole.covers(offset, offset)


def test_one_highlight_reformats_only_its_own_stretch(layer):
    layer.paint([span("b", 1), span("end", 2), span("next line", 3)], dark=False)
    assert layer.update(span("мир", 4, "green"), dark=False) == 1
    # "next line" (cleared) becomes "next ", "line" under two colours and " 😀" (painted).
    assert layer.update(span("line 😀", 5, "blue"), dark=False) == 4
    assert layer.remove(5, dark=False) == 4  # and back
    assert layer.remove(99, dark=False) == 0
    assert layer.update(span("мир", 4, "pink"), dark=False) == 1  # recoloured
    assert [(TEXT[s:e], c.name()) for s, e, c in layer.painted_ranges()][1:] == [
        ("мир", color_hex("pink")),
        ("next line", color_hex("yellow")),
        ("end", color_hex("yellow")),
    ]
