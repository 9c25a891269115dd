"""Library search without SQL: what a user types, turned into a query FTS5 always accepts.

People type into a search box as they think, so half-finished input (``"stray quote``,
``war AND``, ``(unclosed``) is normal and must never raise. The parser here reads a forgiving
little language — words, ``"phrases"``, ``prefix*``, ``AND``/``OR``/``NOT`` (upper case, as in
FTS5), ``-word`` for NOT and parentheses — and writes it back out with every term quoted, so no
word the user types can reach FTS5 as syntax. Whatever it cannot make sense of is dropped or read
as plain words.

The value types of search results and filters live here as well, so the store, the CLI and the
widgets share them without depending on each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

# Marks around the matched words inside a snippet. Private-use characters cannot collide with
# markup, so each front end can escape the text first and then turn the marks into its own style.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

HitKind = Literal["document", "annotation"]
KINDS: tuple[HitKind, ...] = ("document", "annotation")

# Bounds on what one search may cost, whatever is typed or pasted into the box. Parsing is
# linear in the input; these keep the query SQLite has to answer small.
MAX_QUERY_CHARS = 10_240  # 10 KB of typing or pasting; the rest is not read
MAX_WORDS = 16  # words searched for, those inside phrases included
MAX_DEPTH = 8  # parentheses inside parentheses; deeper ones only group what is already grouped
MIN_PREFIX = 2  # letters before a '*': "a*" would match most of the index, so it is a word

_OPERATORS = frozenset({"AND", "OR", "NOT"})
# FTS5's unicode61 tokenizer keeps letters, digits and marks; a term without any of these yields
# no token, and an empty phrase silently matches nothing, so such terms are dropped.
_HAS_TOKEN = re.compile(r"[^\W_]|[\u0300-\u036f]")
_LEXEME = re.compile(r'\s+|\(|\)|-?"[^"]*"?\*?|[^\s()"]+')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchFilters:
    """Narrows a search. ``None`` means "any"; dates are ISO ``YYYY-MM-DD`` and inclusive.

    Tag and colour describe annotations. A document hit passes them when the document holds at
    least one annotation that does, so filtering by a tag also finds the articles it came from.
    """

    folder_id: int | None = None  # the folder and everything below it
    tag: str | None = None  # the tag and every tag below it
    color: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kinds: frozenset[HitKind] = field(default_factory=lambda: frozenset(KINDS))


@dataclass(frozen=True)
class SearchHit:
    """One result. Offsets are code points into the document's text.

    For a document hit they cover the first matching word or phrase in the text (both 0 when only
    the title matched); for an annotation hit they are the annotation's own range. The snippet
    carries `MARK_OPEN`/`MARK_CLOSE` around the matched words.
    """

    kind: HitKind
    document_id: int
    start: int
    end: int
    snippet: str
    title: str
    annotation_id: int | None = None
    rank: float = 0.0

    def snippet_with(self, open_mark: str, close_mark: str) -> str:
        return self.snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)


# -- parsing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryTerm:
    """A word or phrase of a query; `prefix` when its last word may go on (``dialog*``)."""

    text: str  # the words, unquoted
    prefix: bool = False


@dataclass(frozen=True)
class _Node:
    op: Literal["AND", "OR"]
    items: tuple[_Expr, ...]
    negated: tuple[_Expr, ...] = ()


_Expr = QueryTerm | _Node


def _lex(text: str) -> list[str]:
    return [t for t in _LEXEME.findall(text) if not t.isspace()]


class _Parser:
    """Recursive descent over the lexemes; every way out of a bad spot drops a lexeme.

    As in web search engines, OR binds tighter than the implicit AND (``putin OR lavrov
    interview`` wants an interview by either), and ``NOT x``/``-x`` excludes what follows.

    Every step consumes a lexeme, so the work is linear in the input. Recursion only follows
    parentheses, at most `MAX_DEPTH` deep: a parenthesis deeper than that is read as nothing,
    and so is the one that closes it. Terms after the first `MAX_WORDS` words are dropped.
    """

    def __init__(self, lexemes: list[str]) -> None:
        self._lexemes = lexemes
        self._pos = 0
        self._depth = 0
        self._flattened = 0  # open parentheses read as nothing, whose closing ones are ignored
        self.words_left = MAX_WORDS
        self.dropped_words = False

    def _peek(self) -> str | None:
        return self._lexemes[self._pos] if self._pos < len(self._lexemes) else None

    def parse(self) -> _Expr | None:
        result: list[_Expr] = []
        negative: list[_Expr] = []
        while self._peek() is not None:
            self._all_of(result, negative)
            if self._peek() == ")":
                self._pos += 1  # a stray closing parenthesis: skip it and carry on
        return _conjunction(result, negative)

    def _all_of(self, positive: list[_Expr], negative: list[_Expr]) -> None:
        """Collect the items of an implicit AND up to a closing parenthesis or the end."""
        while (lexeme := self._peek()) is not None:
            if lexeme == ")":
                if not self._flattened:
                    return
                self._flattened -= 1  # closes a parenthesis that was read as nothing
                self._pos += 1
                continue
            if lexeme in ("AND", "OR"):
                self._pos += 1  # dangling operator, e.g. while the user is still typing
                continue
            negate = lexeme == "NOT"
            if negate:
                self._pos += 1
            group = self._any_of()
            if group is not None:
                expr, minus = group
                (negative if negate or minus else positive).append(expr)

    def _any_of(self) -> tuple[_Expr, bool] | None:
        """Operands joined by OR; the flag tells whether a lone operand was written ``-x``."""
        operands = [self._operand()]
        while self._peek() == "OR":
            self._pos += 1
            operands.append(self._operand())
        found = [o for o in operands if o is not None]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        node = _combine("OR", [expr for expr, _ in found])
        assert node is not None
        return node, False

    def _operand(self) -> tuple[_Expr, bool] | None:
        lexeme = self._peek()
        if lexeme is None or lexeme in (")", "OR", "AND", "NOT"):
            return None
        self._pos += 1
        if lexeme == "(":
            if self._depth >= MAX_DEPTH:
                self._flattened += 1
                return None
            positive: list[_Expr] = []
            negative: list[_Expr] = []
            self._depth += 1
            self._all_of(positive, negative)
            self._depth -= 1
            if self._peek() == ")":
                self._pos += 1
            inner = _conjunction(positive, negative)
            return (inner, False) if inner is not None else None
        minus = lexeme.startswith("-") and len(lexeme) > 1
        term = self._within_budget(_term(lexeme[1:] if minus else lexeme))
        return (term, minus) if term is not None else None

    def _within_budget(self, term: QueryTerm | None) -> QueryTerm | None:
        """The term, cut to the words still allowed; None once `MAX_WORDS` are used up."""
        if term is None:
            return None
        if self.words_left <= 0:
            self.dropped_words = True
            return None
        words = list(_WORD.finditer(term.text))
        if len(words) > self.words_left:
            self.dropped_words = True
            term = QueryTerm(term.text[: words[self.words_left - 1].end()], prefix=False)
            words = words[: self.words_left]
        self.words_left -= max(1, len(words))
        return term


def _conjunction(positive: list[_Expr], negative: list[_Expr]) -> _Expr | None:
    if not positive:
        return None  # FTS5 cannot search for "everything except…": nothing to look for
    if not negative:
        return _combine("AND", positive)
    return _Node("AND", tuple(positive), tuple(negative))


def _term(lexeme: str) -> QueryTerm | None:
    prefix = lexeme.endswith("*")
    body = lexeme.rstrip("*")
    if body.startswith('"'):
        body = body[1:].removesuffix('"')
    # Inside a bare word, '*' and '"' are not syntax; the tokenizer would drop them anyway.
    body = body.replace('"', " ").replace("*", " ").strip()
    if not _HAS_TOKEN.search(body):
        return None
    if prefix:
        words = _WORD.findall(body)
        prefix = bool(words) and len(words[-1]) >= MIN_PREFIX
    return QueryTerm(body, prefix)


def _combine(op: Literal["AND", "OR"], items: list[_Expr]) -> _Expr | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return _Node(op, tuple(items))


# A single word of a query -> the forms of it to search for (the word itself first).
Expand = Callable[[str], list[str]]


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _render(expr: _Expr, expand: Expand | None = None) -> str:
    if isinstance(expr, QueryTerm):
        if expr.prefix:
            return _quote(expr.text) + " *"
        forms = _forms(expr, expand)
        if len(forms) > 1:
            return "(" + " OR ".join(_quote(form) for form in forms) + ")"
        return _quote(expr.text)
    joined = f" {expr.op} ".join(_render_operand(item, expand) for item in expr.items)
    if not expr.negated:
        return joined
    out = _render_operand(expr.items[0], expand) if len(expr.items) == 1 else f"({joined})"
    for item in expr.negated:
        out += f" NOT {_render_operand(item, expand)}"
    return out


def _forms(term: QueryTerm, expand: Expand | None) -> list[str]:
    """The forms of a one-word term to search for; phrases and prefixes stay as typed."""
    if expand is None or term.prefix or not _WORD.fullmatch(term.text):
        return [term.text]
    return expand(term.text) or [term.text]


def _render_operand(expr: _Expr, expand: Expand | None = None) -> str:
    if isinstance(expr, QueryTerm):
        return _render(expr, expand)
    return f"({_render(expr, expand)})"


def _clean(text: str) -> str:
    # SQLite ends a string at NUL, which would leave a quote open; it is no word character anyway.
    return text[:MAX_QUERY_CHARS].replace("\x00", " ")


@dataclass(frozen=True)
class ParsedQuery:
    """What a search box's text asks for, read once."""

    expression: str  # the FTS5 MATCH expression; "" when there is nothing to find
    terms: tuple[QueryTerm, ...]  # words and phrases a hit may contain, for marking hits
    notes: tuple[str, ...] = ()  # what was left out of a very long query, in sentences
    words: int = 0  # words searched for, excluded ones and those inside phrases included


def parse_query(text: str, expand: Expand | None = None) -> ParsedQuery:
    """Read what the user typed, within the bounds above (`MAX_WORDS`, `MAX_DEPTH`…).

    `expand` gives the forms to search for each single word (see `quotebook.search.stemming`);
    they are searched for, and marked in hits, as if the user had typed them joined by OR.
    """
    parser = _Parser(_lex(_clean(text)))
    expr = parser.parse()
    notes = []
    if len(text) > MAX_QUERY_CHARS:
        notes.append(f"Only the first {MAX_QUERY_CHARS:,} characters of the search are read.")
    if parser.dropped_words:
        notes.append(f"Only the first {MAX_WORDS} words of the search are searched for.")
    words = MAX_WORDS - parser.words_left
    if expr is None:
        return ParsedQuery("", (), tuple(notes), words)
    terms = _positive_terms(expr)
    if expand is not None:
        terms = tuple(
            dict.fromkeys(
                QueryTerm(form) if form != term.text else term
                for term in terms
                for form in _forms(term, expand)
            )
        )
    return ParsedQuery(_render(expr, expand), terms, tuple(notes), words)


def _positive_terms(expr: _Expr) -> tuple[QueryTerm, ...]:
    found: list[QueryTerm] = []
    pending: list[_Expr] = [expr]
    while pending:
        node = pending.pop()
        if isinstance(node, QueryTerm):
            found.append(node)
        else:
            pending.extend(reversed(node.items))
    return tuple(dict.fromkeys(found))


def to_fts_query(text: str) -> str:
    """The FTS5 MATCH expression for what the user typed; ``""`` when there is nothing to find.

    >>> to_fts_query('talks "in Vienna" OR dialog* -war')
    '("talks" AND ("in Vienna" OR "dialog" *)) NOT "war"'
    """
    return parse_query(text).expression


def fallback_query(text: str) -> str:
    """The first words of `text` quoted and joined by AND: the last resort if FTS5 objects."""
    words = [w for w in re.split(r"[\s\"()*]+", _clean(text)) if _HAS_TOKEN.search(w)]
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words[:MAX_WORDS])


def search_terms(text: str) -> tuple[QueryTerm, ...]:
    """The words and phrases a hit may contain (excluded ones left out), for marking hits."""
    return parse_query(text).terms
