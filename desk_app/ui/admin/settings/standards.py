"""Settings tabs of the service standards (kind × urgency) and the complaint standards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from desk_app.domain.enums import Severity, TicketKind, Urgency
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Standard, StandardRow
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.common import labels
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import ERROR_STYLE

HOURS_WIDTH = 100
CHECK_WIDTH = 140
COMPLAINT_WIDTH = 140
MAX_HOURS = 24 * 365


def hours_box(name: str, width: int = HOURS_WIDTH) -> QDoubleSpinBox:
    box = QDoubleSpinBox(objectName=name)
    box.setRange(0, MAX_HOURS)
    box.setDecimals(1)
    box.setFixedWidth(width)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


@dataclass
class HoursRow:
    """The boxes of one standard; ``box`` holds them all (marked red as one)."""

    box: QWidget
    hours: tuple[QDoubleSpinBox, ...]
    working_only: QCheckBox | None
    note: QLabel

    def values(self) -> tuple[float, ...]:
        return tuple(h.value() for h in self.hours)


def _row(
    grid: QGridLayout,
    row: int,
    captions: tuple[str, str],
    hours: int,
    name: str,
    *,
    with_check: bool = False,
    width: int = HOURS_WIDTH,
) -> tuple[HoursRow, QLabel]:
    box = QWidget(objectName=name)
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    spins = tuple(hours_box(f"{name}.{i}", width) for i in range(hours))
    for spin in spins:
        line.addWidget(spin)
    check = QCheckBox(objectName=f"{name}.working") if with_check else None
    if check is not None:  # in a column as wide as its caption; only the box is clickable
        holder = QWidget()
        holder.setFixedWidth(CHECK_WIDTH)
        inner = QHBoxLayout(holder)
        inner.setContentsMargins(4, 0, 0, 0)
        inner.addWidget(check)
        inner.addStretch(1)
        line.addWidget(holder)
    marker = QLabel()
    marker.setStyleSheet("color: #777;")
    line.addWidget(marker)
    line.addStretch(1)
    grid.addWidget(QLabel(captions[0]), row, 0)
    grid.addWidget(QLabel(captions[1]), row, 1)
    grid.addWidget(box, row, 2)
    error = QLabel(wordWrap=True)
    error.setStyleSheet(ERROR_STYLE)
    error.hide()
    grid.addWidget(error, row + 1, 2)
    return HoursRow(box, spins, check, marker), error


def _heads(
    grid: QGridLayout,
    first: tuple[str, str],
    hours: tuple[str, ...],
    check: str | None = None,
    width: int = HOURS_WIDTH,
) -> None:
    """Column captions lined up with the boxes of ``_row``."""
    grid.addWidget(QLabel(f"<b>{first[0]}</b>"), 0, 0)
    grid.addWidget(QLabel(f"<b>{first[1]}</b>"), 0, 1)
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for caption, fixed in [(c, width) for c in hours] + ([(check, CHECK_WIDTH)] if check else []):
        label = QLabel(f"<b>{caption}</b>", wordWrap=True)
        label.setFixedWidth(fixed)
        line.addWidget(label)
    line.addStretch(1)
    grid.addWidget(box, 0, 2)


class StandardsTab(SettingsTab):
    """Hours to respond, visit and repair for every ticket kind and urgency."""

    section = settings.Section.STANDARDS

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.rows: dict[tuple[TicketKind, Urgency], HoursRow] = {}
        self._loaded_values: dict[tuple[TicketKind, Urgency], Standard] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        _heads(
            grid,
            (self.tr("Ticket kind"), self.tr("Urgency")),
            (self.tr("Respond (h)"), self.tr("Visit (h)"), self.tr("Repair (h)")),
            self.tr("Working hours only"),
        )
        kinds, urgencies = labels.ticket_kinds(), labels.urgencies()
        row = 1
        for kind in TicketKind:
            for urgency in Urgency:
                name = f"standard.{kind.value}.{urgency.value}"
                first = kinds[kind] if urgency is Urgency.NORMAL else ""
                widgets, error = _row(
                    grid, row, (first, urgencies[urgency]), 3, name, with_check=True
                )
                self.errors.add((name,), widgets.box, error)
                self.rows[(kind, urgency)] = widgets
                row += 2
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(inner)
        self.body.addWidget(scroll, 1)
        self.body.addWidget(
            note(
                self.tr(
                    "Hours from the request. With “working hours only” the clock runs only "
                    "in the working calendar's hours; otherwise around the clock. Changes "
                    "apply to tickets opened from now on."
                )
            )
        )
        self.watch()

    def read(self) -> list[StandardRow]:
        return settings.list_standards(self.desk.db, self.desk.actor)

    def show_values(self, values: Any) -> None:
        rows: list[StandardRow] = values
        for r in rows:
            widgets = self.rows[(r.kind, r.urgency)]
            s = r.standard
            for spin, value in zip(
                widgets.hours, (s.respond_hours, s.visit_hours, s.repair_hours), strict=True
            ):
                spin.setValue(value)
            if widgets.working_only is not None:
                widgets.working_only.setChecked(s.working_hours_only)
            widgets.note.setText(self.tr("(default)") if r.is_default else "")
            self._loaded_values[(r.kind, r.urgency)] = s

    def typed(self) -> dict[tuple[TicketKind, Urgency], Standard]:
        return {
            key: Standard(
                *w.values(), working_hours_only=bool(w.working_only and w.working_only.isChecked())
            )
            for key, w in self.rows.items()
        }

    def collect(self) -> SaveJob:
        db, actor = self.desk.db, self.desk.actor
        changed = {k: s for k, s in self.typed().items() if self._loaded_values.get(k) != s}
        version = self.version
        return lambda: settings.set_standards(db, actor, changed, expected=version)

    def after_save(self, result: Any) -> None:
        self.load()  # the "(default)" markers follow what is stored now


class ComplaintsTab(SettingsTab):
    """Hours for the first answer and for the solution of complaints, per severity."""

    section = settings.Section.COMPLAINTS

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.rows: dict[Severity, HoursRow] = {}
        self._loaded_values: dict[Severity, tuple[float, float]] = {}
        grid = QGridLayout()
        _heads(
            grid,
            (self.tr("Severity"), ""),
            (self.tr("First answer (h)"), self.tr("Solution (h)")),
            width=COMPLAINT_WIDTH,
        )
        for index, (severity, caption) in enumerate(complaint_labels.severities().items()):
            name = f"complaint.{severity.value}"
            widgets, error = _row(
                grid, 1 + 2 * index, (caption, ""), 2, name, width=COMPLAINT_WIDTH
            )
            self.errors.add((name,), widgets.box, error)
            self.rows[severity] = widgets
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.body.addWidget(
            note(
                self.tr(
                    "Wall-clock hours from when the complaint is received. Changes apply to "
                    "complaints received from now on; open complaints keep their deadlines."
                )
            )
        )
        self.body.addStretch(1)
        self.watch()

    def read(self) -> dict[Severity, tuple[float, float]]:
        return settings.complaint_standards(self.desk.db)

    def show_values(self, values: Any) -> None:
        standards: dict[Severity, tuple[float, float]] = values
        for severity, hours in standards.items():
            for spin, value in zip(self.rows[severity].hours, hours, strict=True):
                spin.setValue(value)
            self._loaded_values[severity] = hours

    def collect(self) -> SaveJob:
        db, actor = self.desk.db, self.desk.actor
        typed = {sev: w.values() for sev, w in self.rows.items()}
        changed = {
            sev: (v[0], v[1]) for sev, v in typed.items() if self._loaded_values.get(sev) != v
        }
        version = self.version
        return lambda: settings.set_complaint_standards(db, actor, changed, expected=version)

    def after_save(self, result: Any) -> None:
        self.load()  # after "save mine over theirs" the other rows show what is stored
