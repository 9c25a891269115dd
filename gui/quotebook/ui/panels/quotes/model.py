"""The rows of the Quotes panel's list.

A row is one quotation (or one transcript turn) the finder found in the open document, with the
speaker the user may have corrected and whether a highlight already covers it. The model is
handed rows by the panel and never reads the store, so it can be checked on its own with
`qtmodeltester`. A refresh that keeps the same quotes only announces `dataChanged`, so the
current row and the scroll position survive a highlight being added elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from quotebook.quotes import Turn
from quotebook.services.quote_acceptance import Found, color_for

Index = QModelIndex | QPersistentModelIndex

TURN = "turn"  # the Kind role of a transcript turn


class QuoteRole(IntEnum):
    Start = Qt.ItemDataRole.UserRole + 1
    End = Qt.ItemDataRole.UserRole + 2
    Kind = Qt.ItemDataRole.UserRole + 3  # "direct", "partial", "scare" or "turn"
    Speaker = Qt.ItemDataRole.UserRole + 4  # as the user will accept it ("" for none)
    Confidence = Qt.ItemDataRole.UserRole + 5  # None for a turn
    Annotated = Qt.ItemDataRole.UserRole + 6
    Color = Qt.ItemDataRole.UserRole + 7  # the palette colour an accepted row gets
    Label = Qt.ItemDataRole.UserRole + 8  # a turn's label as written
    Corrected = Qt.ItemDataRole.UserRole + 9  # the speaker was changed by the user


@dataclass(frozen=True)
class QuoteRow:
    item: Found
    speaker: str  # "" for none
    annotated: bool
    corrected: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.item.start, self.item.end)

    @property
    def kind(self) -> str:
        return TURN if isinstance(self.item, Turn) else self.item.kind


class QuoteListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteListModel")
        self._rows: list[QuoteRow] = []
        self._text = ""  # the document's text, for the excerpts of turns

    def set_rows(self, rows: Sequence[QuoteRow], text: str) -> None:
        new = list(rows)
        if [r.key for r in new] == [r.key for r in self._rows] and text == self._text:
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0), self.index(len(new) - 1))
            return
        self.beginResetModel()
        self._rows, self._text = new, text
        self.endResetModel()

    def rows(self) -> list[QuoteRow]:
        return list(self._rows)

    def row_of(self, key: tuple[int, int] | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        item = row.item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text[item.start : item.end] if isinstance(item, Turn) else item.text
            return " ".join(text.split())
        values: dict[int, Any] = {
            QuoteRole.Start: item.start,
            QuoteRole.End: item.end,
            QuoteRole.Kind: row.kind,
            QuoteRole.Speaker: row.speaker,
            QuoteRole.Confidence: None if isinstance(item, Turn) else item.confidence,
            QuoteRole.Annotated: row.annotated,
            QuoteRole.Color: color_for(item),
            QuoteRole.Label: item.label if isinstance(item, Turn) else "",
            QuoteRole.Corrected: row.corrected,
        }
        return values.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
