"""Pieces of the ticket intake screen: customer picker, known-fix suggestions, the result."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.customers import customers, lookup
from desk_app.services.customers.lookup import Suggestion
from desk_app.services.tickets.tickets import TicketView
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.table_models import ID_ROLE, CustomerSearchModel

SUGGEST_DEBOUNCE_MS = 350


class CustomerPicker(QWidget):
    """A compact search for the customer a ticket is for; emits ``picked(id)``."""

    picked = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        db, actor = desk.db, desk.actor
        self.search = QLineEdit(objectName="intakeCustomerSearch")
        self.search.setPlaceholderText(self.tr("Find an existing customer: name, phone, pinyin…"))
        self.search.setClearButtonEnabled(True)
        self.model = CustomerSearchModel(
            desk.ops,
            lambda q, limit, offset: customers.search_customers(
                db, actor, q, limit=limit, offset=offset
            ),
            page_size=50,
            parent=self,
        )
        self.table = QTableView(objectName="intakeCustomerResults")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(120)
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.model.search(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._pick_first)
        self.model.rows_loaded.connect(lambda n: self.table.setVisible(n > 0))
        self.table.activated.connect(lambda i: self.picked.emit(int(self.model.data(i, ID_ROLE))))
        self.table.clicked.connect(lambda i: self.picked.emit(int(self.model.data(i, ID_ROLE))))

    def _pick_first(self) -> None:
        if self.model.rowCount():
            self.picked.emit(self.model.row_at(0).id)

    def reset(self) -> None:
        self.search.clear()
        self.model.search("")
        self.table.hide()


class KnowledgePanel(QWidget):
    """Known fixes (知识库 and past tickets of the same model) for the fault being typed."""

    #: the clerk wants to answer the consultation with this text and close it
    answer_requested = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.suggestions: list[Suggestion] = []
        self._model: str | None = None
        self._category: str | None = None
        self._fault = ""
        caption = QLabel(self.tr("Known fixes"))
        caption.setStyleSheet("font-weight: bold;")
        self.hint = QLabel(self.tr("Suggestions appear while you type the fault."), wordWrap=True)
        self.hint.setStyleSheet("color: #666;")
        self.list = QListWidget(objectName="suggestionList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setAlternatingRowColors(True)
        self.detail = QLabel(wordWrap=True, objectName="suggestionDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.answer = QPlainTextEdit(objectName="consultationAnswer")
        self.answer.setPlaceholderText(self.tr("The answer given to the customer"))
        self.answer.setFixedHeight(80)
        self.answer_button = QPushButton(
            self.tr("Answer and &close the consultation"), objectName="answerConsultation"
        )
        self.answer_button.setToolTip(
            self.tr("Log the consultation with this answer and close it in one step")
        )
        self.answer_button.clicked.connect(
            lambda: self.answer_requested.emit(self.answer.toPlainText())
        )
        self.answer_error = QLabel(styleSheet="color: #b3261e;", wordWrap=True)
        self.answer_error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.answer)
        layout.addWidget(self.answer_error)
        layout.addWidget(self.answer_button)
        self.list.currentRowChanged.connect(self._show)
        self._debounce = QTimer(self, singleShot=True, interval=SUGGEST_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._ask)
        self.set_consultation(False)

    def set_consultation(self, consultation: bool) -> None:
        self.answer.setVisible(consultation)
        self.answer_button.setVisible(consultation)
        if not consultation:
            self.answer_error.hide()

    def fault_changed(self, fault: str, model: str | None, category: str | None) -> None:
        self._fault, self._model, self._category = fault, model, category
        self._debounce.start()

    def _ask(self) -> None:
        desk, fault, model, category = self.desk, self._fault, self._model, self._category
        desk.ops.run(
            lambda: lookup.suggest_fixes(
                desk.db, desk.actor, fault, model=model, category=category
            ),
            on_success=self._arrived,
            on_failure=lambda e: None,  # suggestions are a help, never an error for the clerk
            key=f"suggest-{id(self)}",
            owner=self,
        )

    def _arrived(self, found: list[Suggestion]) -> None:
        self.suggestions = found
        self.list.clear()
        for s in found:
            source = self.tr("Knowledge base") if s.source == "article" else self.tr("Past repair")
            item = QListWidgetItem(s.title)
            item.setToolTip(f"{source}{' · ' + s.model if s.model else ''}\n{s.solution}")
            self.list.addItem(item)
        self.hint.setText(
            self.tr("%1 known fix(es) for this fault.").replace("%1", str(len(found)))
            if found
            else self.tr("No known fix for this fault yet.")
        )
        self.detail.clear()

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.suggestions):
            self.detail.clear()
            return
        s = self.suggestions[row]
        source = self.tr("Knowledge base") if s.source == "article" else self.tr("Past repair")
        parts = [f"{source}{' · ' + s.model if s.model else ''}"]
        if s.cause:
            parts.append(self.tr("Cause: %1").replace("%1", s.cause))
        parts.append(self.tr("Fix: %1").replace("%1", s.solution))
        self.detail.setText("\n".join(parts))
        if self.answer.isVisible() and not self.answer.toPlainText().strip():
            self.answer.setPlainText(s.solution)

    def reset(self) -> None:
        self.suggestions = []
        self.list.clear()
        self.detail.clear()
        self.answer.clear()
        self.answer_error.hide()
        self.hint.setText(self.tr("Suggestions appear while you type the fault."))


class TicketResult(QWidget):
    """After saving: the ticket number, big, and the three deadlines."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.headline = QLabel(objectName="resultHeadline")
        self.headline.setStyleSheet("font-size: 16px;")
        self.number = QLabel(objectName="resultNumber")
        self.number.setStyleSheet("font-size: 40px; font-weight: bold; letter-spacing: 2px;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(objectName="resultSummary", wordWrap=True)
        grid = QGridLayout()
        self.deadlines: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (
                ("respond", self.tr("Respond by")),
                ("visit", self.tr("Visit by")),
                ("repair", self.tr("Repair done by")),
            )
        ):
            label = QLabel(objectName=f"deadline_{key}")
            label.setStyleSheet("font-size: 16px;")
            title = QLabel(caption)
            title.setStyleSheet("font-size: 16px; color: #444;")
            grid.addWidget(title, row, 0)
            grid.addWidget(label, row, 1)
            self.deadlines[key] = label
        grid.setColumnStretch(2, 1)
        self.print_button = QPushButton(self.tr("&Print work order"), objectName="printWorkOrder")
        self.same_customer_button = QPushButton(
            self.tr("Another ticket for this &customer"), objectName="sameCustomer"
        )
        self.new_button = QPushButton(self.tr("&New ticket"), objectName="newTicketAfterSave")
        self.open_button = QPushButton(self.tr("&Open the ticket"), objectName="openSavedTicket")
        self.receipt_button = QPushButton(
            self.tr("Check-in &receipt"), objectName="printCheckInReceipt"
        )
        self.tag_button = QPushButton(self.tr("Appliance ta&g"), objectName="printApplianceTag")
        buttons = QHBoxLayout()
        for b in (
            self.print_button,
            self.receipt_button,
            self.tag_button,
            self.open_button,
            self.same_customer_button,
            self.new_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.receipt_button.hide()  # walk-in repairs only
        self.tag_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.number)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_ticket(self, t: TicketView) -> None:
        tz = self.desk.tz
        closed = t.status.value == "closed"
        self.headline.setText(
            self.tr("Consultation logged and closed:") if closed else self.tr("Ticket opened:")
        )
        self.number.setText(t.number)
        charge = self.tr("chargeable") if t.chargeable else self.tr("free of charge")
        self.summary.setText(
            f"{labels.ticket_kinds()[t.kind]} · {labels.urgencies()[t.urgency]} · "
            f"{t.customer_name} · {labels.warranty(t.warranty)} · {charge}"
        )
        for key, due, state in (
            ("respond", t.respond_due, t.clocks.respond),
            ("visit", t.visit_due, t.clocks.visit),
            ("repair", t.repair_due, t.clocks.repair),
        ):
            self.deadlines[key].setText(
                f"{labels.fmt_datetime(due, tz)}   ({labels.clock_text(state)})"
            )
