"""Correcting a saved ticket: what may change in which state, conflicts, history, deadlines."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from desk_app.domain import ticket_states
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.domain.errors import ConflictError, DeskError, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketView
from tests.conftest import FakeClock
from tests.services import factories

S = TicketStatus


def _edit(db: Database, actor: Actor, t: TicketView, **changes: object) -> tickets.TicketView:
    return tickets.edit_ticket(
        db,
        actor,
        t.id,
        dataclasses.replace(t.as_edit(), **changes),  # type: ignore[arg-type]
        expected_version=t.version,
    )


def _edits(t: TicketView) -> list[tickets.EventView]:
    return [e for e in t.events if e.action == "edit"]


def test_edit_corrects_the_intake_facts_and_records_before_and_after(
    db: Database, clerk: Actor, manager: Actor, clock: FakeClock
) -> None:
    t = factories.ticket(db, clerk, fault="空调不制冷")
    clock.advance(minutes=5)
    start = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    edited = _edit(
        db,
        clerk,
        t,
        fault_description="空调不制冷，外机不转，有异响",
        contact_phone="139 0000 1111",
        address="北京市朝阳区建国路99号",
        preferred_start=start,
        preferred_end=start + timedelta(hours=3),
        notes="下午在家",
    )
    assert edited.fault_description == "空调不制冷，外机不转，有异响"
    assert edited.contact_phone == "139 0000 1111"  # kept as typed, as at intake
    assert edited.address == "北京市朝阳区建国路99号"
    assert edited.preferred_start == start
    assert edited.preferred_end == start + timedelta(hours=3)
    assert edited.notes == "下午在家"
    assert edited.version == t.version + 1
    [event] = _edits(edited)
    assert event.user == "李客服" and event.at == clock.now
    assert event.to_status is S.NEW
    assert event.data is not None
    changes = event.data["changes"]
    assert changes["fault_description"] == {
        "from": "空调不制冷",
        "to": "空调不制冷，外机不转，有异响",
    }
    assert changes["contact_phone"]["to"] == "139 0000 1111"
    assert set(changes) == {
        "fault_description",
        "contact_phone",
        "address",
        "preferred_start",
        "preferred_end",
        "notes",
    }
    [entry] = [a for a in audit.history(db, manager, "ticket", t.id) if a.action == "ticket.edit"]
    assert entry.details is not None
    assert entry.details["changes"]["address"] == {
        "from": "北京市朝阳区建国路88号3栋501室",
        "to": "北京市朝阳区建国路99号",
    }


def test_saving_what_is_there_writes_nothing(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    same = _edit(db, clerk, t)
    assert same.version == t.version
    assert _edits(same) == []


def test_a_stale_edit_is_a_conflict_naming_who_and_when(
    db: Database, clerk: Actor, dispatcher: Actor, clock: FakeClock
) -> None:
    t = factories.ticket(db, clerk, fault="洗衣机漏水")
    clock.advance(minutes=3)
    _edit(db, dispatcher, t, notes="客户说周末在家")
    with pytest.raises(ConflictError) as info:
        _edit(db, clerk, t, fault_description="洗衣机漏水，排水管破")
    assert info.value.who == "赵派工"
    assert info.value.when == clock.now
    assert info.value.code == "record.changed_meanwhile"
    now = tickets.get_ticket(db, clerk, t.id)
    assert now.fault_description == "洗衣机漏水"  # nothing written
    assert len(_edits(now)) == 1


def test_new_urgency_takes_its_standard_and_recomputes_deadlines(
    db: Database, clerk: Actor, clock: FakeClock
) -> None:
    t = factories.ticket(db, clerk)
    received = t.received_at
    clock.advance(hours=1)
    urgent = _edit(db, clerk, t, urgency=Urgency.URGENT)
    assert urgent.urgency is Urgency.URGENT
    # Counted from when the request came in, not from the edit.
    assert urgent.respond_due == received + timedelta(hours=4)
    assert urgent.visit_due == received + timedelta(hours=24)
    assert urgent.repair_due == received + timedelta(hours=48)
    [event] = _edits(urgent)
    assert event.data is not None
    assert event.data["changes"]["urgency"] == {"from": "normal", "to": "urgent"}


def test_kind_changes_only_while_new(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = factories.ticket(db, clerk)
    t = _edit(db, clerk, t, kind=TicketKind.MAINTENANCE)
    assert t.kind is TicketKind.MAINTENANCE
    dispatch.assign(db, dispatcher, t.id, factories.technician(db, manager))
    t = tickets.get_ticket(db, clerk, t.id)
    assert t.status is S.DISPATCHED
    with pytest.raises(ValidationError) as refused:
        _edit(db, clerk, t, kind=TicketKind.REPAIR)
    assert (refused.value.field, refused.value.code) == ("kind", "ticket.field_locked")
    assert render(refused.value, language="zh_CN") == "工单已到这一步，此项不能再修改。"
    # What the visit is about may still be corrected.
    t = _edit(db, clerk, t, urgency=Urgency.CRITICAL, fault_description="保养时发现漏水")
    assert t.urgency is Urgency.CRITICAL and t.kind is TicketKind.MAINTENANCE


def test_after_completion_only_contact_and_notes_change(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    t = factories.completed_ticket(db, clerk, dispatcher, manager)
    for field, value in (
        ("fault_description", "别的故障"),
        ("urgency", Urgency.URGENT),
        ("preferred_start", None if t.preferred_start else datetime(2026, 12, 1, tzinfo=UTC)),
    ):
        with pytest.raises(ValidationError) as refused:
            _edit(db, clerk, t, **{field: value})
        assert refused.value.field == field
    t = _edit(db, clerk, t, contact_phone="13700002222", notes="回访请打这个号")
    assert t.contact_phone == "13700002222"


def test_closed_or_cancelled_ticket_is_not_edited(
    db: Database, clerk: Actor, dispatcher: Actor
) -> None:
    t = factories.ticket(db, clerk)
    t = tickets.cancel(db, clerk, t.id, "客户自己修好了")
    with pytest.raises(DeskError) as refused:
        _edit(db, clerk, t, notes="补充")
    assert refused.value.code == "ticket.final_no_edits"
    assert render(refused.value, language="zh_CN") == "已关闭或已取消的工单不能再修改。"
    assert render(refused.value) == "A closed or cancelled ticket can no longer be changed."
    assert tickets.get_ticket(db, clerk, t.id).notes is None


def test_appliance_chosen_later_sets_warranty_and_charge(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id, warranty_end=date(2027, 6, 1))
    t = factories.ticket(db, clerk, c.id)
    assert t.warranty is WarrantyStatus.UNKNOWN and t.chargeable
    t = _edit(db, clerk, t, appliance_id=a.id)
    assert t.appliance_id == a.id
    assert t.warranty is WarrantyStatus.IN and not t.chargeable
    [event] = _edits(t)
    assert event.data is not None
    assert event.data["changes"]["warranty"] == {"from": "unknown", "to": "in"}
    assert event.data["changes"]["chargeable"] == {"from": True, "to": False}
    t = _edit(db, clerk, t, misuse=True)
    assert t.chargeable

    other = factories.customer(db, clerk, name="李四", phone="139 8888 7777")
    theirs = factories.appliance(db, clerk, other.id)
    with pytest.raises(ValidationError) as refused:
        _edit(db, clerk, t, appliance_id=theirs.id)
    assert refused.value.code == "ticket.appliance_not_customers"


def test_bad_edit_is_refused_like_intake(db: Database, clerk: Actor, parts_clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as refused:
        _edit(db, clerk, t, fault_description="   ")
    assert (refused.value.field, refused.value.code) == ("fault_description", "field.required")
    late = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        _edit(db, clerk, t, preferred_start=late, preferred_end=late)
    assert refused.value.code == "ticket.window_reversed"
    with pytest.raises(PermissionDenied):
        _edit(db, parts_clerk, t, notes="x")


def test_the_rules_cover_every_status() -> None:
    assert ticket_states.editable_fields(S.NEW) == frozenset(ticket_states.EDITABLE_IN)
    assert "kind" not in ticket_states.editable_fields(S.DISPATCHED)
    assert ticket_states.editable_fields(S.COMPLETED) == {
        "contact_phone",
        "address",
        "area",
        "notes",
    }
    assert ticket_states.editable_fields(S.CLOSED) == frozenset()
    assert ticket_states.editable_fields(S.CANCELLED) == frozenset()


@pytest.mark.parametrize("field, value", [("kind", "teleport"), ("urgency", 7)])
def test_a_kind_or_urgency_outside_its_set_is_refused_and_writes_nothing(
    db: Database, clerk: Actor, field: str, value: object
) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as refused:
        _edit(db, clerk, t, **{field: value})
    assert (refused.value.field, refused.value.code) == (field, "field.not_a_choice")
    assert tickets.get_ticket(db, clerk, t.id).version == t.version
