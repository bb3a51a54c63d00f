"""`desk-app print work-orders DAY`: the visits the dispatch board counts that day, never
the cancelled ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.dispatch import TechnicianDraft
from desk_app.services.tickets import tickets
from tests.printing.pdf_tools import page_texts
from tests.services import factories

NINE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def test_the_days_work_orders_leave_cancelled_visits_out(
    db: Database,
    clerk: Actor,
    dispatcher: Actor,
    manager: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    tech = dispatch.create_technician(db, manager, TechnicianDraft("孙师傅"))
    kept, dropped = factories.ticket(db, clerk), factories.ticket(db, clerk)
    dispatch.assign(db, dispatcher, kept.id, tech.id, starts=NINE, ends=NINE + timedelta(hours=1))
    later = NINE + timedelta(hours=2)
    dispatch.assign(
        db, dispatcher, dropped.id, tech.id, starts=later, ends=later + timedelta(hours=1)
    )
    tickets.cancel(db, clerk, dropped.id, "客户取消")
    out = tmp_path / "day.pdf"
    argv = ["print", "work-orders", "2026-11-24", "-o", str(out), "--db", db.url]
    assert main([*argv, "--as", "disp1"]) == 0
    pages = page_texts(out.read_bytes())
    assert len(pages) == 1 and kept.number in pages[0]
    assert dropped.number not in "".join(pages)
    assert "wrote" in capsys.readouterr().out
