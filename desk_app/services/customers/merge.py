"""Merging a duplicate customer into the one that stays, and undoing that merge exactly.

A merge moves every row that names the duplicate (tickets, appliances,
complaints, and its phones and addresses the survivor does not have yet) to
the survivor, and keeps the duplicate's own row pointing at the survivor
(``Customer.merged_into_id``), so searches skip it and a screen that opens it
follows to the survivor. ``CustomerMerge.moved`` records exactly which row ids
moved, which is what ``undo_merge`` moves back.

Concurrency: a merge locks both customers ``FOR UPDATE`` (in id order); new
work for a customer locks it ``FOR KEY SHARE`` through ``live_customer``.
The two lock modes conflict, so a ticket opened for the duplicate during a
merge either commits first and is moved by the merge, or waits for the merge
and then lands on the survivor. SQLite serializes all writers anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desk_app.db.models import (
    Appliance,
    Complaint,
    Customer,
    CustomerAddress,
    CustomerMerge,
    CustomerPhone,
    Ticket,
    User,
)
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.phones import normalize_phone
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import merge_rows as moving

# The tables whose rows follow a customer, in the order they are moved.
TABLES = ("tickets", "appliances", "complaints", "customer_phones", "customer_addresses")
# Rows moved with one bulk UPDATE of customer_id. Their versions are not bumped on
# purpose: nothing an editor of the ticket or complaint sees changed but the owner,
# and a dispatcher saving the ticket meanwhile should not meet a false conflict.
_BULK: dict[str, Any] = {"tickets": Ticket, "appliances": Appliance, "complaints": Complaint}
# Screens that show these records are told through the change log that they moved.
_ANNOUNCED = {"tickets": "ticket", "complaints": "complaint"}
# Where in ``moved`` the undo finds what else it needs (positions, values, service area).
_RESTORE = "restore"
# Merges followed when looking for the customer new work belongs to; a chain is
# never longer than the number of merges, this only guards against bad data.
_MAX_CHAIN = 50


@dataclass(frozen=True)
class MergeSide:
    """One of the two customers as the manager compares them before merging."""

    id: int
    name: str
    company: str | None
    notes: str | None
    phones: list[str]
    addresses: list[str]
    tickets: int
    appliances: int
    complaints: int
    version: int
    merged_into_id: int | None


@dataclass(frozen=True)
class MergePreview:
    """Both customers side by side, and which of the duplicate's phones and
    addresses the survivor has already (those stay behind, not doubled)."""

    survivor: MergeSide
    duplicate: MergeSide
    shared_phones: list[str]
    shared_addresses: list[str]


@dataclass(frozen=True)
class MergeView:
    id: int
    survivor_id: int
    survivor_name: str
    merged_id: int
    merged_name: str
    moved: dict[str, list[int]]  # table -> ids of the rows that moved to the survivor
    merged_at: datetime
    merged_by: str | None
    undone_at: datetime | None
    undone_by: str | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None

    def count(self, table: str) -> int:
        return len(self.moved.get(table, []))


# ---------------------------------------------------------------- for other services


def live_customer(s: Session, customer_id: int) -> Customer | None:
    """The customer that new work (a ticket, a complaint) for ``customer_id`` belongs to.

    Call inside a write transaction, before adding rows that name the customer.
    Locks the row ``FOR KEY SHARE`` so that a concurrent merge (``FOR UPDATE``)
    either waits for this transaction or makes it wait and then shows the row
    already merged; a merged duplicate is followed to its survivor. None if the
    customer does not exist.
    """
    cid = customer_id
    for _ in range(_MAX_CHAIN):
        customer = s.get(
            Customer,
            cid,
            with_for_update={"read": True, "key_share": True},
            populate_existing=True,
        )
        if customer is None or customer.merged_into_id is None:
            return customer
        cid = customer.merged_into_id
    return None


# ---------------------------------------------------------------- reading


def merge_preview(db: Database, actor: Actor, survivor_id: int, duplicate_id: int) -> MergePreview:
    """Both customers side by side, with the versions ``merge_customers`` expects back."""
    require(actor.username, actor.roles, Perm.MERGE_CUSTOMERS)
    _check_pair(survivor_id, duplicate_id)

    def q(s: Session) -> MergePreview:
        survivor, duplicate = _get(s, survivor_id), _get(s, duplicate_id)
        _check_unmerged(survivor, duplicate)
        kept = {p.normalized for p in moving.phones(s, survivor.id)}
        kept_addresses = {moving.address_key(a.text) for a in moving.addresses(s, survivor.id)}
        return MergePreview(
            _side(s, survivor),
            _side(s, duplicate),
            [_phone_text(p) for p in moving.phones(s, duplicate.id) if p.normalized in kept],
            [
                _address_text(a)
                for a in moving.addresses(s, duplicate.id)
                if moving.address_key(a.text) in kept_addresses
            ],
        )

    return db.read(q)


def list_merges(db: Database, actor: Actor, customer_id: int) -> list[MergeView]:
    """Every merge the customer took part in, as survivor or as duplicate, newest first."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[MergeView]:
        rows = s.scalars(
            select(CustomerMerge)
            .where(
                or_(
                    CustomerMerge.survivor_id == customer_id, CustomerMerge.merged_id == customer_id
                )
            )
            .order_by(CustomerMerge.merged_at.desc(), CustomerMerge.id.desc())
        ).all()
        return [_view(s, m) for m in rows]

    return db.read(q)


# ---------------------------------------------------------------- merging


def merge_customers(
    db: Database,
    actor: Actor,
    survivor_id: int,
    duplicate_id: int,
    *,
    survivor_version: int,
    duplicate_version: int,
) -> MergeView:
    """Merge the duplicate into the survivor in one transaction (see the module docstring).

    Refused with nothing written: a customer into itself, either side already
    merged (ValidationError), either side changed since the manager compared
    them (ConflictError), more phones or addresses together than a customer
    may have (ValidationError), and anyone but a manager (PermissionDenied).
    """
    require(actor.username, actor.roles, Perm.MERGE_CUSTOMERS)
    _check_pair(survivor_id, duplicate_id)

    def tx(s: Session) -> MergeView:
        locked = moving.lock_pair(s, (survivor_id, duplicate_id))
        survivor, duplicate = locked[survivor_id], locked[duplicate_id]
        _check_unmerged(survivor, duplicate)
        for customer, expected in ((survivor, survivor_version), (duplicate, duplicate_version)):
            if customer.version != expected:
                raise _conflict(s, customer)
        now = db.now()

        moved: dict[str, Any] = {}
        for table, model in _BULK.items():
            ids = list(
                s.scalars(
                    select(model.id).where(model.customer_id == duplicate.id).order_by(model.id)
                )
            )
            moving.move(s, model, ids, survivor.id)
            moved[table] = ids
        restore: dict[str, Any] = {"positions": {}, "values": {}}
        moved["customer_phones"] = moving.move_phones(s, survivor, duplicate, restore)
        moved["customer_addresses"] = moving.move_addresses(s, survivor, duplicate, restore)
        moving.take_company_and_notes(survivor, duplicate, restore)
        moved[_RESTORE] = restore

        duplicate.merged_into_id = survivor.id
        _touch((survivor, duplicate), actor, now)
        merge = CustomerMerge(
            survivor_id=survivor.id,
            merged_id=duplicate.id,
            moved=moved,
            merged_at=now,
            merged_by=actor.user_id,
        )
        s.add(merge)
        s.flush()
        details = {
            "merge": merge.id,
            "survivor": survivor.id,
            "merged": duplicate.id,
            "moved": {t: moved[t] for t in TABLES},
        }
        _audit(s, actor, "customer.merge", moved, details, now, frm=duplicate.id, to=survivor.id)
        return _view(s, merge)

    return db.write(tx)


def undo_merge(db: Database, actor: Actor, merge_id: int) -> MergeView:
    """Move exactly the rows the merge moved back to the duplicate and show it again.

    Refused with nothing written (ValidationError, field ``merge``): a merge
    already undone; a survivor merged into someone else since (undo that merge
    first); and a ticket or complaint entered since that links a moved record
    with one that stays, which undoing would tear apart.
    """
    require(actor.username, actor.roles, Perm.MERGE_CUSTOMERS)

    def tx(s: Session) -> MergeView:
        merge = s.scalar(
            select(CustomerMerge).where(CustomerMerge.id == merge_id).with_for_update()
        )
        if merge is None:
            raise NotFound("merge", merge_id)
        if merge.undone_at is not None:
            raise ValidationError("merge", "merge.already_undone")
        locked = moving.lock_pair(s, (merge.survivor_id, merge.merged_id))
        survivor, duplicate = locked[merge.survivor_id], locked[merge.merged_id]
        if survivor.merged_into_id is not None:
            raise ValidationError("merge", "merge.survivor_merged_later")
        if duplicate.merged_into_id != survivor.id:
            raise ValidationError("merge", "merge.duplicate_changed")
        moved = merge.moved
        ids = {t: [int(i) for i in moved.get(t, [])] for t in _BULK}
        _check_undo(s, survivor.id, ids)
        now = db.now()

        for table, model in _BULK.items():
            moving.move(s, model, ids[table], duplicate.id)
        restore = moved.get(_RESTORE, {})
        moving.return_phones(s, survivor, duplicate, moved.get("customer_phones", []), restore)
        moving.return_addresses(
            s, survivor, duplicate, moved.get("customer_addresses", []), restore
        )
        moving.return_company_and_notes(survivor, restore)

        duplicate.merged_into_id = None
        _touch((survivor, duplicate), actor, now)
        merge.undone_at = now
        merge.undone_by = actor.user_id
        s.flush()
        details = {"merge": merge.id, "survivor": survivor.id, "merged": duplicate.id}
        _audit(
            s, actor, "customer.merge_undo", moved, details, now, frm=survivor.id, to=duplicate.id
        )
        return _view(s, merge)

    return db.write(tx)


# ---------------------------------------------------------------- checks


def _check_pair(survivor_id: int, duplicate_id: int) -> None:
    if survivor_id == duplicate_id:
        raise ValidationError("duplicate", "merge.into_itself")


def _check_unmerged(survivor: Customer, duplicate: Customer) -> None:
    if survivor.merged_into_id is not None:
        raise ValidationError("survivor", "merge.survivor_already_merged")
    if duplicate.merged_into_id is not None:
        raise ValidationError("duplicate", "merge.duplicate_already_merged")


def _check_undo(s: Session, survivor_id: int, ids: dict[str, list[int]]) -> None:
    """Every moved row is still with the survivor, and nothing entered since ties a
    row going back to a row staying (a new ticket for a moved appliance, a new
    complaint about a moved ticket, and the reverse)."""
    for table, model in _BULK.items():
        if not ids[table]:
            continue
        owners = set(s.scalars(select(model.customer_id).where(model.id.in_(ids[table]))))
        found = s.scalar(select(func.count()).select_from(model).where(model.id.in_(ids[table])))
        if owners - {survivor_id} or found != len(ids[table]):
            raise ValidationError("merge", "merge.records_moved_since")
    going_tickets, going_appliances = set(ids["tickets"]), set(ids["appliances"])
    ticket_links = s.execute(
        select(Ticket.id, Ticket.appliance_id).where(
            Ticket.customer_id == survivor_id, Ticket.appliance_id.is_not(None)
        )
    ).all()
    complaint_links = s.execute(
        select(Complaint.id, Complaint.ticket_id).where(
            Complaint.customer_id == survivor_id, Complaint.ticket_id.is_not(None)
        )
    ).all()
    going_complaints = set(ids["complaints"])
    torn = any(
        (tid in going_tickets) != (aid in going_appliances) for tid, aid in ticket_links
    ) or any((cid in going_complaints) != (tid in going_tickets) for cid, tid in complaint_links)
    if torn:
        raise ValidationError("merge", "merge.would_split_records")


def _touch(customers: tuple[Customer, ...], actor: Actor, now: datetime) -> None:
    """Both customers' versions move on, even if nothing else of a row changed (the
    same manager, the same instant): a screen holding the old version must know."""
    for customer in customers:
        customer.updated_at = now
        customer.updated_by = actor.user_id
        flag_modified(customer, "updated_at")


def _conflict(s: Session, customer: Customer) -> ConflictError:
    who = s.get(User, customer.updated_by) if customer.updated_by else None
    return ConflictError(
        "customer",
        who.display_name if who else "?",
        customer.updated_at,
        {"id": customer.id, "name": customer.name, "version": customer.version},
    )


# ---------------------------------------------------------------- views and audit


def _audit(
    s: Session,
    actor: Actor,
    action: str,
    moved: dict[str, Any],
    details: dict[str, Any],
    now: datetime,
    *,
    frm: int,
    to: int,
) -> None:
    """One audit row for each customer, and one for each moved ticket and complaint, so
    every open screen showing any of them hears of it through the change log."""
    for cid in sorted((frm, to)):
        audit.record(s, actor, action, "customer", cid, details, at=now)
    for table, entity in _ANNOUNCED.items():
        for row_id in moved.get(table, []):
            record = {"merge": details["merge"], "from_customer": frm, "to_customer": to}
            audit.record(s, actor, action, entity, int(row_id), record, at=now)


def _phone_text(p: CustomerPhone) -> str:
    try:
        return normalize_phone(p.raw).display()
    except ValidationError:
        return p.raw


def _address_text(a: CustomerAddress) -> str:
    return " ".join(x for x in (a.area, a.text) if x)


def _get(s: Session, customer_id: int) -> Customer:
    customer = s.get(Customer, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    return customer


def _count(s: Session, model: Any, customer_id: int) -> int:
    return (
        s.scalar(select(func.count()).select_from(model).where(model.customer_id == customer_id))
        or 0
    )


def _side(s: Session, c: Customer) -> MergeSide:
    return MergeSide(
        id=c.id,
        name=c.name,
        company=c.company,
        notes=c.notes,
        phones=[_phone_text(p) for p in moving.phones(s, c.id)],
        addresses=[_address_text(a) for a in moving.addresses(s, c.id)],
        tickets=_count(s, Ticket, c.id),
        appliances=_count(s, Appliance, c.id),
        complaints=_count(s, Complaint, c.id),
        version=c.version,
        merged_into_id=c.merged_into_id,
    )


def _user_name(s: Session, user_id: int | None) -> str | None:
    user = s.get(User, user_id) if user_id is not None else None
    return user.display_name if user else None


def _view(s: Session, m: CustomerMerge) -> MergeView:
    names = dict(
        s.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_((m.survivor_id, m.merged_id)))
        ).all()
    )
    return MergeView(
        id=m.id,
        survivor_id=m.survivor_id,
        survivor_name=names.get(m.survivor_id, "?"),
        merged_id=m.merged_id,
        merged_name=names.get(m.merged_id, "?"),
        moved={t: [int(i) for i in m.moved.get(t, [])] for t in TABLES},
        merged_at=m.merged_at,
        merged_by=_user_name(s, m.merged_by),
        undone_at=m.undone_at,
        undone_by=_user_name(s, m.undone_by),
    )
