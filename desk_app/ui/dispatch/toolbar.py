"""The board's bar: which day (the next days a click away) and the filters by area, kind,
urgency and technician."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desk_app.domain.enums import TicketKind, Urgency
from desk_app.services.dispatch.board import Filters
from desk_app.ui.common import labels
from desk_app.ui.dispatch.model import BoardData


class BoardToolbar(QWidget):
    #: the dispatcher chose another day
    day_chosen = Signal(object)
    #: the filters changed: a services.board.Filters
    filters_changed = Signal(object)
    refresh_requested = Signal()

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardToolbar")
        self.day = day
        self._areas: set[str] = set()
        self.prev_button = QPushButton("◀", objectName="prevDay")
        self.prev_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.next_button = QPushButton("▶", objectName="nextDay")
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.today_button = QPushButton(self.tr("&Today"), objectName="today")
        self.day_edit = QDateEdit(objectName="boardDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd ddd")
        self.area_filter = QComboBox(objectName="areaFilter")
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.urgency_filter = QComboBox(objectName="urgencyFilter")
        self.tech_filter = QComboBox(objectName="technicianFilter")
        self.area_filter.addItem(self.tr("All areas"), None)
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind, text in labels.ticket_kinds().items():
            if kind is not TicketKind.CONSULTATION:  # answered at the desk, never dispatched
                self.kind_filter.addItem(text, kind)
        self.urgency_filter.addItem(self.tr("All urgencies"), None)
        for urgency, text in labels.urgencies().items():
            self.urgency_filter.addItem(text, urgency)
        self.tech_filter.addItem(self.tr("All technicians"), None)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="refresh")
        self.refresh_button.setToolTip(
            self.tr("Reload the board (Ctrl+R); it also reloads by itself")
        )

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.day_edit, self.next_button, self.today_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        for caption, combo in (
            (self.tr("Area"), self.area_filter),
            (self.tr("Kind"), self.kind_filter),
            (self.tr("Urgency"), self.urgency_filter),
            (self.tr("Technician"), self.tech_filter),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.day_edit.dateChanged.connect(lambda d: self.day_chosen.emit(d.toPython()))
        for combo in (self.area_filter, self.kind_filter, self.urgency_filter, self.tech_filter):
            combo.currentIndexChanged.connect(lambda _n: self.filters_changed.emit(self.filters()))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.show_day(day)

    def step(self, days: int) -> None:
        self.day_chosen.emit(self.day + timedelta(days=days))

    def show_day(self, day: date) -> None:
        self.day = day
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.blockSignals(False)

    def filters(self) -> Filters:
        def chosen(combo: QComboBox) -> frozenset:  # type: ignore[type-arg]
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        return Filters(
            areas=chosen(self.area_filter),
            kinds=chosen(self.kind_filter),
            urgencies=chosen(self.urgency_filter),
            technician_ids=chosen(self.tech_filter),
        )

    def set_filters(
        self,
        *,
        area: str | None = None,
        kind: TicketKind | None = None,
        urgency: Urgency | None = None,
        technician_id: int | None = None,
    ) -> None:
        """Choose the filters as the dispatcher would in the combo boxes (one reload)."""
        for combo, value in (
            (self.area_filter, area),
            (self.kind_filter, kind),
            (self.urgency_filter, urgency),
            (self.tech_filter, technician_id),
        ):
            combo.blockSignals(True)
            if value is not None and combo.findData(value) < 0:
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)
        self.filters_changed.emit(self.filters())

    def learn(self, data: BoardData) -> None:
        """Offer the areas and technicians seen so far (a filter never hides its own choice)."""
        self._areas |= data.areas()
        for area in sorted(self._areas):
            if self.area_filter.findData(area) < 0:
                self.area_filter.addItem(area, area)
        known = {self.tech_filter.itemData(n) for n in range(self.tech_filter.count())}
        for tech in data.board.technicians:
            if tech.id not in known:
                self.tech_filter.addItem(tech.name, tech.id)
