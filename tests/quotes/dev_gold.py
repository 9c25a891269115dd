"""The development gold set in `tests/quotes/dev/`: loading it and scoring the finder on it.

The set is written for the finder's tests, in the house styles news is written in: wire copy
(`said Name, title`), newspapers of record (`Ms. Moore said`, `Rep. T.J. Halvorsen (D-N.Y.)`),
archives that quote with doubled apostrophes (`''…''`), tabloids (`"…" — Name, 41`), magazine
features, press-briefing and TV transcripts (`MS. LINDGREN:`, `QUESTION:`, `WHITFIELD:`),
Q/A interviews and Russian news (`«…», — сказал X`). People and events are made up.

It has three parts. `develop/` is what rules are checked against while they are written;
`heldout/` was written before the finder was changed and scored once at the end, to see
whether the rules carry over to text they were not written for. Its errors were then read and
turned into general rules, so it no longer measures that; `heldout2/` was written after those
rules and scored once, and is the measure now. Keeping a part apart is what makes its score
mean anything: read its errors only after a change is finished, then write a new part.

Each document is `name.txt` with `name.json` beside it:

* `language`: the tag passed to `find_quotes`;
* `quotes`, in reading order: `text` (the exact words between the marks, which is how the
  quote is found in the document; the search starts where the previous quote ended, or at `at`,
  a code-point offset, where it is given), `kind`,
  `speaker` (the person's full name, None for unnamed sources and scare quotes), `source` (how
  the document names the speaker where the quote is: "name", "pronoun", "role", "context" for
  a quote with no attribution of its own that continues someone's words, "unnamed", or None for
  scare quotes) and `open` for a quote whose closing mark never comes (it ends at its line);
* `turns`: `label` as written, `speaker` and `starts` (the first words of the turn).

Scores, as for the seed gold (`test_quote_gold.py`): a quote counts when its start and end are
exactly the gold ones; kind and speaker accuracy count every gold quote, so a missed quote is
wrong on both; speakers compare by surname and compatible given names (`same_speaker`). Speaker
accuracy is given per source: named sources, anaphoric ones (pronoun, role and context, which
all need someone named before) and unnamed ones (the right answer is no speaker).

Run `python tests/quotes/dev_gold.py [develop|heldout|all] [--errors]` for the figures.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __name__ == "__main__":  # run as a script: make the package and the helpers importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "gui"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_helpers import same_speaker

from quotebook.quotes import QuoteScan, find_quotes

DEV = Path(__file__).resolve().parent / "dev"
PARTS = ("develop", "heldout", "heldout2")
_MARK_CHARS = "\"“”„«»'‘’‚‹›`"
NAMED = ("name",)
ANAPHORIC = ("pronoun", "role", "context")
UNNAMED = ("unnamed",)


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    source: str | None


@dataclass(frozen=True)
class GoldTurn:
    start: int
    label: str
    speaker: str | None


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    language: str
    quotes: tuple[GoldQuote, ...]
    turns: tuple[GoldTurn, ...]


class GoldError(ValueError):
    """The gold does not fit its document."""


def _quote_offsets(text: str, entry: dict[str, object], pos: int, name: str) -> tuple[int, int]:
    words = str(entry["text"])
    at = entry.get("at")  # optional: where the words start, when they also occur earlier unquoted
    start = int(at) if isinstance(at, int) and text.startswith(words, at) else text.find(words, pos)
    if start < 0:
        raise GoldError(f"{name}: quote not found after {pos}: {words!r}")
    end = start + len(words)
    before = text[:start].rstrip(" \u00a0")
    if not before or before[-1] not in _MARK_CHARS:
        raise GoldError(f"{name}: no opening mark before {words!r}")
    after = text[end:].lstrip(" \u00a0")
    if entry.get("open"):
        if after[:1] not in ("", "\n"):
            raise GoldError(f"{name}: open quote does not end its line: {words!r}")
    elif not after or after[0] not in _MARK_CHARS:
        raise GoldError(f"{name}: no closing mark after {words!r}")
    return start, end


def _label_before(head: str, label: str) -> bool:
    """Does `head` end with the turn label `label`? Between them may come the label's colon, an
    aside in brackets on either side of it (`PEPE (BENEFICIARY):`, `Tom Hale (00:04):`,
    `Anna Reed: (00:22)`) and spaces or line breaks (`ANNA REED:` on a line of its own)."""
    head = head.rstrip()
    for _ in range(3):
        head = re.sub(r"\s*\([^()\n]*\)$", "", head).rstrip()
        head = head.removesuffix(":").rstrip()
    return head.endswith(label)


def load_document(path: Path) -> GoldDocument:
    """One gold document; raises `GoldError` when the gold does not fit the text."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    quotes: list[GoldQuote] = []
    pos = 0
    for entry in data["quotes"]:
        start, end = _quote_offsets(text, entry, pos, path.name)
        quotes.append(
            GoldQuote(start, end, entry["text"], entry["kind"], entry["speaker"], entry["source"])
        )
        pos = end
    turns: list[GoldTurn] = []
    pos = 0
    for entry in data["turns"]:
        start = text.find(entry["starts"], pos)
        if start < 0:
            raise GoldError(f"{path.name}: turn not found: {entry['starts']!r}")
        # the first words may also occur earlier inside another turn ("Thank you."): the
        # turn starts at the first occurrence that follows its label
        while start >= 0 and not _label_before(text[:start], entry["label"]):
            start = text.find(entry["starts"], start + 1)
        if start < 0:
            raise GoldError(f"{path.name}: no label {entry['label']!r} before {entry['starts']!r}")
        turns.append(GoldTurn(start, entry["label"], entry["speaker"]))
        pos = start + 1
    return GoldDocument(path.name, text, data["language"], tuple(quotes), tuple(turns))


def load_part(part: str) -> list[GoldDocument]:
    """Every document of one part ("develop", "heldout", "heldout2"), sorted by name; a path to
    a folder of `name.txt` + `name.json` pairs loads that folder instead, so a gold set kept
    outside the repository is scored the same way."""
    folder = DEV / part if part in PARTS else Path(part)
    if not folder.is_dir():
        raise GoldError(f"no such part or folder: {part}")
    return [load_document(p) for p in sorted(folder.glob("*.txt"))]


def style_of(name: str) -> str:
    """A document's house style, from its name: `en_wire_flood.txt` is `en_wire`."""
    return "_".join(name.split("_")[:2])


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.rate:.3f} ({self.right}/{self.total})"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DevScores:
    found_spans: int = 0
    gold_spans: int = 0
    hit_spans: int = 0
    kind: Tally = field(default_factory=Tally)
    named: Tally = field(default_factory=Tally)
    anaphoric: Tally = field(default_factory=Tally)
    unnamed: Tally = field(default_factory=Tally)
    found_turns: int = 0
    gold_turns: int = 0
    hit_turns: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def span_p(self) -> float:
        return self.hit_spans / self.found_spans if self.found_spans else 1.0

    @property
    def span_r(self) -> float:
        return self.hit_spans / self.gold_spans if self.gold_spans else 1.0

    @property
    def span_f1(self) -> float:
        return _f1(self.span_p, self.span_r)

    @property
    def speaker(self) -> Tally:
        return Tally(
            self.named.right + self.anaphoric.right + self.unnamed.right,
            self.named.total + self.anaphoric.total + self.unnamed.total,
        )

    @property
    def turn_p(self) -> float:
        return self.hit_turns / self.found_turns if self.found_turns else 1.0

    @property
    def turn_r(self) -> float:
        return self.hit_turns / self.gold_turns if self.gold_turns else 1.0

    @property
    def turn_f1(self) -> float:
        return _f1(self.turn_p, self.turn_r)

    def report(self) -> str:
        return (
            f"quote spans   P={self.span_p:.3f} R={self.span_r:.3f} F1={self.span_f1:.3f} "
            f"({self.hit_spans} of {self.gold_spans} gold, {self.found_spans} found)\n"
            f"kind accuracy {self.kind}\n"
            f"speakers      named {self.named}, pronoun/role/context {self.anaphoric}, "
            f"unnamed {self.unnamed}, all {self.speaker}\n"
            f"turns         P={self.turn_p:.3f} R={self.turn_r:.3f} F1={self.turn_f1:.3f} "
            f"({self.hit_turns} of {self.gold_turns} gold, {self.found_turns} found)"
        )


def score(docs: list[GoldDocument], scans: dict[str, QuoteScan] | None = None) -> DevScores:
    """Score `find_quotes` (or the given scans, by document name) on `docs`."""
    out = DevScores()
    for doc in docs:
        scan = scans[doc.name] if scans else find_quotes(doc.text, doc.language)
        _score_quotes(doc, scan, out)
        _score_turns(doc, scan, out)
    return out


def _score_quotes(doc: GoldDocument, scan: QuoteScan, out: DevScores) -> None:
    by_span = {(q.start, q.end): q for q in scan.quotes}
    gold_spans = {(g.start, g.end) for g in doc.quotes}
    out.found_spans += len(scan.quotes)
    out.gold_spans += len(doc.quotes)
    for q in scan.quotes:
        if (q.start, q.end) not in gold_spans:
            out.errors.append(f"{doc.name}: extra quote {q.text[:60]!r} ({q.kind})")
    for g in doc.quotes:
        q = by_span.get((g.start, g.end))
        out.hit_spans += q is not None
        if q is None:
            out.errors.append(f"{doc.name}: missed {g.text[:60]!r}")
        out.kind.add(q is not None and q.kind == g.kind)
        if q is not None and q.kind != g.kind:
            out.errors.append(f"{doc.name}: kind {q.kind} not {g.kind}: {g.text[:60]!r}")
        if g.kind == "scare":
            continue
        tally = (
            out.named
            if g.source in NAMED
            else out.anaphoric
            if g.source in ANAPHORIC
            else out.unnamed
        )
        ok = q is not None and same_speaker(g.speaker, q.speaker)
        tally.add(ok)
        if q is not None and not ok:
            out.errors.append(
                f"{doc.name}: speaker {q.speaker!r} not {g.speaker!r} ({g.source}): {g.text[:50]!r}"
            )


def _score_turns(doc: GoldDocument, scan: QuoteScan, out: DevScores) -> None:
    by_start = {t.start: t for t in scan.turns}
    gold_starts = {g.start for g in doc.turns}
    out.found_turns += len(scan.turns)
    out.gold_turns += len(doc.turns)
    for t in scan.turns:
        if t.start not in gold_starts:
            out.errors.append(f"{doc.name}: extra turn {t.label!r} at {t.start}")
    for g in doc.turns:
        t = by_start.get(g.start)
        ok = t is not None and t.label == g.label and same_speaker(g.speaker, t.speaker)
        out.hit_turns += ok
        if not ok:
            found = (t.label, t.speaker) if t else None
            out.errors.append(f"{doc.name}: turn {(g.label, g.speaker)} found as {found}")


def main(argv: list[str]) -> int:
    """`[develop|heldout|heldout2|all|FOLDER ...] [--errors] [--by-style]`."""
    parts = [a for a in argv if not a.startswith("-")] or ["develop"]
    chosen = PARTS if parts == ["all"] else tuple(parts)
    for part in chosen:
        docs = load_part(part)
        result = score(docs)
        print(f"== {part}\n{result.report()}")
        if "--by-style" in argv:
            for style in sorted({style_of(d.name) for d in docs}):
                some = score([d for d in docs if style_of(d.name) == style])
                print(f"-- {style}\n{some.report()}")
        if "--errors" in argv:
            print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
