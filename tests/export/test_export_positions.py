"""Offsets between the stored text (code points) and Qt's document positions (UTF-16)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotebook.anchoring import Utf16Map
from quotebook.export.pdf.marks import TextPositions

texts = st.text(alphabet=st.sampled_from(["a", " ", "\n", "é", "Ж", "😀", "𝔸", "\u00a0"]))


@given(texts)
def test_agrees_with_the_anchoring_map(text):
    ours, reference = TextPositions(text), Utf16Map(text)
    for offset in range(len(text) + 1):
        assert ours.to_doc(offset) == reference.to_utf16(offset)
    for position in range(len(text.encode("utf-16-le")) // 2 + 1):
        assert ours.to_text(position) == reference.to_codepoint(position)


def test_blank_characters():
    positions = TextPositions("a😀 b\n")
    assert [positions.is_blank(p) for p in range(7)] == [
        False,
        False,
        False,
        True,
        False,
        True,
        True,
    ]
