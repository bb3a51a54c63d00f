"""Sign-in that holds: throttle, lockout and its expiry, nothing to tell names apart, audit."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from desk_app.db.models import AuditLog, SignInGuard
from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.admin import settings, users
from desk_app.services.admin.sign_in import SignIn, wait_after
from desk_app.services.core.database import Actor, Database
from tests.conftest import FakeClock

PC = "COUNTER-2"


def _refusal(fn: Callable[[], object]) -> DeskError:
    with pytest.raises(DeskError) as info:
        fn()
    return info.value


def _audit(db: Database) -> list[tuple[str, int | None, str, dict[str, Any]]]:
    """(action, user_id, entity_id, details) of every sign-in audit row, oldest first."""
    rows = db.read(
        lambda s: s.scalars(
            select(AuditLog).where(AuditLog.action.like("user.%")).order_by(AuditLog.id)
        ).all()
    )
    return [
        (r.action, r.user_id, r.entity_id, r.details or {})
        for r in rows
        if r.action not in ("user.create",)
    ]


def _fail_until_wait_is_over(sign_in: SignIn, clock: FakeClock, name: str, times: int) -> None:
    """``times`` wrong answers for ``name``, each after the wait the previous one earned."""
    for n in range(times):
        clock.advance(seconds=wait_after(n))
        _refusal(lambda: sign_in.sign_in(name, "wrong-password"))


def test_right_password_signs_in_and_is_audited_with_the_pc(db: Database, clerk: Actor) -> None:
    actor = SignIn(db, PC).sign_in(" Clerk1 ", "secret-1")
    assert (actor.user_id, actor.roles) == (clerk.user_id, clerk.roles)
    assert _audit(db) == [
        ("user.sign_in", clerk.user_id, str(clerk.user_id), {"username": "clerk1", "pc": PC})
    ]


def test_wrong_answers_wait_longer_each_time_then_lock_until_it_expires(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=4, lock_minutes=15))
    sign_in = SignIn(db, PC)
    assert _refusal(lambda: sign_in.sign_in("clerk1", "nope-1")).code == "user.sign_in_failed"
    # straight away: wait 1 s; the right password is not even checked then
    waiting = _refusal(lambda: sign_in.sign_in("clerk1", "secret-1"))
    assert (waiting.code, waiting.values) == ("user.sign_in_wait", {"seconds": 1})
    clock.advance(seconds=1)
    assert _refusal(lambda: sign_in.sign_in("clerk1", "nope-2")).code == "user.sign_in_failed"
    clock.advance(seconds=1)
    assert _refusal(lambda: sign_in.sign_in("clerk1", "nope")).values == {"seconds": 1}
    clock.advance(seconds=1)  # 2 s after the second failure
    assert _refusal(lambda: sign_in.sign_in("clerk1", "nope-3")).code == "user.sign_in_failed"
    clock.advance(seconds=4)
    locked = _refusal(lambda: sign_in.sign_in("clerk1", "nope-4"))  # the 4th in a row
    assert locked.code == "user.locked"
    until = clock.now + timedelta(minutes=15)
    assert locked.values == {"until": until}
    assert "locked until 2026-11-23 10:15" in render(locked)  # in the shop's zone
    # the right password does not open it before the lock runs out
    clock.advance(minutes=14, seconds=59)
    again = _refusal(lambda: sign_in.sign_in("clerk1", "secret-1"))
    assert (again.code, again.values) == ("user.locked", {"until": until})
    clock.advance(seconds=1)
    assert sign_in.sign_in("clerk1", "secret-1").user_id == clerk.user_id
    actions = [a for a, *_ in _audit(db)]
    assert actions == [
        "user.sign_in_failed",
        "user.sign_in_refused",
        "user.sign_in_failed",
        "user.sign_in_refused",
        "user.sign_in_failed",
        "user.sign_in_failed",
        "user.locked",
        "user.sign_in_refused",
        "user.sign_in",
    ]
    assert all(d["pc"] == PC for *_, d in _audit(db))


def test_lock_is_per_name_and_a_success_resets_the_count(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=3))
    sign_in = SignIn(db, PC)
    _fail_until_wait_is_over(sign_in, clock, "clerk1", 2)
    clock.advance(seconds=2)
    sign_in.sign_in("clerk1", "secret-1")  # resets: two more failures do not lock
    _fail_until_wait_is_over(sign_in, clock, "clerk1", 2)
    clock.advance(seconds=2)
    assert sign_in.sign_in("clerk1", "secret-1").username == "clerk1"
    _fail_until_wait_is_over(sign_in, clock, "clerk1", 3)
    assert _refusal(lambda: sign_in.sign_in("clerk1", "secret-1")).code == "user.locked"
    # another name at the same desk is not touched by clerk1's lock
    assert sign_in.sign_in("boss", "secret-1").user_id == manager.user_id
    guard = db.read(lambda s: s.get(SignInGuard, "boss"))
    assert guard is not None and guard.failures == 0


def test_old_failures_are_forgotten_after_the_lock_time(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=3, lock_minutes=10))
    sign_in = SignIn(db, PC)
    _fail_until_wait_is_over(sign_in, clock, "clerk1", 2)
    clock.advance(minutes=10)
    _fail_until_wait_is_over(sign_in, clock, "clerk1", 2)  # 1 and 2 again: no lock
    clock.advance(seconds=2)
    assert sign_in.sign_in("clerk1", "secret-1").username == "clerk1"


def test_unknown_name_is_throttled_and_locked_like_a_real_one(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=2))
    sign_in = SignIn(db, PC)
    seen: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name in ("clerk1", "ghost"):
        got = []
        for _ in range(3):
            error = _refusal(lambda n=name: sign_in.sign_in(n, "wrong-password"))
            got.append((error.code, error.values))
        seen[name] = got
    assert (
        seen["clerk1"]
        == seen["ghost"]
        == [
            ("user.sign_in_failed", {}),
            ("user.sign_in_wait", {"seconds": 1}),
            ("user.sign_in_wait", {"seconds": 1}),
        ]
    )
    clock.advance(seconds=1)
    for name in ("clerk1", "ghost"):
        locked = _refusal(lambda n=name: sign_in.sign_in(n, "wrong-password"))
        until = clock.now + timedelta(minutes=15)
        assert (locked.code, locked.values) == ("user.locked", {"until": until})
    # audited: a real name names its account, an unknown one ("user", 0) and what was typed
    rows = [(a, uid, eid, d.get("username"), d.get("reason")) for a, uid, eid, d in _audit(db)]
    assert ("user.sign_in_failed", None, str(clerk.user_id), "clerk1", "password") in rows
    assert ("user.sign_in_failed", None, "0", "ghost", "unknown") in rows
    assert ("user.locked", None, "0", "ghost", None) in rows


class _Work:
    """Counts scrypt calls and SQL statements while active."""

    def __init__(self, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
        self.scrypt = 0
        self.statements: list[str] = []
        self.active = False
        real = hashlib.scrypt

        def counting(*args: Any, **kwargs: Any) -> bytes:
            if self.active:
                self.scrypt += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(hashlib, "scrypt", counting)

        def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
            if self.active:
                self.statements.append(sql.split()[0].upper())

        event.listen(db.engine, "before_cursor_execute", statement)

    @contextmanager
    def measuring(self) -> Iterator[_Work]:
        self.scrypt, self.statements, self.active = 0, [], True
        try:
            yield self
        finally:
            self.active = False


def test_unknown_name_wrong_password_and_deactivated_user_do_the_same_work(
    db: Database,
    manager: Actor,
    clerk: Actor,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    users.create_user(db, manager, "gone1", "secret-1", Role.CLERK, "离职的")
    gone = users.authenticate(db, "gone1", "secret-1")
    users.set_active(db, manager, gone.user_id, False)
    sign_in = SignIn(db, PC)
    work = _Work(db, monkeypatch)
    sign_in.sign_in("boss", "secret-1")  # the dummy hash is made before anyone's try
    results: dict[str, tuple[str, dict[str, Any], int, list[str]]] = {}
    for name, password in (
        ("nobody", "secret-1"),
        ("clerk1", "wrong-password"),
        ("gone1", "secret-1"),  # deactivated, right password
    ):
        with work.measuring():
            error = _refusal(lambda n=name, p=password: sign_in.sign_in(n, p))
        assert isinstance(error, ValidationError) and error.field == "password"
        results[name] = (error.code, error.values, work.scrypt, work.statements)
    assert results["nobody"] == results["clerk1"] == results["gone1"]
    code, values, scrypt_calls, statements = results["nobody"]
    assert (code, values, scrypt_calls) == ("user.sign_in_failed", {}, 1)
    assert statements.count("INSERT") >= 3  # guard row, audit row, change-log row
    clock.advance(seconds=1)  # the wait after clerk1's wrong answer
    with work.measuring():
        sign_in.sign_in("clerk1", "secret-1")
    assert work.scrypt == 1  # and the right password costs the same one hash


def test_verify_unlocks_with_the_same_guard_and_audit(
    db: Database, manager: Actor, clerk: Actor, clock: FakeClock
) -> None:
    settings.set_sign_in_policy(db, manager, settings.SignInPolicy(max_failures=2))
    sign_in = SignIn(db, PC)
    actor = sign_in.sign_in("clerk1", "secret-1")
    sign_in.verify(actor, "secret-1")
    assert _refusal(lambda: sign_in.verify(actor, "wrong-password")).code == "user.sign_in_failed"
    assert _refusal(lambda: sign_in.verify(actor, "secret-1")).code == "user.sign_in_wait"
    clock.advance(seconds=1)
    assert _refusal(lambda: sign_in.verify(actor, "wrong-password")).code == "user.locked"
    # the lock holds for signing in under that name as well
    assert _refusal(lambda: sign_in.sign_in("clerk1", "secret-1")).code == "user.locked"
    clock.advance(minutes=15)
    sign_in.verify(actor, "secret-1")
    assert [a for a, *_ in _audit(db)] == [
        "user.sign_in",
        "user.unlock",
        "user.unlock_failed",
        "user.unlock_refused",
        "user.unlock_failed",
        "user.locked",
        "user.sign_in_refused",
        "user.unlock",
    ]


def test_a_deactivated_user_cannot_unlock_the_desk(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    sign_in = SignIn(db, PC)
    actor = sign_in.sign_in("clerk1", "secret-1")
    users.set_active(db, manager, actor.user_id, False)
    error = _refusal(lambda: sign_in.verify(actor, "secret-1"))
    assert (error.code, error.values) == ("user.sign_in_failed", {})
    assert _audit(db)[-1][3]["reason"] == "inactive"


def test_sign_out_is_audited_even_after_a_deactivation(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    sign_in = SignIn(db, PC)
    actor = sign_in.sign_in("clerk1", "secret-1")
    sign_in.sign_out(actor)
    boss = sign_in.sign_in("boss", "secret-1")
    users.set_active(db, boss, actor.user_id, False)
    sign_in.sign_out(actor)
    outs = [(uid, eid, d) for a, uid, eid, d in _audit(db) if a == "user.sign_out"]
    details = {"username": "clerk1", "pc": PC}
    assert outs == [
        (clerk.user_id, str(clerk.user_id), details),
        (None, str(clerk.user_id), details),
    ]


def test_empty_name_is_refused_on_its_field(db: Database, manager: Actor) -> None:
    error = _refusal(lambda: SignIn(db, PC).sign_in("  ", "secret-1"))
    assert isinstance(error, ValidationError) and error.field == "username"


def test_a_long_typed_name_is_guarded_under_its_first_40_characters(
    db: Database, manager: Actor
) -> None:
    name = "x" * 60
    assert _refusal(lambda: SignIn(db, PC).sign_in(name, "secret-1")).code == "user.sign_in_failed"
    guard = db.read(lambda s: s.get(SignInGuard, "x" * 40))
    assert guard is not None and guard.failures == 1


# ---------------------------------------------------------------- the policy setting


def test_policy_setter_validates_and_is_read_back(db: Database, manager: Actor) -> None:
    assert settings.get_sign_in_policy(db) == settings.SignInPolicy()
    saved = settings.set_sign_in_policy(
        db, manager, settings.SignInPolicy(max_failures=3, lock_minutes=30, idle_lock_minutes=0)
    )
    assert saved.number == 1
    assert settings.get_sign_in_policy(db) == settings.SignInPolicy(3, 30, 0)
    assert settings.shop_settings(db).sign_in == settings.SignInPolicy(3, 30, 0)
    for bad, field, limits in (
        (settings.SignInPolicy(max_failures=0), "max_failures", {"low": 1, "high": 100}),
        (settings.SignInPolicy(lock_minutes=24 * 60 + 1), "lock_minutes", {"low": 1, "high": 1440}),
        (settings.SignInPolicy(idle_lock_minutes=-1), "idle_lock_minutes", {"low": 0, "high": 480}),
        (settings.SignInPolicy(max_failures=True), "max_failures", {"low": 1, "high": 100}),
    ):
        error = _refusal(lambda b=bad: settings.set_sign_in_policy(db, manager, b))
        assert isinstance(error, ValidationError)
        assert (error.field, error.code, error.values) == (field, "settings.sign_in_range", limits)
    assert settings.get_sign_in_policy(db) == settings.SignInPolicy(3, 30, 0)


def test_only_a_manager_sets_the_policy(db: Database, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        settings.set_sign_in_policy(db, clerk, settings.SignInPolicy(max_failures=50))


def test_tries_fired_at_once_cannot_outrun_the_guard(db: Database, clerk: Actor) -> None:
    """Each try is counted before its password is checked: of eight wrong tries sent at
    the same moment, one is checked and the seven others are told to wait."""
    sign_in = SignIn(db, PC)
    sign_in.sign_in("boss", "secret-1")  # the dummy hash exists before the race
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(sign_in.sign_in, "clerk1", "wrong-password") for _ in range(8)]
        codes = sorted(_refusal(f.result).code for f in futures)
    assert codes == ["user.sign_in_failed"] + ["user.sign_in_wait"] * 7
    guard = db.read(lambda s: s.get(SignInGuard, "clerk1"))
    assert guard is not None and guard.failures == 1
