"""Un-assigning (a card dropped back on the queue): the ticket leaves its technician with
a reason, its visit is cancelled, and event and audit say who had it and why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog
from desk_app.domain.enums import TicketStatus
from desk_app.domain.errors import ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from tests.services import factories

S = TicketStatus
NINE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 09:00 in Shanghai


def _tech(db: Database, manager: Actor, name: str = "孙师傅") -> int:
    return dispatch.create_technician(db, manager, TechnicianDraft(name)).id


def test_an_appointed_ticket_goes_back_to_the_queue_with_the_reason(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = _tech(db, manager)
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, tech, starts=NINE, ends=NINE + timedelta(hours=1))
    booked = dispatch.confirm_appointment(db, dispatcher, t.id, NINE, NINE + timedelta(hours=1))
    assert booked.status is S.APPOINTED
    view = dispatch.unassign(db, dispatcher, t.id, "  师傅请假  ", expected_version=booked.version)
    assert view.status is S.NEW and view.technician_id is None
    assert view.appointment_start is None and view.appointment_end is None
    event = view.events[-1]
    assert (event.action, event.from_status, event.to_status, event.reason) == (
        "unassign",
        S.APPOINTED,
        S.NEW,
        "师傅请假",
    )
    visits = dispatch.technician_appointments(db, dispatcher, tech, NINE, NINE + timedelta(1))
    assert [(a.state, a.reason) for a in visits] == [("cancelled", "师傅请假")]
    audit = db.read(
        lambda s: s.scalars(select(AuditLog).where(AuditLog.action == "ticket.unassign")).one()
    )
    assert audit.user_id == dispatcher.user_id and audit.entity_id == str(t.id)
    assert audit.details is not None
    assert audit.details["reason"] == "师傅请假" and audit.details["previous"] == tech
    assert audit.details["starts"] == NINE.isoformat()
    # The time is free again: another ticket books it without an override.
    other = factories.ticket(db, clerk)
    again = dispatch.assign(
        db, dispatcher, other.id, tech, starts=NINE, ends=NINE + timedelta(hours=1)
    )
    assert again.appointment_start == NINE
    # And the ticket itself can be dispatched again.
    assert (
        dispatch.assign(db, dispatcher, t.id, _tech(db, manager, "周师傅")).status is S.DISPATCHED
    )


def test_unassigning_needs_a_reason_an_assigned_ticket_and_one_not_in_service(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = _tech(db, manager)
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as info:
        dispatch.unassign(db, dispatcher, t.id, " ")
    assert (info.value.field, info.value.code) == ("reason", "field.reason_required")
    with pytest.raises(ValidationError) as info:
        dispatch.unassign(db, dispatcher, t.id, "派错了")
    assert (info.value.field, info.value.code) == ("technician", "dispatch.not_assigned")
    assert render(info.value, language="zh_CN") == "该工单尚未派给技师。"
    dispatch.assign(db, dispatcher, t.id, tech, starts=NINE, ends=NINE + timedelta(hours=1))
    tickets.change_status(db, dispatcher, t.id, S.IN_SERVICE)
    with pytest.raises(ValidationError) as info:
        dispatch.unassign(db, dispatcher, t.id, "派错了")
    assert info.value.code == "dispatch.not_unassignable"
    assert render(info.value, language="zh_CN") == "只有尚未开始服务的工单才能退回待派队列。"
    view = tickets.get_ticket(db, dispatcher, t.id)
    assert view.status is S.IN_SERVICE and view.technician_id == tech


def test_a_clerk_cannot_unassign(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    from desk_app.domain.errors import PermissionDenied

    tech = _tech(db, manager)
    t = factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, t.id, tech)
    with pytest.raises(PermissionDenied):
        dispatch.unassign(db, clerk, t.id, "派错了")
    assert tickets.get_ticket(db, clerk, t.id).technician_id == tech
