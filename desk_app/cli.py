"""The `desk-app` command: no arguments starts the desk; subcommands administer it.

Every subcommand takes ``--db URL`` (else DESK_DATABASE_URL, the config file, or
the embedded default; see desk_app.config). This is another thin front over
the services, like the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from desk_app import __version__
from desk_app.config import load_config
from desk_app.db import migrate
from desk_app.domain.enums import Role
from desk_app.domain.errors import DatabaseUnavailable, DeskError, ValidationError
from desk_app.messages import CHINESE, ENGLISH, render
from desk_app.services.admin import settings, users
from desk_app.services.core.bootstrap import open_database
from desk_app.services.core.database import Database


def _db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand without --db must not overwrite `desk-app --db URL cmd`.
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (sqlite:///path or postgresql://user@host/db); "
        "default: DESK_DATABASE_URL, the config file, or the embedded file",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app",
        description="After-sales service desk. Without a command, starts the desk window.",
    )
    parser.add_argument("--version", action="version", version=f"desk-app {__version__}")
    _db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db_cmd = sub.add_parser("db", help="create, upgrade and check the database")
    db_sub = db_cmd.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("upgrade", "create the database or migrate it to the current schema"),
        ("check", "report the schema version and check the data's consistency"),
    ):
        p = db_sub.add_parser(name, help=text, description=text)
        _db_option(p)
    _add_purge_history_parser(db_sub)
    _add_protect_history_parser(db_sub)

    demo = sub.add_parser(
        "demo-data",
        help="fill the database with realistic, deterministic demo data",
        description="Adds demo customers, tickets, technicians, parts and history. "
        "Users are created with the password 'demo123'.",
    )
    _db_option(demo)
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--tickets", type=int, default=8000)
    demo.add_argument("--seed", type=int, default=1)

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add",
        help="add a user (password prompted, or read from stdin)",
        description="Adds a user. The password is prompted twice on a terminal, or read "
        "from the first line of standard input when it is not a terminal.",
    )
    _db_option(add)
    add.add_argument("name", help="user name used to sign in")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", help="name shown on screens and papers")

    stock = sub.add_parser("stock", help="parts stock administration")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    chk = stock_sub.add_parser(
        "check", help="verify on-hand quantities equal the ledger for every part and location"
    )
    _db_option(chk)

    conf = sub.add_parser("settings", help="manager settings shared by every desk")
    conf_sub = conf.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    header = conf_sub.add_parser(
        "company-header",
        help="set the letterhead printed on every document",
        description="Sets the company name, address, hotline and logo (PNG or JPEG) printed "
        "at the top of every document. The logo is read now and kept in the database; "
        "without --logo or --no-logo the current logo stays.",
    )
    _db_option(header)
    header.add_argument("--name", required=True, help="company or service-center name")
    header.add_argument("--address", default="", help="address printed under the name")
    header.add_argument("--hotline", default="", help="service hotline, e.g. 400-800-1234")
    logo = header.add_mutually_exclusive_group()
    logo.add_argument("--logo", metavar="PATH", help="PNG or JPEG logo file")
    logo.add_argument("--no-logo", action="store_true", help="print without a logo")

    from desk_app.cli_print import add_print_parser

    add_print_parser(sub, _db_option)
    return parser


def _open(args: argparse.Namespace, *, auto_migrate: bool | None = None) -> Database:
    return open_database(load_config(args.db), auto_migrate=auto_migrate)


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise SystemExit("The passwords differ; nothing was changed.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _add_purge_history_parser(db_sub: Any) -> None:
    purge = db_sub.add_parser(
        "purge-history",
        help="remove audit-log and change-log rows older than a date (retention)",
        description="The retention purge (docs/retention.md): deletes audit-log and "
        "change-log rows dated before DATE (midnight in the shop's time zone; at least a "
        "year ago) in one transaction that lifts the append-only triggers and puts them "
        "back, and records the purge in the audit log. The stock ledger and ticket and "
        "complaint events are never purged. On PostgreSQL run it with the URL of the "
        "tables' owner.",
    )
    _db_option(purge)
    purge.add_argument("--before", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")


def _add_protect_history_parser(db_sub: Any) -> None:
    text = (
        "put back the append-only triggers of the history tables that are missing or "
        "disabled (desk-app db check reports them); on PostgreSQL run it with the URL "
        "of the tables' owner"
    )
    _db_option(db_sub.add_parser("protect-history", help=text, description=text))


def _cmd_protect_history(args: argparse.Namespace) -> int:
    from desk_app.db import history

    db = _open(args, auto_migrate=False)
    try:
        with db.engine.begin() as conn:
            repaired = history.repair(conn)
    except SQLAlchemyError as error:
        if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":
            raise DeskError("history.needs_owner") from error
        raise
    print(
        f"put back: {', '.join(repaired)}"
        if repaired
        else "history is append-only: every trigger in place"
    )
    return 0


def _cmd_purge_history(args: argparse.Namespace) -> int:
    from desk_app.services.admin import retention

    db = _open(args, auto_migrate=False)
    # An administrator at the server's console acts as the first manager.
    done = retention.purge_history(db, users.system_actor(db), args.before)
    print(
        f"purged {done.audit_rows} audit-log and {done.change_rows} change-log row(s) "
        f"dated before {args.before.isoformat()}"
    )
    return 0


def _cmd_db(args: argparse.Namespace) -> int:
    if args.db_command == "purge-history":
        return _cmd_purge_history(args)
    if args.db_command == "protect-history":
        return _cmd_protect_history(args)
    config = load_config(args.db)
    if args.db_command == "upgrade":
        db = open_database(config, auto_migrate=True)
        print(f"database at schema {migrate.current_revision(db.engine)} ({config.source})")
        return 0
    db = open_database(config, auto_migrate=False)
    from desk_app.services.core import consistency

    report = consistency.check(db)
    print(f"database: {db.dialect} ({config.source})")
    print(f"schema: {report.schema} (head {migrate.head_revision()})")
    for line in report.lines:
        print(line)
    print("OK" if report.ok else "PROBLEMS FOUND")
    return 0 if report.ok else 1


def _cmd_demo(args: argparse.Namespace) -> int:
    from desk_app.services import demo

    db = _open(args, auto_migrate=True)
    try:
        summary = demo.generate(
            db,
            customers=args.customers,
            tickets=args.tickets,
            seed=args.seed,
            progress=lambda text: print(text, file=sys.stderr),
        )
    except ValueError as error:  # already loaded, impossible sizes: the message says which
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary)
    return 0


def _cmd_user(args: argparse.Namespace) -> int:
    db = _open(args)
    password = _read_password()
    role = Role(args.role)
    if users.count_users(db) == 0:
        created = users.create_user(db, None, args.name, password, role, args.display_name)
    else:
        # An administrator at the server's console acts as the first manager.
        created = users.create_user(
            db, users.system_actor(db), args.name, password, role, args.display_name
        )
    print(f"user {created.username} ({created.role.value}) created")
    return 0


def _cmd_stock(args: argparse.Namespace) -> int:
    from desk_app.services.stock import stock

    db = _open(args)
    differences = stock.check_stock(db)
    for d in differences:
        print(d)
    print(
        "stock OK: on hand equals the ledger everywhere"
        if not differences
        else f"{len(differences)} difference(s)"
    )
    return 0 if not differences else 1


def _cmd_settings(args: argparse.Namespace) -> int:
    db = _open(args)
    logo: str | settings.Logo | None = settings.Logo.KEEP
    if args.no_logo:
        logo = None
    elif args.logo:
        logo = args.logo
    # An administrator at the server's console acts as the first manager.
    header = settings.set_company_header(
        db,
        users.system_actor(db),
        name=args.name,
        address=args.address,
        hotline=args.hotline,
        logo_path=logo,
    )
    print(f"company header: {header.name}")
    for label, value in (("address", header.address), ("hotline", header.hotline)):
        if value:
            print(f"  {label}: {value}")
    print(
        f"  logo: {header.logo_path} ({len(header.logo_data)} bytes)"
        if header.logo_data
        else "  logo: none"
    )
    return 0


# The shop's zone when the database cannot say (the default of the timezone setting).
FALLBACK_ZONE = ZoneInfo(settings.DEFAULT_TIMEZONE)


def cli_language() -> str:
    """The language of the command's messages: ``DESK_LANGUAGE``, else the locale
    (any Chinese locale reads Simplified Chinese, everything else English)."""
    wanted = os.environ.get("DESK_LANGUAGE", "").strip()
    if not wanted:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            wanted = os.environ.get(name, "").strip()
            if wanted:
                break
    if not wanted:
        wanted = locale.getlocale()[0] or ""
    return CHINESE if wanted.lower().startswith("zh") else ENGLISH


def _shop_zone(db_url: str | None, error: DeskError) -> ZoneInfo:
    """The shop's time zone from its settings when the database is reachable; otherwise
    ``FALLBACK_ZONE``. Never creates a database file just to ask."""
    if isinstance(error, DatabaseUnavailable):
        return FALLBACK_ZONE
    try:
        url = load_config(db_url).database_url
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and not (
            parsed.database and Path(parsed.database).exists()
        ):
            return FALLBACK_ZONE
        db = Database(url)
        try:
            return db.read(settings.timezone) if db.ping() else FALLBACK_ZONE
        finally:
            db.dispose()
    except (DeskError, SQLAlchemyError, ValueError, KeyError, OSError):
        return FALLBACK_ZONE  # no settings table yet, a bad zone name, a broken URL


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    try:
        if args.command is None:
            from desk_app.ui.shell.app import run

            return run(load_config(args.db))
        handler = {
            "db": _cmd_db,
            "demo-data": _cmd_demo,
            "user": _cmd_user,
            "stock": _cmd_stock,
            "settings": _cmd_settings,
        }.get(args.command)
        if handler is None:
            from desk_app.cli_print import run_print

            return run_print(args, _open(args))
        return handler(args)
    except DeskError as error:
        text = render(error, language=cli_language(), tz=_shop_zone(args.db, error))
        if isinstance(error, ValidationError):
            text = f"{error.field}: {text}"  # which option was refused
        print(f"error: {text}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
