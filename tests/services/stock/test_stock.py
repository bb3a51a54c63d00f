"""Parts catalogue, locations and the stock ledger: receipts, transfers,
adjustments, reversals, damaged parts, reads, low stock and the stock check."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk_app.domain.enums import DamagedDisposition, MovementKind, StockLocationKind
from desk_app.domain.errors import (
    ConflictError,
    NotEnoughStock,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import damaged_parts, parts, requisitions, stock
from desk_app.services.stock import reports as stock_reports
from desk_app.services.stock.parts import PartDraft
from desk_app.services.stock.stock import check_stock
from tests.conftest import FakeClock
from tests.services import factories
from tests.services.stock_factories import (
    URGENT,
    assert_balanced,
    level,
    location,
    part,
    snapshot,
)

K = MovementKind


# ---------------------------------------------------------------- catalogue


def test_create_part_and_find_it_every_way(db: Database, parts_clerk: Actor) -> None:
    p = part(
        db,
        parts_clerk,
        "gl-cap-35",
        "压缩机启动电容",
        spec="CBB65 35μF 450V",
        barcode="6901234567890",
        compatible_models=["KFR-35GW/BP3DN8Y", "格力云佳", "kfr-35gw/bp3dn8y"],
        bin_location="A-01-03",
        reorder_point=5,
        reorder_qty=20,
    )
    part(db, parts_clerk, "MD-PCB-01", "室外机主板", spec="KFR-26W")
    assert p.code == "GL-CAP-35"  # codes are kept upper-case: scanners and typing agree
    assert p.compatible_models == ("KFR-35GW/BP3DN8Y", "格力云佳")
    assert p.on_hand == 0 and p.version == 1
    for query in [
        "gl-cap",
        "GL-CAP-35",
        "启动电容",
        "cbb65",
        "35μf",
        "bp3dn8y",
        "云佳",
        "6901234567890",
    ]:
        assert [r.code for r in parts.search_parts(db, parts_clerk, query)] == ["GL-CAP-35"], query
    assert [r.code for r in parts.search_parts(db, parts_clerk, "")] == ["GL-CAP-35", "MD-PCB-01"]
    assert parts.search_parts(db, parts_clerk, "%") == []
    assert parts.find_by_barcode(db, parts_clerk, " 6901234567890 ").id == p.id
    assert parts.find_by_barcode(db, parts_clerk, "gl-cap-35").id == p.id
    with pytest.raises(NotFound) as info:
        parts.find_by_barcode(db, parts_clerk, "0000000000000")
    assert info.value.what == "barcode" and info.value.key == "0000000000000"
    assert parts.get_part(db, parts_clerk, p.id).bin_location == "A-01-03"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (PartDraft("", "电容"), "code"),
        (PartDraft("P 1", "电容"), "code"),
        (PartDraft("P-1", ""), "name"),
        (PartDraft("P-1", "x" * 101), "name"),
        (PartDraft("P-1", "电容\x00"), "name"),
        (PartDraft("P-1", "电容", barcode="69 01"), "barcode"),
        (PartDraft("P-1", "电容", price_cents=-1), "price"),
        (PartDraft("P-1", "电容", cost_cents=10**12), "cost"),
        (PartDraft("P-1", "电容", reorder_point=-5), "reorder_point"),
        (PartDraft("P-1", "电容", unit=""), "unit"),
        (PartDraft("P-1", "电容", compatible_models="KFR-35GW"), "compatible_models"),
    ],
)
def test_bad_part_is_refused_and_nothing_written(
    db: Database, parts_clerk: Actor, draft: PartDraft, field: str
) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        parts.create_part(db, parts_clerk, draft)
    assert info.value.field == field
    assert parts.search_parts(db, parts_clerk, "") == []
    assert snapshot(db) == before


def test_code_and_barcode_are_unique(db: Database, parts_clerk: Actor) -> None:
    part(db, parts_clerk, "P-1", barcode="111")
    with pytest.raises(ValidationError) as info:
        part(db, parts_clerk, "p-1")
    assert info.value.field == "code"
    with pytest.raises(ValidationError) as info:
        part(db, parts_clerk, "P-2", barcode="111")
    assert info.value.field == "barcode"


def test_double_clicked_create_makes_one_part(db: Database, parts_clerk: Actor) -> None:
    draft = PartDraft("P-1", "电容")
    a = parts.create_part(db, parts_clerk, draft, request_id="form-1")
    b = parts.create_part(db, parts_clerk, draft, request_id="form-1")
    assert a.id == b.id and len(parts.search_parts(db, parts_clerk, "")) == 1


def test_edit_over_a_newer_save_is_a_conflict_naming_who(
    db: Database, parts_clerk: Actor, manager: Actor
) -> None:
    p = part(db, parts_clerk)
    theirs = PartDraft(p.code, p.name, price_cents=4000)
    parts.update_part(db, manager, p.id, theirs, expected_version=p.version)
    mine = PartDraft(p.code, "电容（改）", price_cents=3500)
    with pytest.raises(ConflictError) as info:
        parts.update_part(db, parts_clerk, p.id, mine, expected_version=p.version)
    assert info.value.who == "王经理" and info.value.current["price_cents"] == 4000
    fresh = parts.get_part(db, parts_clerk, p.id)
    saved = parts.update_part(db, parts_clerk, p.id, mine, expected_version=fresh.version)
    assert saved.name == "电容（改）" and saved.version == fresh.version + 1


def test_locations_and_the_damaged_quarantine(db: Database, parts_clerk: Actor) -> None:
    van = location(db, parts_clerk, "VAN-1", "张师傅车", StockLocationKind.VAN)
    main = location(db, parts_clerk)
    quarantine = parts.damaged_location(db, parts_clerk)
    assert parts.damaged_location(db, parts_clerk) == quarantine
    assert quarantine.kind is StockLocationKind.DAMAGED and not quarantine.sellable
    assert [loc.id for loc in parts.list_locations(db, parts_clerk)] == [
        main.id,
        van.id,
        quarantine.id,
    ]
    with pytest.raises(ValidationError) as info:
        location(db, parts_clerk, "main", "另一个")
    assert info.value.field == "code"
    with pytest.raises(ValidationError):
        parts.create_location(db, parts_clerk, "X", "X", "shelf")  # type: ignore[arg-type]


# ---------------------------------------------------------------- movements


def test_receipt_creates_the_level_and_a_traceable_ledger_line(
    db: Database, parts_clerk: Actor, clock: FakeClock
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    m = stock.receive(
        db,
        parts_clerk,
        p.id,
        main.id,
        10,
        unit_cost_cents=1900,
        supplier="格力配件中心",
        reference="PO-2026-118",
    )
    stock.receive(db, parts_clerk, p.id, main.id, 5)
    assert m.kind is K.RECEIPT and m.quantity == 10 and m.unit_cost_cents == 1900
    assert (m.user, m.at, m.supplier, m.reference) == (
        "钱配件",
        clock.now,
        "格力配件中心",
        "PO-2026-118",
    )
    assert level(db, p.id, main.id) == (15, 0)
    lines = stock.ledger(db, parts_clerk, part_id=p.id)
    assert [(x.kind, x.quantity, x.unit_cost_cents) for x in lines] == [
        (K.RECEIPT, 5, 2000),  # newest first; cost defaults to the catalogue cost
        (K.RECEIPT, 10, 1900),
    ]
    [row] = stock.stock_levels(db, parts_clerk, part_id=p.id)
    assert (row.location_code, row.on_hand, row.reserved, row.available) == ("MAIN", 15, 0, 15)
    assert parts.get_part(db, parts_clerk, p.id).on_hand == 15
    assert_balanced(db)


def test_double_clicked_receipt_posts_once(db: Database, parts_clerk: Actor) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    a = stock.receive(db, parts_clerk, p.id, main.id, 4, request_id="rcv-1")
    b = stock.receive(db, parts_clerk, p.id, main.id, 4, request_id="rcv-1")
    assert a == b and level(db, p.id, main.id) == (4, 0)


@pytest.mark.parametrize("qty", [0, -1, 100_001, 10**12, 1.5, True, "3", None])
def test_bad_quantities_are_refused_and_nothing_written(
    db: Database, parts_clerk: Actor, qty: Any
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, p.id, main.id, 5)
    before = snapshot(db)
    actions = [
        lambda: stock.receive(db, parts_clerk, p.id, main.id, qty),
        lambda: stock.transfer(db, parts_clerk, p.id, main.id, van.id, qty),
    ]
    if qty != -1:  # an adjustment may be negative
        actions.append(lambda: stock.adjust(db, parts_clerk, p.id, main.id, qty, "盘亏"))
    for action in actions:
        with pytest.raises(ValidationError):
            action()
    assert snapshot(db) == before


def test_unknown_part_or_location_is_not_found(db: Database, parts_clerk: Actor) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    before = snapshot(db)
    for action in (
        lambda: stock.receive(db, parts_clerk, 999, main.id, 1),
        lambda: stock.receive(db, parts_clerk, p.id, 999, 1),
        lambda: stock.transfer(db, parts_clerk, p.id, main.id, 999, 1),
        lambda: stock.adjust(db, parts_clerk, 999, main.id, 1, "找到"),
        lambda: stock.reverse(db, parts_clerk, 999, "错"),
        lambda: parts.get_part(db, parts_clerk, 999),
    ):
        with pytest.raises(NotFound):
            action()
    assert snapshot(db) == before


def test_a_front_desk_clerk_sees_stock_but_cannot_move_it(
    db: Database, parts_clerk: Actor, clerk: Actor
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    m = stock.receive(db, parts_clerk, p.id, main.id, 5)
    assert stock.stock_levels(db, clerk)[0].on_hand == 5
    assert stock.ledger(db, clerk, part_id=p.id)[0].id == m.id
    before = snapshot(db)
    for action in (
        lambda: stock.receive(db, clerk, p.id, main.id, 1),
        lambda: stock.transfer(db, clerk, p.id, main.id, van.id, 1),
        lambda: stock.adjust(db, clerk, p.id, main.id, -1, "丢失"),
        lambda: stock.reverse(db, clerk, m.id, "错"),
        lambda: parts.create_part(db, clerk, PartDraft("P-9", "x")),
        lambda: parts.create_location(db, clerk, "X", "x"),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert snapshot(db) == before


def test_receiving_into_the_quarantine_is_refused(db: Database, parts_clerk: Actor) -> None:
    p = part(db, parts_clerk)
    quarantine = parts.damaged_location(db, parts_clerk)
    with pytest.raises(ValidationError):
        stock.receive(db, parts_clerk, p.id, quarantine.id, 1)


def test_transfer_moves_free_units_as_one_group(db: Database, parts_clerk: Actor) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "张师傅车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, p.id, main.id, 10)
    out, into = stock.transfer(db, parts_clerk, p.id, main.id, van.id, 4, reason="张师傅备货")
    assert (out.kind, out.quantity, out.location_id) == (K.TRANSFER_OUT, -4, main.id)
    assert (into.kind, into.quantity, into.location_id) == (K.TRANSFER_IN, 4, van.id)
    assert out.transfer_group == into.transfer_group is not None
    assert level(db, p.id, main.id) == (6, 0) and level(db, p.id, van.id) == (4, 0)
    before = snapshot(db)
    with pytest.raises(NotEnoughStock) as info:
        stock.transfer(db, parts_clerk, p.id, main.id, van.id, 7)
    assert (info.value.requested, info.value.available) == (7, 6)
    with pytest.raises(ValidationError):
        stock.transfer(db, parts_clerk, p.id, main.id, main.id, 1)
    assert snapshot(db) == before
    assert_balanced(db)


def test_reserved_units_cannot_be_transferred_away(
    db: Database, parts_clerk: Actor, clerk: Actor
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, p.id, main.id, 3)
    t = factories.ticket(db, clerk)
    requisitions.create_requisition(db, clerk, t.id, [(p.id, main.id, 2)])
    with pytest.raises(NotEnoughStock) as info:
        stock.transfer(db, parts_clerk, p.id, main.id, van.id, 2)
    assert info.value.available == 1
    stock.transfer(db, parts_clerk, p.id, main.id, van.id, 1)
    assert level(db, p.id, main.id) == (2, 2)


def test_adjustment_needs_a_reason_and_never_goes_negative(
    db: Database, parts_clerk: Actor
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    stock.receive(db, parts_clerk, p.id, main.id, 5)
    up = stock.adjust(db, parts_clerk, p.id, main.id, 2, "货架后找到")
    down = stock.adjust(db, parts_clerk, p.id, main.id, -3, "包装破损")
    assert (up.kind, up.quantity, up.reason) == (K.ADJUSTMENT, 2, "货架后找到")
    assert down.quantity == -3 and level(db, p.id, main.id) == (4, 0)
    before = snapshot(db)
    for delta, reason in ((0, "x"), (1, ""), (1, "   "), (-1, None)):
        with pytest.raises(ValidationError):
            stock.adjust(db, parts_clerk, p.id, main.id, delta, reason)  # type: ignore[arg-type]
    with pytest.raises(NotEnoughStock) as info:
        stock.adjust(db, parts_clerk, p.id, main.id, -5, "丢失")
    assert info.value.available == 4
    assert snapshot(db) == before
    assert_balanced(db)


def test_a_movement_is_reversed_once_and_only_while_the_units_are_there(
    db: Database, parts_clerk: Actor, manager: Actor
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    wrong = stock.receive(db, parts_clerk, p.id, main.id, 10, reference="PO-1")
    [rev] = stock.reverse(db, manager, wrong.id, "单据录错")
    assert (rev.kind, rev.quantity, rev.reverses_id, rev.reason, rev.user) == (
        K.REVERSAL,
        -10,
        wrong.id,
        "单据录错",
        "王经理",
    )
    assert stock.get_movement(db, parts_clerk, wrong.id).reversed_by_id == rev.id
    assert level(db, p.id, main.id) == (0, 0)
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        stock.reverse(db, parts_clerk, wrong.id, "再来一次")
    assert info.value.code == "stock.movement_already_reversed"
    assert info.value.values == {"movement": wrong.id, "who": "王经理", "when": rev.at}
    assert rev.at.tzinfo is not None
    with pytest.raises(ValidationError):
        stock.reverse(db, parts_clerk, rev.id, "撤销冲销")
    with pytest.raises(ValidationError):
        stock.reverse(db, parts_clerk, wrong.id, "")
    assert snapshot(db) == before
    # A receipt whose units were already used cannot be taken back.
    good = stock.receive(db, parts_clerk, p.id, main.id, 3)
    stock.adjust(db, parts_clerk, p.id, main.id, -2, "破损")
    with pytest.raises(NotEnoughStock):
        stock.reverse(db, parts_clerk, good.id, "错")
    assert_balanced(db)


def test_reversing_a_transfer_reverses_both_legs(db: Database, parts_clerk: Actor) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, p.id, main.id, 5)
    _out, into = stock.transfer(db, parts_clerk, p.id, main.id, van.id, 2)
    legs = stock.reverse(db, parts_clerk, into.id, "转错车了")
    assert sorted((m.location_id, m.quantity) for m in legs) == [(main.id, 2), (van.id, -2)]
    assert level(db, p.id, main.id) == (5, 0) and level(db, p.id, van.id) == (0, 0)
    with pytest.raises(ValidationError):
        stock.reverse(db, parts_clerk, _out.id, "again")
    assert_balanced(db)


# ---------------------------------------------------------------- damaged parts


def test_damaged_part_is_quarantined_until_its_disposition(
    db: Database, parts_clerk: Actor, clerk: Actor
) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    t = factories.ticket(db, clerk)
    d = damaged_parts.register_damaged(
        db, parts_clerk, t.id, "电容鼓包", part_id=p.id, serial="C-0042"
    )
    unknown = damaged_parts.register_damaged(db, parts_clerk, t.id, "外机风扇叶片（非库存件）")
    assert d.disposition is DamagedDisposition.PENDING and d.ticket_number == t.number
    assert (d.received_by, d.serial, unknown.part_id) == ("钱配件", "C-0042", None)
    quarantine = parts.damaged_location(db, parts_clerk)
    assert level(db, p.id, quarantine.id) == (1, 0)
    [m] = stock.ledger(db, parts_clerk, ticket_id=t.id)
    assert (m.kind, m.quantity, m.serial_removed) == (K.DAMAGED_RETURN, 1, "C-0042")
    # Never sellable: no requisition, transfer or sale from the quarantine.
    before = snapshot(db)
    with pytest.raises(ValidationError):
        requisitions.create_requisition(db, clerk, t.id, [(p.id, quarantine.id, 1)])
    with pytest.raises(ValidationError):
        stock.transfer(db, parts_clerk, p.id, quarantine.id, van.id, 1)
    with pytest.raises(ValidationError):
        stock.reverse(db, parts_clerk, m.id, "x")
    assert snapshot(db) == before
    assert parts.get_part(db, parts_clerk, p.id).on_hand == 0  # quarantine is not stock
    assert [x.id for x in damaged_parts.list_damaged(db, parts_clerk)] == [unknown.id, d.id]
    done = damaged_parts.set_disposition(
        db, parts_clerk, d.id, DamagedDisposition.MANUFACTURER_CLAIM, notes="索赔单 GL-77"
    )
    assert (done.disposition, done.disposition_by) == (
        DamagedDisposition.MANUFACTURER_CLAIM,
        "钱配件",
    )
    assert level(db, p.id, quarantine.id) == (0, 0)
    with pytest.raises(ValidationError):
        damaged_parts.set_disposition(db, parts_clerk, d.id, DamagedDisposition.SCRAP)
    damaged_parts.set_disposition(db, parts_clerk, unknown.id, DamagedDisposition.SCRAP)
    assert damaged_parts.list_damaged(db, parts_clerk) == []
    with pytest.raises(PermissionDenied):
        damaged_parts.register_damaged(db, clerk, t.id, "x")
    with pytest.raises(NotFound):
        damaged_parts.register_damaged(db, parts_clerk, 999, "x")
    with pytest.raises(NotFound):
        damaged_parts.register_damaged(db, parts_clerk, t.id, "x", part_id=999)
    with pytest.raises(ValidationError):
        damaged_parts.register_damaged(db, parts_clerk, t.id, "")
    assert main.id != quarantine.id
    assert_balanced(db)


# ---------------------------------------------------------------- reports


def test_low_stock_suggests_a_purchase_and_exports_for_excel(
    db: Database, parts_clerk: Actor, clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    main = location(db, parts_clerk)
    cap = part(db, parts_clerk, "P-1", "启动电容", spec="35μF", reorder_point=5, reorder_qty=20)
    pump = part(db, parts_clerk, "P-2", "排水泵", reorder_point=4, reorder_qty=5)
    plenty = part(db, parts_clerk, "P-3", "遥控器", reorder_point=2, reorder_qty=10)
    for p, qty in ((cap, 6), (pump, 16), (plenty, 50)):
        stock.receive(db, parts_clerk, p.id, main.id, qty)
    t = factories.ticket(db, clerk)
    requisitions.issue_direct(db, parts_clerk, t.id, pump.id, main.id, 4, reason=URGENT)
    clock.advance(days=40)  # outside the usage window
    requisitions.issue_direct(db, parts_clerk, t.id, pump.id, main.id, 9, reason=URGENT)
    requisitions.issue_direct(db, parts_clerk, t.id, pump.id, main.id, 2, reason=URGENT)
    requisitions.create_requisition(db, clerk, t.id, [(cap.id, main.id, 3)])  # reserved
    rows = stock_reports.low_stock(db, parts_clerk)
    assert [(r.code, r.available, r.used_recently, r.suggested_qty) for r in rows] == [
        ("P-2", 1, 11, 11),  # recent usage beats the reorder quantity
        ("P-1", 3, 0, 20),
    ]
    out = tmp_path / "采购计划.csv"
    assert stock_reports.export_low_stock_csv(db, parts_clerk, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0][:3] == ["配件编码", "名称", "规格型号"]
    assert table[2][:3] == ["P-1", "启动电容", "35μF"] and table[2][-2:] == ["20.00", "400.00"]


def test_stock_check_reports_every_disagreement(db: Database, parts_clerk: Actor) -> None:
    p, main = part(db, parts_clerk), location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, p.id, main.id, 5)
    assert check_stock(db) == []

    def tamper(s: Any) -> None:
        s.execute(text("UPDATE stock_levels SET on_hand = 7, reserved = 1"))
        s.execute(
            text(
                "INSERT INTO stock_levels (part_id, location_id, on_hand, reserved) "
                "VALUES (:p, :l, 2, 0)"
            ),
            {"p": p.id, "l": van.id},
        )

    db.write(tamper)
    differences = check_stock(db)
    found = {(d.location_code, d.what, d.recorded, d.expected) for d in differences}
    assert "P-10023 at MAIN: on hand 7, ledger sum 5" in {str(d) for d in differences}
    assert found == {
        ("MAIN", "on_hand", 7, 5),
        ("MAIN", "reserved", 1, 0),
        ("VAN-1", "on_hand", 2, 0),
    }


def test_everything_balances_after_a_busy_day(
    db: Database, parts_clerk: Actor, clerk: Actor, manager: Actor
) -> None:
    main = location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    a = part(db, parts_clerk, "P-1", "电容")
    b = part(db, parts_clerk, "P-2", "主板", serialized=True)
    t = factories.ticket(db, clerk)
    stock.receive(db, parts_clerk, a.id, main.id, 20)
    stock.receive(db, parts_clerk, b.id, main.id, 3)
    stock.transfer(db, parts_clerk, a.id, main.id, van.id, 5)
    r = requisitions.create_requisition(db, clerk, t.id, [(a.id, van.id, 2), (b.id, main.id, 1)])
    lines = {line.part_id: line.id for line in r.lines}
    requisitions.issue_requisition(db, parts_clerk, r.id, {lines[b.id]: ("MB-001", "MB-OLD")})
    requisitions.return_unused(db, parts_clerk, lines[a.id], 1)
    damaged_parts.register_damaged(db, parts_clerk, t.id, "旧主板", part_id=b.id)
    m = stock.adjust(db, parts_clerk, a.id, main.id, -1, "破损")
    stock.reverse(db, manager, m.id, "其实没坏")
    requisitions.create_requisition(db, clerk, t.id, [(a.id, main.id, 4)])
    assert_balanced(db)
    assert level(db, a.id, main.id) == (15, 4) and level(db, a.id, van.id) == (4, 0)
