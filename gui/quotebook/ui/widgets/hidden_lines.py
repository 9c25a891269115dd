"""Reader view: hide the lines of site chrome in web text without touching the text.

Hidden lines are whole blocks of the viewer's document made invisible, so every character keeps
its position and annotations stay anchored. A line that carries an annotation is never hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from quotebook.anchoring import Utf16Map
from quotebook.domain import Annotation


def set_hidden_lines(
    document: QTextDocument,
    mapping: Utf16Map,
    ranges: Sequence[tuple[int, int]],
    annotations: Sequence[Annotation] = (),
) -> int:
    """Show every block, then hide those lying wholly inside `ranges` (code points).

    Returns how many blocks are hidden.
    """
    marked = [(a.start, a.end) for a in annotations if not a.orphaned]
    hidden: set[int] = set()
    for start, end in ranges:
        block = document.findBlock(mapping.to_utf16(start))
        stop = mapping.to_utf16(end)
        while block.isValid() and block.position() < stop:
            block_end = block.position() + block.length() - 1
            inside = block.position() >= mapping.to_utf16(start) and block_end <= stop
            if inside and not any(
                mapping.to_utf16(a) <= block_end and mapping.to_utf16(b) >= block.position()
                for a, b in marked
            ):
                hidden.add(block.blockNumber())
            block = block.next()
    changed = False
    block = document.begin()
    while block.isValid():
        visible = block.blockNumber() not in hidden
        if block.isVisible() != visible:
            block.setVisible(visible)
            changed = True
        block = block.next()
    if changed:
        document.markContentsDirty(0, document.characterCount())
    return len(hidden)
