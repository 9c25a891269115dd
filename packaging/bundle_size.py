"""What a built bundle weighs, and where the weight is: its total and its largest files.

`packaging/build` prints this after every build so that a change in size shows at once, with the
files that caused it. Sizes are the files' own lengths (what an archive or a download of the
bundle holds); the space taken on disk, rounded up to whole blocks per file, is given beside it.

    python packaging/bundle_size.py dist/quotebook [--top 10]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import NamedTuple

MB = 2**20


class Item(NamedTuple):
    path: str  # relative to the bundle, with forward slashes
    size: int


class Summary(NamedTuple):
    files: int
    size: int
    on_disk: int
    largest: list[Item]


def measure(target: Path, top: int = 10) -> Summary:
    """Every regular file under `target` (or `target` itself, for a one-file build).

    Symbolic links are not counted: PyInstaller links Qt's libraries from `_internal/` into the
    package folder, and the link costs nothing.
    """
    if target.is_file():
        paths = [target]
        root = target.parent
    else:
        paths = [target, *(p for p in target.rglob("*") if not p.is_symlink())]
        root = target
    items = []
    on_disk = 0
    for path in paths:
        stat = path.stat()
        # st_blocks counts 512-byte units where the system reports it (not on Windows). Folders
        # take space too, as `du` counts them.
        on_disk += getattr(stat, "st_blocks", 0) * 512 or stat.st_size
        if path.is_file():
            items.append(Item(path.relative_to(root).as_posix(), stat.st_size))
    items.sort(key=lambda item: (-item.size, item.path))
    return Summary(len(items), sum(item.size for item in items), on_disk, items[:top])


def report(summary: Summary) -> str:
    lines = [
        f"size: {summary.size / MB:.1f} MB in {summary.files} files "
        f"({summary.on_disk / MB:.1f} MB on disk)",
        f"largest {len(summary.largest)}:",
    ]
    lines += [f"  {item.size / MB:7.2f} MB  {item.path}" for item in summary.largest]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="the bundle's folder or one-file executable")
    parser.add_argument("--top", type=int, default=10, help="how many of the largest files")
    args = parser.parse_args(argv)
    if not os.path.exists(args.target):
        parser.error(f"{args.target} does not exist")
    print(report(measure(args.target, args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
