"""The `desk-app` command as an administrator uses it, on both engines."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.db import migrate
from desk_app.domain.enums import Role, TicketKind
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from desk_app.services.tickets.tickets import TicketDraft, open_ticket
from tests.services import factories


def test_db_upgrade_creates_a_fresh_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'a' / 'desk.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert f"schema {migrate.head_revision()}" in capsys.readouterr().out
    assert (tmp_path / "a" / "desk.sqlite3").exists()


def test_user_add_reads_password_from_stdin(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("first-pass\n"))
    assert (
        main(
            ["user", "add", "boss", "--role", "manager", "--display-name", "王经理", "--db", db_url]
        )
        == 0
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("second-pass\n"))
    assert main(["user", "add", "li", "--role", "clerk", "--db", db_url]) == 0
    db = Database(db_url)
    assert users.authenticate(db, "boss", "first-pass").role is Role.MANAGER
    assert users.authenticate(db, "li", "second-pass").role is Role.CLERK
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    assert main(["user", "add", "short", "--role", "clerk", "--db", db_url]) == 2
    assert "password" in capsys.readouterr().err
    db.dispose()


def test_db_check_reports_ok(
    db: Database, manager: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "check", "--db", db.url]) == 0
    out = capsys.readouterr().out
    assert f"schema: {migrate.head_revision()}" in out and out.rstrip().endswith("OK")


def test_db_check_finds_a_ticket_whose_status_disagrees_with_history(
    db: Database, manager: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import update

    from desk_app.db.models import Ticket

    actor = users.authenticate(db, "boss", "secret-1")
    c = factories.customer(db, actor)
    open_ticket(db, actor, TicketDraft(c.id, TicketKind.REPAIR, "坏了"))
    db.write(lambda s: s.execute(update(Ticket).values(status="completed")))
    assert main(["db", "check", "--db", db.url]) == 1
    assert "differs from their last event" in capsys.readouterr().out


def test_help_works_without_a_database() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "demo-data", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "--customers" in result.stdout and "--db" in result.stdout


def test_db_option_before_or_after_the_command(tmp_path: Path) -> None:
    before = tmp_path / "before.sqlite3"
    after = tmp_path / "after.sqlite3"
    assert main(["--db", f"sqlite:///{before}", "db", "upgrade"]) == 0
    assert main(["db", "upgrade", "--db", f"sqlite:///{after}"]) == 0
    assert before.exists() and after.exists()


def test_settings_company_header_sets_keeps_and_removes_the_logo(
    db: Database, manager: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    from desk_app.services.admin import settings

    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), (20, 90, 200)).save(logo, "PNG")
    base = ["settings", "company-header", "--db", db.url]
    args = ["--name", "蓝天家电售后", "--address", "深圳市南山区科技园路1号"]
    assert main([*base, *args, "--hotline", "400-800-1234", "--logo", str(logo)]) == 0
    out = capsys.readouterr().out
    assert "蓝天家电售后" in out and "400-800-1234" in out and str(logo) in out
    header = settings.get_company_header(db)
    assert (header.name, header.hotline) == ("蓝天家电售后", "400-800-1234")
    assert header.logo_data == logo.read_bytes()

    assert main([*base, "--name", "蓝天家电售后服务中心"]) == 0  # the logo stays
    kept = settings.get_company_header(db)
    assert kept.name == "蓝天家电售后服务中心" and kept.logo_data == logo.read_bytes()
    assert kept.address == ""  # every field is set from the command line
    assert main([*base, "--name", "蓝天家电售后服务中心", "--no-logo"]) == 0
    assert settings.get_company_header(db).logo_data is None

    capsys.readouterr()
    assert main([*base, "--name", " "]) == 2
    assert main([*base, "--name", "蓝天", "--logo", str(tmp_path / "missing.png")]) == 2
    err = capsys.readouterr().err
    assert "name" in err and "logo" in err
    assert settings.get_company_header(db).name == "蓝天家电售后服务中心"


def test_db_check_finds_a_day_counter_behind_its_numbers(
    db: Database, manager: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import update

    from desk_app.db.models import NumberSequence

    actor = users.authenticate(db, "boss", "secret-1")
    c = factories.customer(db, actor)
    for _ in range(2):
        open_ticket(db, actor, TicketDraft(c.id, TicketKind.REPAIR, "坏了"))
    db.write(lambda s: s.execute(update(NumberSequence).values(last_value=1)))
    assert main(["db", "check", "--db", db.url]) == 1
    assert "1 day(s) with ticket numbers above their counter" in capsys.readouterr().out
