"""A manager merges a duplicate into the customer shown: find it, compare, merge.

``MergeDialog`` and the texts the customer detail shows around merges; the
"Merges" tab with its undo is ``ui.merge_history``. Both talk to the database
only through ``desk.ops`` and tell every screen what changed through
``desk.changes``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import ConflictError
from desk_app.services.customers import customers, merge
from desk_app.services.customers.customers import CustomerRow, CustomerView
from desk_app.services.customers.merge import MergePreview, MergeSide, MergeView
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for
from desk_app.ui.common.table_models import Column, RowsModel
from desk_app.ui.common.widgets import Banner
from desk_app.ui.customers.tables import list_table

SEARCH_DEBOUNCE_MS = 250
SEARCH_LIMIT = 50


def merge_button_text() -> str:
    return QCoreApplication.translate("CustomerMerge", "&Merge a duplicate into this customer…")


def history_tab_title() -> str:
    return QCoreApplication.translate("CustomerMerge", "Merges")


def followed_text(name: str, customer_id: int) -> str:
    """The banner over the survivor after the screen followed a merged duplicate to it."""
    return (
        QCoreApplication.translate(
            "CustomerMerge",
            "Customer %1 (no. %2) was merged into this customer; showing this one instead.",
        )
        .replace("%1", name)
        .replace("%2", str(customer_id))
    )


def merged_away_text(who: str) -> str:
    """The banner over a duplicate merged while the clerk was typing in it."""
    return QCoreApplication.translate(
        "CustomerMerge",
        "%1 merged this customer into another one. Your unsaved typing is still in the "
        "form but cannot be saved here; copy what you need, then open the surviving customer.",
    ).replace("%1", who)


def follow_button_text() -> str:
    return QCoreApplication.translate("CustomerMerge", "&Open the surviving customer")


def moved_text(view: MergeView) -> str:
    return (
        QCoreApplication.translate(
            "CustomerMerge", "Tickets %1, appliances %2, complaints %3, phones %4, addresses %5"
        )
        .replace("%1", str(view.count("tickets")))
        .replace("%2", str(view.count("appliances")))
        .replace("%3", str(view.count("complaints")))
        .replace("%4", str(view.count("customer_phones")))
        .replace("%5", str(view.count("customer_addresses")))
    )


# ---------------------------------------------------------------- the dialog


class MergeDialog(QDialog):
    """Pick the duplicate, see both side by side, merge it into ``survivor``.

    Emits ``merged(MergeView)`` after the merge was saved, then closes.
    """

    merged = Signal(object)

    def __init__(self, desk: Desk, survivor: CustomerView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge a duplicate into %1").replace("%1", survivor.name))
        self.desk = desk
        self.survivor = survivor
        self.preview: MergePreview | None = None

        self.banner = Banner(self)
        intro = QLabel(
            self.tr(
                "Find the duplicate of %1. Its tickets, appliances and complaints, and the "
                "phones and addresses %1 does not have yet, move to %1; the duplicate no "
                "longer appears in searches. The merge can be undone on the Merges tab."
            ).replace("%1", survivor.name),
            wordWrap=True,
        )
        self.search_box = QLineEdit(objectName="mergeSearch")
        self.search_box.setPlaceholderText(
            self.tr("The duplicate's name, pinyin, phone, address, serial or ticket number")
        )
        self.search_box.setClearButtonEnabled(True)
        self.candidates = RowsModel[CustomerRow](
            [
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Phone"), lambda r: r.phone or ""),
                Column(self.tr("Address"), lambda r: r.address or ""),
            ],
            self,
        )
        self.candidate_view = list_table("mergeCandidates", self.candidates, (90, 120))
        self.candidate_view.setMinimumHeight(110)
        self.candidate_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.search_status = QLabel(objectName="mergeSearchStatus")
        self.search_status.setStyleSheet("color: #555;")

        self.comparison = Comparison(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(
            self.tr("&Merge into %1").replace("%1", survivor.name), objectName="confirmMerge"
        )
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addWidget(self.search_box)
        layout.addWidget(self.search_status)
        layout.addWidget(self.candidate_view, 1)
        layout.addWidget(self.comparison)
        layout.addWidget(self.buttons)
        self.resize(760, 620)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(lambda _t: self._debounce.start())
        self.search_box.returnPressed.connect(self._pick_first)
        self.candidate_view.selectionModel().selectionChanged.connect(self._picked)
        self._update_status(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the search box or the list picks a customer; it never merges or closes
        the dialog (a merge is a click on Merge, or Enter with that button focused)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QAbstractButton
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- finding the duplicate

    def _search_now(self) -> None:
        desk, text, keep = self.desk, self.search_box.text(), self.survivor.id

        def find() -> list[CustomerRow]:
            rows = customers.search_customers(desk.db, desk.actor, text, limit=SEARCH_LIMIT)
            return [r for r in rows if r.id != keep]

        desk.ops.run(
            find,
            on_success=self._found,
            on_failure=self._failed,
            key=f"merge-search-{id(self)}",
            owner=self,
        )

    def _found(self, rows: list[CustomerRow]) -> None:
        self.candidates.set_rows(rows)
        self._update_status(len(rows))
        self._show_preview(None)

    def _update_status(self, count: int | None) -> None:
        if count is None or not self.search_box.text().strip():
            text = self.tr("Type to search; then pick the duplicate in the list.")
        elif count == 0:
            text = self.tr("No other customer found.")
        else:
            text = self.tr("%1 customer(s) found; pick the duplicate.").replace("%1", str(count))
        self.search_status.setText(text)

    def _pick_first(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self._search_now()
        elif self.candidates.rowCount():
            self.candidate_view.selectRow(0)
            self.candidate_view.setFocus()

    def _picked(self, *_args: object) -> None:
        rows = self.candidate_view.selectionModel().selectedRows()
        if not rows:
            self._show_preview(None)
            return
        self.load_preview(self.candidates.row_at(rows[0].row()).id)

    def load_preview(self, duplicate_id: int) -> None:
        """Compare the survivor with ``duplicate_id`` (fresh versions for the merge)."""
        desk, keep = self.desk, self.survivor.id
        self.merge_button.setEnabled(False)
        desk.ops.run(
            lambda: merge.merge_preview(desk.db, desk.actor, keep, duplicate_id),
            on_success=self._show_preview,
            on_failure=self._failed,
            key=f"merge-preview-{id(self)}",
            owner=self,
        )

    def _show_preview(self, preview: MergePreview | None) -> None:
        self.preview = preview
        self.comparison.show_preview(preview)
        self.merge_button.setEnabled(preview is not None)

    # ---------------------------------------------------------------- merging

    def confirm(self) -> None:
        preview, desk = self.preview, self.desk
        if preview is None:
            return
        self.merge_button.setEnabled(False)
        self.banner.hide()
        keep, dup = preview.survivor, preview.duplicate
        desk.ops.run(
            lambda: merge.merge_customers(
                desk.db,
                desk.actor,
                keep.id,
                dup.id,
                survivor_version=keep.version,
                duplicate_version=dup.version,
            ),
            on_success=self._merged,
            on_failure=self._merge_failed,
            owner=self,
        )

    def _merged(self, view: MergeView) -> None:
        self.merged.emit(view)
        self.accept()

    def _merge_failed(self, error: BaseException) -> None:
        text = message_for(error, self.desk.tz)
        if isinstance(error, ConflictError) and self.preview is not None:
            # Someone changed one of the two meanwhile: compare again before merging.
            text += "\n" + self.tr("Check the comparison again, then merge.")
            self.load_preview(self.preview.duplicate.id)
        else:
            self.merge_button.setEnabled(self.preview is not None)
        self.banner.show_message(text, "warning")

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "error")
        self._show_preview(None)


class Comparison(QFrame):
    """The two customers in two columns: name, phones, addresses, company, notes, and how
    many tickets, appliances and complaints each has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeComparison")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.placeholder = QLabel(
            self.tr("Pick the duplicate in the list above to compare it with this customer."),
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.placeholder.setStyleSheet("color: #666;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.captions = (
            self.tr("Name"),
            self.tr("Phones"),
            self.tr("Addresses"),
            self.tr("Company"),
            self.tr("Notes"),
            self.tr("Tickets"),
            self.tr("Appliances"),
            self.tr("Complaints"),
        )
        heads = (self.tr("Keep: this customer"), self.tr("Merge: the duplicate"))
        for column, text in enumerate(heads, start=1):
            head = QLabel(text)
            head.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(head, 0, column)
        self.cells: dict[tuple[int, int], QLabel] = {}
        for row, caption in enumerate(self.captions, start=1):
            label = QLabel(caption)
            label.setStyleSheet("color: #555;")
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            for column in (1, 2):
                cell = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setObjectName(f"compare_{row}_{column}")
                self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
                self.cells[(row, column)] = cell
        self.note = QLabel(wordWrap=True, objectName="mergeNote")
        self.note.setStyleSheet("color: #555;")
        self.table = QWidget()
        inner = QVBoxLayout(self.table)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self.grid)
        inner.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.table)
        self.show_preview(None)

    def show_preview(self, preview: MergePreview | None) -> None:
        self.placeholder.setVisible(preview is None)
        self.table.setVisible(preview is not None)
        if preview is None:
            return
        for column, side in ((1, preview.survivor), (2, preview.duplicate)):
            shared = (
                (set(preview.shared_phones), set(preview.shared_addresses))
                if column == 2
                else (set(), set())
            )
            for row, text in enumerate(self._texts(side, *shared), start=1):
                self.cells[(row, column)].setText(text)
        notes = []
        if preview.shared_phones or preview.shared_addresses:
            notes.append(
                self.tr("Marked “already there”: this customer has it, so it is not copied.")
            )
        if preview.duplicate.name != preview.survivor.name:
            notes.append(self.tr("The names differ: this customer keeps its own name."))
        notes.append(
            self.tr(
                "An empty company is taken from the duplicate, and the duplicate's notes are "
                "added to this customer's."
            )
        )
        self.note.setText(" ".join(notes))

    def _texts(self, side: MergeSide, shared_phones: set[str], shared: set[str]) -> list[str]:
        there = self.tr("(already there)")

        def marked(values: list[str], known: set[str]) -> str:
            return "\n".join(f"{v} {there}" if v in known else v for v in values) or "—"

        return [
            f"{side.name}  (#{side.id})",
            marked(side.phones, shared_phones),
            marked(side.addresses, shared),
            side.company or "—",
            side.notes or "—",
            str(side.tickets),
            str(side.appliances),
            str(side.complaints),
        ]

    def cell_text(self, caption_row: int, column: int) -> str:
        """Tests read the comparison: row 1 name … 8 complaints; column 1 keep, 2 merge."""
        return self.cells[(caption_row, column)].text()
