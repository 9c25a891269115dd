"""Render the app icon's PNG sizes from `resources/icons/quotebook.svg`.

Desktops, the macOS/Windows icon converters and old icon themes want raster icons at fixed
sizes; drawing them from the one SVG keeps them from drifting apart. Qt's own SVG renderer is
used so no extra tool is needed (the project already depends on PySide6), and the PNGs are
committed so installing never needs Qt's SVG module or a display.

    .venv/bin/python packaging/make_icons.py          rewrite packaging/icons/quotebook-*.png
    .venv/bin/python packaging/make_icons.py --check  exit 1 if a PNG is missing or stale
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "gui" / "quotebook" / "assets" / "icons" / "quotebook.svg"
OUT = ROOT / "packaging" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Per-channel difference allowed by --check: renderer updates move anti-aliasing a little.
TOLERANCE = 8


def png_path(size: int, out: Path = OUT) -> Path:
    return out / f"quotebook-{size}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent square image of `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter)
    painter.end()
    return image


def differs(a: QImage, b: QImage, tolerance: int = TOLERANCE) -> bool:
    """Whether two images differ in size or by more than `tolerance` in any channel."""
    if a.size() != b.size():
        return True
    fmt = QImage.Format.Format_ARGB32
    x = bytes(a.convertToFormat(fmt).constBits())
    y = bytes(b.convertToFormat(fmt).constBits())
    return any(abs(p - q) > tolerance for p, q in zip(x, y, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    stale = []
    for size in SIZES:
        image = render(args.svg, size)
        target = png_path(size, args.out)
        if args.check:
            if not target.exists() or differs(image, QImage(str(target))):
                stale.append(target.name)
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), b"PNG"):
            raise SystemExit(f"could not write {target}")
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    del app
    if stale:
        print(f"stale or missing: {', '.join(stale)}; run {Path(__file__).name}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
