"""Table models of the stock screens: a paged list (catalogue, ledger) and short row lists.

``NumberPagedModel`` is ``table_models.PagedModel`` (the paging the customer
search uses too) with its columns described by ``table_models.Column``s;
``NumberRowsModel`` is ``RowsModel``. Both align numbers right and can be
tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.table_models import ID_ROLE, SORT_ROLE, Column, Index, PagedModel, RowsModel

T = TypeVar("T")

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class NumberPagedModel(PagedModel[T]):
    """``PagedModel`` of ``Column``-described rows, ``numeric`` columns aligned right."""

    def __init__(
        self,
        ops: BackgroundOps,
        columns: Sequence[Column[T]],
        *,
        numeric: Sequence[int] = (),
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(ops, page_size=page_size, parent=parent)
        self.columns = list(columns)
        self.numeric = frozenset(numeric)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header(self.columns, self.numeric, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return cell(
            self._rows[index.row()],
            self.columns[index.column()],
            role,
            index.column() in self.numeric,
        )


class NumberRowsModel(RowsModel[T]):
    """``RowsModel`` whose ``numeric`` columns are aligned right."""

    def __init__(
        self, columns: Sequence[Column[T]], *, numeric: Sequence[int] = (), parent: Any = None
    ) -> None:
        super().__init__(columns, parent)
        self.numeric = frozenset(numeric)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header(self.columns, self.numeric, section, orientation, role)

    def put_row(self, row: T, *, key: Callable[[T], Any]) -> int:
        """Replace the row with the same ``key`` in place (or append it); its row number."""
        rows = self.rows()
        n = next((i for i, r in enumerate(rows) if key(r) == key(row)), -1)
        if n < 0:
            n = len(rows)
            self.beginInsertRows(QModelIndex(), n, n)
            self._rows.append(row)
            self.endInsertRows()
        else:
            self._rows[n] = row
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(n, 0), self.index(n, last))
        return n

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        return cell(
            self.row_at(index.row()),
            self.columns[index.column()],
            role,
            index.column() in self.numeric,
        )


def header(
    columns: Sequence[Column[Any]],
    numeric: frozenset[int],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> Any:
    """A column's title; numbers' titles aligned right like the numbers."""
    if orientation != Qt.Orientation.Horizontal:
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return columns[section].header
    if role == Qt.ItemDataRole.TextAlignmentRole and section in numeric:
        return int(RIGHT.value)
    return None


def cell(row: Any, column: Column[Any], role: int, numeric: bool) -> Any:
    """One cell of a dataclass row for ``role`` (display, tooltip, sort, colour, id, alignment)."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return column.text(row)
    if role == SORT_ROLE:
        return column.sort_key(row) if column.sort_key else column.text(row)
    if role == ID_ROLE:
        return getattr(row, "id", None)
    if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
        color = column.color(row)
        return QColor(color) if color else None
    if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
        return int(RIGHT.value)
    return None
