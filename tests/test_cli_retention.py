"""`desk-app db purge-history`: the administrator's retention purge, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from desk_app.cli import main
from desk_app.db.models import AuditLog
from desk_app.services.core.database import Actor, Database
from tests.conftest import FakeClock
from tests.services import factories


def test_purge_history_removes_rows_before_the_date_and_says_how_many(
    db: Database,
    manager: Actor,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    clock.now = datetime(2023, 5, 1, 2, 0, tzinfo=UTC)
    factories.ticket(db, manager)
    old = db.read(
        lambda s: len(
            s.scalars(select(AuditLog.id).where(AuditLog.at < clock.now.replace(year=2024))).all()
        )
    )
    assert old > 0

    assert (
        main(["db", "purge-history", "--before", "2024-01-01", "--db", db.url, "--as", "boss"]) == 0
    )

    assert f"purged {old} audit-log" in capsys.readouterr().out
    left = db.read(lambda s: list(s.scalars(select(AuditLog).order_by(AuditLog.id))))
    assert all(row.at.year >= 2026 for row in left)
    assert left[-1].action == "purge_history"


def test_purge_history_of_the_last_year_is_refused_with_the_latest_date(
    db: Database,
    manager: Actor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESK_LANGUAGE", "en")
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    before = factories.count(db, AuditLog)
    argv = ["db", "purge-history", "--before", "2099-01-01", "--db", db.url, "--as", "boss"]
    assert main(argv) == 2
    assert "History of the last year is kept" in capsys.readouterr().err
    # Only the manager's sign-in was written (audited like every sign-in).
    assert factories.count(db, AuditLog) == before + 1


def test_protect_history_puts_back_a_dropped_trigger(
    db: Database, manager: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import exc, text

    from desk_app.db import history

    with db.engine.begin() as conn:
        for statement in history.lift_sql(db.dialect, ["change_log"]):
            conn.execute(text(statement))
    assert main(["db", "check", "--db", db.url]) == 1
    assert main(["db", "protect-history", "--db", db.url]) == 0
    assert "put back: change_log_append_only" in capsys.readouterr().out
    assert main(["db", "check", "--db", db.url]) == 0
    with pytest.raises(exc.DBAPIError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM change_log"))
    assert main(["db", "protect-history", "--db", db.url]) == 0
    assert "every trigger in place" in capsys.readouterr().out
