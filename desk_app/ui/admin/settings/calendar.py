"""Settings tab of the working calendar: hours per weekday, holidays and make-up (调休) days,
typed as text the way a manager reads the yearly holiday notice."""

from __future__ import annotations

import itertools
import re
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.errors import ValidationError
from desk_app.services.admin import settings
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import ERROR_STYLE, field_row

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

_HALF_WIDTH = str.maketrans("０１２３４５６７８９：，；－～．／、＝", "0123456789:,;-~./,=")
_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_RANGE_MARK = re.compile(r"\s*(?:\.\.|…|-|–|—|~|至|到)?\s*")
_PERIOD = re.compile(r"(\d{1,2})(?::(\d{2}))?-(\d{1,2})(?::(\d{2}))?")
MAX_RANGE_DAYS = 366
MIDNIGHT = time(0, 0)


def weekday_names() -> list[str]:
    return [
        translate("CalendarText", "Monday"),
        translate("CalendarText", "Tuesday"),
        translate("CalendarText", "Wednesday"),
        translate("CalendarText", "Thursday"),
        translate("CalendarText", "Friday"),
        translate("CalendarText", "Saturday"),
        translate("CalendarText", "Sunday"),
    ]


def weekday_short() -> list[str]:
    return [
        translate("CalendarText", "Mon"),
        translate("CalendarText", "Tue"),
        translate("CalendarText", "Wed"),
        translate("CalendarText", "Thu"),
        translate("CalendarText", "Fri"),
        translate("CalendarText", "Sat"),
        translate("CalendarText", "Sun"),
    ]


def _weekday_words() -> dict[str, int]:
    """Every way a weekday may be written, both languages, lower case."""
    words: dict[str, int] = {}
    english = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for wd, name in enumerate(english):
        words.update({name: wd, name[:3]: wd, str(wd + 1): wd})
    for wd, zh in enumerate("一二三四五六日"):
        words.update({f"周{zh}": wd, f"星期{zh}": wd, f"礼拜{zh}": wd})
    words.update({"周天": 6, "星期天": 6, "礼拜天": 6})
    for wd, name in enumerate(weekday_short() + weekday_names()):
        words[name.lower()] = wd % 7
    return words


# ---------------------------------------------------------------- periods


def _clock(hour: str, minute: str | None, *, end: bool) -> time | None:
    h, m = int(hour), int(minute or 0)
    if end and h == 24 and m == 0:
        return MIDNIGHT  # the calendar's way to write the end of the day
    if h > 23 or m > 59:
        return None
    return time(h, m)


def parse_periods(text: str, field: str) -> tuple[tuple[time, time], ...]:
    """ "08:30-12:00, 13:30-18:00" → the periods, sorted; empty text is a day off."""
    typed = re.sub(r"\s*(?:-|–|—|~|至|到)\s*", "-", text.translate(_HALF_WIDTH).strip())
    periods: list[tuple[time, time]] = []
    for token in (t for t in re.split(r"[,;\s]+", typed) if t):
        match = _PERIOD.fullmatch(token)
        start = _clock(match[1], match[2], end=False) if match else None
        end = _clock(match[3], match[4], end=True) if match else None
        if start is None or end is None:
            raise ValidationError(
                field, translate("CalendarText", "Write the hours like 08:30-12:00, 13:30-18:00.")
            )
        if end != MIDNIGHT and end <= start:
            raise ValidationError(
                field,
                translate("CalendarText", "%1 does not end after it starts.").replace("%1", token),
            )
        periods.append((start, end))
    periods.sort()
    for (_s1, e1), (s2, _e2) in itertools.pairwise(periods):
        if e1 == MIDNIGHT or e1 > s2:
            raise ValidationError(field, translate("CalendarText", "Two periods overlap."))
    return tuple(periods)


def format_periods(periods: tuple[tuple[time, time], ...]) -> str:
    def hhmm(t: time, end: bool = False) -> str:
        return "24:00" if end and t == MIDNIGHT else f"{t:%H:%M}"

    return ", ".join(f"{hhmm(s)}-{hhmm(e, True)}" for s, e in periods)


# ---------------------------------------------------------------- dates


def _date(text: str, field: str) -> date:
    y, m, d = (int(p) for p in re.split(r"[-/.]", text))
    try:
        return date(y, m, d)
    except ValueError:
        raise ValidationError(
            field, translate("CalendarText", "%1 is not a date.").replace("%1", text)
        ) from None


def _chunks(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[\n,;]+", text.translate(_HALF_WIDTH)) if c.strip()]


def parse_dates(text: str, field: str) -> frozenset[date]:
    """Dates and ranges ("2026-10-01", "2026-10-01..2026-10-07"), by line or comma."""
    days: set[date] = set()
    for chunk in _chunks(text):
        found = [_date(d, field) for d in re.findall(_DATE, chunk)]
        if not 1 <= len(found) <= 2 or not _RANGE_MARK.fullmatch(re.sub(_DATE, "", chunk)):
            raise ValidationError(
                field,
                translate(
                    "CalendarText",
                    "Write dates like 2026-10-01, or a range like 2026-10-01..2026-10-07.",
                ),
            )
        first, last = found[0], found[-1]
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise ValidationError(
                field,
                translate("CalendarText", "%1: a range runs forwards, at most a year.").replace(
                    "%1", chunk
                ),
            )
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return frozenset(days)


def format_dates(days: frozenset[date]) -> str:
    """One line per run of consecutive days (a week-long holiday is one range)."""
    lines: list[str] = []
    ordered = sorted(days)
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] - ordered[i - 1] != timedelta(days=1):
            first, last = ordered[start], ordered[i - 1]
            lines.append(first.isoformat() if first == last else f"{first}..{last}")
            start = i
    return "\n".join(lines)


def parse_makeup(
    text: str, field: str, working: set[int], holidays: frozenset[date]
) -> dict[date, int]:
    """ "2026-09-27 Fri" (or 周五, or 5) per line: the day works that weekday's hours;
    without a weekday, the first working weekday's."""
    words = _weekday_words()
    makeup: dict[date, int] = {}
    for chunk in _chunks(text):
        match = re.fullmatch(rf"({_DATE})\s*[=:>→]?\s*(\S*)", chunk)
        if match is None:
            raise ValidationError(
                field,
                translate("CalendarText", "Write one make-up day per line, like 2026-09-27 Fri."),
            )
        day = _date(match[1], field)
        word = match[2].lower()
        if word and word not in words:
            raise ValidationError(
                field, translate("CalendarText", "%1 is not a weekday.").replace("%1", match[2])
            )
        weekday = words[word] if word else min(working, default=0)
        if weekday not in working:
            raise ValidationError(
                field,
                translate("CalendarText", "%1 follows %2, which is a day off.")
                .replace("%1", day.isoformat())
                .replace("%2", weekday_names()[weekday]),
            )
        if day in holidays:
            raise ValidationError(
                field,
                translate("CalendarText", "%1 is also listed as a holiday.").replace(
                    "%1", day.isoformat()
                ),
            )
        makeup[day] = weekday
    return makeup


def format_makeup(makeup: dict[date, int]) -> str:
    short = weekday_short()
    return "\n".join(f"{day.isoformat()} {short[wd]}" for day, wd in sorted(makeup.items()))


# ---------------------------------------------------------------- the tab


class CalendarTab(SettingsTab):
    """The shop's working hours, which "working hours only" standards count on."""

    section = settings.Section.CALENDAR

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.tz = ZoneInfo(settings.DEFAULT_TIMEZONE)
        self.days = [QLineEdit(objectName=f"weekday{wd}") for wd in range(7)]
        week = QGroupBox(self.tr("Working hours"))
        form = QFormLayout(week)
        for wd, (edit, name) in enumerate(zip(self.days, weekday_names(), strict=True)):
            edit.setPlaceholderText(self.tr("day off"))
            field_row(form, name, edit, self.errors, f"weekday.{wd}")
        self.tz_note = note("")
        form.addRow(self.tz_note)
        self.holidays = QPlainTextEdit(objectName="holidays")
        self.holidays.setPlaceholderText("2026-10-01..2026-10-07\n2027-01-01")
        self.makeup = QPlainTextEdit(objectName="makeupDays")
        self.makeup.setPlaceholderText(self.tr("2026-09-27 Fri"))
        for edit in (self.holidays, self.makeup):
            edit.setTabChangesFocus(True)
        days_off = QGroupBox(self.tr("Holidays and make-up days"))
        right = QFormLayout(days_off)
        field_row(right, self.tr("&Holidays"), self.holidays, self.errors, "holidays")
        field_row(right, self.tr("&Make-up days"), self.makeup, self.errors, "makeup_days")
        right.addRow(
            note(
                self.tr(
                    "A holiday is a day off even on a working weekday: one date or a range "
                    "per line. A make-up day (调休) is worked although it falls on a day off; "
                    "it works the hours of the weekday written after it."
                )
            )
        )
        calendar_error = QLabel(wordWrap=True)
        calendar_error.setStyleSheet(ERROR_STYLE)
        calendar_error.hide()
        form.addRow(calendar_error)
        self.errors.add(("calendar",), week, calendar_error)
        columns = QHBoxLayout()
        columns.addWidget(week, 1)
        columns.addWidget(days_off, 1)
        self.body.addLayout(columns)
        self.body.addWidget(
            note(self.tr("Write the hours like 08:30-12:00, 13:30-18:00; leave a day off empty."))
        )
        self.body.addStretch(1)
        self.watch()

    def read(self) -> WorkingCalendar:
        return settings.working_calendar(self.desk.db)

    def show_values(self, values: Any) -> None:
        cal: WorkingCalendar = values
        self.tz = cal.tz
        for wd, edit in enumerate(self.days):
            edit.setText(format_periods(tuple(cal.weekly.get(wd, ()))))
        self.holidays.setPlainText(format_dates(cal.holidays))
        self.makeup.setPlainText(format_makeup(dict(cal.makeup_days)))
        self.tz_note.setText(self.tr("Local times of %1.").replace("%1", cal.tz.key))

    def typed(self) -> WorkingCalendar:
        """The calendar as typed; ValidationError names the field to correct."""
        weekly = {
            wd: parse_periods(edit.text(), f"weekday.{wd}") for wd, edit in enumerate(self.days)
        }
        working = {wd for wd, periods in weekly.items() if periods}
        if not working:
            raise ValidationError(
                "weekday.0",
                translate("CalendarText", "Give the working hours of at least one day."),
            )
        holidays = parse_dates(self.holidays.toPlainText(), "holidays")
        makeup = parse_makeup(self.makeup.toPlainText(), "makeup_days", working, holidays)
        return WorkingCalendar(tz=self.tz, weekly=weekly, holidays=holidays, makeup_days=makeup)

    def collect(self) -> SaveJob:
        db, actor, cal, version = self.desk.db, self.desk.actor, self.typed(), self.version
        return lambda: settings.set_calendar(db, actor, cal, expected=version)
