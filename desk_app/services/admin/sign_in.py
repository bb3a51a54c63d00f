"""Signing in that holds, on both engines: slow hash, a growing wait, a lockout, an audit row.

``SignIn(db, pc)`` is what the desk's screens sign in, unlock and sign out through
(``SignInService`` is the shape they rely on; the PostgreSQL per-login sign-in has the
same three methods). Its guarantees:

- **Throttle.** After ``k`` wrong answers in a row for a name, the next try of that name
  is refused with ``user.sign_in_wait`` {seconds} until ``wait_after(k)`` seconds have
  passed since the last one (1, 2, 4, ... seconds, at most ``MAX_WAIT_SECONDS``); the
  password is not even checked then.
- **Lockout.** The ``max_failures``-th wrong answer in a row locks the name for
  ``lock_minutes`` (``settings.SignInPolicy``, set by a manager): every try is refused
  with ``user.locked`` {until} until then. A lock that ran out, or a run of failures
  older than ``lock_minutes``, starts the count again; a successful sign-in resets it.
- **Nothing to probe.** The guard (table ``sign_in_guard``) is kept per typed name
  (stripped, lower case, cut to the column's 40 characters) whether or not such a user
  exists, so an unknown name is throttled and locked exactly like a real one. An
  unknown name, a wrong password and a deactivated user are all refused with the same
  ``user.sign_in_failed``, after the same work: the same statements, and one scrypt
  each (an unknown name is checked against a dummy hash of the cost new hashes have).
- **Parallel tries cannot outrun the guard.** A try is counted as a failure *before*
  its password is checked (its own transaction, the guard row locked FOR UPDATE on
  PostgreSQL; SQLite's write lock serialises it), and forgiven when the password turns
  out right. So tries fired at once each see the previous one's count and wait.
- **Audit.** Every sign-in, failure, refused try (locked, waiting), lockout, unlock of an
  idle-locked desk (``verify``) and sign-out writes an audit row with ``pc`` (the PC's
  name) in its details. Entity: ``("user", id)`` of the account the name belongs to;
  for a name no user has, ``("user", 0)`` with the typed name in ``details["username"]``
  (no user id is invented, and 0 is never a user's id). Failures have no acting user
  (``user_id`` NULL): nobody is signed in yet; ``details["reason"]`` says why
  (``unknown``, ``password``, ``inactive``, ``locked``, ``wait``) for the manager who
  reads the trail, never for the one at the counter.

The scrypt runs between the two transactions, holding no lock.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desk_app.db.models import SignInGuard, User, UserRole
from desk_app.domain.errors import DeskError, PermissionDenied, ValidationError
from desk_app.services.admin import settings
from desk_app.services.admin.users import MAX_USERNAME, hash_password, verify_password
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

MAX_WAIT_SECONDS = 60


class SignInService(Protocol):
    """What the screens sign in, unlock and sign out through (app level or PostgreSQL)."""

    def sign_in(self, username: str, password: str) -> Actor: ...

    def verify(self, actor: Actor, password: str) -> None: ...

    def sign_out(self, actor: Actor) -> None: ...


def wait_after(failures: int) -> int:
    """Seconds a name waits before its next try after ``failures`` wrong answers in a row."""
    if failures <= 0:
        return 0
    return int(min(2 ** (failures - 1), MAX_WAIT_SECONDS))


def guard_key(username: str) -> str:
    """The name a guard row is kept under: as typed, stripped, lower case, at most 40."""
    return (username or "").strip().lower()[:MAX_USERNAME]


@dataclass(frozen=True)
class _Claim:
    """What the first transaction found and counted for one try."""

    refusal: DeskError | None = None
    user_id: int | None = None
    password_hash: str | None = None
    active: bool = False
    locked_until: datetime | None = None  # set when this try's failure locks the name
    failures: int = 0


class SignIn:
    """Sign-in, idle unlock and sign-out of one desk (``pc``: the PC's name, audited)."""

    def __init__(self, db: Database, pc: str) -> None:
        self.db = db
        self.pc = pc
        self._dummy: str | None = None

    # ---------------------------------------------------------------- the three calls

    def sign_in(self, username: str, password: str) -> Actor:
        """The signed-in Actor; refused with ``user.sign_in_failed`` (field password),
        ``user.sign_in_wait`` {seconds} or ``user.locked`` {until}."""
        name = (username or "").strip().lower()
        if not name:
            raise ValidationError("username", "field.required")
        actor = self._attempt(name, password, unlocking=None)
        assert actor is not None
        return actor

    def verify(self, actor: Actor, password: str) -> None:
        """Unlock an idle-locked desk: ``actor``'s password, with the same checks,
        throttle, lockout and audit as signing in (a deactivated user is refused too)."""
        self._attempt(actor.username, password, unlocking=actor)

    def sign_out(self, actor: Actor) -> None:
        """Audit the sign-out. Never refused: a user deactivated or demoted meanwhile
        still signs out (audited without the acting user, naming the account)."""
        details = {"username": actor.username, "pc": self.pc}

        def tx(s: Session, who: Actor | None) -> None:
            audit.record(s, who, "user.sign_out", "user", actor.user_id, details, at=self.db.now())

        try:
            self.db.write(lambda s: tx(s, actor))
        except PermissionDenied:
            self.db.write(lambda s: tx(s, None))

    # ---------------------------------------------------------------- the work

    def _dummy_hash(self) -> str:
        """A hash of nothing anyone types, made once, at the cost of new hashes."""
        if self._dummy is None:
            self._dummy = hash_password(secrets.token_urlsafe(16))
        return self._dummy

    def _attempt(self, name: str, password: str, *, unlocking: Actor | None) -> Actor | None:
        dummy = self._dummy_hash()  # made before the first try of any name: same timing
        key = guard_key(name)
        verb = "user.unlock" if unlocking is not None else "user.sign_in"
        claim = self.db.write(lambda s: self._claim(s, key, name, verb))
        if claim.refusal is not None:
            raise claim.refusal
        stored = claim.password_hash if claim.password_hash is not None else dummy
        right = verify_password(password or "", stored)
        if unlocking is not None and claim.user_id != unlocking.user_id:
            right = False  # the account was renamed or replaced since it signed in
        ok = right and claim.user_id is not None and claim.active
        if ok:
            return self.db.write(lambda s: self._succeeded(s, key, claim, verb, unlocking))
        if claim.user_id is None:
            reason = "unknown"
        elif not claim.active:
            reason = "inactive"
        else:
            reason = "password"
        self.db.write(lambda s: self._failed(s, key, name, claim, verb, reason))
        if claim.locked_until is not None:
            raise DeskError("user.locked", until=claim.locked_until)
        raise ValidationError("password", "user.sign_in_failed")

    def _details(self, name: str, **more: Any) -> dict[str, Any]:
        return {"username": name, "pc": self.pc, **more}

    def _guard(self, s: Session, key: str) -> SignInGuard:
        """The name's guard row, created if new and locked for this transaction."""
        insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
        s.execute(
            insert(SignInGuard)
            .values(username=key, failures=0)
            .on_conflict_do_nothing(index_elements=["username"])
        )
        guard = s.scalar(
            select(SignInGuard)
            .where(SignInGuard.username == key)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        assert guard is not None
        return guard

    def _claim(self, s: Session, key: str, name: str, verb: str) -> _Claim:
        """Refuse a locked or waiting name; otherwise count this try as a failure (the
        success forgives it) and hand over what the password is checked against."""
        now = self.db.now()
        policy = settings.sign_in_policy(s)
        guard = self._guard(s, key)
        row = s.execute(
            select(User.id, User.password_hash, User.active).where(User.username == name)
        ).one_or_none()
        user_id = row.id if row is not None else None
        entity_id = user_id or 0
        if guard.locked_until is not None and guard.locked_until > now:
            audit.record(
                s,
                None,
                f"{verb}_refused",
                "user",
                entity_id,
                self._details(name, reason="locked", until=guard.locked_until),
                at=now,
            )
            return _Claim(refusal=DeskError("user.locked", until=guard.locked_until))
        window = timedelta(minutes=policy.lock_minutes)
        stale = guard.last_failure_at is not None and now - guard.last_failure_at >= window
        if guard.locked_until is not None or stale:  # the lock ran out, or the run is old
            guard.failures = 0
            guard.locked_until = None
        if guard.failures and guard.last_failure_at is not None:
            ready = guard.last_failure_at + timedelta(seconds=wait_after(guard.failures))
            if ready > now:
                seconds = max(1, math.ceil((ready - now).total_seconds()))
                audit.record(
                    s,
                    None,
                    f"{verb}_refused",
                    "user",
                    entity_id,
                    self._details(name, reason="wait", seconds=seconds),
                    at=now,
                )
                return _Claim(refusal=DeskError("user.sign_in_wait", seconds=seconds))
        guard.failures += 1
        guard.last_failure_at = now
        locked_until = None
        if guard.failures >= policy.max_failures:
            locked_until = now + window
            guard.locked_until = locked_until
        return _Claim(
            user_id=user_id,
            password_hash=row.password_hash if row is not None else None,
            active=bool(row.active) if row is not None else False,
            locked_until=locked_until,
            failures=guard.failures,
        )

    def _succeeded(
        self, s: Session, key: str, claim: _Claim, verb: str, unlocking: Actor | None
    ) -> Actor:
        guard = self._guard(s, key)
        guard.failures = 0
        guard.last_failure_at = None
        guard.locked_until = None
        assert claim.user_id is not None
        if unlocking is not None:
            actor = unlocking
        else:
            user = s.get(User, claim.user_id)
            assert user is not None
            roles = set(s.scalars(select(UserRole.role).where(UserRole.user_id == user.id)))
            actor = Actor(user.id, user.username, user.display_name, user.role, frozenset(roles))
        # record() re-reads the user: deactivated or demoted since the claim, it refuses
        # and the whole transaction (the reset too) rolls back.
        audit.record(
            s,
            actor,
            verb,
            "user",
            claim.user_id,
            self._details(actor.username),
            at=self.db.now(),
        )
        return actor

    def _failed(
        self, s: Session, key: str, name: str, claim: _Claim, verb: str, reason: str
    ) -> None:
        now = self.db.now()
        entity_id = claim.user_id or 0
        audit.record(
            s,
            None,
            f"{verb}_failed",
            "user",
            entity_id,
            self._details(name, reason=reason, failures=claim.failures),
            at=now,
        )
        if claim.locked_until is not None:
            audit.record(
                s,
                None,
                "user.locked",
                "user",
                entity_id,
                self._details(name, until=claim.locked_until, failures=claim.failures),
                at=now,
            )
