"""Every write re-reads its acting user: a deactivated user's open session, a demoted
user's old role and an Actor claiming a role its user does not have are refused at the
next write, which writes nothing. Reads keep working on the Actor's signed-in role (they
change nothing; the desk learns at its next save, and the manager's deactivation ends the
session at the latest there)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import delete, event, update
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, ChangeLog, Ticket, User, UserRole
from desk_app.domain.enums import Role, TicketKind
from desk_app.domain.errors import PermissionDenied
from desk_app.messages import render
from desk_app.services.admin import settings, users
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.conftest import FakeClock
from tests.services import factories


@pytest.fixture
def other_desk(db_url: str, clock: FakeClock) -> Iterator[Database]:
    """A second PC: its own Database object, engine and connections."""
    database = Database(db_url, clock=clock)
    yield database
    database.dispose()


def _counts(db: Database) -> tuple[int, int, int]:
    return (
        factories.count(db, Ticket),
        factories.count(db, AuditLog),
        factories.count(db, ChangeLog),
    )


def test_a_deactivated_clerks_open_desk_is_refused_at_the_next_write(
    db: Database, other_desk: Database, manager: Actor, clerk: Actor
) -> None:
    customer = factories.customer(db, clerk)
    factories.ticket(db, clerk, customer.id)  # the desk works while the clerk is active
    users.set_active(other_desk, manager, clerk.user_id, False)
    before = _counts(db)

    with pytest.raises(PermissionDenied) as refused:
        tickets.open_ticket(db, clerk, TicketDraft(customer.id, TicketKind.REPAIR, "不制冷"))

    assert refused.value.code == "user.deactivated"
    assert refused.value.values == {"user": "clerk1", "action": "write"}
    assert _counts(db) == before  # no ticket, no audit row, no change-log row
    # Reads go on with the signed-in role (decided: they change nothing).
    assert tickets.customer_tickets(db, clerk, customer.id)
    # Active again: the same desk writes again.
    users.set_active(other_desk, manager, clerk.user_id, True)
    factories.ticket(db, clerk, customer.id)


def test_an_actor_claiming_manager_for_a_clerk_is_refused_a_manager_only_write(
    db: Database, clerk: Actor
) -> None:
    forged = dataclasses.replace(clerk, role=Role.MANAGER)
    users_before = users.count_users(db)
    before = _counts(db)

    with pytest.raises(PermissionDenied) as refused:
        users.create_user(db, forged, "mole", "secret-1", Role.MANAGER)
    assert refused.value.code == "user.role_changed"
    with pytest.raises(PermissionDenied) as setting:
        settings.set_timezone(db, forged, "UTC")
    assert setting.value.code == "user.role_changed"

    assert users.count_users(db) == users_before
    assert _counts(db) == before
    assert settings.shop_timezone(db).key != "UTC"


def test_a_forged_role_is_refused_even_for_a_write_the_stored_role_allows(
    db: Database, clerk: Actor
) -> None:
    """The client lied about its role: nothing it asks is trusted until it signs in."""
    forged = dataclasses.replace(clerk, role=Role.MANAGER)
    with pytest.raises(PermissionDenied) as refused:
        factories.customer(db, forged)
    assert refused.value.code == "user.role_changed"


def _set_role(db: Database, user_id: int, role: Role) -> None:
    # Behind the services' back: the stored role is what counts, however it changed.
    def tx(s: Session) -> None:
        s.execute(update(User).where(User.id == user_id).values(role=role))
        s.execute(delete(UserRole).where(UserRole.user_id == user_id))
        s.add(UserRole(user_id=user_id, role=role))

    db.write(tx)


def test_a_demoted_dispatcher_is_refused_by_the_stored_role(
    db: Database, manager: Actor, dispatcher: Actor
) -> None:
    _set_role(db, dispatcher.user_id, Role.CLERK)
    with pytest.raises(PermissionDenied) as refused:
        factories.customer(db, dispatcher)
    assert refused.value.code == "user.role_changed"
    # Signing in again gives the stored role, which writes what a clerk may.
    again = users.authenticate(db, "disp1", "secret-1")
    assert again.role is Role.CLERK
    factories.customer(db, again)


def test_a_promoted_clerk_keeps_writing_with_the_old_session(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    """The stored role carries every permission the signed-in role had: nothing to refuse."""
    _set_role(db, clerk.user_id, Role.DISPATCHER)
    factories.ticket(db, clerk)


def test_the_acting_user_costs_one_select_per_write(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    """One indexed SELECT of the user row per write transaction, however many audit rows
    it writes (the check is remembered in the session)."""
    customer = factories.customer(db, clerk)
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        factories.ticket(db, clerk, customer.id)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    user_reads = [s for s in seen if "users.active" in s]
    assert len(user_reads) == 1
    if db.dialect == "postgresql":
        assert "FOR SHARE" in user_reads[0]


def test_refusals_render_in_chinese(db: Database, other_desk: Database, manager: Actor) -> None:
    gone = PermissionDenied("clerk1", "write", code="user.deactivated")
    assert (
        render(gone, language="zh_CN") == "账号 clerk1 已被停用，未保存任何内容。请联系售后经理。"
    )
    changed = PermissionDenied("clerk1", "write", code="user.role_changed")
    assert (
        render(changed, language="zh_CN")
        == "clerk1 登录后岗位已被更改，未保存任何内容。请重新登录。"
    )
