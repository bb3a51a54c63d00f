"""Maintenance reminders (维护提醒): appliances due for preventive maintenance by age and
category, and opening the maintenance ticket from the reminder.

An appliance is due when the interval for its category has passed since the latest of
its purchase, its installation and its last completed maintenance ticket. The interval
(months per category) is the manager's setting ``maintenance_months``. The generated
fault line of a maintenance ticket is Chinese, the language of the data the desk
records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, cast, exists, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from desk_app.db.models import Appliance, Customer, CustomerAddress, CustomerPhone, Ticket
from desk_app.domain import complaint_rules as rules
from desk_app.domain import ticket_states
from desk_app.domain.contacts import mask_phone, reduce_address, shows_contacts
from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.errors import DuplicateEntry, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.services.admin import settings
from desk_app.services.core import requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft, TicketView

# A maintenance ticket in one of these states counts as maintenance done.
_DONE = (TicketStatus.COMPLETED, TicketStatus.FOLLOWED_UP, TicketStatus.CLOSED)


@dataclass(frozen=True)
class MaintenanceDue:
    appliance_id: int
    category: str
    brand: str | None
    model: str
    serial: str | None
    customer_id: int
    customer_name: str
    phone: str | None
    address: str | None
    purchase_date: date | None
    last_maintenance: date | None  # completion day of the last maintenance ticket
    since: date  # the latest of purchase, installation and last maintenance
    interval_months: int
    due_on: date
    days_overdue: int


def _clean_rules(raw: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for category, months in raw.items():
        key = (category or "").strip().lower() if isinstance(category, str) else ""
        if not key:
            raise ValidationError("rules", "maintenance.category_required")
        out[key] = rules.check_interval_months(months, category)
    return out


# Slack of the database's cut, in days: the shop-local day of the last maintenance is
# approximated on SQLite (the zone's offset today), and a month-end clamp (the 31st
# plus a month is the 28th) makes up to three successive days fall due on one day.
_CUT_SLACK = timedelta(days=5)


def maintenance_due(
    db: Database,
    actor: Actor,
    today: date | None = None,
    rules_by_category: Mapping[str, int] | None = None,
    *,
    limit: int = 1000,
) -> list[MaintenanceDue]:
    """Appliances due for preventive maintenance on ``today``: the interval for their
    category (months; default the manager's ``maintenance_months`` setting) has passed
    since the latest of purchase, installation and the last completed maintenance
    ticket. Appliances with a maintenance ticket already open, of merged customers, or
    with no known date are left out. Most overdue first, at most ``limit``.

    At a big shop hundreds of thousands of appliances are due; the database keeps only
    the candidates for the first ``limit`` (per category, the earliest "since" dates,
    due dates growing with them), and only those rows are read with their customer."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[MaintenanceDue]:
        tz = settings.timezone(s)
        day = today or db.now().astimezone(tz).date()
        configured = rules_by_category
        if configured is None:
            configured = settings.maintenance_months(s)
        months_by_category = _clean_rules(configured or {})
        if not months_by_category or limit <= 0:
            return []
        last = (
            select(
                Ticket.appliance_id.label("appliance_id"),
                func.max(Ticket.completed_at).label("at"),
            )
            .where(
                Ticket.kind == TicketKind.MAINTENANCE,
                Ticket.status.in_(_DONE),
                Ticket.appliance_id.is_not(None),
            )
            .group_by(Ticket.appliance_id)
            .cte("last_maintenance")
        )
        open_maintenance = exists().where(
            Ticket.appliance_id == Appliance.id,
            Ticket.kind == TicketKind.MAINTENANCE,
            Ticket.status.in_(ticket_states.OPEN_STATES),
        )
        category = func.lower(func.trim(Appliance.category))
        since = _since_expression(s, last.c.at, tz, day)
        known = or_(
            Appliance.purchase_date.is_not(None),
            Appliance.installed_on.is_not(None),
            last.c.at.is_not(None),
        )

        def candidates(key: str, months: int) -> Any:
            # A coarse cut (a few days' slack for month ends and time zones); the exact
            # calendar-month rule is applied below.
            cut = rules.add_months(day, -months) + timedelta(days=3)
            cut_at = datetime.combine(cut + timedelta(days=1), time(), tz)
            return (
                select(Appliance.id)
                .join(Customer, Customer.id == Appliance.customer_id)
                .outerjoin(last, last.c.appliance_id == Appliance.id)
                .where(
                    category == key,
                    Customer.merged_into_id.is_(None),
                    ~open_maintenance,
                    known,
                    or_(Appliance.purchase_date.is_(None), Appliance.purchase_date <= cut),
                    or_(Appliance.installed_on.is_(None), Appliance.installed_on <= cut),
                    or_(last.c.at.is_(None), last.c.at < cut_at),
                )
            )

        # 1. Per category, the "since" of its limit-th candidate: nothing later can be
        #    among the first ``limit`` (a category with fewer candidates has no row).
        kth = [
            candidates(key, months)
            .with_only_columns(literal(key).label("key"), since.label("since"))
            .order_by(since)
            .offset(limit - 1)
            .limit(1)
            .subquery()
            for key, months in months_by_category.items()
        ]
        bounds = {
            key: _as_date(value)
            for key, value in s.execute(union_all(*(select(k.c.key, k.c.since) for k in kth)))
        }
        # 2. The candidates up to that bound, with just what the exact rule needs.
        parts = []
        for key, months in months_by_category.items():
            part = candidates(key, months)
            if key in bounds:
                part = part.where(since <= bounds[key] + _CUT_SLACK)
            parts.append(part)
        found: list[tuple[date, int, int, date, date | None]] = []
        chosen = union_all(*parts).subquery()
        for a_id, raw_category, bought, installed, last_at in s.execute(
            select(
                Appliance.id,
                Appliance.category,
                Appliance.purchase_date,
                Appliance.installed_on,
                last.c.at,
            )
            .join(chosen, chosen.c.id == Appliance.id)
            .outerjoin(last, last.c.appliance_id == Appliance.id)
        ):
            months = months_by_category[raw_category.strip().lower()]
            last_day = last_at.astimezone(tz).date() if last_at is not None else None
            latest = max(d for d in (bought, installed, last_day) if d is not None)
            due_on = rules.maintenance_due_on(latest, months)
            if due_on <= day:
                found.append((due_on, a_id, months, latest, last_day))
        found.sort(key=lambda f: (f[0], f[1]))
        found = found[:limit]
        # 3. The customer, first phone and first address of those only.
        details = _details(s, [f[1] for f in found], full=shows_contacts(actor.roles))
        return [
            _due(details[a_id], months, latest, last_day, due_on, day)
            for due_on, a_id, months, latest, last_day in found
        ]

    return db.read(q)


def _since_expression(s: Session, last_at: Any, tz: ZoneInfo, day: date) -> Any:
    """The latest of purchase, installation and last maintenance, as a date in SQL.

    PostgreSQL: exact (the completion time in the shop's zone). SQLite has no time zones:
    the completion is moved by the zone's offset on ``day``, a day off at most across a
    daylight-saving change (``_CUT_SLACK`` covers it; the exact rule runs in Python)."""
    if s.get_bind().dialect.name == "postgresql":
        shop_day = cast(func.timezone(tz.key, last_at), Date)
        return func.greatest(Appliance.purchase_date, Appliance.installed_on, shop_day)
    offset = datetime.combine(day, time(12), tz).utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    local_day = func.date(last_at, f"{minutes:+d} minutes")
    none = literal("")
    return type_coerce(
        func.max(
            func.coalesce(Appliance.purchase_date, none),
            func.coalesce(Appliance.installed_on, none),
            func.coalesce(local_day, none),
        ),
        Date,
    )


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True)
class _Appliance:
    appliance: Appliance
    customer_name: str
    phone: str | None
    address: str | None


def _details(s: Session, ids: list[int], *, full: bool) -> dict[int, _Appliance]:
    """``full``: the actor sees contact details; else masked (domain.contacts), for roles
    that do not call customers."""
    if not ids:
        return {}
    phone = (
        select(CustomerPhone.raw)
        .where(CustomerPhone.customer_id == Customer.id)
        .order_by(CustomerPhone.position, CustomerPhone.id)
        .limit(1)
        .scalar_subquery()
    )
    address = (
        select(CustomerAddress.text)
        .where(CustomerAddress.customer_id == Customer.id)
        .order_by(CustomerAddress.position, CustomerAddress.id)
        .limit(1)
        .scalar_subquery()
    )
    rows = s.execute(
        select(Appliance, Customer.name, phone, address)
        .join(Customer, Customer.id == Appliance.customer_id)
        .where(Appliance.id.in_(ids))
    )
    if full:
        return {a.id: _Appliance(a, name, tel, addr) for a, name, tel, addr in rows}
    return {
        a.id: _Appliance(
            a, name, mask_phone(tel) if tel else tel, reduce_address(addr) if addr else addr
        )
        for a, name, tel, addr in rows
    }


def _due(
    d: _Appliance, months: int, since: date, last_day: date | None, due_on: date, day: date
) -> MaintenanceDue:
    a = d.appliance
    return MaintenanceDue(
        appliance_id=a.id,
        category=a.category,
        brand=a.brand,
        model=a.model,
        serial=a.serial,
        customer_id=a.customer_id,
        customer_name=d.customer_name,
        phone=d.phone,
        address=d.address,
        purchase_date=a.purchase_date,
        last_maintenance=last_day,
        since=since,
        interval_months=months,
        due_on=due_on,
        days_overdue=(day - due_on).days,
    )


def open_maintenance_ticket(
    db: Database,
    actor: Actor,
    appliance_id: int,
    *,
    description: str | None = None,
    request_id: str | None = None,
) -> TicketView:
    """Open a MAINTENANCE ticket for the appliance (from the reminder list), in one
    transaction that holds the appliance's row: of two desks opening one at the same
    moment, one opens it and the other gets DuplicateEntry naming that ticket. The
    open ticket is what takes the appliance off the reminder list."""
    require(actor.username, actor.roles, Perm.OPEN_TICKETS)

    def tx(s: Session) -> TicketView:
        done = requests.already_done(s, request_id, "ticket.open")
        if done is not None:
            return tickets.view(s, tickets.load(s, done), db.now())
        # PostgreSQL: desks opening one for this appliance queue here (NO KEY UPDATE still
        # lets other tickets reference the row). SQLite: the write already holds the lock.
        a = s.scalar(
            select(Appliance).where(Appliance.id == appliance_id).with_for_update(key_share=True)
        )
        if a is None:
            raise NotFound("appliance", appliance_id)
        open_number = s.scalar(
            select(Ticket.number).where(
                Ticket.appliance_id == a.id,
                Ticket.kind == TicketKind.MAINTENANCE,
                Ticket.status.in_(ticket_states.OPEN_STATES),
            )
        )
        if open_number is not None:
            raise DuplicateEntry(
                "maintenance ticket", open_number, code="maintenance.ticket_already_open"
            )
        what = " ".join(x for x in (a.brand, a.category, a.model) if x)
        draft = TicketDraft(
            a.customer_id,
            TicketKind.MAINTENANCE,
            description or f"定期保养（维护提醒）：{what}",
            appliance_id=a.id,
        )
        t = tickets.open_ticket_in(s, actor, draft, db.now, request_id=request_id)
        return tickets.view(s, t, t.received_at)

    return db.write(tx)
