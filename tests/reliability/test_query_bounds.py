"""What a search may cost is bounded whatever is typed or pasted, and the app never waits for it.

Before: 2,000 nested parentheses raised RecursionError, 500 words ran for minutes, and the
search box ran every query on the UI thread. How fast the bounded search is, on 10,000
articles, is measured in `tests/benchmarks/bench_query_bounds.py`.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from cli_runner import run_cli
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.search.query import MAX_DEPTH, MAX_WORDS, parse_query, to_fts_query
from quotebook.store import Library
from quotebook.store.search import RANK_POOL
from quotebook.ui.panels.search.panel import SearchPanel
from quotebook.ui.session import Session

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def depth(expression: str) -> int:
    deepest = level = 0
    for char in re.sub(r'"[^"]*"', "", expression):
        level += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, level)
    return deepest


def test_deep_parentheses_are_bounded_not_a_recursion_error():
    expression = to_fts_query("(" * 2000 + "vienna talks" + ")" * 2000)
    assert expression == '"vienna" AND "talks"'
    nested = "".join(f"(w{n} OR " for n in range(300)) + "end" + ")" * 300
    assert depth(to_fts_query(nested)) <= MAX_DEPTH + 1


def test_many_words_are_capped_and_the_search_says_so():
    parsed = parse_query(" ".join(f"word{n}" for n in range(500)))
    assert len(re.findall(r'"word\d+"', parsed.expression)) == MAX_WORDS
    assert parsed.notes == (f"Only the first {MAX_WORDS} words of the search are searched for.",)
    phrase = parse_query('"' + " ".join(f"w{n}" for n in range(40)) + '"')
    assert phrase.expression.count(" ") == MAX_WORDS - 1  # one phrase of MAX_WORDS words


def test_ten_kilobytes_of_anything_parse_to_a_bounded_query():
    for junk in ['"(' * 5000, "-(" * 5000, "NOT " * 2600, "a* " * 3500, "é" * 10_240]:
        parsed = parse_query(junk)
        assert len(re.findall(r'"[^"]*"', parsed.expression)) <= MAX_WORDS
        assert depth(parsed.expression) <= MAX_DEPTH + 1
    assert parse_query("x" * 20_000).notes[0].startswith("Only the first 10,240 characters")


def test_a_one_letter_prefix_is_a_word():
    assert to_fts_query("a* th*") == '"a" AND "th" *'


def test_the_command_line_says_what_it_left_out(tmp_path: Path):
    page = tmp_path / "a.txt"
    page.write_text("Talks in Vienna went on.\n", encoding="utf-8")
    library = tmp_path / "library.sqlite"
    run_cli(library, "import", str(page))
    words = " ".join(["talks"] * 300)
    result = run_cli(library, "search", words, "(" * 3000 + "vienna" + ")" * 3000)
    assert f"Only the first {MAX_WORDS} words" in result.stderr
    assert "doc 1" in result.stdout


def test_ranking_is_bounded_to_the_newest_matches(tmp_path: Path):
    with Library(tmp_path / "library.sqlite") as library:
        with library.documents.batch() as batch:
            for n in range(RANK_POOL + 50):
                batch.add(NewDocument(DocumentMeta(f"Article {n}"), f"Common words, item {n}."))
        outcome = library.search.find("common", limit=10)
        assert len(outcome.hits) == 10
        assert outcome.notes and outcome.notes[0].startswith(f"More than {RANK_POOL:,} matches")
        oldest_ranked = RANK_POOL + 50 - RANK_POOL + 1
        assert all(hit.document_id >= oldest_ranked for hit in outcome.hits)
        assert library.search.find("item 3").notes == ()  # one match: nothing left out


# -- the search panel -------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot, session: Session) -> SearchPanel:
    widget = SearchPanel(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_panel_searches_off_the_ui_thread(qtbot, panel: SearchPanel):
    threads: list[str] = []
    panel.model.modelReset.connect(lambda: threads.append(threading.current_thread().name))
    panel.set_query("Lukashevich")
    assert panel.searching  # set_query returned before the answer
    assert "quotebook-search" in [t.name for t in threading.enumerate()]
    qtbot.waitUntil(lambda: not panel.searching)
    assert panel.hits()
    assert threads == ["MainThread"]  # the answer is shown on the UI thread


def test_the_latest_query_wins(qtbot, panel: SearchPanel):
    shown: list[list[int]] = []
    panel.model.modelReset.connect(lambda: shown.append([h.document_id for h in panel.hits()]))
    for text in ["OSCE", "Vienna", "Lukashevich", "zeppelin"]:
        panel.set_query(text)
    qtbot.waitUntil(lambda: not panel.searching)
    assert panel.hits() == []
    assert panel.status.text() == "No matches."
    assert shown == [[]]  # no answer to an earlier query was ever shown


def test_the_panel_shows_what_a_long_query_left_out(qtbot, panel: SearchPanel):
    panel.set_query(" ".join(["osce"] * 40))
    qtbot.waitUntil(lambda: not panel.searching)
    assert panel.hits()
    assert f"Only the first {MAX_WORDS} words" in panel.status.text()
