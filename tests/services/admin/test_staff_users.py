"""A manager administers users: several roles, password resets and the user's own change,
deactivation; refusals (the last manager, yourself, a stale form), every change audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog
from desk_app.domain.enums import Role
from desk_app.domain.errors import ConflictError, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.admin import logins, users
from desk_app.services.core.database import Actor, Database
from tests.conftest import FakeClock, make_actor


def _audit(db: Database, user_id: int) -> list[tuple[str, dict[str, object] | None]]:
    return db.read(
        lambda s: [
            (a.action, a.details)
            for a in s.scalars(
                select(AuditLog)
                .where(AuditLog.entity == "user", AuditLog.entity_id == str(user_id))
                .order_by(AuditLog.id)
            )
        ]
    )


def _by_name(db: Database, manager: Actor, username: str) -> users.UserView:
    return next(u for u in users.list_users(db, manager) if u.username == username)


def test_a_user_with_several_roles_signs_in_with_all_of_them(db: Database, manager: Actor) -> None:
    created = users.create_user(
        db, manager, "zhao", "secret-1", Role.DISPATCHER, "赵派工", roles=(Role.FOLLOWUP,)
    )
    assert created.role is Role.DISPATCHER
    assert created.roles == (Role.DISPATCHER, Role.FOLLOWUP)
    assert created.must_change_password  # a manager chose it: the user picks their own
    actor = users.authenticate(db, "zhao", "secret-1")
    assert actor.roles == {Role.DISPATCHER, Role.FOLLOWUP}
    listed = _by_name(db, manager, "zhao")
    assert (listed.display_name, listed.roles, listed.active) == (
        "赵派工",
        (Role.DISPATCHER, Role.FOLLOWUP),
        True,
    )
    # the first manager chose their own password
    assert not _by_name(db, manager, "boss").must_change_password
    [(action, details)] = _audit(db, created.id)
    assert action == "user.create"
    assert details == {
        "username": "zhao",
        "role": "dispatcher",
        "roles": ["dispatcher", "followup"],
    }


def test_no_password_reaches_the_audit_trail(db: Database, manager: Actor) -> None:
    u = users.create_user(db, manager, "li", "created-pw-1", Role.CLERK)
    users.reset_password(db, manager, u.id, "reset-pw-22")
    li = users.authenticate(db, "li", "reset-pw-22")
    users.change_own_password(db, li, "reset-pw-22", "own-pw-333")
    trail = json.dumps(_audit(db, u.id), ensure_ascii=False)
    for secret in ("created-pw-1", "reset-pw-22", "own-pw-333"):
        assert secret not in trail
    assert [a for a, _ in _audit(db, u.id)] == [
        "user.create",
        "user.password_reset",
        "user.password_change",
    ]


def test_reset_then_own_change_clears_the_flag(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    reset = users.reset_password(db, manager, clerk.user_id, "temp-pass")
    assert reset.must_change_password
    with pytest.raises(ValidationError):
        users.authenticate(db, "clerk1", "secret-1")  # the old password is gone
    signed_in = users.authenticate(db, "clerk1", "temp-pass")
    assert users.must_change_password(db, signed_in)
    with pytest.raises(ValidationError) as wrong:
        users.change_own_password(db, signed_in, "not-it", "my-own-pass")
    assert (wrong.value.field, wrong.value.code) == ("old_password", "user.old_password_wrong")
    with pytest.raises(ValidationError) as same:
        users.change_own_password(db, signed_in, "temp-pass", "temp-pass")
    assert same.value.code == "user.password_unchanged"
    with pytest.raises(ValidationError) as short:
        users.change_own_password(db, signed_in, "temp-pass", "abc")
    assert short.value.code == "user.password_too_short"
    clock.advance(minutes=5)
    changed = users.change_own_password(db, signed_in, "temp-pass", "my-own-pass")
    assert not changed.must_change_password
    assert changed.password_changed_at == clock.now
    assert not users.must_change_password(db, signed_in)
    assert users.authenticate(db, "clerk1", "my-own-pass").user_id == clerk.user_id


def test_only_a_manager_administers_users(db: Database, manager: Actor, clerk: Actor) -> None:
    for attempt in (
        lambda: users.list_users(db, clerk),
        lambda: users.set_roles(db, clerk, clerk.user_id, Role.MANAGER),
        lambda: users.reset_password(db, clerk, manager.user_id, "hijack-1"),
        lambda: users.set_active(db, clerk, manager.user_id, False),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert users.authenticate(db, "boss", "secret-1").role is Role.MANAGER


def test_a_role_change_takes_effect_at_the_user_next_action(db: Database, manager: Actor) -> None:
    dispatcher = make_actor(db, manager, "disp1", Role.DISPATCHER, "赵派工")
    users.set_roles(db, manager, dispatcher.user_id, Role.CLERK)
    # the desk still signed in with the dispatcher role: its next write is refused
    with pytest.raises(PermissionDenied) as refused:
        users.change_own_password(db, dispatcher, "secret-1", "another-1")
    assert refused.value.code == "user.role_changed"
    again = users.authenticate(db, "disp1", "secret-1")
    assert again.roles == {Role.CLERK}
    users.change_own_password(db, again, "secret-1", "another-1")


def test_a_deactivation_takes_effect_at_the_user_next_action(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    gone = users.set_active(db, manager, clerk.user_id, False)
    assert not gone.active
    with pytest.raises(PermissionDenied) as refused:
        users.change_own_password(db, clerk, "secret-1", "another-1")
    assert refused.value.code == "user.deactivated"
    with pytest.raises(ValidationError):
        users.authenticate(db, "clerk1", "secret-1")
    assert _by_name(db, manager, "clerk1").active is False  # kept, never deleted
    users.set_active(db, manager, clerk.user_id, True)
    assert users.authenticate(db, "clerk1", "secret-1").user_id == clerk.user_id
    assert [d for a, d in _audit(db, clerk.user_id) if a == "user.active"] == [
        {"active": False},
        {"active": True},
    ]


def test_the_last_active_manager_stays(db: Database, manager: Actor) -> None:
    other = make_actor(db, manager, "wang", Role.MANAGER, "王二")
    # yourself: never
    with pytest.raises(ValidationError) as itself:
        users.set_roles(db, manager, manager.user_id, Role.CLERK)
    assert itself.value.code == "user.cannot_demote_self"
    with pytest.raises(ValidationError) as self_off:
        users.set_active(db, manager, manager.user_id, False)
    assert self_off.value.code == "user.cannot_deactivate_self"
    # another manager while a second one remains: fine
    users.set_roles(db, manager, other.user_id, Role.CLERK)
    # now boss is the last one; wang, made manager again, cannot take it away
    users.set_roles(db, manager, other.user_id, Role.CLERK, (Role.MANAGER,))
    wang = users.authenticate(db, "wang", "secret-1")
    users.set_active(db, wang, manager.user_id, False)
    with pytest.raises(ValidationError) as last:
        users.set_roles(db, manager, other.user_id, Role.CLERK)
    assert last.value.code == "user.last_manager"
    assert render(last.value, language="zh_CN").startswith("这是最后一位在职的售后经理")
    assert users.authenticate(db, "wang", "secret-1").roles == {Role.CLERK, Role.MANAGER}


def test_a_manager_by_an_extra_role_counts_as_a_manager(db: Database, manager: Actor) -> None:
    """The last-manager rule looks at every role, not only the main one. (With the rule
    on yourself, only a desk still signed in as a manager who was deactivated meanwhile, or
    two managers at the same moment, can reach it; the stale desk shows it here.)"""
    users.create_user(db, manager, "qian", "secret-1", Role.CLERK, roles=(Role.MANAGER,))
    qian = users.authenticate(db, "qian", "secret-1")
    users.set_active(db, qian, manager.user_id, False)  # qian remains a manager
    with pytest.raises(ValidationError) as last:
        users.set_active(db, manager, qian.user_id, False)  # boss's desk, still open
    assert (last.value.field, last.value.code) == ("active", "user.last_manager")
    assert _by_name(db, qian, "qian").active


def test_a_stale_form_is_a_conflict_naming_who_and_when(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    loaded = _by_name(db, manager, "clerk1")
    other = make_actor(db, manager, "wang", Role.MANAGER, "王二")
    clock.advance(minutes=3)
    users.set_roles(db, other, clerk.user_id, Role.CLERK, (Role.FOLLOWUP,))
    with pytest.raises(ConflictError) as conflict:
        users.set_roles(
            db, manager, clerk.user_id, Role.DISPATCHER, expected_version=loaded.version
        )
    assert (conflict.value.who, conflict.value.when) == ("王二", clock.now)
    assert "王二" in render(conflict.value, language="zh_CN")
    with pytest.raises(ConflictError):
        users.set_active(db, manager, clerk.user_id, False, expected_version=loaded.version)
    fresh = _by_name(db, manager, "clerk1")
    assert fresh.roles == (Role.CLERK, Role.FOLLOWUP) and fresh.active
    users.set_active(db, manager, clerk.user_id, False, expected_version=fresh.version)


def test_bad_roles_are_refused(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as bad:
        users.create_user(db, manager, "x1", "secret-1", Role.CLERK, roles=("overlord",))  # type: ignore[arg-type]
    assert (bad.value.field, bad.value.code) == ("roles", "field.not_a_choice")
    assert len(users.list_users(db, manager)) == 1


def test_every_change_tells_the_database_logins(
    db: Database, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``logins.sync_login`` is called inside each change with what PostgreSQL must know."""
    calls: list[tuple[str, dict[str, object]]] = []

    def spy(session: object, username: str, **changes: object) -> None:
        calls.append((username, {k: v for k, v in changes.items() if v is not None}))

    monkeypatch.setattr(logins, "sync_login", spy)
    u = users.create_user(db, manager, "li", "secret-1", Role.CLERK)
    users.set_roles(db, manager, u.id, Role.CLERK, (Role.FOLLOWUP,))
    users.reset_password(db, manager, u.id, "temp-pass")
    users.set_active(db, manager, u.id, False)
    assert calls == [
        ("li", {"password": "secret-1", "roles": frozenset({Role.CLERK}), "active": True}),
        ("li", {"roles": frozenset({Role.CLERK, Role.FOLLOWUP})}),
        ("li", {"password": "temp-pass"}),
        ("li", {"active": False}),
    ]
