"""Full-text search over documents and annotations (the FTS5 tables of schema version 3).

A search runs in two steps per index. The first asks FTS5 only for ids and ranks, which it can
do from the index alone; the second computes snippets and hit offsets for the few rows that
made the cut. In one query SQLite would build a snippet for every match before sorting, which
for a common word means every article in the library.

A document hit's offsets come from FTS5's own `highlight()` over the text column: the position
of the first mark is the code-point offset of the first match, so the offsets agree with the
tokenizer (case, diacritics, prefixes, phrases) exactly. Texts longer than `LONG_TEXT` are the
exception: FTS5 would tokenize all of them again per hit, so `TermMatcher` finds the first match
and builds the snippet in Python instead (see `quotebook.search.marks`).
"""

from __future__ import annotations

import heapq
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quotebook.search.marks import TermMatcher
from quotebook.search.query import (
    MARK_CLOSE,
    MARK_OPEN,
    SearchFilters,
    SearchHit,
    fallback_query,
    search_terms,
    to_fts_query,
)

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

SNIPPET_TOKENS = 16
# Texts longer than this (in characters) get their snippet and offsets from `TermMatcher`.
LONG_TEXT = 64_000
DEFAULT_LIMIT = 100

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
        filters = filters or SearchFilters()
        query = to_fts_query(text)
        if not query or limit <= 0:
            return []
        matcher = TermMatcher(search_terms(text))
        try:
            return self._search(query, matcher, filters, limit)
        except sqlite3.OperationalError as exc:
            if "fts5" not in str(exc).lower():
                raise
            # The parser should never produce invalid syntax; if FTS5 disagrees anyway, the user
            # still gets the plain words searched rather than an error.
            query = fallback_query(text)
            return self._search(query, matcher, filters, limit) if query else []

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
        self, query: str, matcher: TermMatcher, filters: SearchFilters, limit: int
    ) -> list[SearchHit]:
        ranked: list[tuple[float, str, int]] = []
        if "document" in filters.kinds:
            ranked += [
                (rank, "document", i) for i, rank in self._rank_documents(query, filters, limit)
            ]
        if "annotation" in filters.kinds:
            ranked += [
                (rank, "annotation", i) for i, rank in self._rank_annotations(query, filters, limit)
            ]
        best = heapq.nsmallest(limit, ranked)
        documents = self._document_hits(
            query, matcher, [i for _, kind, i in best if kind == "document"]
        )
        annotations = self._annotation_hits(
            query, [i for _, kind, i in best if kind == "annotation"]
        )
        hits = []
        for rank, kind, i in best:
            hit = (documents if kind == "document" else annotations).get(i)
            if hit is not None:
                hits.append(replace(hit, rank=rank))
        return hits

    def _rank_documents(
        self, query: str, filters: SearchFilters, limit: int
    ) -> list[tuple[int, float]]:
        where, params = _document_conditions(filters, annotation_alias=None)
        if where:
            sql = f"""SELECT f.rowid, f.rank FROM documents_fts f JOIN documents d ON d.id = f.rowid
                      WHERE documents_fts MATCH :query AND {where}
                      ORDER BY f.rank LIMIT :limit"""
        else:
            sql = """SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH :query
                     ORDER BY rank LIMIT :limit"""
        rows = self._db.execute(sql, {**params, "query": query, "limit": limit})
        return [(int(r[0]), float(r[1])) for r in rows]

    def _rank_annotations(
        self, query: str, filters: SearchFilters, limit: int
    ) -> list[tuple[int, float]]:
        where, params = _document_conditions(filters, annotation_alias="a")
        sql = f"""SELECT f.rowid, f.rank FROM annotations_fts f
                  JOIN annotations a ON a.id = f.rowid JOIN documents d ON d.id = a.document_id
                  WHERE annotations_fts MATCH :query {"AND " + where if where else ""}
                  ORDER BY f.rank LIMIT :limit"""
        rows = self._db.execute(sql, {**params, "query": query, "limit": limit})
        return [(int(r[0]), float(r[1])) for r in rows]

    def _document_hits(
        self, query: str, matcher: TermMatcher, ids: list[int]
    ) -> dict[int, SearchHit]:
        """Snippets and offsets: from FTS5 for ordinary articles, from `matcher` for long texts.

        (The CASEs keep SQLite from running `snippet`/`highlight` over a long text at all.)
        """
        if not ids:
            return {}
        marks = ",".join(f":id{n}" for n in range(len(ids)))
        rows = self._db.execute(
            f"""SELECT f.rowid, d.title, highlight(documents_fts, 0, :open, :close),
                    CASE WHEN length(d.text) <= :long
                         THEN snippet(documents_fts, -1, :open, :close, '…', :tokens) END,
                    CASE WHEN length(d.text) <= :long
                         THEN highlight(documents_fts, 1, :open, :close) ELSE d.text END
                FROM documents_fts f JOIN documents d ON d.id = f.rowid
                WHERE documents_fts MATCH :query AND f.rowid IN ({marks})""",
            {
                "open": MARK_OPEN,
                "close": MARK_CLOSE,
                "tokens": SNIPPET_TOKENS,
                "long": LONG_TEXT,
                "query": query,
                **{f"id{n}": i for n, i in enumerate(ids)},
            },
        )
        hits = {}
        for document_id, title, marked_title, snippet, text in rows:
            if snippet is not None:
                start, end = _first_mark(text)
            elif (found := matcher.first(text)) is not None:
                start, end = found
                snippet = matcher.snippet(text, start, end)
            else:  # only the title matched
                start, end, snippet = 0, 0, marked_title
            hits[int(document_id)] = SearchHit(
                kind="document",
                document_id=int(document_id),
                start=start,
                end=end,
                snippet=_tidy(snippet),
                title=title,
            )
        return hits

    def _annotation_hits(self, query: str, ids: list[int]) -> dict[int, SearchHit]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"""SELECT f.rowid, a.document_id, a.start, a."end", d.title,
                       snippet(annotations_fts, -1, ?, ?, '…', ?)
                FROM annotations_fts f JOIN annotations a ON a.id = f.rowid
                JOIN documents d ON d.id = a.document_id
                WHERE annotations_fts MATCH ? AND f.rowid IN ({marks})""",
            [MARK_OPEN, MARK_CLOSE, SNIPPET_TOKENS, query, *ids],
        )
        return {
            int(r[0]): SearchHit(
                kind="annotation",
                document_id=int(r[1]),
                start=int(r[2]),
                end=int(r[3]),
                snippet=_tidy(r[5]),
                title=r[4],
                annotation_id=int(r[0]),
            )
            for r in rows
        }


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
