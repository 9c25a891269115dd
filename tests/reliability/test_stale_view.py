"""A window showing a document whose text another program replaced.

Before: with a document open in the app, ``import --replace`` from the command line changed its
text, and a highlight then made in the window landed on other words. Now the text's hash is
checked in the transaction that stores the highlight: on a mismatch nothing is stored, the
document is reloaded and the user told. The window also notices changes made elsewhere
(``PRAGMA data_version``) and shows them by itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from cli_runner import run_cli
from quotebook.errors import UserError

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OLD = "Talks in Vienna.\n\nThe envoy said the talks would go on.\n"
NEW = "Talks in Vienna, updated.\n\nA new first line.\nThe envoy said the talks would go on.\n"


@pytest.fixture
def replaced_elsewhere(make_window, library_path: Path, tmp_path: Path):
    """A window on an imported article, and a way to replace the article from the CLI."""
    page = tmp_path / "article.txt"
    page.write_text(OLD, encoding="utf-8")
    run_cli(library_path, "import", str(page))
    window = make_window()
    summaries = window.session.library.documents.summaries()
    document_id = next(s.id for s in summaries if s.title == "Talks in Vienna.")
    window.open_document(document_id)
    assert window.document is not None and window.document.text == OLD

    def replace() -> None:
        page.write_text(NEW, encoding="utf-8")
        run_cli(library_path, "import", "--replace", str(page))

    return window, document_id, replace


def test_a_highlight_on_a_replaced_text_is_refused_and_the_document_reloaded(
    qtbot, replaced_elsewhere
):
    window, document_id, replace = replaced_elsewhere
    window._outside_watch.stop()  # as if the change came between two looks at the library
    start = OLD.index("envoy")
    window.viewer.select_range(start, start + len("envoy"), exact=True)
    replace()
    with pytest.raises(UserError, match=r"changed elsewhere.*reloaded: select the passage again"):
        window.highlight_selection()
    assert window.session.library.annotations.for_document(document_id) == []
    assert window.document is not None and window.document.text == NEW
    assert window.viewer.toPlainText() == NEW
    # In the reloaded text the same words are where the view says they are.
    start = NEW.index("envoy")
    window.viewer.select_range(start, start + len("envoy"), exact=True)
    annotation_id = window.highlight_selection()
    assert window.session.library.annotations.get(annotation_id).quote == "envoy"


def test_the_window_notices_a_change_made_elsewhere(qtbot, replaced_elsewhere):
    window, _, replace = replaced_elsewhere
    replace()
    qtbot.waitUntil(lambda: window.viewer.toPlainText() == NEW, timeout=10_000)
    assert "was changed elsewhere and has been reloaded" in window.statusBar().currentMessage()
    words = len(NEW.split())
    assert window.findChild(QLabel, "statusWords").text() == f"{words} words"


def test_undoing_a_delete_on_a_replaced_text_is_refused_and_the_stack_stays_put(
    qtbot, replaced_elsewhere
):
    window, document_id, replace = replaced_elsewhere
    window._outside_watch.stop()
    session = window.session
    start = OLD.index("envoy")
    created = session.create_annotation(document_id, start, start + 5, seen=window.document)
    session.delete_annotation(created.id)
    replace()
    with pytest.raises(UserError, match="changed elsewhere"):
        session.undo()  # putting it back would place it on other words
    assert session.undo_stack.index() == 2  # still after the delete, as the library is
    assert session.library.annotations.for_document(document_id) == []
    session.undo_stack.clear()
