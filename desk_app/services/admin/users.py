"""Users and roles: create, sign in, change role or password, deactivate."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import choice, person_name
from desk_app.services.admin.logins import sync_login
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

# scrypt cost of new hashes. Each hash stores its own cost (``scrypt$n$r$p$salt$digest``)
# and is verified with it; hashes of the older ``scrypt$salt$digest`` form were all
# made with _LEGACY_SCRYPT.
_LEGACY_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
PRODUCTION_SCRYPT = dict(_LEGACY_SCRYPT)
_SCRYPT = dict(PRODUCTION_SCRYPT)
MIN_PASSWORD = 6
MAX_USERNAME = 40


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool


def set_hash_cost(n: int, r: int, p: int) -> None:
    """Change the cost of new password hashes. For the test suite only (which signs in
    hundreds of throw-away users); the program never calls it and keeps PRODUCTION_SCRYPT."""
    _SCRYPT.update(n=n, r=r, p=p)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    n, r, p = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    parts = stored.split("$")
    try:
        if len(parts) == 3:
            scheme, salt_hex, digest_hex = parts
            cost = _LEGACY_SCRYPT
        elif len(parts) == 6:
            scheme, n, r, p, salt_hex, digest_hex = parts
            cost = {"n": int(n), "r": int(r), "p": int(p)}
        else:
            return False
        if scheme != "scrypt":
            return False
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
        digest = hashlib.scrypt(password.encode(), salt=salt, dklen=len(expected), **cost)
    except ValueError:  # not numbers, not hex, or a cost scrypt refuses
        return False
    return hmac.compare_digest(digest, expected)


def _check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not name:
        raise ValidationError("username", "field.required")
    if len(name) > MAX_USERNAME or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise ValidationError("username", "user.name_invalid", limit=MAX_USERNAME)
    return name


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("password", "user.password_too_short", minimum=MIN_PASSWORD)


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.display_name, u.role, u.active)


def count_users(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count(User.id))) or 0)


def create_user(
    db: Database,
    actor: Actor | None,
    username: str,
    password: str,
    role: Role,
    display_name: str | None = None,
) -> UserView:
    """Add a user. ``actor`` may be None only to create the very first user (a manager)."""
    name = _check_username(username)
    shown = person_name(display_name or name, "display_name", max_length=60)
    _check_password(password)
    role = choice(Role, role, "role")
    if actor is not None:
        require(actor.username, actor.roles, Perm.MANAGE_USERS)
    hashed = hash_password(password)

    def tx(s: Session) -> UserView:
        if actor is None:
            if s.scalar(select(func.count(User.id))):
                raise PermissionDenied("(nobody)", "create users")
            if role is not Role.MANAGER:
                raise ValidationError("role", "user.first_must_be_manager")
        if s.scalar(select(User.id).where(User.username == name)) is not None:
            raise ValidationError("username", "user.name_taken", username=name)
        now = db.now()
        user = User(
            username=name,
            display_name=shown,
            role=role,
            password_hash=hashed,
            active=True,
            created_at=now,
        )
        s.add(user)
        s.flush()
        s.add(UserRole(user_id=user.id, role=role))
        sync_login(s, name, password=password, roles=[role], active=True)
        audit.record(
            s, actor, "user.create", "user", user.id, {"username": name, "role": role.value}, at=now
        )
        return _view(user)

    return db.write(tx)


def authenticate(db: Database, username: str, password: str) -> Actor:
    """The signed-in Actor, or ValidationError ``user.sign_in_failed`` for any wrong input
    (the same for an unknown name, a wrong password or a deactivated user)."""
    name = (username or "").strip().lower()

    def q(s: Session) -> User | None:
        return s.scalar(
            select(User).where(User.username == name).options(undefer(User.password_hash))
        )

    user = db.read(q)
    if user is None or not user.active or not verify_password(password, user.password_hash):
        raise ValidationError("password", "user.sign_in_failed")
    return _actor(db, user)


def _actor(db: Database, user: User) -> Actor:
    roles = db.read(
        lambda s: set(s.scalars(select(UserRole.role).where(UserRole.user_id == user.id)))
    )
    return Actor(user.id, user.username, user.display_name, user.role, frozenset(roles))


def list_users(db: Database, actor: Actor) -> list[UserView]:
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    return db.read(lambda s: [_view(u) for u in s.scalars(select(User).order_by(User.username))])


def set_active(db: Database, actor: Actor, user_id: int, active: bool) -> UserView:
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    if user_id == actor.user_id and not active:
        raise ValidationError("active", "user.cannot_deactivate_self")

    def tx(s: Session) -> UserView:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("user", user_id)
        user.active = active
        sync_login(s, user.username, active=active)
        audit.record(s, actor, "user.active", "user", user.id, {"active": active}, at=db.now())
        return _view(user)

    return db.write(tx)


def system_actor(db: Database) -> Actor:
    """The first active manager, for command-line jobs run by an administrator."""

    def q(s: Session) -> User | None:
        return s.scalar(
            select(User).where(User.role == Role.MANAGER, User.active).order_by(User.id).limit(1)
        )

    user = db.read(q)
    if user is None:
        raise NotFound("manager", "any")
    return _actor(db, user)
