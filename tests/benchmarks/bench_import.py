"""Import speed: 10,000 news articles of about 5 KB, as files on disk, into a fresh library.

Target: `import_files` on the folder takes at most 2 × the floor. The floor, measured in the same
run, is a raw ``sqlite3.executemany`` of the very rows the import stores (built in memory
beforehand) into the same table of a fresh library, in one transaction, with the same pragmas.
Both pay for the full-text index when the schema has one (the triggers of migration 3 keep it),
so the ratio shows what the import itself adds: finding and reading 10,000 files, decoding and
checking them, hashing, de-duplication and per-file error handling.

The articles are made up from the seed vocabulary, drawn with the seeds' word frequencies.

    python tests/benchmarks/bench_import.py [--articles N] [--runs N]
"""

from __future__ import annotations

import argparse
import collections
import itertools
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from quotebook.domain import DocumentMeta
from quotebook.services.importing import import_files
from quotebook.store import Library, text_sha256
from quotebook.store.migrations import MIGRATIONS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = 10_000
ARTICLE_CHARS = 5_000
TARGET = 2.0
META_COLUMNS = list(DocumentMeta._fields)


def vocabulary() -> tuple[list[str], list[int]]:
    """The seeds' words and their cumulative counts (drawing with these is cheap)."""
    words: collections.Counter[str] = collections.Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", path.read_text(encoding="utf-8")))
    return list(words), list(itertools.accumulate(words.values()))


def article(rng: random.Random, words: list[str], cumulative: list[int]) -> str:
    def draw(k: int) -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=k))

    title = draw(rng.randint(5, 10)).capitalize()
    paragraphs, size = [title], len(title)
    while size < ARTICLE_CHARS:
        sentences = [
            draw(rng.randint(8, 24)).capitalize() + rng.choice(".....?!")
            for _ in range(rng.randint(2, 6))
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, seed: int = 11) -> list[Path]:
    words, cumulative = vocabulary()
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = folder / f"{n // 1000:02d}" / f"article-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(rng, words, cumulative), encoding="utf-8")
        paths.append(path)
    return paths


def rows_for(paths: list[Path]) -> list[tuple[object, ...]]:
    """The rows the import will store, built before the clock starts."""
    rows = []
    stamp = "2024-01-01T00:00:00Z"
    for position, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        meta = DocumentMeta(
            title=text.split("\n", 1)[0], original_format="txt", source_path=str(path.resolve())
        )
        values = [getattr(meta, c) for c in META_COLUMNS]
        rows.append((None, position, *values, text, text_sha256(text), stamp))
    return rows


def floor(library_path: Path, rows: list[tuple[object, ...]]) -> float:
    Library(library_path).close()  # the current schema, with its indexes and triggers
    conn = sqlite3.connect(library_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    marks = ", ".join("?" * (len(META_COLUMNS) + 5))
    sql = (
        f"INSERT INTO documents (folder_id, position, {', '.join(META_COLUMNS)}, text, sha256, "
        f"imported_at) VALUES ({marks})"
    )
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(sql, rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def ours(library_path: Path, folder: Path, count: int) -> float:
    library = Library(library_path)
    try:
        started = time.perf_counter()
        results = import_files(library, [folder])
        elapsed = time.perf_counter() - started
        imported = sum(r.status == "imported" for r in results)
        if imported != count:
            failed = [r for r in results if r.status != "imported"][:3]
            raise SystemExit(f"expected {count} imported, got {imported}: {failed}")
        assert library.documents.count() == count
    finally:
        library.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    fts = 3 in MIGRATIONS
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "articles"
        started = time.perf_counter()
        paths = write_articles(source, args.articles)
        rows = rows_for(paths)
        size = sum(len(str(r[-3])) for r in rows)
        print(
            f"{args.articles:,} articles, {size / args.articles / 1000:.1f} K characters each, "
            f"made in {time.perf_counter() - started:.1f} s; full-text index: "
            f"{'maintained' if fts else 'not in this schema'}"
        )
        floors, imports = [], []
        for run in range(args.runs):  # alternate, so that drift in the machine hits both
            floors.append(floor(root / f"floor-{run}.sqlite", rows))
            imports.append(ours(root / f"import-{run}.sqlite", source, args.articles))
            print(f"  run {run + 1}: executemany {floors[-1]:.2f} s, import {imports[-1]:.2f} s")
    base, mine = statistics.median(floors), statistics.median(imports)
    ratio = mine / base
    verdict = "ok" if ratio <= TARGET else "TOO SLOW"
    print(f"raw executemany (floor): {base:.2f} s (median of {args.runs})")
    print(f"import_files:            {mine:.2f} s ({args.articles / mine:,.0f} files/s)")
    print(f"ratio: {ratio:.2f} × (target ≤ {TARGET:.1f} ×) {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
