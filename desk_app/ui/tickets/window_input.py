"""The customer's preferred appointment window, as typed at intake and when editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QTimeEdit, QWidget

from desk_app.ui.common.errors import code_text
from desk_app.ui.common.widgets import FieldErrors


def _name(prefix: str, base: str) -> str:
    return f"{prefix}{base[0].upper()}{base[1:]}" if prefix else base


class PreferredWindow(QWidget):
    """ "Customer prefers a time", a day and a from–to, read and written in the shop's
    zone (``now`` gives the shop's present moment, so "tomorrow" is the shop's)."""

    toggled = Signal(bool)

    def __init__(
        self,
        tz: ZoneInfo,
        now: Callable[[], datetime],
        *,
        prefix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tz = tz
        self._now = now
        self._allowed = True
        self.has_window = QCheckBox(
            self.tr("Customer prefers a time"), objectName=_name(prefix, "hasWindow")
        )
        self.window_date = QDateEdit(objectName=_name(prefix, "windowDate"), calendarPopup=True)
        self.window_from = QTimeEdit(QTime(9, 0), objectName=_name(prefix, "windowFrom"))
        self.window_to = QTimeEdit(QTime(12, 0), objectName=_name(prefix, "windowTo"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.has_window, self.window_date, self.window_from):
            row.addWidget(w)
        row.addWidget(QLabel("–"))
        row.addWidget(self.window_to)
        row.addStretch(1)
        self.has_window.toggled.connect(self._toggled)
        self.set_window(None, None)

    def _toggled(self, on: bool) -> None:
        for w in (self.window_date, self.window_from, self.window_to):
            w.setEnabled(on and self._allowed)
        self.toggled.emit(on)

    def set_allowed(self, allowed: bool, tip: str = "") -> None:
        """Whether the window may be changed at all (a ticket past the point of it)."""
        self._allowed = allowed
        self.has_window.setEnabled(allowed)
        self.has_window.setToolTip(tip)
        self._toggled(self.has_window.isChecked())

    def set_window(self, start: datetime | None, end: datetime | None) -> None:
        """Show a stored window; none: unticked, the day offered is the shop's tomorrow."""
        given = start is not None and end is not None
        if start is not None and end is not None:
            s, e = start.astimezone(self.tz), end.astimezone(self.tz)
            self.window_date.setDate(QDate(s.year, s.month, s.day))
            self.window_from.setTime(QTime(s.hour, s.minute))
            self.window_to.setTime(QTime(e.hour, e.minute))
        else:
            tomorrow = self._now().astimezone(self.tz).date() + timedelta(days=1)
            self.window_date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.has_window.setChecked(given)
        self._toggled(given)

    def window(self) -> tuple[datetime | None, datetime | None]:
        """The window as typed, in the shop's zone; (None, None) when none was given."""
        if not self.has_window.isChecked():
            return None, None
        d = self.window_date.date()

        def at(t: QTime) -> datetime:
            return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)

        return at(self.window_from.time()), at(self.window_to.time())

    def check(self, errors: FieldErrors) -> bool:
        """Mark a window that ends before it starts; True if it is fine."""
        start, end = self.window()
        if start and end and end <= start:
            errors.mark("preferred_end", code_text("ticket.window_reversed"))
            return False
        return True
