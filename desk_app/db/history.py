"""The triggers that keep history append-only, on both engines, for every connection.

History is the audit log, the stock ledger, ticket and complaint events and the change
log. Their rows are only ever inserted; an UPDATE or DELETE of one (and on PostgreSQL a
TRUNCATE) is refused by the database itself, whoever is connected, the tables' owner
included. Migration ``0006_history_append_only`` installs the triggers; the retention
purge (``services.admin.retention``) lifts them for its own transaction only and puts
them back before it commits, so no other connection ever sees them missing.

- PostgreSQL: one plpgsql function raising SQLSTATE ``HISTORY_SQLSTATE`` (a class of
  our own, so the app and an administrator's psql tell it from every built-in error),
  a BEFORE UPDATE OR DELETE row trigger and a BEFORE TRUNCATE statement trigger per
  table. ``ALTER TABLE ... DISABLE TRIGGER`` needs the table's owner; a superuser can
  always bypass triggers (``session_replication_role = replica``), which is why desks
  must never connect as one (README, issue 14).
- SQLite: BEFORE UPDATE and BEFORE DELETE triggers that ``RAISE(ABORT, ...)`` with a
  message starting ``HISTORY_MESSAGE``. Anyone who can open the file can drop them: on
  the embedded database the application's own checks are what protect the data.

Kept here rather than only in the migration because the purge must recreate exactly
what the migration created.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

HISTORY_TABLES: tuple[str, ...] = (
    "audit_log",
    "stock_movements",
    "ticket_events",
    "complaint_events",
    "change_log",
)

# SQLSTATE of the refusal on PostgreSQL ("DH": desk history). Classes starting with a
# letter after the standard ones are free for applications.
HISTORY_SQLSTATE = "DH001"
# The start of SQLite's RAISE(ABORT) message (and of PostgreSQL's message text).
HISTORY_MESSAGE = "history is append-only"

PG_FUNCTION = "desk_history_append_only"


def _sqlite_trigger(table: str, event: str) -> str:
    return f"{table}_append_only_{event.lower()}"


def _pg_row_trigger(table: str) -> str:
    return f"{table}_append_only"


def _pg_truncate_trigger(table: str) -> str:
    return f"{table}_no_truncate"


def pg_trigger_names(table: str) -> tuple[str, str]:
    return _pg_row_trigger(table), _pg_truncate_trigger(table)


def install_sql(dialect: str, tables: Sequence[str] = HISTORY_TABLES) -> list[str]:
    """Statements creating the triggers (and on PostgreSQL their function)."""
    if dialect == "postgresql":
        out = [
            f"""
            CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger
            LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION '{HISTORY_MESSAGE}: % of % refused', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = '{HISTORY_SQLSTATE}',
                          HINT = 'Rows leave only through the retention purge '
                                 '(desk-app db purge-history), see docs/retention.md.';
            END
            $fn$
            """
        ]
        for t in tables:
            out.append(
                f'CREATE TRIGGER {_pg_row_trigger(t)} BEFORE UPDATE OR DELETE ON "{t}" '
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            out.append(
                f'CREATE TRIGGER {_pg_truncate_trigger(t)} BEFORE TRUNCATE ON "{t}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
            )
        return out
    out = []
    for t in tables:
        for event in ("UPDATE", "DELETE"):
            out.append(
                f'CREATE TRIGGER {_sqlite_trigger(t, event)} BEFORE {event} ON "{t}" '
                f"BEGIN SELECT RAISE(ABORT, '{HISTORY_MESSAGE}: {event} of {t} refused'); END"
            )
    return out


def drop_sql(dialect: str, tables: Sequence[str] = HISTORY_TABLES) -> list[str]:
    """Statements removing what ``install_sql`` created."""
    if dialect == "postgresql":
        out = [
            f'DROP TRIGGER IF EXISTS {name} ON "{t}"'
            for t in tables
            for name in pg_trigger_names(t)
        ]
        return [*out, f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()"]
    return [
        f"DROP TRIGGER IF EXISTS {_sqlite_trigger(t, event)}"
        for t in tables
        for event in ("UPDATE", "DELETE")
    ]


def is_history_refusal(error: BaseException | None) -> bool:
    """True if a driver error is one of these triggers refusing a change of history."""
    if error is None:
        return False
    if getattr(error, "sqlstate", None) == HISTORY_SQLSTATE:
        return True
    return HISTORY_MESSAGE in str(error)


def lift_sql(dialect: str, tables: Sequence[str]) -> list[str]:
    """Statements lifting the triggers of ``tables`` inside the current transaction.

    PostgreSQL: ``DISABLE TRIGGER`` (table owner only). The catalog change is part of
    the transaction: other connections never see the triggers off, and their writes
    to these tables wait for the commit (the ALTER's lock). SQLite: the triggers are
    dropped; the file's write lock, held since BEGIN, keeps every other desk out.
    Always followed by ``restore_sql`` in the same transaction.
    """
    if dialect == "postgresql":
        return [f'ALTER TABLE "{t}" DISABLE TRIGGER {_pg_row_trigger(t)}' for t in tables]
    return drop_sql(dialect, tables)


def restore_sql(dialect: str, tables: Sequence[str]) -> list[str]:
    """Statements undoing ``lift_sql``."""
    if dialect == "postgresql":
        return [f'ALTER TABLE "{t}" ENABLE TRIGGER {_pg_row_trigger(t)}' for t in tables]
    return install_sql(dialect, tables)


def expected_triggers(dialect: str, tables: Sequence[str] = HISTORY_TABLES) -> set[str]:
    """The names of the triggers ``install_sql`` creates."""
    if dialect == "postgresql":
        return {name for t in tables for name in pg_trigger_names(t)}
    return {_sqlite_trigger(t, event) for t in tables for event in ("UPDATE", "DELETE")}


def missing_triggers(conn: Connection) -> list[str]:
    """The append-only triggers that are missing or (PostgreSQL) disabled, by name:
    ``desk-app db check`` reports them, since nothing else would notice."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        rows = conn.execute(
            text(
                "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' "
                "AND c.relnamespace = to_regnamespace(current_schema())"
            )
        )
    else:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    present = {name for (name,) in rows}
    return sorted(expected_triggers(dialect) - present)


def repair(conn: Connection) -> list[str]:
    """Put back the append-only triggers that are missing or disabled, in the caller's
    transaction; returns their names. Needs the tables' owner on PostgreSQL."""
    missing = missing_triggers(conn)
    if not missing:
        return []
    dialect = conn.dialect.name
    if dialect == "postgresql":
        present = set(
            conn.execute(
                text(
                    "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE NOT t.tgisinternal "
                    "AND c.relnamespace = to_regnamespace(current_schema())"
                )
            ).scalars()
        )
        conn.execute(text(install_sql(dialect, ())[0]))  # the function, if it went
        for t in HISTORY_TABLES:
            row, truncate = pg_trigger_names(t)
            for name, create in zip((row, truncate), install_sql(dialect, (t,))[1:], strict=True):
                if name not in missing:
                    continue
                if name in present:
                    conn.execute(text(f'ALTER TABLE "{t}" ENABLE TRIGGER {name}'))
                else:
                    conn.execute(text(create))
        return missing
    for t in HISTORY_TABLES:
        for event, create in zip(("UPDATE", "DELETE"), install_sql(dialect, (t,)), strict=True):
            if _sqlite_trigger(t, event) in missing:
                conn.execute(text(create))
    return missing
