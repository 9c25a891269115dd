"""Search latency on a library of 10,000 news articles of about 5 KB.

The articles are made up from the seed vocabulary, drawn with the seeds' own word frequencies so
that common words are common and rare ones rare. The library also carries folders, outlets,
dates and 5,000 tagged annotations, so filtered searches have something to filter.

Targets: `Library.search` answers in under 50 ms (median) and 150 ms (p95) over a varied set of
queries. The floor, measured in the same run on the same file, is a bare FTS5 ``MATCH … ORDER BY
rank LIMIT`` through `sqlite3` for the same expressions: what SQLite needs before any snippet,
offset or filter. A short first part times ten 1 MB texts, whose snippets and offsets are found
in Python, against what FTS5's own snippet and highlight functions take for them.

    python tests/benchmarks/bench_search.py                      # build in a temp dir, measure
    python tests/benchmarks/bench_search.py --make-library big.sqlite   # build and keep it
    python tests/benchmarks/bench_search.py --library big.sqlite        # measure a kept one
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from quotebook.domain import DocumentMeta, NewDocument
from quotebook.search.query import SearchFilters, to_fts_query
from quotebook.store import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = 10_000
ARTICLE_CHARS = 5_000
ANNOTATIONS = 5_000
RUNS = 5
LIMIT = 100
OUTLETS = ["TASS", "RIA Novosti", "NV", "Reuters", "BBC", "Kommersant", "Meduza", "DW", "AP"]
TAGS = ["speaker/Lukashevich", "speaker/Lavrov", "topic/security", "topic/dialogue", "claim"]
COLORS = ["yellow", "green", "blue", "pink", "orange"]


def vocabulary() -> collections.Counter[str]:
    words: collections.Counter[str] = collections.Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        words.update(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", path.read_text(encoding="utf-8")))
    return words


def article(
    rng: random.Random, words: list[str], weights: list[int], chars: int = ARTICLE_CHARS
) -> tuple[str, str]:
    title = " ".join(rng.choices(words, weights, k=rng.randint(5, 10))).capitalize()
    paragraphs, size = [title], len(title)
    while size < chars:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            sentence = " ".join(rng.choices(words, weights, k=rng.randint(8, 24)))
            sentences.append(sentence.capitalize() + rng.choice(".....?!"))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return title, "\n\n".join(paragraphs)


def make_library(
    path: Path, seed: int = 7, *, articles: int = ARTICLES, article_chars: int = ARTICLE_CHARS
) -> float:
    """Build the big library in one transaction; returns the seconds it took."""
    counts = vocabulary()
    words, weights = list(counts), list(counts.values())
    rng = random.Random(seed)
    started = time.perf_counter()
    Library(path).close()  # the current schema, with its indexes and triggers
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO folders (id, name, position) VALUES (?, ?, ?)",
        [(n, f"Folder {n}", n) for n in range(1, 21)],
    )
    rows = []
    for n in range(1, articles + 1):
        title, text = article(rng, words, weights, article_chars)
        published = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append((n, rng.randint(1, 20), n, title, rng.choice(OUTLETS), published, text))
    conn.executemany(
        """INSERT INTO documents (id, folder_id, position, title, outlet, published, text, sha256,
               imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '2025-01-01T00:00:00Z')""",
        rows,
    )
    conn.executemany("INSERT INTO tags (id, name) VALUES (?, ?)", list(enumerate(TAGS, 1)))
    for n in range(1, ANNOTATIONS + 1):
        doc_id = rng.randint(1, articles)
        text = rows[doc_id - 1][6]
        start = rng.randrange(0, len(text) - 200)
        end = start + rng.randint(20, 180)
        note = " ".join(rng.choices(words, weights, k=rng.randint(0, 12)))
        conn.execute(
            """INSERT INTO annotations (id, document_id, start, "end", quote, color, note,
                   created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '')""",
            (n, doc_id, start, end, text[start:end], rng.choice(COLORS), note),
        )
        for tag_id in rng.sample(range(1, len(TAGS) + 1), rng.randint(0, 2)):
            conn.execute("INSERT INTO annotation_tags VALUES (?, ?)", (n, tag_id))
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")
    conn.close()
    return time.perf_counter() - started


def queries(counts: collections.Counter[str]) -> list[tuple[str, SearchFilters]]:
    """Common, middling and rare words, phrases, prefixes, booleans, filters and odd input."""
    ranked = [w.lower() for w, _ in counts.most_common() if len(w) > 3]
    common, middling, rare = ranked[:10], ranked[150:160], ranked[-10:]
    none = SearchFilters()
    plain = [(w, none) for w in common[:4] + middling[:4] + rare[:4]]
    return [
        *plain,
        (f"{common[0]} {middling[0]}", none),
        (f'"{common[1]} {common[2]}"', none),
        (f"{common[3][:3]}*", none),
        (f"{middling[1][:4]}*", none),
        (f"{middling[2]} OR {rare[0]}", none),
        (f"{common[4]} -{middling[3]}", none),
        (f'"{middling[4]}', none),  # a stray quote
        ("lukashevich", none),
        (common[5], SearchFilters(outlet="TASS")),
        (common[6], SearchFilters(folder_id=3)),
        (middling[5], SearchFilters(date_from="2020-01-01", date_to="2020-12-31")),
        (common[7], SearchFilters(tag="speaker")),
        (middling[6], SearchFilters(color="pink")),
        (common[8], SearchFilters(kinds=frozenset({"annotation"}))),
    ]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(path: Path) -> bool:
    cases = queries(vocabulary())
    library = Library(path)
    floor_conn = sqlite3.connect(path)
    ours: list[float] = []
    floor: list[float] = []
    slowest: list[tuple[float, str]] = []
    try:
        for text, filters in cases:
            library.search.search(text, filters, limit=LIMIT)  # warm the page cache
            expression = to_fts_query(text)
            for _ in range(RUNS):
                started = time.perf_counter()
                library.search.search(text, filters, limit=LIMIT)
                ours.append(time.perf_counter() - started)
                slowest.append((ours[-1], text))
                started = time.perf_counter()
                floor_conn.execute(
                    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                    "ORDER BY rank LIMIT ?",
                    [expression, LIMIT],
                ).fetchall()
                floor.append(time.perf_counter() - started)
    finally:
        library.close()
        floor_conn.close()
    median, p95 = statistics.median(ours), percentile(ours, 0.95)
    floor_median = statistics.median(floor)
    print(f"{len(cases)} queries x {RUNS} runs, limit {LIMIT}")
    print(f"Library.search   median {median * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms")
    print(f"raw FTS5 (floor) median {floor_median * 1000:6.1f} ms")
    print(f"ratio (median): {median / floor_median:.2f}x")
    print("slowest:", ", ".join(f"{q!r} {t * 1000:.0f} ms" for t, q in sorted(slowest)[-3:]))
    ok = median < 0.050 and p95 < 0.150
    print(f"targets median < 50 ms, p95 < 150 ms: {'met' if ok else 'MISSED'}")
    return ok


def measure_long_texts(folder: Path) -> None:
    """Ten 1 MB texts: snippets and offsets come from `TermMatcher`, not FTS5 (for information).

    The comparison is FTS5's own `snippet()` and `highlight()` over the same hits.
    """
    counts = vocabulary()
    words, weights = list(counts), list(counts.values())
    rng = random.Random(11)
    path = folder / "long.sqlite"
    with Library(path) as library:
        for n in range(10):
            text = " ".join(rng.choices(words, weights, k=170_000))
            library.documents.add(NewDocument(DocumentMeta(f"Long text {n}"), text))
        ranked = [w.lower() for w, _ in counts.most_common() if len(w) > 3]
        cases = [ranked[0], ranked[50], f'"{ranked[1]} {ranked[2]}"', f"{ranked[60][:4]}*"]
        ours, theirs = [], []
        conn = sqlite3.connect(path)
        for text in cases:
            for _ in range(3):
                started = time.perf_counter()
                library.search.search(text, limit=LIMIT)
                ours.append(time.perf_counter() - started)
                started = time.perf_counter()
                conn.execute(
                    "SELECT snippet(documents_fts, -1, '[', ']', '…', 16), "
                    "highlight(documents_fts, 1, '[', ']') FROM documents_fts "
                    "WHERE documents_fts MATCH ?",
                    [to_fts_query(text)],
                ).fetchall()
                theirs.append(time.perf_counter() - started)
        conn.close()
    print(
        f"10 texts of 1 MB: Library.search median {statistics.median(ours) * 1000:.0f} ms; "
        f"FTS5 snippet+highlight alone {statistics.median(theirs) * 1000:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--make-library", type=Path, metavar="PATH", help="build and keep")
    group.add_argument("--library", type=Path, metavar="PATH", help="measure an existing one")
    args = parser.parse_args()
    if args.library:
        return 0 if measure(args.library) else 1
    with tempfile.TemporaryDirectory() as tmp:
        measure_long_texts(Path(tmp))
        path = args.make_library or Path(tmp) / "big.sqlite"
        if path.exists():
            parser.error(f"{path} exists already")
        seconds = make_library(path)
        size = path.stat().st_size / 1e6
        print(
            f"built {ARTICLES} articles, {ANNOTATIONS} annotations: {seconds:.1f} s, {size:.0f} MB"
        )
        return 0 if measure(path) else 1


if __name__ == "__main__":
    sys.exit(main())
