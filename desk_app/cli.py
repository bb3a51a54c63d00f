"""The `desk-app` command: no arguments starts the desk; subcommands administer it.

Every subcommand takes ``--db URL`` (else DESK_DATABASE_URL, the config file, or
the embedded default; see desk_app.config). This is another thin front over
the services, like the GUI.
"""

from __future__ import annotations

import argparse
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

from desk_app import __version__, credentials
from desk_app.cli_staff import (
    acting_user,
    add_staff_parsers,
    as_option,
    read_new_password,
    run_area,
    run_technician,
    run_user,
)
from desk_app.config import AppConfig, load_config
from desk_app.db import migrate
from desk_app.domain.errors import DatabaseUnavailable, DeskError, ValidationError
from desk_app.messages import CHINESE, ENGLISH, render
from desk_app.services.admin import settings
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
    as_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db_cmd = sub.add_parser("db", help="create, upgrade and check the database")
    db_sub = db_cmd.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("upgrade", "create the database or migrate it to the current schema"),
        ("check", "report the schema version and check the data's consistency"),
        (
            "grant",
            "PostgreSQL, as the owner of the tables: create or repair the desk group roles, "
            "the login functions and the grants (idempotent; run again after every upgrade)",
        ),
    ):
        p = db_sub.add_parser(name, help=text, description=text)
        _db_option(p)
    password = db_sub.add_parser(
        "password",
        help="keep a database login's password in this PC's credential store",
        description="Prompts for the password of a database login (twice on a terminal, "
        "else the first line of standard input) and keeps it in the operating system's "
        "credential store (Windows Credential Manager, the Secret Service on Linux), "
        "under the server and database of the configured URL; never in the config file. "
        "The desk reads it when it connects.",
    )
    _db_option(password)
    password.add_argument(
        "--user",
        help="the login (default: the sign-in gate when the desks sign in with their own "
        "database logins, else the URL's user)",
    )
    password.add_argument("--forget", action="store_true", help="remove the stored password")
    password.add_argument(
        "--on-server",
        action="store_true",
        help="also set it as the sign-in gate's password on the server (run with the "
        "owner's URL, after `db grant`)",
    )
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
    as_option(header)
    header.add_argument("--name", required=True, help="company or service-center name")
    header.add_argument("--address", default="", help="address printed under the name")
    header.add_argument("--hotline", default="", help="service hotline, e.g. 400-800-1234")
    logo = header.add_mutually_exclusive_group()
    logo.add_argument("--logo", metavar="PATH", help="PNG or JPEG logo file")
    logo.add_argument("--no-logo", action="store_true", help="print without a logo")

    add_staff_parsers(sub, _db_option)
    from desk_app.cli_print import add_print_parser

    add_print_parser(sub, _db_option)
    return parser


def _open(args: argparse.Namespace, *, auto_migrate: bool | None = None) -> Database:
    return open_database(load_config(args.db), auto_migrate=auto_migrate)


def _cmd_db_password(config: AppConfig, args: argparse.Namespace) -> int:
    if config.is_embedded:
        raise DeskError("config.no_user_for_password")
    user = args.user or (config.gate_login if config.own_logins else None)
    user = user or make_url(config.database_url).username
    if not user:
        raise ValidationError("user", "config.no_user_for_password")
    if args.forget:
        found = credentials.forget_password(config.database_url, user)
        print(f"{'removed' if found else 'no stored password'}: {user}")
        return 0
    secret = read_new_password()
    if args.on_server:
        from desk_app.db import gate

        dbname = make_url(config.database_url).database or ""
        if user != gate.gate_role(dbname):
            raise ValidationError(
                "user", "config.only_the_gate_on_server", gate=gate.gate_role(dbname)
            )
        db = open_database(config, auto_migrate=False)
        try:
            with db.engine.begin() as conn:
                gate.set_gate_password(conn, dbname, secret)
        finally:
            db.dispose()
        print(f"password of {user} set on the server")
    name = credentials.store_password(config.database_url, user, secret)
    print(f"password of {user} stored in this PC's credential store ({name})")
    return 0


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
    as_option(purge)
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
    # A manager signs in with --as (the purge needs Perm.PURGE_HISTORY and the owner's URL).
    done = retention.purge_history(db, acting_user(db, args), args.before)
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
    if args.db_command == "grant":
        return _cmd_db_grant(args)
    if args.db_command == "password":
        return _cmd_db_password(config, args)
    if args.db_command == "upgrade":
        db = open_database(config, auto_migrate=True)
        print(f"database at schema {migrate.current_revision(db.engine)} ({config.source})")
        return 0
    db = open_database(config, auto_migrate=False)
    from desk_app.services.core import consistency

    report = consistency.check(db)
    print(f"database: {db.dialect} ({config.source})")
    print(f"schema: {report.schema} (head {migrate.head_revision()})")
    _print_connection(db)
    for line in report.lines:
        print(line)
    print("OK" if report.ok else "PROBLEMS FOUND")
    return 0 if report.ok else 1


def _print_connection(db: Database) -> None:
    """Who `db check` is connected as, and the warning the desks would show."""
    from desk_app.services.core import identity

    who = identity.connection_identity(db)
    if who is None:
        return
    kind = (
        "superuser"
        if who.superuser
        else "owner of the tables"
        if who.is_owner
        else "desk login"
        if who.desk_login
        else "not a desk login"
    )
    print(f"connected as: {who.user} ({kind}; tables owned by {who.owner})")
    warning = identity.identity_warning(who)
    if warning is not None:
        print(f"warning: {render(warning, language=cli_language(), tz=FALLBACK_ZONE)}")


def _cmd_db_grant(args: argparse.Namespace) -> int:
    """`desk-app db grant --db OWNER_URL`: see desk_app.db.grants."""
    from desk_app.db import grants

    db = open_database(load_config(args.db), auto_migrate=False)
    if db.dialect != "postgresql":
        print(
            "error: db grant is for PostgreSQL; on SQLite the app's own checks are all there is",
            file=sys.stderr,
        )
        return 2
    try:
        with db.engine.begin() as conn:
            done = grants.apply(conn)
    except (SQLAlchemyError, ValueError) as error:
        print(f"error: {getattr(error, 'orig', None) or error}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(f"desk roles of database {done.database} (schema {done.schema}) granted")
    for g in done.created_groups:
        print(f"  created group {g}")
    if done.missing_tables:
        print(f"  not in this schema, skipped: {', '.join(done.missing_tables)}")
    print("  sign-in gate installed" if done.gate_installed else "  no sign-in gate module")
    if done.users_without_login:
        print(
            "  users without a database login yet (a manager resets their password to "
            f"create it): {', '.join(done.users_without_login)}"
        )
    return 0


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
    header = settings.set_company_header(
        db,
        acting_user(db, args),
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
        config = load_config(args.db)
        if config.password_in_file:
            warning = DeskError("config.password_in_file", path=config.source)
            print(f"warning: {render(warning, language=cli_language())}", file=sys.stderr)
        if args.command is None:
            from desk_app.ui.shell.app import run

            return run(config)
        handler = {
            "db": _cmd_db,
            "demo-data": _cmd_demo,
            "user": lambda a: run_user(a, _open(a)),
            "technician": lambda a: run_technician(a, _open(a)),
            "area": lambda a: run_area(a, _open(a)),
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
