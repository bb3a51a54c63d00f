"""Database passwords in the operating system's credential store, never in a file.

``keyring`` speaks to Windows Credential Manager, the macOS Keychain or the Secret
Service on Linux. One entry per login and database: service ``desk-app``, account
``user@host:port/database``. ``desk-app db password`` stores one (see cli.py); the
desk reads it when it connects (``AppConfig.connect_url``).

Tests set an in-memory backend with ``keyring.set_keyring(...)``; nothing here picks a
backend itself.
"""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy.engine import make_url

from desk_app.domain.errors import DeskError

log = logging.getLogger(__name__)

SERVICE = "desk-app"


def account(url: str, user: str) -> str:
    """The account name under which ``user``'s password for the database of ``url`` is
    kept: the same on every PC that names the server the same way."""
    parsed = make_url(url)
    host = parsed.host or "localhost"
    port = parsed.port or 5432
    return f"{user}@{host}:{port}/{parsed.database or ''}"


def stored_password(url: str, user: str) -> str | None:
    """The stored password, or None when there is none or no credential store works here
    (logged: the connection then goes on without one, and the server says if it needs it)."""
    try:
        return keyring.get_password(SERVICE, account(url, user))
    except KeyringError as error:
        log.warning("no credential store to read the password of %s: %s", user, error)
        return None


def store_password(url: str, user: str, password: str) -> str:
    """Keep ``password``; returns the account name it is kept under."""
    name = account(url, user)
    try:
        keyring.set_password(SERVICE, name, password)
    except KeyringError as error:
        raise DeskError("credentials.store_unavailable", reason=str(error)) from error
    return name


def forget_password(url: str, user: str) -> bool:
    """Remove the stored password; False when there was none."""
    try:
        keyring.delete_password(SERVICE, account(url, user))
    except PasswordDeleteError:
        return False
    except KeyringError as error:
        raise DeskError("credentials.store_unavailable", reason=str(error)) from error
    return True
