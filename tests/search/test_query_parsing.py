"""What the user types becomes a query FTS5 accepts, whatever they type."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotebook.search.query import fallback_query, to_fts_query


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("osce", '"osce"'),
        ("osce vienna", '"osce" AND "vienna"'),
        ('"in Vienna"', '"in Vienna"'),
        ("dialog*", '"dialog" *'),
        ('"big wid"*', '"big wid" *'),
        ("vienna OR moscow", '"vienna" OR "moscow"'),
        ("talks vienna OR moscow", '"talks" AND ("vienna" OR "moscow")'),
        ("vienna AND moscow", '"vienna" AND "moscow"'),
        ("vienna NOT moscow", '"vienna" NOT "moscow"'),
        ("vienna -moscow", '"vienna" NOT "moscow"'),
        ('talks -"in Vienna"', '"talks" NOT "in Vienna"'),
        ("(a OR b) c", '("a" OR "b") AND "c"'),
        ("x (y -z)", '"x" AND ("y" NOT "z")'),
        ("and or not", '"and" AND "or" AND "not"'),  # lower case: plain words
        ("e-mail", '"e-mail"'),
        ("Лукашевич", '"Лукашевич"'),
    ],
)
def test_query_language(typed: str, query: str):
    assert to_fts_query(typed) == query


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ('"stray quote', '"stray quote"'),
        ('say "it', '"say" AND "it"'),
        ("war AND", '"war"'),
        ("OR war", '"war"'),
        ("(unclosed", '"unclosed"'),
        ("closed)", '"closed"'),
        ("a ) b", '"a" AND "b"'),
        ("NEAR(a b)", '"NEAR" AND ("a" AND "b")'),
        ("title:osce", '"title:osce"'),
        ("^start col:x {title}", '"^start" AND "col:x" AND "{title}"'),
        ('he said ""hello""', '"he" AND "said" AND "hello"'),
    ],
)
def test_half_typed_or_odd_input_still_searches(typed: str, query: str):
    assert to_fts_query(typed) == query


@pytest.mark.parametrize(
    "typed", ["", "   ", '"', '""', "*", "-", "AND", "NOT x", "-x", "( )", "—"]
)
def test_nothing_to_search_for(typed: str):
    assert to_fts_query(typed) == ""


def test_fallback_quotes_every_word():
    assert fallback_query('"x" (y) z* —') == '"x" AND "y" AND "z"'


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61')")
    conn.execute("INSERT INTO t (body) VALUES ('talks in Vienna about dialogue')")
    return conn


@given(st.text(alphabet=st.sampled_from(list("ab \"()*-:^{}+NOTANDOR\\'é—\n")), max_size=40))
def test_any_input_is_valid_fts5(fts: sqlite3.Connection, typed: str):
    query = to_fts_query(typed)
    if query:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [query]).fetchone()


@given(st.text(max_size=60))
def test_any_unicode_input_is_valid_fts5(fts: sqlite3.Connection, typed: str):
    query = to_fts_query(typed)
    if query:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", [query]).fetchone()
