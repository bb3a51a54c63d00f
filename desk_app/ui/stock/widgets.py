"""Pieces the stock screens share: the part picker (type or scan), the location box,
money input, the stock dialog base and how panels open dialogs, tables.

Translations here use explicit contexts (``QCoreApplication.translate``), not
``self.tr``: PySide's ``tr`` looks strings up under the *subclass* name, which
would miss the base class's strings.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import NotFound, ValidationError
from desk_app.services.stock import parts
from desk_app.services.stock.parts import LocationView, PartView
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.widgets import Banner, FieldErrors, row_table
from desk_app.ui.stock.labels import RED, fmt_qty, location_text

CONTEXT = "StockWidgets"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# ---------------------------------------------------------------- small widgets


class ScanLineEdit(QLineEdit):
    """A line a barcode scanner types into: Enter is kept here (``returnPressed``),
    it never also presses the dialog's default button.

    It carries the dynamic property ``scanTarget``: the application-wide
    ``ui.scanner.ScannerFilter`` should leave scans typed into it alone (a ticket
    number scanned into a requisition is meant for the requisition)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setProperty("scanTarget", True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in _ENTER:
            event.accept()


class MoneySpin(QDoubleSpinBox):
    """Yuan with two decimals, shown the local way; read and written in cents."""

    def __init__(self, parent: QWidget | None = None, *, maximum: float = 1_000_000.0) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(0.0, maximum)
        self.setPrefix("¥ ")
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def cents(self) -> int:
        return round(self.value() * 100)

    def set_cents(self, cents: int) -> None:
        self.setValue(cents / 100)


class LocationCombo(QComboBox):
    """Stock locations by name; ``location_id()`` is the chosen one (None: none or all)."""

    def __init__(self, parent: QWidget | None = None, *, all_text: str | None = None) -> None:
        super().__init__(parent)
        self._all_text = all_text
        self._locations: list[LocationView] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_locations(
        self, locations: Sequence[LocationView], *, sellable_only: bool = False
    ) -> None:
        keep = self.location_id()
        self._locations = [loc for loc in locations if loc.sellable or not sellable_only]
        self.blockSignals(True)
        self.clear()
        if self._all_text is not None:
            self.addItem(self._all_text, None)
        for loc in self._locations:
            self.addItem(location_text(loc), loc.id)
        self.blockSignals(False)
        if keep is not None:
            self.select(keep)
        self.currentIndexChanged.emit(self.currentIndex())

    def locations(self) -> list[LocationView]:
        return list(self._locations)

    def location_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def select(self, location_id: int | None) -> None:
        index = self.findData(location_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def annotate(self, available: dict[int, int]) -> None:
        """Show the free units of the picked part beside each location."""
        for n in range(self.count()):
            location_id = self.itemData(n)
            loc = next((x for x in self._locations if x.id == location_id), None)
            if loc is None:
                continue
            text = location_text(loc)
            if location_id in available:
                text += "  " + _t("(%1 free)").replace("%1", fmt_qty(available[location_id]))
            self.setItemText(n, text)


def part_text(part: PartView) -> str:
    """ "P-10023 压缩机启动电容 · CBB65 35μF"."""
    text = f"{part.code} {part.name}"
    return f"{text} · {part.spec}" if part.spec else text


class PartPicker(QWidget):
    """Type a code, a name or scan a barcode, Enter: the part is picked (a list when
    several match). Emits ``picked(PartView | None)``."""

    picked = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.part: PartView | None = None
        self.edit = ScanLineEdit(objectName="partPickerEdit")
        self.edit.setPlaceholderText(_t("Code, name or scan the barcode, then Enter"))
        self.info = QLabel(objectName="partPickerInfo", wordWrap=True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.matches = QListWidget(objectName="partPickerMatches")
        self.matches.setMaximumHeight(130)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.info)
        layout.addWidget(self.matches)
        self.info.hide()
        self._key = f"part-picker-{id(self)}"
        self.edit.returnPressed.connect(self.lookup)
        self.edit.textEdited.connect(self._edited)
        self.matches.itemActivated.connect(self._chosen)
        self.matches.itemClicked.connect(self._chosen)

    def lookup(self) -> None:
        """Find the part for the text typed or scanned: its barcode or code first."""
        text = self.edit.text().strip()
        if not text:
            return
        desk = self.desk

        def find() -> list[PartView]:
            try:
                return [parts.find_by_barcode(desk.db, desk.actor, text)]
            except NotFound:
                return parts.search_parts(desk.db, desk.actor, text, limit=30)

        self._say(_t("Looking…"))
        desk.ops.run(
            find, on_success=self._found, on_failure=self._failed, key=self._key, owner=self
        )

    def _found(self, rows: list[PartView]) -> None:
        if len(rows) == 1:
            self.set_part(rows[0])
            return
        self.matches.clear()
        if not rows:
            self._say(_t("No part matches “%1”.").replace("%1", self.edit.text().strip()), RED)
            self.matches.hide()
            return
        self._say(_t("%1 parts match; pick one.").replace("%1", str(len(rows))))
        for row in rows:
            item = QListWidgetItem(
                f"{part_text(row)}  ({_t('%1 free').replace('%1', fmt_qty(row.available))})"
            )
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.matches.addItem(item)
        self.matches.show()
        self.matches.setCurrentRow(0)
        self.matches.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.set_part(item.data(Qt.ItemDataRole.UserRole))
        self.edit.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._say(message_for(error, self.desk.tz), RED)

    def set_part(self, part: PartView | None) -> None:
        self.part = part
        self.matches.hide()
        if part is None:
            self.info.hide()
        else:
            self.edit.setText(part.code)
            text = (
                part_text(part)
                + "  "
                + _t("on hand %1, free %2")
                .replace("%1", fmt_qty(part.on_hand))
                .replace("%2", fmt_qty(part.available))
            )
            self._say(text)
        self.picked.emit(part)

    def clear(self) -> None:
        self.edit.clear()
        self.set_part(None)

    def _edited(self, _text: str) -> None:
        if self.part is not None:
            self.part = None
            self.picked.emit(None)
        self.info.hide()
        self.matches.hide()

    def _say(self, text: str, color: str | None = None) -> None:
        self.info.setStyleSheet(f"color: {color};" if color else "color: #444;")
        self.info.setText(text)
        self.info.show()


def make_table(model: QAbstractItemModel, name: str, *, stretch: int | None = None) -> QTableView:
    """``widgets.row_table`` the stock way: alternating colours, rows as tall as the font.

    ``stretch`` is the column that takes the spare width (a name, not a number);
    by default the last one."""
    table = row_table(model, name)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(max(24, table.fontMetrics().lineSpacing() + 8))
    header = table.horizontalHeader()
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return rows[0].row() if rows else None


# ---------------------------------------------------------------- dialogs


class DialogOwner(Protocol):
    """A panel that opens stock dialogs; tests reach the newest through ``last_dialog``."""

    last_dialog: QDialog | None


DialogT = TypeVar("DialogT", bound=QDialog)


def open_dialog(
    owner: DialogOwner, dialog: DialogT, on_accepted: Callable[[], object] | None = None
) -> DialogT:
    """Open ``dialog`` window-modal as ``owner.last_dialog``, deleted once closed;
    ``on_accepted`` runs when it is accepted (the owner reloads, usually)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    owner.last_dialog = dialog
    dialog.open()
    return dialog


class StockDialog(QDialog):
    """A form that saves one stock action in the background.

    The form keeps everything typed when the save fails (field errors under the
    fields, anything else in the banner); ``request_id`` stays the same for the
    dialog's life, so retrying after a lost connection never posts twice.
    """

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.request_id = uuid.uuid4().hex
        self.result_value: Any = None
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(_t("&Save"), objectName="saveButton")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter in a field must never throw the form away.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Check locally, then save in the background (subclasses: ``action``)."""
        self.errors.clear()
        self.banner.hide()
        action = self.action()
        if action is None:
            return
        self.save_button.setEnabled(False)
        self.desk.ops.run(action, on_success=self._saved, on_failure=self.failed, owner=self)

    def action(self) -> Callable[[], Any] | None:
        """The service call to run (on a worker thread), or None after marking a field."""
        raise NotImplementedError

    def after_save(self, result: Any) -> None:
        """What a subclass does with the saved result before the dialog closes (the
        desk's screens already heard what changed: BackgroundOps announces it)."""

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.after_save(result)
        self.accept()

    def failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.knows(error.field):
            self.errors.mark(error.field, message_for(error, self.desk.tz))
            return
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    def require(self, field: str, ok: bool, message: str) -> bool:
        if not ok:
            self.errors.mark(field, message)
        return ok


def load_locations(
    desk: Desk,
    owner: QWidget,
    done: Callable[[list[LocationView]], None],
    *,
    include_inactive: bool = False,
) -> None:
    """The stock locations, stores first, delivered to ``done`` on the GUI thread."""
    db, actor = desk.db, desk.actor
    desk.ops.run(
        lambda: parts.list_locations(db, actor, include_inactive=include_inactive),
        on_success=done,
        on_failure=lambda error: None,  # the form shows an empty box; saving explains
        owner=owner,
    )
