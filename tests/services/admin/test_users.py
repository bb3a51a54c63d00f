"""Users: the first manager, sign-in, permission to manage users, bad input."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Role
from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.admin import users
from desk_app.services.core.database import Actor, Database


def test_first_user_must_be_manager_and_only_once(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        users.create_user(db, None, "first", "secret-1", Role.CLERK)
    assert (info.value.field, info.value.code) == ("role", "user.first_must_be_manager")
    users.create_user(db, None, "first", "secret-1", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        users.create_user(db, None, "second", "secret-1", Role.MANAGER)
    assert users.count_users(db) == 1


def test_sign_in_checks_password(db: Database, manager: Actor) -> None:
    assert manager.role is Role.MANAGER
    with pytest.raises(ValidationError) as wrong:
        users.authenticate(db, "boss", "wrong-password")
    assert (wrong.value.code, wrong.value.values) == ("user.sign_in_failed", {})
    with pytest.raises(ValidationError) as unknown:
        users.authenticate(db, "nobody", "secret-1")
    assert unknown.value.code == "user.sign_in_failed"  # the same words: nothing to probe
    assert users.authenticate(db, " BOSS ", "secret-1").user_id == manager.user_id


def test_clerk_cannot_create_users(db: Database, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        users.create_user(db, clerk, "x", "secret-1", Role.MANAGER)


@pytest.mark.parametrize(
    ("username", "password", "field", "code", "values"),
    [
        ("", "secret-1", "username", "field.required", {}),
        ("a b", "secret-1", "username", "user.name_invalid", {"limit": 40}),
        ("x" * 41, "secret-1", "username", "user.name_invalid", {"limit": 40}),
        ("ok", "123", "password", "user.password_too_short", {"minimum": 6}),
        ("boss", "secret-1", "username", "user.name_taken", {"username": "boss"}),
    ],
)
def test_bad_input_is_refused(
    db: Database,
    manager: Actor,
    username: str,
    password: str,
    field: str,
    code: str,
    values: dict[str, object],
) -> None:
    with pytest.raises(ValidationError) as info:
        users.create_user(db, manager, username, password, Role.CLERK)
    assert (info.value.field, info.value.code, info.value.values) == (field, code, values)
    assert len(users.list_users(db, manager)) == 1


def test_deactivated_user_cannot_sign_in(db: Database, manager: Actor, clerk: Actor) -> None:
    users.set_active(db, manager, clerk.user_id, False)
    with pytest.raises(ValidationError) as info:
        users.authenticate(db, "clerk1", "secret-1")
    assert info.value.code == "user.sign_in_failed"


def test_a_manager_cannot_deactivate_themselves(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        users.set_active(db, manager, manager.user_id, False)
    assert (info.value.field, info.value.code) == ("active", "user.cannot_deactivate_self")


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


def test_user_refusals_read_in_chinese(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as short:
        users.create_user(db, manager, "clerk9", "123", Role.CLERK)
    assert render(short.value, language="zh_CN") == "密码至少需要 6 个字符。"
    assert render(short.value) == "The password needs at least 6 characters."
    with pytest.raises(ValidationError) as wrong:
        users.authenticate(db, "boss", "wrong-password")
    assert render(wrong.value, language="zh_CN") == "用户名或密码错误。"
