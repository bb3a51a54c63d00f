"""The Technicians tab: every technician, active or not; add and edit (name, phone,
skills, service areas from the area list, capacity, reserve, hours, linked user),
deactivate and reactivate."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desk_app.domain.enums import TicketKind
from desk_app.domain.permissions import Perm
from desk_app.services.admin import users
from desk_app.services.dispatch import areas, technicians
from desk_app.services.dispatch.technicians import TechnicianDraft, TechnicianView
from desk_app.ui.admin.staff.forms import FormDialog, ListTab, SaveJob, list_separator
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column
from desk_app.ui.common.widgets import field_row


class CheckList(QListWidget):
    """Values to tick; each item's data is the stored value, its text what is shown."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self.setFixedHeight(120)

    def set_choices(self, choices: list[tuple[str, str]], ticked: set[str]) -> None:
        self.clear()
        for value, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked
            )
            self.addItem(item)

    def ticked(self) -> list[str]:
        return [
            str(self.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.count())
            if self.item(n).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, value: str, on: bool = True) -> None:
        for n in range(self.count()):
            if self.item(n).data(Qt.ItemDataRole.UserRole) == value:
                self.item(n).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> time:
    return time(q.hour(), q.minute())


class TechnicianDialog(FormDialog):
    """Add (``current`` None) or edit one technician. The choices (skills, areas, users)
    are read in the background when the dialog opens; OK waits for them."""

    def __init__(
        self, desk: Desk, current: TechnicianView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk.ops, parent, tz=desk.tz)
        self.setObjectName("technicianDialog")
        self.setWindowTitle(
            self.tr("Add a technician")
            if current is None
            else self.tr("Technician %1").replace("%1", current.name)
        )
        self.desk, self.current = desk, current
        draft = current.as_draft() if current is not None else TechnicianDraft("")
        self.name = QLineEdit(draft.name, objectName="technicianName")
        self.phone = QLineEdit(draft.phone or "", objectName="technicianPhone")
        self.skills = CheckList("technicianSkills")
        self.areas = CheckList("technicianAreas")
        self.capacity = QSpinBox(objectName="technicianCapacity", minimum=0, maximum=50)
        self.capacity.setValue(draft.daily_capacity)
        self.reserve = QSpinBox(objectName="technicianReserve", minimum=0, maximum=50)
        self.reserve.setValue(draft.emergency_reserve)
        self.start = QTimeEdit(_qtime(draft.work_start), objectName="technicianStart")
        self.end = QTimeEdit(_qtime(draft.work_end), objectName="technicianEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        hours = QWidget()
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        row.addStretch(1)
        self.user = QComboBox(objectName="technicianUser")
        self.user.addItem(self.tr("(does not sign in)"), None)
        field_row(self.form, self.tr("&Name"), self.name, self.errors, "name")
        field_row(self.form, self.tr("&Phone"), self.phone, self.errors, "phone")
        field_row(self.form, self.tr("&Skills"), self.skills, self.errors, "skills")
        field_row(self.form, self.tr("Service &areas"), self.areas, self.errors, "areas")
        field_row(
            self.form, self.tr("Visits per &day"), self.capacity, self.errors, "daily_capacity"
        )
        field_row(
            self.form,
            self.tr("of which kept for &emergencies"),
            self.reserve,
            self.errors,
            "emergency_reserve",
        )
        field_row(
            self.form, self.tr("Working &hours"), hours, self.errors, "work_end", "work_start"
        )
        field_row(self.form, self.tr("Signs in as &user"), self.user, self.errors, "user_id")
        self.choices_loaded = False
        self.ok_button.setEnabled(False)
        db, actor, can_users = desk.db, desk.actor, desk.can(Perm.MANAGE_USERS)
        desk.ops.run(
            lambda: (
                technicians.skill_choices(db, actor),
                areas.list_areas(db, actor, active_only=True),
                users.list_users(db, actor) if can_users else [],
            ),
            on_success=self._choices,
            on_failure=self._choices_failed,
            owner=self,
        )

    def _choices_failed(self, error: BaseException) -> None:
        # OK stays disabled: saving without the lists would drop the skills and areas.
        self.banner.show_message(message_for(error, self.tz), "error")

    def _choices(self, loaded: tuple[list[str], list[Any], list[Any]]) -> None:
        skills, area_rows, user_rows = loaded
        draft = self.current.as_draft() if self.current is not None else TechnicianDraft("")
        kinds = labels.ticket_kinds()
        shown = [(s, kinds[TicketKind(s)] if s in set(TicketKind) else s) for s in skills]
        shown += [(s, s) for s in draft.skills if s not in skills]
        self.skills.set_choices(shown, set(draft.skills))
        names = [a.name for a in area_rows]
        names += [a for a in draft.areas if a not in names]  # retired since, still held
        self.areas.set_choices([(a, a) for a in names], set(draft.areas))
        for u in user_rows:
            if u.active or u.id == draft.user_id:
                self.user.addItem(f"{u.display_name} ({u.username})", u.id)
        if draft.user_id is not None and self.user.findData(draft.user_id) < 0:
            username = self.current.username if self.current else None
            self.user.addItem(username or str(draft.user_id), draft.user_id)
        self.user.setCurrentIndex(max(self.user.findData(draft.user_id), 0))
        self.choices_loaded = True
        self.ok_button.setEnabled(True)

    def draft(self) -> TechnicianDraft:
        return TechnicianDraft(
            name=self.name.text(),
            phone=self.phone.text() or None,
            skills=tuple(self.skills.ticked()),
            areas=tuple(self.areas.ticked()),
            work_start=_time(self.start.time()),
            work_end=_time(self.end.time()),
            daily_capacity=self.capacity.value(),
            emergency_reserve=self.reserve.value(),
            user_id=self.user.currentData(),
        )

    def collect(self) -> SaveJob | None:
        if not self.choices_loaded:
            return None
        db, actor, draft, current = self.desk.db, self.desk.actor, self.draft(), self.current
        if current is None:
            return lambda: technicians.create_technician(db, actor, draft)
        return lambda: technicians.update_technician(
            db, actor, current.id, draft, expected_version=current.version
        )


class TechniciansTab(ListTab):
    entities = ("technician", "service_area", "user")

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk, "techniciansTable")
        kinds = labels.ticket_kinds()
        sep = list_separator()

        def skill(s: str) -> str:
            return kinds[TicketKind(s)] if s in set(TicketKind) else s

        self.set_columns(
            [
                Column(self.tr("Name"), lambda t: t.name),
                Column(self.tr("Phone"), lambda t: t.phone or ""),
                Column(self.tr("Skills"), lambda t: sep.join(skill(s) for s in t.skills)),
                Column(self.tr("Service areas"), lambda t: sep.join(t.areas)),
                Column(self.tr("Hours"), lambda t: f"{t.work_start:%H:%M}–{t.work_end:%H:%M}"),
                Column(
                    self.tr("Visits / reserve"),
                    lambda t: f"{t.daily_capacity} / {t.emergency_reserve}",
                ),
                Column(self.tr("Signs in as"), lambda t: t.username or ""),
                Column(
                    self.tr("State"),
                    lambda t: self.tr("active") if t.active else self.tr("inactive"),
                    color=lambda t: None if t.active else "#888",
                ),
            ]
        )
        self.add_button = self.button(
            self.tr("&Add technician…"), "addTechnician", self.add, row=False
        )
        self.edit_button = self.button(self.tr("&Edit…"), "editTechnician", self.edit, row=True)
        self.active_button = self.button(
            self.tr("&Deactivate"), "toggleTechnician", self.toggle_active, row=True
        )
        self.buttons.addStretch(1)

    def fetch(self) -> list[TechnicianView]:
        return technicians.list_technicians(self.desk.db, self.desk.actor, active_only=False)

    def selection_changed(self) -> None:
        super().selection_changed()
        tech = self.selected()
        self.active_button.setText(
            self.tr("&Reactivate")
            if tech is not None and not tech.active
            else self.tr("&Deactivate")
        )

    def activated(self) -> None:
        self.edit()

    def add(self) -> FormDialog:
        return self.open_form(
            TechnicianDialog(self.desk, None, self),
            lambda t: self.banner.show_message(self.tr("%1 added.").replace("%1", t.name), "ok"),
        )

    def edit(self) -> FormDialog | None:
        tech = self.selected()
        if tech is None:
            return None
        return self.open_form(TechnicianDialog(self.desk, tech, self))

    def toggle_active(self) -> None:
        tech = self.selected()
        if tech is None:
            return
        db, actor, active = self.desk.db, self.desk.actor, not tech.active
        text = self.tr("%1 is back on the board.") if active else self.tr("%1 is off the board.")
        self.run(
            lambda: technicians.set_technician_active(
                db, actor, tech.id, active, expected_version=tech.version
            ),
            text.replace("%1", tech.name),
        )
