"""Tell direct quotes, partial quotes and scare quotes apart.

The difference lies in how the quote sits in the reporter's sentence, not in its words:

* **direct**: the quote stands on its own: it starts a paragraph or sentence, or follows a
  colon, comma or dash, and reads as a statement (capital letter, or a full clause);
* **partial**: the quote is woven into the reporter's sentence (a word runs straight into the
  opening mark: `did not want the process to “drag out”`) and someone is reported as saying it;
* **scare**: marks around a phrase nobody is reported as saying (`demands for “security
  guarantees”`), a phrase the reporter labels (`so-called`, `known as`), a title in title case
  (`The slogan is: “A Bright New Harbour Town.”`), a publication after its verb (`пишет
  «Северная газета»`), a nickname nobody in particular gives (`его зовут «Минладов»`), a
  heading, or a short phrase put in marks again and again as a term.
"""

from __future__ import annotations

import re

from quotebook.quotes.attribution import Attribution
from quotebook.quotes.marks import MarkedSpan
from quotebook.quotes.model import DIRECT, PARTIAL, SCARE, Kind
from quotebook.quotes.text import Document

_WORD_RE = re.compile(r"\w[\w’'\-]*")
_TERMINAL = frozenset(".!?…")
_NAME_WORDS = 4  # the most words of a name in marks ("Вечерний журнал", "Бета-кредит")
_CLAUSE_WORDS = 6  # a lower-case quote after a comma this long is a clause, not a phrase
_SENTENCES_RE = re.compile(r"\w[.!?…][ \u00a0]+[A-ZА-ЯЁ]")  # a sentence ends inside the quote


def normalised(text: str) -> str:
    """A quote's words for comparing repeats: lower case, punctuation dropped."""
    return " ".join(_WORD_RE.findall(text.lower()))


def is_embedded(doc: Document, span: MarkedSpan) -> bool:
    """Does a word of the reporter's sentence run straight into the opening mark?"""
    line_start = doc.line_bounds(span.open_at)[0]
    j = span.open_at - 1
    while j >= line_start and doc.text[j].isspace():
        j -= 1
    return j >= line_start and doc.text[j].isalnum()


def _previous_word(doc: Document, span: MarkedSpan) -> str:
    line_start = doc.line_bounds(span.open_at)[0]
    words = _WORD_RE.findall(doc.masked[max(line_start, span.open_at - 40) : span.open_at])
    return words[-1].lower() if words else ""


def _scare_cue(doc: Document, span: MarkedSpan) -> bool:
    """ "so-called “…”", "known as “…”", "the film “…”": the reporter names or labels."""
    line_start = doc.line_bounds(span.open_at)[0]
    before = doc.masked[max(line_start, span.open_at - 40) : span.open_at]
    words = _WORD_RE.findall(before.lower())
    tail = " ".join(words[-3:])
    if any(tail.endswith(cue) for cue in doc.language.scare_cues):
        return True
    lang = doc.language
    named = lang.title_nouns | lang.media_nouns  # "the film “…”", "агентству «…»"
    titles = named | lang.named_by_noun_after
    if len(words) >= 3 and words[-2:] == ["such", "as"] and words[-3].rstrip("s") in titles:
        return True  # "headlines such as: “…”"
    # a name is capitalised: "do the outlet “any favors”" is words given, not the outlet's name
    first = next((c for c in doc.text[span.start : span.end] if c.isalpha()), "")
    return bool(words) and words[-1] in named and before.endswith(" ") and first.isupper()


def _publication(doc: Document, span: MarkedSpan, words: list[str]) -> bool:
    """`Об этом пишет «Северная газета».`: a short name in marks right after a
    verb by which a publication reports, ending the clause, is that publication's name."""
    lang = doc.language
    if not lang.media_verbs or _previous_word(doc, span) not in lang.media_verbs:
        return False
    text = doc.text[span.start : span.end].rstrip()
    after = doc.text[span.close_at + 1 : span.close_at + 2] if span.closed else ""
    return (
        text[:1].isupper()
        and len(words) <= 5
        and text[-1:] not in _TERMINAL
        and after in {".", ",", ";", "", "\n", " "}
    )


def _named_thing(doc: Document, span: MarkedSpan) -> bool:
    """`the “bikes for books” program`, `the radio’s “Morning” show`, `the “X” letter`: a quote
    inside a sentence that a noun right after it names as a title, a programme, a document."""
    if not span.closed or not is_embedded(doc, span):
        return False
    text = doc.text[span.start : span.end].rstrip()
    if text[-1:] in _TERMINAL | {","}:
        return False
    m = _WORD_RE.match(doc.text, span.close_at + 1 + _spaces(doc.text, span.close_at + 1))
    if m is None or m.start() == span.close_at + 1:
        return False
    lang = doc.language
    return m.group() in lang.title_nouns | lang.named_by_noun_after


def _spaces(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] in " \u00a0":
        n += 1
    return n


def _fragment_opener(word: str, doc: Document) -> bool:
    """Does a lower-case quote open like a phrase, not a clause ("trying to…", "to get…")?
    Such a quote continues the reporter's sentence: it is partial however long it is."""
    low = word.lower()
    return low in doc.language.fragment_openers or (
        doc.language.code == "en" and low.endswith("ing") and len(low) > 4
    )


def _title_case(words: list[str], small: frozenset[str]) -> bool:
    content = [w for w in words if w.lower() not in small]
    return len(words) >= 2 and bool(content) and all(w[0].isupper() for w in content)


def _names_a_title(doc: Document, span: MarkedSpan, words: list[str], text: str) -> bool:
    """Marks around a name rather than anyone's words: an honorific or a title and at most a
    name (`refers to him as “Mr. Hale”`, `“Dr.” rather than “Professor”`), or a title in
    title case after a preposition or a possessive (`said on “Good Morning Harbour.”`,
    `on WXKT’s “Morning Desk.”`), the full stop inside the marks being American punctuation."""
    lang = doc.language
    if text.rstrip()[-1:] in "!?" or not words or not all(w[0].isupper() for w in words):
        return False
    first = words[0].lower()
    if len(words) <= 2 and (first in lang.titles or first + "." in lang.titles):
        return True
    if not is_embedded(doc, span) or not _title_case(words, lang.small_words):
        return False
    before = _previous_word(doc, span)
    preposition = before in lang.small_words and before not in lang.determiners
    possessive = before.endswith(("’s", "'s"))
    return (preposition and before not in lang.conjunctions) or possessive


def _inner_name(doc: Document, text: str, words: list[str], tail: str) -> bool:
    """In a language that quotes words inside a sentence in lower case, a short capitalised
    phrase there with no sentence's end is a name (a company, a publication), not words."""
    if not doc.language.inner_capital_is_name or len(words) > _NAME_WORDS:
        return False
    return words[0][0].isupper() and tail not in _TERMINAL and not _SENTENCES_RE.search(text)


def classify(doc: Document, span: MarkedSpan, found: Attribution, *, repeated: bool) -> Kind:
    """The kind of the quote in `span`, given what attribution found for it."""
    text = doc.text[span.start : span.end]
    words = _WORD_RE.findall(text)
    if not words or _scare_cue(doc, span) or repeated or _named_thing(doc, span):
        return SCARE
    if _publication(doc, span, words) or (
        _previous_word(doc, span) in doc.language.impersonal_naming_verbs
    ):
        return SCARE  # "пишет «Северная газета»", "его зовут «Минладов»"
    if _names_a_title(doc, span, words, text):
        return SCARE
    reported = found.speaker is not None or found.reported
    if doc.is_heading(span.open_at) and not reported:
        return SCARE
    if not reported and _title_case(words, doc.language.small_words):
        content = [w for w in words if w.lower() not in doc.language.small_words]
        if len(content) >= 3 and text.rstrip()[-1:] not in "!?":
            return SCARE  # `The slogan is: “A Bright New Harbour Town.”`: a title or slogan
    first = next((c for c in text if c.isalpha()), "")
    capital = first.isupper() or text.startswith(("...", "…"))
    tail = text.rstrip()[-1:]
    after = doc.text[span.close_at + 1 : span.close_at + 2] if span.closed else ""
    terminal = tail in _TERMINAL or after in _TERMINAL
    if is_embedded(doc, span):
        headline = doc.is_heading(span.open_at) and found.speaker is not None
        if _title_case(words, doc.language.small_words) and tail not in _TERMINAL and not headline:
            return SCARE  # a title; but a headline capitalises every quote it carries
        if not reported:
            return SCARE
        if _previous_word(doc, span) in doc.language.naming_verbs:
            return PARTIAL  # `a label she called “The Band of 40”`: a name she gave
        if _inner_name(doc, text, words, tail):
            return SCARE  # "о продаже «Бета-кредита»": a company's name
        if capital and len(words) >= 3 and _previous_word(doc, span) in doc.language.speech_verbs:
            return DIRECT  # `he said “We will…”` written without a comma
        if _previous_word(doc, span) in doc.language.speech_verbs and _SENTENCES_RE.search(text):
            return DIRECT  # `Ms. Marsh says “the audit was a joke. What I want …”`
        return PARTIAL
    if capital:
        if not reported and len(words) <= 3 and not terminal:
            return SCARE
        if 2 <= len(words) <= 3 and all(w[0].isupper() for w in words) and tail == ".":
            # `What does he call them? “Crazy Joe.” “Sleepy Ned.”`: a name or an epithet set
            # off as its own sentence, not a statement
            return PARTIAL if reported else SCARE
        return DIRECT
    line_start = doc.line_bounds(span.open_at)[0]
    before = doc.text[line_start : span.open_at].rstrip()
    if (
        before[-1:] in {",", ":", "—", "–", ""}
        and len(words) >= _CLAUSE_WORDS
        and not _fragment_opener(words[0], doc)
    ):
        return DIRECT
    return PARTIAL if reported else SCARE
