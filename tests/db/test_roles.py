"""The privilege matrix as data: derived from the permission table, history append-only."""

from __future__ import annotations

from desk_app.db.base import Base
from desk_app.db.roles import (
    EVERY_DESK,
    HISTORY_TABLES,
    PERM_WRITES,
    desk_group,
    desk_writes,
    group_role,
    matrix,
)
from desk_app.domain.enums import Role
from desk_app.domain.permissions import Perm


def test_every_permission_says_what_it_writes_and_only_real_tables() -> None:
    assert set(PERM_WRITES) == set(Perm)
    tables = set(Base.metadata.tables)
    for writes in [*PERM_WRITES.values(), EVERY_DESK]:
        for w in writes:
            assert w.table in tables, w
            if isinstance(w.update, tuple):
                assert set(w.update) <= set(Base.metadata.tables[w.table].columns.keys()), w


def test_no_group_may_update_or_delete_history() -> None:
    for rights in [*matrix().values(), desk_writes()]:
        for table in HISTORY_TABLES:
            r = rights.get(table)
            if r is not None:
                assert not (r.update_all or r.update_columns or r.delete), table


def test_a_role_writes_only_what_its_permissions_write() -> None:
    m = matrix()
    # The parts clerk touches a ticket only for its parts charge; no customer rows.
    assert m[Role.PARTS_CLERK]["tickets"].privileges() == ['UPDATE ("parts_cents")']
    assert "customers" not in m[Role.PARTS_CLERK]
    # Only managers write settings, users, roles and technicians.
    for table in ("settings", "users", "user_roles", "technicians", "service_areas"):
        assert {r for r in Role if table in m[r]} == {Role.MANAGER}, table
    # Only stock movers write the ledger.
    assert {r for r in Role if "stock_movements" in m[r]} == {Role.PARTS_CLERK, Role.MANAGER}
    # Only dispatchers (and managers) say who goes when.
    for role in (Role.CLERK, Role.FOLLOWUP):
        columns = m[role]["tickets"].update_columns
        assert not m[role]["tickets"].update_all and "status" in columns
        assert not columns & {"technician_id", "appointment_start", "appointment_end"}
    assert m[Role.DISPATCHER]["tickets"].update_all
    # The technician: requisitions only.
    assert set(m[Role.TECHNICIAN]) == {
        "requisitions",
        "requisition_lines",
        "stock_levels",
        "stock_locations",
        "tickets",
    }


def test_group_names_carry_the_database() -> None:
    assert group_role("service", Role.PARTS_CLERK) == "desk_service__parts_clerk"
    assert desk_group("service") == "desk_service__desk"
