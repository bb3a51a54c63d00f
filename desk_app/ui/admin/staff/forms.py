"""What the staff dialogs share: a small form dialog that saves in the background, stays
open with the typing kept when the save is refused, and a tab of a list with buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import ValidationError
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner, FieldErrors, row_table

# A save: runs on a worker thread, returns what ``saved`` gets.
SaveJob = Callable[[], Any]


def staff_menu_text() -> str:
    """The main window's Desk-menu entry (kept here so this area's catalog holds it)."""
    return QCoreApplication.translate("MainWindow", "S&taff…")


def list_separator() -> str:
    """Between the items of a list in one cell: ", " in English, "、" in Chinese."""
    return QCoreApplication.translate("StaffForms", ", ")


def password_menu_text() -> str:
    return QCoreApplication.translate("MainWindow", "Change my &password…")


class FormDialog(QDialog):
    """A form with a banner, inline field errors and OK/Cancel.

    Subclasses fill ``self.form`` and implement ``collect`` (GUI thread: the widgets'
    values → a ``SaveJob``; may raise ValidationError for its own checks, or mark a field
    itself and return None). OK runs the
    job in the background; success stores ``self.result_value`` and accepts, a refusal
    marks the field (or shows the banner) and the dialog stays open as typed.
    """

    def __init__(
        self,
        ops: BackgroundOps,
        parent: QWidget | None = None,
        *,
        tz: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.tz = tz
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None
        self.intro = QLabel(wordWrap=True, objectName="formIntro")
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def collect(self) -> SaveJob | None:
        raise NotImplementedError

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.errors.clear()
        self.banner.hide()
        try:
            job = self.collect()
        except ValidationError as error:
            self.failed(error)
            return
        if job is None:
            return
        self.ok_button.setEnabled(False)
        self.ops.run(job, on_success=self.saved, on_failure=self.failed, owner=self)

    def saved(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.accept()

    def repeat_differs(self, first: QLineEdit, second: QLineEdit, field: str) -> bool:
        """Mark ``field`` when the two password boxes differ."""
        if first.text() == second.text():
            return False
        self.errors.mark(
            field, QCoreApplication.translate("StaffForms", "The two passwords differ.")
        )
        return True

    def failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            return
        self.banner.show_message(message_for(error, self.tz), "error")


class ListTab(QWidget):
    """One tab of the Staff dialog: a banner, a table of rows, a row of buttons.

    Subclasses call ``set_columns`` and give ``entities`` (the record kinds whose
    changes reload the list, from this desk or another), ``fetch`` (worker thread) and
    fill ``self.buttons``; the buttons that act on the selected row are in
    ``self.row_buttons``.
    """

    entities: tuple[str, ...] = ()

    def __init__(self, desk: Desk, name: str) -> None:
        super().__init__()
        self.desk = desk
        self.banner = Banner(self)
        self.model: RowsModel[Any] = RowsModel([], self)
        self.table = row_table(self.model, name)
        self.table.setAlternatingRowColors(True)
        self.buttons = QHBoxLayout()
        self.row_buttons: list[QPushButton] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.activated())
        desk.changes.changed.connect(self._changed)

    def set_columns(self, columns: list[Column[Any]]) -> None:
        self.model.columns = columns
        self.model.set_rows(self.model.rows())  # a reset: the view takes the new columns

    def fetch(self) -> list[Any]:
        raise NotImplementedError

    def activated(self) -> None:
        """A row was double-clicked."""

    def button(self, text: str, name: str, slot: Callable[[], object], *, row: bool) -> QPushButton:
        b = QPushButton(text, objectName=name)
        b.clicked.connect(slot)
        self.buttons.addWidget(b)
        if row:
            self.row_buttons.append(b)
            b.setEnabled(False)
        return b

    def load(self) -> None:
        self.desk.ops.run(
            self.fetch,
            on_success=self._loaded,
            on_failure=lambda e: self.banner.show_message(message_for(e, self.desk.tz), "error"),
            key=f"staff.load.{type(self).__name__}",
            owner=self,
        )

    def _loaded(self, rows: list[Any]) -> None:
        selected = self.selected()
        keep = getattr(selected, "id", None)
        self.model.set_rows(rows)
        if not self.loaded:
            self.table.resizeColumnsToContents()
        self.loaded = True
        for n, row in enumerate(rows):
            if getattr(row, "id", None) == keep:
                self.table.selectRow(n)
        self.selection_changed()

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(kind) for kind in self.entities):
            self.load()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.loaded else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, key: Callable[[Any], bool]) -> None:
        """Select the first row ``key`` accepts (tests and the dialogs use it)."""
        for n, row in enumerate(self.model.rows()):
            if key(row):
                self.table.selectRow(n)
                return

    def selection_changed(self) -> None:
        chosen = self.selected() is not None
        for b in self.row_buttons:
            b.setEnabled(chosen)

    def open_form(
        self, dialog: FormDialog, done: Callable[[Any], None] | None = None
    ) -> FormDialog:
        """Show a form over the dialog (not blocking); ``done`` gets what it saved."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if done is not None:
            dialog.accepted.connect(lambda: done(dialog.result_value))
        self.last_form = dialog
        dialog.open()
        return dialog

    def run(self, job: SaveJob, done_text: str) -> None:
        """A one-click change (deactivate, reactivate) in the background."""
        self.banner.hide()
        self.desk.ops.run(
            job,
            on_success=lambda _r: self.banner.show_message(done_text, "ok"),
            on_failure=lambda e: self.banner.show_message(message_for(e, self.desk.tz), "error"),
            owner=self,
        )
