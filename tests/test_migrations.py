"""Migrations are the only way a schema is made: they build the models' schema exactly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from desk_app.db import migrate
from desk_app.db.base import Base
from desk_app.db.engine import make_engine
from desk_app.db.models.people import ENGINE_SPECIFIC_SEARCH_INDEXES, include_in_autogenerate


# SQLite cannot reflect expression indexes (upper(serial), substr(key, 1, 1)), so
# neither SQLAlchemy nor Alembic can compare them there; PostgreSQL compares them,
# and the test below checks by name that SQLite has them.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_upgrade_from_empty_to_head_matches_the_models(db_url: str) -> None:
    # db_url is a database the fixture built with migrate.upgrade from empty.
    engine = make_engine(db_url)
    try:
        assert migrate.status(engine).up_to_date
        with engine.connect() as conn:
            # Skips only the engine-specific search structures of migration 0002 (GIN
            # indexes, FTS5 tables), which no model can declare; see db.models.people.
            opts = {"compare_type": True, "include_object": include_in_autogenerate}
            context = MigrationContext.configure(conn, opts=opts)
            assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_engine_specific_search_structures_exist(db_url: str) -> None:
    """What the comparison above has to skip is there, by name."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
                expected = {
                    "ix_appliances_serial_upper",
                    "ix_customer_name_keys_initial",
                    "customer_addresses_fts_vocab",
                    *(
                        f"{source}_fts{suffix}"
                        for source in ("customer_addresses", "customer_phones")
                        for suffix in ("", "_insert", "_delete", "_update")
                    ),
                }
            else:
                names = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes").scalars())
                expected = set(ENGINE_SPECIFIC_SEARCH_INDEXES)
        assert expected <= names
    finally:
        engine.dispose()


def test_fresh_sqlite_file_is_created_and_migrated(tmp_path: pytest.TempPathFactory) -> None:
    from desk_app.config import AppConfig
    from desk_app.services.core.bootstrap import open_database

    path = tmp_path / "new" / "desk.sqlite3"  # type: ignore[operator]
    db = open_database(AppConfig(f"sqlite:///{path}", "test"))
    try:
        assert path.exists()
        assert migrate.status(db.engine).up_to_date
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_server_behind_the_schema_is_refused_not_migrated(tmp_path: pytest.TempPathFactory) -> None:
    from desk_app.config import AppConfig
    from desk_app.domain.errors import DatabaseUnavailable
    from desk_app.services.core.bootstrap import open_database

    path = tmp_path / "empty.sqlite3"  # type: ignore[operator]
    from desk_app.messages import render

    with pytest.raises(DatabaseUnavailable) as refused:
        open_database(AppConfig(f"sqlite:///{path}", "test"), auto_migrate=False)
    assert refused.value.code == "database.schema_missing"
    assert "desk-app db upgrade" in render(refused.value, language="zh_CN")


def test_visits_that_already_overlap_do_not_stop_the_upgrade(pg_url: str) -> None:
    """Migration 0003 on a PostgreSQL database holding a double booking made before it:
    the later visit is marked as an override, and the constraint is in place after."""
    from datetime import UTC, datetime, timedelta

    from alembic import command
    from sqlalchemy import exc, text

    from desk_app.domain.enums import Role
    from desk_app.services.admin import users
    from desk_app.services.core.database import Database
    from desk_app.services.dispatch import dispatch
    from desk_app.services.dispatch.dispatch import TechnicianDraft
    from tests.services import factories

    db = Database(pg_url)
    engine = make_engine(pg_url)
    try:
        users.create_user(db, None, "boss", "secret-1", Role.MANAGER)
        boss = users.authenticate(db, "boss", "secret-1")
        tech = dispatch.create_technician(db, boss, TechnicianDraft("孙师傅")).id
        nine = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
        t = factories.ticket(db, boss)
        dispatch.assign(db, boss, t.id, tech, starts=nine, ends=nine + timedelta(hours=1))
        copy = (
            "INSERT INTO appointments (ticket_id, technician_id, starts_at, ends_at, state, "
            "created_at, created_by) SELECT ticket_id, technician_id, starts_at, ends_at, "
            "state, created_at, created_by FROM appointments"
        )
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(copy)  # booked twice, as the old schema let it happen
        finally:
            migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT override_reason FROM appointments ORDER BY id")
            ).scalars()
            first, second = list(rows)
        assert first is None and second is not None and "0003" in second
        with pytest.raises(exc.IntegrityError), engine.begin() as conn:
            conn.exec_driver_sql(copy + " WHERE override_reason IS NULL")
    finally:
        engine.dispose()
        db.dispose()
