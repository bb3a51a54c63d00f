"""Dialogs around a customer: a new customer (with the duplicate warning), a new appliance."""

from __future__ import annotations

import re
import uuid
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.appliances import APPLIANCE_CATEGORIES
from desk_app.domain.errors import ValidationError
from desk_app.domain.warranty import add_years
from desk_app.services.customers import customers
from desk_app.services.customers.customers import (
    ApplianceDraft,
    ApplianceView,
    CustomerRow,
    CustomerView,
)
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.labels import fmt_date
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner, CustomerFields, FieldErrors, field_row

# Appliance categories the desk meets most; the box stays editable for others.
CATEGORIES = APPLIANCE_CATEGORIES
UNKNOWN_DATE = QDate(2000, 1, 1)


def prefill_from_search(fields: CustomerFields, text: str) -> None:
    """What the clerk searched for becomes the phone or the name of the new customer."""
    text = text.strip()
    if not text:
        return
    if re.fullmatch(r"[\d\s+\-()/]{5,}", text):
        fields.phone1.setText(text)
    else:
        fields.name.setText(text)


class NewCustomerDialog(QDialog):
    """Enter a new customer; likely duplicates are shown before anything is saved.

    Emits ``customer_ready(id)`` with the new customer, or with the existing one
    the clerk picked from the duplicate list.
    """

    customer_ready = Signal(int)

    def __init__(self, desk: Desk, search_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.desk = desk
        self.request_id = uuid.uuid4().hex
        self.created: CustomerView | None = None
        self.fields = CustomerFields(self)
        prefill_from_search(self.fields, search_text)
        self.banner = Banner(self)
        self.duplicates = RowsModel[CustomerRow](
            [
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Phone"), lambda r: r.phone or ""),
                Column(self.tr("Address"), lambda r: r.address or ""),
            ],
            self,
        )
        self.duplicate_view = QTableView(objectName="duplicateList")
        self.duplicate_view.setModel(self.duplicates)
        self.duplicate_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.duplicate_view.verticalHeader().hide()
        self.duplicate_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.duplicate_view.setMaximumHeight(140)
        self.duplicate_view.hide()
        self.duplicate_view.doubleClicked.connect(self._use_existing)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("&Save"), objectName="saveCustomer")
        self.save_button.setDefault(True)
        self.use_button = QPushButton(self.tr("&Use selected customer"), objectName="useExisting")
        self.anyway_button = QPushButton(self.tr("Create &new anyway"), objectName="createAnyway")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.anyway_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.use_button, self.anyway_button):
            button.hide()  # after addButton, which shows what it adds
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.check_and_save)
        self.anyway_button.clicked.connect(self.save)
        self.use_button.clicked.connect(self._use_existing)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.fields)
        layout.addWidget(self.duplicate_view)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.anyway_button, self.use_button):
            button.setEnabled(not busy)

    def check_and_save(self) -> None:
        """First look for likely duplicates; save only if there are none."""
        self.fields.errors.clear()
        if not self.fields.check_phones():
            return
        desk, draft = self.desk, self.fields.draft()
        self._busy(True)
        desk.ops.run(
            lambda: customers.find_duplicates(desk.db, desk.actor, draft),
            on_success=self._duplicates_found,
            on_failure=self._failed,
            owner=self,
        )

    def _duplicates_found(self, rows: list[CustomerRow]) -> None:
        if not rows:
            self.save()
            return
        self._busy(False)
        self.duplicates.set_rows(rows)
        self.duplicate_view.show()
        self.duplicate_view.selectRow(0)
        self.banner.show_message(
            self.tr(
                "This looks like a customer we already have (same phone, or same name and "
                "address). Use the existing customer, or create a new one anyway."
            ),
            "warning",
        )
        self.save_button.hide()
        self.use_button.show()
        self.anyway_button.show()

    def save(self) -> None:
        desk, draft, key = self.desk, self.fields.draft(), self.request_id
        self._busy(True)
        desk.ops.run(
            lambda: customers.create_customer(desk.db, desk.actor, draft, request_id=key),
            on_success=self._saved,
            on_failure=self._failed,
            owner=self,
        )

    def _saved(self, view: CustomerView) -> None:
        self.created = view
        self.customer_ready.emit(view.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ValidationError) and self.fields.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def _use_existing(self) -> None:
        rows = self.duplicate_view.selectionModel().selectedRows()
        if not rows:
            return
        self.customer_ready.emit(self.duplicates.row_at(rows[0].row()).id)
        self.accept()


class ApplianceDialog(QDialog):
    """Add an appliance to a customer: what it is, its serial, when it was bought."""

    appliance_added = Signal(object)

    def __init__(self, desk: Desk, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applianceDialog")
        self.setWindowTitle(self.tr("Add appliance"))
        self.desk = desk
        self.customer_id = customer_id
        self.errors = FieldErrors()
        self.category = QComboBox(objectName="applianceCategory", editable=True)
        self.category.addItems(CATEGORIES)
        self.brand = QLineEdit(objectName="applianceBrand")
        self.model = QLineEdit(objectName="applianceModel")
        self.serial = QLineEdit(objectName="applianceSerial")
        self.purchased = QDateEdit(objectName="appliancePurchased", calendarPopup=True)
        self.purchased.setMinimumDate(UNKNOWN_DATE)
        self.purchased.setSpecialValueText(self.tr("unknown"))
        self.purchased.setDate(UNKNOWN_DATE)
        self.years = QSpinBox(objectName="applianceWarrantyYears", minimum=0, maximum=15, value=1)
        self.years.setSuffix(self.tr(" year(s)"))
        self.warranty_label = QLabel()
        form = QFormLayout()
        field_row(form, self.tr("Ca&tegory"), self.category, self.errors, "category")
        field_row(form, self.tr("&Brand"), self.brand, self.errors, "brand")
        field_row(form, self.tr("&Model"), self.model, self.errors, "model")
        field_row(form, self.tr("&Serial number"), self.serial, self.errors, "serial")
        field_row(form, self.tr("&Purchased on"), self.purchased, self.errors, "purchase_date")
        field_row(form, self.tr("&Warranty"), self.years, self.errors, "warranty_end")
        form.addRow("", self.warranty_label)
        self.banner = Banner(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveAppliance")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.purchased.dateChanged.connect(self._update_warranty)
        self.years.valueChanged.connect(self._update_warranty)
        self._update_warranty()

    def purchase_date(self) -> date | None:
        d = self.purchased.date()
        return None if d == UNKNOWN_DATE else date(d.year(), d.month(), d.day())

    def warranty_end(self) -> date | None:
        bought = self.purchase_date()
        if bought is None or self.years.value() == 0:
            return None
        return add_years(bought, self.years.value())

    def _update_warranty(self) -> None:
        end = self.warranty_end()
        self.warranty_label.setText(
            self.tr("until %1").replace("%1", fmt_date(end))
            if end
            else self.tr("no warranty known")
        )

    def save(self) -> None:
        self.errors.clear()
        draft = ApplianceDraft(
            category=self.category.currentText().strip(),
            model=self.model.text().strip(),
            brand=self.brand.text().strip() or None,
            serial=self.serial.text().strip() or None,
            purchase_date=self.purchase_date(),
            warranty_end=self.warranty_end(),
        )
        desk, cid = self.desk, self.customer_id
        self.save_button.setEnabled(False)
        desk.ops.run(
            lambda: customers.add_appliance(desk.db, desk.actor, cid, draft),
            on_success=self._saved,
            on_failure=self._failed,
            owner=self,
        )

    def _saved(self, view: ApplianceView) -> None:
        self.appliance_added.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")
