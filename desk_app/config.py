"""Where the database is: the one settings object read at start-up.

Resolution order, first found wins:
1. ``--db URL`` on the command line,
2. the ``DESK_DATABASE_URL`` environment variable,
3. ``[database] url`` in the config file (``DESK_CONFIG`` or the per-user config
   folder's ``desk-app/config.toml``),
4. the embedded default: a SQLite file in the per-user data folder.

The URL may name just the server and the database (``postgresql://shopserver/shop``);
passwords are not kept here but in the operating system's credential store
(``desk_app.credentials``, filled by ``desk-app db password``). A password still found
in the config file's URL works but is warned about. Other ``[database]`` keys:

- ``sslmode``: passed to the server connection as libpq's ``sslmode`` (``require``,
  ``verify-full``, ...) unless the URL names one itself;
- ``sign_in = "database"``: each desk user connects as their own PostgreSQL login role
  and the server checks the password (``services/core/logins_pg``); the default
  ``"app"`` checks passwords in the application;
- ``gate_user``: the login a desk uses before anybody has signed in (default
  ``desk_{database}__gate``, see ``db/gate``).
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

from desk_app import credentials
from desk_app.domain.errors import DeskError

log = logging.getLogger(__name__)

APP_NAME = "desk-app"
APP_AUTHOR = "DeskApp"

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
SIGN_IN_APP = "app"  # the application checks the password hash (both engines)
SIGN_IN_DATABASE = "database"  # the server checks each user's own login (PostgreSQL)
SIGN_IN_MODES = (SIGN_IN_APP, SIGN_IN_DATABASE)


@dataclass(frozen=True)
class AppConfig:
    database_url: str
    source: str  # where the URL came from, shown in `db check` and the status bar
    language: str | None = None  # "zh_CN" / "en"; None = follow the system locale
    sslmode: str | None = None  # [database] sslmode, already in database_url's query
    sign_in: str = SIGN_IN_APP  # [database] sign_in: who checks the password
    gate_user: str | None = None  # [database] gate_user; None: desk_{database}__gate
    password_in_file: bool = False  # the config file's URL holds a password (warned)

    @property
    def is_embedded(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def own_logins(self) -> bool:
        """Whether each desk user connects as their own database login."""
        return self.sign_in == SIGN_IN_DATABASE and not self.is_embedded

    @property
    def gate_login(self) -> str:
        """The login a desk uses before anybody has signed in (own logins only)."""
        if self.gate_user:
            return self.gate_user
        from desk_app.db.gate import gate_role

        return gate_role(make_url(self.database_url).database or "")

    def connect_url(self, user: str | None = None, password: str | None = None) -> str:
        """The URL to connect with as ``user`` (default: the URL's own user).

        The password is ``password`` when given, else the URL's own (only when the user
        is the URL's), else the one stored in the credential store for that user, else
        none (the server may not ask: trust, a client certificate, ``.pgpass``).
        """
        if self.is_embedded:
            return self.database_url
        parsed = make_url(self.database_url)
        if user is not None and user != parsed.username:
            parsed = parsed.set(username=user, password=None)
        if password is not None:
            parsed = parsed.set(password=password)
        elif parsed.password is None and parsed.username:
            stored = credentials.stored_password(self.database_url, parsed.username)
            if stored is not None:
                parsed = parsed.set(password=stored)
        return parsed.render_as_string(hide_password=False)


def default_sqlite_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "desk.sqlite3"


def config_file_path() -> Path:
    env = os.environ.get("DESK_CONFIG")
    if env:
        return Path(env)
    return platformdirs.user_config_path(APP_NAME, APP_AUTHOR) / "config.toml"


def normalize_url(url: str) -> str:
    """Accept the URL forms people paste and pick the psycopg 3 driver for PostgreSQL."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def with_sslmode(url: str, sslmode: str | None) -> str:
    """``url`` asking the server connection for ``sslmode``, unless the URL names one."""
    if not sslmode or url.startswith("sqlite"):
        return url
    parsed = make_url(url)
    if "sslmode" in parsed.query:
        return url
    return parsed.update_query_dict({"sslmode": sslmode}).render_as_string(hide_password=False)


def _choice(section: dict[str, object], key: str, allowed: tuple[str, ...]) -> str | None:
    value = section.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise DeskError("config.not_a_choice", key=key, value=value, allowed=", ".join(allowed))
    return value


def load_config(db_url: str | None = None) -> AppConfig:
    file_data: dict[str, object] = {}
    path = config_file_path()
    if path.exists():
        with path.open("rb") as fh:
            file_data = tomllib.load(fh)
    language = None
    ui = file_data.get("ui")
    if isinstance(ui, dict) and isinstance(ui.get("language"), str):
        language = ui["language"]
    language = os.environ.get("DESK_LANGUAGE", language)
    database = file_data.get("database")
    section: dict[str, object] = database if isinstance(database, dict) else {}
    sslmode = _choice(section, "sslmode", SSL_MODES)
    sign_in = _choice(section, "sign_in", SIGN_IN_MODES) or SIGN_IN_APP
    raw_gate = section.get("gate_user")
    gate_user = raw_gate if isinstance(raw_gate, str) and raw_gate else None

    def made(url: str, source: str, from_file: bool = False) -> AppConfig:
        url = normalize_url(url)
        in_file = from_file and not url.startswith("sqlite") and bool(make_url(url).password)
        if in_file:
            log.warning(
                "the config file %s holds a database password; store it with "
                "`desk-app db password` and remove it from the file",
                path,
            )
        return AppConfig(
            with_sslmode(url, sslmode),
            source,
            language,
            sslmode=sslmode,
            sign_in=sign_in,
            gate_user=gate_user,
            password_in_file=in_file,
        )

    if db_url:
        return made(db_url, "command line")
    env = os.environ.get("DESK_DATABASE_URL")
    if env:
        return made(env, "DESK_DATABASE_URL")
    if isinstance(section.get("url"), str):
        return made(str(section["url"]), str(path), from_file=True)
    return made(f"sqlite:///{default_sqlite_path()}", "embedded default")
