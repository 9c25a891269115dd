"""How fast the quote finder is, beside a floor measured in the same run.

Run: `.venv/bin/python tests/benchmarks/bench_quotes.py`

Two figures, each with its target:

* the whole seed library (every `seeds/*.txt`), target under 50 ms;
* a 1 MB article, target under 1 s. It is built from the seed documents' paragraphs, repeated
  until it reaches 1,000,000 characters, so it has real quotes, names and transcript turns.

The floor is the least any finder must do: one `re.finditer` over the same text that pairs
double quotation marks, with no speakers, kinds or turns. The ratio says what the rest costs.
Each time is the best of several runs, so a busy machine shows less noise.

Then hostile megabytes, which no article looks like but a file may: nothing but quotation
marks, capitalised words, transcript labels, initials, attributed quotes one after another.
Their cost must stay bounded: linear in the text, no regular expression that backtracks
without end. Each is timed at 250 KB and at 1 MB; the growth between them should be about 4
(linear), and the run fails past 8 or past a 20 s ceiling. The 1 MB time is printed beside the
same floor.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "gui"))

from quotebook.quotes import find_quotes  # noqa: E402

SEED_TARGET = 0.050
ARTICLE_TARGET = 1.0
ARTICLE_SIZE = 1_000_000
HOSTILE_CEILING = 20.0
HOSTILE_GROWTH = 8.0  # 250 KB -> 1 MB; linear is 4
HOSTILE = {
    "quotation marks": "“”\"'‘’«»„",
    "straight double marks": '"',
    "capitalised words": "Anna Berg Said Moscow ",
    "transcript labels": "MR. PRICE: Yes.\n\n",
    "labels on their own lines": "ANNA REED:\n\n",
    "time-coded labels": "Tom Hale (00:04):\n\nYes.\n\n",
    "long capitals labels": "SECRETARY OF THE NAVY CARL T. WEBB III: ",
    "attribution inside marks": "«Да, — сказал министр. — Нет, — сказал он. — Да».\n",
    "initials": "T.J. ",
    "attributed quotes": '"Yes," said Anna Berg. ',
    "dash attributions": '"Hi." — Anna Berg\n',
    "unclosed quotes": 'He was "out\n\n',
}
HOSTILE_LANGUAGE = {"attribution inside marks": "ru"}  # the rest are read as English


def _made_up_name(i: int) -> str:
    """A different made-up word for every `i` ("Qa", "Qb", … "Qba", …)."""
    letters = ""
    while True:
        letters += "abcdefghijklmnopqrstuvwxyz"[i % 26]
        i //= 26
        if not i:
            return "Q" + letters


def many_people(size: int) -> str:
    """Thousands of different people, each introduced once, then labelled by given name in a
    transcript turn and quoted in a paragraph of their own: every person the finder meets is
    new, so what it learns of each must not be read again for the next."""
    out: list[str] = []
    length = i = 0
    while length < size:
        name = _made_up_name(i)
        block = (
            f"{name.capitalize()} Zed{name} spoke.\n\n{name.upper()}: Hello.\n\n"
            f"{name.upper()}: Again.\n\nMs. Zed{name} did not agree.\n\n“Once more.”\n\n"
        )
        out.append(block)
        length += len(block)
        i += 1
    return "".join(out)[:size]


HOSTILE_MADE = {"many different people": many_people}  # built for their size, not repeated
_PAIRED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“”\n]*[“”]")


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def floor(texts: list[str]) -> int:
    return sum(1 for text in texts for _ in _PAIRED.finditer(text))


def article(texts: list[str]) -> str:
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    size = 0
    while size < ARTICLE_SIZE:
        for paragraph in paragraphs:
            out.append(paragraph)
            size += len(paragraph) + 2
            if size >= ARTICLE_SIZE:
                break
    return "\n\n".join(out)[:ARTICLE_SIZE]


def line(label: str, seconds: float, floor_seconds: float, target: float) -> str:
    verdict = "ok" if seconds < target else "TOO SLOW"
    return (
        f"{label:<28} {seconds * 1000:9.1f} ms   floor {floor_seconds * 1000:7.2f} ms   "
        f"x{seconds / floor_seconds:7.1f}   target < {target * 1000:.0f} ms: {verdict}"
    )


def main() -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    find_quotes(texts[0])  # compile the language's patterns once, as an app would at start
    seeds = best_of(20, lambda: [find_quotes(t) for t in texts])
    seeds_floor = best_of(20, lambda: floor(texts))
    big = article(texts)
    big_time = best_of(3, lambda: find_quotes(big))
    big_floor = best_of(3, lambda: floor([big]))
    scan = find_quotes(big)
    print(f"seed library: {len(texts)} documents, {sum(map(len, texts)):,} characters")
    print(line("whole seed library", seeds, seeds_floor, SEED_TARGET))
    print(
        f"1 MB article: {len(big):,} characters, {len(scan.quotes)} quotes, {len(scan.turns)} turns"
    )
    print(line("1 MB article", big_time, big_floor, ARTICLE_TARGET))
    ok = seeds < SEED_TARGET and big_time < ARTICLE_TARGET
    print("hostile 1 MB inputs (bounded cost; growth = time at 1 MB / time at 250 KB):")
    inputs = [
        (name, (unit * (ARTICLE_SIZE // len(unit) + 1))[:ARTICLE_SIZE])
        for name, unit in HOSTILE.items()
    ]
    inputs += [(name, make(ARTICLE_SIZE)) for name, make in HOSTILE_MADE.items()]
    for name, text in inputs:
        quarter = text[: ARTICLE_SIZE // 4]
        lang = HOSTILE_LANGUAGE.get(name, "en")
        small = best_of(2, lambda quarter=quarter, lang=lang: find_quotes(quarter, lang))
        seconds = best_of(1, lambda text=text, lang=lang: find_quotes(text, lang))
        floor_seconds = best_of(3, lambda text=text: floor([text]))
        growth = seconds / small
        print(
            line(f"  {name}", seconds, floor_seconds, HOSTILE_CEILING) + f"   growth {growth:.1f}"
        )
        ok = ok and seconds < HOSTILE_CEILING and growth < HOSTILE_GROWTH
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
