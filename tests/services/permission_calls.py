"""The registry of protected service calls the permission matrix test runs as every role.

``CALLS``: every protected use case (at least one call each; ``change_status`` once per
permission its target states need), with the data it needs.
``prepare`` builds that data as the manager (fresh records for a call that changes
them, so no call depends on another's order); ``run`` is the call under test, made as
the role's actor. ``World`` is the one database per engine they share, with the
reference data (a customer, a technician, parts, locations, a complaint ...) and the
builders of tickets in each state. Used by ``tests/services/test_permission_matrix.py``;
add a call here with every new use case (that test fails while one is missing).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from desk_app.db.models import UserRole
from desk_app.domain.complaint_rules import DEFAULT_RETRY_SCHEDULE, Ratings
from desk_app.domain.enums import (
    Channel,
    ComplaintCategory,
    DamagedDisposition,
    FollowupOutcome,
    Role,
    Severity,
    StockLocationKind,
    TicketKind,
    TicketStatus,
    Urgency,
)
from desk_app.domain.permissions import Perm
from desk_app.services.admin import retention, settings, users
from desk_app.services.care import complaint_views, complaints, feedback, followups, maintenance
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core import audit
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, lookup, merge
from desk_app.services.customers.customers import ApplianceDraft, CustomerDraft
from desk_app.services.dispatch import areas, board, dispatch, technicians
from desk_app.services.dispatch.technicians import TechnicianDraft
from desk_app.services.paperwork import paperwork
from desk_app.services.stock import damaged_parts, parts, reports, requisitions, stock, stocktake
from desk_app.services.stock.parts import PartDraft
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion, TicketView
from tests.services import factories

S = TicketStatus

# Every role alone, and one user holding two roles (they may do what either may).
ROLE_SETS: list[frozenset[Role]] = [frozenset({r}) for r in Role] + [
    frozenset({Role.PARTS_CLERK, Role.FOLLOWUP})
]


def label(roles: frozenset[Role]) -> str:
    return "+".join(sorted(r.value for r in roles))


# ------------------------------------------------------------------ the shared world


@dataclass
class World:
    """One database with the reference data every call needs, and builders for the
    records a call changes (each call gets its own, made by the manager)."""

    db: Database
    manager: Actor
    tmp: Path
    actors: dict[frozenset[Role], Actor] = field(default_factory=dict)
    counter: Iterator[int] = field(default_factory=itertools.count)

    def n(self) -> int:
        return next(self.counter)

    def setup(self) -> None:
        m, db = self.manager, self.db
        self.customer = factories.customer(db, m)
        self.appliance = factories.appliance(db, m, self.customer.id)
        self.tech = factories.technician(db, m)
        self.part = parts.create_part(db, m, PartDraft("P-1", "启动电容", barcode="6901234567892"))
        self.store = parts.create_location(db, m, "MAIN", "总仓", StockLocationKind.STORE)
        self.other = parts.create_location(db, m, "SIDE", "分仓", StockLocationKind.STORE)
        self.movement = stock.receive(db, m, self.part.id, self.store.id, 1000)
        self.ticket = factories.ticket(db, m, self.customer.id)
        self.done = self.completed()
        self.complaint = self.new_complaint()
        self.stocktake = stocktake.start_stocktake(db, m, self.other.id)
        self.requisition = requisitions.create_requisition(
            db, m, self.ticket.id, [(self.part.id, self.store.id, 1)]
        )
        self.damaged = damaged_parts.register_damaged(db, m, self.ticket.id, "旧电容")
        for roles in ROLE_SETS:
            self.actors[roles] = self.actor_for(roles)

    def actor_for(self, roles: frozenset[Role]) -> Actor:
        if roles == {Role.MANAGER}:
            return self.manager
        main = sorted(roles)[0]
        name = f"u_{label(roles).replace('+', '_')}"
        created = users.create_user(self.db, self.manager, name, "secret-1", main, name)

        def add(s: Any) -> None:
            for extra in roles - {main}:
                s.add(UserRole(user_id=created.id, role=extra))

        self.db.write(add)
        signed_in = users.authenticate(self.db, name, "secret-1")
        return replace(signed_in, roles=roles)

    # builders, run as the manager
    def new_ticket(self, kind: TicketKind = TicketKind.REPAIR) -> TicketView:
        return factories.ticket(self.db, self.manager, self.customer.id, kind=kind)

    def slot(self) -> tuple[datetime, datetime]:
        start = datetime(2027, 1, 4, 1, 0, tzinfo=UTC) + timedelta(hours=2 * self.n())
        return start, start + timedelta(hours=1)

    def dispatched(self) -> TicketView:
        start, end = self.slot()
        t = self.new_ticket()
        return dispatch.assign(self.db, self.manager, t.id, self.tech, starts=start, ends=end)

    def in_service(self) -> TicketView:
        t = self.dispatched()
        return tickets.change_status(self.db, self.manager, t.id, S.IN_SERVICE)

    def completed(self) -> TicketView:
        t = self.in_service()
        return tickets.complete(self.db, self.manager, t.id, Completion("电容坏", "换电容"))

    def new_complaint(self) -> complaints.ComplaintView:
        draft = ComplaintDraft(
            self.customer.id, Channel.PHONE, ComplaintCategory.DELAY, Severity.LOW, "迟到"
        )
        return complaints.open_complaint(self.db, self.manager, draft)

    def answered_complaint(self) -> complaints.ComplaintView:
        c = self.new_complaint()
        return complaints.propose_solution(self.db, self.manager, c.id, "明天上门")

    def reached_call(self) -> followups.CallView:
        t = self.completed()
        return followups.record_call(
            self.db, self.manager, t.id, FollowupOutcome.REACHED, Ratings(2, 2, 2, 2, 2), "一般"
        )


# ------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class Call:
    perm: Perm
    name: str
    run: Callable[[World, Actor, Any], object]
    prepare: Callable[[World], Any] = lambda w: None

    def __str__(self) -> str:
        return self.name


DAY = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # midnight in Shanghai
RATINGS = Ratings(5, 5, 5, 5, 4)
STANDARD = settings.Standard(24, 48, 72, False)


def _draft(w: World) -> CustomerDraft:
    return CustomerDraft(f"客户{w.n()}", [f"139{w.n():08d}"])


CALLS: list[Call] = [
    # customers and what the desk reads about them
    Call(
        Perm.VIEW_CUSTOMERS,
        "customers.get_customer",
        lambda w, a, _: customers.get_customer(w.db, a, w.customer.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "customers.search_customers",
        lambda w, a, _: customers.search_customers(w.db, a, "张三"),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "customers.find_duplicates",
        lambda w, a, _: customers.find_duplicates(w.db, a, CustomerDraft("张三", ["13812345678"])),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "lookup.customer_timeline",
        lambda w, a, _: lookup.customer_timeline(w.db, a, w.customer.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "lookup.suggest_fixes",
        lambda w, a, _: lookup.suggest_fixes(w.db, a, "不制冷"),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "merge.list_merges",
        lambda w, a, _: merge.list_merges(w.db, a, w.customer.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "tickets.get_ticket",
        lambda w, a, _: tickets.get_ticket(w.db, a, w.ticket.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "tickets.find_by_number",
        lambda w, a, _: tickets.find_by_number(w.db, a, w.ticket.number),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "tickets.customer_tickets",
        lambda w, a, _: tickets.customer_tickets(w.db, a, w.customer.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "board.load_board",
        lambda w, a, _: board.load_board(w.db, a, date(2026, 11, 23)),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "technicians.list_technicians",
        lambda w, a, _: technicians.list_technicians(w.db, a, active_only=False),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "technicians.skill_choices",
        lambda w, a, _: technicians.skill_choices(w.db, a),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "areas.list_areas",
        lambda w, a, _: areas.list_areas(w.db, a),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "dispatch.technician_appointments",
        lambda w, a, _: dispatch.technician_appointments(
            w.db, a, w.tech, DAY, DAY + timedelta(days=1)
        ),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "followups.followup_history",
        lambda w, a, _: followups.followup_history(w.db, a, w.done.id),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "maintenance.maintenance_due",
        lambda w, a, _: maintenance.maintenance_due(w.db, a, date(2027, 6, 1)),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "settings.list_standards",
        lambda w, a, _: settings.list_standards(w.db, a),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "paperwork.work_order",
        lambda w, a, _: paperwork.work_order(w.db, a, w.ticket.number),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "paperwork.work_orders_for_day",
        lambda w, a, _: paperwork.work_orders_for_day(w.db, a, date(2026, 11, 24)),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "paperwork.technician_day",
        lambda w, a, _: paperwork.technician_day(w.db, a, date(2026, 11, 24), w.tech),
    ),
    Call(
        Perm.VIEW_CUSTOMERS,
        "paperwork.feedback_form",
        lambda w, a, _: paperwork.feedback_form(w.db, a, w.done.number),
    ),
    Call(
        Perm.EDIT_CUSTOMERS,
        "customers.create_customer",
        lambda w, a, d: customers.create_customer(w.db, a, d),
        _draft,
    ),
    Call(
        Perm.EDIT_CUSTOMERS,
        "customers.update_customer",
        lambda w, a, c: customers.update_customer(
            w.db, a, c.id, replace(c.as_draft(), notes="老客户"), expected_version=c.version
        ),
        lambda w: customers.create_customer(w.db, w.manager, _draft(w)),
    ),
    Call(
        Perm.EDIT_CUSTOMERS,
        "customers.add_appliance",
        lambda w, a, _: customers.add_appliance(
            w.db, a, w.customer.id, ApplianceDraft("冰箱", f"BCD-{w.n()}")
        ),
    ),
    Call(
        Perm.MERGE_CUSTOMERS,
        "merge.merge_preview",
        lambda w, a, pair: merge.merge_preview(w.db, a, *pair),
        lambda w: _pair(w),
    ),
    Call(
        Perm.MERGE_CUSTOMERS,
        "merge.merge_customers",
        lambda w, a, p: merge.merge_customers(
            w.db, a, p[0].id, p[1].id, survivor_version=p[0].version, duplicate_version=p[1].version
        ),
        lambda w: (
            customers.create_customer(w.db, w.manager, _draft(w)),
            customers.create_customer(w.db, w.manager, _draft(w)),
        ),
    ),
    Call(
        Perm.MERGE_CUSTOMERS,
        "merge.undo_merge",
        lambda w, a, merged: merge.undo_merge(w.db, a, merged.id),
        lambda w: _merged(w),
    ),
    # tickets
    Call(
        Perm.OPEN_TICKETS,
        "tickets.open_ticket",
        lambda w, a, _: factories.ticket(w.db, a, w.customer.id),
    ),
    Call(
        Perm.OPEN_TICKETS,
        "tickets.answer_consultation",
        lambda w, a, t: tickets.answer_consultation(w.db, a, t.id, "按说明书复位即可"),
        lambda w: w.new_ticket(TicketKind.CONSULTATION),
    ),
    Call(
        Perm.OPEN_TICKETS,
        "maintenance.open_maintenance_ticket",
        lambda w, a, appliance: maintenance.open_maintenance_ticket(w.db, a, appliance.id),
        lambda w: factories.appliance(w.db, w.manager, w.customer.id),
    ),
    Call(
        Perm.EDIT_TICKETS,
        "tickets.edit_ticket",
        lambda w, a, t: tickets.edit_ticket(
            w.db, a, t.id, replace(t.as_edit(), notes="带梯子"), expected_version=t.version
        ),
        lambda w: w.new_ticket(),
    ),
    Call(
        Perm.EDIT_TICKETS,
        "tickets.cancel",
        lambda w, a, t: tickets.cancel(w.db, a, t.id, "客户已自行修好"),
        lambda w: w.new_ticket(),
    ),
    Call(
        Perm.EDIT_TICKETS,
        "tickets.change_status(waiting_customer)",
        lambda w, a, t: tickets.change_status(w.db, a, t.id, S.WAITING_CUSTOMER, reason="联系不上"),
        lambda w: w.in_service(),
    ),
    Call(
        Perm.DISPATCH,
        "dispatch.assign",
        lambda w, a, t: dispatch.assign(w.db, a, t.id, w.tech),
        lambda w: w.new_ticket(),
    ),
    Call(
        Perm.DISPATCH,
        "dispatch.unassign",
        lambda w, a, t: dispatch.unassign(w.db, a, t.id, "工程师请假"),
        lambda w: w.dispatched(),
    ),
    Call(
        Perm.DISPATCH,
        "dispatch.confirm_appointment",
        lambda w, a, p: dispatch.confirm_appointment(w.db, a, p[0].id, *p[1]),
        lambda w: (dispatch.assign(w.db, w.manager, w.new_ticket().id, w.tech), w.slot()),
    ),
    Call(
        Perm.DISPATCH,
        "dispatch.reschedule",
        lambda w, a, p: dispatch.reschedule(w.db, a, p[0].id, *p[1], "客户改期"),
        lambda w: (w.dispatched(), w.slot()),
    ),
    Call(
        Perm.DISPATCH,
        "tickets.change_status(in_service)",
        lambda w, a, t: tickets.change_status(w.db, a, t.id, S.IN_SERVICE),
        lambda w: w.dispatched(),
    ),
    Call(
        Perm.COMPLETE_TICKETS,
        "tickets.complete",
        lambda w, a, t: tickets.complete(w.db, a, t.id, Completion("电容坏", "换电容")),
        lambda w: w.in_service(),
    ),
    Call(
        Perm.CLOSE_TICKETS,
        "tickets.change_status(closed)",
        lambda w, a, t: tickets.change_status(w.db, a, t.id, S.CLOSED),
        lambda w: w.completed(),
    ),
    Call(
        Perm.RECORD_FOLLOWUPS,
        "tickets.change_status(followed_up)",
        lambda w, a, t: tickets.change_status(w.db, a, t.id, S.FOLLOWED_UP),
        lambda w: w.completed(),
    ),
    # stock
    Call(Perm.VIEW_STOCK, "parts.get_part", lambda w, a, _: parts.get_part(w.db, a, w.part.id)),
    Call(
        Perm.VIEW_STOCK, "parts.search_parts", lambda w, a, _: parts.search_parts(w.db, a, "电容")
    ),
    Call(
        Perm.VIEW_STOCK,
        "parts.find_by_barcode",
        lambda w, a, _: parts.find_by_barcode(w.db, a, "6901234567892"),
    ),
    Call(Perm.VIEW_STOCK, "parts.list_locations", lambda w, a, _: parts.list_locations(w.db, a)),
    Call(
        Perm.VIEW_STOCK, "parts.damaged_location", lambda w, a, _: parts.damaged_location(w.db, a)
    ),
    Call(Perm.VIEW_STOCK, "stock.stock_levels", lambda w, a, _: stock.stock_levels(w.db, a)),
    Call(Perm.VIEW_STOCK, "stock.ledger", lambda w, a, _: stock.ledger(w.db, a)),
    Call(
        Perm.VIEW_STOCK,
        "stock.get_movement",
        lambda w, a, _: stock.get_movement(w.db, a, w.movement.id),
    ),
    Call(Perm.VIEW_STOCK, "reports.low_stock", lambda w, a, _: reports.low_stock(w.db, a)),
    Call(
        Perm.VIEW_STOCK,
        "requisitions.get_requisition",
        lambda w, a, _: requisitions.get_requisition(w.db, a, w.requisition.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "requisitions.list_requisitions",
        lambda w, a, _: requisitions.list_requisitions(w.db, a),
    ),
    Call(
        Perm.VIEW_STOCK,
        "requisitions.ticket_parts",
        lambda w, a, _: requisitions.ticket_parts(w.db, a, w.ticket.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "paperwork.requisition",
        lambda w, a, _: paperwork.requisition(w.db, a, w.requisition.number),
    ),
    Call(
        Perm.VIEW_STOCK,
        "paperwork.returned_part_slip",
        lambda w, a, _: paperwork.returned_part_slip(w.db, a, w.damaged.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "paperwork.count_sheet",
        lambda w, a, _: paperwork.count_sheet(w.db, a, w.stocktake.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "damaged_parts.get_damaged",
        lambda w, a, _: damaged_parts.get_damaged(w.db, a, w.damaged.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "damaged_parts.list_damaged",
        lambda w, a, _: damaged_parts.list_damaged(w.db, a),
    ),
    Call(
        Perm.VIEW_STOCK,
        "stocktake.get_stocktake",
        lambda w, a, _: stocktake.get_stocktake(w.db, a, w.stocktake.id),
    ),
    Call(
        Perm.VIEW_STOCK,
        "stocktake.list_stocktakes",
        lambda w, a, _: stocktake.list_stocktakes(w.db, a),
    ),
    Call(
        Perm.VIEW_STOCK,
        "stocktake.variances",
        lambda w, a, _: stocktake.variances(w.db, a, w.stocktake.id),
    ),
    Call(
        Perm.REQUEST_PARTS,
        "requisitions.create_requisition",
        lambda w, a, t: requisitions.create_requisition(
            w.db, a, t.id, [(w.part.id, w.store.id, 1)]
        ),
        lambda w: w.new_ticket(),
    ),
    Call(
        Perm.REQUEST_PARTS,
        "requisitions.cancel_requisition",
        lambda w, a, r: requisitions.cancel_requisition(w.db, a, r.id, "不需要了"),
        lambda w: requisitions.create_requisition(
            w.db, w.manager, w.new_ticket().id, [(w.part.id, w.store.id, 1)]
        ),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stock.receive",
        lambda w, a, _: stock.receive(w.db, a, w.part.id, w.store.id, 2),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stock.transfer",
        lambda w, a, _: stock.transfer(w.db, a, w.part.id, w.store.id, w.other.id, 1),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stock.adjust",
        lambda w, a, _: stock.adjust(w.db, a, w.part.id, w.store.id, -1, "受潮报废"),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stock.reverse",
        lambda w, a, m: stock.reverse(w.db, a, m.id, "数量录错"),
        lambda w: stock.receive(w.db, w.manager, w.part.id, w.store.id, 1),
    ),
    Call(
        Perm.MOVE_STOCK,
        "requisitions.issue_requisition",
        lambda w, a, r: requisitions.issue_requisition(w.db, a, r.id),
        lambda w: requisitions.create_requisition(
            w.db, w.manager, w.new_ticket().id, [(w.part.id, w.store.id, 1)]
        ),
    ),
    Call(
        Perm.MOVE_STOCK,
        "requisitions.issue_direct",
        lambda w, a, t: requisitions.issue_direct(
            w.db, a, t.id, w.part.id, w.store.id, 1, reason="急修：客户在现场等待"
        ),
        lambda w: w.new_ticket(),
    ),
    Call(
        Perm.MOVE_STOCK,
        "requisitions.return_unused",
        lambda w, a, r: requisitions.return_unused(w.db, a, r.lines[0].id, 1),
        lambda w: requisitions.issue_requisition(
            w.db,
            w.manager,
            requisitions.create_requisition(
                w.db, w.manager, w.new_ticket().id, [(w.part.id, w.store.id, 1)]
            ).id,
        ),
    ),
    Call(
        Perm.MOVE_STOCK,
        "damaged_parts.register_damaged",
        lambda w, a, _: damaged_parts.register_damaged(w.db, a, w.ticket.id, "旧压缩机"),
    ),
    Call(
        Perm.MOVE_STOCK,
        "damaged_parts.set_disposition",
        lambda w, a, d: damaged_parts.set_disposition(w.db, a, d.id, DamagedDisposition.SCRAP),
        lambda w: damaged_parts.register_damaged(w.db, w.manager, w.ticket.id, "旧风扇"),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stocktake.start_stocktake",
        lambda w, a, loc: stocktake.start_stocktake(w.db, a, loc.id),
        lambda w: parts.create_location(
            w.db, w.manager, f"L{w.n()}", "库位", StockLocationKind.STORE
        ),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stocktake.record_count",
        lambda w, a, st: stocktake.record_count(w.db, a, st.id, part_id=w.part.id, qty=0),
        lambda w: _stocktake(w),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stocktake.post_stocktake",
        lambda w, a, st: stocktake.post_stocktake(w.db, a, st.id, uncounted_as_zero=True),
        lambda w: _stocktake(w),
    ),
    Call(
        Perm.MOVE_STOCK,
        "stocktake.cancel_stocktake",
        lambda w, a, st: stocktake.cancel_stocktake(w.db, a, st.id, "重新盘"),
        lambda w: _stocktake(w),
    ),
    Call(
        Perm.MANAGE_PARTS,
        "parts.create_part",
        lambda w, a, _: parts.create_part(w.db, a, PartDraft(f"N-{w.n()}", "新配件")),
    ),
    Call(
        Perm.MANAGE_PARTS,
        "parts.update_part",
        lambda w, a, p: parts.update_part(
            w.db, a, p.id, PartDraft(p.code, "改名配件"), expected_version=p.version
        ),
        lambda w: parts.create_part(w.db, w.manager, PartDraft(f"U-{w.n()}", "配件")),
    ),
    Call(
        Perm.MANAGE_PARTS,
        "parts.create_location",
        lambda w, a, _: parts.create_location(
            w.db, a, f"C{w.n()}", "新库位", StockLocationKind.STORE
        ),
    ),
    Call(
        Perm.MANAGE_PARTS,
        "parts.update_location",
        lambda w, a, loc: parts.update_location(w.db, a, loc.id, "改名库位", True, expected=loc),
        lambda w: parts.create_location(
            w.db, w.manager, f"E{w.n()}", "库位", StockLocationKind.STORE
        ),
    ),
    # care
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.open_complaint",
        lambda w, a, _: complaints.open_complaint(
            w.db,
            a,
            ComplaintDraft(
                w.customer.id, Channel.PHONE, ComplaintCategory.ATTITUDE, Severity.LOW, "态度差"
            ),
        ),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaint_views.get_complaint",
        lambda w, a, _: complaint_views.get_complaint(w.db, a, w.complaint.id),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaint_views.list_complaints",
        lambda w, a, _: complaint_views.list_complaints(w.db, a),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS, "complaints.handlers", lambda w, a, _: complaints.handlers(w.db, a)
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.add_note",
        lambda w, a, c: complaints.add_note(w.db, a, c.id, "已致电"),
        lambda w: w.new_complaint(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.first_answer",
        lambda w, a, c: complaints.first_answer(w.db, a, c.id, "正在调查"),
        lambda w: w.new_complaint(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.propose_solution",
        lambda w, a, c: complaints.propose_solution(w.db, a, c.id, "明天上门"),
        lambda w: w.new_complaint(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.customer_response",
        lambda w, a, c: complaints.customer_response(w.db, a, c.id, True, satisfaction=4),
        lambda w: w.answered_complaint(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.escalate_overdue",
        lambda w, a, _: complaints.escalate_overdue(w.db, a),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "followups.complaint_draft_for_call",
        lambda w, a, call: followups.complaint_draft_for_call(w.db, a, call.id),
        lambda w: w.reached_call(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "followups.complaint_from_followup",
        lambda w, a, call: followups.complaint_from_followup(w.db, a, call.id),
        lambda w: w.reached_call(),
    ),
    Call(
        Perm.CLOSE_COMPLAINTS,
        "complaints.close",
        lambda w, a, c: complaints.close(w.db, a, c.id, "客户不再回应"),
        lambda w: w.answered_complaint(),
    ),
    Call(
        Perm.RECORD_FOLLOWUPS,
        "followups.followup_queue",
        lambda w, a, _: followups.followup_queue(w.db, a),
    ),
    Call(
        Perm.RECORD_FOLLOWUPS,
        "followups.unreachable",
        lambda w, a, _: followups.unreachable(w.db, a),
    ),
    Call(
        Perm.RECORD_FOLLOWUPS,
        "followups.record_call",
        lambda w, a, t: followups.record_call(w.db, a, t.id, FollowupOutcome.REACHED, RATINGS),
        lambda w: w.completed(),
    ),
    Call(
        Perm.RECORD_FEEDBACK,
        "feedback.form_ticket",
        lambda w, a, _: feedback.form_ticket(w.db, a, w.done.number),
    ),
    Call(
        Perm.RECORD_FEEDBACK,
        "feedback.enter_feedback_form",
        lambda w, a, t: feedback.enter_feedback_form(w.db, a, t.number, RATINGS, "很好"),
        lambda w: w.completed(),
    ),
    Call(
        Perm.HANDLE_COMPLAINTS,
        "complaints.assign",
        lambda w, a, c: complaints.assign(w.db, a, c.id, w.actors[frozenset({Role.CLERK})].user_id),
        lambda w: w.new_complaint(),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "followups.set_retry_schedule",
        lambda w, a, _: followups.set_retry_schedule(w.db, a, DEFAULT_RETRY_SCHEDULE),
    ),
    Call(
        Perm.VIEW_STOCK,
        "reports.export_low_stock_csv",
        lambda w, a, _: reports.export_low_stock_csv(w.db, a, w.tmp / f"low-{w.n()}.csv"),
    ),
    # administration
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_setting",
        lambda w, a, _: settings.set_setting(w.db, a, settings.Key.TIMEZONE, "Asia/Shanghai"),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_standard",
        lambda w, a, _: settings.set_standard(w.db, a, TicketKind.REPAIR, Urgency.NORMAL, STANDARD),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_standards",
        lambda w, a, _: settings.set_standards(
            w.db, a, {(TicketKind.REPAIR, Urgency.NORMAL): STANDARD}
        ),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_complaint_standards",
        lambda w, a, _: settings.set_complaint_standards(w.db, a, {Severity.LOW: (24, 72)}),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_calendar",
        lambda w, a, cal: settings.set_calendar(w.db, a, cal),
        lambda w: settings.working_calendar(w.db),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_company_header",
        lambda w, a, _: settings.set_company_header(w.db, a, name="某某售后服务中心"),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_desk_defaults",
        lambda w, a, _: settings.set_desk_defaults(
            w.db, a, area_code="010", charge_standard={"zh_CN": "上门费 30 元"}
        ),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_followup_retry",
        lambda w, a, _: settings.set_followup_retry(w.db, a, DEFAULT_RETRY_SCHEDULE),
    ),
    Call(Perm.MANAGE_USERS, "users.list_users", lambda w, a, _: users.list_users(w.db, a)),
    Call(
        Perm.MANAGE_USERS,
        "users.create_user",
        lambda w, a, _: users.create_user(w.db, a, f"new{w.n()}", "secret-1", Role.CLERK, "新人"),
    ),
    Call(
        Perm.MANAGE_USERS,
        "users.set_active",
        lambda w, a, u: users.set_active(w.db, a, u.id, False),
        lambda w: users.create_user(w.db, w.manager, f"old{w.n()}", "secret-1", Role.CLERK, "旧人"),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "technicians.create_technician",
        lambda w, a, _: technicians.create_technician(w.db, a, TechnicianDraft(f"师傅{w.n()}")),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "technicians.update_technician",
        lambda w, a, t: technicians.update_technician(
            w.db, a, t.id, TechnicianDraft(f"{t.name}改", daily_capacity=5)
        ),
        lambda w: technicians.create_technician(w.db, w.manager, TechnicianDraft(f"师傅{w.n()}")),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "technicians.set_technician_active",
        lambda w, a, t: technicians.set_technician_active(w.db, a, t.id, False),
        lambda w: technicians.create_technician(w.db, w.manager, TechnicianDraft(f"师傅{w.n()}")),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "areas.create_area",
        lambda w, a, _: areas.create_area(w.db, a, f"区{w.n()}"),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "areas.rename_area",
        lambda w, a, x: areas.rename_area(w.db, a, x.id, f"{x.name}新"),
        lambda w: areas.create_area(w.db, w.manager, f"区{w.n()}"),
    ),
    Call(
        Perm.MANAGE_TECHNICIANS,
        "areas.set_area_active",
        lambda w, a, x: areas.set_area_active(w.db, a, x.id, False),
        lambda w: areas.create_area(w.db, w.manager, f"区{w.n()}"),
    ),
    Call(
        Perm.MANAGE_USERS,
        "users.get_user",
        lambda w, a, _: users.get_user(w.db, a, w.manager.user_id),
    ),
    Call(
        Perm.MANAGE_USERS,
        "users.set_roles",
        lambda w, a, u: users.set_roles(w.db, a, u.id, Role.CLERK, [Role.FOLLOWUP]),
        lambda w: users.create_user(w.db, w.manager, f"r{w.n()}", "secret-1", Role.CLERK, "新人"),
    ),
    Call(
        Perm.MANAGE_USERS,
        "users.reset_password",
        lambda w, a, u: users.reset_password(w.db, a, u.id, "fresh-pass-1"),
        lambda w: users.create_user(w.db, w.manager, f"p{w.n()}", "secret-1", Role.CLERK, "新人"),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_sign_in_policy",
        lambda w, a, _: settings.set_sign_in_policy(w.db, a, settings.SignInPolicy()),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_print_languages",
        lambda w, a, _: settings.set_print_languages(w.db, a, {"requisition": "en"}),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_timezone",
        lambda w, a, _: settings.set_timezone(w.db, a, "Asia/Shanghai"),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_default_area_code",
        lambda w, a, _: settings.set_default_area_code(w.db, a, "010"),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_maintenance_months",
        lambda w, a, _: settings.set_maintenance_months(w.db, a, {"空调": 12}),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_complaint_standard",
        lambda w, a, _: settings.set_complaint_standard(w.db, a, Severity.LOW, 24, 72),
    ),
    Call(
        Perm.MANAGE_SETTINGS,
        "settings.set_charge_standard",
        lambda w, a, _: settings.set_charge_standard(w.db, a, {"zh_CN": "上门费 30 元"}),
    ),
    Call(
        Perm.VIEW_AUDIT,
        "audit.history",
        lambda w, a, _: audit.history(w.db, a, "customer", w.customer.id),
    ),
    Call(
        Perm.PURGE_HISTORY,
        "retention.purge_history",
        lambda w, a, _: retention.purge_history(w.db, a, date(2020, 1, 1)),
    ),
]


def _pair(w: World) -> tuple[int, int]:
    return w.customer.id, customers.create_customer(w.db, w.manager, _draft(w)).id


def _merged(w: World) -> merge.MergeView:
    one = customers.create_customer(w.db, w.manager, _draft(w))
    two = customers.create_customer(w.db, w.manager, _draft(w))
    return merge.merge_customers(
        w.db,
        w.manager,
        one.id,
        two.id,
        survivor_version=one.version,
        duplicate_version=two.version,
    )


def _stocktake(w: World) -> stocktake.StocktakeView:
    loc = parts.create_location(w.db, w.manager, f"T{w.n()}", "盘点库位", StockLocationKind.STORE)
    return stocktake.start_stocktake(w.db, w.manager, loc.id)
