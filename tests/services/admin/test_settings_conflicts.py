"""Two managers saving the same settings tab: the second save is refused, not last write wins."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.enums import Role, Severity, TicketKind, Urgency
from desk_app.domain.errors import ConflictError
from desk_app.messages import render
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Section, Standard, Version
from desk_app.services.core.database import Actor, Database
from tests.conftest import FakeClock, make_actor

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def other_desk(db_url: str, clock: FakeClock) -> Iterator[Database]:
    """A second desk: its own Database (engine, pool) on the same shop database."""
    database = Database(db_url, clock=clock)
    yield database
    database.dispose()


@pytest.fixture
def second_manager(db: Database, manager: Actor) -> Actor:
    return make_actor(db, manager, "boss2", Role.MANAGER, "陈经理")


def test_the_second_save_of_a_tab_is_refused_naming_the_first_manager_and_time(
    db: Database, other_desk: Database, manager: Actor, second_manager: Actor, clock: FakeClock
) -> None:
    mine = settings.version(db, Section.CALENDAR)
    theirs = settings.version(other_desk, Section.CALENDAR)
    assert mine == theirs == Version()
    clock.now = datetime(2026, 11, 23, 6, 5, tzinfo=UTC)  # 14:05 in Shanghai
    cal = WorkingCalendar.standard(SHANGHAI)
    saved = settings.set_calendar(other_desk, second_manager, cal, expected=theirs)
    assert saved == theirs.next() and saved.number == 1

    with pytest.raises(ConflictError) as caught:
        settings.set_calendar(db, manager, cal, expected=mine)
    error = caught.value
    assert error.code == "record.changed_meanwhile"
    assert error.who == "陈经理"
    assert error.when is not None
    assert error.when.replace(tzinfo=error.when.tzinfo or UTC) == clock.now
    assert error.current["version"].number == 1
    assert error.current["section"] == "calendar"
    assert error.current["values"] == cal  # what is stored now, for the screen
    text = render(error, language="zh_CN", tz=SHANGHAI)
    assert "陈经理" in text and "2026-11-23 14:05" in text
    assert "14:05" in render(error, tz=SHANGHAI)
    # nothing written by the refused save; the version still names the first manager
    now = settings.version(db, Section.CALENDAR)
    assert (now.number, now.saved_by) == (1, "陈经理")


def test_saving_over_theirs_with_their_version_goes_through(
    db: Database, other_desk: Database, manager: Actor, second_manager: Actor
) -> None:
    first = settings.version(db, Section.DESK)
    settings.set_desk_defaults(
        other_desk, second_manager, area_code="755", charge_standard={"zh_CN": "他们的"}
    )
    with pytest.raises(ConflictError) as caught:
        settings.set_desk_defaults(
            db, manager, area_code="010", charge_standard={"zh_CN": "我的"}, expected=first
        )
    assert settings.get_default_area_code(db) == "0755"
    theirs = caught.value.current["version"]
    area, texts = settings.set_desk_defaults(
        db, manager, area_code="010", charge_standard={"zh_CN": "我的"}, expected=theirs
    )
    assert (area, texts["zh_CN"]) == ("010", "我的")
    assert settings.version(other_desk, Section.DESK).saved_by == manager.display_name


@pytest.mark.parametrize("section", list(Section))
def test_every_tab_refuses_a_save_over_a_newer_one(
    db: Database,
    other_desk: Database,
    manager: Actor,
    second_manager: Actor,
    section: Section,
) -> None:
    cal = WorkingCalendar.standard(SHANGHAI)
    std = {(TicketKind.REPAIR, Urgency.NORMAL): Standard(10, 20, 30)}
    comp = {Severity.LOW: (5.0, 50.0)}

    def save(d: Database, actor: Actor, expected: Version) -> object:
        if section is Section.COMPANY:
            return settings.set_company_header(d, actor, name="某某售后", expected=expected)
        if section is Section.DESK:
            return settings.set_desk_defaults(
                d, actor, area_code=None, charge_standard={"zh_CN": "收费"}, expected=expected
            )
        if section is Section.CALENDAR:
            return settings.set_calendar(d, actor, cal, expected=expected)
        if section is Section.STANDARDS:
            return settings.set_standards(d, actor, std, expected=expected)
        if section is Section.SIGN_IN:
            policy = settings.SignInPolicy(max_failures=3)
            return settings.set_sign_in_policy(d, actor, policy, expected=expected)
        if section is Section.PRINTING:
            return settings.set_print_languages(d, actor, {"requisition": "en"}, expected=expected)
        return settings.set_complaint_standards(d, actor, comp, expected=expected)

    loaded = settings.version(db, section)
    save(other_desk, second_manager, settings.version(other_desk, section))
    with pytest.raises(ConflictError) as caught:
        save(db, manager, loaded)
    assert caught.value.who == "陈经理"
    # the same desk saving twice in a row, each time with the version it holds, is fine
    held = settings.version(db, section)
    save(db, manager, held)
    save(db, manager, held.next())
    assert settings.version(db, section).number == 3


def test_a_save_without_a_version_still_counts(db: Database, manager: Actor) -> None:
    """Scripts and the CLI pass no version; a tab that loaded before them is refused."""
    loaded = settings.version(db, Section.COMPANY)
    settings.set_company_header(db, manager, name="脚本写的")
    with pytest.raises(ConflictError):
        settings.set_company_header(db, manager, name="我的", expected=loaded)
    assert settings.get_company_header(db).name == "脚本写的"


def test_two_desks_saving_at_the_same_moment_one_wins_the_other_is_refused(
    db: Database, other_desk: Database, manager: Actor, second_manager: Actor
) -> None:
    """Both hold the same version and press Save together: the table lock (PostgreSQL)
    or the write lock taken up front (SQLite) lets exactly one through, many rounds."""
    import threading

    cal = WorkingCalendar.standard(SHANGHAI)
    for _round in range(8):
        held = settings.version(db, Section.CALENDAR)
        gate = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def save(
            d: Database,
            actor: Actor,
            who: str,
            gate: threading.Barrier = gate,
            held: Version = held,
            outcome: dict[str, str] = outcome,
        ) -> None:
            gate.wait()
            try:
                settings.set_calendar(d, actor, cal, expected=held)
                outcome[who] = "saved"
            except ConflictError as error:
                outcome[who] = f"refused by {error.who}"

        threads = [
            threading.Thread(target=save, args=(db, manager, manager.display_name)),
            threading.Thread(target=save, args=(other_desk, second_manager, "陈经理")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(outcome.values())[-1] == "saved", outcome
        winner = next(w for w, o in outcome.items() if o == "saved")
        loser = next(w for w in outcome if w != winner)
        assert outcome[loser] == f"refused by {winner}"
        assert settings.version(db, Section.CALENDAR) == held.next()
