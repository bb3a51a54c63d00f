"""Customers: find, create (with duplicate warning), edit with conflict detection, appliances."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, object_session, selectinload

from desk_app.db.models import Appliance, Customer, CustomerAddress, CustomerPhone, User
from desk_app.db.models.people import CustomerNameKey
from desk_app.domain.contacts import mask_phone, reduce_address, shows_contacts
from desk_app.domain.enums import WarrantyStatus
from desk_app.domain.errors import ConflictError, NotFound, ValidationError
from desk_app.domain.permissions import Perm, require
from desk_app.domain.phones import Phone, normalize_phone
from desk_app.domain.pinyin import name_keys
from desk_app.domain.validation import clean_text, person_name, required_text, search_text
from desk_app.domain.warranty import warranty_status
from desk_app.services.admin import settings
from desk_app.services.core import audit, requests
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers.search import matching_customer_ids, name_search_keys

MAX_PHONES = 5
MAX_ADDRESSES = 5


@dataclass(frozen=True)
class AddressInput:
    text: str
    area: str | None = None


@dataclass(frozen=True)
class CustomerDraft:
    """What the clerk typed; phones as typed, normalised by the service."""

    name: str
    phones: list[str] = field(default_factory=list)
    addresses: list[AddressInput] = field(default_factory=list)
    company: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PhoneView:
    raw: str
    normalized: str
    display: str
    extension: str | None


@dataclass(frozen=True)
class ApplianceView:
    id: int
    category: str
    brand: str | None
    model: str
    serial: str | None
    purchase_date: date | None
    warranty_end: date | None
    warranty: WarrantyStatus


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    company: str | None
    notes: str | None
    service_area: str | None
    phones: list[PhoneView]
    addresses: list[AddressInput]
    appliances: list[ApplianceView]
    version: int
    updated_at: datetime
    updated_by: str | None
    merged_into_id: int | None

    def as_draft(self) -> CustomerDraft:
        return CustomerDraft(
            self.name, [p.raw for p in self.phones], list(self.addresses), self.company, self.notes
        )


@dataclass(frozen=True)
class CustomerRow:
    """One line of a search result."""

    id: int
    name: str
    phone: str | None
    address: str | None
    service_area: str | None


@dataclass(frozen=True)
class ApplianceDraft:
    category: str
    model: str
    brand: str | None = None
    serial: str | None = None
    purchase_date: date | None = None
    warranty_end: date | None = None
    notes: str | None = None


# ---------------------------------------------------------------- validation


@dataclass(frozen=True)
class _Clean:
    name: str
    phones: list[Phone]
    addresses: list[AddressInput]
    company: str | None
    notes: str | None


def _clean(draft: CustomerDraft, default_area_code: str | None) -> _Clean:
    name = person_name(draft.name, "name")
    raw_phones = [p for p in (draft.phones or []) if p and p.strip()]
    if not raw_phones:
        raise ValidationError("phones", "phone.at_least_one")
    if len(raw_phones) > MAX_PHONES:
        raise ValidationError("phones", "phone.too_many", limit=MAX_PHONES)
    phones: list[Phone] = []
    for raw in raw_phones:
        if len(raw) > 40:
            raise ValidationError("phones", "field.too_long", limit=40)
        phone = normalize_phone(raw, default_area_code=default_area_code)
        if any(p.normalized == phone.normalized for p in phones):
            raise ValidationError("phones", "phone.entered_twice", phone=raw)
        phones.append(phone)
    addresses = []
    for a in draft.addresses or []:
        text = clean_text(a.text, "addresses", max_length=300)
        if text:
            area = clean_text(a.area, "area", max_length=60)
            addresses.append(AddressInput(text, area))
    if len(addresses) > MAX_ADDRESSES:
        raise ValidationError("addresses", "address.too_many", limit=MAX_ADDRESSES)
    return _Clean(
        name,
        phones,
        addresses,
        clean_text(draft.company, "company", max_length=100),
        clean_text(draft.notes, "notes", max_length=4000, multiline=True),
    )


def _area_code(db: Database) -> str | None:
    return settings.get_default_area_code(db)


# ---------------------------------------------------------------- views


def _view(s: Session, c: Customer, today: date) -> CustomerView:
    editor = s.get(User, c.updated_by) if c.updated_by else None
    updated_by = editor.display_name if editor else None
    return CustomerView(
        id=c.id,
        name=c.name,
        company=c.company,
        notes=c.notes,
        service_area=c.service_area,
        phones=[
            PhoneView(
                p.raw,
                p.normalized,
                _display(p),
                p.extension,
            )
            for p in c.phones
        ],
        addresses=[AddressInput(a.text, a.area) for a in c.addresses],
        appliances=[appliance_view(a, today) for a in c.appliances],
        version=c.version,
        updated_at=c.updated_at,
        updated_by=updated_by,
        merged_into_id=c.merged_into_id,
    )


def seen_by(actor: Actor, view: CustomerView) -> CustomerView:
    """``view`` as ``actor`` may see it: phones masked and addresses reduced to their
    district unless the actor's roles carry ``Perm.VIEW_CONTACT_DETAILS``."""
    if shows_contacts(actor.roles):
        return view
    return replace(
        view,
        phones=[
            PhoneView(mask_phone(p.raw), mask_phone(p.normalized), mask_phone(p.display), None)
            for p in view.phones
        ],
        addresses=[AddressInput(reduce_address(a.text, a.area), a.area) for a in view.addresses],
    )


def rows_seen_by(actor: Actor, rows: list[CustomerRow]) -> list[CustomerRow]:
    """Search rows as ``actor`` may see them (see ``seen_by``)."""
    if shows_contacts(actor.roles):
        return rows
    return [
        replace(
            r,
            phone=mask_phone(r.phone) if r.phone else r.phone,
            address=reduce_address(r.address, r.service_area) if r.address else r.address,
        )
        for r in rows
    ]


def _display(p: CustomerPhone) -> str:
    try:
        return normalize_phone(p.raw).display()
    except ValidationError:
        return p.raw


def appliance_view(a: Appliance, today: date) -> ApplianceView:
    return ApplianceView(
        a.id,
        a.category,
        a.brand,
        a.model,
        a.serial,
        a.purchase_date,
        a.warranty_end,
        warranty_status(a.warranty_end, today),
    )


def _today(s: Session, db: Database) -> date:
    return db.now().astimezone(settings.timezone(s)).date()


def _load(s: Session, customer_id: int) -> Customer:
    c = s.scalar(
        select(Customer)
        .where(Customer.id == customer_id)
        .options(
            selectinload(Customer.phones),
            selectinload(Customer.addresses),
            selectinload(Customer.appliances),
        )
    )
    if c is None:
        raise NotFound("customer", customer_id)
    return c


def _snapshot(c: Customer) -> dict[str, object]:
    return {
        "name": c.name,
        "phones": [p.raw for p in c.phones],
        "addresses": [[a.text, a.area] for a in c.addresses],
        "company": c.company,
        "notes": c.notes,
    }


# ---------------------------------------------------------------- use cases


def get_customer(db: Database, actor: Actor, customer_id: int) -> CustomerView:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    return seen_by(actor, db.read(lambda s: _view(s, _load(s, customer_id), _today(s, db))))


def find_duplicates(
    db: Database, actor: Actor, draft: CustomerDraft, *, exclude_id: int | None = None
) -> list[CustomerRow]:
    """Customers that are probably the same person: same normalised phone, or same
    name at the same address. Shown to the clerk before a new customer is saved."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    clean = _clean(draft, _area_code(db))

    def q(s: Session) -> list[CustomerRow]:
        numbers = [p.normalized for p in clean.phones]
        by_phone = select(CustomerPhone.customer_id).where(CustomerPhone.normalized.in_(numbers))
        conditions: list[ColumnElement[bool]] = [Customer.id.in_(by_phone)]
        texts = [a.text for a in clean.addresses]
        if texts:
            by_address = select(CustomerAddress.customer_id).where(CustomerAddress.text.in_(texts))
            conditions.append((Customer.name == clean.name) & Customer.id.in_(by_address))
        stmt = select(Customer.id).where(or_(*conditions), Customer.merged_into_id.is_(None))
        if exclude_id is not None:
            stmt = stmt.where(Customer.id != exclude_id)
        ids = list(s.scalars(stmt.limit(20)))
        return _rows(s, ids)

    return rows_seen_by(actor, db.read(q))


def create_customer(
    db: Database, actor: Actor, draft: CustomerDraft, *, request_id: str | None = None
) -> CustomerView:
    require(actor.username, actor.roles, Perm.EDIT_CUSTOMERS)
    clean = _clean(draft, _area_code(db))

    def tx(s: Session) -> CustomerView:
        done = requests.already_done(s, request_id, "customer.create")
        if done is not None:
            return _view(s, _load(s, done), _today(s, db))
        now = db.now()
        customer = Customer(
            company=clean.company,
            notes=clean.notes,
            service_area=clean.addresses[0].area if clean.addresses else None,
            created_at=now,
            created_by=actor.user_id,
            updated_at=now,
            updated_by=actor.user_id,
        )
        _set_name(customer, clean.name)
        s.add(customer)
        s.flush()
        _replace_children(s, customer, clean)
        requests.remember(s, request_id, "customer.create", customer.id, now)
        audit.record(
            s, actor, "customer.create", "customer", customer.id, _snapshot(customer), at=now
        )
        return _view(s, customer, _today(s, db))

    return db.write(tx)


def _clip_keys(keys: str, limit: int) -> str:
    """Drop the least likely pinyin alternatives until the keys fit their column."""
    alternatives = keys.split(" ")
    while len(" ".join(alternatives)) > limit and len(alternatives) > 1:
        alternatives.pop()
    return " ".join(alternatives)[:limit]


def _set_name(customer: Customer, name: str) -> None:
    """Name the customer and replace its search keys (the only writer of both)."""
    keys = name_keys(name)
    session = object_session(customer)
    # Replacing the keys loads the old ones; an autoflush there would write the
    # customer before the rest of the edit, bumping its version twice in one save.
    with session.no_autoflush if session is not None else nullcontext():
        customer.name = name
        customer.name_pinyin = _clip_keys(keys.full, 400)
        customer.name_initials = _clip_keys(keys.initials, 100)
        customer.name_keys = [
            CustomerNameKey(key=key, name=name) for key in name_search_keys(name, keys)
        ]


def _replace_children(s: Session, customer: Customer, clean: _Clean) -> None:
    for old in list(customer.phones):
        s.delete(old)
    for old_address in list(customer.addresses):
        s.delete(old_address)
    s.flush()
    customer.phones = [
        CustomerPhone(
            position=i, raw=p.raw, normalized=p.normalized, last4=p.last4, extension=p.extension
        )
        for i, p in enumerate(clean.phones)
    ]
    customer.addresses = [
        CustomerAddress(position=i, text=a.text, area=a.area) for i, a in enumerate(clean.addresses)
    ]
    s.flush()


def update_customer(
    db: Database, actor: Actor, customer_id: int, draft: CustomerDraft, *, expected_version: int
) -> CustomerView:
    """Save the clerk's edit unless someone saved a newer version since it was loaded.

    On a conflict nothing is written; ConflictError names who saved when and
    carries the record as it is now, so the screen can show the difference and
    let the clerk re-apply their typing.
    """
    require(actor.username, actor.roles, Perm.EDIT_CUSTOMERS)
    clean = _clean(draft, _area_code(db))

    def tx(s: Session) -> CustomerView:
        customer = _load(s, customer_id)
        if customer.version != expected_version:
            who = s.get(User, customer.updated_by) if customer.updated_by else None
            raise ConflictError(
                "customer",
                who.display_name if who else "?",
                customer.updated_at,
                _snapshot(customer),
            )
        now = db.now()
        before = _snapshot(customer)
        _set_name(customer, clean.name)
        customer.company = clean.company
        customer.notes = clean.notes
        customer.service_area = clean.addresses[0].area if clean.addresses else None
        customer.updated_at = now
        customer.updated_by = actor.user_id
        _replace_children(s, customer, clean)
        after = _snapshot(customer)
        changed = {k: {"from": before[k], "to": after[k]} for k in after if before[k] != after[k]}
        audit.record(s, actor, "customer.update", "customer", customer.id, changed, at=now)
        s.flush()
        return _view(s, customer, _today(s, db))

    return db.write(tx)


def add_appliance(
    db: Database, actor: Actor, customer_id: int, draft: ApplianceDraft
) -> ApplianceView:
    require(actor.username, actor.roles, Perm.EDIT_CUSTOMERS)
    category = required_text(draft.category, "category", max_length=40)
    model = required_text(draft.model, "model", max_length=60)
    brand = clean_text(draft.brand, "brand", max_length=40)
    serial = clean_text(draft.serial, "serial", max_length=60)
    notes = clean_text(draft.notes, "notes", max_length=2000, multiline=True)

    def tx(s: Session) -> ApplianceView:
        if s.get(Customer, customer_id) is None:
            raise NotFound("customer", customer_id)
        today = _today(s, db)
        if draft.purchase_date and draft.purchase_date > today:
            raise ValidationError("purchase_date", "appliance.purchase_in_future")
        if draft.purchase_date and draft.warranty_end and draft.warranty_end < draft.purchase_date:
            raise ValidationError("warranty_end", "appliance.warranty_before_purchase")
        now = db.now()
        appliance = Appliance(
            customer_id=customer_id,
            category=category,
            brand=brand,
            model=model,
            serial=serial,
            purchase_date=draft.purchase_date,
            warranty_end=draft.warranty_end,
            notes=notes,
            created_at=now,
        )
        s.add(appliance)
        s.flush()
        audit.record(
            s,
            actor,
            "appliance.create",
            "appliance",
            appliance.id,
            {"customer": customer_id, "model": model, "serial": serial},
            at=now,
            also=(("customer", customer_id),),
        )
        return appliance_view(appliance, today)

    return db.write(tx)


def _rows(s: Session, ids: list[int]) -> list[CustomerRow]:
    if not ids:
        return []
    customers = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(ids)))}
    phones: dict[int, str] = {}
    for cid, raw in s.execute(
        select(CustomerPhone.customer_id, CustomerPhone.raw)
        .where(CustomerPhone.customer_id.in_(ids))
        .order_by(CustomerPhone.position.desc())
    ):
        phones[cid] = raw
    addresses: dict[int, str] = {}
    for cid, text in s.execute(
        select(CustomerAddress.customer_id, CustomerAddress.text)
        .where(CustomerAddress.customer_id.in_(ids))
        .order_by(CustomerAddress.position.desc())
    ):
        addresses[cid] = text
    return [
        CustomerRow(
            i, customers[i].name, phones.get(i), addresses.get(i), customers[i].service_area
        )
        for i in ids
        if i in customers
    ]


def search_customers(
    db: Database, actor: Actor, query: str, *, limit: int = 200, offset: int = 0
) -> list[CustomerRow]:
    """Customers matching ``query`` by name, pinyin, any phone (or its last four
    digits), address, appliance serial or ticket number; merged duplicates excluded.

    Ordered by name, then id; see ``customer_search`` for exactly what matches and
    how each kind of match stays an index lookup at hundreds of thousands of customers.
    An actor who sees contacts masked finds by name, serial, ticket number or a
    complete phone number only, and sees the rows masked (``rows_seen_by``).
    """
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    text = search_text(query)
    if not text:
        return []

    def q(s: Session) -> list[CustomerRow]:
        ids = matching_customer_ids(
            s, db.dialect, text, limit=limit, offset=offset, contacts=shows_contacts(actor.roles)
        )
        return _rows(s, ids)

    return rows_seen_by(actor, db.read(q))
