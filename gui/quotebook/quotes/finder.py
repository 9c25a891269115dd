"""`find_quotes`: one document's text in, its quotations, speakers and turns out.

The steps, each in its own module: pair the quotation marks (`marks`), blank the quotes out of
a copy of the text and find its sentences (`text`), collect the people it names (`names`), read
transcript turns (`transcript`), then for each quotation find its speaker (`attribution`) and
its kind (`kinds`).

Which marks quote is decided per document. News in English quotes with double marks and uses
single ones inside quotes and in headlines; British style is the other way round. The family
with more top-level quotes is taken as the document's own, and spans in the other family become
`asides` rather than quotes.
"""

from __future__ import annotations

from collections import Counter

from quotebook.quotes.attribution import NOBODY, Attribution, Attributor
from quotebook.quotes.kinds import classify, is_embedded, normalised
from quotebook.quotes.languages import DOUBLE, SINGLE, get_language
from quotebook.quotes.marks import MarkedSpan, pair_marks
from quotebook.quotes.model import DIRECT, PARTIAL, SCARE, FoundQuote, Kind, QuoteScan
from quotebook.quotes.names import NameBook
from quotebook.quotes.text import Document
from quotebook.quotes.transcript import find_turns

_TERM_WORDS = 4  # a phrase this short quoted twice or more is a term, not a quotation
_SPLIT_GAP = 80  # most characters of attribution between the two halves of a split quote


def find_quotes(text: str, language: str = "en") -> QuoteScan:
    """Find the quotations and transcript turns in `text`.

    `language` is a BCP 47 tag ("en", "en-GB", "ru"); it picks the reporting verbs, pronouns and
    labels (see `quotebook.quotes.languages`). Offsets in the result are code-point offsets into
    `text`. The scan is deterministic and needs no network or model files.
    """
    lang = get_language(language)
    spans = pair_marks(text)
    family = _own_family(spans)
    quoted = [s for s in spans if s.depth == 0 and s.family == family]
    others = [s for s in spans if not (s.depth == 0 and s.family == family)]
    doc = Document(text, spans, lang)
    names = NameBook(doc.masked, lang, doc.sentence_start, text)
    turns = find_turns(doc, names)
    attributor = Attributor(doc, names, turns)
    counts = Counter(normalised(text[s.start : s.end]) for s in quoted)
    quotes: list[FoundQuote] = []
    previous: MarkedSpan | None = None
    for span in quoted:
        words = normalised(text[span.start : span.end])
        # a question or an exclamation asked twice is still someone's words, not a term
        asked = text[span.start : span.end].rstrip()[-1:] in "?!"
        repeated = counts[words] > 1 and len(words.split()) <= _TERM_WORDS and not asked
        found = attributor.attribute(span, embedded=is_embedded(doc, span))
        kind = classify(doc, span, found, repeated=repeated)
        if kind == PARTIAL and quotes and _continues(doc, previous, span, quotes[-1]):
            kind = DIRECT
        quotes.append(_quote(text, span, kind, found))
        previous = span
    asides = [_aside(doc, span) for span in others]
    return QuoteScan(tuple(quotes), turns, tuple(asides), lang.code)


def _continues(
    doc: Document, previous: MarkedSpan | None, span: MarkedSpan, before: FoundQuote
) -> bool:
    """`“First half,” she said, “second half.”`: the second part of a direct quote split by its
    attribution is direct too, however short: only the attribution stands between the two."""
    if previous is None or before.kind != DIRECT or not previous.closed:
        return False
    if not before.text.rstrip().endswith(","):
        return False
    between = doc.text[previous.close_at + 1 : span.open_at]
    return (
        len(between) <= _SPLIT_GAP
        and between.rstrip().endswith(",")
        and not any(c in between for c in ".!?\n")
        and doc.sentence_start(previous.open_at) == doc.sentence_start(span.open_at)
    )


def _own_family(spans: list[MarkedSpan]) -> str:
    tally = Counter(s.family for s in spans if s.depth == 0 and s.closed)
    return SINGLE if tally[SINGLE] > tally[DOUBLE] else DOUBLE


def _quote(text: str, span: MarkedSpan, kind: Kind, found: Attribution) -> FoundQuote:
    speaker = found.speaker if kind != SCARE else None
    return FoundQuote(
        span.start,
        span.end,
        text[span.start : span.end],
        kind,
        speaker,
        _confidence(kind, speaker, found, span),
        found.cue if speaker else "",
    )


def _aside(doc: Document, span: MarkedSpan) -> FoundQuote:
    kind = SCARE if span.depth > 0 else classify(doc, span, NOBODY, repeated=False)
    return FoundQuote(
        span.start,
        span.end,
        doc.text[span.start : span.end],
        kind,
        None,
        0.4 if span.depth else 0.5,
    )


def _confidence(kind: Kind, speaker: str | None, found: Attribution, span: MarkedSpan) -> float:
    """How sure the finder is: the attribution's strength, lowered for doubtful marks."""
    if kind == DIRECT:
        score = 0.55 + 0.4 * found.strength if speaker else 0.5
    elif kind == PARTIAL:
        score = 0.5 + 0.4 * found.strength if speaker else 0.4
    else:
        score = 0.7
    if not span.matched:
        score *= 0.9
    if not span.closed:
        score *= 0.6
    return round(min(score, 0.99), 2)


__all__ = ["DIRECT", "PARTIAL", "SCARE", "find_quotes"]
