"""The formatting layer: how a rich source looked, laid over a document's plain text.

A Markdown document is stored as its rendered plain text (annotations point into it) plus
`FormatSpan`s over that text. This module turns the spans into Qt character and block formats
on a `QTextDocument` that already holds the plain text, so the viewer and the PDF export show
headings, emphasis, code and links while every position stays what it was. It uses QtGui only,
no widgets, so the exporters share it with the viewer.

The formats only ever set font properties (weight, italic, size, family, underline, strike-out),
the text colour of links and block indentation, never a background: backgrounds belong to the
highlight layer, which merges its colours over these formats and takes only its own away again.
Sizes are relative (`FontSizeAdjustment`, as Qt's own HTML headings use), so zooming the viewer's
font scales headings with the body text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from quotebook.anchoring import Utf16Map
from quotebook.domain import FormatSpan

# Steps of Qt's relative font size for headings 1…6 (Qt's HTML import uses 3, 2, 1, 0, -1, -2;
# smaller than the body would read as a footnote in a reading view, so 4…6 stay at body size).
HEADING_SIZE_STEPS = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}
QUOTE_INDENT = 1  # in the document's indent width


def heading_level(kind: str) -> int:
    """1…6 for ``heading1``…``heading6``; 0 for any other kind."""
    if kind.startswith("heading") and kind[7:].isdigit():
        level = int(kind[7:])
        return level if 1 <= level <= 6 else 0
    return 0


def char_format(span: FormatSpan, *, link_color: QColor) -> QTextCharFormat | None:
    """The character format that shows `span`, or None for kinds drawn only as blocks."""
    fmt = QTextCharFormat()
    level = heading_level(span.kind)
    if level:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE_STEPS[level])
    elif span.kind == "strong":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif span.kind == "emphasis":
        fmt.setFontItalic(True)
    elif span.kind == "strikethrough":
        fmt.setFontStrikeOut(True)
    elif span.kind == "code":
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fmt.setFontFamilies(fixed.families())
        fmt.setFontFixedPitch(True)
    elif span.kind == "link":
        fmt.setFontUnderline(True)
        fmt.setForeground(link_color)
        fmt.setAnchorHref(span.value)
    else:
        return None
    return fmt


def apply_formatting(
    document: QTextDocument,
    spans: Sequence[FormatSpan],
    mapping: Utf16Map,
    *,
    link_color: QColor,
) -> int:
    """Merge the formats of `spans` (code points) into `document`; returns how many applied.

    Call it inside the caller's edit block, after the text is set and before highlights are
    painted. Formats are merged, so nested spans (a link inside bold text) add up; applying the
    same spans twice changes nothing, which is how a palette change recolours the links.
    """
    if not spans:
        return 0
    limit = document.characterCount() - 1  # the last position is the final paragraph break
    to_u16 = mapping.to_utf16
    cursor = QTextCursor(document)
    keep = QTextCursor.MoveMode.KeepAnchor
    applied = 0
    for span in spans:
        start, end = min(to_u16(span.start), limit), min(to_u16(span.end), limit)
        if start >= end:
            continue
        cursor.setPosition(start)
        cursor.setPosition(end, keep)
        fmt = char_format(span, link_color=link_color)
        if fmt is not None:
            cursor.mergeCharFormat(fmt)
        block = _block_format(span)
        if block is not None:
            cursor.mergeBlockFormat(block)  # every block the selection touches
        applied += 1
    return applied


def _block_format(span: FormatSpan) -> QTextBlockFormat | None:
    level = heading_level(span.kind)
    if level:
        fmt = QTextBlockFormat()
        fmt.setHeadingLevel(level)
        return fmt
    if span.kind == "quote":
        fmt = QTextBlockFormat()
        fmt.setIndent(QUOTE_INDENT)
        return fmt
    return None
