"""Handing a complaint to another handler: who may take it, the history's step, the
version check, and the refusals (read in Chinese too)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog
from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import Channel, ComplaintCategory, ComplaintStatus, Role, Severity
from desk_app.domain.errors import (
    ConflictError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.messages import render
from desk_app.services.admin import users
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaint_views import ComplaintFilter, ComplaintView
from desk_app.services.care.complaints import ComplaintDraft, HandlerView
from desk_app.services.core.database import Actor, Database
from tests.conftest import make_actor
from tests.services import factories


def _open(db: Database, clerk: Actor) -> ComplaintView:
    customer = factories.customer(db, clerk)
    draft = ComplaintDraft(
        customer.id,
        Channel.PHONE,
        ComplaintCategory.ATTITUDE,
        Severity.HIGH,
        "师傅态度不好",
    )
    return complaints.open_complaint(db, clerk, draft)


def test_handlers_are_the_active_users_who_handle_complaints(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    make_actor(db, manager, "tech1", Role.TECHNICIAN, "吴师傅")
    gone = make_actor(db, manager, "clerk2", Role.CLERK, "赵客服")
    users.set_active(db, manager, gone.user_id, False)
    found = complaints.handlers(db, clerk)
    assert all(isinstance(h, HandlerView) for h in found)
    assert {h.name for h in found} == {"李客服", "王经理"}
    tech = make_actor(db, manager, "tech2", Role.TECHNICIAN, "刘师傅")
    with pytest.raises(PermissionDenied):
        complaints.handlers(db, tech)


def test_a_complaint_is_handed_over_with_a_note(db: Database, manager: Actor, clerk: Actor) -> None:
    c = _open(db, clerk)
    assert c.assigned_to == "李客服"
    moved = complaints.assign(
        db, clerk, c.id, manager.user_id, note=" 客户要求经理处理 ", expected_version=c.version
    )
    assert (moved.assigned_to_id, moved.assigned_to) == (manager.user_id, "王经理")
    assert moved.version == c.version + 1 and moved.status is c.status
    step = moved.events[-1]
    assert (step.action, step.user, step.text) == (
        ComplaintStep.ASSIGN,
        "李客服",
        "→ 王经理\n客户要求经理处理",
    )
    details = db.read(
        lambda s: s.scalars(
            select(AuditLog.details).where(AuditLog.action == "complaint.assigned")
        ).one()
    )
    assert details is not None
    assert (details["assigned_to"], details["previous"], details["note"]) == (
        manager.user_id,
        clerk.user_id,
        "客户要求经理处理",
    )
    mine = complaint_views.list_complaints(db, manager, ComplaintFilter(mine=True))
    assert [r.id for r in mine] == [c.id]
    # Without a note the step still says to whom.
    back = complaints.assign(db, manager, c.id, clerk.user_id, expected_version=moved.version)
    assert back.events[-1].text == "→ 李客服"


def test_handing_over_refusals_write_nothing(db: Database, manager: Actor, clerk: Actor) -> None:
    c = _open(db, clerk)
    tech = make_actor(db, manager, "tech1", Role.TECHNICIAN, "吴师傅")
    stale = c.version
    complaints.assign(db, manager, c.id, manager.user_id, expected_version=c.version)
    fresh = complaint_views.get_complaint(db, clerk, c.id)

    with pytest.raises(ConflictError) as conflict:
        complaints.assign(db, clerk, c.id, clerk.user_id, expected_version=stale)
    assert conflict.value.values["who"] == "王经理"
    with pytest.raises(ValidationError) as same:
        complaints.assign(db, clerk, c.id, manager.user_id, expected_version=fresh.version)
    assert (same.value.field, same.value.code, same.value.values) == (
        "assigned_to",
        "complaint.already_handler",
        {"who": "王经理"},
    )
    assert render(same.value, language="zh_CN") == "王经理 已是该投诉的处理人。"
    with pytest.raises(ValidationError) as not_handler:
        complaints.assign(db, clerk, c.id, tech.user_id, expected_version=fresh.version)
    assert render(not_handler.value, language="zh_CN") == "该用户不处理投诉。"
    for nobody in (9999, 2**63, True):
        with pytest.raises(NotFound):
            complaints.assign(db, clerk, c.id, nobody, expected_version=fresh.version)
    with pytest.raises(PermissionDenied):
        complaints.assign(db, tech, c.id, clerk.user_id)
    assert complaint_views.get_complaint(db, clerk, c.id) == fresh

    complaints.close(db, manager, c.id, "客户撤诉", expected_version=fresh.version)
    with pytest.raises(IllegalTransition):
        complaints.assign(db, manager, c.id, clerk.user_id)
    assert complaint_views.get_complaint(db, clerk, c.id).status is ComplaintStatus.CLOSED
