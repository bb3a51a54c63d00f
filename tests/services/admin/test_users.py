"""Users: the first manager, sign-in, permission to manage users, bad input."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Role
from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database


def test_first_user_must_be_manager_and_only_once(db: Database) -> None:
    with pytest.raises(ValidationError):
        users.create_user(db, None, "first", "secret-1", Role.CLERK)
    users.create_user(db, None, "first", "secret-1", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        users.create_user(db, None, "second", "secret-1", Role.MANAGER)
    assert users.count_users(db) == 1


def test_sign_in_checks_password(db: Database, manager: Actor) -> None:
    assert manager.role is Role.MANAGER
    with pytest.raises(ValidationError, match="Wrong user name or password"):
        users.authenticate(db, "boss", "wrong-password")
    with pytest.raises(ValidationError):
        users.authenticate(db, "nobody", "secret-1")
    assert users.authenticate(db, " BOSS ", "secret-1").user_id == manager.user_id


def test_clerk_cannot_create_users(db: Database, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        users.create_user(db, clerk, "x", "secret-1", Role.MANAGER)


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [("", "secret-1", "username"), ("a b", "secret-1", "username"), ("ok", "123", "password")],
)
def test_bad_input_is_refused(
    db: Database, manager: Actor, username: str, password: str, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        users.create_user(db, manager, username, password, Role.CLERK)
    assert info.value.field == field
    assert len(users.list_users(db, manager)) == 1


def test_deactivated_user_cannot_sign_in(db: Database, manager: Actor, clerk: Actor) -> None:
    users.set_active(db, manager, clerk.user_id, False)
    with pytest.raises(ValidationError):
        users.authenticate(db, "clerk1", "secret-1")


def test_the_program_hashes_at_production_cost_by_default() -> None:
    """The test suite lowers the cost (tests/conftest.py); a fresh process does not."""
    import subprocess
    import sys

    code = (
        "from desk_app.services.admin import users\n"
        "assert users.PRODUCTION_SCRYPT == {'n': 2**14, 'r': 8, 'p': 1}, users.PRODUCTION_SCRYPT\n"
        "assert users._SCRYPT == users.PRODUCTION_SCRYPT, users._SCRYPT\n"
        "h = users.hash_password('secret-1')\n"
        "assert h.startswith('scrypt$16384$8$1$'), h\n"
        "assert users.verify_password('secret-1', h)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_hash_is_verified_with_the_cost_it_was_made_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cheap = users.hash_password("secret-1")
    monkeypatch.setattr(users, "_SCRYPT", dict(users.PRODUCTION_SCRYPT))
    strong = users.hash_password("secret-1")
    assert strong.split("$")[1:4] == ["16384", "8", "1"]
    assert cheap.split("$")[1:4] != strong.split("$")[1:4]
    for stored in (cheap, strong):
        assert users.verify_password("secret-1", stored)
        assert not users.verify_password("secret-2", stored)


def test_hashes_of_the_older_form_still_verify() -> None:
    """Before the cost was stored: ``scrypt$salt$digest`` at n=2**14, r=8, p=1."""
    import hashlib

    salt = bytes(range(16))
    digest = hashlib.scrypt(b"secret-1", salt=salt, n=2**14, r=8, p=1)
    stored = f"scrypt${salt.hex()}${digest.hex()}"
    assert users.verify_password("secret-1", stored)
    assert not users.verify_password("secret-2", stored)
    for broken in ("", "scrypt$zz$00", "md5$00$00", "scrypt$x$8$1$00$00", stored + "$1"):
        assert not users.verify_password("secret-1", broken)
