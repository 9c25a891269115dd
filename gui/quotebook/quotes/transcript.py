"""Speaker turns of interview and briefing transcripts: `Question: …` / `Name: …`.

A turn starts at a label followed by a colon (at a line's start, or after a sentence's end when
a site ran the turns together) and runs to the next label or to the end of the interview: the
first line after it that is not prose (a heading, a dated item of a news list, a closing line
such as "To be continued…").

Labels are written in several ways: `MR. PRICE: …`, on a line of their own above the words
(`ANNA REED:`), run on without a space in capitals (`ANNA REED:Can …`), long and in capitals
with titles (`SECRETARY OF THE NAVY CARL T. WEBB III:`), with a transcription service's time
code (`Tom Hale (00:04):`, `Anna Reed: (00:22)`), or as a role instead of a name (`THE
PRESIDENT:` is whoever the document gives that title; `SENIOR ADMINISTRATION OFFICIAL:`,
`OPERATOR:` and `Speaker 2:` speak unnamed).

Not every "Word: text" is a turn. A label must be a role ("Question", "Q", "Answer") or a
person's name (a known person, or two to four capitalised words with no possessive), and the
words after the colon must not start with a digit, which rules out `Moscow: 13:15`. A document
needs a role label or at least two name labels before any turn counts (or one label only a
transcript has: `MR. X:`, `NAME, CNN ANCHOR:`, a role whose holder is known), so a headline in
"Name: statement" style is not a transcript.

Role labels are given a speaker from the interview's header, the line before the turns that
says whose interview it is and with whom ("… Lukashevich’s interview with Rossiyskaya Gazeta,
October 29, 2019"): the interviewer is the outlet, the interviewee the person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from quotebook.quotes.given_names import is_given_name
from quotebook.quotes.languages import Language, words
from quotebook.quotes.model import Turn
from quotebook.quotes.names import NameBook
from quotebook.quotes.phrases import PERSON, classify_run, strip_possessive
from quotebook.quotes.text import TERMINAL, Document, Token

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_LABEL_WORD = rf"[{_UPPER}][\w’'\-.]*"
# "Mayor Lena van Dorn:": the lower-case particles a name label may hold between its words
_PARTICLE = r"(?:de|da|di|du|del|della|der|den|van|von|la|le|bin|ibn|al)[ \u00a0]"
_CAPS_WORD = rf"(?:Mc)?[{_UPPER}][{_UPPER}’'\-.]*"
_AFFILIATION = rf"{_LABEL_WORD}(?:[ \u00a0](?:{_LABEL_WORD}|of|the|for|and)){{0,5}}"
# the lower-case job a public-radio transcript writes after a speaker's name in capitals
_LOWER_JOB = r"(?:host|co-host|anchor|correspondent|reporter|byline)"
# "(00:04)": the time code a transcription service writes beside a speaker's label
_STAMP = r"\(\d{1,2}:\d{2}(?::\d{2})?\)"
_LABEL_RE = re.compile(
    rf"(?:^|(?<=[.!?…])[\"”’»]?)[ \t\u00a0]*"
    rf"(?P<label>(?P<name>"
    # "SECRETARY OF THE NAVY CARL T. WEBB III": a long label in capitals
    rf"{_CAPS_WORD}(?:[ \u00a0](?:{_CAPS_WORD}|OF|FOR)){{4,7}}"
    rf"|Speaker[ \u00a0]\d{{1,2}}"  # "Speaker 2 (00:12):": an unnamed speaker
    rf"|{_LABEL_WORD}(?:[ \u00a0](?:{_PARTICLE})?{_LABEL_WORD}){{0,3}})"
    r"(?:[ \u00a0]\([DRI](?:-[A-Z]{2})?\))?"  # "DONALD TRUMP (R), PRESIDENT": a party tag
    # "PAUL REED, U.S. Army Corps of Engineers": an affiliation after the name, or two
    # ("ANN REED, ACME CORP., U.S. DIVISION"), or a broadcaster's job ("NEAL PARR, host")
    rf"(?:,[ \u00a0]+(?:{_AFFILIATION}|(?P<job>{_LOWER_JOB}))){{0,2}}"
    # "ANN REED, Head of Research,\nAcme Shipping:": a long label wrapped onto a second line
    rf"(?:,[ \t\u00a0]*\n[ \t\u00a0]*(?P<wrap>{_AFFILIATION}))?)"
    rf"[ \t\u00a0]*(?:\((?P<aside>[^)\n]{{1,60}})\))?:"
    rf"(?:[ \t\u00a0]+(?!{_STAMP}[ \t\u00a0]*(?:\n|$))(?:{_STAMP}[ \t\u00a0]+)?(?=[^\s\d])"
    # "ANNA REED:Can the …": the words run on after the colon
    rf"|(?P<tight>)(?=[{_UPPER}\"“«(])"
    # "ANNA REED:" or "Tom Hale (00:04):" on a line of its own, the words below it
    rf"|[ \t\u00a0]*(?:{_STAMP}[ \t\u00a0]*)?\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*(?P<below>)"
    rf"(?=[^\s\d]|\())",
    re.MULTILINE,
)
# "By HELEN MARSH", "*Reporter:* Jane Doe", "Interview by Marcus Oyelaran": who wrote the piece,
# and so who asks the questions of a Q/A interview.
_BYLINE_RE = re.compile(
    rf"^[\W_]*(?:by|reporter|reported by|interview by|interviewed by|text|words)[\W_]*[ \u00a0]+"
    rf"(?P<name>{_LABEL_WORD}(?:[ \u00a0]+{_LABEL_WORD}){{1,3}})[ \t\u00a0]*(?:,.*)?$",
    re.MULTILINE | re.IGNORECASE,
)
# "Q    Thank you." — White House transcripts set the question label apart with spaces alone.
_BARE_Q_RE = re.compile(r"^[ \t]*(?P<label>Q)[ \t]+(?=[A-Z(\[])", re.MULTILINE)
# "Q. What is the status?" / "A. With respect to …": a Q&A interview's labels with full stops
_DOTTED_QA_RE = re.compile(r"^[ \t]*(?P<label>[QA])\.[ \t]+(?=[A-Z\"“‘'(\[])", re.MULTILINE)
_INITIALS_RE = re.compile(rf"((?:[{_UPPER}]\.){{1,3}})[ \u00a0]?([{_UPPER}][\w’'\-]+)")
# "MR. MORRELL:", "MS. BUCHAN:": how government transcripts label their speakers; one such
# label is a transcript even when its speaker talks alone.
_HONORIFIC_LABEL_RE = re.compile(r"(?:MR|MS|MRS|DR)\.?[ \u00a0][A-Z][A-Za-z’'\-]+$")
_OUTLET_LABEL_RE = re.compile(r"[A-Z]{2,5}")  # "AP", "NPR", "BBC"
_INTERVIEW_BY_RE = re.compile(
    r"(?i:interview)[^.\n]{0,160}?\bby[ \u00a0]+"
    r"(?P<run>[^\n]{1,80}?)(?=\.(?:[ \u00a0\n]|$)|,|;|\n|$)"
)
# "… talks about the harvest with comedian Sam Ortega on his weekly podcast": the host asks
_HOST_SHOW_RE = re.compile(
    r"\bwith[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}(?P<run>(?:[A-Z][\w’'\-]+[ \u00a0]+){1,3})"
    r"on[ \u00a0]+(?:his|her|their)[ \u00a0]+[^.\n]{0,40}?\b(?:show|program|programme|podcast)\b"
)
# "Editor Ann Holt hosted Tom Reed", "… was interviewed by Ann Holt": who asks the questions
_HOSTED_RE = re.compile(
    r"(?P<run>(?:[A-Z][\w’'\-]+[ \u00a0]){1,4})(?:hosted|interviewed|moderated)[ \u00a0]"
    r"|(?:interviewed|hosted|moderated)[ \u00a0]by[ \u00a0]+"
    r"(?P<by>[A-Z][\w’'\-]+(?:[ \u00a0][A-Z][\w’'\-]+){1,2})"
)
_NAME_JOINERS = frozenset({"and", "&", "и"})  # "Photos: Tom Ellery and Jane Roe"
_DATELINE_RE = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_TOKEN_RE = re.compile(r"\S+")
_NOBODY = "nobody"
_STAMP_RE = re.compile(_STAMP)
_CREDIT_CHARS = 200  # longest rest of a line that can be a credited name
_INITIALS_ONLY_RE = re.compile(rf"(?:[{_UPPER}]\.)+")
_SPEAKER_N_RE = re.compile(r"Speaker[ \u00a0]\d{1,2}")
# Words of a label that names an unnamed official: "SENIOR ADMINISTRATION OFFICIAL:"
_ANONYMOUS_WORDS = words(
    "senior administration state department defense white house u.s us official officials "
    "operator staff participant briefer"
)
_ANONYMOUS_HEADS = words("official officials operator staff participant briefer")
_MEDIA_JOBS = words("anchor correspondent reporter host contributor analyst commentator")
_SUFFIXES = words("jr jr. sr sr. ii iii iv")
_NOBODY_LABELS = words(
    "unidentified unknown announcer narrator crowd audience protesters protester voice voices "
    "неизвестный голос"
)
INTERVIEWER = "interviewer"
INTERVIEWEE = "interviewee"


@dataclass(frozen=True, slots=True)
class _Header:
    pos: int
    interviewer: str | None
    interviewee: str | None


@dataclass(frozen=True, slots=True)
class _Label:
    at: int
    start: int
    label: str
    role: str  # INTERVIEWER, INTERVIEWEE or a person's name
    aside: str | None


def find_turns(doc: Document, names: NameBook) -> tuple[Turn, ...]:
    """The speaker turns of every transcript in the document, in reading order.

    People named in labels are added to `names`, so later quotes can refer to them.
    """
    labels = _labels(doc, names)
    if not labels:
        return ()
    headers = _headers(doc, names)
    header_at = [h.pos for h in headers]
    interview = any(label.role == INTERVIEWEE for label in labels)
    reporter = _byline(doc) if interview else None
    reporter = reporter or _intro_interviewer(doc, labels[0].at)
    host = _intro_host(doc, labels[0].at) if interview else None
    turns: list[Turn] = []
    in_prose: dict[str, tuple[int, str]] | None = None  # given names written in full
    for i, label in enumerate(labels):
        limit = labels[i + 1].at if i + 1 < len(labels) else len(doc.text)
        end = _turn_end(doc, label.start, limit, header_at)
        k = bisect_right(header_at, label.at) - 1
        header = headers[k] if k >= 0 else None
        if label.role == INTERVIEWER:
            # "Gazette Editor Ann Holt hosted Tom Reed": a person who hosted the
            # interview asks its questions, rather than the outlet the header names
            speaker = label.aside or host or (header.interviewer if header else None) or reporter
        elif label.role == INTERVIEWEE:
            interviewee = header.interviewee if header else None
            interviewee = interviewee or _subject_of_intro(names, labels[0].at, reporter)
            speaker = names.display(interviewee) if interviewee else None
        elif label.role == _NOBODY:
            speaker = None
        else:
            speaker = names.display(label.role, label.at)
            if " " not in speaker:
                # "ZURI:" and "Our guest today is Zuri Amadi." before: the name in full
                if in_prose is None:
                    in_prose = _names_in_prose(doc, labels[-1].at)
                at, full = in_prose.get(speaker, (len(doc.text), ""))
                if full and at < label.at:
                    names.add(full, at)
                    speaker = full
        turns.append(Turn(label.start, end, label.label, speaker))
    return tuple(turns)


def _labels(doc: Document, names: NameBook) -> list[_Label]:
    lang = doc.language
    found: list[_Label] = []
    vouched: set[int] = set()  # labels that make a transcript on their own
    candidates: list[tuple[re.Match[str], str]] = []
    later_roles: list[re.Match[str]] = []
    for m in _LABEL_RE.finditer(doc.text):
        at = m.start("label")
        if doc.masked[at] != doc.text[at]:
            continue  # inside a quotation
        label = " ".join(m.group("label").split())  # a label wrapped over two lines
        low = m.group("name").lower()
        aside = m.group("aside")
        if _is_credit(doc, m) or not _fits_its_layout(doc, m):
            continue
        if low.split()[0] in _NOBODY_LABELS or _SPEAKER_N_RE.fullmatch(label):
            # "UNIDENTIFIED MALE:", "ANNOUNCER:": a turn whose speaker nobody names
            found.append(_Label(at, m.end(), label, _NOBODY, None))
            continue
        if low in lang.interviewer_labels:
            found.append(_Label(at, m.end(), label, INTERVIEWER, _outlet_aside(aside, lang)))
            continue
        if low in lang.interviewee_labels:
            found.append(_Label(at, m.end(), label, INTERVIEWEE, None))
            continue
        role = _role_label(m.group("name"), lang)
        if role is None and _titled_role(m.group("name"), lang):
            later_roles.append(m)  # "Mayor:", read once the labels' people are known
            continue
        if role is not None:
            # "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:": a role, whose holder speaks
            # if the document names one, else an unnamed official
            holder = names.holder_of(role, at)
            found.append(_Label(at, m.end(), label, holder or _NOBODY, None))
            if holder is not None:
                vouched.add(at)  # "THE PRESIDENT:" alone makes a transcript of remarks
            continue
        candidates.append((m, _proper(m.group("name"))))
    # Full names first, so that a later "WHITFIELD:" is known as "Dana Whitfield".
    people: dict[int, str | None] = {}
    read: dict[str, str | None] = {}  # a transcript repeats its labels: read each once
    for m, name in sorted(candidates, key=lambda c: " " not in c[1]):
        if name not in read:
            read[name] = _person(name, m.start("label"), doc, names)
        person = people[m.start()] = read[name]
        if person is not None and " " in person:
            titles = [w for w in name.lower().split() if w in lang.roles or w in lang.titles]
            names.add(person, m.start("label"), titles)  # "Mayor Lena van Dorn:": a mayor
    repeated = Counter(name for _, name in candidates)
    named = any(p is not None for p in people.values())
    by_given = _labels_by_given_name(people)
    for m, name in candidates:
        label = " ".join(m.group("label").split())
        person = people[m.start()]
        if person is None and " " not in name:
            # "NINA:" after "NINA PARK:": a speaker called by the given name an earlier
            # label wrote in full
            first, full = by_given.get(name.lower(), (len(doc.text), None))
            person = full if first < m.start() else None
        if person is None and _repeated_caps_label(m.group("name"), repeated[name], doc):
            person = name
        if person is None and _STAMP_RE.fullmatch(f"({m.group('aside')})") and " " not in name:
            person = name  # "Matt (01:27):": a transcription service's label, a given name

        if person is not None:
            found.append(_Label(m.start("label"), m.end(), label, person, None))
        elif named and repeated[name] >= 2 and _OUTLET_LABEL_RE.fullmatch(label):
            # "AP: … TRUMP: …": an outlet asking a named person's questions
            found.append(_Label(m.start("label"), m.end(), label, INTERVIEWER, None))
    if found:
        found.extend(_titled_role_labels(later_roles, names))
        found.extend(_bare_questions(doc, {f.at for f in found}))
    found.extend(_dotted_questions(doc, {f.at for f in found}))
    found.sort(key=lambda f: f.at)
    has_roles = any(f.role in (INTERVIEWER, INTERVIEWEE) for f in found)
    if (
        not has_roles
        and len(found) < 2
        and not any(
            _HONORIFIC_LABEL_RE.match(f.label) or _anchor_label(f.label) or f.at in vouched
            for f in found
        )
    ):
        return []
    return found


_TWO_WORDS_RE = re.compile(
    rf"(?<![\w’'\-])([{_UPPER}][a-zà-öø-ÿа-яё]+)[ \u00a0]+([{_UPPER}][a-zà-öø-ÿа-яё’'\-]+)\b"
)


def _names_in_prose(doc: Document, end: int) -> dict[str, tuple[int, str]]:
    """Each capitalised word the text before `end` writes with a capitalised word after it
    ("Zuri Amadi"), with where it first does and the two words: the full name a one-word
    label ("ZURI:") may stand for. One pass over the text, however many labels there are."""
    lang = doc.language
    out: dict[str, tuple[int, str]] = {}
    for m in _TWO_WORDS_RE.finditer(doc.masked, 0, end):
        given, surname = m.groups()
        if given in out:
            continue
        low = surname.lower()
        if low in lang.function_words or low in lang.org_words or low in doc.lowercase_words:
            continue
        out[given] = (m.start(), f"{given} {surname}")
    return out


def _labels_by_given_name(people: dict[int, str | None]) -> dict[str, tuple[int, str | None]]:
    """Each given name of the people full labels name, with where it is first written and its
    person; a given name two of them share ("TOM REED:", "TOM ROE:") names nobody."""
    out: dict[str, tuple[int, str | None]] = {}
    for at, person in sorted(people.items()):
        if person is None or " " not in person:
            continue
        given = person.split()[0].lower()
        first, known = out.get(given, (at, person))
        out[given] = (first, person if known == person else None)
    return out


def _titled_role(name: str, lang: Language) -> bool:
    """`Mayor:` — one word in title case that is a role: a label once the transcript has
    named who holds it (`Mayor Lena van Dorn:` further up)."""
    return name[:1].isupper() and name[1:].islower() and name.lower() in lang.roles | lang.titles


def _titled_role_labels(matches: list[re.Match[str]], names: NameBook) -> list[_Label]:
    out: list[_Label] = []
    for m in matches:
        at = m.start("label")
        holder = names.holder_of(m.group("name").lower(), at)
        if holder is not None:
            out.append(_Label(at, m.end(), m.group("label"), holder, None))
    return out


def _dotted_questions(doc: Document, taken: set[int]) -> list[_Label]:
    """`Q. …` and `A. …`: a Q&A interview's labels written with full stops. Both must open
    lines of the document, so that a lone initial ("A. Lincoln wrote") is no answer."""
    found = [
        m
        for m in _DOTTED_QA_RE.finditer(doc.text)
        if m.start("label") not in taken and doc.masked[m.start("label")] == m.group("label")
    ]
    if {m.group("label") for m in found} != {"Q", "A"}:
        return []
    out: list[_Label] = []
    for m in found:
        role = INTERVIEWER if m.group("label") == "Q" else INTERVIEWEE
        out.append(_Label(m.start("label"), m.end(), m.group("label") + ".", role, None))
    return out


def _fits_its_layout(doc: Document, m: re.Match[str]) -> bool:
    """A label whose words run on without a space (`ANNA REED:Can …`) must be in capitals,
    and one on a line of its own (`ANNA REED:` then the words below) in capitals or with a
    time code (`Tom Hale (00:04):`), and not be followed by another label."""
    name = m.group("name")
    caps = name.upper() == name and sum(c.isalpha() for c in name) > 1
    if (m.group("job") is not None or m.group("wrap") is not None) and not caps:
        return False  # "Later, host" or a line of prose ending in a comma: no label
    if m.group("tight") is not None:
        return name.upper() == name and any(c.isalpha() for c in name)
    if m.group("below") is not None:
        stamp = _STAMP_RE.search(doc.text, m.start("label"), m.end()) is not None
        return bool(stamp or caps) and _LABEL_RE.match(doc.text, m.end()) is None
    return True


def _role_label(name: str, lang: Language) -> str | None:
    """The role a label in capitals names instead of a person ("THE PRESIDENT" → "president",
    "SENIOR ADMINISTRATION OFFICIAL" → "official"), or None."""
    if name.upper() != name:
        return None
    words = [w.rstrip(".") for w in name.lower().split()]
    if words and words[0] in lang.definite_articles:
        words = words[1:]
    known = lang.roles | lang.titles | lang.title_modifiers | lang.org_words | _ANONYMOUS_WORDS
    if not words or not all(w in known or w + "." in known for w in words):
        return None
    head = words[-1]
    if head in lang.roles or head in lang.titles or head in _ANONYMOUS_HEADS:
        ranks = [w for w in words[:-1] if w in lang.rank_modifiers]
        return " ".join([*ranks, lang.base_form(head)])  # "THE VICE PRESIDENT" → "vice president"
    return None


def _anchor_label(label: str) -> bool:
    """`DANA KWAN, WXYZ ANCHOR`: a broadcast transcript's label, with the speaker's job."""
    _, comma, job = label.partition(",")
    return bool(comma) and any(w in _MEDIA_JOBS for w in job.lower().split())


def _bare_questions(doc: Document, taken: set[int]) -> list[_Label]:
    """`Q    Will he take questions there?`: a question label without a colon, counted only in a
    document whose other turns are already labelled (a line of prose rarely starts "Q ")."""
    out: list[_Label] = []
    for m in _BARE_Q_RE.finditer(doc.text):
        at = m.start("label")
        if at in taken or doc.masked[at] != doc.text[at]:
            continue
        out.append(_Label(at, m.end(), "Q", INTERVIEWER, None))
    return out


def _proper(label: str) -> str:
    """A label as a name is written: "MR PRICE" → "Mr Price", "MARSH-PATEL" → "Marsh-Patel",
    "В.В.Жданова" → "В.В. Жданова"."""
    label = _INITIALS_RE.sub(r"\1 \2", label)
    if not any(w.isupper() and len(w) > 1 for w in label.split()):
        return label
    return " ".join(
        w
        if _INITIALS_ONLY_RE.fullmatch(w) or not (w.isupper() or w[2:].isupper())
        else _proper_word(w)
        for w in label.split()
    )


def _proper_word(word: str) -> str:
    """A word of a label in capitals as a name is written: "MARSH-PATEL" → "Marsh-Patel",
    "MCKAY" and "McKAY" → "McKay"."""
    parts = []
    for part in word.split("-"):
        if part[:2].lower() == "mc" and len(part) > 3:
            parts.append("Mc" + part[2:].capitalize())
        else:
            parts.append(part.capitalize())
    return "-".join(parts)


def _repeated_caps_label(label: str, count: int, doc: Document) -> bool:
    """`WHITFIELD:` — a one-word label in capitals that opens several paragraphs is a speaker
    of a broadcast transcript, unless it is a word the document also writes in lower case."""
    return (
        count >= 2
        and label.isupper()
        and len(label) > 2
        and " " not in label
        and label.lower() not in doc.lowercase_words
        and label.lower() not in doc.language.calendar_words
    )


def _is_credit(doc: Document, m: re.Match[str]) -> bool:
    """`Reporter: Jane Doe`, `Photos: Tom Ellery`: a credit line, not a turn. The words after
    the colon are a name and nothing else."""
    line_end = doc.line_bounds(m.start("label"))[1]
    if line_end - m.end() > _CREDIT_CHARS:
        return False  # a long line is no name alone (and is not copied to find out)
    rest = doc.text[m.end() : line_end].strip()
    words = rest.split()
    bare_name = (
        0 < len(words) <= 8
        and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)
        and words[0][:1].isupper()
        and sum(w[:1].isupper() for w in words) <= 6
        and rest[-1:] not in TERMINAL | {"?", ","}
    )
    return bare_name and (len(words) >= 2 or m.group("name").lower() in doc.language.credit_labels)


def _intro_interviewer(doc: Document, first_turn: int) -> str | None:
    """Who asks, from an introduction such as "a garden interview with Mayor X by Ledger
    City Hall Reporter Nora Vance" (the person after "interview … by") or "… with
    comedian Sam Ortega on his podcast" (the show's host)."""
    m = _INTERVIEW_BY_RE.search(doc.text[:first_turn]) or _HOST_SHOW_RE.search(
        doc.text[:first_turn]
    )
    if m is None:
        return None
    words = m.group("run").split()
    while words and not words[-1][:1].isupper():
        words.pop()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    phrase = classify_run([Token(w, 0) for w in words[k:]], doc.language)
    return phrase.text if phrase is not None and phrase.kind == PERSON else None


def _intro_host(doc: Document, first_turn: int) -> str | None:
    """The person the introduction says hosted or interviewed the guest ("News Editor Ann
    Holt hosted Tom Reed", "Tom Reed was interviewed by Ann Holt")."""
    m = _HOSTED_RE.search(doc.text, max(0, first_turn - _CREDIT_CHARS * 5), first_turn)
    if m is None:
        return None
    words = (m.group("run") or m.group("by")).split()
    phrase = classify_run([Token(w, 0) for w in words[-3:]], doc.language)
    if phrase is None or phrase.kind != PERSON or " " not in phrase.text:
        return None
    return phrase.text


def _byline(doc: Document) -> str | None:
    """The reporter named in the byline, if any, as a name is written."""
    m = _BYLINE_RE.search(doc.text[:2000])
    return _proper(m.group("name")) if m else None


def _subject_of_intro(names: NameBook, first_turn: int, reporter: str | None) -> str | None:
    """Whom an interview without a header is with: the person its introduction names most."""
    counts = names.mention_counts(0, first_turn)
    if reporter:
        counts.pop(reporter.split()[-1].lower(), None)
    if not counts:
        return None
    return names.display_key(max(counts, key=lambda k: counts[k]))


def _person(label: str, at: int, doc: Document, names: NameBook) -> str | None:
    """The person a name label stands for, or None if the label is not a person's name."""
    words = label.split()
    while len(words) > 2 and words[-1].lower() in _SUFFIXES:
        words.pop()  # "Carl T. Webb III"
    if any(w.endswith(("’s", "'s")) for w in words):
        return None
    tokens = [Token(w, at) for w in words]
    phrase = classify_run(tokens, doc.language)
    if phrase is None or phrase.kind != PERSON:
        return None
    titled = len(words) > len(phrase.text.split())
    if " " not in phrase.text and not titled and not names.is_person(phrase.text):
        return None
    if any(w.lower() in doc.language.calendar_words for w in words):
        return None
    if not names.is_person(phrase.text) and all(
        w.lower() in doc.lowercase_words for w in phrase.text.split()
    ):
        return None  # "Read Also:", "Breaking News:": ordinary words, not a name
    return phrase.text


def _outlet_aside(aside: str | None, lang: Language) -> str | None:
    """The outlet in `Question (Daily Planet):` or `Вопрос (агентство «Северный экспресс»):`."""
    if not aside:
        return None
    words = [w for w in aside.split() if not (w.islower() and w in lang.media_nouns)]
    outlet = " ".join(words).strip(" «»“”\"'")
    if outlet[:1].isupper() and len(outlet.split()) <= 5:
        return outlet
    return None


def _headers(doc: Document, names: NameBook) -> list[_Header]:
    lang = doc.language
    headers: list[_Header] = []
    for line_start in doc.line_starts:
        end = doc.text.find("\n", line_start)
        line = doc.text[line_start : end if end >= 0 else len(doc.text)]
        low = line.lower()
        for cue in lang.interview_cues:
            idx = low.find(cue)
            if idx < 0:
                continue
            outlet, journalist = _outlet(line[idx + len(cue) :], doc)
            interviewee = _interviewee(line[:idx], doc)
            if (
                outlet
                and not (interviewee or journalist)
                and "," not in outlet
                and (names.is_person(outlet))
            ):
                # "An interview with Yelena Brisk": the person interviewed, not the outlet.
                outlet, interviewee = None, outlet
            headers.append(_Header(line_start, outlet, interviewee))
            break
    return headers


def _outlet(rest: str, doc: Document) -> tuple[str | None, bool]:
    """The outlet named after "interview with": up to its media noun, else up to a comma; and
    whether it is a journalist named with her outlet ("Nora Vance of the Ledger")."""
    lang = doc.language
    rest = rest.strip()
    if rest.lower().startswith("the "):
        rest = rest[4:]
    if not rest[:1].isupper():
        return None, False
    words = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(rest[:100])]
    for i, (word, start) in enumerate(words):
        bare = word.strip(",.;:()").lower()
        if bare in lang.media_nouns and i > 0:
            candidate = rest[:start].strip().rstrip(",")
            if all(w[0].isupper() for w, _ in words[:i]) and "." not in candidate:
                return candidate, False
            break
        if word.endswith((".", ";")):
            break
    cut = re.split(r",|\(|;| on | in | at |\. ", rest, maxsplit=1)[0].strip().rstrip(".")
    person, of, _ = cut.partition(" of ")
    if of and 1 < len(person.split()) <= 3 and is_given_name(person.split()[0]):
        return person, True  # "Nora Vance of the Ledger": the interviewer, not her paper
    return cut or None, False


def _interviewee(head: str, doc: Document) -> str | None:
    """The person whose interview it is: the possessive name before "interview with"."""
    words = head.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].endswith(("’s", "'s")) and words[i][0].isupper():
            j = i
            while j > 0 and words[j - 1][0].isupper():
                j -= 1
            tokens = [Token(w, 0) for w in words[j : i + 1]]
            phrase = classify_run(tokens, doc.language)
            if phrase is not None and phrase.kind == PERSON:
                return strip_possessive(phrase.text)
            return None
    return None


def _turn_end(doc: Document, start: int, limit: int, header_at: list[int]) -> int:
    """Where a turn starting at `start` stops: before `limit` or the first non-prose line."""
    lang = doc.language
    text = doc.text
    line_end = doc.line_bounds(start)[1]
    if line_end >= len(text) or line_end >= limit:
        return _trim(text, start, limit)
    end = line_end
    pos = line_end + 1
    while pos < limit:
        nl = text.find("\n", pos)
        stop = limit if nl < 0 or nl > limit else nl
        line = text[pos:stop].strip()
        if line:
            tail = line.rstrip("\"”’»' \u00a0)")
            closing = line.lower().rstrip(".…") in lang.closing_lines
            header = pos in header_at
            if closing or header or _DATELINE_RE.match(line) or tail[-1:] not in TERMINAL:
                break
            end = stop
        if nl < 0 or nl >= limit:
            break
        pos = nl + 1
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
