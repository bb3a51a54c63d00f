"""Stock by location (库存分布): what each store, van and the damaged-parts area holds,
and new locations for the shop (another store, a technician's van)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import StockLocationKind
from desk_app.domain.permissions import Perm
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianView
from desk_app.services.stock import parts, stock
from desk_app.services.stock.parts import LocationView
from desk_app.services.stock.stock import StockLevelView
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import SORT_ROLE, Column
from desk_app.ui.common.widgets import field_row
from desk_app.ui.stock.labels import RED, fmt_qty, location_kinds
from desk_app.ui.stock.models import NumberRowsModel
from desk_app.ui.stock.widgets import (
    LocationCombo,
    StockDialog,
    load_locations,
    make_table,
)


class StockByLocation(QWidget):
    """Levels per part and location, filtered by location."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockByLocation")
        self.desk = desk
        self.location = LocationCombo(self, all_text=self.tr("All locations"))
        self.location.setObjectName("levelsLocation")
        self.empty = QCheckBox(self.tr("Show parts with nothing there"), objectName="levelsEmpty")
        self.new_button = QPushButton(self.tr("New &location…"), objectName="newLocation")
        self.new_button.setEnabled(desk.can(Perm.MANAGE_PARTS))
        self.new_button.clicked.connect(self.new_location)
        self.status = QLabel(objectName="levelsStatus")
        self.model = NumberRowsModel[StockLevelView](
            [
                Column(self.tr("Location"), lambda r: r.location_name),
                Column(self.tr("Kind"), lambda r: location_kinds()[r.location_kind]),
                Column(self.tr("Code"), lambda r: r.part_code),
                Column(self.tr("Name"), lambda r: r.part_name),
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
                    color=lambda r: RED if r.available < 0 else None,
                    sort_key=lambda r: r.available,
                ),
            ],
            numeric=(6, 7, 8),
            parent=self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = make_table(self.proxy, "levelsTable", stretch=3)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((120, 110, 110, 180, 160, 44, 76, 76)):
            self.table.horizontalHeader().resizeSection(column, width)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Location")))
        top.addWidget(self.location)
        top.addWidget(self.empty)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.location.currentIndexChanged.connect(lambda _i: self._load())
        self.empty.toggled.connect(lambda _on: self._load())
        self._locations_loaded = False

    def refresh(self) -> None:
        load_locations(self.desk, self, self._locations)

    def _locations(self, locations: list[LocationView]) -> None:
        self._locations_loaded = True
        self.location.set_locations(locations)  # emits currentIndexChanged: loads

    def _load(self) -> None:
        if not self._locations_loaded:
            return
        desk, location_id, empty = self.desk, self.location.location_id(), self.empty.isChecked()
        self.status.setText(self.tr("Loading…"))
        desk.ops.run(
            lambda: stock.stock_levels(
                desk.db, desk.actor, location_id=location_id, include_empty=empty
            ),
            on_success=self._loaded,
            on_failure=lambda e: self.status.setText(message_for(e, desk.tz)),
            key=f"levels-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[StockLevelView]) -> None:
        self.model.set_rows(rows)
        units = sum(r.on_hand for r in rows)
        self.status.setText(
            self.tr("%1 line(s), %2 unit(s) on hand.")
            .replace("%1", fmt_qty(len(rows)))
            .replace("%2", fmt_qty(units))
        )

    def new_location(self) -> LocationDialog:
        dialog = LocationDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog


class LocationDialog(StockDialog):
    """A new place stock is kept: another store, or a technician's van."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("locationDialog")
        self.setWindowTitle(self.tr("New stock location"))
        self.code = QLineEdit(objectName="locationCode", maxLength=20)
        self.code.setPlaceholderText(self.tr("short code, e.g. VAN-07"))
        self.name = QLineEdit(objectName="locationName", maxLength=60)
        self.kind = QComboBox(objectName="locationKind")
        for kind in (StockLocationKind.STORE, StockLocationKind.VAN):
            self.kind.addItem(location_kinds()[kind], kind)
        self.technician = QComboBox(objectName="locationTechnician")
        self.technician.addItem(self.tr("(nobody)"), None)
        field_row(self.form, self.tr("&Code"), self.code, self.errors, "code")
        field_row(self.form, self.tr("&Name"), self.name, self.errors, "name")
        field_row(self.form, self.tr("&Kind"), self.kind, self.errors, "kind")
        field_row(self.form, self.tr("&Technician"), self.technician, self.errors, "technician")
        self.resize(460, 260)
        db, actor = desk.db, desk.actor
        desk.ops.run(
            lambda: dispatch.list_technicians(db, actor),
            on_success=self._technicians,
            on_failure=lambda _e: None,
            owner=self,
        )

    def _technicians(self, techs: list[TechnicianView]) -> None:
        for t in techs:
            self.technician.addItem(t.name, t.id)

    def action(self) -> Callable[[], Any] | None:
        desk, key = self.desk, self.request_id
        code, name = self.code.text(), self.name.text()
        kind, tech = self.kind.currentData(), self.technician.currentData()
        return lambda: parts.create_location(
            desk.db, desk.actor, code, name, kind, technician_id=tech, request_id=key
        )
