"""Score the finder against the hand-labelled seed documents (`seeds/quotes.gold.json`).

Run with `-s` to see the scores. Matching rules:

* a quote is found when its start and end (marks excluded) are exactly the gold ones;
* kind and speaker accuracies count every gold quote, so a missed quote counts as wrong;
* speakers are compared after `clean_speaker` (titles, possessives, "the" dropped) and case
  folding. The gold uses the fullest name ("Alexander Lukashevich"); a finder that says
  "Lukashevich" names the same person, so a name that drops given names (or abbreviates them,
  "A. Lukashevich") still matches, as long as the surname is the same and the given names it
  does give agree. The strict score, exact display names, is printed beside it;
* a turn is found when its start, label and speaker all match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from quote_helpers import same_speaker

from quotebook.quotes import QuoteScan, find_quotes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOLD = json.loads((SEEDS / "quotes.gold.json").read_text(encoding="utf-8"))


@dataclass
class Scores:
    span_p: float
    span_r: float
    span_f1: float
    kind_acc: float
    speaker_acc: float
    speaker_strict: float
    turn_p: float
    turn_r: float
    turn_f1: float

    def report(self) -> str:
        return (
            f"quote spans  P={self.span_p:.3f} R={self.span_r:.3f} F1={self.span_f1:.3f}\n"
            f"kind accuracy {self.kind_acc:.3f}\n"
            f"speaker accuracy (direct+partial) {self.speaker_acc:.3f} "
            f"(exact display names {self.speaker_strict:.3f})\n"
            f"turns        P={self.turn_p:.3f} R={self.turn_r:.3f} F1={self.turn_f1:.3f}"
        )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(scans: dict[str, QuoteScan]) -> Scores:
    found_spans = gold_spans = hit_spans = 0
    kinds_right = speakers_right = speakers_exact = speaker_total = 0
    found_turns = gold_turns = hit_turns = 0
    for name, gold in GOLD["documents"].items():
        scan = scans[name]
        by_span = {(q.start, q.end): q for q in scan.quotes}
        found_spans += len(scan.quotes)
        gold_spans += len(gold["quotes"])
        for g in gold["quotes"]:
            q = by_span.get((g["start"], g["end"]))
            hit_spans += q is not None
            kinds_right += q is not None and q.kind == g["kind"]
            if g["kind"] in ("direct", "partial"):
                speaker_total += 1
                speakers_right += q is not None and same_speaker(g["speaker"], q.speaker)
                speakers_exact += q is not None and q.speaker == g["speaker"]
        by_start = {t.start: t for t in scan.turns}
        found_turns += len(scan.turns)
        gold_turns += len(gold["turns"])
        for g in gold["turns"]:
            t = by_start.get(g["start"])
            hit_turns += (
                t is not None and t.label == g["label"] and same_speaker(g["speaker"], t.speaker)
            )
    span_p, span_r = hit_spans / max(found_spans, 1), hit_spans / max(gold_spans, 1)
    turn_p, turn_r = hit_turns / max(found_turns, 1), hit_turns / max(gold_turns, 1)
    return Scores(
        span_p,
        span_r,
        _f1(span_p, span_r),
        kinds_right / max(gold_spans, 1),
        speakers_right / max(speaker_total, 1),
        speakers_exact / max(speaker_total, 1),
        turn_p,
        turn_r,
        _f1(turn_p, turn_r),
    )


@pytest.fixture(scope="module")
def scans() -> dict[str, QuoteScan]:
    return {
        name: find_quotes((SEEDS / name).read_text(encoding="utf-8")) for name in GOLD["documents"]
    }


def test_gold_offsets_fit_the_seed_texts() -> None:
    for name, gold in GOLD["documents"].items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        for g in gold["quotes"]:
            assert text[g["start"] : g["end"]] == g["text"]
        for g in gold["turns"]:
            assert text[g["start"] :].startswith(g["starts"])


def test_finder_scores_against_gold(scans: dict[str, QuoteScan]) -> None:
    scores = score(scans)
    print("\n" + scores.report())
    # The seed gold is small and the finder gets all of it; anything less is a regression.
    assert scores.span_f1 == 1.0, scores.report()
    assert scores.kind_acc == 1.0, scores.report()
    assert scores.speaker_acc == 1.0, scores.report()
    assert scores.turn_f1 == 1.0, scores.report()


def test_same_speaker_rule() -> None:
    assert same_speaker("Alexander Lukashevich", "Lukashevich")
    assert same_speaker("Alexander Lukashevich", "A. Lukashevich")
    assert same_speaker("Michael Carpenter", "U.S. Ambassador Carpenter")
    assert not same_speaker("Alexander Lukashevich", "Sergey Lukashevich")
    assert not same_speaker("Alexander Lukashevich", "Alexander Grushko")
    assert not same_speaker("Alexander Lukashevich", None)
