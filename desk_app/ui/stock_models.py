"""Table models of the stock screens: a paged list (catalogue, ledger) and short row lists.

``PagedModel`` is ``table_models.CustomerSearchModel`` made generic: rows of
any dataclass with an ``id``, described by ``table_models.Column``s, loaded a
page at a time in the background when the view scrolls near the end (Qt's
fetchmore example). ``NumberRowsModel`` is ``RowsModel`` with numbers aligned
right. Both can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desk_app.ui.operations import BackgroundOps
from desk_app.ui.table_models import ID_ROLE, SORT_ROLE, Column, Index, RowsModel

T = TypeVar("T")

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

#: fetch(limit, offset) → the rows of that page; runs on a worker thread
PageFetch = Callable[[int, int], list[Any]]


class PagedModel(QAbstractTableModel, Generic[T]):
    """Rows fetched a page at a time; ``load(fetch)`` starts over, stale pages are dropped."""

    #: a page arrived; argument: rows now loaded
    rows_loaded = Signal(int)
    #: loading failed; argument: the exception
    load_failed = Signal(object)
    loading_changed = Signal(bool)

    def __init__(
        self,
        ops: BackgroundOps,
        columns: Sequence[Column[T]],
        *,
        numeric: Sequence[int] = (),
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self.columns = list(columns)
        self.numeric = frozenset(numeric)
        self.page_size = page_size
        self._rows: list[T] = []
        self._fetch: PageFetch | None = None
        self._exhausted = True
        self._loading = False
        self._key = f"paged-{id(self)}"

    @property
    def loading(self) -> bool:
        return self._loading

    def load(self, fetch: PageFetch | None) -> None:
        """Show what ``fetch`` returns from its first page on (None: nothing)."""
        self._fetch = fetch
        if fetch is None:
            self._ops.cancel(self._key)
            self._set_loading(False)
            self._replace([], exhausted=True)
            self.rows_loaded.emit(0)
            return
        self._request(offset=0)

    def refresh(self) -> None:
        """Fetch again the rows already shown (something changed)."""
        if self._fetch is not None:
            self._request(offset=0, limit=max(self.page_size, len(self._rows)))

    def _request(self, *, offset: int, limit: int | None = None) -> None:
        fetch, size = self._fetch, limit or self.page_size
        assert fetch is not None
        self._set_loading(True)
        self._ops.run(
            lambda: fetch(size, offset),
            on_success=lambda rows: self._arrived(rows, offset, size),
            on_failure=self._failed,
            key=self._key,
            owner=self,
        )

    def _arrived(self, rows: list[T], offset: int, size: int) -> None:
        self._set_loading(False)
        exhausted = len(rows) < size
        if offset == 0:
            self._replace(rows, exhausted=exhausted)
        else:
            known = {getattr(r, "id", None) for r in self._rows}
            fresh = [r for r in rows if getattr(r, "id", None) not in known]
            if fresh:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                self._rows.extend(fresh)
                self.endInsertRows()
            self._exhausted = exhausted
        self.rows_loaded.emit(len(self._rows))

    def _failed(self, error: BaseException) -> None:
        self._set_loading(False)
        self._exhausted = True
        self.load_failed.emit(error)

    def _replace(self, rows: Sequence[T], *, exhausted: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = exhausted
        self.endResetModel()

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._fetch is not None:
            self._request(offset=len(self._rows))

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """Row number of the row with this id, or -1."""
        return next((n for n, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
