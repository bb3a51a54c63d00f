"""The Service areas tab: the areas the shop serves; add, rename (technicians covering
an area follow the new name), retire and bring back."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desk_app.services.dispatch import areas
from desk_app.services.dispatch.areas import AreaView
from desk_app.ui.admin.staff.forms import FormDialog, ListTab, SaveJob
from desk_app.ui.common.context import Desk
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import field_row


class AreaDialog(FormDialog):
    """Add an area (``current`` None) or rename one and change its note."""

    def __init__(
        self, desk: Desk, current: AreaView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk.ops, parent, tz=desk.tz)
        self.setObjectName("areaDialog")
        self.desk, self.current = desk, current
        if current is None:
            self.setWindowTitle(self.tr("Add a service area"))
        else:
            self.setWindowTitle(self.tr("Rename %1").replace("%1", current.name))
            self.set_intro(
                self.tr("Every technician covering %1 follows the new name.").replace(
                    "%1", current.name
                )
            )
        self.name = QLineEdit(current.name if current else "", objectName="areaName")
        self.name.setPlaceholderText(self.tr("e.g. 朝阳区"))
        self.note = QLineEdit((current.note or "") if current else "", objectName="areaNote")
        field_row(self.form, self.tr("&Name"), self.name, self.errors, "name")
        field_row(self.form, self.tr("N&ote"), self.note, self.errors, "note")

    def collect(self) -> SaveJob:
        db, actor, current = self.desk.db, self.desk.actor, self.current
        name, note = self.name.text(), self.note.text() or None
        if current is None:
            return lambda: areas.create_area(db, actor, name, note)
        return lambda: areas.rename_area(
            db, actor, current.id, name, note=note, expected_version=current.version
        )


class AreasTab(ListTab):
    entities = ("service_area",)

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk, "areasTable")
        self.set_columns(
            [
                Column(self.tr("Service area"), lambda a: a.name),
                Column(self.tr("Note"), lambda a: a.note or ""),
                Column(
                    self.tr("State"),
                    lambda a: self.tr("in use") if a.active else self.tr("retired"),
                    color=lambda a: None if a.active else "#888",
                ),
            ]
        )
        self.add_button = self.button(self.tr("&Add area…"), "addArea", self.add, row=False)
        self.rename_button = self.button(self.tr("Re&name…"), "renameArea", self.rename, row=True)
        self.active_button = self.button(
            self.tr("&Retire"), "toggleArea", self.toggle_active, row=True
        )
        self.buttons.addStretch(1)

    def fetch(self) -> list[AreaView]:
        return areas.list_areas(self.desk.db, self.desk.actor)

    def selection_changed(self) -> None:
        super().selection_changed()
        area = self.selected()
        self.active_button.setText(
            self.tr("&Bring back") if area is not None and not area.active else self.tr("&Retire")
        )

    def activated(self) -> None:
        self.rename()

    def add(self) -> FormDialog:
        return self.open_form(
            AreaDialog(self.desk, None, self),
            lambda a: self.banner.show_message(self.tr("%1 added.").replace("%1", a.name), "ok"),
        )

    def rename(self) -> FormDialog | None:
        area = self.selected()
        if area is None:
            return None
        return self.open_form(AreaDialog(self.desk, area, self))

    def toggle_active(self) -> None:
        area = self.selected()
        if area is None:
            return
        db, actor, active = self.desk.db, self.desk.actor, not area.active
        text = self.tr("%1 is in use again.") if active else self.tr("%1 is retired.")
        self.run(
            lambda: areas.set_area_active(
                db, actor, area.id, active, expected_version=area.version
            ),
            text.replace("%1", area.name),
        )
