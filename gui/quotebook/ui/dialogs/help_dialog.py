"""Help → Quotebook Help: one short page on how the app works, from opening to sharing.

Kept short on purpose: what a new user needs to find each feature, with the keys to do it fast.
The full list of keys is Help → Keyboard Shortcuts. Links inside the page never leave the app.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from quotebook import APP_NAME

SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "Your library",
        "Everything lives in one library file. Bring documents in with <b>File → Import "
        "Files…</b> (Ctrl+O) or by dropping files and folders on the library tree: text, "
        "Markdown, saved web pages, Word, PDF with text, e-mail. Switch to another library with "
        "<b>File → Open Library…</b> or <b>Open Recent</b>; <b>New Library…</b> starts an "
        "empty one. Every change is saved at once.",
    ),
    (
        "Highlighting",
        "Select words in the document and press <b>H</b>, or <b>1</b>–<b>5</b> for a colour. "
        "Selections grow to whole words; hold <b>Alt</b> while selecting to keep them exact. "
        "<b>T</b> tags the highlight (a fresh selection is highlighted first; Esc takes it "
        "back), <b>N</b> writes a note, <b>Del</b> removes it. Tags may have levels, like "
        "<i>speaker/Lavrov</i>.",
    ),
    (
        "Finding things again",
        "<b>Ctrl+F</b> finds words in the open document. <b>Ctrl+K</b> searches the whole "
        "library, documents and notes, with filters for tags, colours, outlets and dates; "
        "Russian words are found in their other forms too (Лавров finds Лаврова).",
    ),
    (
        "Quotes",
        "The <b>Quotes</b> panel lists the quotations found in the open document and who said "
        "them; accept one to highlight it with its speaker's tag. <b>Annotate → Find Quotes in "
        "All Documents…</b> (Ctrl+Shift+Q) does the whole library at once. A quote you "
        "highlighted yourself is never highlighted twice.",
    ),
    (
        "Sharing",
        "<b>File → Export…</b> (Ctrl+E) writes a PDF with real highlight annotations that other "
        "readers show, or Markdown, CSV, JSON and HTML. The author written on PDF annotations "
        "is set in <b>Preferences</b> (Ctrl+,).",
    ),
    (
        "Reading comfortably",
        "Zoom with Ctrl++ and Ctrl+-; <b>Reader View</b> (Ctrl+Shift+R) hides a web page's "
        "menus and teasers. The theme, the text size and the reader view's default are in "
        "<b>Preferences</b>. The side panels can be closed, moved or tabbed from the View menu.",
    ),
)


def help_html() -> str:
    parts = [f"<h2>{html.escape(APP_NAME)}</h2>"]
    for title, body in SECTIONS:
        parts.append(f"<h3>{html.escape(title)}</h3><p>{body}</p>")
    parts.append(
        "<p>All keys: <b>Help → Keyboard Shortcuts</b> (Ctrl+/). Undo (Ctrl+Z) takes back any "
        "change to highlights, tags, notes, folders and documents.</p>"
    )
    return "".join(parts)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(f"{APP_NAME} Help")
        self.resize(600, 640)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
