"""Stock by location (库存分布): what each store, van and the damaged-parts area holds,
new locations for the shop (another store, a technician's van), and renaming a location
or taking it out of use (refused while it holds stock; see ``parts.update_location``).

The location box here lists the locations out of use too (marked so), so that one
can be put back into use; every box that picks where to issue or move from leaves
them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import StockLocationKind
from desk_app.domain.errors import ConflictError
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
    open_dialog,
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
        self.edit_button = QPushButton(self.tr("&Edit location…"), objectName="editLocation")
        self.edit_button.setToolTip(self.tr("Rename the chosen location or take it out of use"))
        self.edit_button.clicked.connect(self.edit_location)
        self.last_dialog: QDialog | None = None
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
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.location.currentIndexChanged.connect(lambda _i: self._load())
        self.empty.toggled.connect(lambda _on: self._load())
        self._locations_loaded = False
        self._update_buttons()

    def refresh(self) -> None:
        load_locations(self.desk, self, self._locations, include_inactive=True)

    def _locations(self, locations: list[LocationView]) -> None:
        self._locations_loaded = True
        self.location.set_locations(locations)  # emits currentIndexChanged: loads
        for n in range(self.location.count()):
            loc = self._location(self.location.itemData(n))
            if loc is not None and not loc.active:
                self.location.setItemText(
                    n, self.tr("%1 — not in use").replace("%1", self.location.itemText(n))
                )

    def _location(self, location_id: int | None) -> LocationView | None:
        return next((x for x in self.location.locations() if x.id == location_id), None)

    def chosen_location(self) -> LocationView | None:
        """The location picked in the box (None for "All locations")."""
        return self._location(self.location.location_id())

    def _update_buttons(self) -> None:
        can = self.desk.can(Perm.MANAGE_PARTS)
        self.edit_button.setEnabled(can and self.chosen_location() is not None)
        self.edit_button.setToolTip(
            self.tr("Rename the chosen location or take it out of use")
            if can
            else self.tr("Only parts clerks and managers may change stock locations.")
        )

    def _load(self) -> None:
        self._update_buttons()
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

    def edit_location(self) -> LocationEditDialog | None:
        loc = self.chosen_location()
        if loc is None:
            return None
        return open_dialog(self, LocationEditDialog(self.desk, loc, self), self.refresh)


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


class LocationEditDialog(StockDialog):
    """Rename a location, or take it out of use (or back into use).

    A location still holding stock is refused by the service; the form stays as
    typed with the reason in the banner. If a colleague changed the location
    meanwhile, the banner says who and when and what it is now; saving again puts
    this desk's version over it."""

    def __init__(self, desk: Desk, location: LocationView, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("locationEditDialog")
        self.location = location
        self.setWindowTitle(self.tr("Stock location %1").replace("%1", location.code))
        about = QLabel(objectName="locationEditAbout", wordWrap=True)
        about.setText(
            self.tr("Code %1 · %2")
            .replace("%1", location.code)
            .replace("%2", location_kinds()[location.kind])
        )
        self.name = QLineEdit(location.name, objectName="locationEditName", maxLength=60)
        self.active = QCheckBox(self.tr("In use"), objectName="locationEditActive")
        self.active.setChecked(location.active)
        hint = QLabel(
            self.tr(
                "A location out of use is no longer offered for issuing, receiving or "
                "moving parts. It must be empty first: move or count out its stock."
            ),
            wordWrap=True,
        )
        hint.setStyleSheet("color: #555;")
        self.form.addRow(self.tr("Location"), about)
        field_row(self.form, self.tr("&Name"), self.name, self.errors, "name")
        field_row(self.form, "", self.active, self.errors, "active")
        self.form.addRow("", hint)
        self.resize(480, 240)

    def action(self) -> Callable[[], Any] | None:
        desk, loc = self.desk, self.location
        name, active = self.name.text(), self.active.isChecked()
        return lambda: parts.update_location(
            desk.db, desk.actor, loc.id, name, active, expected=loc
        )

    def failed(self, error: BaseException) -> None:
        if isinstance(error, ConflictError) and error.current:
            now = error.current
            self.location = replace(
                self.location, name=str(now["name"]), active=bool(now["active"])
            )
            self.save_button.setEnabled(True)
            state = self.tr("in use") if self.location.active else self.tr("not in use")
            self.banner.show_message(
                message_for(error, self.desk.tz)
                + "\n"
                + self.tr("It is now: %1, %2. Save again to put yours over it.")
                .replace("%1", self.location.name)
                .replace("%2", state),
                "warning",
            )
            return
        super().failed(error)
