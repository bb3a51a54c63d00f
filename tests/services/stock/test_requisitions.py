"""Parts requisitions: reserve at once, issue against the ticket, return unused,
the ticket's parts charge, and the refusals (closed tickets, permissions, stock)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog
from desk_app.domain.enums import MovementKind, RequisitionStatus, StockLocationKind
from desk_app.domain.errors import NotEnoughStock, NotFound, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts, requisitions, stock
from desk_app.services.stock.parts import LocationView, PartDraft, PartView
from desk_app.services.tickets import tickets
from tests.conftest import FakeClock
from tests.services import factories
from tests.services.stock_factories import (
    URGENT,
    assert_balanced,
    close_ticket,
    level,
    location,
    part,
    snapshot,
)

K = MovementKind
R = RequisitionStatus


@pytest.fixture
def shelf(db: Database, parts_clerk: Actor) -> tuple[PartView, LocationView]:
    """A capacitor (price 35.00, cost 20.00) with 10 on the main store's shelf."""
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    stock.receive(db, parts_clerk, p.id, main.id, 10)
    return p, main


def _in_warranty_ticket(db: Database, clerk: Actor) -> int:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    return factories.ticket(db, clerk, c.id, appliance_id=a.id).id


def test_a_requisition_reserves_at_once_and_issue_bills_the_ticket(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)  # no warranty known: chargeable
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 3)])
    assert (r.number, r.status, r.ticket_number, r.created_by) == (
        "R20261123-0001",
        R.OPEN,
        t.number,
        "李客服",
    )
    [line] = r.lines
    assert (line.quantity, line.issued_quantity, line.unit_price_cents) == (3, 0, 3500)
    # Demand is visible before anything leaves the shelf.
    [row] = stock.stock_levels(db, clerk, part_id=p.id)
    assert (row.on_hand, row.reserved, row.available) == (10, 3, 7)
    assert parts.get_part(db, clerk, p.id).available == 7
    assert stock.ledger(db, clerk, ticket_id=t.id) == []
    # A price change after the request does not change what the ticket pays.
    fresh = parts.get_part(db, parts_clerk, p.id)
    parts.update_part(
        db,
        parts_clerk,
        p.id,
        PartDraft(p.code, p.name, price_cents=9900, cost_cents=2000),
        expected_version=fresh.version,
    )
    issued = requisitions.issue_requisition(db, parts_clerk, r.id, {line.id: ("C-NEW", "C-OLD")})
    assert (issued.status, issued.issued_by) == (R.ISSUED, "钱配件")
    assert (issued.lines[0].serial_fitted, issued.lines[0].serial_removed) == ("C-NEW", "C-OLD")
    assert level(db, p.id, main.id) == (7, 0)
    [m] = stock.ledger(db, clerk, ticket_id=t.id)
    assert (m.kind, m.quantity, m.requisition_number, m.ticket_number, m.user) == (
        K.ISSUE,
        -3,
        r.number,
        t.number,
        "钱配件",
    )
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 3 * 3500
    view = requisitions.ticket_parts(db, clerk, t.id)
    assert (view.chargeable, view.price_cents, view.cost_cents, view.charged_cents) == (
        True,
        10500,
        6000,
        10500,
    )
    assert_balanced(db)


def test_in_warranty_parts_show_on_the_ticket_but_are_not_charged(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    ticket_id = _in_warranty_ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, ticket_id, [(p.id, main.id, 2)])
    requisitions.issue_requisition(db, parts_clerk, r.id)
    assert tickets.get_ticket(db, clerk, ticket_id).parts_cents == 0
    view = requisitions.ticket_parts(db, clerk, ticket_id)
    assert (view.chargeable, view.price_cents, view.cost_cents, view.charged_cents) == (
        False,
        7000,
        4000,
        0,
    )
    assert [line.used for req in view.requisitions for line in req.lines] == [2]


def test_several_parts_at_once_and_repeated_lines_are_added_up(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    board = part(db, parts_clerk, "P-2", "主板", price_cents=28000, serialized=True)
    stock.receive(db, parts_clerk, board.id, main.id, 2)
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(
        db, clerk, t.id, [(p.id, main.id, 1), (board.id, main.id, 1), (p.id, main.id, 2)]
    )
    assert sorted((x.part_code, x.quantity) for x in r.lines) == [("P-10023", 3), ("P-2", 1)]
    requisitions.issue_requisition(db, parts_clerk, r.id)
    assert level(db, p.id, main.id) == (7, 0) and level(db, board.id, main.id) == (1, 0)
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 3 * 3500 + 28000


def test_a_front_desk_clerk_requests_but_cannot_issue(
    db: Database, clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 1)])
    before = snapshot(db)
    for action in (
        lambda: requisitions.issue_requisition(db, clerk, r.id),
        lambda: requisitions.issue_direct(db, clerk, t.id, p.id, main.id, 1, reason=URGENT),
        lambda: requisitions.return_unused(db, clerk, r.lines[0].id, 1),
        lambda: stock.receive(db, clerk, p.id, main.id, 1),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert snapshot(db) == before


def test_no_reservation_beyond_the_free_units(
    db: Database, clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 8)])
    before = snapshot(db)
    with pytest.raises(NotEnoughStock) as info:
        requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 1), (p.id, main.id, 2)])
    assert (info.value.part_code, info.value.requested, info.value.available) == ("P-10023", 3, 2)
    assert info.value.code == "stock.not_enough"
    assert snapshot(db) == before


@pytest.mark.parametrize("how", ["closed", "cancelled"])
def test_a_closed_or_cancelled_ticket_gets_no_parts(
    db: Database,
    clerk: Actor,
    parts_clerk: Actor,
    manager: Actor,
    shelf: tuple[PartView, LocationView],
    how: str,
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 1)])
    if how == "closed":
        close_ticket(db, manager, t.id)
    else:
        tickets.cancel(db, manager, t.id, "客户自行修好")
    before = snapshot(db)
    actions = [
        lambda: requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 1)]),
        lambda: requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 1, reason=URGENT),
    ]
    if how == "closed":
        actions.append(lambda: requisitions.issue_requisition(db, parts_clerk, r.id))
    for action in actions:
        with pytest.raises(ValidationError) as info:
            action()
        assert info.value.field == "ticket"
        assert info.value.code == f"stock.ticket_{how}"
        assert info.value.values == {"number": t.number}
    assert snapshot(db) == before
    if how == "cancelled":
        # Cancelling the ticket already gave its reserved parts back to the shelf.
        assert requisitions.get_requisition(db, clerk, r.id).status.value == "cancelled"
    else:
        # The reservation is not stuck: the requisition can still be withdrawn.
        requisitions.cancel_requisition(db, clerk, r.id, "工单已结束")
    assert level(db, p.id, main.id) == (10, 0)


@pytest.mark.parametrize(
    ("make_lines", "error"),
    [
        (lambda p, loc: [], ValidationError),
        (lambda p, loc: [(p, loc)], ValidationError),
        (lambda p, loc: "x", ValidationError),
        (lambda p, loc: [(None, loc, 1)], NotFound),
        (lambda p, loc: [(p, loc, 1), (None, loc, 1)], NotFound),
        (lambda p, loc: [(p, "1", 1)], NotFound),
        (lambda p, loc: [(999, loc, 1)], NotFound),
        (lambda p, loc: [(p, 999, 1)], NotFound),
        (lambda p, loc: [(p, loc, 0)], ValidationError),
        (lambda p, loc: [(p, loc, -2)], ValidationError),
        (lambda p, loc: [(p, loc, 100_001)], ValidationError),
        (lambda p, loc: [(p, loc, 60_000), (p, loc, 60_000)], ValidationError),
        (lambda p, loc: [(p, loc, 2.5)], ValidationError),
        (lambda p, loc: [(p, loc, 1)] * 51, ValidationError),
    ],
)
def test_bad_requisitions_are_refused_and_nothing_written(
    db: Database,
    clerk: Actor,
    shelf: tuple[PartView, LocationView],
    make_lines: Any,
    error: type[Exception],
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    before = snapshot(db)
    with pytest.raises(error):
        requisitions.create_requisition(db, clerk, t.id, make_lines(p.id, main.id))
    assert snapshot(db) == before


def test_unknown_ticket_or_inactive_part_is_refused(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    with pytest.raises(NotFound):
        requisitions.create_requisition(db, clerk, 999, [(p.id, main.id, 1)])
    parts.update_part(
        db, parts_clerk, p.id, PartDraft(p.code, p.name, active=False), expected_version=p.version
    )
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as info:
        requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 1)])
    assert info.value.field == "part"


def test_issued_or_cancelled_requisitions_are_final(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 2)])
    requisitions.issue_requisition(db, parts_clerk, r.id)
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        requisitions.issue_requisition(db, parts_clerk, r.id)
    assert info.value.code == "stock.requisition_issued"
    issued = requisitions.get_requisition(db, clerk, r.id)
    assert info.value.values == {"number": r.number, "who": "钱配件", "when": issued.issued_at}
    assert isinstance(issued.issued_at, datetime) and issued.issued_at.tzinfo is not None
    with pytest.raises(ValidationError):
        requisitions.cancel_requisition(db, clerk, r.id, "不要了")
    assert snapshot(db) == before
    other = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 3)])
    assert level(db, p.id, main.id) == (8, 3)
    cancelled = requisitions.cancel_requisition(db, clerk, other.id, "客户改约")
    assert cancelled.status is R.CANCELLED and level(db, p.id, main.id) == (8, 0)
    with pytest.raises(ValidationError):
        requisitions.issue_requisition(db, parts_clerk, other.id)
    with pytest.raises(ValidationError):
        requisitions.issue_requisition(db, parts_clerk, r.id, {999: ("a", "b")})
    with pytest.raises(NotFound):
        requisitions.issue_requisition(db, parts_clerk, 999)
    assert [x.id for x in requisitions.list_requisitions(db, clerk, status=R.OPEN)] == []
    assert [x.id for x in requisitions.list_requisitions(db, clerk, ticket_id=t.id)] == [
        r.id,
        other.id,
    ]
    assert_balanced(db)


def test_unused_parts_come_back_and_off_the_bill(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 3)])
    requisitions.issue_requisition(db, parts_clerk, r.id)
    line_id = r.lines[0].id
    back = requisitions.return_unused(db, parts_clerk, line_id, 2, reason="只用了一个")
    assert (back.lines[0].returned_quantity, back.lines[0].used) == (2, 1)
    assert level(db, p.id, main.id) == (9, 0)
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 3500
    assert requisitions.ticket_parts(db, clerk, t.id).cost_cents == 2000
    newest = stock.ledger(db, clerk, ticket_id=t.id)[0]
    assert (newest.kind, newest.quantity, newest.reason) == (K.RETURN, 2, "只用了一个")
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        requisitions.return_unused(db, parts_clerk, line_id, 2)
    assert info.value.field == "quantity"
    with pytest.raises(NotFound):
        requisitions.return_unused(db, parts_clerk, 999, 1)
    assert snapshot(db) == before
    assert_balanced(db)


def test_a_closed_tickets_bill_is_final_but_parts_still_come_back(
    db: Database,
    clerk: Actor,
    parts_clerk: Actor,
    manager: Actor,
    shelf: tuple[PartView, LocationView],
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 2, reason=URGENT)
    close_ticket(db, manager, t.id)
    requisitions.return_unused(db, parts_clerk, r.lines[0].id, 1)
    assert level(db, p.id, main.id) == (9, 0)
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 7000
    assert requisitions.ticket_parts(db, clerk, t.id).price_cents == 3500


def test_emergency_issue_takes_free_units_only(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 7)])
    r = requisitions.issue_direct(
        db,
        parts_clerk,
        t.id,
        p.id,
        main.id,
        2,
        reason=URGENT,
        serial_fitted="X1",
        request_id="direct-1",
    )
    again = requisitions.issue_direct(
        db, parts_clerk, t.id, p.id, main.id, 2, reason=URGENT, request_id="direct-1"
    )
    assert again == r and r.status is R.ISSUED and r.lines[0].serial_fitted == "X1"
    assert level(db, p.id, main.id) == (8, 7)
    before = snapshot(db)
    with pytest.raises(NotEnoughStock) as info:
        requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 2, reason=URGENT)
    assert info.value.available == 1
    quarantine = parts.damaged_location(db, parts_clerk)
    with pytest.raises(ValidationError):
        requisitions.issue_direct(db, parts_clerk, t.id, p.id, quarantine.id, 1, reason=URGENT)
    assert snapshot(db) == before
    assert_balanced(db)


def test_an_emergency_issue_says_why_it_could_not_wait(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    before = snapshot(db)
    for blank in ("", "   \n "):
        with pytest.raises(ValidationError) as info:
            requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 1, reason=blank)
        assert info.value.field == "reason"
    assert snapshot(db) == before
    r = requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 1, reason="  " + URGENT)
    assert (r.notes, r.status, r.issued_by) == (URGENT, R.ISSUED, r.created_by)
    assert level(db, p.id, main.id) == (9, 0)
    audit = db.read(
        lambda s: s.scalars(
            select(AuditLog.details).where(AuditLog.action == "requisition.issue_direct")
        ).one()
    )
    assert audit["reason"] == URGENT and audit["quantity"] == 1


def test_issuing_from_a_van(
    db: Database, clerk: Actor, parts_clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    van = location(db, parts_clerk, "VAN-1", "张师傅车", StockLocationKind.VAN)
    stock.transfer(db, parts_clerk, p.id, main.id, van.id, 2)
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, van.id, 2)])
    requisitions.issue_requisition(db, parts_clerk, r.id)
    assert level(db, p.id, van.id) == (0, 0) and level(db, p.id, main.id) == (8, 0)


def test_reversing_an_issue_corrects_the_line_and_the_bill(
    db: Database,
    clerk: Actor,
    parts_clerk: Actor,
    manager: Actor,
    shelf: tuple[PartView, LocationView],
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.issue_direct(db, parts_clerk, t.id, p.id, main.id, 3, reason=URGENT)
    [issue] = stock.ledger(db, clerk, ticket_id=t.id)
    requisitions.return_unused(db, parts_clerk, r.lines[0].id, 1)
    [ret, _issue] = stock.ledger(db, clerk, ticket_id=t.id)
    with pytest.raises(ValidationError):
        stock.reverse(db, manager, issue.id, "发错了")  # one of the three is already back
    stock.reverse(db, manager, ret.id, "退库录错")
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 3 * 3500
    stock.reverse(db, manager, issue.id, "发错了")
    line = requisitions.get_requisition(db, clerk, r.id).lines[0]
    assert (line.issued_quantity, line.returned_quantity) == (0, 0)
    assert tickets.get_ticket(db, clerk, t.id).parts_cents == 0
    assert level(db, p.id, main.id) == (10, 0)
    assert requisitions.ticket_parts(db, clerk, t.id).cost_cents == 0
    assert_balanced(db)


def test_double_clicked_requisition_reserves_once(
    db: Database, clerk: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    a = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 2)], request_id="f-1")
    b = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 2)], request_id="f-1")
    assert a == b and level(db, p.id, main.id) == (10, 2)


def test_cancelling_a_ticket_can_release_its_reservations(
    db: Database, clerk: Actor, manager: Actor, shelf: tuple[PartView, LocationView]
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 4)])

    def tx(s: Any) -> int:
        return requisitions.release_ticket_reservations(s, manager, t.id, db.now())

    assert db.write(tx) == 1
    assert level(db, p.id, main.id) == (10, 0)
    assert_balanced(db)


def test_two_stock_refusals_read_in_chinese_with_the_shop_time(
    db: Database,
    clerk: Actor,
    parts_clerk: Actor,
    shelf: tuple[PartView, LocationView],
    clock: FakeClock,
) -> None:
    p, main = shelf
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 2)])
    clock.now = datetime(2026, 11, 23, 6, 5, tzinfo=UTC)  # 14:05 in Shanghai
    requisitions.issue_requisition(db, parts_clerk, r.id)
    with pytest.raises(ValidationError) as issued:
        requisitions.issue_requisition(db, parts_clerk, r.id)
    assert issued.value.values["when"] == clock.now
    shanghai = ZoneInfo("Asia/Shanghai")
    assert (
        render(issued.value, language="zh_CN", tz=shanghai)
        == f"领用单 {r.number} 已由 钱配件 于 2026-11-23 14:05 出库。"
    )
    assert (
        render(issued.value, tz=shanghai)
        == f"Requisition {r.number} was already issued by 钱配件 at 2026-11-23 14:05."
    )
    with pytest.raises(NotEnoughStock) as short:
        requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 9)])
    assert render(short.value, language="zh_CN") == f"{p.code} 库存不足：仅剩 8。"
