"""Table models: a lazily paged model (customer search, stock lists) and one for short lists.

Both follow Vorta's ``archive_table_model``: ``COL_*`` constants, rows replaced
between ``beginResetModel``/``endResetModel``, a ``SORT_ROLE`` for proxies.
``PagedModel`` follows Qt's fetchmore example: ``canFetchMore``/``fetchMore``
ask for the next page of ``page_size`` rows in the background when the view
scrolls near the end, so 200,000 matches cost one page until someone scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desk_app.services.customers.customers import CustomerRow
from desk_app.ui.common.operations import BackgroundOps

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

T = TypeVar("T")

#: fetch(limit, offset) → the rows of that page; runs on a worker thread
PageFetch = Callable[[int, int], list[T]]


class PagedModel(QAbstractTableModel, Generic[T]):
    """Rows (dataclasses with an ``id``) fetched a page at a time in the background.

    ``load(fetch)`` starts over from the first page; answers of an earlier
    ``load`` still under way are dropped. Subclasses give the columns
    (``columnCount``, ``headerData``, ``data``).
    """

    #: a page arrived; argument: rows now loaded (tests and the status line use it)
    rows_loaded = Signal(int)
    #: loading failed; argument: the exception
    load_failed = Signal(object)
    #: loading state changed (True while a page is being fetched)
    loading_changed = Signal(bool)

    def __init__(self, ops: BackgroundOps, *, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.page_size = page_size
        self._rows: list[T] = []
        self._fetch: PageFetch[T] | None = None
        self._exhausted = True
        self._loading = False
        self._key = f"paged-{id(self)}"

    @property
    def loading(self) -> bool:
        return self._loading

    def load(self, fetch: PageFetch[T] | None) -> None:
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
            self._first_page(rows, exhausted=exhausted)
        else:
            known = {_id(r) for r in self._rows}
            fresh = [r for r in rows if _id(r) not in known]
            if fresh:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                self._rows.extend(fresh)
                self.endInsertRows()
            self._exhausted = exhausted
        self.rows_loaded.emit(len(self._rows))

    def _first_page(self, rows: list[T], *, exhausted: bool) -> None:
        """Show a first page (a new load or a refresh): by default, reset the model."""
        self._replace(rows, exhausted=exhausted)

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

    # ---------------------------------------------------------------- lazy loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._fetch is not None:
            self._request(offset=len(self._rows))

    # ---------------------------------------------------------------- rows

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        """Row number of the row with this id, or -1."""
        return next((n for n, r in enumerate(self._rows) if _id(r) == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


def _id(row: Any) -> Any:
    return getattr(row, "id", None)


class CustomerSearchModel(PagedModel[CustomerRow]):
    """Customers matching the search text, a page at a time."""

    COL_NAME, COL_PHONE, COL_ADDRESS, COL_AREA = range(4)

    #: the search failed; argument: the exception (``load_failed`` under its search name)
    search_failed = Signal(object)

    def __init__(
        self,
        ops: BackgroundOps,
        fetch_page: Callable[[str, int, int], list[CustomerRow]],
        *,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(ops, page_size=page_size, parent=parent)
        self._fetch_page = fetch_page
        self._query = ""
        self.load_failed.connect(self.search_failed)

    @property
    def query(self) -> str:
        return self._query

    def search(self, query: str) -> None:
        """Start a new search; earlier answers still under way are dropped."""
        self._query = query = query.strip()
        fetch_page = self._fetch_page
        self.load((lambda limit, offset: fetch_page(query, limit, offset)) if query else None)

    def _first_page(self, rows: list[CustomerRow], *, exhausted: bool) -> None:
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self._replace(rows, exhausted=exhausted)
            return
        # Same customers (a refresh after another desk's edit): update in place so the
        # view keeps its selection and scroll position.
        self._rows = list(rows)
        self._exhausted = exhausted
        if rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
            )

    # ---------------------------------------------------------------- model

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("CustomerSearchModel", "Name"),
            QCoreApplication.translate("CustomerSearchModel", "Phone"),
            QCoreApplication.translate("CustomerSearchModel", "Address"),
            QCoreApplication.translate("CustomerSearchModel", "Service area"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            value = (row.name, row.phone, row.address, row.service_area)[index.column()]
            return value or ""
        return None


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a ``RowsModel``: header, text, optional colour and sort key."""

    header: str
    text: Callable[[T], str]
    color: Callable[[T], str | None] | None = None
    sort_key: Callable[[T], Any] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    """A short list of dataclass rows (appliances, open tickets, timeline) shown as a table."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QColor(color) if color else None
        return None
