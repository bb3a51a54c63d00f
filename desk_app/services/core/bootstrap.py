"""Open the configured database, ready for use: the embedded file is created and
migrated on first start; a shared server must already be at the current schema."""

from __future__ import annotations

from desk_app.config import AppConfig
from desk_app.db import migrate
from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.core.database import Database


def open_database(config: AppConfig, *, auto_migrate: bool | None = None) -> Database:
    """A Database for ``config``; raises DatabaseUnavailable with the reason in plain words.

    ``auto_migrate`` defaults to True for the embedded SQLite file (one PC, nobody
    else to coordinate with) and False for PostgreSQL, where an administrator
    runs ``desk-app db upgrade`` once so that desks on older versions are not
    surprised by a newer schema.
    """
    db = Database(config.connect_url())  # the stored password, if the URL names a user
    if not db.ping():
        db.dispose()
        raise DatabaseUnavailable("database.unreachable_at_start", source=config.source)
    if auto_migrate is None:
        auto_migrate = db.is_embedded
    state = migrate.status(db.engine)
    if not state.up_to_date:
        if auto_migrate:
            migrate.upgrade(db.engine)
        else:
            db.dispose()
            if state.current is None:
                raise DatabaseUnavailable("database.schema_missing", head=state.head)
            raise DatabaseUnavailable(
                "database.schema_outdated", current=state.current, head=state.head
            )
    return db
