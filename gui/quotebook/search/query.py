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
from dataclasses import dataclass, field
from typing import Literal

# Marks around the matched words inside a snippet. Private-use characters cannot collide with
# markup, so each front end can escape the text first and then turn the marks into its own style.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

HitKind = Literal["document", "annotation"]
KINDS: tuple[HitKind, ...] = ("document", "annotation")

_OPERATORS = frozenset({"AND", "OR", "NOT"})
# FTS5's unicode61 tokenizer keeps letters, digits and marks; a term without any of these yields
# no token, and an empty phrase silently matches nothing, so such terms are dropped.
_HAS_TOKEN = re.compile(r"[^\W_]|[\u0300-\u036f]")
_LEXEME = re.compile(r'\s+|\(|\)|-?"[^"]*"?\*?|[^\s()"]+')


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
    """

    def __init__(self, lexemes: list[str]) -> None:
        self._lexemes = lexemes
        self._pos = 0

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
        while (lexeme := self._peek()) is not None and lexeme != ")":
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
            positive: list[_Expr] = []
            negative: list[_Expr] = []
            self._all_of(positive, negative)
            if self._peek() == ")":
                self._pos += 1
            inner = _conjunction(positive, negative)
            return (inner, False) if inner is not None else None
        minus = lexeme.startswith("-") and len(lexeme) > 1
        term = _term(lexeme[1:] if minus else lexeme)
        return (term, minus) if term is not None else None


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
    return QueryTerm(body, prefix)


def _combine(op: Literal["AND", "OR"], items: list[_Expr]) -> _Expr | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return _Node(op, tuple(items))


def _render(expr: _Expr) -> str:
    if isinstance(expr, QueryTerm):
        quoted = '"' + expr.text.replace('"', '""') + '"'
        return quoted + " *" if expr.prefix else quoted
    joined = f" {expr.op} ".join(_render_operand(item) for item in expr.items)
    if not expr.negated:
        return joined
    out = _render_operand(expr.items[0]) if len(expr.items) == 1 else f"({joined})"
    for item in expr.negated:
        out += f" NOT {_render_operand(item)}"
    return out


def _render_operand(expr: _Expr) -> str:
    return _render(expr) if isinstance(expr, QueryTerm) else f"({_render(expr)})"


def _clean(text: str) -> str:
    # SQLite ends a string at NUL, which would leave a quote open; it is no word character anyway.
    return text.replace("\x00", " ")


def to_fts_query(text: str) -> str:
    """The FTS5 MATCH expression for what the user typed; ``""`` when there is nothing to find.

    >>> to_fts_query('talks "in Vienna" OR dialog* -war')
    '("talks" AND ("in Vienna" OR "dialog" *)) NOT "war"'
    """
    expr = _Parser(_lex(_clean(text))).parse()
    return "" if expr is None else _render(expr)


def fallback_query(text: str) -> str:
    """Every word of `text` quoted and joined by AND: the last resort if FTS5 still objects."""
    words = [w for w in re.split(r"[\s\"()*]+", _clean(text)) if _HAS_TOKEN.search(w)]
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_terms(text: str) -> tuple[QueryTerm, ...]:
    """The words and phrases a hit may contain (excluded ones left out), for marking hits."""
    expr = _Parser(_lex(_clean(text))).parse()
    found: list[QueryTerm] = []

    def walk(node: _Expr) -> None:
        if isinstance(node, QueryTerm):
            found.append(node)
        else:
            for item in node.items:
                walk(item)

    if expr is not None:
        walk(expr)
    return tuple(dict.fromkeys(found))
