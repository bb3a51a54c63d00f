"""Technicians (维修 / 安装工程师) as a manager keeps them: name, phone, skills, service
areas, working hours, daily capacity and emergency reserve, the user they sign in as.

Skills are ticket kinds or appliance categories the desk knows (the standard list, and
any category an appliance on record has); areas are active service areas. What a
technician already holds stays accepted when the record is edited, so retiring an area
never makes a technician's record unsaveable. Never deleted: a technician who left is
made inactive, and every visit and ticket keeps naming them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import Appliance, Technician, User
from desk_app.domain.appliances import APPLIANCE_CATEGORIES
from desk_app.domain.enums import TicketKind
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text, person_name
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.dispatch import areas as service_areas

MAX_CAPACITY = 50


@dataclass(frozen=True)
class TechnicianDraft:
    name: str
    phone: str | None = None
    skills: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    work_start: time = time(8, 30)
    work_end: time = time(18, 0)
    daily_capacity: int = 6
    emergency_reserve: int = 1
    user_id: int | None = None  # the user this technician signs in as, if any


@dataclass(frozen=True)
class TechnicianView:
    id: int
    name: str
    phone: str | None
    skills: tuple[str, ...]
    areas: tuple[str, ...]
    work_start: time
    work_end: time
    daily_capacity: int
    emergency_reserve: int
    active: bool
    user_id: int | None = None
    version: int = 1
    username: str | None = None  # of the linked user

    def as_draft(self) -> TechnicianDraft:
        return TechnicianDraft(
            self.name,
            self.phone,
            self.skills,
            self.areas,
            self.work_start,
            self.work_end,
            self.daily_capacity,
            self.emergency_reserve,
            self.user_id,
        )


def _view(s: Session, t: Technician, username: str | None = None) -> TechnicianView:
    if username is None and t.user_id is not None:
        username = s.scalar(select(User.username).where(User.id == t.user_id))
    return TechnicianView(
        t.id,
        t.name,
        t.phone,
        tuple(t.skills or ()),
        tuple(t.areas or ()),
        t.work_start,
        t.work_end,
        t.daily_capacity,
        t.emergency_reserve,
        t.active,
        t.user_id,
        t.version,
        username,
    )


def known_skills(s: Session) -> list[str]:
    """Ticket kinds first, then appliance categories (the standard list, then any other
    category an appliance on record has)."""
    recorded = s.scalars(select(Appliance.category).distinct().order_by(Appliance.category))
    categories = dict.fromkeys([*APPLIANCE_CATEGORIES, *(c for c in recorded if c)])
    return [k.value for k in TicketKind] + list(categories)


def skill_choices(db: Database, actor: Actor) -> list[str]:
    """What the technician form offers as skills (see ``known_skills``)."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    return db.read(known_skills)


@dataclass(frozen=True)
class _Clean:
    name: str
    phone: str | None
    skills: list[str]
    areas: list[str]


def _clean(draft: TechnicianDraft) -> _Clean:
    """The checks that need no database; each skill and area trimmed and checked as text."""
    name = person_name(draft.name)
    phone = clean_text(draft.phone, "phone", max_length=40)
    if draft.work_end <= draft.work_start:
        raise ValidationError("work_end", "dispatch.work_hours_reversed")
    if not 0 <= draft.emergency_reserve <= draft.daily_capacity <= MAX_CAPACITY:
        raise ValidationError("daily_capacity", "dispatch.capacity_range", limit=MAX_CAPACITY)
    skills = _texts(draft.skills, "skills")
    areas = _texts(draft.areas, "areas")
    return _Clean(name, phone, skills, areas)


def _texts(values: Iterable[str], field: str) -> list[str]:
    out = (clean_text(v, field, max_length=60) for v in values)
    return list(dict.fromkeys(v for v in out if v))


def _check_known(s: Session, clean: _Clean, held: Technician | None) -> None:
    kept_skills = set(held.skills or ()) if held else set()
    kept_areas = set(held.areas or ()) if held else set()
    skills = set(known_skills(s)) | kept_skills
    for skill in clean.skills:
        if skill not in skills:
            raise ValidationError("skills", "dispatch.unknown_skill", skill=skill)
    areas = service_areas.active_names(s) | kept_areas
    for area in clean.areas:
        if area not in areas:
            raise ValidationError("areas", "dispatch.unknown_area", area=area)


def _check_user(s: Session, user_id: int | None, technician_id: int | None) -> None:
    if user_id is None:
        return
    user = s.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    if not user.active:
        raise ValidationError("user_id", "dispatch.user_inactive")
    other = s.scalar(
        select(Technician.name).where(
            Technician.user_id == user_id,
            Technician.id != (technician_id if technician_id is not None else -1),
        )
    )
    if other is not None:
        raise ValidationError("user_id", "dispatch.user_already_linked", technician=other)


def _details(t: Technician) -> dict[str, object]:
    return {
        "name": t.name,
        "phone": t.phone,
        "skills": list(t.skills or ()),
        "areas": list(t.areas or ()),
        "work_start": t.work_start.isoformat(),
        "work_end": t.work_end.isoformat(),
        "daily_capacity": t.daily_capacity,
        "emergency_reserve": t.emergency_reserve,
        "user_id": t.user_id,
    }


def create_technician(db: Database, actor: Actor, draft: TechnicianDraft) -> TechnicianView:
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)
    clean = _clean(draft)

    def tx(s: Session) -> TechnicianView:
        _check_known(s, clean, None)
        _check_user(s, draft.user_id, None)
        tech = Technician(
            name=clean.name,
            phone=clean.phone,
            skills=clean.skills,
            areas=clean.areas,
            work_start=draft.work_start,
            work_end=draft.work_end,
            daily_capacity=draft.daily_capacity,
            emergency_reserve=draft.emergency_reserve,
            user_id=draft.user_id,
            active=True,
        )
        s.add(tech)
        s.flush()
        audit.record(
            s, actor, "technician.create", "technician", tech.id, _details(tech), at=db.now()
        )
        return _view(s, tech)

    return db.write(tx)


def _load(s: Session, technician_id: int, expected_version: int | None) -> Technician:
    tech = s.get(Technician, technician_id, with_for_update=True)
    if tech is None:
        raise NotFound("technician", technician_id)
    if expected_version is not None and tech.version != expected_version:
        who, when = audit.last_change(s, "technician", tech.id)
        raise ConflictError("technician", who, when, current={"version": tech.version})
    return tech


def update_technician(
    db: Database,
    actor: Actor,
    technician_id: int,
    draft: TechnicianDraft,
    *,
    expected_version: int | None = None,
) -> TechnicianView:
    """Replace the technician's record with ``draft``. With ``expected_version`` (the
    version the form was loaded at) a save by someone else since is a ConflictError naming
    who and when; nothing is written."""
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)
    clean = _clean(draft)

    def tx(s: Session) -> TechnicianView:
        tech = _load(s, technician_id, expected_version)
        _check_known(s, clean, tech)
        _check_user(s, draft.user_id, tech.id)
        before = _details(tech)
        tech.name, tech.phone = clean.name, clean.phone
        tech.skills, tech.areas = list(clean.skills), list(clean.areas)
        tech.work_start, tech.work_end = draft.work_start, draft.work_end
        tech.daily_capacity, tech.emergency_reserve = draft.daily_capacity, draft.emergency_reserve
        tech.user_id = draft.user_id
        after = _details(tech)
        changed = {k: {"from": before[k], "to": v} for k, v in after.items() if before[k] != v}
        if not changed:
            return _view(s, tech)
        s.flush()
        audit.record(s, actor, "technician.update", "technician", tech.id, changed, at=db.now())
        return _view(s, tech)

    return db.write(tx)


def set_technician_active(
    db: Database,
    actor: Actor,
    technician_id: int,
    active: bool,
    *,
    expected_version: int | None = None,
) -> TechnicianView:
    """Take a technician off the board (left, long leave) or back on. Their booked visits
    stay as they are: the dispatcher moves them."""
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)

    def tx(s: Session) -> TechnicianView:
        tech = _load(s, technician_id, expected_version)
        if tech.active == active:
            return _view(s, tech)
        tech.active = active
        s.flush()
        audit.record(
            s,
            actor,
            "technician.active",
            "technician",
            tech.id,
            {"name": tech.name, "active": active},
            at=db.now(),
        )
        return _view(s, tech)

    return db.write(tx)


def list_technicians(
    db: Database, actor: Actor, *, active_only: bool = True
) -> list[TechnicianView]:
    """Technicians by name; the staff screen passes ``active_only=False``."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[TechnicianView]:
        stmt = (
            select(Technician, User.username)
            .outerjoin(User, User.id == Technician.user_id)
            .order_by(Technician.name, Technician.id)
        )
        if active_only:
            stmt = stmt.where(Technician.active)
        return [_view(s, t, username) for t, username in s.execute(stmt)]

    return db.read(q)
