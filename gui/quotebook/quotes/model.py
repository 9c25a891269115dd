"""The values the quote finder hands out: found quotes, transcript turns and a document's scan.

They are frozen and plain so the GUI panel, the CLI's `--json` and the tests can share them
without knowing how they were found. Offsets are code-point offsets into the text that was
scanned; a quote's `start`/`end` exclude its quotation marks and `text == document[start:end]`,
so a caller can store the text beside the offsets and notice drift later.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

Kind = Literal["direct", "partial", "scare"]
DIRECT: Kind = "direct"
PARTIAL: Kind = "partial"
SCARE: Kind = "scare"
KINDS: tuple[Kind, ...] = (DIRECT, PARTIAL, SCARE)


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """One quotation in a document.

    `kind`: "direct" (a full statement in marks), "partial" (a fragment of someone's words inside
    the reporter's sentence) or "scare" (marks around a phrase that is nobody's statement: a
    label, a title, irony). `speaker` is the display name of who said it (the fullest form of the
    name seen), or None when unknown and always None for scare quotes. `confidence` (0…1) is how
    sure the finder is of kind and speaker together. `cue` says how the speaker was found:
    "after" (`“…,” said X`), "before" (`X said … “…”`), "according", "as" (`as X put it`),
    "colon", "inherited" (from the sentence or paragraph before) or "" (not found).

    A quote that runs over paragraphs is one `FoundQuote`; its text keeps the paragraph breaks
    and the repeated opening marks between them, so that it is still the document's own slice.
    """

    start: int
    end: int
    text: str
    kind: Kind
    speaker: str | None
    confidence: float
    cue: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI prints: start, end, text, kind, speaker, confidence."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker turn of an interview or briefing transcript ("Question: …", "Name: …").

    `start` is where the turn's words begin (after the label, its colon and spaces) and `end`
    where they stop (before the next label or the end of the interview). `label` is as written;
    `speaker` is who speaks: the named person, or for "Question"-style labels the interviewer
    named in the interview's header ("… interview with Rossiyskaya Gazeta"), or None.
    """

    start: int
    end: int
    label: str
    speaker: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "speaker": self.speaker}


@dataclass(frozen=True, slots=True)
class QuoteScan:
    """Everything the finder found in one document.

    `quotes` are the quotations proper, in reading order. `asides` are spans in secondary marks
    that are not quotations of their own: a quote inside a quote (`“… 'discuss security' …”`),
    or, in a document that quotes with double marks, a phrase in single marks outside any quote
    (headline style, `Russia expresses ‘disappointment’`). They are kept for callers that want to
    show them, and are never counted as quotes.
    """

    quotes: tuple[FoundQuote, ...]
    turns: tuple[Turn, ...] = ()
    asides: tuple[FoundQuote, ...] = ()
    language: str = "en"

    def speakers(self) -> Counter[str]:
        """How many quotes and turns each named speaker has in this document."""
        counts: Counter[str] = Counter()
        for quote in self.quotes:
            if quote.speaker:
                counts[quote.speaker] += 1
        for turn in self.turns:
            if turn.speaker:
                counts[turn.speaker] += 1
        return counts

    def renamed(self, rename: Callable[[str], str]) -> QuoteScan:
        """A copy with every speaker passed through `rename` (for library-wide names)."""
        return replace(
            self,
            quotes=tuple(
                replace(q, speaker=rename(q.speaker)) if q.speaker else q for q in self.quotes
            ),
            turns=tuple(
                replace(t, speaker=rename(t.speaker)) if t.speaker else t for t in self.turns
            ),
        )

    def as_dict(self) -> dict[str, Any]:
        """The per-document JSON shape of the CLI, without the document id."""
        return {
            "quotes": [q.as_dict() for q in self.quotes],
            "turns": [t.as_dict() for t in self.turns],
        }
