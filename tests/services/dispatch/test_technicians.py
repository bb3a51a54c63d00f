"""A manager keeps the technicians and the service areas: create, edit, link to a user,
retire; areas renamed into every technician's list; refusals; every change audited."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog, ChangeLog
from desk_app.domain.enums import Role
from desk_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import areas, technicians
from desk_app.services.dispatch.technicians import TechnicianDraft
from tests.conftest import FakeClock, make_actor
from tests.services import factories


def _actions(db: Database, entity: str, entity_id: int) -> list[str]:
    return db.read(
        lambda s: list(
            s.scalars(
                select(AuditLog.action)
                .where(AuditLog.entity == entity, AuditLog.entity_id == str(entity_id))
                .order_by(AuditLog.id)
            )
        )
    )


def test_a_technician_covers_only_known_areas_and_skills(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as area:
        technicians.create_technician(db, manager, TechnicianDraft("孙师傅", areas=("朝阳区",)))
    assert (area.value.field, area.value.code, area.value.values) == (
        "areas",
        "dispatch.unknown_area",
        {"area": "朝阳区"},
    )
    factories.service_areas(db, manager, "朝阳区")
    with pytest.raises(ValidationError) as skill:
        technicians.create_technician(db, manager, TechnicianDraft("孙师傅", skills=("飞机",)))
    assert (skill.value.field, skill.value.code) == ("skills", "dispatch.unknown_skill")
    assert render(skill.value, language="zh_CN") == "飞机 既不是工单类型，也不是已知的产品类别。"
    sun = technicians.create_technician(
        db,
        manager,
        TechnicianDraft("孙师傅", "139 0000 1111", ("repair", "空调", "空调"), (" 朝阳区 ",)),
    )
    assert (sun.skills, sun.areas, sun.active, sun.version) == (
        ("repair", "空调"),
        ("朝阳区",),
        True,
        1,
    )
    assert _actions(db, "technician", sun.id) == ["technician.create"]


def test_a_category_an_appliance_has_is_a_skill(db: Database, manager: Actor, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    from desk_app.services.customers import customers

    customers.add_appliance(db, clerk, c.id, customers.ApplianceDraft("扫地机", "X10"))
    choices = technicians.skill_choices(db, manager)
    assert choices[:6] == [
        "repair",
        "installation",
        "maintenance",
        "consultation",
        "return_exchange",
        "return_to_factory",
    ]
    assert "空调" in choices and choices[-1] == "扫地机"
    technicians.create_technician(db, manager, TechnicianDraft("周师傅", skills=("扫地机",)))


def test_edit_with_version_link_to_a_user_and_retire(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    factories.service_areas(db, manager, "朝阳区", "海淀区")
    sun = technicians.create_technician(db, manager, TechnicianDraft("孙师傅", areas=("朝阳区",)))
    login = make_actor(db, manager, "sun", Role.TECHNICIAN, "孙师傅")
    draft = TechnicianDraft(
        "孙师傅",
        "13900001111",
        ("installation",),
        ("朝阳区", "海淀区"),
        time(9),
        time(17, 30),
        8,
        2,
        user_id=login.user_id,
    )
    edited = technicians.update_technician(db, manager, sun.id, draft, expected_version=sun.version)
    assert edited.version == sun.version + 1
    assert (edited.username, edited.daily_capacity, edited.work_end) == ("sun", 8, time(17, 30))
    assert edited.as_draft() == draft
    # a second technician cannot sign in as the same user
    zhou = technicians.create_technician(db, manager, TechnicianDraft("周师傅"))
    with pytest.raises(ValidationError) as linked:
        technicians.update_technician(
            db, manager, zhou.id, TechnicianDraft("周师傅", user_id=login.user_id)
        )
    assert (linked.value.code, linked.value.values) == (
        "dispatch.user_already_linked",
        {"technician": "孙师傅"},
    )
    with pytest.raises(NotFound):
        technicians.update_technician(db, manager, zhou.id, TechnicianDraft("周师傅", user_id=99))
    # a form loaded before the edit: who and when
    clock.advance(minutes=2)
    with pytest.raises(ConflictError) as stale:
        technicians.update_technician(
            db, manager, sun.id, TechnicianDraft("孙大师傅"), expected_version=sun.version
        )
    assert stale.value.who == "王经理"
    assert "孙大师傅" not in {t.name for t in technicians.list_technicians(db, manager)}
    # retired: off the board's list, still in the staff screen's
    technicians.set_technician_active(db, manager, sun.id, False, expected_version=edited.version)
    assert [t.name for t in technicians.list_technicians(db, manager)] == ["周师傅"]
    everyone = technicians.list_technicians(db, manager, active_only=False)
    assert {(t.name, t.active) for t in everyone} == {("周师傅", True), ("孙师傅", False)}
    assert _actions(db, "technician", sun.id) == [
        "technician.create",
        "technician.update",
        "technician.active",
    ]


def test_an_area_retired_since_stays_on_the_technician_when_edited(
    db: Database, manager: Actor
) -> None:
    factories.service_areas(db, manager, "朝阳区", "海淀区")
    sun = technicians.create_technician(db, manager, TechnicianDraft("孙师傅", areas=("朝阳区",)))
    chaoyang = next(a for a in areas.list_areas(db, manager) if a.name == "朝阳区")
    areas.set_area_active(db, manager, chaoyang.id, False)
    kept = technicians.update_technician(
        db, manager, sun.id, TechnicianDraft("孙师傅", "13900001111", areas=("朝阳区",))
    )
    assert kept.areas == ("朝阳区",)
    with pytest.raises(ValidationError):  # but nobody new gets it
        technicians.create_technician(db, manager, TechnicianDraft("周师傅", areas=("朝阳区",)))


def test_only_a_manager_keeps_technicians_and_areas(
    db: Database, manager: Actor, dispatcher: Actor
) -> None:
    factories.service_areas(db, manager, "朝阳区")
    sun = technicians.create_technician(db, manager, TechnicianDraft("孙师傅"))
    for attempt in (
        lambda: technicians.create_technician(db, dispatcher, TechnicianDraft("周师傅")),
        lambda: technicians.update_technician(db, dispatcher, sun.id, TechnicianDraft("x")),
        lambda: technicians.set_technician_active(db, dispatcher, sun.id, False),
        lambda: areas.create_area(db, dispatcher, "海淀区"),
        lambda: areas.rename_area(db, dispatcher, 1, "海淀区"),
        lambda: areas.set_area_active(db, dispatcher, 1, False),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    # the dispatcher reads both, for the board
    assert [a.name for a in areas.list_areas(db, dispatcher)] == ["朝阳区"]
    assert [t.name for t in technicians.list_technicians(db, dispatcher)] == ["孙师傅"]


def test_areas_are_unique_renamed_everywhere_and_retired(
    db: Database, manager: Actor, clock: FakeClock
) -> None:
    chaoyang = areas.create_area(db, manager, " 朝阳区 ", "东三环以东")
    areas.create_area(db, manager, "海淀区")
    with pytest.raises(ValidationError) as dup:
        areas.create_area(db, manager, "朝阳区")
    assert (dup.value.field, dup.value.code) == ("name", "area.name_taken")
    assert render(dup.value, language="zh_CN") == "服务区域 朝阳区 已存在。"
    with pytest.raises(ValidationError) as empty:
        areas.create_area(db, manager, "  ")
    assert empty.value.code == "field.required"
    sun = technicians.create_technician(
        db, manager, TechnicianDraft("孙师傅", areas=("朝阳区", "海淀区"))
    )
    zhou = technicians.create_technician(db, manager, TechnicianDraft("周师傅", areas=("海淀区",)))
    with pytest.raises(ValidationError):
        areas.rename_area(db, manager, chaoyang.id, "海淀区", expected_version=chaoyang.version)
    renamed = areas.rename_area(
        db, manager, chaoyang.id, "朝阳片区", note="东三环以东", expected_version=chaoyang.version
    )
    assert (renamed.name, renamed.version) == ("朝阳片区", chaoyang.version + 1)
    listed = {t.name: t.areas for t in technicians.list_technicians(db, manager)}
    assert listed == {"孙师傅": ("朝阳片区", "海淀区"), "周师傅": ("海淀区",)}
    with pytest.raises(ConflictError) as stale:
        areas.rename_area(db, manager, chaoyang.id, "朝阳", expected_version=chaoyang.version)
    assert stale.value.who == "王经理"
    # the technician's version moved with the rename: a form open on it is stale now
    with pytest.raises(ConflictError):
        technicians.update_technician(
            db, manager, sun.id, TechnicianDraft("孙师傅"), expected_version=sun.version
        )
    versions = {t.name: t.version for t in technicians.list_technicians(db, manager)}
    assert versions["周师傅"] == zhou.version  # not covering it: untouched
    areas.set_area_active(db, manager, chaoyang.id, False)
    assert [a.name for a in areas.list_areas(db, manager, active_only=True)] == ["海淀区"]
    assert {(a.name, a.active) for a in areas.list_areas(db, manager)} == {
        ("朝阳片区", False),
        ("海淀区", True),
    }
    assert _actions(db, "service_area", chaoyang.id) == [
        "service_area.create",
        "service_area.rename",
        "service_area.active",
    ]
    # the rename told the technician's screens too (a change-log row for the technician)
    told = db.read(
        lambda s: list(
            s.scalars(
                select(ChangeLog.entity_id).where(
                    ChangeLog.entity == "technician", ChangeLog.action == "service_area.rename"
                )
            )
        )
    )
    assert told == [sun.id]
