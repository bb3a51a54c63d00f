"""Service areas (服务区域): the districts the shop serves, which technicians cover and
dispatch matches tickets by. Created, renamed and retired by a manager; never deleted.

A rename is carried into every technician's ``areas`` list in the same transaction, so
the technician form and the board never hold a name the area list no longer has.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.db.models import ServiceArea, Technician
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.validation import clean_text, required_text
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database

MAX_NAME = 60


@dataclass(frozen=True)
class AreaView:
    id: int
    name: str
    note: str | None
    active: bool
    version: int


def _view(a: ServiceArea) -> AreaView:
    return AreaView(a.id, a.name, a.note, a.active, a.version)


def _check_name(name: str) -> str:
    return required_text(name, "name", max_length=MAX_NAME)


def _taken(s: Session, name: str, but: int | None = None) -> None:
    stmt = select(ServiceArea.id).where(ServiceArea.name == name)
    if but is not None:
        stmt = stmt.where(ServiceArea.id != but)
    if s.scalar(stmt) is not None:
        raise ValidationError("name", "area.name_taken", name=name)


def _load(s: Session, area_id: int, expected_version: int | None) -> ServiceArea:
    area = s.get(ServiceArea, area_id, with_for_update=True)
    if area is None:
        raise NotFound("service area", area_id)
    if expected_version is not None and area.version != expected_version:
        who, when = audit.last_change(s, "service_area", area.id)
        raise ConflictError("service area", who, when, current={"version": area.version})
    return area


def active_names(s: Session) -> set[str]:
    """The names technicians may be given (in-session, for the technician service)."""
    return set(s.scalars(select(ServiceArea.name).where(ServiceArea.active)))


def list_areas(db: Database, actor: Actor, *, active_only: bool = False) -> list[AreaView]:
    """Every area by name (retired ones too unless ``active_only``)."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[AreaView]:
        stmt = select(ServiceArea).order_by(ServiceArea.name)
        if active_only:
            stmt = stmt.where(ServiceArea.active)
        return [_view(a) for a in s.scalars(stmt)]

    return db.read(q)


def create_area(db: Database, actor: Actor, name: str, note: str | None = None) -> AreaView:
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)
    clean = _check_name(name)
    remark = clean_text(note, "note", max_length=200)

    def tx(s: Session) -> AreaView:
        _taken(s, clean)
        area = ServiceArea(name=clean, note=remark, active=True)
        s.add(area)
        s.flush()
        audit.record(
            s, actor, "service_area.create", "service_area", area.id, {"name": clean}, at=db.now()
        )
        return _view(area)

    return db.write(tx)


def rename_area(
    db: Database,
    actor: Actor,
    area_id: int,
    name: str,
    *,
    note: str | None = None,
    expected_version: int | None = None,
) -> AreaView:
    """Rename the area (and set its note); every technician covering it now lists the new
    name, in the same transaction."""
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)
    clean = _check_name(name)
    remark = clean_text(note, "note", max_length=200)

    def tx(s: Session) -> AreaView:
        area = _load(s, area_id, expected_version)
        old = area.name
        if clean == old and remark == area.note:
            return _view(area)
        _taken(s, clean, but=area.id)
        area.name, area.note = clean, remark
        moved: list[int] = []
        if clean != old:
            for tech in s.scalars(select(Technician).order_by(Technician.id)):
                listed = list(tech.areas or ())
                if old in listed:
                    # a new list (not edited in place), so the JSON column is written
                    tech.areas = list(dict.fromkeys(clean if a == old else a for a in listed))
                    moved.append(tech.id)
        s.flush()
        audit.record(
            s,
            actor,
            "service_area.rename",
            "service_area",
            area.id,
            {"name": clean, "before": old, "technicians": moved},
            at=db.now(),
            also=[("technician", t) for t in moved],
        )
        return _view(area)

    return db.write(tx)


def set_area_active(
    db: Database,
    actor: Actor,
    area_id: int,
    active: bool,
    *,
    expected_version: int | None = None,
) -> AreaView:
    """Retire an area (no new technician gets it; those covering it keep it until their
    record is edited) or bring it back."""
    require(actor.username, actor.roles, Perm.MANAGE_TECHNICIANS)

    def tx(s: Session) -> AreaView:
        area = _load(s, area_id, expected_version)
        if area.active == active:
            return _view(area)
        area.active = active
        s.flush()
        audit.record(
            s,
            actor,
            "service_area.active",
            "service_area",
            area.id,
            {"name": area.name, "active": active},
            at=db.now(),
        )
        return _view(area)

    return db.write(tx)
