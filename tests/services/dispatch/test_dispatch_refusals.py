"""What dispatching refuses with: codes with typed values (the visit's times as aware
datetimes, the limits as numbers), and how a Chinese dispatcher reads them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain.errors import DoubleBooking, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from tests.services import factories

NINE = datetime(2026, 11, 24, 1, 5, tzinfo=UTC)  # 09:05 in Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _tech(db: Database, manager: Actor) -> int:
    factories.service_areas(db, manager, "朝阳区")
    return dispatch.create_technician(
        db, manager, TechnicianDraft("孙师傅", skills=("repair",), areas=("朝阳区",))
    ).id


def test_a_double_booking_names_the_other_visit_in_the_shop_time(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = _tech(db, manager)
    first, second = factories.ticket(db, clerk), factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, first.id, tech, starts=NINE, ends=NINE + timedelta(hours=2))
    with pytest.raises(DoubleBooking) as info:
        dispatch.assign(
            db, dispatcher, second.id, tech, starts=NINE, ends=NINE + timedelta(hours=1)
        )
    error = info.value
    assert error.code == "dispatch.double_booking"
    assert error.values == {
        "technician": "孙师傅",
        "other_ticket": first.number,
        "starts": NINE,
        "ends": NINE + timedelta(hours=2),
    }
    assert render(error, language="zh_CN", tz=SHANGHAI) == (
        f"孙师傅 在 2026-11-24 09:05–11:05 已约了 {first.number}。"
    )


def test_visit_windows_and_technician_hours_are_refused_with_codes(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = _tech(db, manager)
    t = factories.ticket(db, clerk)
    refusals = [
        (lambda: dispatch.assign(db, dispatcher, t.id, tech, starts=NINE), "visit_half_given"),
        (
            lambda: dispatch.assign(db, dispatcher, t.id, tech, starts=NINE, ends=NINE),
            "visit_ends_before_start",
        ),
        (
            lambda: dispatch.assign(
                db, dispatcher, t.id, tech, starts=NINE, ends=NINE + timedelta(hours=13)
            ),
            "visit_too_long",
        ),
        (
            lambda: dispatch.assign(
                db,
                dispatcher,
                t.id,
                tech,
                starts=NINE.replace(tzinfo=None),
                ends=NINE.replace(tzinfo=None) + timedelta(hours=1),
            ),
            "appointment_needs_zone",
        ),
    ]
    for call, code in refusals:
        with pytest.raises(ValidationError) as info:
            call()
        assert (info.value.field, info.value.code) == ("appointment", f"dispatch.{code}")
    with pytest.raises(ValidationError) as info:
        dispatch.assign(db, dispatcher, t.id, tech, starts=NINE, ends=NINE + timedelta(hours=13))
    assert info.value.values == {"hours": 12}
    assert render(info.value, language="zh_CN") == "一次上门最长 12 小时。"
    with pytest.raises(ValidationError) as info:
        dispatch.create_technician(
            db, manager, TechnicianDraft("周师傅", work_start=time(18), work_end=time(8, 30))
        )
    assert (info.value.field, info.value.code) == ("work_end", "dispatch.work_hours_reversed")
    assert render(info.value, language="zh_CN") == "下班时间早于上班时间。"
    with pytest.raises(ValidationError) as info:
        dispatch.create_technician(db, manager, TechnicianDraft("周师傅", daily_capacity=51))
    assert (info.value.code, info.value.values) == ("dispatch.capacity_range", {"limit": 50})
