"""Parts stock (配件库存), the parts clerk's screen: catalogue, stock by location,
requisitions, returned damaged parts, stocktake, low stock and the ledger, one tab each.

Every tab loads when it is first shown and again when a change touches stock
(this desk's saves and other desks' alike, through ``ChangeHub``); tabs not in
view are only marked stale and reload when the clerk turns to them. Front-desk
clerks see everything and may raise requisitions; the movement actions are
disabled for them (the services refuse them anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desk_app.services.stock.parts import PartView
from desk_app.ui.common.changes import Changes
from desk_app.ui.common.context import Desk
from desk_app.ui.stock.catalogue import PartCatalogue
from desk_app.ui.stock.damaged import DamagedPanel
from desk_app.ui.stock.ledger_view import LedgerPanel
from desk_app.ui.stock.locations import StockByLocation
from desk_app.ui.stock.low import LowStockPanel
from desk_app.ui.stock.requisitions import RequisitionsPanel
from desk_app.ui.stock.stocktake import StocktakePanel

#: what the change log calls the records the stock screens show
STOCK_ENTITIES = ("part", "stock_location", "requisition", "damaged_part", "stocktake")
CHANGE_DEBOUNCE_MS = 300


class _Panel(Protocol):
    def refresh(self) -> None: ...


class StockScreen(QWidget):
    """The whole parts-stock screen; ``refresh()`` reloads what is in view."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        beep: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockScreen")
        self.desk = desk
        self.catalogue = PartCatalogue(desk)
        self.locations = StockByLocation(desk)
        self.requisitions = RequisitionsPanel(desk)
        self.damaged = DamagedPanel(desk)
        self.stocktake = StocktakePanel(desk, beep=beep)
        self.low_stock = LowStockPanel(desk)
        self.ledger = LedgerPanel(desk)
        self.tabs = QTabWidget(objectName="stockTabs")
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.catalogue, self.tr("&Catalogue")),
            (self.locations, self.tr("Stock by &location")),
            (self.requisitions, self.tr("&Requisitions")),
            (self.damaged, self.tr("&Damaged parts returned")),
            (self.stocktake, self.tr("Stock&take")),
            (self.low_stock, self.tr("Low stock && &purchasing")),
            (self.ledger, self.tr("Le&dger")),
        ):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._stale: set[int] = set(range(self.tabs.count()))
        self._debounce = QTimer(self, singleShot=True, interval=CHANGE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)

        self.catalogue.ledger_requested.connect(self.show_part_ledger)
        self.catalogue.requisition_requested.connect(self.request_part)
        self.requisitions.ticket_ledger_requested.connect(self.show_ticket_ledger)
        self.tabs.currentChanged.connect(self._tab_changed)
        desk.changes.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- refreshing

    def panel(self, index: int | None = None) -> _Panel:
        widget = self.tabs.widget(self.tabs.currentIndex() if index is None else index)
        assert hasattr(widget, "refresh")
        return widget  # type: ignore[return-value]

    def refresh(self) -> None:
        """Reload the tab in view; the others reload when they are next shown."""
        current = self.tabs.currentIndex()
        self._stale = set(range(self.tabs.count())) - {current}
        self.panel(current).refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tabs.currentIndex() in self._stale:
            self._stale.discard(self.tabs.currentIndex())
            self.panel().refresh()

    def _tab_changed(self, index: int) -> None:
        if index in self._stale and self.isVisible():
            self._stale.discard(index)
            self.panel(index).refresh()

    def _on_changes(self, changes: Changes) -> None:
        if any(changes.touches(entity) for entity in STOCK_ENTITIES):
            if self.isVisible():
                self._debounce.start()
            else:
                self._stale = set(range(self.tabs.count()))

    # ---------------------------------------------------------------- navigation

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.catalogue)
        self.catalogue.focus_search()

    def show_part_ledger(self, part_id: int) -> None:
        self._stale.discard(self.tabs.indexOf(self.ledger))
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.show_part(part_id)

    def show_ticket_ledger(self, ticket_id: int) -> None:
        self._stale.discard(self.tabs.indexOf(self.ledger))
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.show_ticket(ticket_id)

    def show_ticket_parts(self, ticket_number: str) -> None:
        """Every requisition of a ticket with its parts' price and cost (from a ticket)."""
        self._stale.discard(self.tabs.indexOf(self.requisitions))
        self.tabs.setCurrentWidget(self.requisitions)
        self.requisitions.show_ticket(ticket_number)

    def request_part(self, part: PartView | None = None) -> None:
        self.tabs.setCurrentWidget(self.requisitions)
        self.requisitions.new_requisition(part)

    # ---------------------------------------------------------------- state

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("stock/tab", self.tabs.currentIndex())
        self.catalogue.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value("stock/tab")
        if tab is not None and 0 <= int(tab) < self.tabs.count():
            self.tabs.setCurrentIndex(int(tab))
        self.catalogue.restore_state(settings)
