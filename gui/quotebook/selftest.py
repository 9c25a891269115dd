"""`quotebook --self-test`: prove that this installation of the app really works, then vanish.

A frozen bundle can build fine and still fail on a user's machine: a Qt plugin left out, a
resource folder not found under ``sys._MEIPASS``, a lazily imported module the bundler never
saw. So the self-test walks the same path a person does — start, first-run seeding, the main
window, open a document, highlight, undo, About, export a PDF — inside a throw-away home:
library, settings, XDG folders and Qt's runtime dir all live in one temporary folder that is
removed at the end, so running it leaves no trace in the user's home.

It prints a short report and returns 0; on the first failure it prints one line saying what
failed and returns 1. ``QUOTEBOOK_SELFTEST_TRACEBACK=1`` adds the traceback;
``QUOTEBOOK_SELFTEST_PDF=PATH`` keeps a copy of the exported PDF for inspection. The start-up time
it reports is measured from process start (or from ``QUOTEBOOK_LAUNCHED_AT``, a Unix time set
by whoever launched the process, when that is more precise).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quotebook import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from quotebook.store import Library
    from quotebook.ui.main_window import MainWindow
    from quotebook.ui.session import Session

LAUNCHED_AT_ENV = "QUOTEBOOK_LAUNCHED_AT"
TRACEBACK_ENV = "QUOTEBOOK_SELFTEST_TRACEBACK"
# A path to copy the exported PDF to before the temporary home goes; for tests that inspect it.
KEEP_PDF_ENV = "QUOTEBOOK_SELFTEST_PDF"
TAG = "self-test"
# Up to six words on one line, from the first word on.
_PHRASE = re.compile(r"\w\S*(?:[ \t]+\S+){0,5}")
# A whole run takes about a second; a dialog left open by a bug would otherwise hang CI.
WATCHDOG_SECONDS = 120.0
# Qt messages that say nothing about the app's health on a headless run.
BENIGN_QT_MESSAGES = ("propagateSizeHints",)
# The folders a Qt app on a freedesktop system may write to; all of them go to the temp dir.
XDG_DIRS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}


class SelfTestFailure(Exception):
    """A check that did not hold; the message is what the one-line report says."""


def _check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def _say(line: str) -> None:
    """Print a report line; a windowed build on Windows has no stdout at all."""
    if sys.stdout is not None:
        print(line, flush=True)


def process_age() -> float | None:
    """Seconds since this process started, or None where that cannot be known."""
    launched = os.environ.get(LAUNCHED_AT_ENV)
    if launched:
        try:
            return time.time() - float(launched)
        except ValueError:
            pass
    try:
        # Field 22 of /proc/self/stat is the start time in clock ticks after boot; the
        # command name (field 2) may hold spaces, so count from its closing parenthesis.
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class Report:
    started: float = field(default_factory=time.perf_counter)
    qt_messages: list[str] = field(default_factory=list)

    def ok(self, line: str) -> None:
        _say(f"  ok  {line}")


@contextmanager
def isolated_home() -> Iterator[Path]:
    """A temporary folder standing in for every place the app or Qt could write to."""
    root = Path(tempfile.mkdtemp(prefix="quotebook-selftest-"))
    saved = dict(os.environ)
    try:
        for name, sub in XDG_DIRS.items():
            folder = root / sub
            folder.mkdir(mode=0o700)
            os.environ[name] = str(folder)
        # Qt would otherwise look for a display, and on a desktop flash a window on it.
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        yield root
    finally:
        os.environ.clear()
        os.environ.update(saved)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Kill the process if the self-test hangs, e.g. on a modal dialog nobody answers."""

    def expire() -> None:
        sys.stderr.write(f"self-test failed: no result after {seconds:.0f} s\n")
        sys.stderr.flush()
        os._exit(2)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def run_self_test(argv: list[str] | None = None) -> int:
    """Run every check in a temporary home; 0 when all hold, 1 (and one line) when one fails."""
    del argv  # Qt options are not needed: the self-test picks its own platform.
    report = Report()
    step = "start"
    try:
        with watchdog(WATCHDOG_SECONDS), isolated_home() as home:
            state = _State(report=report, home=home)
            try:
                for name, check in _steps(state):
                    step = name
                    check()
            finally:
                # Open files would keep the temporary home from being removed on Windows.
                state.release()
            step = "clean-up"
        _check(not home.exists(), f"temporary folder {home} was not removed")
        report.ok("temporary home removed, nothing left behind")
    except Exception as exc:
        message = str(exc) if isinstance(exc, SelfTestFailure) else _describe(exc)
        if os.environ.get(TRACEBACK_ENV):
            traceback.print_exc()
        sys.stderr.write(f"self-test failed at {step}: {message}\n")
        sys.stderr.flush()
        return 1
    elapsed = time.perf_counter() - report.started
    age = process_age()
    since_start = f", {age:.2f} s since process start" if age is not None else ""
    _say(f"self-test passed in {elapsed:.2f} s{since_start}")
    return 0


def _describe(exc: BaseException) -> str:
    """An unexpected error in one line, with the error underneath it when it wraps one: in a
    bundle the wrapped one usually names the missing file or module."""
    text = f"{type(exc).__name__}: {exc}"
    cause = exc.__cause__
    if cause is None and not exc.__suppress_context__:
        cause = exc.__context__
    if cause is not None:
        text += f" (from {type(cause).__name__}: {cause})"
    return text


def _steps(state: _State) -> Iterator[tuple[str, Callable[[], None]]]:
    """The checks in order, as (name, action) pairs sharing one state."""
    yield "application", state.start_application
    yield "library", state.open_library
    # Straight after start-up, so the time it reports is the time a user waits.
    yield "main window", state.show_main_window
    yield "resources", state.check_resources
    yield "open document", state.open_document
    yield "annotation", state.annotate
    yield "about", state.check_about
    yield "pdf export", state.export_pdf
    yield "importers", state.read_formats
    yield "close", state.close


@dataclass
class _State:
    report: Report
    home: Path
    app: QApplication | None = None
    library: Library | None = None
    session: Session | None = None
    window: MainWindow | None = None
    document_id: int | None = None
    annotation_id: int | None = None

    # -- start --------------------------------------------------------------------------------

    def start_application(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler

        from quotebook.app import create_application

        def on_message(kind: QtMsgType, _context: object, text: str) -> None:
            if kind != QtMsgType.QtDebugMsg and not any(b in text for b in BENIGN_QT_MESSAGES):
                self.report.qt_messages.append(text)

        qInstallMessageHandler(on_message)
        # Settings a widget might open on its own land in the temporary home too.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.home / "config")
        )
        self.app = create_application([])
        kind = "frozen bundle" if getattr(sys, "frozen", False) else "source"
        _say(
            f"{APP_NAME} {__version__} self-test ({kind}; Python {sys.version.split()[0]}, "
            f"Qt {pyside_version}, platform {self.app.platformName()})"
        )

    def check_resources(self) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QFontDatabase, QIcon

        from quotebook.resources import resource_path, seeds_dir

        icons = sorted(resource_path("icons").glob("*.svg"))
        _check(icons, f"no SVG icons in {resource_path('icons')}")
        for path in icons:
            # A null pixmap means the SVG icon engine or image plugin is missing.
            pixmap = QIcon(str(path)).pixmap(QSize(32, 32))
            _check(not pixmap.isNull(), f"icon {path.name} does not render")
        fonts = sorted(resource_path("fonts").glob("*.ttf"))
        families = {f for f in QFontDatabase.families() if f.startswith("DejaVu")}
        _check(not fonts or families, "bundled fonts were not registered")
        _check((seeds_dir() / "library.json").is_file(), f"no seed catalogue in {seeds_dir()}")
        self.report.ok(
            f"resources: {len(icons)} icons render, {len(fonts)} fonts, seeds in {seeds_dir()}"
        )

    def open_library(self) -> None:
        import json

        from quotebook.app import open_library
        from quotebook.paths import LIBRARY_FILE, default_library_path
        from quotebook.resources import seeds_dir

        # On freedesktop systems the default location follows XDG_DATA_HOME, which now points
        # into the temporary home: use it, so the real first-start path is what gets tested.
        path = default_library_path()
        if not path.resolve().is_relative_to(self.home.resolve()):
            path = self.home / "data" / LIBRARY_FILE
        _check(not path.exists(), f"library {path} exists before the first start")
        self.library = open_library(path)
        catalogue = json.loads((seeds_dir() / "library.json").read_text(encoding="utf-8"))
        expected = len(catalogue["documents"])
        count = self.library.documents.count()
        _check(count == expected, f"first start imported {count} seed documents, not {expected}")
        self.report.ok(f"first start created {path.name} and imported {count} seed documents")

    def show_main_window(self) -> None:
        from quotebook.app import make_settings
        from quotebook.ui.main_window import MainWindow
        from quotebook.ui.session import Session

        assert self.app is not None and self.library is not None
        self.session = Session(self.library)
        settings = make_settings(str(self.home / "config" / "settings.ini"))
        self.window = MainWindow(self.session, settings)
        self.window.show()
        self.app.processEvents()
        handle = self.window.windowHandle()
        _check(self.window.isVisible() and handle is not None, "the main window is not shown")
        age = process_age()
        since = "process start" if age is not None else "self-test start"
        if age is None:
            age = time.perf_counter() - self.report.started
        self.report.ok(f"main window shown {age:.3f} s after {since}")

    # -- reading and annotating ---------------------------------------------------------------

    def open_document(self) -> None:
        assert self.window is not None and self.library is not None
        summaries = self.library.documents.summaries()
        _check(summaries, "the seeded library lists no documents")
        self.document_id = summaries[0].id
        self.window.open_document(self.document_id)
        document = self.library.documents.get(self.document_id)
        shown = self.window.viewer.toPlainText()
        first_line = next((ln.strip() for ln in document.text.splitlines() if ln.strip()), "")
        _check(first_line[:60] in shown, f"the viewer does not show {document.title!r}")
        self.report.ok(f"opened {document.title!r} ({len(document.text.split()):,} words)")

    def annotate(self) -> None:
        from quotebook.domain import DEFAULT_COLOR

        assert self.session is not None and self.library is not None
        assert self.document_id is not None
        text = self.library.documents.get(self.document_id).text
        start, end = _phrase(text)
        created = self.session.create_annotation(
            self.document_id,
            start,
            end,
            color=DEFAULT_COLOR,
            tags=[TAG],
            note="Made by the self-test.",
        )
        self.annotation_id = created.id
        stored = self.library.annotations.get(created.id)
        _check(stored.quote == text[start:end], "the stored quote differs from the selection")
        _check(TAG in stored.tags, "the annotation lost its tag")
        self._expect_annotations(1)
        self.session.undo_stack.undo()
        self._expect_annotations(0)
        self.session.undo_stack.redo()
        self._expect_annotations(1)
        self.annotation_id = self.library.annotations.for_document(self.document_id)[0].id
        self.report.ok(f"annotation on {text[start:end]!r} created, undone and redone")

    def _expect_annotations(self, count: int) -> None:
        assert self.library is not None and self.document_id is not None
        assert self.app is not None and self.window is not None
        self.app.processEvents()
        stored = len(self.library.annotations.for_document(self.document_id))
        _check(stored == count, f"{stored} annotations stored, expected {count}")
        status = self.window.status_annotations.text()
        _check(status.startswith(f"{count} "), f"the status bar says {status!r}, not {count}")

    def check_about(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        assert self.window is not None and self.library is not None
        seen: list[str] = []

        def answer(attempts: int = 50) -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.accept()
            elif attempts:
                _single_shot(20, lambda: answer(attempts - 1))

        _single_shot(0, answer)
        self.window.show_about()
        _check(seen, "Help → About did not open")
        _check(__version__ in seen[0], "About does not show the version")
        _check(str(self.library.path) in seen[0], "About does not show the library path")
        self.report.ok(f"About shows version {__version__} and the library path")

    # -- export -------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        from quotebook.export import ExportOptions, collect_items, export

        assert self.library is not None and self.document_id is not None
        target = self.home / "export" / "self-test.pdf"
        target.parent.mkdir()
        items = collect_items(self.library, [self.document_id])
        result = export(items, target, ExportOptions(format="pdf"))
        pages, highlights = check_pdf(target)
        _check(result.annotations == 1, f"the export counted {result.annotations} annotations")
        keep = os.environ.get(KEEP_PDF_ENV)
        if keep:
            shutil.copyfile(target, keep)
        self.report.ok(
            f"PDF export: {pages} pages, {highlights} highlight annotation(s), "
            f"{target.stat().st_size / 1024:.0f} kB"
        )

    def read_formats(self) -> None:
        """Read a small file of every importable kind: their parsers load lazily, so this is
        where a bundle missing a parser module or its data files would show."""
        from quotebook.importers import IMPORTERS, read_document

        assert self.library is not None and self.document_id is not None
        folder = self.home / "import"
        folder.mkdir()
        title_word = self.library.documents.get(self.document_id).title.split()[0]
        samples = _write_samples(folder, self.home / "export" / "self-test.pdf", title_word)
        untried = {
            s for s, f in IMPORTERS.items() if f not in {IMPORTERS[p.suffix] for p in samples}
        }
        _check(not untried, f"no sample file for {', '.join(sorted(untried))}")
        for path, expected in samples.items():
            text = read_document(path).text
            _check(expected in text, f"importing {path.name} did not give {expected!r}")
        _check_article_extractor(next(p for p in samples if p.suffix == ".html"))
        self.report.ok(f"importers read {', '.join(sorted(p.suffix for p in samples))}")

    # -- end ----------------------------------------------------------------------------------

    def close(self) -> None:
        assert self.window is not None
        self.window.close()
        self.release()
        problems = [m for m in self.report.qt_messages if m.strip()]
        for message in problems[:5]:
            _say(f"  note  Qt said: {message.splitlines()[0]}")
        self.report.ok("main window closed, library closed")

    def release(self) -> None:
        """Let go of the window, session and library, whatever step the run stopped at."""
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.session is not None:
            self.session.undo_stack.clear()
            self.session.deleteLater()
            self.session = None
        if self.app is not None:
            self.app.processEvents()
        if self.library is not None:
            self.library.close()
            self.library = None


def _single_shot(msec: int, slot: Callable[[], None]) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(msec, slot)


def _phrase(text: str) -> tuple[int, int]:
    """The offsets of the first few words of the document: a real quote to mark."""
    match = _PHRASE.search(text)
    _check(match is not None, "the seed document has no words")
    assert match is not None
    return match.start(), match.end()


def _check_article_extractor(page: Path) -> None:
    """The web-page importer quietly falls back to a plain parser when the article extractor
    fails, which a bundle missing the extractor's data files would make it do for every page;
    so ask the extractor itself."""
    import trafilatura

    found = trafilatura.bare_extraction(page.read_text(encoding="utf-8"), with_metadata=True)
    # A Document object in trafilatura 2, a dict with as_dict=True or in older versions.
    text = found.get("text") if isinstance(found, dict) else getattr(found, "text", None)
    _check(text, "the article extractor found nothing in the sample page")
    _check(SAMPLE_SENTENCE in str(text), "the article extractor lost the sample sentence")


SAMPLE_SENTENCE = "The minister said the talks would resume on Monday."


def _write_samples(folder: Path, exported_pdf: Path, pdf_word: str) -> dict[Path, str]:
    """One small file per format, each holding `SAMPLE_SENTENCE`; returns path → text to find.

    The Word file is assembled by hand from its XML parts, so writing it needs nothing that
    reading it does not.
    """
    import zipfile

    sentence = SAMPLE_SENTENCE
    filler = " ".join(["Officials gave no further details about the meeting."] * 6)
    samples: dict[Path, str] = {}

    text = folder / "sample.txt"
    text.write_text(f"Talks\n\n{sentence}\n", encoding="utf-8")
    samples[text] = sentence

    markdown = folder / "sample.md"
    markdown.write_text(f"# Talks\n\n*{sentence}*\n\n{filler}\n", encoding="utf-8")
    samples[markdown] = sentence

    html = folder / "sample.html"
    html.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Talks</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Talks to resume</h1>"
        f"<p>{sentence} {filler}</p><p>{filler}</p></article></body></html>",
        encoding="utf-8",
    )
    samples[html] = sentence

    docx = folder / "sample.docx"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{r}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
            f"<w:p><w:r><w:t>{sentence}</w:t></w:r></w:p></w:body></w:document>",
        )
    samples[docx] = sentence

    mail = folder / "sample.eml"
    mail.write_text(
        "From: Press Office <press@example.org>\nTo: desk@example.org\nSubject: Talks\n"
        "Date: Mon, 2 Mar 2026 09:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{sentence}\n",
        encoding="utf-8",
    )
    samples[mail] = sentence

    # The PDF the export step wrote, read back: the title's first word must come out.
    pdf = folder / "sample.pdf"
    pdf.write_bytes(exported_pdf.read_bytes())
    samples[pdf] = pdf_word
    return samples


def check_pdf(path: Path) -> tuple[int, int]:
    """Pages and highlight annotations in an exported PDF; fails unless both are there."""
    from pypdf import PdfReader

    data = path.read_bytes()
    _check(data.startswith(b"%PDF"), f"{path.name} does not start with %PDF")
    reader = PdfReader(path)
    highlights = 0
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            if ref.get_object().get("/Subtype") == "/Highlight":
                highlights += 1
    _check(len(reader.pages) > 0, f"{path.name} has no pages")
    _check(highlights > 0, f"{path.name} has no /Highlight annotation")
    return len(reader.pages), highlights
