"""Merging duplicate customers and undoing it, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.db.models import (
    Appliance,
    AuditLog,
    Complaint,
    Customer,
    CustomerAddress,
    CustomerMerge,
    CustomerPhone,
    Ticket,
    TicketEvent,
)
from desk_app.domain.enums import Channel, ComplaintCategory, Severity, TicketKind
from desk_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desk_app.services.care import complaints
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, merge
from desk_app.services.customers.customers import AddressInput, CustomerDraft, CustomerView
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.conftest import FakeClock
from tests.services import factories

HOME = "北京市朝阳区建国路88号3栋501室"
OFFICE = "北京市海淀区中关村大街1号"


@dataclass
class Pair:
    survivor: CustomerView
    duplicate: CustomerView
    survivor_ticket: int
    duplicate_tickets: list[int]
    appliance: int
    complaint: int


def _pair(db: Database, clerk: Actor, dispatcher: Actor, manager: Actor) -> Pair:
    """张三 twice: the duplicate shares a number (typed differently) and the home
    address, and brings a second number, the office, an appliance, two tickets (one
    completed, with its history) and a complaint about one of them."""
    survivor = customers.create_customer(
        db,
        clerk,
        CustomerDraft("张三", ["138 1234 5678"], [AddressInput(HOME, "朝阳区")], notes="老客户"),
    )
    own = factories.ticket(db, clerk, survivor.id)
    duplicate = customers.create_customer(
        db,
        clerk,
        CustomerDraft(
            "张三",
            ["139 0000 1111", "13812345678"],
            [AddressInput(HOME, "朝阳区"), AddressInput(OFFICE, "海淀区")],
            company="某科技公司",
            notes="只在下午在家",
        ),
    )
    appliance = factories.appliance(db, clerk, duplicate.id)
    done = factories.completed_ticket(
        db, clerk, dispatcher, manager, duplicate.id, appliance_id=appliance.id
    )
    second = factories.ticket(db, clerk, duplicate.id, kind=TicketKind.INSTALLATION)
    complaint = complaints.open_complaint(
        db,
        clerk,
        ComplaintDraft(
            duplicate.id,
            Channel.PHONE,
            ComplaintCategory.REPAIR_QUALITY,
            Severity.MEDIUM,
            "修完又坏了",
            ticket_id=done.id,
        ),
    )
    return Pair(
        survivor=customers.get_customer(db, clerk, survivor.id),
        duplicate=customers.get_customer(db, clerk, duplicate.id),
        survivor_ticket=own.id,
        duplicate_tickets=[done.id, second.id],
        appliance=appliance.id,
        complaint=complaint.id,
    )


def _state(db: Database) -> dict[str, Any]:
    """Who owns what, every phone and address with its place, every ticket event."""

    def q(s: Session) -> dict[str, Any]:
        def owners(model: Any) -> dict[int, int]:
            return dict(s.execute(select(model.id, model.customer_id)).all())

        return {
            "tickets": owners(Ticket),
            "appliances": owners(Appliance),
            "complaints": owners(Complaint),
            "phones": sorted(
                s.execute(
                    select(
                        CustomerPhone.id,
                        CustomerPhone.customer_id,
                        CustomerPhone.position,
                        CustomerPhone.raw,
                    )
                ).all()
            ),
            "addresses": sorted(
                s.execute(
                    select(
                        CustomerAddress.id,
                        CustomerAddress.customer_id,
                        CustomerAddress.position,
                        CustomerAddress.text,
                    )
                ).all()
            ),
            "merged_into": dict(s.execute(select(Customer.id, Customer.merged_into_id)).all()),
            "service_area": dict(s.execute(select(Customer.id, Customer.service_area)).all()),
            "company": dict(s.execute(select(Customer.id, Customer.company)).all()),
            "notes": dict(s.execute(select(Customer.id, Customer.notes)).all()),
            "events": sorted(
                s.execute(select(TicketEvent.id, TicketEvent.ticket_id, TicketEvent.action)).all()
            ),
        }

    return db.read(q)


def _count(db: Database, model: type[object]) -> int:
    return factories.count(db, model)


def _merge(db: Database, actor: Actor, p: Pair) -> merge.MergeView:
    return merge.merge_customers(
        db,
        actor,
        p.survivor.id,
        p.duplicate.id,
        survivor_version=p.survivor.version,
        duplicate_version=p.duplicate.version,
    )


def test_merge_keeps_every_ticket_appliance_complaint_phone_and_history(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    before = _state(db)
    preview = merge.merge_preview(db, manager, p.survivor.id, p.duplicate.id)
    assert (preview.duplicate.tickets, preview.duplicate.appliances) == (2, 1)
    assert (preview.duplicate.complaints, preview.survivor.tickets) == (1, 1)
    assert preview.shared_phones == ["138 1234 5678"] and preview.shared_addresses == [
        f"朝阳区 {HOME}"
    ]

    ticket_versions = [tickets.get_ticket(db, clerk, t).version for t in p.duplicate_tickets]

    done = _merge(db, manager, p)

    after = _state(db)
    s, d = p.survivor.id, p.duplicate.id
    # A dispatcher with a moved ticket open saves without a false conflict.
    assert [tickets.get_ticket(db, clerk, t).version for t in p.duplicate_tickets] == (
        ticket_versions
    )
    assert set(after["tickets"].values()) == {s} and len(after["tickets"]) == 3
    assert after["appliances"] == {p.appliance: s}
    assert after["complaints"] == {p.complaint: s}
    assert after["events"] == before["events"]  # history untouched
    # The new number and the office follow the survivor's own; the doubles stay behind.
    survivor_phones = [(pos, raw) for _i, c, pos, raw in after["phones"] if c == s]
    assert sorted(survivor_phones) == [(0, "138 1234 5678"), (1, "139 0000 1111")]
    assert [raw for _i, c, _p, raw in after["phones"] if c == d] == ["13812345678"]
    survivor_addresses = sorted((pos, t) for _i, c, pos, t in after["addresses"] if c == s)
    assert survivor_addresses == [(0, HOME), (1, OFFICE)]
    assert after["merged_into"][d] == s and after["merged_into"][s] is None

    assert done.survivor_id == s and done.merged_id == d and not done.undone
    assert sorted(done.moved["tickets"]) == sorted(p.duplicate_tickets)
    assert done.moved["appliances"] == [p.appliance]
    assert done.moved["complaints"] == [p.complaint]
    assert done.count("customer_phones") == 1 and done.count("customer_addresses") == 1
    assert done.merged_by == "王经理"

    # Both versions moved on; the duplicate opened by id points at the survivor.
    survivor = customers.get_customer(db, clerk, s)
    duplicate = customers.get_customer(db, clerk, d)
    assert survivor.version == p.survivor.version + 1
    assert duplicate.version == p.duplicate.version + 1
    assert duplicate.merged_into_id == s
    assert [ph.display for ph in survivor.phones] == ["138 1234 5678", "139 0000 1111"]
    assert [a.id for a in survivor.appliances] == [p.appliance]
    # The name stays; the empty company is filled and the notes are added to.
    assert (survivor.name, survivor.company) == ("张三", "某科技公司")
    assert survivor.notes == "老客户\n只在下午在家"
    # Searches find only the survivor, also by the duplicate's own number.
    for query in ("zhangsan", "张三", "1111", "139 0000 1111"):
        assert [r.id for r in customers.search_customers(db, clerk, query)] == [s], query
    assert {t.id for t in tickets.customer_tickets(db, clerk, s)} == {
        p.survivor_ticket,
        *p.duplicate_tickets,
    }
    # The history lists it for both, and the audit names every moved ticket.
    assert [m.id for m in merge.list_merges(db, clerk, s)] == [done.id]
    assert [m.id for m in merge.list_merges(db, clerk, d)] == [done.id]
    audited = db.read(
        lambda q: sorted(
            q.execute(
                select(AuditLog.entity, AuditLog.entity_id).where(
                    AuditLog.action == "customer.merge"
                )
            ).all()
        )
    )
    assert audited == sorted(
        [("customer", str(s)), ("customer", str(d)), ("complaint", str(p.complaint))]
        + [("ticket", str(t)) for t in p.duplicate_tickets]
    )


def test_undo_restores_exactly_and_a_second_undo_is_refused(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, clock: FakeClock
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    before = _state(db)
    done = _merge(db, manager, p)
    clock.advance(hours=2)

    undone = merge.undo_merge(db, manager, done.id)

    assert _state(db) == before
    assert undone.undone and undone.undone_by == "王经理" and undone.undone_at == clock.now
    assert customers.get_customer(db, clerk, p.duplicate.id).merged_into_id is None
    assert customers.get_customer(db, clerk, p.survivor.id).version == p.survivor.version + 2
    found = {r.id for r in customers.search_customers(db, clerk, "zhangsan")}
    assert found == {p.survivor.id, p.duplicate.id}
    assert [m.undone for m in merge.list_merges(db, clerk, p.survivor.id)] == [True]

    audits = _count(db, AuditLog)
    with pytest.raises(ValidationError) as refused:
        merge.undo_merge(db, manager, done.id)
    assert refused.value.field == "merge" and refused.value.code == "merge.already_undone"
    assert _state(db) == before and _count(db, AuditLog) == audits

    # Undone, the two can be merged again; merged and undone again in the same instant,
    # by the same manager, both versions still move on every time.
    again = merge.merge_customers(
        db,
        manager,
        p.survivor.id,
        p.duplicate.id,
        survivor_version=p.survivor.version + 2,
        duplicate_version=p.duplicate.version + 2,
    )
    assert sorted(again.moved["tickets"]) == sorted(p.duplicate_tickets)
    merge.undo_merge(db, manager, again.id)
    assert customers.get_customer(db, clerk, p.survivor.id).version == p.survivor.version + 4
    assert customers.get_customer(db, clerk, p.duplicate.id).version == p.duplicate.version + 4


def test_refusals_write_nothing(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    other = factories.customer(db, clerk, "李四", "137 5555 6666", OFFICE, "海淀区")
    before, audits = _state(db), _count(db, AuditLog)

    def unchanged() -> None:
        assert _state(db) == before
        assert _count(db, AuditLog) == audits and _count(db, CustomerMerge) == 0

    with pytest.raises(PermissionDenied):
        _merge(db, clerk, p)
    with pytest.raises(PermissionDenied):
        merge.merge_preview(db, clerk, p.survivor.id, p.duplicate.id)
    with pytest.raises(ValidationError) as itself:
        merge.merge_customers(
            db, manager, p.survivor.id, p.survivor.id, survivor_version=1, duplicate_version=1
        )
    assert itself.value.field == "duplicate"
    with pytest.raises(NotFound):
        merge.merge_customers(
            db, manager, p.survivor.id, 9999, survivor_version=1, duplicate_version=1
        )
    # The duplicate was edited after the manager compared the two.
    stale = p.duplicate
    draft = stale.as_draft()
    stale = customers.update_customer(
        db,
        clerk,
        stale.id,
        CustomerDraft(draft.name, draft.phones, draft.addresses, company="某公司"),
        expected_version=stale.version,
    )
    before = _state(db)
    audits = _count(db, AuditLog)
    with pytest.raises(ConflictError) as conflict:
        _merge(db, manager, p)
    assert conflict.value.who == "李客服"
    unchanged()
    with pytest.raises(ConflictError):
        merge.merge_customers(
            db,
            manager,
            p.survivor.id,
            p.duplicate.id,
            survivor_version=p.survivor.version - 1,
            duplicate_version=stale.version,
        )
    unchanged()

    # Into or from a customer already merged.
    fresh = customers.get_customer(db, clerk, p.duplicate.id)
    done = merge.merge_customers(
        db,
        manager,
        p.survivor.id,
        fresh.id,
        survivor_version=p.survivor.version,
        duplicate_version=fresh.version,
    )
    merged = customers.get_customer(db, clerk, fresh.id)
    before, audits = _state(db), _count(db, AuditLog)
    with pytest.raises(ValidationError) as into:
        merge.merge_customers(
            db,
            manager,
            merged.id,
            other.id,
            survivor_version=merged.version,
            duplicate_version=other.version,
        )
    assert into.value.field == "survivor"
    with pytest.raises(ValidationError) as again:
        merge.merge_customers(
            db,
            manager,
            other.id,
            merged.id,
            survivor_version=other.version,
            duplicate_version=merged.version,
        )
    assert again.value.field == "duplicate"
    with pytest.raises(PermissionDenied):
        merge.undo_merge(db, clerk, done.id)
    with pytest.raises(NotFound):
        merge.undo_merge(db, manager, 9999)
    assert _state(db) == before and _count(db, AuditLog) == audits
    assert _count(db, CustomerMerge) == 1


def test_too_many_phones_together_is_refused(db: Database, clerk: Actor, manager: Actor) -> None:
    a = customers.create_customer(
        db, clerk, CustomerDraft("王五", [f"138 0000 000{i}" for i in range(3)])
    )
    b = customers.create_customer(
        db, clerk, CustomerDraft("王五", [f"139 0000 000{i}" for i in range(3)])
    )
    with pytest.raises(ValidationError) as refused:
        merge.merge_customers(
            db, manager, a.id, b.id, survivor_version=a.version, duplicate_version=b.version
        )
    assert refused.value.field == "phones"
    assert _count(db, CustomerMerge) == 0


def test_a_survivor_merged_later_must_be_undone_first(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    third = factories.customer(db, clerk, "张三", "136 7777 8888", "上海市浦东新区世纪大道100号")
    before = _state(db)
    first = _merge(db, manager, p)
    survivor = customers.get_customer(db, clerk, p.survivor.id)
    second = merge.merge_customers(
        db,
        manager,
        third.id,
        survivor.id,
        survivor_version=third.version,
        duplicate_version=survivor.version,
    )
    # Everything, the first duplicate's records too, is with the third now.
    assert set(_state(db)["tickets"].values()) == {third.id}
    # A ticket opened for either merged customer goes to the one that stayed.
    late = tickets.open_ticket(db, clerk, TicketDraft(p.duplicate.id, TicketKind.REPAIR, "异响"))
    assert late.customer_id == third.id

    mid = _state(db)
    with pytest.raises(ValidationError) as refused:
        merge.undo_merge(db, manager, first.id)
    assert refused.value.code == "merge.survivor_merged_later"
    assert _state(db) == mid

    merge.undo_merge(db, manager, second.id)
    merge.undo_merge(db, manager, first.id)
    after = _state(db)
    after["tickets"].pop(late.id)
    after["events"] = [e for e in after["events"] if e[1] != late.id]
    assert after == before


def test_undo_is_refused_when_a_later_ticket_ties_both_customers(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    done = _merge(db, manager, p)
    # After the merge a clerk opens a ticket on the survivor for the appliance that came
    # with the duplicate: undoing would leave the ticket with one and the appliance with
    # the other.
    tickets.open_ticket(
        db,
        clerk,
        TicketDraft(p.survivor.id, TicketKind.MAINTENANCE, "清洗", appliance_id=p.appliance),
    )
    before, audits = _state(db), _count(db, AuditLog)
    with pytest.raises(ValidationError) as refused:
        merge.undo_merge(db, manager, done.id)
    assert refused.value.code == "merge.would_split_records"
    assert _state(db) == before and _count(db, AuditLog) == audits


def test_undo_after_the_survivor_was_edited_gives_the_duplicate_its_numbers_back(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    done = _merge(db, manager, p)
    survivor = customers.get_customer(db, clerk, p.survivor.id)
    # The clerk saves the survivor's contact data: its phones and addresses are saved
    # as new rows, and the office address is dropped.
    draft = survivor.as_draft()
    customers.update_customer(
        db,
        clerk,
        survivor.id,
        CustomerDraft(draft.name, draft.phones, draft.addresses[:1]),
        expected_version=survivor.version,
    )

    merge.undo_merge(db, manager, done.id)

    survivor = customers.get_customer(db, clerk, p.survivor.id)
    duplicate = customers.get_customer(db, clerk, p.duplicate.id)
    assert [ph.raw for ph in survivor.phones] == ["138 1234 5678"]
    assert [ph.raw for ph in duplicate.phones] == ["139 0000 1111", "13812345678"]
    assert [a.text for a in survivor.addresses] == [HOME]
    assert [a.text for a in duplicate.addresses] == [HOME, OFFICE]
    assert set(_state(db)["tickets"].values()) == {p.survivor.id, p.duplicate.id}


def test_work_opened_for_a_merged_duplicate_lands_on_the_survivor(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    p = _pair(db, clerk, dispatcher, manager)
    _merge(db, manager, p)
    t = tickets.open_ticket(
        db,
        clerk,
        TicketDraft(p.duplicate.id, TicketKind.REPAIR, "不制冷", appliance_id=p.appliance),
    )
    assert t.customer_id == p.survivor.id
    c = complaints.open_complaint(
        db,
        clerk,
        ComplaintDraft(
            p.duplicate.id,
            Channel.PHONE,
            ComplaintCategory.REPAIR_QUALITY,
            Severity.LOW,
            "等太久",
            ticket_id=t.id,
        ),
    )
    assert c.customer_id == p.survivor.id
    n = db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(Ticket).where(Ticket.customer_id == p.duplicate.id)
        )
    )
    assert n == 0
