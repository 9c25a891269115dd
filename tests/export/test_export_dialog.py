"""The Export dialog driven as a user would, with the blocking pop-ups answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from quotebook.anchoring import locate_quote
from quotebook.ui.dialogs.export_dialog import ExportDialog, run_export_dialog, safe_file_name


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def doc_ids(session):
    ids = [s.id for s in session.library.documents.summaries()]
    first = session.library.documents.get(ids[0])
    session.create_annotation(
        ids[0], *_span(first.text, "Russian Diplomats"), tags=["speaker"], note="n"
    )
    return ids


def _span(text: str, quote: str) -> tuple[int, int]:
    anchor = locate_quote(text, quote)
    return anchor.start, anchor.end


@pytest.fixture
def answered(monkeypatch):
    """Answers the closing message with "Open" and records what would have been opened."""
    opened: list[str] = []
    warnings: list[str] = []

    def click_open(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Open").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    return opened, warnings


def make(qtbot, session, settings, **kw) -> ExportDialog:
    dialog = ExportDialog(session, settings=settings, **kw)
    qtbot.addWidget(dialog)
    return dialog


def test_current_document_to_pdf_then_open(qtbot, session, settings, doc_ids, answered, tmp_path):
    opened, warnings = answered
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    assert dialog.objectName() == "exportDialog"
    assert dialog.scope() == "current"
    assert dialog.path_edit.text().endswith(
        "Russian Diplomats Uphold Dialogue Amid OSCE Tensions.pdf"
    )
    out = tmp_path / "current.pdf"
    dialog.path_edit.setText(str(out))
    dialog.author_edit.setText("Ada")
    dialog.quotes_check.setChecked(True)
    dialog.accept()
    assert warnings == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert opened == [str(out)]
    reader = PdfReader(out)
    assert reader.metadata.author == "Ada"
    assert settings.value("export/author") == "Ada"
    assert settings.value("export/lastFolder") == str(tmp_path)


def test_choices_are_remembered(qtbot, session, settings, doc_ids):
    settings.setValue("export/format", "csv")
    settings.setValue("export/notes", "end")
    settings.setValue("export/author", "Bo")
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    assert dialog.format() == "csv"
    assert dialog.options().notes == "end" and dialog.options().author == "Bo"
    assert dialog.path_edit.text().endswith(".csv")
    assert not dialog.page_size_combo.isEnabled()  # PDF options only for PDF
    assert not dialog.options().flatten and not dialog.options().keep_furniture


def test_flatten_and_furniture_choices_are_remembered(qtbot, session, settings, doc_ids):
    settings.setValue("export/flatten", "true")
    settings.setValue("export/keepFurniture", "true")
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    assert dialog.flatten_check.isEnabled() and dialog.furniture_check.isEnabled()
    assert dialog.options().flatten and dialog.options().keep_furniture


def test_format_change_updates_suffix_and_pdf_options(qtbot, session, settings, doc_ids):
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    assert dialog.path_edit.text().endswith(".md")
    assert not dialog.notes_combo.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.notes_combo.isEnabled() and dialog.path_edit.text().endswith(".pdf")


def test_file_chooser_fills_the_path(qtbot, session, settings, doc_ids, monkeypatch, tmp_path):
    chosen = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.choose_path()
    assert dialog.path_edit.text() == str(chosen) + ".json"


def test_folder_export_shows_progress(
    qtbot, session, settings, doc_ids, answered, tmp_path, monkeypatch
):
    folder = session.library.folders.all()[0]
    seen: list[int] = []
    original = QProgressDialog.setValue

    def record(self: QProgressDialog, value: int) -> None:
        seen.append(value)
        original(self, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    dialog = make(qtbot, session, settings, folder_id=folder.id)
    assert dialog.scope() == "folder"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    out = tmp_path / "folder.html"
    dialog.path_edit.setText(str(out))
    dialog.accept()
    assert out.read_text(encoding="utf-8").count("<article") == 5
    assert seen and seen == sorted(seen) and seen[-1] == 6  # 5 documents + finishing


def test_cancel_in_the_progress_dialog_writes_nothing(
    qtbot, session, settings, doc_ids, answered, tmp_path, monkeypatch
):
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dialog = make(qtbot, session, settings, document_ids=doc_ids[:3])
    assert dialog.scope() == "selected"
    out = tmp_path / "selected.pdf"
    dialog.path_edit.setText(str(out))
    dialog.accept()
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert answered[1] == []  # a cancel needs no explanation


def test_failure_is_explained_and_the_dialog_stays(
    qtbot, session, settings, doc_ids, answered, tmp_path
):
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.pdf"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert answered[1] and "does not exist" in answered[1][0]


def test_tag_scope(qtbot, session, settings, doc_ids, answered, tmp_path):
    dialog = make(qtbot, session, settings, current_document_id=doc_ids[0])
    dialog.scope_buttons["tag"].setChecked(True)
    dialog.tag_combo.setCurrentText("speaker")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    out = tmp_path / "tag.csv"
    dialog.path_edit.setText(str(out))
    dialog.accept()
    _header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and ",Russian Diplomats,n,speaker," in rows[0]


def test_run_export_dialog_returns_the_path(
    qtbot, session, settings, doc_ids, answered, tmp_path, monkeypatch
):
    out = tmp_path / "run.md"

    def fill_and_accept(dialog: QDialog) -> int:
        dialog.path_edit.setText(str(out))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fill_and_accept)
    assert run_export_dialog(None, session, doc_ids[0], settings) == out
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert run_export_dialog(None, session, doc_ids[0], settings) is None


@pytest.mark.parametrize(
    ("title", "name"),
    [("a/b: c?", "a b c"), ("  ", "Quotebook export"), ("x" * 100, "x" * 80), ("Dots...", "Dots")],
)
def test_safe_file_name(title, name):
    assert safe_file_name(title) == name
    assert Path(safe_file_name(title)).name == safe_file_name(title)
