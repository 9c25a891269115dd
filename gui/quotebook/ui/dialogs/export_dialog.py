"""The Export dialog: what to export (scope), how (format and PDF options) and where.

The formats include REFI-QDA projects and code books for other QDA programs, with the same scopes.
The dialog only gathers choices; `quotebook.export` does the work, the same code the CLI runs.
It stays open when an export fails, so the user can pick another folder, and closes with a
message offering to open the finished file. Choices are remembered in the settings under
``export/…``; the author name written into PDF annotations is ``export/author`` (empty: the
system user's name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from quotebook.errors import UserError
from quotebook.export import (
    FORMAT_LABEL,
    FORMAT_SUFFIX,
    FORMATS,
    PROJECT_FORMATS,
    ExportCancelled,
    ExportItem,
    ExportOptions,
    ExportResult,
    Format,
    Progress,
    collect_items,
    export,
)
from quotebook.ui.session import Session
from quotebook.wording import plural

KEY_FORMAT = "export/format"
KEY_PAGE_SIZE = "export/pageSize"
KEY_NOTES = "export/notes"
KEY_QUOTES = "export/quotesSection"
KEY_AUTHOR = "export/author"
KEY_FLATTEN = "export/flatten"
KEY_KEEP_FURNITURE = "export/keepFurniture"
KEY_FOLDER = "export/lastFolder"

SCOPES = ("current", "selected", "folder", "tag", "library")


class ExportDialog(QDialog):
    def __init__(
        self,
        session: Session,
        *,
        current_document_id: int | None = None,
        document_ids: Sequence[int] = (),
        folder_id: int | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.session = session
        self.settings = settings
        self.result_: ExportResult | None = None
        self._current = current_document_id
        self._selected = list(document_ids)
        self._folder = folder_id
        self._suggested_name = "Quotebook export"

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_scope())
        layout.addWidget(self._build_format())
        layout.addWidget(self._build_output())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("exportButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._restore()
        self._format_changed()
        self.resize(520, self.sizeHint().height())

    # -- building --------------------------------------------------------------------------------

    def _build_scope(self) -> QGroupBox:
        box = QGroupBox("Export", self)
        library = self.session.library
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        current_title = library.documents.get(self._current).title if self._current else ""
        short_title = current_title if len(current_title) <= 60 else current_title[:59] + "…"
        folder_name = library.folders.get(self._folder).name if self._folder else ""
        labels = {
            "current": f"Current document: {short_title}" if current_title else "Current document",
            "selected": f"Selected documents ({len(self._selected)})",
            "folder": f"Folder “{folder_name}”" if folder_name else "Selected folder",
            "tag": "Annotations with the tag",
            "library": "Whole library",
        }
        enabled = {
            "current": self._current is not None,
            "selected": len(self._selected) > 1,
            "folder": self._folder is not None,
            "tag": bool(library.tags.all()),
            "library": True,
        }
        rows = QVBoxLayout(box)
        for scope in SCOPES:
            button = QRadioButton(labels[scope], box)
            button.setObjectName(f"exportScope{scope.title()}")
            button.setEnabled(enabled[scope])
            button.setVisible(scope != "selected" or enabled[scope])
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            if scope == "tag":
                line = QHBoxLayout()
                line.addWidget(button)
                self.tag_combo = QComboBox(box)
                self.tag_combo.setObjectName("exportTag")
                self.tag_combo.addItems([t.name for t in library.tags.all()])
                self.tag_combo.setEnabled(enabled["tag"])
                self.tag_combo.activated.connect(lambda _i, b=button: b.setChecked(True))
                line.addWidget(self.tag_combo, 1)
                rows.addLayout(line)
            else:
                rows.addWidget(button)
        first = next(s for s in ("selected", "current", "folder", "library") if enabled[s])
        self.scope_buttons[first].setChecked(True)
        if first == "current" and current_title:
            self._suggested_name = current_title
        elif first == "folder" and folder_name:
            self._suggested_name = folder_name
        return box

    def _build_format(self) -> QGroupBox:
        box = QGroupBox("Format", self)
        form = QFormLayout(box)
        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("exportFormat")
        for fmt in FORMATS:
            self.format_combo.addItem(FORMAT_LABEL[fmt], fmt)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form.addRow("File type:", self.format_combo)
        self.page_size_combo = QComboBox(box)
        self.page_size_combo.setObjectName("exportPageSize")
        self.page_size_combo.addItem("A4", "a4")
        self.page_size_combo.addItem("Letter", "letter")
        form.addRow("Paper:", self.page_size_combo)
        self.notes_combo = QComboBox(box)
        self.notes_combo.setObjectName("exportNotes")
        self.notes_combo.addItem("Beside the text, in the margin", "margin")
        self.notes_combo.addItem("Numbered, at the end of each document", "end")
        form.addRow("Notes:", self.notes_combo)
        self.quotes_check = QCheckBox("Close with all quotes grouped by tag", box)
        self.quotes_check.setObjectName("exportQuotesSection")
        form.addRow("", self.quotes_check)
        self.furniture_check = QCheckBox("Keep page furniture hidden in Reader View", box)
        self.furniture_check.setObjectName("exportKeepFurniture")
        form.addRow("", self.furniture_check)
        self.flatten_check = QCheckBox("Also paint highlights into the page", box)
        self.flatten_check.setObjectName("exportFlatten")
        self.flatten_check.setToolTip("For PDF readers that do not show annotations")
        form.addRow("", self.flatten_check)
        self.author_edit = QLineEdit(box)
        self.author_edit.setObjectName("exportAuthor")
        self.author_edit.setPlaceholderText("Your name, on PDF annotations and in projects")
        form.addRow("Author:", self.author_edit)
        self._pdf_only = [
            self.page_size_combo,
            self.notes_combo,
            self.quotes_check,
            self.furniture_check,
            self.flatten_check,
        ]
        # Off each time the dialog opens: formulas from web pages run when a spreadsheet opens
        # the file, so keeping them must be a fresh decision.
        self.raw_csv_check = QCheckBox("Keep cells that start like a formula as they are", box)
        self.raw_csv_check.setObjectName("exportRawCsv")
        self.raw_csv_check.setToolTip(
            "By default a cell starting with =, +, -, @, a tab or a return gets a leading "
            "apostrophe, so that a spreadsheet shows it as text instead of running it."
        )
        form.addRow("CSV:", self.raw_csv_check)
        return box

    def _build_output(self) -> QGroupBox:
        box = QGroupBox("Save as", self)
        line = QHBoxLayout(box)
        self.path_edit = QLineEdit(box)
        self.path_edit.setObjectName("exportPath")
        line.addWidget(self.path_edit, 1)
        browse = QPushButton("Choose…", box)
        browse.setObjectName("exportBrowse")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_path)
        line.addWidget(browse)
        return box

    # -- settings --------------------------------------------------------------------------------

    def _value(self, key: str, default: str) -> str:
        if self.settings is None:
            return default
        return str(self.settings.value(key, default) or default)

    def _restore(self) -> None:
        fmt = self._value(KEY_FORMAT, "pdf")
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        self.page_size_combo.setCurrentIndex(
            max(0, self.page_size_combo.findData(self._value(KEY_PAGE_SIZE, "a4")))
        )
        self.notes_combo.setCurrentIndex(
            max(0, self.notes_combo.findData(self._value(KEY_NOTES, "margin")))
        )
        self.quotes_check.setChecked(self._value(KEY_QUOTES, "false").lower() == "true")
        self.flatten_check.setChecked(self._value(KEY_FLATTEN, "false").lower() == "true")
        self.furniture_check.setChecked(self._value(KEY_KEEP_FURNITURE, "false").lower() == "true")
        self.author_edit.setText(self._value(KEY_AUTHOR, ""))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = Path(self._value(KEY_FOLDER, documents or str(Path.home())))
        self.path_edit.setText(str(folder / (safe_file_name(self._suggested_name) + ".pdf")))

    def _save(self, options: ExportOptions, path: Path) -> None:
        if self.settings is None:
            return
        self.settings.setValue(KEY_FORMAT, options.format)
        self.settings.setValue(KEY_PAGE_SIZE, options.page_size)
        self.settings.setValue(KEY_NOTES, options.notes)
        self.settings.setValue(KEY_QUOTES, "true" if options.quotes_section else "false")
        self.settings.setValue(KEY_FLATTEN, "true" if options.flatten else "false")
        self.settings.setValue(KEY_KEEP_FURNITURE, "true" if options.keep_furniture else "false")
        self.settings.setValue(KEY_AUTHOR, options.author)
        self.settings.setValue(KEY_FOLDER, str(path.parent))

    # -- choices ---------------------------------------------------------------------------------

    def format(self) -> Format:
        return self.format_combo.currentData()

    def scope(self) -> str:
        return next(s for s, b in self.scope_buttons.items() if b.isChecked())

    def options(self) -> ExportOptions:
        return ExportOptions(
            format=self.format(),
            page_size=self.page_size_combo.currentData(),
            notes=self.notes_combo.currentData(),
            quotes_section=self.quotes_check.isChecked(),
            author=self.author_edit.text().strip(),
            raw_csv=self.raw_csv_check.isChecked() and self.format() == "csv",
            flatten=self.flatten_check.isChecked(),
            keep_furniture=self.furniture_check.isChecked(),
        )

    def items(self) -> list[ExportItem]:
        library, scope = self.session.library, self.scope()
        if scope == "library" and self.format() == "qdc":
            return []  # the whole code book needs no documents
        if scope == "current" and self._current is not None:
            return collect_items(library, [self._current])
        if scope == "selected":
            return collect_items(library, self._selected)
        if scope == "folder" and self._folder is not None:
            return collect_items(library, folder=self._folder)
        if scope == "tag":
            return collect_items(library, tag=self.tag_combo.currentText())
        return collect_items(library)

    def _export(
        self,
        items: list[ExportItem],
        path: Path,
        options: ExportOptions,
        progress: Progress | None,
    ) -> ExportResult:
        """Run the export; the REFI-QDA formats also take the code book and folders."""
        project = None
        if options.format in PROJECT_FORMATS:
            from quotebook.export.qdpx import collect_project

            scope = self.scope()
            project, items = collect_project(
                self.session.library,
                items,
                whole_library=scope == "library",
                tag=self.tag_combo.currentText() if scope == "tag" else None,
            )
        return export(items, path, options, progress, project=project)

    def _format_changed(self) -> None:
        fmt = self.format()
        for widget in self._pdf_only:
            widget.setEnabled(fmt == "pdf")
        self.author_edit.setEnabled(fmt in ("pdf", "qdpx"))
        self.raw_csv_check.setEnabled(fmt == "csv")
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(FORMAT_SUFFIX[fmt])))

    def choose_path(self) -> None:
        fmt = self.format()
        suffix = FORMAT_SUFFIX[fmt]
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), f"{FORMAT_LABEL[fmt]} (*{suffix})"
        )
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(suffix)))

    # -- running ---------------------------------------------------------------------------------

    def accept(self) -> None:
        """Export, then close; on failure say why and stay open."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, "Export", "Choose a file to export to.")
            return
        path = Path(text).expanduser()
        options = self.options()
        progress_dialog: QProgressDialog | None = None
        try:
            items = self.items()
            if len(items) > 1:
                progress_dialog = self._progress_dialog(len(items))
            self.result_ = self._export(items, path, options, self._progress(progress_dialog))
        except ExportCancelled:
            return  # the user asked for it; nothing to explain
        except UserError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return
        finally:
            if progress_dialog is not None:
                progress_dialog.close()
                progress_dialog.deleteLater()
        self._save(options, path)
        super().accept()
        self.show_finished(self.result_)

    def _progress_dialog(self, documents: int) -> QProgressDialog:
        dialog = QProgressDialog(f"Exporting {documents} documents…", "Cancel", 0, 100, self)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle("Export")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        return dialog

    @staticmethod
    def _progress(dialog: QProgressDialog | None) -> Progress | None:
        if dialog is None:
            return None

        def report(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        return report

    def show_finished(self, result: ExportResult) -> None:
        box = QMessageBox(self.parentWidget() or self)
        box.setObjectName("exportFinished")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Export finished")
        pages = f", {result.pages} pages" if result.pages else ""
        if result.format == "qdc":
            box.setText(
                f"Exported the code book, {plural(result.codes, 'code')}, to {result.path.name}."
            )
        else:
            codes = f" and {plural(result.codes, 'code')}" if result.codes else ""
            box.setText(
                f"Exported {plural(result.documents, 'document')} with "
                f"{plural(result.annotations, 'annotation')}{codes}{pages} to {result.path.name}."
            )
        box.setInformativeText("\n".join([str(result.path.parent), *result.warnings]))
        open_button = box.addButton("Open", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))


def safe_file_name(title: str, limit: int = 80) -> str:
    """A title as a file name that every file system accepts."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    name = " ".join(name.split()).strip(" .")[:limit].strip()
    return name or "Quotebook export"


def run_export_dialog(
    parent: QWidget | None,
    session: Session,
    current_document_id: int | None,
    settings: QSettings | None,
    *,
    document_ids: Sequence[int] = (),
    folder_id: int | None = None,
) -> Path | None:
    """Show the Export dialog; the path written, or None when the user cancelled."""
    dialog = ExportDialog(
        session,
        current_document_id=current_document_id,
        document_ids=document_ids,
        folder_id=folder_id,
        settings=settings,
        parent=parent,
    )
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
            return dialog.result_.path
        return None
    finally:
        dialog.deleteLater()
