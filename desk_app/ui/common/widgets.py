"""Small widgets the screens share: inline field errors, the customer contact form, banners,
the search line and the read-only table of rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import ValidationError
from desk_app.domain.phones import normalize_phone
from desk_app.services.customers.customers import AddressInput, CustomerDraft, CustomerView
from desk_app.ui.common.errors import code_text, message_for

ERROR_STYLE = "color: #b3261e;"
INVALID_STYLE = "border: 1px solid #b3261e; background: #fff4f3;"
#: how long the clerk may pause between keys before a search line searches
DEBOUNCE_MS = 200


class FieldErrors:
    """Marks fields inline: red border and the message in plain words under the field."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, names: Iterable[str], widget: QWidget, label: QLabel) -> None:
        for name in names:
            self._fields[name] = (widget, label)

    def knows(self, name: str) -> bool:
        return name in self._fields

    def mark(self, name: str, message: str) -> bool:
        """Show ``message`` at field ``name``; False if this form has no such field."""
        if name not in self._fields:
            return False
        widget, label = self._fields[name]
        widget.setStyleSheet(INVALID_STYLE)
        widget.setProperty("invalid", True)
        label.setText(message)
        label.show()
        widget.setFocus()
        return True

    def mark_error(self, error: ValidationError) -> bool:
        return self.mark(error.field, message_for(error))

    def clear(self) -> None:
        for widget, label in self._fields.values():
            widget.setStyleSheet("")
            widget.setProperty("invalid", False)
            label.clear()
            label.hide()

    def messages(self) -> dict[str, str]:
        """Field → message shown now (tests read this)."""
        return {
            name: label.text() for name, (_w, label) in self._fields.items() if not label.isHidden()
        }


def field_row(
    form: QFormLayout, caption: str, widget: QWidget, errors: FieldErrors, *names: str
) -> QLabel:
    """Add ``widget`` to ``form`` with an error line under it registered for ``names``."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    layout.addWidget(error)
    caption_label = QLabel(caption)
    caption_label.setBuddy(widget)
    form.addRow(caption_label, box)
    errors.add(names, widget, error)
    return error


class CustomerFields(QWidget):
    """Name, two phones, address and service area, company, notes: one customer's contact data.

    Phones beyond the second and addresses beyond the first (the service keeps
    up to five) are carried along untouched, so editing never drops them.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.name = QLineEdit(objectName="customerName")
        self.phone1 = QLineEdit(objectName="customerPhone1")
        self.phone2 = QLineEdit(objectName="customerPhone2")
        self.address = QLineEdit(objectName="customerAddress")
        self.area = QLineEdit(objectName="customerArea")
        self.company = QLineEdit(objectName="customerCompany")
        self.notes = QPlainTextEdit(objectName="customerNotes")
        self.notes.setFixedHeight(56)
        self.name.setMaxLength(100)
        self.phone1.setPlaceholderText(self.tr("mobile or landline, e.g. 138 1234 5678"))
        self.address.setPlaceholderText(self.tr("province, city, district, street, building, room"))
        self.area.setPlaceholderText(self.tr("service area, e.g. 朝阳区"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field_row(form, self.tr("&Name"), self.name, self.errors, "name")
        field_row(form, self.tr("&Phone"), self.phone1, self.errors, "phones", "phone", "phone1")
        field_row(form, self.tr("Phone &2"), self.phone2, self.errors, "phone2")
        field_row(form, self.tr("&Address"), self.address, self.errors, "addresses", "address")
        field_row(form, self.tr("Service a&rea"), self.area, self.errors, "area")
        field_row(form, self.tr("Co&mpany"), self.company, self.errors, "company")
        field_row(form, self.tr("N&otes"), self.notes, self.errors, "notes")
        self._extra_phones: list[str] = []
        self._extra_addresses: list[AddressInput] = []
        for edit in (self.name, self.phone1, self.phone2, self.address, self.area, self.company):
            edit.textEdited.connect(self.edited)
        self.notes.textChanged.connect(self._notes_changed)
        self._loading = False

    def _notes_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def set_draft(self, draft: CustomerDraft) -> None:
        self._loading = True
        try:
            phones = list(draft.phones)
            self.name.setText(draft.name)
            self.phone1.setText(phones[0] if phones else "")
            self.phone2.setText(phones[1] if len(phones) > 1 else "")
            self._extra_phones = phones[2:]
            first = draft.addresses[0] if draft.addresses else AddressInput("")
            self.address.setText(first.text)
            self.area.setText(first.area or "")
            self._extra_addresses = list(draft.addresses[1:])
            self.company.setText(draft.company or "")
            self.notes.setPlainText(draft.notes or "")
        finally:
            self._loading = False
        self.errors.clear()

    def load(self, view: CustomerView) -> None:
        self.set_draft(view.as_draft())

    def draft(self) -> CustomerDraft:
        phones = [p.text().strip() for p in (self.phone1, self.phone2) if p.text().strip()]
        addresses: list[AddressInput] = []
        if self.address.text().strip():
            addresses.append(
                AddressInput(self.address.text().strip(), self.area.text().strip() or None)
            )
        return CustomerDraft(
            name=self.name.text().strip(),
            phones=phones + self._extra_phones,
            addresses=addresses + self._extra_addresses,
            company=self.company.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
        )

    def check_phones(self) -> bool:
        """Check each phone box on its own so the message lands on the right one."""
        ok = True
        for name, edit in (("phone1", self.phone1), ("phone2", self.phone2)):
            text = edit.text().strip()
            if not text:
                if name == "phone1" and not self._extra_phones and not self.phone2.text().strip():
                    self.errors.mark(name, code_text("phone.at_least_one"))
                    ok = False
                continue
            try:
                normalize_phone(text)
            except ValidationError as error:
                self.errors.mark(name, message_for(error))
                ok = False
        return ok

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.name, self.phone1, self.phone2, self.address, self.area, self.company):
            edit.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)


class Banner(QFrame):
    """A coloured strip above a form: conflicts, "saved", "changed by another desk"."""

    COLORS: ClassVar[dict[str, str]] = {
        "info": "#e8f1fb",
        "warning": "#fff4e0",
        "error": "#fdecea",
        "ok": "#e8f5e9",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.buttons = QHBoxLayout()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addLayout(self.buttons)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.setStyleSheet(
            f"#banner {{ background: {self.COLORS[kind]}; border: 1px solid #c8c8c8; "
            "border-radius: 4px; }"
        )
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class SearchBox(QLineEdit):
    """A screen's search line, results as you type: ``typed`` fires once the clerk has
    paused for ``DEBOUNCE_MS`` (``debounce`` is that timer: stop it to search at once),
    and Down (``down_pressed``) moves into the results."""

    down_pressed = Signal()
    typed = Signal()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setClearButtonEnabled(True)
        self.setStyleSheet("font-size: 15px; padding: 4px;")
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.typed)
        self.textChanged.connect(lambda _t: self.debounce.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


def row_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only table of rows, one selected at a time, the last column taking the spare
    width; callers add what is theirs (alternating colours, sorting, taller rows)."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table
