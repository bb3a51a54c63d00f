"""Correcting a saved ticket (工单修改): fault, contact, address, preferred time, urgency,
kind, appliance. What the ticket's status no longer allows is shown but locked
(``ticket_states.EDITABLE_IN``). A save that meets a newer version names who saved it
and when, lists what they changed and keeps the clerk's typing, like the customer form.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain import ticket_states
from desk_app.domain.enums import TicketKind, Urgency
from desk_app.domain.errors import ConflictError, ValidationError
from desk_app.services.customers import customers
from desk_app.services.customers.customers import CustomerView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import EventView, TicketEdit, TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from desk_app.ui.common.widgets import Banner, FieldErrors, field_row
from desk_app.ui.tickets.window_input import PreferredWindow


def _change(caption: str, old: str, new: str) -> str:
    return (
        QCoreApplication.translate("TicketEditDialog", "%1: %2 → %3")
        .replace("%1", caption)
        .replace("%2", old)
        .replace("%3", new)
    )


# Module-level strings are spelled out as QCoreApplication.translate(...) so that
# lupdate files them under the dialog's context.


def field_captions() -> dict[str, str]:
    """What the desk calls each editable field (history lines, conflict lists)."""
    return {
        "kind": QCoreApplication.translate("TicketEditDialog", "Kind"),
        "urgency": QCoreApplication.translate("TicketEditDialog", "Urgency"),
        "fault_description": QCoreApplication.translate("TicketEditDialog", "Fault"),
        "appliance": QCoreApplication.translate("TicketEditDialog", "Appliance"),
        "misuse": QCoreApplication.translate("TicketEditDialog", "Misuse"),
        "contact_phone": QCoreApplication.translate("TicketEditDialog", "Phone"),
        "address": QCoreApplication.translate("TicketEditDialog", "Address"),
        "area": QCoreApplication.translate("TicketEditDialog", "Area"),
        "preferred_start": QCoreApplication.translate("TicketEditDialog", "Preferred from"),
        "preferred_end": QCoreApplication.translate("TicketEditDialog", "Preferred until"),
        "notes": QCoreApplication.translate("TicketEditDialog", "Notes"),
        "warranty": QCoreApplication.translate("TicketEditDialog", "Warranty"),
        "chargeable": QCoreApplication.translate("TicketEditDialog", "Chargeable"),
    }


def _shown(field: str, value: object, tz: ZoneInfo) -> str:
    """One field's value as the clerk reads it (codes translated, times in the shop's zone)."""
    if value is None or value == "":
        return "—"
    if field == "kind":
        return labels.ticket_kinds().get(TicketKind(str(value)), str(value))
    if field == "urgency":
        return labels.urgencies().get(Urgency(str(value)), str(value))
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("TicketEditDialog", "yes")
            if value
            else QCoreApplication.translate("TicketEditDialog", "no")
        )
    if isinstance(value, datetime):
        return labels.fmt_datetime(value, tz)
    if isinstance(value, str) and field.startswith("preferred_"):
        return labels.fmt_datetime(datetime.fromisoformat(value), tz)
    if field == "warranty":
        return labels.warranty(value)  # type: ignore[arg-type]
    return str(value)


def edit_summary(event: EventView, tz: ZoneInfo) -> str:
    """ "Fault: a → b; Urgency: Normal → Urgent" for an edit in the ticket's history."""
    changes = (event.data or {}).get("changes") or {}
    captions = field_captions()
    parts = []
    for field, change in changes.items():
        caption = captions.get(field, field)
        if field == "appliance":
            parts.append(caption)
            continue
        old, new = _shown(field, change.get("from"), tz), _shown(field, change.get("to"), tz)
        parts.append(_change(caption, old, new))
    return "; ".join(parts)


def describe_changes(before: TicketEdit, after: TicketEdit, tz: ZoneInfo) -> list[str]:
    """ "• Phone: 138… → 139…" for each field that differs between two versions."""
    captions = field_captions()
    lines = []
    for field, attr in (
        ("kind", "kind"),
        ("urgency", "urgency"),
        ("fault_description", "fault_description"),
        ("appliance", "appliance_id"),
        ("misuse", "misuse"),
        ("contact_phone", "contact_phone"),
        ("address", "address"),
        ("area", "area"),
        ("preferred_start", "preferred_start"),
        ("preferred_end", "preferred_end"),
        ("notes", "notes"),
    ):
        old, new = getattr(before, attr), getattr(after, attr)
        if old != new:
            if field == "appliance":
                lines.append(f"• {captions[field]}")
            else:
                change = _change(captions[field], _shown(field, old, tz), _shown(field, new, tz))
                lines.append(f"• {change}")
    return lines or [
        QCoreApplication.translate(
            "TicketEditDialog", "• nothing in these fields (only saved again)"
        )
    ]


class TicketEditDialog(QDialog):
    """Correct a saved ticket; ``saved`` carries the ticket as it is after the save."""

    saved = Signal(object)  # TicketView

    def __init__(self, desk: Desk, ticket: TicketView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketEditDialog")
        self.desk = desk
        self.ticket = ticket
        self.theirs: TicketView | None = None
        self.setWindowTitle(self.tr("Edit ticket %1").replace("%1", ticket.number))
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.save_mine_button = QPushButton(
            self.tr("Save &mine over theirs"), objectName="saveMineTicket"
        )
        self.take_theirs_button = QPushButton(
            self.tr("Take &theirs"), objectName="takeTheirsTicket"
        )
        self.banner.buttons.addWidget(self.save_mine_button)
        self.banner.buttons.addWidget(self.take_theirs_button)
        self.save_mine_button.clicked.connect(self._save_mine)
        self.take_theirs_button.clicked.connect(self._take_theirs)
        self._conflict_buttons(False)

        self.kind = QComboBox(objectName="editKind")
        for kind, text in labels.ticket_kinds().items():
            self.kind.addItem(text, kind)
        self.urgency = QComboBox(objectName="editUrgency")
        for urgency, text in labels.urgencies().items():
            self.urgency.addItem(text, urgency)
        self.appliance = QComboBox(objectName="editAppliance")
        self.misuse = QCheckBox(self.tr("Damage caused by misuse (chargeable even in warranty)"))
        self.fault = QPlainTextEdit(objectName="editFault")
        self.fault.setMinimumHeight(70)
        self.phone = QLineEdit(objectName="editPhone")
        self.address = QLineEdit(objectName="editAddress")
        self.area = QLineEdit(objectName="editArea")
        self.preferred = PreferredWindow(desk.tz, desk.now, prefix="edit", parent=self)
        self.has_window = self.preferred.has_window
        self.notes = QPlainTextEdit(objectName="editNotes")
        self.notes.setFixedHeight(60)
        self.rules = QLabel(wordWrap=True, objectName="editRules")
        self.rules.setStyleSheet("color: #555;")

        form = QFormLayout()
        kinds = QWidget()
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(QLabel(self.tr("Urgency")))
        row.addWidget(self.urgency)
        row.addStretch(1)
        field_row(form, self.tr("&Kind"), kinds, self.errors, "kind", "urgency")
        appliance_box = QWidget()
        column = QVBoxLayout(appliance_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.appliance)
        column.addWidget(self.misuse)
        field_row(form, self.tr("A&ppliance"), appliance_box, self.errors, "appliance", "misuse")
        field_row(form, self.tr("&Fault"), self.fault, self.errors, "fault_description")
        field_row(form, self.tr("P&hone"), self.phone, self.errors, "contact_phone")
        place = QWidget()
        row = QHBoxLayout(place)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.address, 3)
        row.addWidget(QLabel(self.tr("Area")))
        row.addWidget(self.area, 1)
        field_row(form, self.tr("A&ddress"), place, self.errors, "address", "area")
        window = self.preferred
        field_row(
            form,
            self.tr("Preferred &time"),
            window,
            self.errors,
            "preferred_start",
            "preferred_end",
        )
        field_row(form, self.tr("N&otes"), self.notes, self.errors, "notes")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveTicketEdit")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(buttons)
        self.resize(640, 560)

        self._fill_appliances([])
        self.load(ticket)
        self._load_appliances()

    # ---------------------------------------------------------------- loading

    def load(self, t: TicketView) -> None:
        """Fill the form from ``t`` and lock what its status no longer lets change."""
        self.ticket = t
        self.errors.clear()
        self.kind.setCurrentIndex(max(0, self.kind.findData(t.kind)))
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(t.urgency)))
        self._select_appliance(t.appliance_id)
        self.misuse.setChecked(t.misuse)
        self.fault.setPlainText(t.fault_description)
        self.phone.setText(t.contact_phone or "")
        self.address.setText(t.address or "")
        self.area.setText(t.area or "")
        self.notes.setPlainText(t.notes or "")
        self.preferred.set_window(t.preferred_start, t.preferred_end)
        self._lock(t)

    def _lock(self, t: TicketView) -> None:
        allowed = ticket_states.editable_fields(t.status)
        locked_tip = code_text("ticket.field_locked")
        widgets: dict[str, tuple[QWidget, ...]] = {
            "kind": (self.kind,),
            "urgency": (self.urgency,),
            "appliance": (self.appliance,),
            "misuse": (self.misuse,),
            "fault_description": (self.fault,),
            "contact_phone": (self.phone,),
            "address": (self.address,),
            "area": (self.area,),
            "notes": (self.notes,),
        }
        for field, ws in widgets.items():
            for w in ws:
                w.setEnabled(field in allowed)
                w.setToolTip("" if field in allowed else locked_tip)
        self.preferred.set_allowed(
            "preferred_start" in allowed, "" if "preferred_start" in allowed else locked_tip
        )
        self.save_button.setEnabled(bool(allowed))
        status = labels.statuses()[t.status]
        if not allowed:
            self.rules.setText(code_text("ticket.final_no_edits"))
        elif "kind" not in allowed and "fault_description" in allowed:
            self.rules.setText(
                self.tr(
                    "%1: the kind can no longer change (only while the ticket is new)."
                ).replace("%1", status)
            )
        elif "fault_description" not in allowed:
            self.rules.setText(
                self.tr(
                    "%1: the work is done; only the phone, address, area and notes can "
                    "still be corrected."
                ).replace("%1", status)
            )
        else:
            self.rules.setText("")
        self.rules.setVisible(bool(self.rules.text()))

    def _load_appliances(self) -> None:
        desk, cid = self.desk, self.ticket.customer_id
        desk.ops.run(
            lambda: customers.get_customer(desk.db, desk.actor, cid),
            on_success=self._customer_loaded,
            on_failure=lambda e: None,  # the ticket's own appliance stays shown
            owner=self,
        )

    def _customer_loaded(self, view: CustomerView) -> None:
        current = self.selected_appliance_id()
        self._fill_appliances(
            [
                (
                    a.id,
                    " ".join(x for x in (a.brand, a.category, a.model) if x)
                    + (f"  SN {a.serial}" if a.serial else "")
                    + f"  · {labels.warranty(a.warranty)}",
                )
                for a in view.appliances
            ]
        )
        self._select_appliance(current)

    def _fill_appliances(self, items: list[tuple[int, str]]) -> None:
        self.appliance.clear()
        self.appliance.addItem(self.tr("(no appliance recorded)"), None)
        for aid, text in items:
            self.appliance.addItem(text, aid)
        t = self.ticket
        if t.appliance_id is not None and self.appliance.findData(t.appliance_id) < 0:
            shown = " ".join(x for x in (t.appliance, t.serial) if x)
            self.appliance.addItem(shown or f"#{t.appliance_id}", t.appliance_id)

    def _select_appliance(self, appliance_id: int | None) -> None:
        index = self.appliance.findData(appliance_id) if appliance_id is not None else 0
        self.appliance.setCurrentIndex(max(0, index))

    def selected_appliance_id(self) -> int | None:
        data = self.appliance.currentData()
        return data if isinstance(data, int) else None

    # ---------------------------------------------------------------- saving

    def window(self) -> tuple[datetime | None, datetime | None]:
        return self.preferred.window()

    def edit(self) -> TicketEdit:
        """The form as a TicketEdit."""
        start, end = self.window()
        return TicketEdit(
            kind=TicketKind(self.kind.currentData()),
            urgency=Urgency(self.urgency.currentData()),
            fault_description=self.fault.toPlainText(),
            contact_phone=self.phone.text().strip() or None,
            address=self.address.text().strip() or None,
            area=self.area.text().strip() or None,
            preferred_start=start,
            preferred_end=end,
            notes=self.notes.toPlainText().strip() or None,
            appliance_id=self.selected_appliance_id(),
            misuse=self.misuse.isChecked(),
        )

    def _check(self) -> bool:
        self.errors.clear()
        ok = True
        if not self.fault.toPlainText().strip():
            self.errors.mark("fault_description", code_text("field.required"))
            ok = False
        return self.preferred.check(self.errors) and ok

    def _unchanged_window(self, edit: TicketEdit) -> TicketEdit:
        """A window the clerk did not touch stays exactly as stored (seconds and all)."""
        t = self.ticket
        start, end = edit.preferred_start, edit.preferred_end
        if t.preferred_start is not None and t.preferred_end is not None and start and end:
            same_minute = start == t.preferred_start.replace(
                second=0, microsecond=0
            ) and end == t.preferred_end.replace(second=0, microsecond=0)
            if same_minute:
                return dataclasses.replace(
                    edit, preferred_start=t.preferred_start, preferred_end=t.preferred_end
                )
        return edit

    def to_save(self) -> TicketEdit:
        """What the clerk changed, laid over the newest version known: after a conflict a
        field the clerk left alone keeps the colleague's value, one the clerk changed
        takes the clerk's."""
        mine = self._unchanged_window(self.edit())
        if self.theirs is None:
            return mine
        base, theirs = self.ticket.as_edit(), self.theirs.as_edit()
        changed = {
            f.name: getattr(mine, f.name)
            for f in dataclasses.fields(TicketEdit)
            if getattr(mine, f.name) != getattr(base, f.name)
        }
        return dataclasses.replace(theirs, **changed)

    def save(self) -> None:
        base = self.theirs or self.ticket
        self._save(base.version)

    def _save(self, version: int) -> None:
        if not self._check():
            return
        desk, tid = self.desk, self.ticket.id
        edit = self.to_save()
        self.save_button.setEnabled(False)
        self.save_mine_button.setEnabled(False)
        desk.ops.run(
            lambda: tickets.edit_ticket(desk.db, desk.actor, tid, edit, expected_version=version),
            on_success=self._saved,
            on_failure=self._save_failed,
            owner=self,
        )

    def _buttons_back(self) -> None:
        self.save_button.setEnabled(bool(ticket_states.editable_fields(self.ticket.status)))
        self.save_mine_button.setEnabled(True)

    def _saved(self, view: TicketView) -> None:
        self.ticket, self.theirs = view, None
        self._buttons_back()
        self._conflict_buttons(False)
        self.saved.emit(view)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._buttons_back()
        if isinstance(error, ConflictError):
            self._conflict(error)
            return
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _conflict(self, error: ConflictError) -> None:
        """Fetch the newer version and say what changed in it; the form keeps the typing."""
        desk, tid, tz = self.desk, self.ticket.id, self.desk.tz
        head = message_for(error, tz)

        def show(theirs: TicketView) -> None:
            self.theirs = theirs
            lines = describe_changes(self.ticket.as_edit(), theirs.as_edit(), tz)
            text = head + "\n" + self.tr("What they changed:") + "\n" + "\n".join(lines)
            text += "\n" + self.tr("Your typing is still in the form.")
            self.banner.show_message(text, "warning")
            self._conflict_buttons(True)

        desk.ops.run(
            lambda: tickets.get_ticket(desk.db, desk.actor, tid),
            on_success=show,
            on_failure=lambda e: self.banner.show_message(message_for(e, tz), "error"),
            owner=self,
        )

    def _save_mine(self) -> None:
        if self.theirs is not None:
            self._save(self.theirs.version)

    def _take_theirs(self) -> None:
        if self.theirs is not None:
            theirs, self.theirs = self.theirs, None
            self.load(theirs)
            self._conflict_buttons(False)
            self.banner.hide()

    def _conflict_buttons(self, visible: bool) -> None:
        self.save_mine_button.setVisible(visible)
        self.take_theirs_button.setVisible(visible)
