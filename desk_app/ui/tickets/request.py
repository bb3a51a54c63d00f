"""The request part of ticket intake: kind, urgency, appliance and its warranty, fault, window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Channel, TicketKind, Urgency, WarrantyStatus
from desk_app.services.customers.customers import ApplianceView
from desk_app.services.tickets.tickets import TicketDraft
from desk_app.ui.common import labels
from desk_app.ui.common.errors import code_text
from desk_app.ui.common.widgets import FieldErrors, field_row
from desk_app.ui.tickets.counter_print import CounterNotes
from desk_app.ui.tickets.window_input import PreferredWindow

#: The appliance list's first entry while the clerk has not chosen yet.
UNCHOSEN = "unchosen"


def _row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return row


class RequestForm(QGroupBox):
    """What the customer asks for; validates what it can and builds the TicketDraft."""

    edited = Signal()
    #: fault text, appliance model, appliance category (for the knowledge panel)
    fault_changed = Signal(str, object, object)
    #: True when the kind is a consultation
    consultation_changed = Signal(bool)
    add_appliance_requested = Signal()

    def __init__(
        self,
        tz: ZoneInfo,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Request"))
        self.tz = tz
        self.errors = FieldErrors()
        self.charge_standard: str | None = None
        self.kind = QComboBox(objectName="ticketKind")
        for kind, text in labels.ticket_kinds().items():
            self.kind.addItem(text, kind)
        self.urgency = QComboBox(objectName="ticketUrgency")
        for urgency, text in labels.urgencies().items():
            self.urgency.addItem(text, urgency)
        self.channel = QComboBox(objectName="ticketChannel")
        for channel, text in labels.channels().items():
            self.channel.addItem(text, channel)
        self.appliance = QComboBox(objectName="ticketAppliance")
        self.add_appliance_button = QPushButton(self.tr("&Add…"), objectName="intakeAddAppliance")
        self.add_appliance_button.setToolTip(self.tr("Add an appliance to this customer"))
        self.add_appliance_button.clicked.connect(self.add_appliance_requested)
        self.warranty_label = QLabel(objectName="warrantyInfo", wordWrap=True)
        self.misuse = QCheckBox(self.tr("Damage caused by misuse (chargeable even in warranty)"))
        self.fault = QPlainTextEdit(objectName="ticketFault")
        self.fault.setPlaceholderText(self.tr("The fault in the customer's words"))
        self.fault.setMinimumHeight(70)
        self.preferred = PreferredWindow(tz, now or (lambda: datetime.now(UTC)), parent=self)
        self.has_window = self.preferred.has_window
        self.notes = QPlainTextEdit(objectName="ticketNotes")
        self.notes.setFixedHeight(50)
        # Walk-in repairs (送修): what was handed over with the appliance, for the receipt.
        self.accessories = QLineEdit(objectName="counterAccessories")
        self.accessories.setPlaceholderText(self.tr("e.g. remote control, power cord"))
        self.condition = QLineEdit(objectName="counterCondition")
        self.condition.setPlaceholderText(self.tr("e.g. scratch on the front panel"))

        form = QFormLayout(self)
        kinds = _row(
            self.kind,
            QLabel(self.tr("Urgency")),
            self.urgency,
            QLabel(self.tr("Channel")),
            self.channel,
            stretch=True,
        )
        field_row(form, self.tr("&Kind"), kinds, self.errors, "kind", "urgency")
        appliance_row = _row(self.appliance, self.add_appliance_button)
        appliance_row.layout().setStretch(0, 1)  # type: ignore[union-attr]
        # The warranty explanation sits right under the appliance it is about.
        appliance_box = QWidget()
        column = QVBoxLayout(appliance_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(appliance_row)
        column.addWidget(self.warranty_label)
        column.addWidget(self.misuse)
        appliance_error = field_row(
            form, self.tr("A&ppliance"), appliance_box, self.errors, "appliance"
        )
        # Marked on the list itself, not on the warranty text under it.
        self.errors.add(("appliance",), self.appliance, appliance_error)
        field_row(form, self.tr("&Fault"), self.fault, self.errors, "fault_description")
        field_row(
            form,
            self.tr("Preferred &time"),
            self.preferred,
            self.errors,
            "preferred_end",
            "preferred_start",
        )
        field_row(form, self.tr("N&otes"), self.notes, self.errors, "notes", "address", "area")
        self.counter_box = _row(
            QLabel(self.tr("Accessories")),
            self.accessories,
            QLabel(self.tr("Condition")),
            self.condition,
        )
        form.addRow(self.tr("Handed over"), self.counter_box)
        self._counter_caption = form.labelForField(self.counter_box)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.appliance.currentIndexChanged.connect(self.update_warranty)
        self.misuse.toggled.connect(self.update_warranty)
        self.fault.textChanged.connect(self._fault_changed)
        self.notes.textChanged.connect(self.edited)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self._channel_changed()

    def reset(self) -> None:
        self.errors.clear()
        self.fault.clear()
        self.notes.clear()
        self.misuse.setChecked(False)
        self.preferred.set_window(None, None)
        self.kind.setCurrentIndex(0)
        self.urgency.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.accessories.clear()
        self.condition.clear()

    # ---------------------------------------------------------------- appliance, warranty

    def fill_appliances(self, appliances: list[ApplianceView], select: int | None = None) -> None:
        """The customer's appliances. The only one (or ``select``) is preselected; with two
        or more the list starts on "choose the appliance", so the clerk picks deliberately
        (one of them, or "no appliance recorded")."""
        self.appliance.blockSignals(True)
        self.appliance.clear()
        if len(appliances) > 1 and select is None:
            self.appliance.addItem(self.tr("— choose the appliance —"), UNCHOSEN)
        self.appliance.addItem(self.tr("(no appliance recorded)"), None)
        for a in appliances:
            text = " ".join(x for x in (a.brand, a.category, a.model) if x)
            if a.serial:
                text += f"  SN {a.serial}"
            self.appliance.addItem(f"{text}  · {labels.warranty(a.warranty)}", a)
            if a.id == select:
                self.appliance.setCurrentIndex(self.appliance.count() - 1)
        if select is None and len(appliances) == 1:
            self.appliance.setCurrentIndex(1)
        self.appliance.blockSignals(False)
        self.update_warranty()

    def appliances(self) -> list[ApplianceView]:
        items = (self.appliance.itemData(i) for i in range(self.appliance.count()))
        return [a for a in items if isinstance(a, ApplianceView)]

    def selected_appliance(self) -> ApplianceView | None:
        data = self.appliance.currentData()
        return data if isinstance(data, ApplianceView) else None

    def appliance_chosen(self) -> bool:
        """False while the list still asks the clerk to choose (two or more appliances)."""
        return self.appliance.currentData() != UNCHOSEN

    def kind_value(self) -> TicketKind:
        return TicketKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        self.consultation_changed.emit(self.kind_value() is TicketKind.CONSULTATION)
        self.update_warranty()

    def set_charge_standard(self, text: str | None) -> None:
        self.charge_standard = text
        self.update_warranty()

    def update_warranty(self) -> None:
        """Warranty status and what it means for charges, in plain words."""
        a = self.selected_appliance()
        status = a.warranty if a else WarrantyStatus.UNKNOWN
        end = labels.fmt_date(a.warranty_end) if a and a.warranty_end else ""
        if self.kind_value() is TicketKind.CONSULTATION:
            text = self.tr("A consultation is free of charge.")
            color = labels.WARRANTY_COLORS[WarrantyStatus.IN]
        elif not self.appliance_chosen():
            text = self.tr(
                "Choose the appliance the customer calls about: its warranty decides "
                "whether the work is free."
            )
            color = labels.WARRANTY_COLORS[WarrantyStatus.EXPIRING]
        else:
            texts = {
                WarrantyStatus.IN: self.tr(
                    "In warranty until %1: parts, labour and travel are free, unless the "
                    "damage comes from misuse."
                ),
                WarrantyStatus.EXPIRING: self.tr(
                    "In warranty until %1 (ends soon): free of charge unless caused by misuse."
                ),
                WarrantyStatus.OUT: self.tr(
                    "Out of warranty since %1: the work is chargeable. Tell the customer the "
                    "charge standard before the visit."
                ),
                WarrantyStatus.UNKNOWN: self.tr(
                    "Warranty unknown (no purchase date): chargeable unless the customer "
                    "shows proof of purchase."
                ),
            }
            text, color = texts[status].replace("%1", end), labels.WARRANTY_COLORS[status]
            in_warranty = status in (WarrantyStatus.IN, WarrantyStatus.EXPIRING)
            if self.misuse.isChecked() and in_warranty:
                text = self.tr("Misuse: chargeable even though in warranty.")
                color = labels.WARRANTY_COLORS[WarrantyStatus.OUT]
            if self.misuse.isChecked() or not in_warranty:
                standard = self.charge_standard or self.tr(
                    "labour, parts and travel as in the published charge standard"
                )
                text += "\n" + self.tr("Charge standard: %1").replace("%1", standard)
        self.warranty_label.setText(text)
        self.warranty_label.setStyleSheet(f"color: {color};")

    def _fault_changed(self) -> None:
        self.edited.emit()
        a = self.selected_appliance()
        self.fault_changed.emit(
            self.fault.toPlainText(), a.model if a else None, a.category if a else None
        )

    # ---------------------------------------------------------------- walk-in

    def walk_in(self) -> bool:
        return Channel(self.channel.currentData()) is Channel.WALK_IN

    def _channel_changed(self) -> None:
        self.counter_box.setVisible(self.walk_in())
        if self._counter_caption is not None:
            self._counter_caption.setVisible(self.walk_in())

    def counter_notes(self) -> CounterNotes | None:
        """Accessories and condition for a walk-in repair (None for other channels)."""
        if not self.walk_in():
            return None
        return CounterNotes.parse(self.accessories.text(), self.condition.text())

    # ---------------------------------------------------------------- window and draft

    def window(self) -> tuple[datetime | None, datetime | None]:
        """The preferred appointment window in the shop's time zone, if the customer gave one."""
        return self.preferred.window()

    def check(self) -> bool:
        """Mark what can be told without the database; True if nothing was marked."""
        self.errors.clear()
        ok = True
        if not self.fault.toPlainText().strip():
            self.errors.mark("fault_description", code_text("field.required"))
            ok = False
        ok = self.preferred.check(self.errors) and ok
        if not self.appliance_chosen() and self.kind_value() is not TicketKind.CONSULTATION:
            self.errors.mark("appliance", code_text("ticket.appliance_not_chosen"))
            ok = False
        return ok

    def needs_appliance(self) -> bool:
        """A repair with no appliance: warranty unknown, so chargeable; ask before saving."""
        return self.kind_value() is TicketKind.REPAIR and self.selected_appliance() is None

    def _notes(self) -> str | None:
        counter = self.counter_notes()
        parts = [self.notes.toPlainText().strip(), counter.as_note() if counter else ""]
        return "\n".join(p for p in parts if p) or None

    def draft(self, customer_id: int) -> TicketDraft:
        a = self.selected_appliance()
        start, end = self.window()
        return TicketDraft(
            customer_id=customer_id,
            kind=self.kind_value(),
            fault_description=self.fault.toPlainText(),
            urgency=Urgency(self.urgency.currentData()),
            channel=Channel(self.channel.currentData()),
            appliance_id=a.id if a else None,
            preferred_start=start,
            preferred_end=end,
            notes=self._notes(),
            misuse=self.misuse.isChecked(),
        )
