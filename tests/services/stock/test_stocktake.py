"""Stocktake (盘点): frozen list, scans and hand counts, variances, posting in one go."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import MovementKind, StockLocationKind
from desk_app.domain.errors import NotEnoughStock, NotFound, PermissionDenied, ValidationError
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts, requisitions, stock, stocktake
from desk_app.services.stock.parts import LocationView, PartDraft, PartView
from tests.services import factories
from tests.services.stock_factories import URGENT, assert_balanced, level, location, part, snapshot


@pytest.fixture
def store(db: Database, parts_clerk: Actor) -> tuple[LocationView, list[PartView]]:
    """The main store with a capacitor (8), a pump (3) and a remote (0 left)."""
    main = location(db, parts_clerk)
    cap = part(db, parts_clerk, "P-1", "启动电容", barcode="6901", cost_cents=2000)
    pump = part(db, parts_clerk, "P-2", "排水泵", barcode="6902", cost_cents=4500)
    remote = part(db, parts_clerk, "P-3", "遥控器", barcode="6903")
    stock.receive(db, parts_clerk, cap.id, main.id, 8)
    stock.receive(db, parts_clerk, pump.id, main.id, 3)
    stock.receive(db, parts_clerk, remote.id, main.id, 1)
    stock.adjust(db, parts_clerk, remote.id, main.id, -1, "丢失")
    return main, [cap, pump, remote]


def test_count_by_scanner_and_by_hand_then_post_the_variances(
    db: Database,
    parts_clerk: Actor,
    clerk: Actor,
    store: tuple[LocationView, list[PartView]],
) -> None:
    main, (cap, pump, remote) = store
    part(db, parts_clerk, "P-9", "从未入库的配件")  # not kept at this location: not listed
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    assert st.status == "open" and st.created_by == "钱配件"
    assert [(x.part_code, x.frozen_quantity, x.counted_quantity) for x in st.lines] == [
        ("P-1", 8, None),
        ("P-2", 3, None),
        ("P-3", 0, None),
    ]
    # Scans: each one counts one, and the running count comes back at once.
    counts = [stocktake.record_count(db, parts_clerk, st.id, barcode="6901") for _ in range(6)]
    assert [c.counted_quantity for c in counts] == [1, 2, 3, 4, 5, 6]
    before = snapshot(db)
    with pytest.raises(NotFound) as info:
        stocktake.record_count(db, parts_clerk, st.id, barcode="9999999")
    assert (info.value.what, info.value.key) == ("barcode", "9999999")
    assert snapshot(db) == before
    stocktake.record_count(db, parts_clerk, st.id, part_id=pump.id, qty=4)  # typed by hand
    stocktake.record_count(db, parts_clerk, st.id, part_id=remote.id, qty=0)
    # A sale during the count: the variance is relative to the frozen list.
    t = factories.ticket(db, clerk)
    requisitions.issue_direct(db, parts_clerk, t.id, cap.id, main.id, 1, reason=URGENT)
    found = stocktake.variances(db, parts_clerk, st.id)
    assert [(x.part_code, x.variance, x.variance_cents) for x in found] == [
        ("P-1", -2, -4000),
        ("P-2", 1, 4500),
    ]
    posted = stocktake.post_stocktake(db, parts_clerk, st.id)
    assert posted.status == "posted" and posted.posted_by == "钱配件"
    assert level(db, cap.id, main.id) == (5, 0)  # 8 - 1 sold - 2 missing
    assert level(db, pump.id, main.id) == (4, 0)
    moves = [m for m in stock.ledger(db, parts_clerk) if m.kind is MovementKind.STOCKTAKE]
    assert sorted((m.part_code, m.quantity, m.stocktake_id) for m in moves) == [
        ("P-1", -2, st.id),
        ("P-2", 1, st.id),
    ]
    assert_balanced(db)
    before = snapshot(db)
    for action in (
        lambda: stocktake.post_stocktake(db, parts_clerk, st.id),
        lambda: stocktake.record_count(db, parts_clerk, st.id, barcode="6901"),
        lambda: stocktake.cancel_stocktake(db, parts_clerk, st.id),
    ):
        with pytest.raises(ValidationError):
            action()
    assert snapshot(db) == before


def test_uncounted_parts_need_a_decision(
    db: Database, parts_clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, (cap, pump, _remote) = store
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    stocktake.record_count(db, parts_clerk, st.id, part_id=cap.id, qty=8)
    assert [x.part_code for x in stocktake.variances(db, parts_clerk, st.id)] == ["P-2", "P-3"]
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        stocktake.post_stocktake(db, parts_clerk, st.id)
    assert info.value.field == "counts" and info.value.code == "stock.uncounted"
    assert info.value.values == {"count": 2}
    assert snapshot(db) == before
    posted = stocktake.post_stocktake(db, parts_clerk, st.id, uncounted_as_zero=True)
    assert posted.uncounted == 0
    assert level(db, pump.id, main.id) == (0, 0) and level(db, cap.id, main.id) == (8, 0)
    assert_balanced(db)


def test_posting_that_would_go_negative_writes_nothing(
    db: Database, parts_clerk: Actor, clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, (cap, pump, remote) = store
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    for p, qty in ((cap, 8), (pump, 0), (remote, 0)):
        stocktake.record_count(db, parts_clerk, st.id, part_id=p.id, qty=qty)
    t = factories.ticket(db, clerk)
    requisitions.issue_direct(
        db, parts_clerk, t.id, pump.id, main.id, 1, reason=URGENT
    )  # 2 left, -3 to post
    before = snapshot(db)
    with pytest.raises(NotEnoughStock) as info:
        stocktake.post_stocktake(db, parts_clerk, st.id)
    assert (info.value.part_code, info.value.requested, info.value.available) == ("P-2", 3, 2)
    assert snapshot(db) == before
    assert stocktake.get_stocktake(db, parts_clerk, st.id).status == "open"


def test_a_part_found_off_the_list_is_added(
    db: Database, parts_clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, _parts = store
    stray = part(db, parts_clerk, "P-7", "门封条", barcode="6907")
    van = location(db, parts_clerk, "VAN-1", "车", StockLocationKind.VAN)
    stock.receive(db, parts_clerk, stray.id, van.id, 2)
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    line = stocktake.record_count(db, parts_clerk, st.id, barcode="6907")
    assert (line.part_code, line.frozen_quantity, line.counted_quantity) == ("P-7", 0, 1)
    assert len(stocktake.get_stocktake(db, parts_clerk, st.id).lines) == 4
    stocktake.post_stocktake(db, parts_clerk, st.id, uncounted_as_zero=True)
    assert level(db, stray.id, main.id) == (1, 0) and level(db, stray.id, van.id) == (2, 0)
    assert_balanced(db)


def test_one_open_stocktake_per_location_and_cancel(
    db: Database, parts_clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, (cap, _pump, _remote) = store
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    with pytest.raises(ValidationError) as info:
        stocktake.start_stocktake(db, parts_clerk, main.id)
    assert info.value.field == "location"
    stocktake.record_count(db, parts_clerk, st.id, part_id=cap.id, qty=1)
    cancelled = stocktake.cancel_stocktake(db, parts_clerk, st.id, "重新盘")
    assert cancelled.status == "cancelled" and level(db, cap.id, main.id) == (8, 0)
    again = stocktake.start_stocktake(db, parts_clerk, main.id, request_id="st-1")
    assert stocktake.start_stocktake(db, parts_clerk, main.id, request_id="st-1") == again
    assert [x.id for x in stocktake.list_stocktakes(db, parts_clerk, location_id=main.id)] == [
        again.id,
        st.id,
    ]


def test_inactive_parts_without_stock_are_left_off_the_list(
    db: Database, parts_clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, (_cap, _pump, remote) = store
    parts.update_part(
        db,
        parts_clerk,
        remote.id,
        PartDraft(remote.code, remote.name, barcode=remote.barcode, active=False),
        expected_version=remote.version,
    )
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    assert [x.part_code for x in st.lines] == ["P-1", "P-2"]


def test_bad_counts_and_permissions(
    db: Database, parts_clerk: Actor, clerk: Actor, store: tuple[LocationView, list[PartView]]
) -> None:
    main, (cap, _pump, _remote) = store
    with pytest.raises(PermissionDenied):
        stocktake.start_stocktake(db, clerk, main.id)
    with pytest.raises(NotFound):
        stocktake.start_stocktake(db, parts_clerk, 999)
    st = stocktake.start_stocktake(db, parts_clerk, main.id)
    before = snapshot(db)
    for kwargs in (
        {"part_id": cap.id, "qty": -1},
        {"part_id": cap.id, "qty": 100_001},
        {"part_id": cap.id, "qty": 1.5},
        {},
        {"part_id": cap.id, "barcode": "6901"},
    ):
        with pytest.raises(ValidationError):
            stocktake.record_count(db, parts_clerk, st.id, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        stocktake.record_count(db, parts_clerk, st.id, part_id=999)
    with pytest.raises(NotFound):
        stocktake.record_count(db, parts_clerk, 999, part_id=cap.id)
    with pytest.raises(PermissionDenied):
        stocktake.record_count(db, clerk, st.id, part_id=cap.id)
    with pytest.raises(PermissionDenied):
        stocktake.post_stocktake(db, clerk, st.id)
    assert snapshot(db) == before
    assert len(stocktake.get_stocktake(db, clerk, st.id).lines) == 3  # clerks may look
