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
from desk_app.services.admin import settings, users
from desk_app.services.core.database import Actor, Database
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


def test_a_refusal_is_printed_in_the_clerk_language_with_times_in_the_shop_zone(
    db: Database,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import UTC, datetime

    from desk_app import cli_print
    from desk_app.domain.errors import ConflictError

    settings.set_timezone(db, manager, "Asia/Urumqi")  # UTC+6, not the default UTC+8
    out = ["-o", "x.pdf", "--db", db.url]
    monkeypatch.setenv("DESK_LANGUAGE", "zh_CN")
    assert main(["print", "work-order", "S19990101-0001", *out]) == 2
    assert capsys.readouterr().err.strip() == "error: 未找到：工单 S19990101-0001。"
    monkeypatch.setenv("DESK_LANGUAGE", "en")
    assert main(["print", "work-order", "S19990101-0001", *out]) == 2
    assert capsys.readouterr().err.strip() == "error: Not found: ticket S19990101-0001."

    def saved_meanwhile(*_args: object) -> int:
        raise ConflictError("ticket", "王芳", datetime(2026, 12, 3, 6, 5, tzinfo=UTC))

    monkeypatch.setattr(cli_print, "run_print", saved_meanwhile)
    monkeypatch.setenv("DESK_LANGUAGE", "zh_CN")
    assert main(["print", "work-order", "S19990101-0001", *out]) == 2
    assert "王芳 于 2026-12-03 12:05 修改了这条记录" in capsys.readouterr().err


def test_without_desk_language_the_locale_chooses_and_the_zone_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app import cli
    from desk_app.domain.errors import DatabaseUnavailable, NotFound

    monkeypatch.delenv("DESK_LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert cli.cli_language() == "zh_CN"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert cli.cli_language() == "en"
    # No database file: the default zone, and no file is created just to ask.
    missing = tmp_path / "none.sqlite3"
    assert cli._shop_zone(f"sqlite:///{missing}", NotFound("ticket", 1)) == cli.FALLBACK_ZONE
    assert not missing.exists()
    assert cli._shop_zone(None, DatabaseUnavailable()) == cli.FALLBACK_ZONE
    assert str(cli.FALLBACK_ZONE) == "Asia/Shanghai"
