"""Highlight colours and elementary segments, shared by the PDF and HTML exporters.

Overlapping annotations must both stay visible. Cutting the annotated ranges at every start and
end gives segments covered by a fixed set of annotations; each segment is painted once in the
multiply blend of its annotations' colours, which is what a highlighter pen does on paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotebook.domain import Annotation, color_hex

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    annotation_ids: tuple[int, ...]


def rgb(name: str) -> RGB:
    """A palette colour as three floats in 0…1 (the light variant: exports print on white)."""
    value = color_hex(name).lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def multiply(colours: Iterable[RGB]) -> RGB:
    r = g = b = 1.0
    for cr, cg, cb in colours:
        r, g, b = r * cr, g * cg, b * cb
    return (r, g, b)


def hex_of(colour: RGB) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in colour)


def is_placed(annotation: Annotation, text: str) -> bool:
    """Whether the annotation still sits on its quote; orphans are listed but not painted."""
    return (
        not annotation.orphaned
        and 0 <= annotation.start < annotation.end <= len(text)
        and text[annotation.start : annotation.end] == annotation.quote
    )


def segments(annotations: Sequence[Annotation]) -> list[Segment]:
    """Split the annotated ranges into maximal pieces covered by the same annotations."""
    events: dict[int, list[tuple[bool, int]]] = {}
    for a in annotations:
        if a.end > a.start:
            events.setdefault(a.start, []).append((True, a.id))
            events.setdefault(a.end, []).append((False, a.id))
    result: list[Segment] = []
    active: dict[int, None] = {}
    previous: int | None = None
    for offset in sorted(events):
        if previous is not None and active and offset > previous:
            result.append(Segment(previous, offset, tuple(active)))
        for starts, annotation_id in events[offset]:
            if starts:
                active[annotation_id] = None
            else:
                active.pop(annotation_id, None)
        previous = offset
    return result


def segment_colour(segment: Segment, colours: dict[int, RGB]) -> RGB:
    return multiply(colours[i] for i in segment.annotation_ids)
