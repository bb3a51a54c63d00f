"""What every window is handed in its constructor: the database, the user, the helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings

from desk_app.domain.permissions import Perm, has
from desk_app.printing.spooler import Spooler
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common import errors
from desk_app.ui.common.changes import ChangeHub
from desk_app.ui.common.operations import BackgroundOps


@dataclass
class Desk:
    """One signed-in desk. Tests build one around a test database and fake clock.

    ``settings`` stores window geometry, column widths and this PC's printer routes
    (tests pass a throw-away INI file); ``tz`` is the shop's time zone used for display;
    ``spooler`` is the print spooler documents go to without a dialog (None: this
    computer's, ``ui.paperwork.jobs.default_spooler``; tests pass a fake).
    """

    db: Database
    actor: Actor
    ops: BackgroundOps
    changes: ChangeHub
    settings: QSettings
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    spooler: Spooler | None = None

    def __post_init__(self) -> None:
        errors.use_shop_zone(self.tz)

    def now(self) -> datetime:
        return self.db.now()

    def can(self, perm: Perm) -> bool:
        return has(self.actor.roles, perm)

    @property
    def database_label(self) -> str:
        return database_label(self.db.url)


def database_label(url: str) -> str:
    """ "embedded: C:\\…\\desk.sqlite3" or "server: host:5432/db", never the password."""
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else url
        return path or ":memory:"
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}/{unquote(parts.path.lstrip('/'))}"
