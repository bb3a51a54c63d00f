"""`desk-app user|technician|area ...`: staff administration from the command line, and
``acting_user``, the sign-in every administrative command starts with.

Every such command names its acting user with ``--as USER``; the password is read from
``DESK_PASSWORD`` (for scripts) or asked without echo. A wrong one is refused with the
sign-in's own words and the command changes nothing. The one exception is the very
first user of an empty database, which ``user add`` creates without ``--as``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
from collections.abc import Callable
from datetime import time
from typing import Any

from desk_app.domain.enums import Role
from desk_app.domain.errors import DeskError, NotFound, ValidationError
from desk_app.services.admin import users
from desk_app.services.admin.sign_in import SignIn
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import areas, technicians
from desk_app.services.dispatch.technicians import TechnicianDraft, TechnicianView

DbOption = Callable[[argparse.ArgumentParser], None]
PASSWORD_VARIABLE = "DESK_PASSWORD"


def as_option(parser: argparse.ArgumentParser) -> None:
    """``--as USER`` (SUPPRESS: given before the command, it is not overwritten)."""
    parser.add_argument(
        "--as",
        dest="acting",
        metavar="USER",
        default=argparse.SUPPRESS,
        help=f"the user doing this (password asked, or read from ${PASSWORD_VARIABLE})",
    )


def acting_user(db: Database, args: argparse.Namespace) -> Actor:
    """The signed-in Actor named by ``--as``; refused like a wrong sign-in."""
    return _sign_in(db, args)[0]


def _sign_in(db: Database, args: argparse.Namespace) -> tuple[Actor, str]:
    name = getattr(args, "acting", None)
    if not name:
        raise DeskError("cli.acting_user_required")
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = getpass.getpass(f"Password of {name}: ")
    # The desk's own sign-in: throttled, locked after repeated failures, audited with
    # this computer's name (a script guessing passwords is stopped like a person).
    pc = f"{socket.gethostname()} (command line)"
    return SignIn(db, pc).sign_in(name, password), password


def read_new_password(prompt: str = "Password") -> str:
    """A new password: asked twice on a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"{prompt}: ")
        if getpass.getpass("Again: ") != first:
            raise SystemExit("The passwords differ; nothing was changed.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


# ---------------------------------------------------------------- the parsers


def add_staff_parsers(sub: Any, db_option: DbOption) -> None:
    def command(parent: Any, name: str, text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=text, description=text)
        db_option(p)
        as_option(p)
        return p

    roles = [r.value for r in Role]
    user = sub.add_parser("user", help="manage users (sign-in accounts)")
    us = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = command(
        us,
        "add",
        "add a user; the password is asked twice on a terminal, or read from the first line "
        "of standard input. Only the first user of an empty database needs no --as.",
    )
    add.add_argument("name", help="user name used to sign in")
    add.add_argument("--role", required=True, choices=roles, help="the main role")
    add.add_argument("--also", action="append", default=[], choices=roles, help="another role")
    add.add_argument("--display-name", help="name shown on screens and papers")
    command(us, "list", "list every user with roles and state")
    pw = command(
        us,
        "passwd",
        "set a user's password (asked twice, or read from standard input); the user must "
        "choose a new one at the next sign-in. Your own: changed at once.",
    )
    pw.add_argument("name")
    rl = command(us, "roles", "set a user's main role and other roles")
    rl.add_argument("name")
    rl.add_argument("--role", required=True, choices=roles)
    rl.add_argument("--also", action="append", default=[], choices=roles)
    for verb, text in (
        ("deactivate", "stop a user signing in (never deleted)"),
        ("activate", "let a deactivated user sign in again"),
    ):
        command(us, verb, text).add_argument("name")

    tech = sub.add_parser("technician", help="manage technicians")
    ts = tech.add_subparsers(dest="technician_command", metavar="ACTION", required=True)
    tadd = command(ts, "add", "add a technician")
    tadd.add_argument("name")
    _technician_options(tadd)
    tls = command(ts, "list", "list the technicians")
    tls.add_argument("--all", action="store_true", help="inactive ones too")
    edit = command(ts, "edit", "change a technician; options not given stay as they are")
    edit.add_argument("technician", help="id or name")
    edit.add_argument("--name", dest="new_name")
    _technician_options(edit)
    edit.add_argument("--no-user", action="store_true", help="unlink the user")
    for verb, text in (
        ("deactivate", "take a technician off the board"),
        ("activate", "put a technician back on the board"),
    ):
        command(ts, verb, text).add_argument("technician", help="id or name")

    area = sub.add_parser("area", help="manage service areas")
    asub = area.add_subparsers(dest="area_command", metavar="ACTION", required=True)
    aadd = command(asub, "add", "add a service area")
    aadd.add_argument("name")
    aadd.add_argument("--note")
    command(asub, "list", "list the service areas")
    ren = command(asub, "rename", "rename an area (technicians covering it follow)")
    ren.add_argument("name")
    ren.add_argument("new_name")
    for verb, text in (
        ("deactivate", "retire a service area"),
        ("activate", "bring a retired service area back"),
    ):
        command(asub, verb, text).add_argument("name")


def _technician_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--phone")
    p.add_argument("--skill", action="append", help="ticket kind or appliance category")
    p.add_argument("--area", action="append", help="service area covered")
    p.add_argument("--hours", metavar="HH:MM-HH:MM", help="working hours, e.g. 08:30-18:00")
    p.add_argument("--capacity", type=int, help="visits per day")
    p.add_argument("--reserve", type=int, help="of which kept for emergencies")
    p.add_argument("--user", help="the user name the technician signs in with")


# ---------------------------------------------------------------- the commands


def run_user(args: argparse.Namespace, db: Database) -> int:
    if args.user_command == "add" and not getattr(args, "acting", None):
        if users.count_users(db) != 0:
            raise DeskError("cli.acting_user_required")
        password = read_new_password()
        first = users.create_user(db, None, args.name, password, Role(args.role), args.display_name)
        print(f"user {first.username} ({first.role.value}) created")
        return 0
    actor, own_password = _sign_in(db, args)
    command = args.user_command
    if command == "add":
        password = read_new_password()
        created = users.create_user(
            db,
            actor,
            args.name,
            password,
            Role(args.role),
            args.display_name,
            roles=[Role(r) for r in args.also],
        )
        print(f"user {created.username} ({_roles(created)}) created")
        return 0
    if command == "list":
        for u in users.list_users(db, actor):
            flags = [] if u.active else ["inactive"]
            if u.must_change_password:
                flags.append("must change password")
            extra = f"  [{', '.join(flags)}]" if flags else ""
            print(f"{u.username}\t{u.display_name}\t{_roles(u)}{extra}")
        return 0
    target = _user(db, actor, args.name)
    if command == "passwd":
        password = read_new_password("New password")
        if target.id == actor.user_id:
            users.change_own_password(db, actor, own_password, password)
            print(f"password of {target.username} changed")
        else:
            users.reset_password(db, actor, target.id, password)
            print(f"password of {target.username} set; it must be changed at the next sign-in")
    elif command == "roles":
        changed = users.set_roles(
            db, actor, target.id, Role(args.role), [Role(r) for r in args.also]
        )
        print(f"user {changed.username}: {_roles(changed)}")
    else:
        active = command == "activate"
        users.set_active(db, actor, target.id, active)
        print(f"user {target.username} {'activated' if active else 'deactivated'}")
    return 0


def _roles(u: users.UserView) -> str:
    others = [r.value for r in u.roles if r is not u.role]
    return u.role.value + (f" + {', '.join(others)}" if others else "")


def _user(db: Database, actor: Actor, name: str) -> users.UserView:
    wanted = name.strip().lower()
    for u in users.list_users(db, actor):
        if u.username == wanted:
            return u
    raise NotFound("user", name)


def _hours(text: str | None) -> tuple[time, time] | None:
    if text is None:
        return None
    try:
        start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError:
        raise ValidationError("hours", "cli.hours_format") from None
    return start, end


def _technician(db: Database, actor: Actor, key: str) -> TechnicianView:
    everyone = technicians.list_technicians(db, actor, active_only=False)
    found = [t for t in everyone if (key.isdigit() and t.id == int(key)) or t.name == key]
    if len(found) != 1:
        raise NotFound("technician", key)
    return found[0]


def _draft(
    db: Database, actor: Actor, args: argparse.Namespace, base: TechnicianDraft
) -> TechnicianDraft:
    hours = _hours(args.hours) or (base.work_start, base.work_end)
    user_id = base.user_id
    if args.user:
        user_id = _user(db, actor, args.user).id
    if getattr(args, "no_user", False):
        user_id = None
    return TechnicianDraft(
        name=getattr(args, "new_name", None) or base.name,
        phone=args.phone if args.phone is not None else base.phone,
        skills=tuple(args.skill) if args.skill is not None else base.skills,
        areas=tuple(args.area) if args.area is not None else base.areas,
        work_start=hours[0],
        work_end=hours[1],
        daily_capacity=args.capacity if args.capacity is not None else base.daily_capacity,
        emergency_reserve=args.reserve if args.reserve is not None else base.emergency_reserve,
        user_id=user_id,
    )


def _show_technician(t: TechnicianView) -> str:
    state = "" if t.active else "  [inactive]"
    who = f"  user {t.username}" if t.username else ""
    return (
        f"{t.id}\t{t.name}\t{t.phone or '-'}\t{t.work_start:%H:%M}-{t.work_end:%H:%M}"
        f"\t{t.daily_capacity}/{t.emergency_reserve}\tskills: {', '.join(t.skills) or '-'}"
        f"\tareas: {', '.join(t.areas) or '-'}{who}{state}"
    )


def run_technician(args: argparse.Namespace, db: Database) -> int:
    actor = acting_user(db, args)
    command = args.technician_command
    if command == "add":
        made = technicians.create_technician(
            db, actor, _draft(db, actor, args, TechnicianDraft(args.name))
        )
        print(f"technician {made.id} {made.name} added")
    elif command == "list":
        for t in technicians.list_technicians(db, actor, active_only=not args.all):
            print(_show_technician(t))
    elif command == "edit":
        current = _technician(db, actor, args.technician)
        edited = technicians.update_technician(
            db,
            actor,
            current.id,
            _draft(db, actor, args, current.as_draft()),
            expected_version=current.version,
        )
        print(_show_technician(edited))
    else:
        current = _technician(db, actor, args.technician)
        active = command == "activate"
        technicians.set_technician_active(db, actor, current.id, active)
        print(f"technician {current.name} {'activated' if active else 'deactivated'}")
    return 0


def _area(db: Database, actor: Actor, name: str) -> areas.AreaView:
    for a in areas.list_areas(db, actor):
        if a.name == name.strip():
            return a
    raise NotFound("service area", name)


def run_area(args: argparse.Namespace, db: Database) -> int:
    actor = acting_user(db, args)
    command = args.area_command
    if command == "add":
        made = areas.create_area(db, actor, args.name, args.note)
        print(f"service area {made.name} added")
    elif command == "list":
        for a in areas.list_areas(db, actor):
            state = "" if a.active else "  [inactive]"
            print(f"{a.name}{'  — ' + a.note if a.note else ''}{state}")
    elif command == "rename":
        current = _area(db, actor, args.name)
        renamed = areas.rename_area(
            db,
            actor,
            current.id,
            args.new_name,
            note=current.note,
            expected_version=current.version,
        )
        print(f"service area {current.name} is now {renamed.name}")
    else:
        current = _area(db, actor, args.name)
        active = command == "activate"
        areas.set_area_active(db, actor, current.id, active)
        print(f"service area {current.name} {'activated' if active else 'deactivated'}")
    return 0
