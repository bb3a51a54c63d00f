"""Service-standard clocks: wall clock and working calendars, pauses, DST, statuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.clock import (
    MAX_HOURS,
    ClockState,
    ClockStatus,
    Interval,
    WorkingCalendar,
    clock_state,
    counted_seconds,
    deadline,
    format_remaining,
    split_remaining,
)
from desk_app.domain.errors import ValidationError

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
HOUR = 3600.0

# 2024-06-03 is a Monday. With the standard calendar a working day is 3.5 h + 4.5 h = 8 h.
MON = date(2024, 6, 3)

# China's 2024 National Day: Oct 1-7 off; Sunday Sep 29 and Saturday Oct 12 are worked.
NATIONAL_DAY = frozenset(date(2024, 10, d) for d in range(1, 8))
OFFICE_PERIODS = ((time(9), time(12)), (time(13), time(18)))
FRIDAY_PERIODS = ((time(9), time(12)),)
OFFICE = WorkingCalendar(
    tz=SHANGHAI,
    weekly={0: OFFICE_PERIODS, 1: OFFICE_PERIODS, 2: OFFICE_PERIODS, 3: OFFICE_PERIODS,
            4: FRIDAY_PERIODS},
    holidays=NATIONAL_DAY,
    makeup_days={date(2024, 9, 29): 0, date(2024, 10, 12): 4},
)  # fmt: skip

STANDARD_SH = WorkingCalendar.standard(SHANGHAI)
STANDARD_BERLIN = WorkingCalendar.standard(BERLIN)

# A night desk in Berlin whose periods straddle the 02:00-03:00 DST transitions, plus a
# period ending at midnight every day.
NIGHT_BERLIN = WorkingCalendar(
    tz=BERLIN,
    weekly={
        **{wd: ((time(22), time(0)),) for wd in range(6)},
        6: ((time(1), time(4)), (time(22), time(0))),
    },
)


def sh(day: date, hh: int = 0, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=SHANGHAI)


def berlin(y: int, m: int, d: int, hh: int = 0, mm: int = 0, fold: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, fold=fold, tzinfo=BERLIN)


def utc(value: datetime | None) -> datetime:
    # Same-zone datetimes compare wall times and ignore fold; UTC compares instants.
    assert value is not None
    return value.astimezone(UTC)


def hours_between(start: datetime, end: datetime, **kwargs: Any) -> float:
    return counted_seconds(start, end, **kwargs) / HOUR


# --- WorkingCalendar ----------------------------------------------------------------


def test_standard_calendar_works_monday_to_saturday_with_a_lunch_break() -> None:
    for offset in range(6):
        day = MON + timedelta(days=offset)
        assert STANDARD_SH.periods_on(day) == [
            (sh(day, 8, 30), sh(day, 12)),
            (sh(day, 13, 30), sh(day, 18)),
        ]
    assert STANDARD_SH.periods_on(MON + timedelta(days=6)) == []


def test_periods_are_aware_datetimes_in_the_shop_zone() -> None:
    for start, end in STANDARD_BERLIN.periods_on(MON):
        assert start.tzinfo is BERLIN and end.tzinfo is BERLIN
    assert utc(STANDARD_BERLIN.periods_on(MON)[0][0]) == datetime(2024, 6, 3, 6, 30, tzinfo=UTC)


def test_holiday_is_a_day_off_and_makeup_day_works_the_mapped_weekday() -> None:
    assert OFFICE.periods_on(date(2024, 10, 1)) == []  # a Tuesday, but National Day
    assert OFFICE.periods_on(date(2024, 9, 28)) == []  # an ordinary Saturday
    sunday = date(2024, 9, 29)
    assert OFFICE.periods_on(sunday) == [
        (sh(sunday, 9), sh(sunday, 12)),
        (sh(sunday, 13), sh(sunday, 18)),
    ]
    saturday = date(2024, 10, 12)
    assert OFFICE.periods_on(saturday) == [(sh(saturday, 9), sh(saturday, 12))]  # Friday hours


def test_period_ending_at_midnight_runs_to_the_next_day() -> None:
    day = date(2024, 6, 4)
    assert NIGHT_BERLIN.periods_on(day) == [
        (berlin(2024, 6, 4, 22), berlin(2024, 6, 5, 0)),
    ]


def test_periods_keep_their_real_length_across_spring_forward() -> None:
    # 2024-03-31: Berlin clocks jump from 02:00 to 03:00.
    (night, late) = NIGHT_BERLIN.periods_on(date(2024, 3, 31))
    assert utc(night[1]) - utc(night[0]) == timedelta(hours=2)
    assert utc(late[1]) - utc(late[0]) == timedelta(hours=2)


def test_periods_keep_their_real_length_across_fall_back() -> None:
    # 2024-10-27: Berlin clocks fall back from 03:00 to 02:00, so 01:00-04:00 lasts 4 h.
    (night, _late) = NIGHT_BERLIN.periods_on(date(2024, 10, 27))
    assert utc(night[0]) == datetime(2024, 10, 26, 23, 0, tzinfo=UTC)
    assert utc(night[1]) == datetime(2024, 10, 27, 3, 0, tzinfo=UTC)


def test_a_time_skipped_by_spring_forward_means_the_moment_of_the_jump() -> None:
    cal = WorkingCalendar(tz=BERLIN, weekly={6: ((time(0), time(2, 15)), (time(2, 30), time(5)))})
    first, second = cal.periods_on(date(2024, 3, 31))
    jump = datetime(2024, 3, 31, 1, 0, tzinfo=UTC)  # 02:00 CET == 03:00 CEST
    assert utc(first[1]) == jump
    assert utc(second[0]) == jump
    assert utc(second[1]) - utc(second[0]) == timedelta(hours=2)  # 03:00 CEST .. 05:00 CEST


def test_a_period_wholly_inside_the_spring_forward_gap_is_dropped() -> None:
    cal = WorkingCalendar(tz=BERLIN, weekly={6: ((time(2, 15), time(2, 45)),)})
    assert cal.periods_on(date(2024, 3, 31)) == []
    assert len(cal.periods_on(date(2024, 3, 24))) == 1


def test_a_repeated_time_at_fall_back_means_its_first_occurrence() -> None:
    cal = WorkingCalendar(tz=BERLIN, weekly={6: ((time(2, 30), time(3, 30)),)})
    ((start, end),) = cal.periods_on(date(2024, 10, 27))
    assert utc(start) == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)  # 02:30 CEST
    assert utc(end) == datetime(2024, 10, 27, 2, 30, tzinfo=UTC)  # 03:30 CET
    assert start.fold == 0


def test_calendar_is_immutable_hashable_and_detached_from_its_inputs() -> None:
    weekly = {0: [(time(9), time(17))], 3: []}
    cal = WorkingCalendar(tz=SHANGHAI, weekly=weekly)  # type: ignore[arg-type]
    weekly[1] = [(time(9), time(17))]
    assert set(cal.weekly) == {0}  # empty days dropped, later edits not seen
    makeup = {date(2024, 9, 29): 0}
    with_makeup = WorkingCalendar(tz=SHANGHAI, weekly=weekly, makeup_days=makeup)  # type: ignore[arg-type]
    makeup[date(2024, 10, 12)] = 0
    assert date(2024, 10, 12) not in with_makeup.makeup_days
    assert cal == WorkingCalendar(tz=SHANGHAI, weekly={0: ((time(9), time(17)),)})
    assert hash(cal) == hash(WorkingCalendar(tz=SHANGHAI, weekly={0: ((time(9), time(17)),)}))
    with pytest.raises(TypeError):
        cal.weekly[2] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        cal.tz = BERLIN  # type: ignore[misc]


BAD_CALENDARS: dict[str, Callable[[], WorkingCalendar]] = {
    "end before start": lambda: WorkingCalendar(SHANGHAI, {0: ((time(12), time(9)),)}),
    "empty period": lambda: WorkingCalendar(SHANGHAI, {0: ((time(9), time(9)),)}),
    "unsorted": lambda: WorkingCalendar(SHANGHAI, {0: ((time(13), time(18)), (time(8), time(12)))}),
    "overlapping": lambda: WorkingCalendar(
        SHANGHAI, {0: ((time(8), time(12)), (time(11), time(18)))}
    ),
    "after a midnight end": lambda: WorkingCalendar(
        SHANGHAI, {0: ((time(20), time(0)), (time(21), time(22)))}
    ),
    "weekday 7": lambda: WorkingCalendar(SHANGHAI, {7: STANDARD_SH.weekly[0]}),
    "weekday as text": lambda: WorkingCalendar(SHANGHAI, {"0": STANDARD_SH.weekly[0]}),  # type: ignore[dict-item]
    "aware period time": lambda: WorkingCalendar(
        SHANGHAI, {0: ((time(9, tzinfo=UTC), time(12, tzinfo=UTC)),)}
    ),
    "period not a pair": lambda: WorkingCalendar(SHANGHAI, {0: ((time(9),),)}),  # type: ignore[dict-item]
    "period of text": lambda: WorkingCalendar(SHANGHAI, {0: (("09:00", "12:00"),)}),  # type: ignore[dict-item]
    "no working time": lambda: WorkingCalendar(SHANGHAI, {0: (), 1: ()}),
    "fixed-offset zone": lambda: WorkingCalendar(UTC, STANDARD_SH.weekly),  # type: ignore[arg-type]
    "holiday as datetime": lambda: WorkingCalendar(
        SHANGHAI, STANDARD_SH.weekly, holidays=frozenset({datetime(2024, 10, 1)})
    ),
    "makeup weekday 9": lambda: WorkingCalendar(
        SHANGHAI, STANDARD_SH.weekly, makeup_days={date(2024, 9, 29): 9}
    ),
    "makeup follows a day off": lambda: WorkingCalendar(
        SHANGHAI, STANDARD_SH.weekly, makeup_days={date(2024, 9, 29): 6}
    ),
    "makeup is a holiday": lambda: WorkingCalendar(
        SHANGHAI,
        STANDARD_SH.weekly,
        holidays=frozenset({date(2024, 9, 29)}),
        makeup_days={date(2024, 9, 29): 0},
    ),
    "weekly not a mapping": lambda: WorkingCalendar(SHANGHAI, [(0, ())]),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("build", BAD_CALENDARS.values(), ids=BAD_CALENDARS.keys())
def test_bad_calendars_are_refused(build: Callable[[], WorkingCalendar]) -> None:
    with pytest.raises(ValidationError) as refused:
        build()
    assert refused.value.field == "calendar"


def test_validate_passes_on_good_calendars_and_touching_periods_are_allowed() -> None:
    for cal in (STANDARD_SH, OFFICE, NIGHT_BERLIN):
        cal.validate()
    WorkingCalendar(SHANGHAI, {0: ((time(8), time(12)), (time(12), time(13)))}).validate()


@pytest.mark.parametrize("cal", [STANDARD_SH, OFFICE, NIGHT_BERLIN], ids=["std", "office", "night"])
def test_calendar_round_trips_through_json(cal: WorkingCalendar) -> None:
    stored = json.dumps(cal.to_dict())
    assert WorkingCalendar.from_dict(json.loads(stored)) == cal


def test_to_dict_is_readable_settings_data() -> None:
    assert OFFICE.to_dict() == {
        "version": 1,
        "tz": "Asia/Shanghai",
        "weekly": {
            "0": [["09:00", "12:00"], ["13:00", "18:00"]],
            "1": [["09:00", "12:00"], ["13:00", "18:00"]],
            "2": [["09:00", "12:00"], ["13:00", "18:00"]],
            "3": [["09:00", "12:00"], ["13:00", "18:00"]],
            "4": [["09:00", "12:00"]],
        },
        "holidays": [f"2024-10-0{d}" for d in range(1, 8)],
        "makeup_days": {"2024-09-29": 0, "2024-10-12": 4},
    }
    assert NIGHT_BERLIN.to_dict()["weekly"]["0"] == [["22:00", "24:00"]]


def test_seconds_in_period_times_survive_the_round_trip() -> None:
    cal = WorkingCalendar(SHANGHAI, {2: ((time(8, 0, 30), time(12, 0, 0, 500)),)})
    again = WorkingCalendar.from_dict(json.loads(json.dumps(cal.to_dict())))
    assert again.weekly[2] == ((time(8, 0, 30), time(12, 0, 0, 500)),)


BAD_DICTS: dict[str, dict[str, Any]] = {
    "unknown zone": {"tz": "Mars/Olympus", "weekly": {"0": [["09:00", "12:00"]]}},
    "no zone": {"weekly": {"0": [["09:00", "12:00"]]}},
    "no weekly": {"tz": "Asia/Shanghai"},
    "bad time": {"tz": "Asia/Shanghai", "weekly": {"0": [["9h", "12:00"]]}},
    "24:00 as a start": {"tz": "Asia/Shanghai", "weekly": {"0": [["24:00", "12:00"]]}},
    "weekday name": {"tz": "Asia/Shanghai", "weekly": {"Mon": [["09:00", "12:00"]]}},
    "weekday 8": {"tz": "Asia/Shanghai", "weekly": {"8": [["09:00", "12:00"]]}},
    "bad holiday": {"tz": "Asia/Shanghai", "weekly": {"0": [["09:00", "12:00"]]},
                    "holidays": ["2024-13-01"]},
    "future version": {"version": 2, "tz": "Asia/Shanghai", "weekly": {}},
    "unknown key": {"tz": "Asia/Shanghai", "weekly": {"0": [["09:00", "12:00"]]}, "x": 1},
}  # fmt: skip


@pytest.mark.parametrize("data", BAD_DICTS.values(), ids=BAD_DICTS.keys())
def test_unreadable_stored_calendars_are_validation_errors(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as refused:
        WorkingCalendar.from_dict(data)
    assert refused.value.field == "calendar"


# --- counted_seconds -----------------------------------------------------------------


def test_wall_clock_counts_every_second() -> None:
    assert hours_between(sh(MON, 10), sh(MON + timedelta(days=2), 16), calendar=None) == 54


def test_inputs_in_any_zone_are_compared_as_instants() -> None:
    start = datetime(2024, 6, 3, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
    assert hours_between(start, sh(MON, 12), calendar=STANDARD_SH) == 3.5
    assert hours_between(start, sh(MON, 12), calendar=None) == 3.5


def test_end_not_after_start_counts_nothing() -> None:
    assert counted_seconds(sh(MON, 10), sh(MON, 10), calendar=STANDARD_SH) == 0
    assert counted_seconds(sh(MON, 11), sh(MON, 10), calendar=None) == 0


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (sh(MON, 9), sh(MON, 11), 2),  # inside the morning
        (sh(MON, 11), sh(MON, 14), 1.5),  # across lunch: 11-12 and 13:30-14
        (sh(MON, 6), sh(MON, 9), 0.5),  # before opening counts from 08:30
        (sh(MON, 12, 15), sh(MON, 13), 0),  # wholly in lunch
        (sh(MON, 17), sh(MON + timedelta(days=1), 9), 1.5),  # overnight: 17-18 and 08:30-09
        (sh(MON, 0), sh(MON + timedelta(days=1), 0), 8),  # a whole working day
        (sh(MON + timedelta(days=5), 17), sh(MON + timedelta(days=7), 9), 1.5),  # Sat to Mon
        (sh(MON + timedelta(days=6), 0), sh(MON + timedelta(days=7), 0), 0),  # all Sunday
        (sh(MON, 0), sh(MON + timedelta(days=7), 0), 48),  # a full week
    ],
    ids=["morning", "lunch", "early", "in-lunch", "overnight", "day", "weekend", "sunday", "week"],
)
def test_working_hours_counted_on_the_standard_calendar(
    start: datetime, end: datetime, hours: float
) -> None:
    assert hours_between(start, end, calendar=STANDARD_SH) == hours


def test_holidays_count_nothing_and_makeup_days_count() -> None:
    # Fri Sep 27 .. Tue Oct 8 on the office calendar: Fri 3 h, Sun (make-up, Monday) 8 h,
    # Mon Sep 30 8 h, Oct 1-7 nothing, Tue Oct 8 8 h.
    start = sh(date(2024, 9, 27))
    assert hours_between(start, sh(date(2024, 10, 9)), calendar=OFFICE) == 3 + 8 + 8 + 8
    assert hours_between(sh(date(2024, 10, 1)), sh(date(2024, 10, 8)), calendar=OFFICE) == 0
    saturday = date(2024, 10, 12)  # make-up day on Friday hours
    assert hours_between(sh(saturday), sh(saturday, 23), calendar=OFFICE) == 3


def test_closed_pause_is_not_counted() -> None:
    pause = Interval(sh(MON, 9), sh(MON, 10))
    assert hours_between(sh(MON, 8), sh(MON, 12), calendar=None, pauses=[pause]) == 3
    assert hours_between(sh(MON, 8), sh(MON, 12), calendar=STANDARD_SH, pauses=[pause]) == 2.5


def test_overlapping_pauses_count_once() -> None:
    pauses = [
        Interval(sh(MON, 9), sh(MON, 11)),
        Interval(sh(MON, 10), sh(MON, 11, 30)),
        Interval(sh(MON, 10, 15), sh(MON, 10, 45)),
    ]
    assert hours_between(sh(MON, 8, 30), sh(MON, 12), calendar=STANDARD_SH, pauses=pauses) == 1


def test_pauses_partly_outside_the_range_are_clipped() -> None:
    pauses = [Interval(sh(MON, 7), sh(MON, 9)), Interval(sh(MON, 11), sh(MON, 15))]
    assert hours_between(sh(MON, 8), sh(MON, 12), calendar=None, pauses=pauses) == 2
    outside = [Interval(sh(MON, 1), sh(MON, 2)), Interval(sh(MON, 20), sh(MON, 21))]
    assert hours_between(sh(MON, 8), sh(MON, 12), calendar=None, pauses=outside) == 4


def test_open_pause_runs_to_the_end_of_the_range() -> None:
    pauses = [Interval(sh(MON, 10), None)]
    assert hours_between(sh(MON, 8, 30), sh(MON, 15), calendar=STANDARD_SH, pauses=pauses) == 1.5
    assert hours_between(sh(MON, 8, 30), sh(MON, 9), calendar=STANDARD_SH, pauses=pauses) == 0.5


def test_pause_in_non_working_time_does_not_change_a_working_hours_clock() -> None:
    start, end = sh(MON, 8, 30), sh(MON + timedelta(days=2), 18)
    off_hours = [
        Interval(sh(MON, 12), sh(MON, 13, 30)),  # lunch
        Interval(sh(MON, 18), sh(MON + timedelta(days=1), 8, 30)),  # night
    ]
    plain = counted_seconds(start, end, calendar=STANDARD_SH)
    assert counted_seconds(start, end, calendar=STANDARD_SH, pauses=off_hours) == plain
    assert counted_seconds(start, end, calendar=None, pauses=off_hours) < counted_seconds(
        start, end, calendar=None
    )


def test_wall_clock_counts_real_time_across_dst() -> None:
    assert hours_between(berlin(2024, 3, 31, 0), berlin(2024, 3, 31, 4), calendar=None) == 3
    assert hours_between(berlin(2024, 10, 27, 0), berlin(2024, 10, 27, 4), calendar=None) == 5


def test_working_hours_are_unchanged_by_dst_for_daytime_shops() -> None:
    week_of_spring = (berlin(2024, 3, 25), berlin(2024, 4, 1))
    week_of_fall = (berlin(2024, 10, 21), berlin(2024, 10, 28))
    for start, end in (week_of_spring, week_of_fall):
        assert hours_between(start, end, calendar=STANDARD_BERLIN) == 48


def test_night_shift_counts_real_time_on_dst_sundays() -> None:
    kwargs: dict[str, Any] = {"calendar": NIGHT_BERLIN}
    assert hours_between(berlin(2024, 3, 31, 0), berlin(2024, 3, 31, 12), **kwargs) == 2
    assert hours_between(berlin(2024, 10, 27, 0), berlin(2024, 10, 27, 12), **kwargs) == 4
    assert hours_between(berlin(2024, 3, 24, 0), berlin(2024, 3, 24, 12), **kwargs) == 3


@pytest.mark.parametrize("which", ["start", "end", "pause"])
def test_naive_datetimes_are_refused(which: str) -> None:
    aware, naive = sh(MON, 9), datetime(2024, 6, 3, 10)
    with pytest.raises(ValueError, match="timezone-aware"):
        if which == "start":
            counted_seconds(naive, aware, calendar=None)
        elif which == "end":
            counted_seconds(aware, naive, calendar=None)
        else:
            Interval(naive, None)
    with pytest.raises(ValueError, match="timezone-aware"):
        deadline(naive, 1, calendar=None)
    with pytest.raises(ValueError, match="timezone-aware"):
        clock_state(aware, 1, naive, calendar=None)


def test_pause_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends before"):
        Interval(sh(MON, 10), sh(MON, 9))
    # Compared as instants even inside the repeated fall-back hour.
    Interval(berlin(2024, 10, 27, 2, 50, fold=0), berlin(2024, 10, 27, 2, 10, fold=1))


# --- deadline --------------------------------------------------------------------------


@pytest.mark.parametrize("hours", [24, 48, 72])
def test_wall_clock_deadlines_of_the_service_standards(hours: int) -> None:
    start = sh(MON, 10, 17)
    assert deadline(start, hours, calendar=None) == start + timedelta(hours=hours)


def test_deadline_is_in_the_zone_of_the_start() -> None:
    start = datetime(2024, 6, 3, 2, tzinfo=UTC)
    due = deadline(start, 1, calendar=STANDARD_SH)
    assert due is not None and due.tzinfo is UTC
    assert due == datetime(2024, 6, 3, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (sh(MON, 8, 30), 24, sh(MON + timedelta(days=2), 18)),  # ends at closing, not next day
        (sh(MON, 8, 30), 3.5, sh(MON, 12)),  # ends at lunch, not 13:30
        (sh(MON, 7), 1, sh(MON, 9, 30)),  # before opening
        (sh(MON, 12, 30), 1, sh(MON, 14, 30)),  # during lunch
        (sh(MON, 19), 1, sh(MON + timedelta(days=1), 9, 30)),  # after closing
        (sh(MON, 11), 2, sh(MON, 14, 30)),  # across lunch
        (sh(MON + timedelta(days=5), 17), 2, sh(MON + timedelta(days=7), 9, 30)),  # Sat
        (sh(MON + timedelta(days=6), 10), 1, sh(MON + timedelta(days=7), 9, 30)),  # Sunday
        (sh(MON, 8, 30), 72, sh(MON + timedelta(days=9), 18)),  # 9 working days, one Sunday
        (sh(MON, 8, 30), 48, sh(MON + timedelta(days=5), 18)),  # a full week, Sat 18:00
    ],
    ids=["closing", "lunch-edge", "early", "lunch", "late", "across-lunch", "saturday",
         "sunday", "72h", "48h"],
)  # fmt: skip
def test_working_hours_deadlines(start: datetime, hours: float, due: datetime) -> None:
    assert deadline(start, hours, calendar=STANDARD_SH) == due


def test_deadline_skips_holidays_and_uses_makeup_days() -> None:
    # Request Friday Sep 27 at 10:00, 24 office hours: Fri 2 h, Sun (make-up) 8 h,
    # Mon Sep 30 8 h, then Oct 1-7 off, so the last 6 h run on Tue Oct 8 until 16:00.
    start = sh(date(2024, 9, 27), 10)
    assert deadline(start, 24, calendar=OFFICE) == sh(date(2024, 10, 8), 16)
    # Starting on a holiday waits for the next working day.
    assert deadline(sh(date(2024, 10, 3), 10), 1, calendar=OFFICE) == sh(date(2024, 10, 8), 10)
    # The make-up Saturday works Friday hours.
    assert deadline(sh(date(2024, 10, 12), 8), 2, calendar=OFFICE) == sh(date(2024, 10, 12), 11)


def test_zero_hours_is_due_at_once() -> None:
    start = sh(MON + timedelta(days=6), 3)  # Sunday night
    assert deadline(start, 0, calendar=STANDARD_SH) == start


def test_closed_pauses_push_the_deadline_later() -> None:
    pauses = [Interval(sh(MON, 9), sh(MON, 10))]
    assert deadline(sh(MON, 8), 3, calendar=None, pauses=pauses) == sh(MON, 12)
    assert deadline(sh(MON, 8, 30), 3, calendar=STANDARD_SH, pauses=pauses) == sh(MON, 14)


def test_pause_over_lunch_or_night_does_not_move_a_working_hours_deadline() -> None:
    pauses = [Interval(sh(MON, 12), sh(MON, 13, 30)), Interval(sh(MON, 18), sh(MON, 23))]
    plain = deadline(sh(MON, 10), 8, calendar=STANDARD_SH)
    assert deadline(sh(MON, 10), 8, calendar=STANDARD_SH, pauses=pauses) == plain


def test_open_pause_makes_the_deadline_unknown() -> None:
    pauses = [Interval(sh(MON, 9), None)]
    assert deadline(sh(MON, 8, 30), 8, calendar=STANDARD_SH, pauses=pauses) is None
    assert deadline(sh(MON, 8, 30), 8, calendar=None, pauses=pauses) is None
    before_start = [Interval(sh(MON, 7), None)]
    assert deadline(sh(MON, 8, 30), 8, calendar=STANDARD_SH, pauses=before_start) is None


def test_open_pause_after_the_clock_ran_out_keeps_the_deadline() -> None:
    pauses = [Interval(sh(MON, 9), sh(MON, 9, 30)), Interval(sh(MON, 15), None)]
    assert deadline(sh(MON, 8, 30), 2, calendar=STANDARD_SH, pauses=pauses) == sh(MON, 11)
    # Reached exactly when the open pause begins still counts as reached.
    # 08:30-09:00, 09:30-12:00 and 13:30-15:00 make 4.5 h.
    assert deadline(sh(MON, 8, 30), 4.5, calendar=STANDARD_SH, pauses=pauses) == sh(MON, 15)
    assert deadline(sh(MON, 8, 30), 4.6, calendar=STANDARD_SH, pauses=pauses) is None


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf"), MAX_HOURS + 1])
def test_unreasonable_budgets_are_refused(hours: float) -> None:
    with pytest.raises(ValidationError) as refused:
        deadline(sh(MON), hours, calendar=STANDARD_SH)
    assert refused.value.field == "hours"


def test_ten_year_budget_is_walked_period_by_period() -> None:
    due = deadline(sh(MON, 8, 30), MAX_HOURS, calendar=STANDARD_SH)
    assert due is not None and due.year > 2050


def test_wall_clock_deadline_across_dst_is_real_hours() -> None:
    spring = deadline(berlin(2024, 3, 30, 12), 24, calendar=None)
    assert spring == berlin(2024, 3, 31, 13)
    fall = deadline(berlin(2024, 10, 26, 12), 24, calendar=None)
    assert fall == berlin(2024, 10, 27, 11)


def test_working_hours_deadline_across_the_dst_weekend() -> None:
    due = deadline(berlin(2024, 3, 30, 17), 2, calendar=STANDARD_BERLIN)
    assert utc(due) == datetime(2024, 4, 1, 7, 30, tzinfo=UTC)  # Monday 09:30 CEST
    due = deadline(berlin(2024, 10, 26, 17), 2, calendar=STANDARD_BERLIN)
    assert utc(due) == datetime(2024, 10, 28, 8, 30, tzinfo=UTC)  # Monday 09:30 CET


def test_deadline_inside_the_repeated_fall_back_hour() -> None:
    # Sunday 01:00 CEST + 2 h of night shift = 02:00 CET, the second 02:00 of the night.
    due = deadline(berlin(2024, 10, 27, 0), 2, calendar=NIGHT_BERLIN)
    assert utc(due) == datetime(2024, 10, 27, 1, 0, tzinfo=UTC)
    assert due is not None and due.fold == 1


# --- clock_state -------------------------------------------------------------------------

# Response standard of 24 working hours from Monday 08:30: due Wednesday 18:00.
START = sh(MON, 8, 30)
DUE = sh(MON + timedelta(days=2), 18)
WED = MON + timedelta(days=2)
THU = MON + timedelta(days=3)


def state(now: datetime, **kwargs: Any) -> ClockState:
    kwargs.setdefault("calendar", STANDARD_SH)
    return clock_state(START, 24, now, **kwargs)


def test_ok_with_plenty_of_time_left() -> None:
    s = state(sh(MON, 10, 30))
    assert (s.status, s.deadline, s.elapsed_seconds, s.remaining_seconds) == (
        ClockStatus.OK, DUE, 2 * HOUR, 22 * HOUR
    )  # fmt: skip


def test_at_risk_in_the_last_quarter() -> None:
    s = state(sh(WED, 13, 30))  # 19.5 h elapsed, 4.5 h <= 6 h left
    assert s.status is ClockStatus.AT_RISK
    assert s.remaining_seconds == 4.5 * HOUR
    assert state(sh(WED, 10, 30)).status is ClockStatus.AT_RISK  # exactly 6 h left
    assert state(sh(WED, 10, 29)).status is ClockStatus.OK  # 6 h 1 min left


def test_at_the_deadline_and_after_closing_it_is_at_risk_not_overdue() -> None:
    for now in (DUE, sh(WED, 23)):
        s = state(now)
        assert (s.status, s.remaining_seconds) == (ClockStatus.AT_RISK, 0)


def test_overdue_once_working_time_passes_the_budget() -> None:
    s = state(sh(THU, 9))
    assert (s.status, s.remaining_seconds, s.deadline) == (ClockStatus.OVERDUE, -0.5 * HOUR, DUE)
    assert format_remaining(s.remaining_seconds) == "-00:30"


def test_paused_reports_remaining_and_no_deadline() -> None:
    s = state(sh(THU, 9), pauses=[Interval(sh(MON + timedelta(days=1), 8, 30), None)])
    assert s.status is ClockStatus.PAUSED
    assert s.deadline is None
    assert (s.elapsed_seconds, s.remaining_seconds) == (8 * HOUR, 16 * HOUR)


def test_paused_after_running_out_keeps_the_deadline() -> None:
    s = state(sh(THU + timedelta(days=1), 10), pauses=[Interval(sh(THU, 9), None)])
    assert (s.status, s.deadline, s.remaining_seconds) == (ClockStatus.PAUSED, DUE, -0.5 * HOUR)


def test_a_closed_pause_covering_now_is_paused_and_one_in_the_past_is_not() -> None:
    until_tomorrow = Interval(sh(MON, 10), sh(MON + timedelta(days=1), 10))
    s = state(sh(MON, 15), pauses=[until_tomorrow])
    assert (s.status, s.elapsed_seconds) == (ClockStatus.PAUSED, 1.5 * HOUR)
    assert s.deadline == sh(THU, 18)  # the 8 working hours paused are added back
    assert state(sh(MON + timedelta(days=1), 11), pauses=[until_tomorrow]).status is ClockStatus.OK
    # A pause is in force from its first instant and over at its last.
    assert state(sh(MON, 10), pauses=[until_tomorrow]).status is ClockStatus.PAUSED
    assert state(sh(MON + timedelta(days=1), 10), pauses=[until_tomorrow]).status is ClockStatus.OK


def test_met_and_missed_when_done() -> None:
    later = sh(THU + timedelta(days=5))
    met = state(later, done_at=sh(WED, 17))
    assert (met.status, met.remaining_seconds, met.deadline) == (ClockStatus.MET, HOUR, DUE)
    assert state(later, done_at=DUE).status is ClockStatus.MET
    assert state(later, done_at=sh(WED, 20)).status is ClockStatus.MET  # no work time passed
    missed = state(later, done_at=sh(THU, 8, 31))
    assert (missed.status, missed.remaining_seconds) == (ClockStatus.MISSED, -60)
    assert missed.elapsed_seconds == 24 * HOUR + 60


def test_done_ends_an_open_pause() -> None:
    pauses = [Interval(sh(WED, 9), None)]
    s = state(sh(THU + timedelta(days=5)), done_at=sh(THU, 12), pauses=pauses)
    assert s.status is ClockStatus.MET
    assert s.elapsed_seconds == 16.5 * HOUR  # Mon, Tue and Wed 08:30-09:00
    assert s.deadline == sh(THU + timedelta(days=1), 11, 30)


def test_now_before_start_is_ok_with_nothing_elapsed() -> None:
    s = state(sh(MON, 6))
    assert (s.status, s.elapsed_seconds, s.remaining_seconds) == (ClockStatus.OK, 0, 24 * HOUR)


def test_at_risk_fraction_is_configurable_and_checked() -> None:
    assert state(sh(WED, 13, 30), at_risk_fraction=0.1).status is ClockStatus.OK
    assert state(sh(MON, 9), at_risk_fraction=1).status is ClockStatus.AT_RISK
    assert state(DUE, at_risk_fraction=0).status is ClockStatus.AT_RISK
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValidationError):
            state(sh(MON, 9), at_risk_fraction=bad)


def test_wall_clock_state() -> None:
    s = clock_state(sh(MON, 10), 48, sh(MON + timedelta(days=2), 11), calendar=None)
    assert (s.status, s.remaining_seconds) == (ClockStatus.OVERDUE, -HOUR)
    assert s.deadline == sh(MON + timedelta(days=2), 10)


# --- format_remaining -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59, "00:00"),
        (60, "00:01"),
        (3 * HOUR + 15 * 60, "03:15"),
        (23 * HOUR + 59 * 60 + 59, "23:59"),
        (24 * HOUR, "1d 00:00"),
        (2 * 24 * HOUR + 3 * HOUR + 15 * 60, "2d 03:15"),
        (100 * 24 * HOUR, "100d 00:00"),
        (-0.001, "-00:01"),
        (-60, "-00:01"),
        (-(5 * HOUR + 20 * 60), "-05:20"),
        (-(2 * 24 * HOUR + HOUR), "-2d 01:00"),
    ],
)
def test_format_remaining(seconds: float, text: str) -> None:
    assert format_remaining(seconds) == text


def test_split_remaining_leaves_the_words_to_the_screen() -> None:
    assert split_remaining(35 * HOUR + 33 * 60 + 59) == ("", 1, "11:33")
    assert split_remaining(-(2 * 24 * HOUR + HOUR)) == ("-", 2, "01:00")
    assert split_remaining(-0.001) == ("-", 0, "00:01")
    with pytest.raises(ValueError):
        split_remaining(float("inf"))


def test_format_remaining_refuses_non_numbers() -> None:
    with pytest.raises(ValueError):
        format_remaining(float("nan"))


# --- properties ----------------------------------------------------------------------

CALENDARS = [None, STANDARD_SH, STANDARD_BERLIN, OFFICE, NIGHT_BERLIN]
ZONES = st.sampled_from([SHANGHAI, BERLIN, UTC])
# Spans both 2024 Berlin DST changes and China's National Day.
instants = st.datetimes(
    min_value=datetime(2024, 3, 20), max_value=datetime(2024, 11, 10), timezones=ZONES
)
budgets = st.floats(min_value=0, max_value=120, allow_nan=False)


@st.composite
def pause_lists(draw: st.DrawFn, around: datetime, allow_open: bool = True) -> list[Interval]:
    pauses = []
    for _ in range(draw(st.integers(0, 3))):
        # Arithmetic in UTC: aware + timedelta in Berlin moves the wall clock, not the instant.
        begin = utc(around) + timedelta(minutes=draw(st.integers(-2 * 24 * 60, 20 * 24 * 60)))
        if allow_open and draw(st.booleans()) and draw(st.booleans()):
            pauses.append(Interval(begin, None))
        else:
            pauses.append(Interval(begin, begin + timedelta(minutes=draw(st.integers(0, 4000)))))
    return pauses


def _earliest_open(pauses: list[Interval]) -> datetime | None:
    starts = [utc(p.start) for p in pauses if p.end is None]
    return min(starts) if starts else None


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(CALENDARS), instants, budgets, st.data())
def test_counted_time_to_the_deadline_is_the_budget(
    cal: WorkingCalendar | None, start: datetime, hours: float, data: st.DataObject
) -> None:
    pauses = data.draw(pause_lists(start))
    due = deadline(start, hours, calendar=cal, pauses=pauses)
    open_from = _earliest_open(pauses)
    if due is None:
        assert open_from is not None
        assert counted_seconds(start, open_from, calendar=cal, pauses=pauses) < hours * HOUR
        return
    # Reached no later than the open pause began (a zero budget is reached at the start).
    assert open_from is None or utc(due) <= max(open_from, utc(start))
    assert counted_seconds(start, due, calendar=cal, pauses=pauses) == pytest.approx(
        hours * HOUR, abs=1e-6
    )
    if utc(due) > utc(start):  # and it is the first such instant
        just_before = due - timedelta(microseconds=1)
        assert counted_seconds(start, just_before, calendar=cal, pauses=pauses) < counted_seconds(
            start, due, calendar=cal, pauses=pauses
        )


@settings(deadline=None, max_examples=200)
@given(st.sampled_from(CALENDARS), instants, budgets, budgets, st.data())
def test_more_hours_never_give_an_earlier_deadline(
    cal: WorkingCalendar | None, start: datetime, h1: float, h2: float, data: st.DataObject
) -> None:
    pauses = data.draw(pause_lists(start, allow_open=False))
    low, high = sorted((h1, h2))
    early = deadline(start, low, calendar=cal, pauses=pauses)
    late = deadline(start, high, calendar=cal, pauses=pauses)
    assert utc(early) <= utc(late)


@settings(deadline=None, max_examples=200)
@given(st.sampled_from(CALENDARS), instants, budgets, st.data())
def test_adding_a_pause_never_gives_an_earlier_deadline(
    cal: WorkingCalendar | None, start: datetime, hours: float, data: st.DataObject
) -> None:
    pauses = data.draw(pause_lists(start))
    extra = data.draw(pause_lists(start))
    before = deadline(start, hours, calendar=cal, pauses=pauses)
    after = deadline(start, hours, calendar=cal, pauses=pauses + extra)
    if before is None:
        assert after is None
    elif after is not None:
        assert utc(after) >= utc(before)


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(CALENDARS), instants, st.data())
def test_counted_time_is_additive(
    cal: WorkingCalendar | None, a: datetime, data: st.DataObject
) -> None:
    # a <= b <= c as instants (so stepped in UTC), each then shown in any zone.
    b = utc(a) + timedelta(
        minutes=data.draw(st.integers(0, 15 * 24 * 60)), seconds=data.draw(st.floats(0, 60))
    )
    c = b + timedelta(minutes=data.draw(st.integers(0, 15 * 24 * 60)))
    b, c = b.astimezone(data.draw(ZONES)), c.astimezone(data.draw(ZONES))
    pauses = data.draw(pause_lists(a))
    whole = counted_seconds(a, c, calendar=cal, pauses=pauses)
    parts = counted_seconds(a, b, calendar=cal, pauses=pauses) + counted_seconds(
        b, c, calendar=cal, pauses=pauses
    )
    assert whole == pytest.approx(parts, abs=1e-6)
    assert whole <= counted_seconds(a, c, calendar=None)


def _office_minute_works(local: datetime) -> bool:
    """Independent minute-level reading of the OFFICE calendar (Shanghai has no DST)."""
    day = local.date()
    if day in (date(2024, 9, 29),):
        weekday = 0
    elif day == date(2024, 10, 12):
        weekday = 4
    elif day in NATIONAL_DAY:
        return False
    else:
        weekday = day.weekday()
    minute = local.hour * 60 + local.minute
    if weekday <= 3:
        return 9 * 60 <= minute < 12 * 60 or 13 * 60 <= minute < 18 * 60
    if weekday == 4:
        return 9 * 60 <= minute < 12 * 60
    return False


@settings(deadline=None, max_examples=150)
@given(st.integers(0, 25 * 24 * 60), st.integers(0, 3 * 24 * 60))
def test_counted_time_matches_a_minute_by_minute_reading_of_the_calendar(
    offset: int, length: int
) -> None:
    start = sh(date(2024, 9, 20)) + timedelta(minutes=offset)
    end = start + timedelta(minutes=length)
    expected = sum(_office_minute_works(start + timedelta(minutes=m)) for m in range(length))
    assert counted_seconds(start, end, calendar=OFFICE) == expected * 60


weekly_periods = st.lists(st.integers(0, 24 * 60), min_size=2, max_size=6, unique=True).map(
    lambda minutes: tuple(
        (time(s // 60, s % 60), time(e // 60 % 24, e % 60))
        for s, e in zip(sorted(minutes)[::2], sorted(minutes)[1::2], strict=False)
    )
)


@settings(max_examples=100)
@given(
    st.sampled_from([SHANGHAI, BERLIN]),
    st.dictionaries(st.integers(0, 6), weekly_periods, min_size=1),
    st.frozensets(st.dates(date(2024, 1, 1), date(2026, 12, 31)), max_size=5),
)
def test_any_valid_calendar_round_trips_through_json(
    tz: ZoneInfo, weekly: dict[int, tuple[tuple[time, time], ...]], holidays: frozenset[date]
) -> None:
    makeup = {date(2027, 1, 2): min(weekly)}
    cal = WorkingCalendar(tz=tz, weekly=weekly, holidays=holidays, makeup_days=makeup)
    assert WorkingCalendar.from_dict(json.loads(json.dumps(cal.to_dict()))) == cal
