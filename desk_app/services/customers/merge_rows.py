"""Moving a customer's phones, addresses and contact details to another customer
during a merge, and giving exactly those back when the merge is undone.

Helpers of ``services.merge``, called inside its write transaction. What the
undo needs besides the row ids (old positions, the values of each moved phone
and address, what was filled in on the survivor) is written into ``restore``,
which the merge keeps in ``CustomerMerge.moved``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk_app.db.models import Customer, CustomerAddress, CustomerPhone
from desk_app.domain.errors import NotFound, ValidationError
from desk_app.services.customers.customers import MAX_ADDRESSES, MAX_PHONES

# As customers.update_customer allows.
MAX_NOTES = 4000


def lock_pair(s: Session, ids: Iterable[int]) -> dict[int, Customer]:
    """Both customers, locked FOR UPDATE in id order (two merges never deadlock)."""
    wanted = sorted(set(ids))
    rows = s.scalars(
        select(Customer)
        .where(Customer.id.in_(wanted))
        .order_by(Customer.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    found = {c.id: c for c in rows}
    for cid in wanted:
        if cid not in found:
            raise NotFound("customer", cid)
    return found


def move(s: Session, model: Any, ids: list[int], to_customer: int) -> None:
    if ids:
        s.execute(
            update(model)
            .where(model.id.in_(ids))
            .values(customer_id=to_customer)
            .execution_options(synchronize_session=False)
        )


def phones(s: Session, customer_id: int) -> list[CustomerPhone]:
    return list(
        s.scalars(
            select(CustomerPhone)
            .where(CustomerPhone.customer_id == customer_id)
            .order_by(CustomerPhone.position, CustomerPhone.id)
        )
    )


def addresses(s: Session, customer_id: int) -> list[CustomerAddress]:
    return list(
        s.scalars(
            select(CustomerAddress)
            .where(CustomerAddress.customer_id == customer_id)
            .order_by(CustomerAddress.position, CustomerAddress.id)
        )
    )


def address_key(text: str) -> str:
    return " ".join(text.split())


def _next_position(rows: list[CustomerPhone] | list[CustomerAddress]) -> int:
    return max((r.position for r in rows), default=-1) + 1


def move_phones(
    s: Session, survivor: Customer, duplicate: Customer, restore: dict[str, Any]
) -> list[int]:
    """The duplicate's numbers the survivor lacks go after the survivor's own (its first
    number stays the first); numbers both have stay with the duplicate."""
    own = phones(s, survivor.id)
    known = {p.normalized for p in own}
    coming = [p for p in phones(s, duplicate.id) if p.normalized not in known]
    if len(own) + len(coming) > MAX_PHONES:
        raise ValidationError("phones", "merge.too_many_phones", limit=MAX_PHONES)
    position = _next_position(own)
    positions, values = {}, {}
    for offset, p in enumerate(coming):
        positions[str(p.id)] = p.position
        values[str(p.id)] = {
            "raw": p.raw,
            "normalized": p.normalized,
            "last4": p.last4,
            "extension": p.extension,
            "label": p.label,
        }
        p.customer_id = survivor.id
        p.position = position + offset
    restore["positions"]["customer_phones"] = positions
    restore["values"]["customer_phones"] = values
    return [p.id for p in coming]


def move_addresses(
    s: Session, survivor: Customer, duplicate: Customer, restore: dict[str, Any]
) -> list[int]:
    own = addresses(s, survivor.id)
    known = {address_key(a.text) for a in own}
    coming = [a for a in addresses(s, duplicate.id) if address_key(a.text) not in known]
    if len(own) + len(coming) > MAX_ADDRESSES:
        raise ValidationError("addresses", "merge.too_many_addresses", limit=MAX_ADDRESSES)
    position = _next_position(own)
    positions, values = {}, {}
    for offset, a in enumerate(coming):
        positions[str(a.id)] = a.position
        values[str(a.id)] = {"text": a.text, "area": a.area}
        a.customer_id = survivor.id
        a.position = position + offset
    restore["positions"]["customer_addresses"] = positions
    restore["values"]["customer_addresses"] = values
    if not own and coming and survivor.service_area is None:
        # The survivor's service area comes from its first address, as when it is saved.
        restore["service_area"] = [survivor.service_area, coming[0].area]
        survivor.service_area = coming[0].area
    return [a.id for a in coming]


def take_company_and_notes(
    survivor: Customer, duplicate: Customer, restore: dict[str, Any]
) -> None:
    """The survivor keeps its name; an empty company is taken from the duplicate, and
    the duplicate's notes are added to the survivor's, so nothing it knew is hidden."""
    if duplicate.company and not survivor.company:
        restore["company"] = [survivor.company, duplicate.company]
        survivor.company = duplicate.company
    theirs = (duplicate.notes or "").strip()
    if theirs and theirs not in (survivor.notes or ""):
        notes = f"{survivor.notes}\n{theirs}" if survivor.notes else theirs
        restore["notes"] = [survivor.notes, notes[:MAX_NOTES]]
        survivor.notes = notes[:MAX_NOTES]


def return_phones(
    s: Session,
    survivor: Customer,
    duplicate: Customer,
    ids: list[int],
    restore: dict[str, Any],
) -> None:
    """Each moved number goes back to its old place. A contact edit of the survivor
    since the merge saved its phones as new rows: the row with the same number then
    goes back, and a number removed since is given back to the duplicate as it was."""
    positions = restore.get("positions", {}).get("customer_phones", {})
    values = restore.get("values", {}).get("customer_phones", {})
    remaining = {p.id: p for p in phones(s, survivor.id)}
    for pid in ids:
        key = str(pid)
        number = values.get(key, {}).get("normalized")
        row = remaining.get(pid)
        if row is None or (number is not None and row.normalized != number):
            # Gone, or (SQLite reuses the ids of deleted rows) another number now.
            row = next((p for p in remaining.values() if p.normalized == number), None)
        if row is not None:
            remaining.pop(row.id)
        if row is None:
            if key not in values:
                continue
            row = CustomerPhone(**values[key])
            s.add(row)
        row.customer_id = duplicate.id
        row.position = positions.get(key, 0)


def return_addresses(
    s: Session,
    survivor: Customer,
    duplicate: Customer,
    ids: list[int],
    restore: dict[str, Any],
) -> None:
    positions = restore.get("positions", {}).get("customer_addresses", {})
    values = restore.get("values", {}).get("customer_addresses", {})
    remaining = {a.id: a for a in addresses(s, survivor.id)}
    for aid in ids:
        key = str(aid)
        text = address_key(values[key]["text"]) if key in values else None
        row = remaining.get(aid)
        if row is None or (text is not None and address_key(row.text) != text):
            row = next((a for a in remaining.values() if address_key(a.text) == text), None)
        if row is not None:
            remaining.pop(row.id)
        if row is None:
            if key not in values:
                continue
            row = CustomerAddress(**values[key])
            s.add(row)
        row.customer_id = duplicate.id
        row.position = positions.get(key, 0)
    area = restore.get("service_area")
    if area and survivor.service_area == area[1] and not remaining:
        survivor.service_area = area[0]


def return_company_and_notes(survivor: Customer, restore: dict[str, Any]) -> None:
    """What the merge filled in goes, unless someone edited it since the merge."""
    for name in ("company", "notes"):
        was = restore.get(name)
        if was and getattr(survivor, name) == was[1]:
            setattr(survivor, name, was[0])
