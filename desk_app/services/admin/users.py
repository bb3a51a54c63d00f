"""Users and roles: create, sign in, change role or password, deactivate."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer
from sqlalchemy.orm.attributes import flag_modified

from desk_app.db.models import User, UserRole
from desk_app.domain.enums import Role
from desk_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import choice, person_name
from desk_app.services.admin import logins
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
    """One user as the staff screens show it. ``roles`` holds every role, the main one
    (``role``) included; ``version`` goes back as ``expected_version`` when editing."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    roles: tuple[Role, ...] = ()
    must_change_password: bool = False
    version: int = 1
    password_changed_at: datetime | None = None


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


def _roles_of(s: Session, user_id: int) -> set[Role]:
    return set(s.scalars(select(UserRole.role).where(UserRole.user_id == user_id)))


def _view(s: Session, u: User) -> UserView:
    held = _roles_of(s, u.id) | {u.role}
    return UserView(
        u.id,
        u.username,
        u.display_name,
        u.role,
        u.active,
        tuple(r for r in Role if r in held),  # in the order of the Role vocabulary
        u.must_change_password,
        u.version,
        u.password_changed_at,
    )


def _check_roles(role: Role, roles: Iterable[Role]) -> tuple[Role, frozenset[Role]]:
    """The main role and every role held (the main one included), each a real Role."""
    main = choice(Role, role, "role")
    return main, frozenset({main, *(choice(Role, r, "roles") for r in roles)})


def count_users(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count(User.id))) or 0)


def create_user(
    db: Database,
    actor: Actor | None,
    username: str,
    password: str,
    role: Role,
    display_name: str | None = None,
    *,
    roles: Iterable[Role] = (),
) -> UserView:
    """Add a user holding ``role`` (the main one, shown by the name) and ``roles``.

    ``actor`` may be None only to create the very first user of an empty database (a
    manager). A user a manager creates must choose a new password at the first sign-in.
    """
    name = _check_username(username)
    shown = person_name(display_name or name, "display_name", max_length=60)
    _check_password(password)
    role, held = _check_roles(role, roles)
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
            must_change_password=actor is not None,
        )
        s.add(user)
        s.flush()
        s.add_all(UserRole(user_id=user.id, role=r) for r in sorted(held))
        audit.record(
            s,
            actor,
            "user.create",
            "user",
            user.id,
            {"username": name, "role": role.value, "roles": sorted(r.value for r in held)},
            at=now,
        )
        logins.sync_login(s, name, password=password, roles=held, active=True)
        return _view(s, user)

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
    roles = db.read(lambda s: _roles_of(s, user.id))
    return Actor(user.id, user.username, user.display_name, user.role, frozenset(roles))


def list_users(db: Database, actor: Actor) -> list[UserView]:
    """Every user, active or not, by user name, with all their roles."""
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    return db.read(lambda s: [_view(s, u) for u in s.scalars(select(User).order_by(User.username))])


def get_user(db: Database, actor: Actor, user_id: int) -> UserView:
    require(actor.username, actor.roles, Perm.MANAGE_USERS)

    def q(s: Session) -> UserView:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("user", user_id)
        return _view(s, user)

    return db.read(q)


def must_change_password(db: Database, actor: Actor) -> bool:
    """Whether the signed-in user has to choose a new password before working (a manager
    set or reset it). Asked right after the sign-in."""

    def q(s: Session) -> bool:
        return bool(s.scalar(select(User.must_change_password).where(User.id == actor.user_id)))

    return db.read(q)


def _load(s: Session, user_id: int, expected_version: int | None) -> User:
    """The user row, locked; ConflictError naming the last change if it is newer."""
    user = s.get(User, user_id, with_for_update=True)
    if user is None:
        raise NotFound("user", user_id)
    if expected_version is not None and user.version != expected_version:
        who, when = audit.last_change(s, "user", user.id)
        raise ConflictError("user", who, when, current={"version": user.version})
    return user


def _other_active_managers(s: Session, user_id: int) -> int:
    """How many active managers there are besides ``user_id``, their rows locked so two
    managers demoting each other at once cannot both pass (one waits, then counts again)."""
    ids = s.scalars(
        select(User.id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == Role.MANAGER, User.active, User.id != user_id)
        .with_for_update(of=User)
    ).all()
    return len(set(ids))


def set_roles(
    db: Database,
    actor: Actor,
    user_id: int,
    role: Role,
    roles: Iterable[Role] = (),
    *,
    expected_version: int | None = None,
) -> UserView:
    """Give the user ``role`` as the main role plus ``roles``; the user's next action is
    checked against them (``check_actor`` refuses a write made with the old ones).

    Refused: taking the manager role from yourself, or from the last active manager.
    """
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    role, held = _check_roles(role, roles)

    def tx(s: Session) -> UserView:
        user = _load(s, user_id, expected_version)
        before = _roles_of(s, user.id) | {user.role}
        if Role.MANAGER in before and Role.MANAGER not in held:
            if user.id == actor.user_id:
                raise ValidationError("roles", "user.cannot_demote_self")
            if user.active and _other_active_managers(s, user.id) == 0:
                raise ValidationError("roles", "user.last_manager")
        if before == held and user.role is role:
            return _view(s, user)
        for old in s.scalars(select(UserRole).where(UserRole.user_id == user.id)):
            if old.role not in held:
                s.delete(old)
        s.add_all(UserRole(user_id=user.id, role=r) for r in sorted(held - before))
        user.role = role
        flag_modified(user, "role")  # the row changes (and its version) even if only extras do
        s.flush()
        audit.record(
            s,
            actor,
            "user.roles",
            "user",
            user.id,
            {
                "role": role.value,
                "roles": sorted(r.value for r in held),
                "before": sorted(r.value for r in before),
            },
            at=db.now(),
        )
        logins.sync_login(s, user.username, roles=held)
        return _view(s, user)

    return db.write(tx)


def reset_password(
    db: Database,
    actor: Actor,
    user_id: int,
    password: str,
    *,
    expected_version: int | None = None,
) -> UserView:
    """A manager sets a new password (the user forgot theirs); the user must choose their
    own at the next sign-in. The password goes nowhere but into its hash."""
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    _check_password(password)
    hashed = hash_password(password)

    def tx(s: Session) -> UserView:
        user = _load(s, user_id, expected_version)
        user.password_hash = hashed
        user.must_change_password = True
        s.flush()
        audit.record(
            s,
            actor,
            "user.password_reset",
            "user",
            user.id,
            {"username": user.username, "must_change_password": True},
            at=db.now(),
        )
        logins.sync_login(s, user.username, password=password)
        return _view(s, user)

    return db.write(tx)


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> UserView:
    """The signed-in user replaces their password: the old one must be right and the new
    one differ from it. Clears must-change-password."""
    _check_password(new)
    if new == old:
        raise ValidationError("password", "user.password_unchanged")
    stored = db.read(lambda s: s.scalar(select(User.password_hash).where(User.id == actor.user_id)))
    if stored is None or not verify_password(old, stored):
        raise ValidationError("old_password", "user.old_password_wrong")
    hashed = hash_password(new)

    def tx(s: Session) -> UserView:
        user = s.get(User, actor.user_id, with_for_update=True)
        if user is None:
            raise NotFound("user", actor.user_id)
        if user.password_hash != stored:  # changed meanwhile (another desk, a manager)
            raise ValidationError("old_password", "user.old_password_wrong")
        now = db.now()
        user.password_hash = hashed
        user.must_change_password = False
        user.password_changed_at = now
        s.flush()
        audit.record(
            s, actor, "user.password_change", "user", user.id, {"username": user.username}, at=now
        )
        logins.sync_login(s, user.username, password=new)
        return _view(s, user)

    return db.write(tx)


def set_active(
    db: Database,
    actor: Actor,
    user_id: int,
    active: bool,
    *,
    expected_version: int | None = None,
) -> UserView:
    """Deactivate (never delete: history names them) or reactivate a user. A deactivated
    user cannot sign in, and a desk still signed in as them is refused at its next write.

    Refused: deactivating yourself, or the last active manager."""
    require(actor.username, actor.roles, Perm.MANAGE_USERS)
    if user_id == actor.user_id and not active:
        raise ValidationError("active", "user.cannot_deactivate_self")

    def tx(s: Session) -> UserView:
        user = _load(s, user_id, expected_version)
        if user.active == active:
            return _view(s, user)
        manager = Role.MANAGER in _roles_of(s, user.id) | {user.role}
        if not active and manager and _other_active_managers(s, user.id) == 0:
            raise ValidationError("active", "user.last_manager")
        user.active = active
        s.flush()
        audit.record(s, actor, "user.active", "user", user.id, {"active": active}, at=db.now())
        logins.sync_login(s, user.username, active=active)
        return _view(s, user)

    return db.write(tx)
