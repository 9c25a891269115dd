"""Full-text search over documents and annotations (the FTS5 tables of schema version 3).

A search runs in two steps per index. The first asks FTS5 only for ids and ranks, which it can
do from the index alone; the second computes snippets and hit offsets for the few rows that
made the cut, one row at a time (FTS5 finds a row by its id at once, where an ``IN`` list would
have it walk every match). In one query SQLite would build a snippet for every match before
sorting, which for a common word means every article in the library.

Ranking costs a little for every match and every word searched for. So that no search, however
common its words, costs more than a bounded amount, only the newest `RANK_POOL` matches are
ranked when there are more (the search says so); the query itself is bounded by the parser
(`quotebook.search.query.MAX_WORDS` and friends).

A document hit's offsets come from FTS5's own `highlight()` over the text column: the position
of the first mark is the code-point offset of the first match, so the offsets agree with the
tokenizer (case, diacritics, prefixes, phrases) exactly. Texts longer than `LONG_TEXT` are the
exception: FTS5 would tokenize all of them again per hit, so `TermMatcher` finds the first match
and builds the snippet in Python instead (see `quotebook.search.marks`).
"""

from __future__ import annotations

import heapq
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from quotebook.search.marks import TermMatcher
from quotebook.search.query import (
    MARK_CLOSE,
    MARK_OPEN,
    SearchFilters,
    SearchHit,
    fallback_query,
    parse_query,
)

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

SNIPPET_TOKENS = 16
# Texts longer than this (in characters) get their snippet and offsets from `TermMatcher`.
LONG_TEXT = 64_000
DEFAULT_LIMIT = 100
VOCABULARY_SCAN = 400  # indexed words looked at for the forms of one searched word
# With more matches than this in one index, the newest this many are ranked. Ranking costs per
# match and per word, so a query of more than `POOL_WORDS` words ranks proportionally fewer.
RANK_POOL = 1000
POOL_WORDS = 4
# Queries of more words than this get their snippets from `TermMatcher`: FTS5's snippet() and
# highlight() work per word searched, a few milliseconds a hit for a long query.
SQL_MARKS_WORDS = 4
POOL_NOTE = (
    "More than {pool:,} matches: the best of the newest {pool:,} are shown. "
    "More words narrow the search."
)


def rank_pool(words: int) -> int:
    """How many of the newest matches a query of so many words ranks."""
    return RANK_POOL * POOL_WORDS // max(POOL_WORDS, words)


@dataclass(frozen=True)
class SearchOutcome:
    hits: list[SearchHit]
    notes: tuple[str, ...] = ()  # sentences about what a very long or broad search left out


_FOLDER_TREE = """d.folder_id IN (
    WITH RECURSIVE below(id) AS (
        SELECT :folder_id UNION ALL SELECT f.id FROM folders f JOIN below ON f.parent_id = below.id
    ) SELECT id FROM below)"""
_TAGGED = """SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
    WHERE t.name = :tag COLLATE NOCASE OR t.name LIKE :tag_below ESCAPE '\\'"""


class SearchRepository:
    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def search(
        self, text: str, filters: SearchFilters | None = None, *, limit: int = DEFAULT_LIMIT
    ) -> list[SearchHit]:
        """The best `limit` hits for what the user typed, best first; never a syntax error.

        Documents and annotations are ranked together by FTS5's bm25 score.
        """
        return self.find(text, filters, limit=limit).hits

    def find(
        self, text: str, filters: SearchFilters | None = None, *, limit: int = DEFAULT_LIMIT
    ) -> SearchOutcome:
        """`search`, with sentences about what a very long or very broad search left out."""
        filters = filters or SearchFilters()
        parsed = parse_query(text, self._forms_of)
        if not parsed.expression or limit <= 0:
            return SearchOutcome([], parsed.notes)
        matcher = TermMatcher(parsed.terms)
        if parsed.words > SQL_MARKS_WORDS:
            matcher.everywhere = True
        pool = rank_pool(parsed.words)
        try:
            hits, pooled = self._search(parsed.expression, matcher, filters, limit, pool)
        except sqlite3.OperationalError as exc:
            if "fts5" not in str(exc).lower():
                raise
            # The parser should never produce invalid syntax; if FTS5 disagrees anyway, the user
            # still gets the plain words searched rather than an error.
            query = fallback_query(text)
            hits, pooled = (
                self._search(query, matcher, filters, limit, pool) if query else ([], False)
            )
        return SearchOutcome(
            hits, parsed.notes + ((POOL_NOTE.format(pool=pool),) if pooled else ())
        )

    def _forms_of(self, word: str) -> list[str]:
        """The forms of a Russian word this library holds (Лаврова: лавров, лаврову…)."""
        from quotebook.search.stemming import inflected_forms

        try:
            return inflected_forms(word, self._vocabulary)
        except (ImportError, sqlite3.OperationalError):
            # No stemmer, or a library older than its vocabulary views (read-only, so not
            # migrated): the word is searched as typed.
            return [word]

    def _vocabulary(self, stem: str) -> list[tuple[str, int]]:
        """The indexed words that begin with `stem`, with how often each occurs."""
        rows = self._db.execute(
            """SELECT term, sum(cnt) FROM (
                   SELECT term, cnt FROM documents_vocab WHERE term >= :lo AND term < :hi
                   UNION ALL
                   SELECT term, cnt FROM annotations_vocab WHERE term >= :lo AND term < :hi
               ) GROUP BY term LIMIT :limit""",
            {"lo": stem, "hi": stem + "\U0010ffff", "limit": VOCABULARY_SCAN},
        )
        return [(str(term), int(count)) for term, count in rows]

    def interrupt(self) -> None:
        """Stop a search running on this repository's connection, from another thread; it
        raises `quotebook.store.database.Interrupted`."""
        self._db.interrupt()

    def close(self) -> None:
        """Close the connection of a repository made by `Library.open_reader`."""
        self._db.close()

    def outlets(self) -> list[str]:
        """Every outlet named in the library, for the outlet filter."""
        rows = self._db.execute(
            "SELECT DISTINCT outlet FROM documents WHERE outlet <> '' "
            "ORDER BY outlet COLLATE NOCASE"
        )
        return [str(r[0]) for r in rows]

    def rebuild(self) -> None:
        """Rebuild both indexes from the tables (a repair; the triggers keep them in step)."""
        with self._db.atomic():
            self._db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
            self._db.execute("DELETE FROM annotations_fts")
            self._db.execute(
                """INSERT INTO annotations_fts (rowid, quote, note, tags)
                   SELECT a.id, a.quote, a.note, coalesce((
                       SELECT group_concat(t.name, char(10)) FROM annotation_tags at
                       JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id), '')
                   FROM annotations a"""
            )

    # -- internals -----------------------------------------------------------------------------

    def _search(
        self, query: str, matcher: TermMatcher, filters: SearchFilters, limit: int, pool: int
    ) -> tuple[list[SearchHit], bool]:
        ranked: list[tuple[float, str, int]] = []
        pooled = False
        if "document" in filters.kinds:
            rows, pooled = self._rank_documents(query, filters, limit, pool)
            ranked += [(rank, "document", i) for i, rank in rows]
        if "annotation" in filters.kinds:
            rows, pooled_annotations = self._rank_annotations(query, filters, limit, pool)
            ranked += [(rank, "annotation", i) for i, rank in rows]
            pooled = pooled or pooled_annotations
        best = heapq.nsmallest(limit, ranked)
        hits = []
        for rank, kind, i in best:
            if matcher.everywhere:
                hit = self._marked_hit(kind, i, matcher)
            elif kind == "document":
                hit = self._document_hit(query, matcher, i)
            else:
                hit = self._annotation_hit(query, i)
            if hit is not None:
                hits.append(replace(hit, rank=rank))
        return hits, pooled

    def _rank_documents(
        self, query: str, filters: SearchFilters, limit: int, pool: int
    ) -> tuple[list[tuple[int, float]], bool]:
        where, params = _document_conditions(filters, annotation_alias=None)
        if where:
            source = f"""documents_fts f JOIN documents d ON d.id = f.rowid
                         WHERE documents_fts MATCH :query AND {where}"""
        else:
            source = "documents_fts f WHERE documents_fts MATCH :query"
        return self._rank(source, {**params, "query": query}, limit, pool)

    def _rank_annotations(
        self, query: str, filters: SearchFilters, limit: int, pool: int
    ) -> tuple[list[tuple[int, float]], bool]:
        where, params = _document_conditions(filters, annotation_alias="a")
        source = f"""annotations_fts f
                  JOIN annotations a ON a.id = f.rowid JOIN documents d ON d.id = a.document_id
                  WHERE annotations_fts MATCH :query {"AND " + where if where else ""}"""
        return self._rank(source, {**params, "query": query}, limit, pool)

    def _rank(
        self, source: str, params: dict[str, Any], limit: int, pool: int
    ) -> tuple[list[tuple[int, float]], bool]:
        """The best `limit` (rowid, rank) of a match, ranking at most `pool` of them.

        FTS5 walks a match in rowid order without ranking anything, so finding where the
        newest `pool` matches begin is cheap; ranking is then bounded to those.
        """
        beyond = self._db.execute(
            f"SELECT f.rowid FROM {source} ORDER BY f.rowid DESC LIMIT 1 OFFSET :pool",
            {**params, "pool": pool},
        ).fetchone()
        pooled = beyond is not None
        bound = " AND f.rowid > :beyond" if pooled else ""
        rows = self._db.execute(
            f"SELECT f.rowid, f.rank FROM {source}{bound} ORDER BY f.rank LIMIT :limit",
            {**params, "limit": limit, **({"beyond": beyond[0]} if pooled else {})},
        )
        return [(int(r[0]), float(r[1])) for r in rows], pooled

    def _document_hit(self, query: str, matcher: TermMatcher, document_id: int) -> SearchHit | None:
        """Snippet and offsets: from FTS5 for ordinary articles, from `matcher` for long texts.

        (The CASEs keep SQLite from running `snippet`/`highlight` over a long text at all.)
        """
        row = self._db.execute(
            """SELECT d.title, highlight(documents_fts, 0, :open, :close),
                    CASE WHEN length(d.text) <= :long
                         THEN snippet(documents_fts, -1, :open, :close, '…', :tokens) END,
                    CASE WHEN length(d.text) <= :long
                         THEN highlight(documents_fts, 1, :open, :close) ELSE d.text END
                FROM documents_fts f JOIN documents d ON d.id = f.rowid
                WHERE documents_fts MATCH :query AND f.rowid = :id""",
            {
                "open": MARK_OPEN,
                "close": MARK_CLOSE,
                "tokens": SNIPPET_TOKENS,
                "long": LONG_TEXT,
                "query": query,
                "id": document_id,
            },
        ).fetchone()
        if row is None:
            return None
        title, marked_title, snippet, text = row
        if snippet is not None:
            start, end = _first_mark(text)
        elif (found := matcher.first(text)) is not None:
            start, end = found
            snippet = matcher.snippet(text, start, end)
        else:  # only the title matched
            start, end, snippet = 0, 0, marked_title
        return SearchHit(
            kind="document",
            document_id=document_id,
            start=start,
            end=end,
            snippet=_tidy(snippet),
            title=title,
        )

    def _marked_hit(self, kind: str, row_id: int, matcher: TermMatcher) -> SearchHit | None:
        """A hit with its snippet and offsets found by `matcher`, without FTS5's functions."""
        if kind == "document":
            row = self._db.execute(
                "SELECT title, text FROM documents WHERE id = ?", [row_id]
            ).fetchone()
            if row is None:
                return None
            title, text = row
            found = matcher.first(text)
            if found is None:  # only the title matched
                return SearchHit(
                    "document", row_id, 0, 0, _tidy(matcher.snippet(title, 0, 0)), title
                )
            start, end = found
            snippet = _tidy(matcher.snippet(text, start, end))
            return SearchHit("document", row_id, start, end, snippet, title)
        row = self._db.execute(
            """SELECT a.document_id, a.start, a."end", d.title, f.quote, f.note, f.tags
               FROM annotations a JOIN documents d ON d.id = a.document_id
               JOIN annotations_fts f ON f.rowid = a.id WHERE a.id = ?""",
            [row_id],
        ).fetchone()
        if row is None:
            return None
        fields = [str(value or "") for value in row[4:]]
        column = next((f for f in fields if matcher.first(f) is not None), fields[0])
        found = matcher.first(column) or (0, 0)
        return SearchHit(
            kind="annotation",
            document_id=int(row[0]),
            start=int(row[1]),
            end=int(row[2]),
            snippet=_tidy(matcher.snippet(column, *found)),
            title=row[3],
            annotation_id=row_id,
        )

    def _annotation_hit(self, query: str, annotation_id: int) -> SearchHit | None:
        row = self._db.execute(
            """SELECT a.document_id, a.start, a."end", d.title,
                       snippet(annotations_fts, -1, ?, ?, '…', ?)
                FROM annotations_fts f JOIN annotations a ON a.id = f.rowid
                JOIN documents d ON d.id = a.document_id
                WHERE annotations_fts MATCH ? AND f.rowid = ?""",
            [MARK_OPEN, MARK_CLOSE, SNIPPET_TOKENS, query, annotation_id],
        ).fetchone()
        if row is None:
            return None
        return SearchHit(
            kind="annotation",
            document_id=int(row[0]),
            start=int(row[1]),
            end=int(row[2]),
            snippet=_tidy(row[4]),
            title=row[3],
            annotation_id=annotation_id,
        )


def _document_conditions(
    filters: SearchFilters, *, annotation_alias: str | None
) -> tuple[str, dict[str, Any]]:
    """SQL conditions on ``d`` (documents) and, for annotation hits, on the annotation itself.

    For document hits, tag and colour ask that some annotation of the document carries them.
    """
    conditions: list[str] = []
    params: dict[str, Any] = {}
    if filters.folder_id is not None:
        conditions.append(_FOLDER_TREE)
        params["folder_id"] = filters.folder_id
    if filters.outlet:
        conditions.append("d.outlet = :outlet COLLATE NOCASE")
        params["outlet"] = filters.outlet
    if filters.date_from:
        conditions.append("d.published <> '' AND substr(d.published, 1, 10) >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        conditions.append("d.published <> '' AND substr(d.published, 1, 10) <= :date_to")
        params["date_to"] = filters.date_to
    on_annotation: list[str] = []
    alias = annotation_alias or "x"
    if filters.color:
        on_annotation.append(f"{alias}.color = :color")
        params["color"] = filters.color
    if filters.tag:
        on_annotation.append(f"{alias}.id IN ({_TAGGED})")
        params["tag"] = filters.tag
        escaped = filters.tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["tag_below"] = escaped + "/%"
    if on_annotation and annotation_alias is None:
        conditions.append(
            "EXISTS (SELECT 1 FROM annotations x WHERE x.document_id = d.id AND "
            + " AND ".join(on_annotation)
            + ")"
        )
    else:
        conditions += on_annotation
    return " AND ".join(f"({c})" for c in conditions), params


def _first_mark(marked: str) -> tuple[int, int]:
    """Offsets in the unmarked text of the first marked span; (0, 0) when nothing is marked."""
    start = marked.find(MARK_OPEN)
    if start < 0:
        return 0, 0
    end = marked.find(MARK_CLOSE, start)
    return start, (end - 1 if end > start else start)


def _tidy(snippet: str) -> str:
    """One line: newlines and runs of spaces in a snippet become single spaces."""
    return " ".join(snippet.split())
