"""Manager-set settings: time zone, working calendar, service standards, company header.

Values live in the shared database's ``settings`` table as JSON (standards in their
own tables); reads fall back to documented defaults so a new database works at once.
Every setter requires ``Perm.MANAGE_SETTINGS``, validates, and writes one audit row.

What lives where:
- shared by every desk (here): company header and logo, service and complaint
  standards, working calendar, time zone, default area code, charge standard;
- per PC (``desk_app.ui.paperwork.present``, in the PC's QSettings): which printer and paper
  each document kind goes to, since every counter has its own printer.

The keys of the ``settings`` table are ``Key`` members and appear nowhere else: other
modules read a setting through its typed accessor here (``timezone``,
``default_area_code``, ``maintenance_months``, ``followup_retry``, ...), or all of them
at once as a ``ShopSettings`` (``load`` / ``shop_settings``). A test fails when a module
outside this one reads a setting by a string key.

Two managers saving the same tab: each tab is a ``Section`` with a ``Version`` (a save
counter in its own ``settings`` row, whose ``updated_at``/``updated_by`` say who saved
when). A tab reads the version before its values and passes it back as ``expected``;
a save over a newer version is refused with ConflictError naming that save, and
nothing is written.
"""

from __future__ import annotations

import base64
import dataclasses
import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from desk_app.db.models import ComplaintStandard, ServiceStandard, Setting, User
from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.complaint_rules import DEFAULT_RETRY_SCHEDULE, RetrySchedule
from desk_app.domain.enums import Severity, TicketKind, Urgency
from desk_app.domain.errors import ConflictError, ValidationError
from desk_app.domain.images import image_size
from desk_app.domain.permissions import Perm, require
from desk_app.domain.phones import normalize_area_code
from desk_app.domain.validation import choice, clean_text, required_text
from desk_app.printing import DOCUMENT_KINDS
from desk_app.printing.data import CompanyHeader
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

DEFAULT_TIMEZONE = "Asia/Shanghai"


class Key(enum.StrEnum):
    """The keys of the ``settings`` table: the one place they are spelled."""

    TIMEZONE = "timezone"
    WORKING_CALENDAR = "working_calendar"
    DEFAULT_AREA_CODE = "default_area_code"
    CHARGE_STANDARD = "charge_standard"
    COMPANY_HEADER = "company_header"
    COMPANY_LOGO = "company_logo"
    MAINTENANCE_MONTHS = "maintenance_months"  # appliance category -> months
    FOLLOWUP_RETRY = "followup_retry"  # RetrySchedule.to_dict()
    # Sign-in: failures in a row before a name is locked, for how many minutes, and
    # after how many idle minutes a desk locks its screen (0: never).
    SIGN_IN_MAX_FAILURES = "sign_in.max_failures"
    SIGN_IN_LOCK_MINUTES = "sign_in.lock_minutes"
    IDLE_LOCK_MINUTES = "desk.idle_lock_minutes"
    # The language each document kind prints in: {kind: "zh_CN" | "en" | "desk"}.
    PRINT_LANGUAGES = "print.languages"
    # The save counters of the sections (see ``Section``): value = saves so far.
    SAVED_COMPANY = "saved.company"
    SAVED_DESK = "saved.desk"
    SAVED_CALENDAR = "saved.calendar"
    SAVED_STANDARDS = "saved.standards"
    SAVED_COMPLAINTS = "saved.complaints"
    SAVED_SIGN_IN = "saved.sign_in"
    SAVED_PRINTING = "saved.printing"


class Section(enum.StrEnum):
    """The settings one tab of the Settings dialog saves together."""

    COMPANY = "company"  # company header and logo
    DESK = "desk"  # default area code and charge standard
    CALENDAR = "calendar"  # working calendar
    STANDARDS = "standards"  # service standards
    COMPLAINTS = "complaints"  # complaint standards
    SIGN_IN = "sign_in"  # sign-in policy: failures before a lock, its minutes, idle lock
    PRINTING = "printing"  # the print language of each document kind


_SAVED = {
    Section.COMPANY: Key.SAVED_COMPANY,
    Section.DESK: Key.SAVED_DESK,
    Section.CALENDAR: Key.SAVED_CALENDAR,
    Section.STANDARDS: Key.SAVED_STANDARDS,
    Section.COMPLAINTS: Key.SAVED_COMPLAINTS,
    Section.SIGN_IN: Key.SAVED_SIGN_IN,
    Section.PRINTING: Key.SAVED_PRINTING,
}


@dataclass(frozen=True)
class Version:
    """How often a section was saved, the last time by whom and when (``number`` 0:
    never). Only ``number`` decides a conflict. A save that passed ``expected`` and went
    through leaves the section at ``expected.next()``."""

    number: int = 0
    saved_at: datetime | None = dataclasses.field(default=None, compare=False)
    saved_by: str | None = dataclasses.field(default=None, compare=False)  # display name

    def next(self) -> Version:
        return Version(self.number + 1)


def _version(session: Session, section: Section) -> Version:
    row = session.get(Setting, str(_SAVED[section]))
    if row is None:
        return Version()
    user = session.get(User, row.updated_by) if row.updated_by is not None else None
    number = row.value if isinstance(row.value, int) else 0
    return Version(number, row.updated_at, user.display_name if user else None)


def version(db: Database, section: Section) -> Version:
    """The version of ``section`` now; read it before the values a tab shows."""
    return db.read(lambda s: _version(s, section))


def _stored(session: Session, section: Section) -> Any:
    """What ``section`` holds now, for the ConflictError of a refused save."""
    if section is Section.COMPANY:
        return get_value(session, HEADER_KEY)
    if section is Section.DESK:
        return {
            "default_area_code": default_area_code(session),
            "charge_standard": _charge_texts(get_value(session, Key.CHARGE_STANDARD)),
        }
    if section is Section.CALENDAR:
        return calendar(session)
    if section is Section.STANDARDS:
        return {(k, u): standard_for(session, k, u) for k in TicketKind for u in Urgency}
    if section is Section.SIGN_IN:
        return sign_in_policy(session)
    if section is Section.PRINTING:
        return print_languages(session)
    return {sev: complaint_standard_for(session, sev) for sev in Severity}


def _check_and_count(
    session: Session,
    actor: Actor,
    section: Section,
    expected: Version | None,
    db: Database,
) -> Version:
    """Inside a save of ``section``: refuse it if someone saved a newer version than
    ``expected`` (None: no check, for scripts), else count this save. Other settings
    writers wait on PostgreSQL (SQLite's write lock is already taken up front)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE"))
    current = _version(session, section)
    if expected is not None and current.number != expected.number:
        raise ConflictError(
            "settings",
            current.saved_by or "?",
            current.saved_at,
            {"section": section.value, "version": current, "values": _stored(session, section)},
        )
    now = db.now()
    key = str(_SAVED[section])
    row = session.get(Setting, key)
    if row is None:
        row = Setting(key=key, value=0, updated_at=now, updated_by=actor.user_id)
        session.add(row)
    row.value = current.number + 1
    row.updated_at = now
    row.updated_by = actor.user_id
    return Version(current.number + 1, now, actor.display_name)


# Months between preventive maintenance by appliance category, until a manager sets
# ``Key.MAINTENANCE_MONTHS``.
DEFAULT_MAINTENANCE_MONTHS: dict[str, int] = {
    "空调": 12,
    "热水器": 12,
    "燃气灶": 12,
    "油烟机": 12,
    "净水器": 6,
    "洗衣机": 24,
}


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


def get_value(session: Session | Connection, key: Key, default: Any = None) -> Any:
    """The stored JSON of ``key``; a Connection for code that works below the ORM (the
    demo loader)."""
    if isinstance(session, Session):
        row = session.get(Setting, str(key))
        return default if row is None else row.value
    value = session.scalar(select(Setting.value).where(Setting.key == str(key)))
    return default if value is None else value


def put_value(
    session: Session,
    actor: Actor,
    key: Key,
    value: Any,
    db: Database,
    *,
    audited: Any = None,
) -> None:
    """Write one setting and its audit row; ``audited`` replaces ``value`` in the audit
    log where the value is bulky (an image)."""
    now = db.now()
    row = session.get(Setting, str(key))
    if row is None:
        session.add(Setting(key=str(key), value=value, updated_at=now, updated_by=actor.user_id))
    else:
        row.value = value
        row.updated_at = now
        row.updated_by = actor.user_id
    shown = value if audited is None else audited
    audit.record(session, actor, "settings.set", "setting", 0, {"key": key, "value": shown}, at=now)


def timezone(session: Session | Connection) -> ZoneInfo:
    """The shop's time zone (``DEFAULT_TIMEZONE`` until a manager sets one, or if the
    stored name is unknown to this PC)."""
    name = get_value(session, Key.TIMEZONE, DEFAULT_TIMEZONE)
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def calendar(session: Session) -> WorkingCalendar:
    tz = timezone(session)
    data = get_value(session, Key.WORKING_CALENDAR)
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


@dataclass(frozen=True)
class StandardRow:
    """The standard of one ticket kind and urgency; ``is_default`` when no manager set it."""

    kind: TicketKind
    urgency: Urgency
    standard: Standard
    is_default: bool


def list_standards(db: Database, actor: Actor) -> list[StandardRow]:
    """Every kind × urgency (in enum order), the documented default where none is set.

    Readable by every signed-in role: the deadlines are printed on every work order.
    """
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[StandardRow]:
        rows = {(r.kind, r.urgency): r for r in s.scalars(select(ServiceStandard))}
        result = []
        for kind in TicketKind:
            for urgency in Urgency:
                row = rows.get((kind, urgency))
                if row is None:
                    result.append(StandardRow(kind, urgency, DEFAULT_STANDARDS[urgency], True))
                else:
                    std = Standard(
                        row.respond_hours, row.visit_hours, row.repair_hours, row.working_hours_only
                    )
                    result.append(StandardRow(kind, urgency, std, False))
        return result

    return db.read(q)


def _check_standard(standard: Standard, field: str) -> tuple[float, float, float]:
    hours = (standard.respond_hours, standard.visit_hours, standard.repair_hours)
    if any(not isinstance(h, int | float) or not 0 < h <= 24 * 365 for h in hours):
        raise ValidationError(field, "settings.hours_out_of_range")
    if not standard.respond_hours <= standard.visit_hours <= standard.repair_hours:
        raise ValidationError(field, "settings.hours_order")
    return hours


def set_standard(
    db: Database, actor: Actor, kind: TicketKind, urgency: Urgency, standard: Standard
) -> None:
    """Set one kind × urgency; applies to tickets opened from now on."""
    _set_standards(db, actor, {(kind, urgency): standard}, field=lambda _k, _u: "hours")


def set_standards(
    db: Database,
    actor: Actor,
    standards: Mapping[tuple[TicketKind, Urgency], Standard],
    *,
    expected: Version | None = None,
) -> Version | None:
    """Set several kind × urgency standards in one transaction: all or none.

    A bad one is refused as ValidationError with field ``standard.<kind>.<urgency>``;
    a save over a newer version than ``expected`` as ConflictError. Returns the
    section's version after the save (None: nothing to save and no version given).
    """
    return _set_standards(
        db,
        actor,
        standards,
        field=lambda k, u: f"standard.{k.value}.{u.value}",
        expected=expected,
    )


def _set_standards(
    db: Database,
    actor: Actor,
    standards: Mapping[tuple[TicketKind, Urgency], Standard],
    *,
    field: Any,
    expected: Version | None = None,
) -> Version | None:
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    checked: dict[tuple[TicketKind, Urgency], tuple[tuple[float, float, float], bool]] = {}
    for (kind, urgency), standard in standards.items():
        kind, urgency = choice(TicketKind, kind, "kind"), choice(Urgency, urgency, "urgency")
        hours = _check_standard(standard, field(kind, urgency))
        checked[(kind, urgency)] = (hours, bool(standard.working_hours_only))

    def tx(s: Session) -> Version:
        saved = _check_and_count(s, actor, Section.STANDARDS, expected, db)
        for (kind, urgency), (hours, working_only) in checked.items():
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
            row.working_hours_only = working_only
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
                    "working_hours_only": working_only,
                },
                at=db.now(),
            )
        return saved

    return db.write(tx) if checked or expected is not None else None


def complaint_standards(db: Database) -> dict[Severity, tuple[float, float]]:
    """Answer and solution hours for every severity, as complaints opened now get them."""
    return db.read(lambda s: {sev: complaint_standard_for(s, sev) for sev in Severity})


def set_complaint_standard(
    db: Database, actor: Actor, severity: Severity, answer_hours: float, solution_hours: float
) -> None:
    """Hours allowed for the first answer and for the solution of complaints of
    ``severity`` (wall clock, from receipt). Applies to complaints received from now on;
    the deadlines of complaints already open stay as they were set."""
    _set_complaint_standards(db, actor, {severity: (answer_hours, solution_hours)}, batch=False)


def set_complaint_standards(
    db: Database,
    actor: Actor,
    standards: Mapping[Severity, tuple[float, float]],
    *,
    expected: Version | None = None,
) -> Version | None:
    """Several severities in one transaction; a bad one is refused as ValidationError with
    field ``complaint.<severity>``, a save over a newer version than ``expected`` as
    ConflictError. Returns the version after the save (as ``set_standards``)."""
    return _set_complaint_standards(db, actor, standards, batch=True, expected=expected)


def _set_complaint_standards(
    db: Database,
    actor: Actor,
    standards: Mapping[Severity, tuple[float, float]],
    *,
    batch: bool,
    expected: Version | None = None,
) -> Version | None:
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    checked: dict[Severity, tuple[float, float]] = {}
    for raw, (answer_hours, solution_hours) in standards.items():
        try:
            severity = Severity(raw)
        except ValueError:
            raise ValidationError("severity", "complaint.severity_required") from None
        field = f"complaint.{severity.value}" if batch else "hours"
        hours = (answer_hours, solution_hours)
        if any(not isinstance(h, int | float) or not 0 < h <= 24 * 365 for h in hours):
            raise ValidationError(field, "settings.hours_out_of_range")
        if answer_hours > solution_hours:
            raise ValidationError(field, "settings.complaint_hours_order")
        checked[severity] = hours

    def tx(s: Session) -> Version:
        saved = _check_and_count(s, actor, Section.COMPLAINTS, expected, db)
        for severity, hours in checked.items():
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
        return saved

    return db.write(tx) if checked or expected is not None else None


def working_calendar(db: Database) -> WorkingCalendar:
    """The calendar deadlines count working hours on (the standard one until a manager sets it)."""
    return db.read(calendar)


def set_calendar(
    db: Database, actor: Actor, cal: WorkingCalendar, *, expected: Version | None = None
) -> Version:
    """Set the working calendar unless someone saved a newer one than ``expected``."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    cal.validate()

    def tx(s: Session) -> Version:
        saved = _check_and_count(s, actor, Section.CALENDAR, expected, db)
        put_value(s, actor, Key.WORKING_CALENDAR, cal.to_dict(), db)
        return saved

    return db.write(tx)


def set_timezone(db: Database, actor: Actor, name: str) -> None:
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError("timezone", "settings.unknown_timezone") from error
    db.write(lambda s: put_value(s, actor, Key.TIMEZONE, name, db))


def get_setting(db: Database, key: Key, default: Any = None) -> Any:
    return db.read(lambda s: get_value(s, key, default))


def set_setting(db: Database, actor: Actor, key: Key, value: Any) -> None:
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    db.write(lambda s: put_value(s, actor, key, value, db))


# ---------------------------------------------------------------- desk defaults


def get_default_area_code(db: Database) -> str | None:
    """The area code local numbers typed without one get (e.g. "0755"); None if unset."""
    return db.read(default_area_code)


def default_area_code(session: Session) -> str | None:
    value = get_value(session, Key.DEFAULT_AREA_CODE)
    return value if isinstance(value, str) and value else None


def set_default_area_code(db: Database, actor: Actor, text: str | None) -> str | None:
    """Set (normalised: "755" → "0755") or clear (empty) the default area code.

    Numbers already stored keep their normalised form; only numbers typed from now on
    without an area code get this one.
    """
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    code = normalize_area_code(text) if text and text.strip() else None

    def tx(s: Session) -> None:
        _check_and_count(s, actor, Section.DESK, None, db)
        put_value(s, actor, Key.DEFAULT_AREA_CODE, code, db)

    db.write(tx)
    return code


CHARGE_LANGUAGES = ("zh_CN", "en")
MAX_CHARGE_STANDARD = 500
# Printed on every chargeable work order: customers have a right to know it first.
DEFAULT_CHARGE_STANDARD = {
    "zh_CN": "保内免费（人为损坏除外）；保外收取上门费、人工费及配件费，收费前告知客户。",
    "en": "Free in warranty (misuse excepted); out of warranty: call-out, labour and parts, "
    "quoted before work.",
}


def _charge_texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):  # an early form of the setting: one text for every language
        return {"zh_CN": value, "en": ""}
    if not isinstance(value, dict):
        return dict(DEFAULT_CHARGE_STANDARD)
    return {lang: str(value.get(lang) or "") for lang in CHARGE_LANGUAGES}


def charge_standard_text(session: Session, language: str) -> str:
    """The charge standard printed in ``language``; the Chinese text when that one is empty."""
    texts = _charge_texts(get_value(session, Key.CHARGE_STANDARD))
    return texts.get(language) or texts["zh_CN"]


def get_charge_standard(db: Database) -> dict[str, str]:
    """{"zh_CN": ..., "en": ...} as the manager wrote them (the default until then);
    an empty English text means English forms print the Chinese one."""
    return _charge_texts(get_setting(db, Key.CHARGE_STANDARD))


def charge_standard_published(session: Session) -> bool:
    """Whether a manager has written a charge standard (the default is not published)."""
    return get_value(session, Key.CHARGE_STANDARD) is not None


def set_charge_standard(db: Database, actor: Actor, texts: Mapping[str, str]) -> dict[str, str]:
    """The charge standard (收费标准) in Chinese (required) and English (optional)."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    value = _clean_charge(texts)

    def tx(s: Session) -> None:
        _check_and_count(s, actor, Section.DESK, None, db)
        put_value(s, actor, Key.CHARGE_STANDARD, value, db)

    db.write(tx)
    return value


def _clean_charge(texts: Mapping[str, str]) -> dict[str, str]:
    unknown = set(texts) - set(CHARGE_LANGUAGES)
    if unknown:
        raise ValidationError(
            "charge_standard", "settings.unknown_language", language=sorted(unknown)[0]
        )
    value = {
        "zh_CN": required_text(
            texts.get("zh_CN"),
            "charge_standard.zh_CN",
            max_length=MAX_CHARGE_STANDARD,
            multiline=True,
        ),
        "en": clean_text(
            texts.get("en"), "charge_standard.en", max_length=MAX_CHARGE_STANDARD, multiline=True
        )
        or "",
    }
    return value


def set_desk_defaults(
    db: Database,
    actor: Actor,
    *,
    area_code: str | None,
    charge_standard: Mapping[str, str],
    expected: Version | None = None,
) -> tuple[str | None, dict[str, str]]:
    """The Desk tab in one transaction: default area code (as ``set_default_area_code``)
    and charge standard (as ``set_charge_standard``), unless someone saved a newer
    version than ``expected``. Returns both as stored."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    code = normalize_area_code(area_code) if area_code and area_code.strip() else None
    value = _clean_charge(charge_standard)

    def tx(s: Session) -> None:
        _check_and_count(s, actor, Section.DESK, expected, db)
        put_value(s, actor, Key.DEFAULT_AREA_CODE, code, db)
        put_value(s, actor, Key.CHARGE_STANDARD, value, db)

    db.write(tx)
    return code, value


# ---------------------------------------------------------------- company header

HEADER_KEY = Key.COMPANY_HEADER
LOGO_KEY = Key.COMPANY_LOGO  # the image itself, apart, so the header stays small to audit
DEFAULT_HEADER = CompanyHeader(name="售后服务部")
MAX_LOGO_BYTES = 1024 * 1024
_LOGO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
# sha256 → image bytes: a desk prints dozens of forms a day with the same logo.
# Plain dict get/set is atomic under the GIL; background threads share it safely.
_logo_cache: dict[str, bytes] = {}


class Logo(enum.Enum):
    KEEP = "keep"  # set_company_header: leave the stored logo as it is


def get_company_header(db: Database) -> CompanyHeader:
    """The letterhead printed on every document; the logo comes as image bytes.

    The logo is stored in the database, not as a path, because a path on the
    manager's PC does not exist on the other desks; ``logo_path`` is where it was
    read from, for display only. It carries the shop's time zone, so every form
    stamps its printing time in the shop's zone whatever the PC's is.
    """

    def q(s: Session) -> CompanyHeader:
        value = get_value(s, HEADER_KEY)
        zone = timezone(s).key
        if not isinstance(value, dict):
            return dataclasses.replace(DEFAULT_HEADER, timezone=zone)
        sha = value.get("logo_sha256")
        data = _logo_cache.get(sha) if isinstance(sha, str) else None
        if isinstance(sha, str) and data is None:
            stored = get_value(s, LOGO_KEY)
            if isinstance(stored, dict) and stored.get("sha256") == sha:
                data = base64.b64decode(stored["data"])
                _logo_cache[sha] = data
        return CompanyHeader(
            name=str(value.get("name") or DEFAULT_HEADER.name),
            address=str(value.get("address") or ""),
            hotline=str(value.get("hotline") or ""),
            logo_path=value.get("logo_path") or None,
            logo_data=data,
            timezone=zone,
        )

    return db.read(q)


def read_logo(path: str) -> bytes:
    """The bytes of a PNG or JPEG logo file, or ValidationError("logo_path", ...)."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise ValidationError("logo_path", "settings.logo_not_found")
    if file.stat().st_size > MAX_LOGO_BYTES:
        raise ValidationError(
            "logo_path", "settings.logo_too_large", megabytes=MAX_LOGO_BYTES // (1024 * 1024)
        )
    try:
        data = file.read_bytes()
    except OSError:
        raise ValidationError("logo_path", "settings.logo_unreadable") from None
    if not any(data.startswith(sig) for sig in _LOGO_SIGNATURES):
        raise ValidationError("logo_path", "settings.logo_not_an_image")
    size = image_size(data)
    if size is None or size[0] < 1 or size[1] < 1:
        raise ValidationError("logo_path", "settings.logo_not_an_image")
    return data


def set_company_header(
    db: Database,
    actor: Actor,
    *,
    name: str,
    address: str = "",
    hotline: str = "",
    logo_path: str | Literal[Logo.KEEP] | None = Logo.KEEP,
    expected: Version | None = None,
) -> CompanyHeader:
    """Set the letterhead. ``logo_path``: a PNG/JPEG file to read now, None for no logo,
    or ``Logo.KEEP`` to keep the stored one; refused (ConflictError) if someone saved a
    newer version than ``expected``. Returns the header as printed from now on."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    clean = {
        "name": required_text(name, "name", max_length=60),
        "address": clean_text(address, "address", max_length=200) or "",
        "hotline": clean_text(hotline, "hotline", max_length=60) or "",
    }
    data: bytes | None = None
    if isinstance(logo_path, str) and logo_path.strip():
        data = read_logo(logo_path.strip())
    elif logo_path is not Logo.KEEP:
        logo_path = None

    def tx(s: Session) -> None:
        _check_and_count(s, actor, Section.COMPANY, expected, db)
        old = get_value(s, HEADER_KEY)
        old = old if isinstance(old, dict) else {}
        if logo_path is Logo.KEEP:
            kept = {k: old.get(k) for k in ("logo_path", "logo_sha256")}
            value = {**clean, **kept}
        elif data is None:
            value = {**clean, "logo_path": None, "logo_sha256": None}
            if old.get("logo_sha256"):
                put_value(s, actor, LOGO_KEY, None, db)
        else:
            sha = hashlib.sha256(data).hexdigest()
            value = {**clean, "logo_path": str(logo_path).strip(), "logo_sha256": sha}
            if old.get("logo_sha256") != sha:
                stored = {"sha256": sha, "data": base64.b64encode(data).decode("ascii")}
                put_value(s, actor, LOGO_KEY, stored, db, audited={"sha256": sha})
        put_value(s, actor, HEADER_KEY, value, db)

    db.write(tx)
    return get_company_header(db)


# ---------------------------------------------------------------- care: maintenance, follow-ups


def maintenance_months(session: Session) -> dict[str, int]:
    """Months between preventive maintenance by appliance category, as the manager set
    them (``DEFAULT_MAINTENANCE_MONTHS`` until then); checked by the maintenance use case."""
    value = get_value(session, Key.MAINTENANCE_MONTHS)
    if not isinstance(value, dict):
        return dict(DEFAULT_MAINTENANCE_MONTHS)
    return dict(value)


def set_maintenance_months(db: Database, actor: Actor, months: Mapping[str, int]) -> None:
    """Store the months by category as given (the maintenance list refuses bad ones)."""
    set_setting(db, actor, Key.MAINTENANCE_MONTHS, dict(months))


def followup_retry(session: Session) -> RetrySchedule:
    """The manager's retry schedule for unreached follow-up calls (the default until set)."""
    data = get_value(session, Key.FOLLOWUP_RETRY)
    if data is None:
        return DEFAULT_RETRY_SCHEDULE
    return RetrySchedule.from_dict(data)


def set_followup_retry(db: Database, actor: Actor, schedule: RetrySchedule) -> None:
    set_setting(db, actor, Key.FOLLOWUP_RETRY, schedule.to_dict())


# ---------------------------------------------------------------- sign-in


@dataclass(frozen=True)
class SignInPolicy:
    """How sign-in holds at this shop (a manager sets it)."""

    max_failures: int = 5  # wrong answers in a row before the name is locked
    lock_minutes: int = 15  # how long the lock lasts
    idle_lock_minutes: int = 10  # a desk left alone this long locks its screen; 0: never


def _whole(value: Any, default: int, low: int, high: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return default


# The range each field of the policy may take: (key, lowest, highest).
SIGN_IN_LIMITS: dict[str, tuple[Key, int, int]] = {
    "max_failures": (Key.SIGN_IN_MAX_FAILURES, 1, 100),
    "lock_minutes": (Key.SIGN_IN_LOCK_MINUTES, 1, 24 * 60),
    "idle_lock_minutes": (Key.IDLE_LOCK_MINUTES, 0, 8 * 60),
}


def sign_in_policy(session: Session | Connection) -> SignInPolicy:
    """The stored policy; a missing or unusable value falls back to its default."""
    base = SignInPolicy()
    return SignInPolicy(
        **{
            field: _whole(get_value(session, key), getattr(base, field), low, high)
            for field, (key, low, high) in SIGN_IN_LIMITS.items()
        }
    )


def get_sign_in_policy(db: Database) -> SignInPolicy:
    """The sign-in policy now (the defaults until a manager sets it)."""
    return db.read(sign_in_policy)


def set_sign_in_policy(
    db: Database, actor: Actor, policy: SignInPolicy, *, expected: Version | None = None
) -> Version:
    """Set failures before a lock, the lock's minutes and the idle-lock minutes (0: never).

    A value outside its range (``SIGN_IN_LIMITS``) is refused as ValidationError
    ``settings.sign_in_range`` {low, high} on its field; a save over a newer version than
    ``expected`` as ConflictError. Applies to the next try of every desk (idle lock: to
    desks signed in from now on)."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    for field, (_key, low, high) in SIGN_IN_LIMITS.items():
        value = getattr(policy, field)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValidationError(field, "settings.sign_in_range", low=low, high=high)

    def tx(s: Session) -> Version:
        saved = _check_and_count(s, actor, Section.SIGN_IN, expected, db)
        for field, (key, _low, _high) in SIGN_IN_LIMITS.items():
            put_value(s, actor, key, getattr(policy, field), db)
        return saved

    return db.write(tx)


# ---------------------------------------------------------------- print languages

# What a document kind's language setting may say: a language, or "desk" (the
# language of the desk that prints it).
DESK_LANGUAGE = "desk"
PRINT_LANGUAGE_CHOICES = ("zh_CN", "en", DESK_LANGUAGE)
# Paper the customer reads or signs prints in Chinese unless a manager says otherwise;
# the shop's own paper in the language of the desk that prints it.
CUSTOMER_FACING = frozenset({"work_order", "feedback_form", "check_in_receipt", "appliance_tag"})
DEFAULT_PRINT_LANGUAGES: Mapping[str, str] = {
    kind: "zh_CN" if kind in CUSTOMER_FACING else DESK_LANGUAGE for kind in DOCUMENT_KINDS
}


def print_languages(session: Session | Connection) -> dict[str, str]:
    """Every document kind's language setting (its default where unset or unusable)."""
    stored = get_value(session, Key.PRINT_LANGUAGES)
    stored = stored if isinstance(stored, dict) else {}
    return {
        kind: value if (value := stored.get(kind)) in PRINT_LANGUAGE_CHOICES else default
        for kind, default in DEFAULT_PRINT_LANGUAGES.items()
    }


def get_print_languages(db: Database) -> dict[str, str]:
    """Every document kind's language setting, read on its own (the Printers tab)."""
    return db.read(print_languages)


def print_language(session: Session | Connection, kind: str, desk_language: str) -> str:
    """The language a document of ``kind`` prints in, printed at a desk speaking
    ``desk_language``: the one rule for every document. Unknown kinds print Chinese."""
    chosen = print_languages(session).get(kind, "zh_CN")
    if chosen == DESK_LANGUAGE:
        return desk_language if desk_language in CHARGE_LANGUAGES else "zh_CN"
    return chosen


def set_print_languages(
    db: Database,
    actor: Actor,
    languages: Mapping[str, str],
    *,
    expected: Version | None = None,
) -> dict[str, str]:
    """Set the language of the document kinds given (others keep theirs); refused as
    ValidationError ``print_language.<kind>`` for an unknown kind or choice, as
    ConflictError over a newer save than ``expected``. Returns every kind's setting."""
    require(actor.username, actor.roles, Perm.MANAGE_SETTINGS)
    for kind, value in languages.items():
        if kind not in DOCUMENT_KINDS or value not in PRINT_LANGUAGE_CHOICES:
            raise ValidationError(
                f"print_language.{kind}",
                "print.unknown_language",
                choices=list(PRINT_LANGUAGE_CHOICES),
            )

    def tx(s: Session) -> dict[str, str]:
        _check_and_count(s, actor, Section.PRINTING, expected, db)
        value = {**print_languages(s), **languages}
        put_value(s, actor, Key.PRINT_LANGUAGES, value, db)
        return value

    return db.write(tx)


# ---------------------------------------------------------------- all of them at once


@dataclass(frozen=True)
class ShopSettings:
    """The shop-wide settings of the ``settings`` table, typed, as read in one transaction.

    The service and complaint standards (own tables) and the company header with its
    logo (``get_company_header``) are read by their own functions."""

    timezone: ZoneInfo
    calendar: WorkingCalendar
    default_area_code: str | None
    charge_standard: Mapping[str, str]  # language -> text, as ``get_charge_standard``
    charge_standard_published: bool
    maintenance_months: Mapping[str, int]  # appliance category -> months
    followup_retry: RetrySchedule
    sign_in: SignInPolicy
    print_languages: Mapping[str, str]  # document kind -> "zh_CN" | "en" | "desk"

    def charge_standard_text(self, language: str) -> str:
        """The charge standard in ``language``; the Chinese text when that one is empty."""
        return self.charge_standard.get(language) or self.charge_standard["zh_CN"]


def load(session: Session) -> ShopSettings:
    """Every setting through its accessor, in the caller's transaction."""
    return ShopSettings(
        timezone=timezone(session),
        calendar=calendar(session),
        default_area_code=default_area_code(session),
        charge_standard=_charge_texts(get_value(session, Key.CHARGE_STANDARD)),
        charge_standard_published=charge_standard_published(session),
        maintenance_months=maintenance_months(session),
        followup_retry=followup_retry(session),
        sign_in=sign_in_policy(session),
        print_languages=print_languages(session),
    )


def shop_settings(db: Database) -> ShopSettings:
    """Every shop-wide setting, read in one transaction."""
    return db.read(load)


def shop_timezone(db: Database) -> ZoneInfo:
    """The shop's time zone, read on its own (the desk needs it before anything else)."""
    return db.read(timezone)
