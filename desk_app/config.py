"""Where the database is: the one settings object read at start-up.

Resolution order, first found wins:
1. ``--db URL`` on the command line,
2. the ``DESK_DATABASE_URL`` environment variable,
3. ``[database] url`` in the config file (``DESK_CONFIG`` or the per-user config
   folder's ``desk-app/config.toml``),
4. the embedded default: a SQLite file in the per-user data folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "desk-app"
APP_AUTHOR = "DeskApp"


@dataclass(frozen=True)
class AppConfig:
    database_url: str
    source: str  # where the URL came from, shown in `db check` and the status bar
    language: str | None = None  # "zh_CN" / "en"; None = follow the system locale

    @property
    def is_embedded(self) -> bool:
        return self.database_url.startswith("sqlite")


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
    if db_url:
        return AppConfig(normalize_url(db_url), "command line", language)
    env = os.environ.get("DESK_DATABASE_URL")
    if env:
        return AppConfig(normalize_url(env), "DESK_DATABASE_URL", language)
    database = file_data.get("database")
    if isinstance(database, dict) and isinstance(database.get("url"), str):
        return AppConfig(normalize_url(database["url"]), str(path), language)
    return AppConfig(f"sqlite:///{default_sqlite_path()}", "embedded default", language)
