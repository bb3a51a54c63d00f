"""Service-standard clocks: deadline and time left in wall-clock or working hours, net of pauses."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.domain.errors import ValidationError

# Standard periods on a working day (Mon-Sat) as the service documents set them.
STANDARD_PERIODS: tuple[tuple[time, time], ...] = (
    (time(8, 30), time(12, 0)),
    (time(13, 30), time(18, 0)),
)

# Budgets above ten years are typing mistakes, and refusing them bounds every walk below.
MAX_HOURS = 10 * 365.25 * 24

# A 40-hour week reaches even the 10-year budget within ~42 years of days; the cap stops bad
# data (a pause lasting centuries, a calendar open minutes a week) from hanging a board.
_MAX_WALK_DAYS = 100 * 366

_CALENDAR_FORMAT_VERSION = 1
_ONE_DAY = timedelta(days=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US_PER_SECOND = 1_000_000
_US_PER_HOUR = 3600 * _US_PER_SECOND
_MIDNIGHT = time(0, 0)

# Internally every instant is an int of microseconds since the epoch (UTC): exact, so a
# deadline fed back into counted_seconds gives the budget back with no float drift.
_Span = tuple[int, int]


class ClockStatus(enum.Enum):
    """Where a ticket stands against one service standard."""

    OK = "ok"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    PAUSED = "paused"
    MET = "met"
    MISSED = "missed"


@dataclass(frozen=True)
class Interval:
    """One pause of a clock; ``end`` is None while the ticket is still waiting."""

    start: datetime
    end: datetime | None

    def __post_init__(self) -> None:
        _require_aware(self.start, "pause start")
        if self.end is not None:
            _require_aware(self.end, "pause end")
            # Compared as instants: same-zone datetimes compare wall times, ignoring fold.
            if _to_us(self.end) < _to_us(self.start):
                raise ValueError(f"pause ends before it starts: {self.start} .. {self.end}")


@dataclass(frozen=True)
class ClockState:
    """A clock as a card shows it; seconds are counted (working) seconds."""

    status: ClockStatus
    deadline: datetime | None
    remaining_seconds: float
    elapsed_seconds: float


@dataclass(frozen=True)
class WorkingCalendar:
    """The shop's working time: weekly periods, public holidays and make-up (调休) days.

    Periods are local wall times in ``tz``; an end of 00:00 means midnight at the end of
    the day (written "24:00" in ``to_dict``). A make-up day works the periods of the
    weekday it is mapped to. Construction normalises the mappings into read-only copies
    and validates, so a calendar that exists is a valid one.
    """

    tz: ZoneInfo
    weekly: Mapping[int, tuple[tuple[time, time], ...]]
    holidays: frozenset[date] = frozenset()
    makeup_days: Mapping[date, int] = field(default_factory=dict)
    # Day -> that day's periods as UTC microsecond spans. Filled lazily; a board reads the
    # same few weeks ~600 times per refresh. Plain dict get/set is atomic under the GIL, so
    # background threads sharing a calendar at worst compute a day twice.
    _spans_by_day: dict[date, tuple[_Span, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Copies, so the caller mutating its dict later cannot change a frozen calendar;
        # empty weekdays are dropped so "missing" and "empty" compare equal.
        try:
            weekly = {
                wd: tuple((s, e) for s, e in periods)
                for wd, periods in self.weekly.items()
                if periods
            }
            makeup = dict(self.makeup_days)
            holidays = frozenset(self.holidays)
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValidationError("calendar", "calendar.malformed") from exc
        object.__setattr__(self, "weekly", MappingProxyType(weekly))
        object.__setattr__(self, "makeup_days", MappingProxyType(makeup))
        object.__setattr__(self, "holidays", holidays)
        self.validate()

    def __hash__(self) -> int:
        return hash(
            (
                self.tz.key,
                tuple(sorted(self.weekly.items())),
                self.holidays,
                tuple(sorted(self.makeup_days.items())),
            )
        )

    @classmethod
    def standard(cls, tz: ZoneInfo) -> WorkingCalendar:
        """Mon-Sat 08:30-12:00 and 13:30-18:00, no holidays."""
        return cls(tz=tz, weekly={wd: STANDARD_PERIODS for wd in range(6)})

    def validate(self) -> None:
        """Raise ValidationError("calendar", ...) unless every part is well formed."""
        if not isinstance(self.tz, ZoneInfo) or not self.tz.key:
            raise ValidationError("calendar", "calendar.zone_not_named")
        for wd, periods in self.weekly.items():
            if not _is_weekday(wd):
                raise ValidationError("calendar", "calendar.bad_weekday", weekday=wd)
            _validate_periods(wd, periods)
        if not self.weekly:
            raise ValidationError("calendar", "calendar.no_working_periods")
        for day in self.holidays:
            if not _is_date(day):
                raise ValidationError("calendar", "calendar.holiday_not_a_date", day=day)
        for day, wd in self.makeup_days.items():
            if not _is_date(day):
                raise ValidationError("calendar", "calendar.makeup_not_a_date", day=day)
            if not _is_weekday(wd):
                raise ValidationError(
                    "calendar", "calendar.makeup_bad_weekday", day=day, weekday=wd
                )
            if wd not in self.weekly:
                raise ValidationError("calendar", "calendar.makeup_on_day_off", day=day)
            if day in self.holidays:
                raise ValidationError("calendar", "calendar.holiday_and_makeup", day=day)

    def periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's working periods as aware datetimes in ``tz``.

        Each local time is read as the first instant the shop's clock shows it; a time
        skipped by a spring-forward jump means the instant of the jump. So a period's
        length is the real time that passes (01:00-04:00 lasts 2 h on spring-forward day
        and 4 h on fall-back day), and a period wholly inside the jump is dropped.
        """
        return [(_from_us(s, self.tz), _from_us(e, self.tz)) for s, e in self._utc_spans(day)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the settings table; ``from_dict`` gives an equal calendar."""
        return {
            "version": _CALENDAR_FORMAT_VERSION,
            "tz": self.tz.key,
            "weekly": {
                str(wd): [[_format_time(s), _format_time(e, is_end=True)] for s, e in periods]
                for wd, periods in sorted(self.weekly.items())
            },
            "holidays": sorted(day.isoformat() for day in self.holidays),
            "makeup_days": {day.isoformat(): wd for day, wd in sorted(self.makeup_days.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkingCalendar:
        """Read ``to_dict`` output back; anything malformed is a ValidationError."""
        try:
            unknown = set(data) - {"version", "tz", "weekly", "holidays", "makeup_days"}
            if unknown:
                raise ValueError(f"unknown keys {sorted(unknown)}")
            if data.get("version", _CALENDAR_FORMAT_VERSION) != _CALENDAR_FORMAT_VERSION:
                raise ValueError(f"unsupported version {data['version']!r}")
            tz = ZoneInfo(data["tz"])
            weekly = {
                _parse_weekday(wd): tuple(
                    (_parse_time(s), _parse_time(e, is_end=True)) for s, e in periods
                )
                for wd, periods in data["weekly"].items()
            }
            holidays = frozenset(date.fromisoformat(d) for d in data.get("holidays", ()))
            makeup = {date.fromisoformat(d): wd for d, wd in data.get("makeup_days", {}).items()}
        except (KeyError, TypeError, ValueError, AttributeError, ZoneInfoNotFoundError) as exc:
            raise ValidationError("calendar", "calendar.unreadable") from exc
        return cls(tz=tz, weekly=weekly, holidays=holidays, makeup_days=makeup)

    def _utc_spans(self, day: date) -> tuple[_Span, ...]:
        spans = self._spans_by_day.get(day)
        if spans is None:
            spans = self._compute_spans(day)
            if len(self._spans_by_day) > 4096:  # keep a long-running desk's memory flat
                self._spans_by_day.clear()
            self._spans_by_day[day] = spans
        return spans

    def _compute_spans(self, day: date) -> tuple[_Span, ...]:
        if day in self.makeup_days:
            periods = self.weekly[self.makeup_days[day]]
        elif day in self.holidays:
            return ()
        else:
            periods = self.weekly.get(day.weekday(), ())
        spans = []
        for s, e in periods:
            start_us = _local_to_us(datetime.combine(day, s), self.tz)
            end_day = day + _ONE_DAY if e == _MIDNIGHT else day
            end_us = _local_to_us(datetime.combine(end_day, e), self.tz)
            if end_us > start_us:
                spans.append((start_us, end_us))
        return tuple(spans)


def counted_seconds(
    start: datetime,
    end: datetime,
    *,
    calendar: WorkingCalendar | None,
    pauses: Sequence[Interval] = (),
) -> float:
    """Clock seconds between ``start`` and ``end``: working time only when a calendar is
    given (None = wall clock), minus paused time. An open pause runs to ``end``; 0 if
    ``end`` is not after ``start``."""
    _require_aware(start, "start")
    _require_aware(end, "end")
    return _counted_us(_to_us(start), _to_us(end), calendar, pauses) / _US_PER_SECOND


def deadline(
    start: datetime,
    hours: float,
    *,
    calendar: WorkingCalendar | None,
    pauses: Sequence[Interval] = (),
) -> datetime | None:
    """The first instant at which counted time since ``start`` reaches ``hours``.

    Returned in ``start``'s time zone. None while an open pause holds the clock and the
    budget had not already run out before that pause began: the deadline is then unknown.
    """
    _require_aware(start, "start")
    budget = _budget_us(hours)
    start_us = _to_us(start)
    if budget == 0:
        return start
    closed = _merge((_to_us(p.start), _to_us(p.end)) for p in pauses if p.end is not None)
    open_starts = [_to_us(p.start) for p in pauses if p.end is None]
    # Once an open pause begins nothing more counts, so the walk stops there.
    stop = min(open_starts) if open_starts else None
    if stop is not None and stop <= start_us:
        return None
    counted = 0
    for a, b in _subtract(_clock_segments(calendar, start_us, stop), closed):
        if counted + (b - a) >= budget:
            return _from_us(a + budget - counted, start.tzinfo)
        counted += b - a
    if stop is None:  # only a wall clock running into year 9999 gets here
        raise ValidationError("hours", "clock.deadline_out_of_range")
    return None


def clock_state(
    start: datetime,
    hours: float,
    now: datetime,
    *,
    done_at: datetime | None = None,
    calendar: WorkingCalendar | None,
    pauses: Sequence[Interval] = (),
    at_risk_fraction: float = 0.25,
) -> ClockState:
    """The clock of one standard for one ticket, as of ``now``.

    Done: MET if the counted time to ``done_at`` fits the budget, else MISSED. Open:
    PAUSED whenever a pause covers ``now`` (remaining still reported), else OVERDUE once
    counted time exceeds the budget, AT_RISK when at most ``at_risk_fraction`` of it is
    left, else OK. OVERDUE is exactly "finishing now would be MISSED": a working-hours
    clock whose deadline was 18:00 stays AT_RISK at 00:00 left until work resumes.
    """
    _require_aware(start, "start")
    _require_aware(now, "now")
    budget = _budget_us(hours)
    if not (math.isfinite(at_risk_fraction) and 0 <= at_risk_fraction <= 1):
        raise ValidationError(
            "at_risk_fraction", "clock.at_risk_fraction_range", value=at_risk_fraction
        )
    if done_at is not None:
        _require_aware(done_at, "done_at")
        # Finishing the ticket ends any pause still open.
        pauses = [
            p if p.end is not None else Interval(p.start, max(p.start, done_at, key=_to_us))
            for p in pauses
        ]
        now = done_at
    elapsed = _counted_us(_to_us(start), _to_us(now), calendar, pauses)
    due = deadline(start, hours, calendar=calendar, pauses=pauses)
    remaining = budget - elapsed
    if done_at is not None:
        status = ClockStatus.MET if elapsed <= budget else ClockStatus.MISSED
    elif _paused_at(pauses, now):
        status = ClockStatus.PAUSED
    elif elapsed > budget:
        status = ClockStatus.OVERDUE
    elif remaining <= at_risk_fraction * budget:
        status = ClockStatus.AT_RISK
    else:
        status = ClockStatus.OK
    return ClockState(
        status=status,
        deadline=due,
        remaining_seconds=remaining / _US_PER_SECOND,
        elapsed_seconds=elapsed / _US_PER_SECOND,
    )


def split_remaining(seconds: float) -> tuple[str, int, str]:
    """Time left as (sign, whole days, "HH:MM"): ("-", 2, "01:00"); a day is 24 counted hours.

    Rounds down to the minute, so the sign turns "-" exactly when the clock does.
    The words around the days are the caller's (``ui.labels.remaining_text``).
    """
    if not math.isfinite(seconds):
        raise ValueError(f"not a number of seconds: {seconds}")
    minutes = math.floor(seconds / 60)
    sign = "-" if minutes < 0 else ""
    days, rest = divmod(abs(minutes), 24 * 60)
    return sign, days, f"{rest // 60:02d}:{rest % 60:02d}"


def format_remaining(seconds: float) -> str:
    """Time left for logs and reports: "2d 03:15", "03:15", "-05:20" (see ``split_remaining``).

    Screens show ``ui.labels.remaining_text`` instead, which says "d" in the clerk's language.
    """
    sign, days, hh_mm = split_remaining(seconds)
    return f"{sign}{days}d {hh_mm}" if days else f"{sign}{hh_mm}"


# --- arithmetic on microsecond spans ------------------------------------------------


def _counted_us(
    start_us: int, end_us: int, calendar: WorkingCalendar | None, pauses: Sequence[Interval]
) -> int:
    if end_us <= start_us:
        return 0
    holes = _merge((_to_us(p.start), end_us if p.end is None else _to_us(p.end)) for p in pauses)
    segments = _clock_segments(calendar, start_us, end_us)
    return sum(b - a for a, b in _subtract(segments, holes))


def _clock_segments(
    calendar: WorkingCalendar | None, start_us: int, stop_us: int | None
) -> Iterator[_Span]:
    """Time the clock may run from ``start_us``, up to ``stop_us`` or unbounded."""
    if calendar is None:
        yield start_us, _to_us(datetime.max.replace(tzinfo=UTC)) if stop_us is None else stop_us
        return
    tz = calendar.tz
    day = _from_us(start_us, tz).date()
    limit = day + timedelta(days=_MAX_WALK_DAYS)
    # One day of slack: where clocks fall back across midnight a local date can repeat.
    last_day = limit if stop_us is None else _from_us(stop_us, tz).date() + _ONE_DAY
    if last_day > limit:
        raise ValidationError("calendar", "calendar.span_too_long")
    while day <= last_day:
        # Periods are ordered across days (local times map to instants monotonically),
        # so the first period starting at or after the stop ends the walk.
        for s, e in calendar._utc_spans(day):
            if e <= start_us:
                continue
            if stop_us is not None and s >= stop_us:
                return
            yield max(s, start_us), e if stop_us is None else min(e, stop_us)
        day += _ONE_DAY
    if stop_us is None:
        raise ValidationError("hours", "clock.deadline_too_far")


def _merge(spans: Iterable[_Span]) -> list[_Span]:
    """Sorted, disjoint union of spans; overlapping pauses count once."""
    merged: list[_Span] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _subtract(segments: Iterable[_Span], holes: Sequence[_Span]) -> Iterator[_Span]:
    """Ordered segments minus sorted, disjoint holes, in one forward pass."""
    i = 0
    for a, b in segments:
        while i < len(holes) and holes[i][1] <= a:
            i += 1
        cur, j = a, i
        while cur < b:
            if j >= len(holes) or holes[j][0] >= b:
                yield cur, b
                break
            hole_start, hole_end = holes[j]
            if hole_start > cur:
                yield cur, hole_start
            cur = max(cur, hole_end)
            j += 1


def _paused_at(pauses: Iterable[Interval], now: datetime) -> bool:
    at = _to_us(now)
    return any(_to_us(p.start) <= at and (p.end is None or at < _to_us(p.end)) for p in pauses)


# --- conversions and checks ---------------------------------------------------------


def _require_aware(value: datetime, name: str) -> None:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware: {value}")


def _budget_us(hours: float) -> int:
    if isinstance(hours, bool) or not math.isfinite(hours) or not 0 <= hours <= MAX_HOURS:
        raise ValidationError("hours", "clock.hours_range", limit=int(MAX_HOURS), value=hours)
    return round(hours * _US_PER_HOUR)


def _to_us(value: datetime) -> int:
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * _US_PER_SECOND + delta.microseconds


def _from_us(us: int, tz: tzinfo | None) -> datetime:
    try:
        return (_EPOCH + timedelta(microseconds=us)).astimezone(tz)
    except OverflowError as exc:
        raise ValidationError("hours", "clock.date_out_of_range") from exc


def _local_to_us(naive: datetime, tz: ZoneInfo) -> int:
    """First instant at which the local clock in ``tz`` shows ``naive`` or later."""
    # fold=0 is the first of two repeated (fall-back) times, which is what we want.
    first = _to_us(naive.replace(tzinfo=tz))
    if _from_us(first, tz).replace(tzinfo=None) == naive:
        return first
    # ``naive`` was skipped by a spring-forward jump. Both folds land either side of the
    # jump; search for the instant itself (rare, ~40 steps for even a day-long jump).
    other = _to_us(naive.replace(tzinfo=tz, fold=1))
    lo, hi = min(first, other), max(first, other)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _from_us(mid, tz).replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid
    return hi


def _validate_periods(wd: int, periods: tuple[tuple[time, time], ...]) -> None:
    previous_end = -1
    for pair in periods:
        if len(pair) != 2 or not all(isinstance(t, time) for t in pair):
            raise ValidationError("calendar", "calendar.period_not_two_times", weekday=wd)
        s, e = pair
        if s.tzinfo is not None or e.tzinfo is not None:
            raise ValidationError("calendar", "calendar.period_not_local", weekday=wd)
        start, end = _time_us(s), (_time_us(e) or 24 * _US_PER_HOUR)  # 00:00 end = midnight
        if start >= end:
            raise ValidationError(
                "calendar", "calendar.period_reversed", weekday=wd, start=s, end=e
            )
        if start < previous_end:
            raise ValidationError("calendar", "calendar.periods_overlap", weekday=wd)
        previous_end = end


def _time_us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * _US_PER_SECOND + t.microsecond


def _is_weekday(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _format_time(t: time, *, is_end: bool = False) -> str:
    if is_end and t == _MIDNIGHT:
        return "24:00"
    return t.isoformat("minutes" if not (t.second or t.microsecond) else "auto")


def _parse_time(text: str, *, is_end: bool = False) -> time:
    if is_end and text == "24:00":
        return _MIDNIGHT
    return time.fromisoformat(text)


def _parse_weekday(text: str) -> int:
    if not (isinstance(text, str) and text.isdigit()):
        raise ValueError(f"weekday key must be a digit string: {text!r}")
    return int(text)
