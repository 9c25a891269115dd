"""Find quotations in news text, who said them, and the turns of interview transcripts.

Pure Python, no Qt: the GUI's Quotes panel and the `quotebook quotes` command both build on it.

    >>> from quotebook.quotes import find_quotes
    >>> scan = find_quotes("“We will not give up,” said Foreign Minister Anna Berg.")
    >>> [(q.text, q.kind, q.speaker) for q in scan.quotes]
    [('We will not give up,', 'direct', 'Anna Berg')]

`find_quotes(text, language)` returns a `QuoteScan`: `quotes` (`FoundQuote`: offsets without
the marks, text, kind "direct"/"partial"/"scare", speaker, confidence), `turns` (`Turn`: a
"Label: text" speaker turn) and `asides` (quotes inside quotes and other secondary-mark spans).
Across a library, `normalise_speakers(scans)` or a `SpeakerIndex` makes "Carpenter" and
"Ambassador Michael Carpenter" one speaker. Languages are `Language` profiles (English in
`lang_en`, Russian in `lang_ru`); `register_language` adds more.
"""

from __future__ import annotations

from quotebook.quotes.finder import find_quotes
from quotebook.quotes.languages import (
    Language,
    available_languages,
    get_language,
    register_language,
)
from quotebook.quotes.model import DIRECT, KINDS, PARTIAL, SCARE, FoundQuote, Kind, QuoteScan, Turn
from quotebook.quotes.speakers import SpeakerIndex, clean_speaker, normalise_speakers

__all__ = [
    "DIRECT",
    "KINDS",
    "PARTIAL",
    "SCARE",
    "FoundQuote",
    "Kind",
    "Language",
    "QuoteScan",
    "SpeakerIndex",
    "Turn",
    "available_languages",
    "clean_speaker",
    "find_quotes",
    "get_language",
    "normalise_speakers",
    "register_language",
]
