"""Parts catalogue (配件目录): one search box, results as you type, a scanned barcode
finds its part at once; the picked part with its stock beside the list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import NotFound
from desk_app.domain.permissions import Perm
from desk_app.services.stock import parts
from desk_app.services.stock.parts import PartView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.persist import restore_header, restore_splitter, save_header, save_splitter
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import SearchBox
from desk_app.ui.stock.labels import GREY, RED, fmt_qty
from desk_app.ui.stock.models import NumberPagedModel
from desk_app.ui.stock.part_detail import PartDetail
from desk_app.ui.stock.part_dialog import PartDialog
from desk_app.ui.stock.widgets import (
    ScanLineEdit,
    make_table,
    selected_row,
)


def _low(p: PartView) -> bool:
    return p.available < 0 or (p.reorder_point > 0 and p.available <= p.reorder_point)


class CatalogueSearch(SearchBox, ScanLineEdit):
    """The search line, which a barcode scanner types into too."""


class PartCatalogue(QWidget):
    """Search on the left, the part and its stock per location on the right."""

    ledger_requested = Signal(int)
    requisition_requested = Signal(object)

    COL_CODE, COL_NAME, COL_SPEC, COL_UNIT, COL_ON_HAND, COL_RESERVED, COL_FREE = range(7)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partCatalogue")
        self.desk = desk
        self.search_box = CatalogueSearch(objectName="partSearch")
        self.search_box.setPlaceholderText(
            self.tr("Code, name, spec, appliance model — or scan the barcode")
        )
        self.inactive = QCheckBox(self.tr("Show parts no longer in use"), objectName="showInactive")
        self.new_button = QPushButton(self.tr("&New part…"), objectName="newPart")
        self.new_button.setEnabled(desk.can(Perm.MANAGE_PARTS))
        self.new_button.clicked.connect(self.new_part)
        self.status = QLabel(objectName="catalogueStatus")
        self.status.setStyleSheet("color: #555;")

        def grey(p: PartView) -> str | None:
            return None if p.active else GREY

        self.model = NumberPagedModel[PartView](
            desk.ops,
            [
                Column(self.tr("Code"), lambda p: p.code, color=grey),
                Column(self.tr("Name"), lambda p: p.name, color=grey),
                Column(self.tr("Spec / model"), lambda p: p.spec or "", color=grey),
                Column(self.tr("Unit"), lambda p: p.unit, color=grey),
                Column(self.tr("On hand"), lambda p: fmt_qty(p.on_hand), color=grey),
                Column(self.tr("Reserved"), lambda p: fmt_qty(p.reserved), color=grey),
                Column(
                    self.tr("Free"),
                    lambda p: fmt_qty(p.available),
                    color=lambda p: RED if p.active and _low(p) else grey(p),
                ),
                Column(self.tr("Price"), lambda p: labels.fmt_money(p.price_cents), color=grey),
                Column(self.tr("Bin"), lambda p: p.bin_location or "", color=grey),
                Column(
                    self.tr("Fits models"), lambda p: ", ".join(p.compatible_models), color=grey
                ),
            ],
            numeric=(4, 5, 6, 7),
            parent=self,
        )
        self.table = make_table(self.model, "partResults")
        header = self.table.horizontalHeader()
        for column, width in enumerate((110, 150, 150, 44, 76, 76, 76, 84, 70)):
            header.resizeSection(column, width)

        self.detail = PartDetail(desk, self)
        self.detail.ledger_requested.connect(self.ledger_requested)
        self.detail.requisition_requested.connect(self.requisition_requested)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.inactive)
        left_layout.addLayout(row)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="catalogueSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search_box.typed.connect(self._search_now)
        self._select_after_load: int | None = None
        self.search_box.returnPressed.connect(self._enter)
        self.search_box.down_pressed.connect(self._into_results)
        self.inactive.toggled.connect(lambda _on: self._search_now())
        self.model.rows_loaded.connect(self._rows_loaded)
        self.model.load_failed.connect(lambda e: self.status.setText(message_for(e, desk.tz)))
        self.model.loading_changed.connect(
            lambda busy: self.status.setText(self.tr("Searching…")) if busy else None
        )
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self._query = ""

    # ---------------------------------------------------------------- searching

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def refresh(self) -> None:
        """Search again (stock changed) and reload the part shown."""
        if self.detail.part is not None:
            self._select_after_load = self.detail.part.id  # the reload keeps it selected
        if self.model.rowCount() or self._query:
            self.model.refresh()
        else:
            self._search_now()
        self.detail.refresh()

    def _search_now(self) -> None:
        self.search_box.debounce.stop()
        desk, query, inactive = self.desk, self.search_box.text().strip(), self.inactive.isChecked()
        self._query = query
        self.model.load(
            lambda limit, offset: parts.search_parts(
                desk.db, desk.actor, query, include_inactive=inactive, limit=limit, offset=offset
            )
        )

    def _enter(self) -> None:
        """Enter (or a scanner's Enter): a barcode or code opens its part at once;
        anything else searches and opens the first match."""
        text = self.search_box.text().strip()
        if not text:
            return
        self.search_box.debounce.stop()
        desk = self.desk
        desk.ops.run(
            lambda: parts.find_by_barcode(desk.db, desk.actor, text),
            on_success=self.show_part,
            on_failure=self._not_a_code,
            key=f"catalogue-scan-{id(self)}",
            owner=self,
        )

    def _not_a_code(self, error: BaseException) -> None:
        if not isinstance(error, NotFound):
            self.status.setText(message_for(error, self.desk.tz))
            return
        self._select_after_load = -1  # the first row
        self._search_now()

    def show_part(self, part: PartView) -> None:
        """Show one part (scanned, or just created) and select it in the list."""
        self._select_after_load = part.id
        self.detail.show_part(part.id)
        row = self.model.row_of(part.id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._search_now()

    def _rows_loaded(self, count: int) -> None:
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is not None and count:
            row = 0 if wanted == -1 else self.model.row_of(wanted)
            if row >= 0:
                self.table.selectRow(row)
        if not self._query:
            text = self.tr("%1 part(s) in the catalogue.")
        elif count == 0:
            text = self.tr("No part found.")
        else:
            text = self.tr("%1 part(s) found.")
        if self.model.canFetchMore():
            text = self.tr("First %1 parts; scroll for more.")
        self.status.setText(text.replace("%1", fmt_qty(count)))

    def _into_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if selected_row(self.table) is None:
                self.table.selectRow(0)

    def _selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = selected_row(self.table)
        if row is not None:
            part = self.model.row_at(row)
            if self.detail.part is None or self.detail.part.id != part.id:
                self.detail.show_part(part.id)

    # ---------------------------------------------------------------- new part

    def new_part(self) -> PartDialog:
        dialog = PartDialog(self.desk, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = self.search_box.text().strip()
        if text and " " not in text:
            dialog.code.setText(text.upper())
        dialog.part_saved.connect(self.show_part)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(settings, "stock/catalogue", self.splitter)
        save_header(settings, "stock/catalogue/results", self.table.horizontalHeader())

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(settings, "stock/catalogue", self.splitter)
        restore_header(settings, "stock/catalogue/results", self.table.horizontalHeader())
