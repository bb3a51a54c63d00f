"""Manager-set settings: time zone, working calendar, service standards, company header.

Values live in the ``settings`` table as JSON (standards in their own tables);
reads fall back to documented defaults so a new database works at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import ComplaintStandard, ServiceStandard, Setting
from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.enums import Severity, TicketKind, Urgency
from desk_app.domain.errors import ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.services import audit
from desk_app.services.database import Actor, Database

DEFAULT_TIMEZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class Standard:
    """Hours to respond, to visit and to finish the repair, from the request."""

    respond_hours: float
    visit_hours: float
    repair_hours: float
    working_hours_only: bool = False


# DOMAIN.md: respond within 24 h, visit within 48 h, repair within 72 h.
DEFAULT_STANDARDS: dict[Urgency, Standard] = {
    Urgency.NORMAL: Standard(24, 48, 72),
    Urgency.URGENT: Standard(4, 24, 48),
    Urgency.CRITICAL: Standard(2, 8, 24),
}
DEFAULT_COMPLAINT_STANDARDS: dict[Severity, tuple[float, float]] = {
    Severity.LOW: (24, 120),
    Severity.MEDIUM: (8, 72),
    Severity.HIGH: (2, 24),
}


def get_value(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def put_value(session: Session, actor: Actor, key: str, value: Any, db: Database) -> None:
    now = db.now()
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_at=now, updated_by=actor.user_id))
    else:
        row.value = value
        row.updated_at = now
        row.updated_by = actor.user_id
    audit.record(session, actor, "settings.set", "setting", 0, {"key": key, "value": value}, at=now)


def timezone(session: Session) -> ZoneInfo:
    return ZoneInfo(get_value(session, "timezone", DEFAULT_TIMEZONE))


def calendar(session: Session) -> WorkingCalendar:
    tz = timezone(session)
    data = get_value(session, "working_calendar")
    if data is None:
        return WorkingCalendar.standard(tz)
    return WorkingCalendar.from_dict(data)


def standard_for(session: Session, kind: TicketKind, urgency: Urgency) -> Standard:
    row = session.scalar(
        select(ServiceStandard).where(
            ServiceStandard.kind == kind, ServiceStandard.urgency == urgency
        )
    )
    if row is None:
        return DEFAULT_STANDARDS[urgency]
    return Standard(row.respond_hours, row.visit_hours, row.repair_hours, row.working_hours_only)


def complaint_standard_for(session: Session, severity: Severity) -> tuple[float, float]:
    row = session.get(ComplaintStandard, severity)
    if row is None:
        return DEFAULT_COMPLAINT_STANDARDS[severity]
    return row.answer_hours, row.solution_hours


def set_standard(
    db: Database, actor: Actor, kind: TicketKind, urgency: Urgency, standard: Standard
) -> None:
    require(actor.username, actor.role, Perm.MANAGE_SETTINGS)
    hours = (standard.respond_hours, standard.visit_hours, standard.repair_hours)
    if any(h <= 0 or h > 24 * 365 for h in hours):
        raise ValidationError("hours", "Hours must be more than 0 and at most a year.")
    if not standard.respond_hours <= standard.visit_hours <= standard.repair_hours:
        raise ValidationError("hours", "Respond ≤ visit ≤ repair hours.")

    def tx(s: Session) -> None:
        row = s.scalar(
            select(ServiceStandard).where(
                ServiceStandard.kind == kind, ServiceStandard.urgency == urgency
            )
        )
        if row is None:
            row = ServiceStandard(
                kind=kind, urgency=urgency, respond_hours=0, visit_hours=0, repair_hours=0
            )
            s.add(row)
        row.respond_hours, row.visit_hours, row.repair_hours = hours
        row.working_hours_only = standard.working_hours_only
        s.flush()
        audit.record(
            s,
            actor,
            "standard.set",
            "service_standard",
            row.id,
            {
                "kind": kind.value,
                "urgency": urgency.value,
                "hours": list(hours),
                "working_hours_only": standard.working_hours_only,
            },
            at=db.now(),
        )

    db.write(tx)


def complaint_standards(db: Database) -> dict[Severity, tuple[float, float]]:
    """Answer and solution hours for every severity, as complaints opened now get them."""
    return db.read(lambda s: {sev: complaint_standard_for(s, sev) for sev in Severity})


def set_complaint_standard(
    db: Database, actor: Actor, severity: Severity, answer_hours: float, solution_hours: float
) -> None:
    """Hours allowed for the first answer and for the solution of complaints of
    ``severity`` (wall clock, from receipt). Applies to complaints received from now on;
    the deadlines of complaints already open stay as they were set."""
    require(actor.username, actor.role, Perm.MANAGE_SETTINGS)
    try:
        severity = Severity(severity)
    except ValueError:
        raise ValidationError("severity", "Choose a severity.") from None
    hours = (answer_hours, solution_hours)
    if any(h <= 0 or h > 24 * 365 for h in hours):
        raise ValidationError("hours", "Hours must be more than 0 and at most a year.")
    if answer_hours > solution_hours:
        raise ValidationError("hours", "Answer ≤ solution hours.")

    def tx(s: Session) -> None:
        row = s.get(ComplaintStandard, severity)
        if row is None:
            row = ComplaintStandard(severity=severity, answer_hours=0, solution_hours=0)
            s.add(row)
        row.answer_hours, row.solution_hours = hours
        s.flush()
        audit.record(
            s,
            actor,
            "complaint_standard.set",
            "complaint_standard",
            0,
            {"severity": severity.value, "hours": list(hours)},
            at=db.now(),
        )

    db.write(tx)


def set_calendar(db: Database, actor: Actor, cal: WorkingCalendar) -> None:
    require(actor.username, actor.role, Perm.MANAGE_SETTINGS)
    cal.validate()
    db.write(lambda s: put_value(s, actor, "working_calendar", cal.to_dict(), db))


def set_timezone(db: Database, actor: Actor, name: str) -> None:
    require(actor.username, actor.role, Perm.MANAGE_SETTINGS)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError("timezone", "Unknown time zone.") from error
    db.write(lambda s: put_value(s, actor, "timezone", name, db))


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    return db.read(lambda s: get_value(s, key, default))


def set_setting(db: Database, actor: Actor, key: str, value: Any) -> None:
    require(actor.username, actor.role, Perm.MANAGE_SETTINGS)
    db.write(lambda s: put_value(s, actor, key, value, db))
