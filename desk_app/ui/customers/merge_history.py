"""The "Merges" tab of the customer detail: every merge the customer took part in,
and, for a manager, "Undo merge" on one that still stands."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.permissions import Perm
from desk_app.services.customers import merge
from desk_app.services.customers.merge import MergeView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner
from desk_app.ui.customers.merge import moved_text
from desk_app.ui.customers.tables import list_table


class MergeHistory(QWidget):
    """Every merge the customer took part in; a manager can undo one that still stands."""

    undone = Signal(object)  # MergeView, after an undo was saved

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeHistory")
        self.desk = desk
        self.customer_id: int | None = None
        tz = desk.tz
        self.model = RowsModel[MergeView](
            [
                Column(self.tr("Merged on"), lambda m: labels.fmt_datetime(m.merged_at, tz)),
                Column(self.tr("Customers"), self._who),
                Column(self.tr("By"), lambda m: m.merged_by or ""),
                Column(
                    self.tr("Undone"),
                    lambda m: (
                        self.tr("%1 by %2")
                        .replace("%1", labels.fmt_datetime(m.undone_at, tz))
                        .replace("%2", m.undone_by or "?")
                        if m.undone
                        else "—"
                    ),
                ),
                Column(self.tr("Moved"), moved_text),
            ],
            self,
        )
        self.view = list_table("mergeList", self.model, (130, 180, 70, 190))
        self.empty = QLabel(self.tr("No merges."), objectName="noMerges")
        self.empty.setStyleSheet("color: #666;")
        self.banner = Banner(self)
        self.undo_button = QPushButton(self.tr("&Undo merge…"), objectName="undoMerge")
        self.undo_button.setToolTip(
            self.tr("Give the merged customer back everything the merge moved")
        )
        self.undo_button.setEnabled(False)
        self.undo_button.setVisible(desk.can(Perm.MERGE_CUSTOMERS))
        self.undo_button.clicked.connect(self.ask_undo)
        self.view.selectionModel().selectionChanged.connect(self._selection)
        row = QHBoxLayout()
        row.addWidget(self.empty)
        row.addStretch(1)
        row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.confirm_box: QMessageBox | None = None

    def _who(self, m: MergeView) -> str:
        merged = f"{m.merged_name} (#{m.merged_id})"
        kept = f"{m.survivor_name} (#{m.survivor_id})"
        return self.tr("%1 into %2").replace("%1", merged).replace("%2", kept)

    def load(self, customer_id: int) -> None:
        desk = self.desk
        if customer_id != self.customer_id:
            self.banner.hide()
        self.customer_id = customer_id
        desk.ops.run(
            lambda: merge.list_merges(desk.db, desk.actor, customer_id),
            on_success=self._loaded,
            on_failure=lambda e: self.banner.show_message(message_for(e, desk.tz), "error"),
            key=f"merges-{id(self)}",
            owner=self,
        )

    def _loaded(self, rows: list[MergeView]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        standing = next((i for i, m in enumerate(rows) if not m.undone), None)
        if standing is not None:
            self.view.selectRow(standing)
        self._selection()

    def selected(self) -> MergeView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection(self, *_args: object) -> None:
        m = self.selected()
        self.undo_button.setEnabled(m is not None and not m.undone)

    def ask_undo(self) -> None:
        m = self.selected()
        if m is None or m.undone:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmUndoMerge")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Undo merge"))
        box.setText(
            self.tr("Undo the merge of %1 into %2?")
            .replace("%1", f"{m.merged_name} (#{m.merged_id})")
            .replace("%2", f"{m.survivor_name} (#{m.survivor_id})")
        )
        box.setInformativeText(
            self.tr("%1 gets back what the merge moved (%2) and appears in searches again.")
            .replace("%1", m.merged_name)
            .replace("%2", moved_text(m))
        )
        self.undo_confirm_button = box.addButton(
            self.tr("&Undo merge"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._answered(button, m))
        self.confirm_box = box
        box.open()

    def _answered(self, button: QAbstractButton, m: MergeView) -> None:
        if button is self.undo_confirm_button:
            self.undo(m)

    def undo(self, m: MergeView) -> None:
        desk = self.desk
        self.undo_button.setEnabled(False)
        desk.ops.run(
            lambda: merge.undo_merge(desk.db, desk.actor, m.id),
            on_success=self._undone,
            on_failure=self._undo_failed,
            owner=self,
        )

    def _undone(self, view: MergeView) -> None:
        self.banner.show_message(
            self.tr("The merge was undone: %1 is a customer of its own again.").replace(
                "%1", f"{view.merged_name} (#{view.merged_id})"
            ),
            "ok",
        )
        self.undone.emit(view)
        if self.customer_id is not None:
            self.load(self.customer_id)

    def _undo_failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "warning")
        self._selection()
