"""Customer lookup (客户查询): one search box, results as you type, the customer beside them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.customers import customers
from desk_app.services.customers.customers import CustomerRow
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.persist import restore_header, restore_splitter, save_header, save_splitter
from desk_app.ui.common.table_models import ID_ROLE, SORT_ROLE, CustomerSearchModel
from desk_app.ui.common.widgets import SearchBox, row_table
from desk_app.ui.customers.detail import CustomerDetail
from desk_app.ui.customers.dialogs import NewCustomerDialog


class CustomerLookup(QWidget):
    """Search on the left, the picked customer's detail on the right."""

    new_ticket_requested = Signal(int)
    open_ticket_requested = Signal(int)
    customer_selected = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerLookup")
        self.desk = desk
        self.search_box = SearchBox(objectName="customerSearch")
        self.search_box.setPlaceholderText(
            self.tr(
                "Name, pinyin (zs), phone or its last 4 digits, address, serial or ticket number"
            )
        )
        self.search_box.setToolTip(self.tr("Find a customer (F2)"))
        self.new_button = QPushButton(self.tr("&New customer…"), objectName="newCustomer")
        self.new_button.setToolTip(self.tr("Create a customer (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.status = QLabel(objectName="searchStatus")
        self.status.setStyleSheet("color: #555;")

        db, actor = desk.db, desk.actor
        self.model = CustomerSearchModel(
            desk.ops,
            lambda q, limit, offset: customers.search_customers(
                db, actor, q, limit=limit, offset=offset
            ),
            parent=self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.proxy.setDynamicSortFilter(True)
        self.table = row_table(self.proxy, "customerResults")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # server order until a click
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.resizeSection(CustomerSearchModel.COL_NAME, 90)
        header.resizeSection(CustomerSearchModel.COL_PHONE, 120)
        header.resizeSection(CustomerSearchModel.COL_ADDRESS, 260)

        self.detail = CustomerDetail(desk, self)
        self.detail.new_ticket_requested.connect(self.new_ticket_requested)
        self.detail.open_ticket_requested.connect(self.open_ticket_requested)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="lookupSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search_box.typed.connect(self._search_now)
        self.search_box.returnPressed.connect(self._enter)
        self.search_box.down_pressed.connect(self._into_results)
        self.model.rows_loaded.connect(self._rows_loaded)
        self.model.search_failed.connect(self._search_failed)
        self.model.loading_changed.connect(self._loading)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.activated.connect(self._activated)
        desk.changes.changed.connect(self._on_changes)
        new_ticket = QShortcut(QKeySequence("Ctrl+T"), self, self.detail.request_new_ticket)
        new_ticket.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_status()

    # ---------------------------------------------------------------- searching

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _search_now(self) -> None:
        self.model.search(self.search_box.text())

    def _loading(self, loading: bool) -> None:
        if loading:
            self.status.setText(self.tr("Searching…"))

    def _rows_loaded(self, _count: int) -> None:
        self._update_status()
        # After a new result set, keep the customer shown on the right selected if listed.
        if self.detail.customer_id is not None and not self.table.selectionModel().hasSelection():
            self._select_shown()

    def _update_status(self) -> None:
        count, query = self.model.rowCount(), self.model.query
        if not query:
            self.status.setText(self.tr("Type to search. Enter opens the first match."))
        elif count == 0:
            self.status.setText(self.tr("No customer found. Create a new one with Ctrl+Shift+N."))
        elif self.model.canFetchMore():
            self.status.setText(
                self.tr("First %1 customers; scroll for more.").replace("%1", str(count))
            )
        else:
            self.status.setText(self.tr("%1 customer(s) found.").replace("%1", str(count)))

    def _search_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error, self.desk.tz))

    def _enter(self) -> None:
        if self.search_box.debounce.isActive():
            self.search_box.debounce.stop()
            self._search_now()
            return
        if self.model.rowCount():
            self._into_results()
            self._open_current()

    def _into_results(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._open_current()

    def _activated(self, _index: object) -> None:
        self._open_current()
        self.detail.tabs.setFocus()

    def _open_current(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        customer_id = int(self.proxy.data(rows[0], ID_ROLE))
        if customer_id != self.detail.customer_id:
            self.detail.show_customer(customer_id)
            self.customer_selected.emit(customer_id)

    def selected_row(self) -> CustomerRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def show_customer(self, customer_id: int) -> None:
        """Show one customer (e.g. just created) whether or not it is in the results; the
        highlighted result row always matches the customer shown."""
        self.detail.show_customer(customer_id)
        self._select_shown()

    def _select_shown(self) -> None:
        shown = self.detail.customer_id
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), ID_ROLE) == shown:
                if not self.table.selectionModel().isRowSelected(row):
                    self.table.selectRow(row)
                return
        self.table.clearSelection()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("customer") and not changes.local:
            self.model.refresh()

    # ---------------------------------------------------------------- new customer

    def new_customer(self) -> NewCustomerDialog:
        dialog = NewCustomerDialog(self.desk, self.search_box.text(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_ready.connect(self.show_customer)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "lookup", self.splitter)
        save_header(settings, "lookup/results", self.table.horizontalHeader())
        self.detail.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "lookup", self.splitter)
        restore_header(settings, "lookup/results", self.table.horizontalHeader())
        self.detail.restore_state(settings)
