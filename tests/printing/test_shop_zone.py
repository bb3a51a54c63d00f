"""Paper shows the shop's time, whatever the clock zone of the PC that prints."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain.enums import Role
from desk_app.printing import CompanyHeader, render_pdf
from desk_app.printing.formatting import fmt_datetime
from desk_app.services.admin import settings, users
from desk_app.services.core.database import Database
from tests.printing import print_samples
from tests.printing.pdf_tools import page_texts


@pytest.fixture(params=["UTC", "America/New_York"])
def pc_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def _minutes_around_now(zone: str) -> set[str]:
    now = datetime.now(ZoneInfo(zone))
    return {f"{now + timedelta(minutes=d):%Y-%m-%d %H:%M}" for d in (-1, 0, 1)}


def test_printed_at_stamp_is_in_the_shops_zone(pc_zone: str) -> None:
    header = CompanyHeader(name="蓝天售后", timezone="Asia/Shanghai")
    text = page_texts(render_pdf(print_samples.work_order(), header))[0]
    assert any(stamp in text for stamp in _minutes_around_now("Asia/Shanghai"))
    assert not any(stamp in text for stamp in _minutes_around_now(pc_zone))


def test_an_aware_time_is_refused_rather_than_printed_in_some_zone() -> None:
    with pytest.raises(TypeError, match="shop's wall-clock time"):
        fmt_datetime(datetime(2026, 12, 3, 2, 0, tzinfo=UTC))
    assert fmt_datetime(datetime(2026, 12, 3, 10, 0)) == "2026-12-03 10:00"


def test_the_letterhead_carries_the_shops_zone(db: Database) -> None:
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    boss = users.authenticate(db, "boss", "secret-1")
    assert settings.get_company_header(db).timezone == "Asia/Shanghai"
    settings.set_timezone(db, boss, "Asia/Urumqi")
    assert settings.get_company_header(db).timezone == "Asia/Urumqi"
    settings.set_company_header(db, boss, name="蓝天售后")
    assert settings.get_company_header(db).timezone == "Asia/Urumqi"
