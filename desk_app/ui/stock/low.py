"""Low stock (库存预警) and the suggested purchase list (采购计划), exported as a CSV
file Excel opens with its Chinese intact."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.stock import reports as stock_reports
from desk_app.services.stock.reports import LowStockRow
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import SORT_ROLE, Column
from desk_app.ui.common.widgets import Banner
from desk_app.ui.stock.labels import RED, fmt_qty
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.widgets import (
    make_table,
)


class LowStockPanel(QWidget):
    """Parts at or below their reorder point, with how many to buy."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lowStockPanel")
        self.desk = desk
        self.rows: list[LowStockRow] = []
        self.days = QSpinBox(
            objectName="usageDays", minimum=1, maximum=3650, value=stock_reports.USAGE_DAYS
        )
        self.days.setSuffix(self.tr(" days"))
        self.export_button = QPushButton(
            self.tr("&Export for Excel (CSV)…"), objectName="exportLowStock"
        )
        self.banner = Banner(self)
        self.status = QLabel(objectName="lowStockStatus")
        self.total = QLabel(objectName="lowStockTotal")
        self.total.setStyleSheet("font-weight: bold;")

        def short(r: LowStockRow) -> str | None:
            return RED if r.available < 0 else None

        self.model = NumberRowsModel[LowStockRow](
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Spec / model"), lambda r: r.spec or ""),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(
                    self.tr("On hand"), lambda r: fmt_qty(r.on_hand), sort_key=lambda r: r.on_hand
                ),
                Column(
                    self.tr("Reserved"),
                    lambda r: fmt_qty(r.reserved),
                    sort_key=lambda r: r.reserved,
                ),
                Column(
                    self.tr("Free"),
                    lambda r: fmt_qty(r.available),
                    color=short,
                    sort_key=lambda r: r.available,
                ),
                Column(
                    self.tr("Reorder at"),
                    lambda r: fmt_qty(r.reorder_point),
                    sort_key=lambda r: r.reorder_point,
                ),
                Column(
                    self.tr("Reorder qty"),
                    lambda r: fmt_qty(r.reorder_qty),
                    sort_key=lambda r: r.reorder_qty,
                ),
                Column(
                    self.tr("Used recently"),
                    lambda r: fmt_qty(r.used_recently),
                    sort_key=lambda r: r.used_recently,
                ),
                Column(
                    self.tr("Buy"),
                    lambda r: fmt_qty(r.suggested_qty),
                    sort_key=lambda r: r.suggested_qty,
                ),
                Column(
                    self.tr("Unit cost"),
                    lambda r: labels.fmt_money(r.cost_cents),
                    sort_key=lambda r: r.cost_cents,
                ),
                Column(
                    self.tr("Amount"),
                    lambda r: labels.fmt_money(r.cost_cents * r.suggested_qty),
                    sort_key=lambda r: r.cost_cents * r.suggested_qty,
                ),
            ],
            numeric=tuple(range(4, 13)),
            parent=self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table(self.proxy, "lowStockTable", stretch=1)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((110, 170, 140, 44)):
            self.table.horizontalHeader().resizeSection(column, width)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Usage over the last")))
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Buy = the largest of the reorder quantity, the units used in the period, "
                    "and what is missing up to the reorder point."
                ),
                wordWrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.days.editingFinished.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)

    def refresh(self) -> None:
        desk, days = self.desk, self.days.value()
        self.status.setText(self.tr("Loading…"))
        desk.ops.run(
            lambda: stock_reports.low_stock(desk.db, desk.actor, days=days),
            on_success=self._loaded,
            on_failure=lambda e: self.status.setText(message_for(e, desk.tz)),
            key=f"low-stock-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[LowStockRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        short = sum(1 for r in rows if r.available < 0)
        self.status.setText(
            self.tr("%1 part(s) at or below the reorder point, %2 short of what is reserved.")
            .replace("%1", fmt_qty(len(rows)))
            .replace("%2", fmt_qty(short))
        )
        amount = sum(r.cost_cents * r.suggested_qty for r in rows)
        self.total.setText(self.tr("Purchase total: %1").replace("%1", labels.fmt_money(amount)))
        self.export_button.setEnabled(bool(rows))

    def ask_export(self) -> None:
        today = QDate.currentDate().toString("yyyyMMdd")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export purchase list"),
            self.tr("purchase-list-%1.csv").replace("%1", today),
            self.tr("CSV for Excel (*.csv)"),
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the purchase list to ``path`` in the background (UTF-8 with BOM)."""
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(path.suffix + ".csv")
        desk, days = self.desk, self.days.value()
        self.export_button.setEnabled(False)

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.banner.show_message(
                self.tr("%1 part(s) written to %2.")
                .replace("%1", fmt_qty(count))
                .replace("%2", str(path)),
                "ok",
            )

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            text = str(error) if isinstance(error, OSError) else message_for(error, desk.tz)
            self.banner.show_message(
                self.tr("Could not write the file: %1").replace("%1", text), "error"
            )

        desk.ops.run(
            lambda: stock_reports.export_low_stock_csv(desk.db, desk.actor, path, days=days),
            on_success=done,
            on_failure=failed,
            owner=self,
        )
