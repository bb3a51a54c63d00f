"""The `desk-app` command as an administrator uses it, on both engines."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from desk_app.cli import main
from desk_app.db import migrate
from desk_app.domain.enums import Role, TicketKind
from desk_app.domain.errors import ValidationError
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
    # the first user needed nobody; everyone after is added by a signed-in manager
    monkeypatch.setattr(sys, "stdin", io.StringIO("second-pass\n"))
    assert main(["user", "add", "li", "--role", "clerk", "--db", db_url]) == 2
    assert "--as" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "first-pass")
    monkeypatch.setattr(sys, "stdin", io.StringIO("second-pass\n"))
    assert main(["user", "add", "li", "--role", "clerk", "--as", "boss", "--db", db_url]) == 0
    db = Database(db_url)
    assert users.authenticate(db, "boss", "first-pass").role is Role.MANAGER
    assert users.authenticate(db, "li", "second-pass").role is Role.CLERK
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    assert main(["user", "add", "short", "--role", "clerk", "--as", "boss", "--db", db_url]) == 2
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
    db: Database,
    manager: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from PIL import Image

    from desk_app.services.admin import settings

    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), (20, 90, 200)).save(logo, "PNG")
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    base = ["settings", "company-header", "--as", "boss", "--db", db.url]
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
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    out = ["-o", "x.pdf", "--as", "boss", "--db", db.url]
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


# ---------------------------------------------------------------- who is acting


def _run(argv: list[str], stdin: str = "") -> int:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return main(argv)
    finally:
        sys.stdin = saved


def test_admin_commands_need_the_acting_user_and_their_password(
    db: Database,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desk_app.db.models import AuditLog, SignInGuard, User

    before = factories.count(db, User), factories.count(db, AuditLog)
    header = ["settings", "company-header", "--name", "冒名", "--db", db.url]
    area = ["area", "add", "朝阳区", "--db", db.url]
    eve = ["user", "add", "eve", "--role", "manager", "--db", db.url]
    for argv in (header, area, eve, ["technician", "list", "--db", db.url]):
        assert _run(argv, "eve-pass-1\n") == 2
        assert "--as" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "wrong-password")
    # --as signs in like the desk (throttled, locked, audited): the first wrong answer...
    assert _run([*header, "--as", "boss"]) == 2
    assert capsys.readouterr().err.strip() == "error: password: Wrong user name or password."
    # ...and a script trying again at once is told to wait; nothing is done either way.
    assert _run([*area, "--as", "boss"]) == 2
    assert "wait 1 s" in capsys.readouterr().err
    # an unknown acting user reads exactly like a wrong password
    assert _run([*eve, "--as", "nobody"], "eve-pass-1\n") == 2
    assert capsys.readouterr().err.strip() == "error: password: Wrong user name or password."
    assert factories.count(db, User) == before[0]
    tries = db.read(
        lambda s: list(s.scalars(select(AuditLog.action).where(AuditLog.id > before[1])))
    )
    assert tries == ["user.sign_in_failed", "user.sign_in_refused", "user.sign_in_failed"]
    # The wait itself is tested with a fake clock (tests/services/admin/test_sign_in.py);
    # the command line runs on the real one: forget the failures as the wait would.
    db.write(lambda s: s.execute(delete(SignInGuard)))
    assert settings.get_company_header(db).name != "冒名"
    # --as before the command works like --db does
    monkeypatch.setenv("DESK_PASSWORD", "secret-1")
    assert _run(["--as", "boss", *area]) == 0
    assert "service area 朝阳区 added" in capsys.readouterr().out


def test_the_password_is_asked_when_no_variable_gives_it(
    db: Database,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desk_app import cli_staff

    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return "secret-1"

    monkeypatch.setattr(cli_staff.getpass, "getpass", prompt)
    assert _run(["area", "list", "--as", "boss", "--db", db.url]) == 0
    assert asked == ["Password of boss: "]


def test_a_new_shop_from_the_command_line(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first manager, then areas, a technician linked to a user, staff with roles,
    resets and deactivation: everything a shop needs before its first dispatch."""
    cli = ["--db", db_url]
    assert _run(["user", "add", "boss", "--role", "manager", *cli], "first-pass\n") == 0
    monkeypatch.setenv("DESK_PASSWORD", "first-pass")
    boss = ["--as", "boss", *cli]
    assert _run(["area", "add", "朝阳区", "--note", "东三环以东", *boss]) == 0
    assert _run(["area", "add", "海淀区", *boss]) == 0
    assert _run(["area", "add", "海淀区", *boss]) == 2  # taken
    add_user = ["user", "add", "sun", "--role", "technician", "--display-name", "孙师傅"]
    assert _run([*add_user, *boss], "sun-pass-1\n") == 0
    assert (
        _run(
            ["user", "add", "zhao", "--role", "dispatcher", "--also", "followup", *boss],
            "zhao-pass-1\n",
        )
        == 0
    )
    tech = ["technician", "add", "孙师傅", "--phone", "13900001111", "--skill", "repair"]
    tech += ["--skill", "空调", "--area", "朝阳区", "--hours", "09:00-17:30", "--user", "sun"]
    assert _run([*tech, *boss]) == 0
    assert _run(["technician", "add", "周师傅", "--area", "西城区", *boss]) == 2
    assert "西城区" in capsys.readouterr().err
    assert _run(["technician", "add", "周师傅", "--hours", "9-5", *boss]) == 2
    assert "hours" in capsys.readouterr().err
    assert (
        _run(
            [
                "technician",
                "edit",
                "孙师傅",
                "--area",
                "朝阳区",
                "--area",
                "海淀区",
                "--capacity",
                "8",
                *boss,
            ]
        )
        == 0
    )
    assert _run(["area", "rename", "朝阳区", "朝阳片区", *boss]) == 0
    capsys.readouterr()
    assert _run(["technician", "list", *boss]) == 0
    line = capsys.readouterr().out.strip()
    assert "孙师傅" in line and "09:00-17:30" in line and "8/1" in line
    assert "朝阳片区, 海淀区" in line and "repair, 空调" in line and "user sun" in line
    assert _run(["user", "roles", "zhao", "--role", "clerk", *boss]) == 0
    assert _run(["user", "passwd", "zhao", *boss], "temp-pass-1\n") == 0
    assert _run(["user", "deactivate", "sun", *boss]) == 0
    assert _run(["user", "deactivate", "boss", *boss]) == 2  # yourself
    assert _run(["technician", "deactivate", "孙师傅", *boss]) == 0
    capsys.readouterr()
    assert _run(["user", "list", *boss]) == 0
    listed = capsys.readouterr().out
    assert "zhao\tzhao\tclerk  [must change password]" in listed
    assert "sun\t孙师傅\ttechnician  [inactive, must change password]" in listed
    assert _run(["technician", "list", *boss]) == 0
    assert capsys.readouterr().out == ""
    assert _run(["technician", "list", "--all", *boss]) == 0
    assert "[inactive]" in capsys.readouterr().out
    db = Database(db_url)
    try:
        zhao = users.authenticate(db, "zhao", "temp-pass-1")
        assert zhao.roles == {Role.CLERK} and users.must_change_password(db, zhao)
        with pytest.raises(ValidationError):
            users.authenticate(db, "sun", "sun-pass-1")
    finally:
        db.dispose()
    # the manager changes their own password: the current one is DESK_PASSWORD
    assert _run(["user", "passwd", "boss", *boss], "second-pass\n") == 0
    monkeypatch.setenv("DESK_PASSWORD", "second-pass")
    assert _run(["area", "list", *boss]) == 0
