"""Two managers, each at their own PC, deactivating each other at the same moment on
PostgreSQL: exactly one succeeds, so the shop is never left without an active manager.

The first manager's transaction is held open right after it locked the other manager's
row, so the second one really runs while the first is in flight.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import event, select

from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from tests.concurrency.threads import NOW, Worker

pytestmark = pytest.mark.postgres_only

HOLD = 0.5


@pytest.mark.parametrize("how", ["deactivate", "demote"])
def test_two_managers_removing_each_other_leave_one(pg_url: str, how: str) -> None:
    desk_a = Database(pg_url, clock=lambda: NOW)
    desk_b = Database(pg_url, clock=lambda: NOW)
    users.create_user(desk_a, None, "wang", "secret-1", Role.MANAGER, "王经理")
    wang = users.authenticate(desk_a, "wang", "secret-1")
    users.create_user(desk_a, wang, "zhao", "secret-1", Role.MANAGER, "赵经理")
    zhao = users.authenticate(desk_b, "zhao", "secret-1")

    def remove(db: Database, actor_id: int, target_id: int) -> None:
        actor = wang if actor_id == wang.user_id else zhao
        if how == "deactivate":
            users.set_active(db, actor, target_id, False)
        else:
            users.set_roles(db, actor, target_id, Role.CLERK)

    reached = threading.Event()

    def hook(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not reached.is_set() and "FOR UPDATE" in statement and "user_roles" in statement:
            reached.set()
            threading.Event().wait(HOLD)

    event.listen(desk_a.engine, "after_cursor_execute", hook)
    try:
        first = Worker(lambda: remove(desk_a, wang.user_id, zhao.user_id))
        first.start()
        assert reached.wait(10)
        second = Worker(lambda: remove(desk_b, zhao.user_id, wang.user_id))
        second.start()
        first.join(30)
        second.join(30)
    finally:
        event.remove(desk_a.engine, "after_cursor_execute", hook)

    errors = [w.error for w in (first, second) if w.error is not None]
    assert len(errors) == 1, (first.error, second.error)
    assert isinstance(errors[0], DeskError), errors[0]
    assert errors[0].code in ("user.last_manager", "user.deactivated", "user.role_changed")

    def managers(s: Any) -> list[str]:
        return list(
            s.scalars(
                select(User.username)
                .join(UserRole, UserRole.user_id == User.id)
                .where(User.active, UserRole.role == Role.MANAGER)
            )
        )

    assert len(desk_a.read(managers)) == 1
    desk_a.dispose()
    desk_b.dispose()
