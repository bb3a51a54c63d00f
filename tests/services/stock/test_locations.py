"""Stock locations renamed and taken out of use: audited, checked against what the
screen showed, and refused while the location still holds stock."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.db.models import AuditLog
from desk_app.domain.enums import StockLocationKind
from desk_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.stock import parts, requisitions, stock
from tests.services import factories
from tests.services.stock_factories import URGENT, location, part, snapshot


def _audit(db: Database) -> list[tuple[str, dict[str, object] | None]]:
    return db.read(
        lambda s: [
            (a.action, a.details)
            for a in s.scalars(
                select(AuditLog).where(AuditLog.entity == "stock_location").order_by(AuditLog.id)
            )
        ]
    )


def test_renaming_a_location_is_audited(db: Database, parts_clerk: Actor) -> None:
    van = location(db, parts_clerk, "VAN-1", "张师傅车", StockLocationKind.VAN)
    renamed = parts.update_location(db, parts_clerk, van.id, " 刘师傅车 ", True, expected=van)
    assert (renamed.code, renamed.name, renamed.active) == ("VAN-1", "刘师傅车", True)
    assert [loc.name for loc in parts.list_locations(db, parts_clerk)] == ["刘师傅车"]
    assert _audit(db)[-1] == ("location.update", {"name": {"from": "张师傅车", "to": "刘师傅车"}})
    # Saving what is already there writes no audit row.
    parts.update_location(db, parts_clerk, van.id, "刘师傅车", True, expected=renamed)
    assert len(_audit(db)) == 2


def test_a_rename_over_a_colleagues_save_is_a_conflict_naming_who(
    db: Database, parts_clerk: Actor, manager: Actor
) -> None:
    main = location(db, parts_clerk)
    parts.update_location(db, manager, main.id, "一号仓", True, expected=main)
    before = snapshot(db)
    with pytest.raises(ConflictError) as info:
        parts.update_location(db, parts_clerk, main.id, "总仓库", True, expected=main)
    assert info.value.code == "record.changed_meanwhile"
    assert info.value.values["who"] == "王经理" and info.value.values["what"] == "stock location"
    assert info.value.current == {"code": "MAIN", "name": "一号仓", "active": True}
    assert snapshot(db) == before
    fresh = next(loc for loc in parts.list_locations(db, parts_clerk) if loc.id == main.id)
    assert parts.update_location(db, parts_clerk, main.id, "总仓库", True, expected=fresh).name == (
        "总仓库"
    )


def test_a_location_holding_stock_is_not_taken_out_of_use(
    db: Database, clerk: Actor, parts_clerk: Actor
) -> None:
    main = location(db, parts_clerk)
    van = location(db, parts_clerk, "VAN-1", "张师傅车", StockLocationKind.VAN)
    cap = part(db, parts_clerk)
    stock.receive(db, parts_clerk, cap.id, van.id, 3)
    t = factories.ticket(db, clerk)
    r = requisitions.create_requisition(db, clerk, t.id, [(cap.id, van.id, 1)])
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        parts.update_location(db, parts_clerk, van.id, van.name, False, expected=van)
    err = info.value
    assert (err.field, err.code) == ("active", "stock.location_holds_stock")
    assert err.values == {"location": "张师傅车", "on_hand": 3, "reserved": 1}
    assert render(err, language="zh_CN") == (
        "张师傅车 仍有库存（在库 3，已预留 1）；请先调出或盘点清零，再停用该库位。"
    )
    assert snapshot(db) == before

    # Emptied (the reservation withdrawn, the units moved to the store): it may go.
    requisitions.cancel_requisition(db, clerk, r.id, "客户取消")
    stock.transfer(db, parts_clerk, cap.id, van.id, main.id, 3)
    retired = parts.update_location(db, parts_clerk, van.id, van.name, False, expected=van)
    assert not retired.active
    assert _audit(db)[-1] == ("location.deactivate", {"active": {"from": True, "to": False}})
    # Out of every choice, and refused by the services that take stock from it or into it.
    assert [loc.id for loc in parts.list_locations(db, parts_clerk)] == [main.id]
    assert van.id in {
        loc.id for loc in parts.list_locations(db, parts_clerk, include_inactive=True)
    }
    for action in (
        lambda: requisitions.issue_direct(db, parts_clerk, t.id, cap.id, van.id, 1, reason=URGENT),
        lambda: requisitions.create_requisition(db, clerk, t.id, [(cap.id, van.id, 1)]),
    ):
        with pytest.raises(ValidationError) as refused:
            action()
        assert refused.value.code == "stock.location_retired"
    # Back into use.
    again = parts.update_location(db, parts_clerk, van.id, van.name, True, expected=retired)
    assert again.active and _audit(db)[-1][0] == "location.activate"


def test_the_damaged_parts_quarantine_stays_in_use(db: Database, parts_clerk: Actor) -> None:
    quarantine = parts.damaged_location(db, parts_clerk)
    with pytest.raises(ValidationError) as info:
        parts.update_location(
            db, parts_clerk, quarantine.id, quarantine.name, False, expected=quarantine
        )
    assert (info.value.code, info.value.values) == (
        "stock.damaged_location_in_use",
        {"location": quarantine.name},
    )
    assert render(info.value, language="zh_CN") == f"{quarantine.name} 存放退回的旧件，不能停用。"
    assert parts.update_location(
        db, parts_clerk, quarantine.id, "旧件架", True, expected=quarantine
    ).name == ("旧件架")


def test_bad_location_edits_are_refused_and_nothing_written(
    db: Database, clerk: Actor, parts_clerk: Actor
) -> None:
    main = location(db, parts_clerk)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        parts.update_location(db, clerk, main.id, "别名", True, expected=main)
    for name in ("", "   ", "x" * 61):
        with pytest.raises(ValidationError) as info:
            parts.update_location(db, parts_clerk, main.id, name, True, expected=main)
        assert info.value.field == "name"
    with pytest.raises(ValidationError) as active:
        parts.update_location(db, parts_clerk, main.id, "总仓", "no", expected=main)  # type: ignore[arg-type]
    assert active.value.code == "stock.location_active"
    for missing in (main.id + 99, 2**63, True):
        with pytest.raises(NotFound):
            parts.update_location(db, parts_clerk, missing, "总仓", True, expected=main)  # type: ignore[arg-type]
    assert snapshot(db) == before
