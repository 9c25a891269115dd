"""Benchmark: opening a 1 MB document with 1,000 highlights, and adding one highlight.

Run as ``python tests/benchmarks/bench_viewer.py``. Every figure is compared with a floor measured
in the same run, so the ratios mean something on any machine:

- open: `Viewer.show_document` until the first screen is painted, against a bare `QTextEdit`
  showing the same text (`setPlainText`, same size, same forced paint). Target: at most 1.5 ×.
- add: `set_annotations` with one more highlight in view, plus the repaint. Target: < 50 ms.

Each figure is the median of several runs, with floor and viewer runs interleaved.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextEdit

from quotebook.anchoring import Utf16Map, snap_to_words
from quotebook.domain import PALETTE, Annotation, Document, DocumentMeta
from quotebook.ui.widgets.highlight_layer import split_segments
from quotebook.ui.widgets.viewer import Viewer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TARGET_BYTES = 1_000_000
ANNOTATIONS = 1_000
RUNS = 9
SIZE = (1100, 800)
OPEN_RATIO_TARGET = 1.5
ADD_MS_TARGET = 50.0


def build_text() -> str:
    """The seed texts repeated to ~1 MB, each copy followed by emoji, Cyrillic and an NBSP."""
    seed = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    extra = "\n\nПостоянный представитель 😀 заявил:\u00a0«Мы\tготовы» 👍🏽 — Reuters.\n\n"
    parts: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        parts.extend((seed, extra))
        size += len((seed + extra).encode("utf-8"))
    return "".join(parts)


def build_annotations(text: str, count: int, rng: random.Random) -> list[Annotation]:
    """Word-snapped highlights spread over the text; about a fifth overlap a neighbour."""
    colors = list(PALETTE)
    annotations: list[Annotation] = []
    for n in range(count):
        if annotations and rng.random() < 0.2:
            base = annotations[-1]
            start = rng.randrange(base.start, max(base.start + 1, base.end))
        else:
            start = rng.randrange(0, len(text) - 400)
        start, end = snap_to_words(text, start, start + rng.randrange(10, 300))
        annotations.append(
            Annotation(n + 1, 1, start, end, text[start:end], color=rng.choice(colors))
        )
    return annotations


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def floor_open(app: QApplication, text: str) -> float:
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.resize(*SIZE)
    edit.show()
    app.processEvents()

    def run() -> None:
        edit.setPlainText(text)
        edit.viewport().repaint()

    elapsed = timed(run)
    edit.close()
    edit.deleteLater()
    app.processEvents()
    return elapsed


def viewer_open(app: QApplication, document: Document, annotations: list[Annotation]) -> float:
    viewer = Viewer()
    viewer.resize(*SIZE)
    viewer.show()
    app.processEvents()

    def run() -> None:
        viewer.show_document(document, annotations)
        viewer.viewport().repaint()

    elapsed = timed(run)
    viewer.close()
    viewer.deleteLater()
    app.processEvents()
    return elapsed


def add_one(app: QApplication, document: Document, annotations: list[Annotation]) -> list[float]:
    """Times adding one highlight where the reader is looking, in the middle of the document."""
    viewer = Viewer()
    viewer.resize(*SIZE)
    viewer.show()
    viewer.show_document(document, annotations)
    viewer.set_scroll_fraction(0.5)
    viewer.viewport().repaint()
    app.processEvents()
    text = document.text
    to_cp = viewer.highlight_layer.utf16.to_codepoint
    times: list[float] = []
    for n in range(RUNS):
        first = to_cp(viewer.cursorForPosition(viewer.viewport().rect().topLeft()).position())
        start, end = snap_to_words(text, first + 200 + 40 * n, first + 240 + 40 * n)
        new = Annotation(10_000 + n, 1, start, end, text[start:end], color="green")
        with_new = [*annotations, new]

        def run(with_new: list[Annotation] = with_new) -> None:
            viewer.set_annotations(with_new)
            viewer.viewport().repaint()

        times.append(timed(run))
        viewer.set_annotations(annotations)
        viewer.viewport().repaint()
    viewer.close()
    viewer.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    text = build_text()
    annotations = build_annotations(text, ANNOTATIONS, random.Random(20240601))
    document = Document(1, None, DocumentMeta(title="Benchmark"), text, "", "")
    stacked = {
        i
        for s in split_segments(annotations)
        if len(s.annotation_ids) > 1
        for i in s.annotation_ids
    }
    print(
        f"document: {len(text.encode('utf-8')):,} bytes, {len(text):,} code points; "
        f"{len(annotations):,} highlights, {len(stacked)} of them overlapping another"
    )
    utf16 = statistics.median(timed(lambda: Utf16Map(text)) for _ in range(3))
    print(f"  (of which building the UTF-16 offset map: {utf16 * 1000:.1f} ms)")

    viewer_open(app, document, annotations)  # warm-up: fonts, caches
    floor_open(app, text)
    floors: list[float] = []
    opens: list[float] = []
    for _ in range(RUNS):
        floors.append(floor_open(app, text))
        opens.append(viewer_open(app, document, annotations))
    floor, opened = statistics.median(floors), statistics.median(opens)
    ratio = opened / floor
    print(f"open, bare QTextEdit (floor):    {floor * 1000:7.1f} ms (median of {RUNS})")
    print(f"open, Viewer with highlights:    {opened * 1000:7.1f} ms (median of {RUNS})")
    print(f"ratio:                           {ratio:7.2f} x   target <= {OPEN_RATIO_TARGET} x")
    print(
        f"  (without building the offset map: {(opened - utf16) * 1000:.1f} ms, "
        f"{(opened - utf16) / floor:.2f} x)"
    )

    adds = add_one(app, document, annotations)
    add_ms = statistics.median(adds) * 1000
    print(f"add one highlight + repaint:     {add_ms:7.1f} ms (median of {RUNS})   target < 50")

    ok = ratio <= OPEN_RATIO_TARGET and add_ms < ADD_MS_TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
