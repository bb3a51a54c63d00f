"""Demo tickets, oldest first: events, visits, pauses, charges, feedback and follow-up calls.

Open tickets are recent, the history is mostly closed; every status appears
(also in a tiny demo). Visits, feedback forms and calls are written as the
services write them (``dispatch``, ``tickets``, ``followups``), with the event
actions those use: "created", "assign", "appointment", "status", "reschedule".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from desk_app.db.models import Appointment, Feedback, FollowupCall, Ticket, TicketEvent, TicketPause
from desk_app.domain.enums import WarrantyStatus
from desk_app.domain.warranty import is_chargeable, warranty_status
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.aftercare import aftercare, complaint_seed
from desk_app.services.demo.bulk import Batch, Row, opt_utc, utc
from desk_app.services.demo.routes import (
    ALL_STATUSES,
    APPOINTED,
    CANCELLED,
    CLOSED,
    COMPLETED,
    CONSULTATION,
    DISPATCHED,
    FOLLOWED_UP,
    IN_SERVICE,
    INSTALLATION,
    MAINTENANCE,
    NEW,
    REPAIR,
    RETURN_EXCHANGE,
    RETURN_TO_FACTORY,
    WAITING_CUSTOMER,
    WAITING_PARTS,
    WITH_PARTS,
    Life,
    plan,
)
from desk_app.services.demo.world import (
    DAY,
    HOUR,
    ComplaintSeed,
    TechInfo,
    Usage,
    Weighted,
    World,
)

# Status by the ticket's age: open work is recent, the history is settled; a few
# tickets of the last months are still stuck waiting.
# fmt: off
_BY_AGE: tuple[tuple[int, Weighted[str]], ...] = (
    (1 * DAY, Weighted([(NEW, 34), (DISPATCHED, 24), (APPOINTED, 20), (IN_SERVICE, 5),
                        (COMPLETED, 8), (WAITING_CUSTOMER, 4), (WAITING_PARTS, 2),
                        (CANCELLED, 3)])),
    (3 * DAY, Weighted([(NEW, 7), (DISPATCHED, 10), (APPOINTED, 20), (IN_SERVICE, 5),
                        (WAITING_PARTS, 10), (WAITING_CUSTOMER, 5), (COMPLETED, 30),
                        (FOLLOWED_UP, 6), (CLOSED, 4), (CANCELLED, 3)])),
    (10 * DAY, Weighted([(NEW, 2), (DISPATCHED, 3), (APPOINTED, 5), (IN_SERVICE, 2),
                         (WAITING_PARTS, 8), (WAITING_CUSTOMER, 4), (COMPLETED, 18),
                         (FOLLOWED_UP, 25), (CLOSED, 28), (CANCELLED, 5)])),
    (30 * DAY, Weighted([(WAITING_PARTS, 2), (WAITING_CUSTOMER, 1), (COMPLETED, 5),
                         (FOLLOWED_UP, 14), (CLOSED, 72), (CANCELLED, 6)])),
    (90 * DAY, Weighted([(WAITING_PARTS, 1), (COMPLETED, 2), (FOLLOWED_UP, 5), (CLOSED, 86),
                         (CANCELLED, 6)])),
    (10**12, Weighted([(FOLLOWED_UP, 2), (CLOSED, 92), (CANCELLED, 6)])),
)
# fmt: on
_KINDS = Weighted(
    [
        (REPAIR, 62),
        (INSTALLATION, 10),
        (MAINTENANCE, 10),
        (CONSULTATION, 10),
        (RETURN_EXCHANGE, 4),
        (RETURN_TO_FACTORY, 4),
    ]
)
_CHANNELS = Weighted([("phone", 70), ("online", 15), ("walk_in", 12), ("letter", 3)])
_URGENCIES = Weighted([("normal", 80), ("urgent", 15), ("critical", 5)])
_OVERALL = Weighted([(5, 63), (4, 28), (3, 6), (2, 2), (1, 1)])
_NEAR = (-1, 0, 0, 0, 0, 1)  # the other four ratings sit near the overall one
_HOURS = Weighted([(h, 12 if h < 12 else 9 if h < 18 else 4) for h in range(8, 21)])
_LABOUR_YUAN = {
    "repair": (80, 300),
    "installation": (100, 300),
    "maintenance": (80, 200),
    "return_to_factory": (150, 150),
}

TICKET_COLUMNS = (
    "id",
    "number",
    "kind",
    "urgency",
    "status",
    "channel",
    "customer_id",
    "appliance_id",
    "address",
    "area",
    "contact_phone",
    "fault_description",
    "notes",
    "warranty",
    "chargeable",
    "misuse",
    "preferred_start",
    "preferred_end",
    "technician_id",
    "appointment_start",
    "appointment_end",
    "received_at",
    "responded_at",
    "arrived_at",
    "completed_at",
    "closed_at",
    "cancelled_at",
    "cancel_reason",
    "respond_hours",
    "visit_hours",
    "repair_hours",
    "working_hours_only",
    "respond_due",
    "visit_due",
    "repair_due",
    "fault_cause",
    "work_done",
    "resolved",
    "visit_count",
    "labour_cents",
    "parts_cents",
    "travel_cents",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
)
EVENT_COLUMNS = (
    "id",
    "ticket_id",
    "at",
    "user_id",
    "action",
    "from_status",
    "to_status",
    "reason",
    "data",
)
PAUSE_COLUMNS = ("id", "ticket_id", "started_at", "ended_at", "reason")
APPOINTMENT_COLUMNS = (
    "id",
    "ticket_id",
    "technician_id",
    "starts_at",
    "ends_at",
    "state",
    "reason",
    "override_reason",
    "created_at",
    "created_by",
)
FEEDBACK_COLUMNS = (
    "id",
    "ticket_id",
    "source",
    "attitude",
    "professionalism",
    "timeliness",
    "effectiveness",
    "overall",
    "comments",
    "recorded_at",
    "recorded_by",
)
FOLLOWUP_COLUMNS = (
    "id",
    "ticket_id",
    "attempt",
    "called_at",
    "called_by",
    "outcome",
    "notes",
    "next_attempt_at",
    "feedback_id",
)


class TicketHistory:
    """Generates tickets in chunks, oldest first, and keeps what later phases need."""

    def __init__(self, world: World, count: int) -> None:
        self.w = world
        self.count = count
        self.received = self._arrival_times(count)
        self.done = 0
        self.usages: list[Usage] = []
        self.complaint_seeds: list[ComplaintSeed] = []
        self._seen: set[str] = set()
        day_ago = world.now - DAY
        self._last_day_old = max(
            (i for i, ts in enumerate(self.received) if ts <= day_ago), default=count - 1
        )

    def _arrival_times(self, count: int) -> list[int]:
        """Sorted receipt times: two years with a summer peak and growth, busier lately."""
        w, rng = self.w, self.w.rng
        if count == 0:
            return []
        recent_start = w.now - 10 * DAY
        recent = min(count, max(round(count * 0.02), 40))
        first_day = w.local.local_date(w.now - 730 * DAY)
        last_day = w.local.local_date(recent_start)
        days = [date.fromordinal(d) for d in range(first_day.toordinal(), last_day.toordinal())]
        day_weights = []
        for i, day in enumerate(days):
            summer = 1.0 + 0.6 * max(0.0, 1.0 - abs(day.month + day.day / 31 - 7.5) / 2.5)
            day_weights.append((w.local.midnight(day), summer * (0.8 + 0.4 * i / len(days))))
        pick_day = Weighted(day_weights)
        times: list[int] = []
        for _ in range(count - recent if days else 0):
            ts = pick_day.pick(rng) + _HOURS.pick(rng) * HOUR + rng.randrange(HOUR)
            times.append(min(ts, recent_start - 1))
        span = max(1, w.now - 600 - recent_start)
        while len(times) < count:
            ts = recent_start + rng.randrange(span)
            if 8 * HOUR <= w.local.seconds_of_day(ts) < 21 * HOUR or rng.random() < 0.05:
                times.append(ts)
        times.sort()
        return times

    def chunk(self, size: int) -> Batch:
        """The next ``size`` tickets with their visits, events, pauses, feedback and calls."""
        stop = min(self.count, self.done + size)
        first_id = self.w.ids.take(Ticket, stop - self.done)
        out = _Rows()
        for i in range(self.done, stop):
            self._ticket(first_id + i - self.done, i, out)
        self.done = stop
        batch = Batch(counters=self.w.numbers.pending())
        batch.rows(Ticket, TICKET_COLUMNS, out.tickets)
        batch.rows(Appointment, APPOINTMENT_COLUMNS, out.appointments)
        batch.rows(TicketEvent, EVENT_COLUMNS, out.events)
        batch.rows(TicketPause, PAUSE_COLUMNS, out.pauses)
        batch.rows(Feedback, FEEDBACK_COLUMNS, out.feedback)
        batch.rows(FollowupCall, FOLLOWUP_COLUMNS, out.calls)
        return batch

    # ------------------------------------------------------------ one ticket

    def _customer(self, t0: int) -> tuple[int, int | None]:
        """A customer (regulars call more often) and one of their appliances bought by ``t0``."""
        rng, book = self.w.rng, self.w.book
        ncust = len(book.address)
        cust = min(ncust - 1, int(ncust * rng.random() ** 1.15))
        first, napp = book.first_appliance[cust], book.appliance_count[cust]
        for _ in range(2 if napp else 0):
            j = first + rng.randrange(napp)
            if book.app_purchase[j] <= t0:
                return cust, j
        return cust, None

    def _status(self, index: int, age: int) -> str:
        rng = self.w.rng
        status = next(pick for limit, pick in _BY_AGE if age < limit).pick(rng)
        if len(self._seen) < len(ALL_STATUSES):
            missing = [s for s in ALL_STATUSES if s not in self._seen]
            old = index <= self._last_day_old and self._last_day_old - index < len(missing)
            if old or self.count - index <= len(missing):
                status = missing[0]  # every status shows up, also in a tiny demo
        return status

    def _ticket(self, ticket_id: int, index: int, out: _Rows) -> None:
        w, rng, book = self.w, self.w.rng, self.w.book
        t0 = self.received[index]
        cust, appliance = self._customer(t0)
        kind = _KINDS.pick(rng)
        if appliance is None:
            kind = CONSULTATION
        elif t0 - book.app_purchase[appliance] < 20 * DAY and rng.random() < 0.7:
            kind = INSTALLATION
        status = self._status(index, w.now - t0)
        if kind == CONSULTATION and status not in (NEW, WAITING_CUSTOMER, CLOSED, CANCELLED):
            # A consultation is answered at the desk; the other states need a visit.
            for _ in range(20 if appliance is None else 0):
                cust, appliance = self._customer(t0)
                if appliance is not None:
                    break
            if appliance is not None:
                kind = REPAIR
            elif status in (DISPATCHED, APPOINTED, IN_SERVICE, WAITING_PARTS):
                status = NEW
            else:
                status = CLOSED
        cat = book.app_category[appliance] if appliance is not None else -1
        category = V.CATEGORIES[cat] if cat >= 0 else None
        urgency = _URGENCIES.pick(rng)
        if category is not None and category.name == "燃气灶" and rng.random() < 0.3:
            urgency = "critical"  # gas smell
        respond_h, visit_h, repair_h = w.standards[(kind, urgency)]
        local_day = w.local.local_date(t0)
        warranty = WarrantyStatus.UNKNOWN
        if appliance is not None:
            warranty = warranty_status(book.app_warranty_end[appliance], local_day)
        misuse = kind == REPAIR and rng.random() < 0.06
        chargeable = kind != CONSULTATION and is_chargeable(warranty, misuse=misuse)
        clerk = rng.choice(w.staff.clerks)

        steps = plan(rng, w.local, w.now, t0, status, kind, urgency, respond_h)
        dispatched = any(s == DISPATCHED for s, _at in steps)
        tech = self._technician(book.area[cust], cat) if dispatched else None
        life = Life(t0, clerk)
        done: dict[str, Any] = {}  # what the completion recorded
        windows = self._replay(ticket_id, life, steps, tech, kind, chargeable, category, done, out)

        parts_cents = 0
        if kind in WITH_PARTS and appliance is not None and tech and life.arrived is not None:
            parts_cents = self._parts(ticket_id, tech, life, appliance, chargeable)
        last = life.events[-1]
        preferred: tuple[int | None, int | None] = (None, None)
        if rng.random() < 0.2:
            start = w.local.midnight(local_day) + DAY + (14 if rng.random() < 0.5 else 9) * HOUR
            preferred = (start, start + 4 * HOUR)
        window = windows[-1] if windows else None
        out.tickets.append(
            (
                ticket_id,
                w.numbers.next("ticket", t0),
                kind,
                urgency,
                life.status,
                _CHANNELS.pick(rng),
                book.first_id + cust,
                book.app_first_id + appliance if appliance is not None else None,
                book.address[cust],
                book.area[cust],
                book.phone[cust],
                self._fault(kind, category),
                "客户要求上门前电话联系" if rng.random() < 0.05 else None,
                warranty.value,
                chargeable,
                misuse,
                opt_utc(preferred[0]),
                opt_utc(preferred[1]),
                tech.id if tech else None,
                utc(window[0]) if window else None,
                utc(window[1]) if window else None,
                utc(t0),
                opt_utc(life.responded),
                opt_utc(life.arrived),
                opt_utc(life.completed),
                opt_utc(life.closed),
                opt_utc(life.cancelled),
                life.cancel_reason,
                respond_h,
                visit_h,
                repair_h,
                False,
                utc(t0 + int(respond_h * HOUR)),
                utc(t0 + int(visit_h * HOUR)),
                utc(t0 + int(repair_h * HOUR)),
                done.get("cause"),
                done.get("work"),
                done.get("resolved"),
                life.visits,
                done.get("labour", 0),
                parts_cents,
                done.get("travel", 0),
                utc(t0),
                clerk,
                utc(last[0]),
                last[6],
                len(life.events),
            )
        )
        event_id = w.ids.take(TicketEvent, len(life.events))
        events, stamp = out.events, datetime.fromtimestamp
        for n, (at, frm, to, action, reason, data, user) in enumerate(life.events):
            events.append(
                (event_id + n, ticket_id, stamp(at, UTC), user, action, frm, to, reason, data)
            )
        for started, ended, why in life.pauses:
            out.pauses.append(
                (w.ids.take(TicketPause), ticket_id, utc(started), opt_utc(ended), why)
            )
        low = False
        if life.completed is not None and kind != CONSULTATION:
            low = aftercare(w, ticket_id, life, out.feedback, out.calls)
        self._seen.add(life.status)
        seed = complaint_seed(w, ticket_id, book.first_id + cust, tech, life, chargeable, low)
        if seed is not None:
            self.complaint_seeds.append(seed)

    def _replay(
        self,
        ticket_id: int,
        life: Life,
        steps: list[tuple[str, int]],
        tech: TechInfo | None,
        kind: str,
        chargeable: bool,
        category: V.Category | None,
        done: dict[str, Any],
        out: _Rows,
    ) -> list[tuple[int, int]]:
        """Play the route through ``life`` and book its visits; returns the visit windows."""
        rng, staff = self.w.rng, self.w.staff
        dispatcher = rng.choice(staff.dispatchers)
        windows: list[tuple[int, int]] = []
        visits: list[list[Any]] = []  # appointment rows; the state changes as the ticket moves
        followup_user = rng.choice(staff.followups)

        def settle(state: str, reason: str | None = None) -> None:
            for row in visits:
                if row[5] == "booked":
                    row[5], row[6] = state, reason

        for n, (status, at) in enumerate(steps):
            following = steps[n + 1] if n + 1 < len(steps) else None
            if status == DISPATCHED:
                assert tech is not None
                previous = tech.id if life.status == WAITING_CUSTOMER and life.responded else None
                life.move(
                    at,
                    DISPATCHED,
                    dispatcher,
                    "assign",
                    data={"technician": tech.id, "previous": previous},
                )
            elif status == APPOINTED:
                assert tech is not None
                settle("kept")
                windows.append(self._book(ticket_id, life, at, following, tech, dispatcher, visits))
            elif status == IN_SERVICE:
                settle("kept")
                life.move(at, IN_SERVICE, dispatcher)
            elif status == WAITING_PARTS:
                life.move(at, WAITING_PARTS, dispatcher)
            elif status == WAITING_CUSTOMER:
                life.move(
                    at,
                    WAITING_CUSTOMER,
                    rng.choice(staff.clerks),
                    reason=rng.choice(V.WAIT_CUSTOMER_REASONS),
                )
            elif status == COMPLETED:
                self._complete(life, at, kind, chargeable, category, done, dispatcher)
            elif status == FOLLOWED_UP:
                life.move(at, FOLLOWED_UP, followup_user)
            elif status == CLOSED:
                if kind == CONSULTATION:
                    closer = life.events[-1][6]
                elif life.status == FOLLOWED_UP:
                    closer = followup_user
                else:
                    closer = staff.manager  # customer never reached: the manager closes it
                life.move(at, CLOSED, closer)
            elif status == CANCELLED:
                settle("cancelled", "工单取消")
                life.move(
                    at, CANCELLED, rng.choice(staff.clerks), reason=rng.choice(V.CANCEL_REASONS)
                )
        out.appointments.extend(tuple(v) for v in visits)
        return windows

    def _book(
        self,
        ticket_id: int,
        life: Life,
        at: int,
        following: tuple[str, int] | None,
        tech: TechInfo,
        dispatcher: int,
        visits: list[list[Any]],
    ) -> tuple[int, int]:
        """已预约: a two-hour window on the half hour; now and then 改约 (moved, with reason)."""
        w, rng = self.w, self.w.rng
        if following is not None and following[0] == IN_SERVICE:
            start = following[1] - rng.randrange(-900, 2700)  # the technician came then
        else:
            start = w.local.at_work(at + int(rng.uniform(3, 48) * HOUR))
        start = max(start - start % 1800, at + 60)
        end = start + 2 * HOUR
        until = following[1] if following else w.now
        moved_at = None
        booked = start
        if rng.random() < 0.08 and until - at > 2 * HOUR:
            moved_at = at + rng.randrange(HOUR, until - at)
            booked = start - DAY if start - DAY > moved_at else start + DAY
        life.move(
            at,
            APPOINTED,
            dispatcher,
            "appointment",
            data={"starts": _iso(booked), "ends": _iso(booked + 2 * HOUR)},
        )
        if moved_at is not None:
            reason = rng.choice(V.RESCHEDULE_REASONS)
            visits.append(
                [
                    w.ids.take(Appointment),
                    ticket_id,
                    tech.id,
                    utc(booked),
                    utc(booked + 2 * HOUR),
                    "rescheduled",
                    reason,
                    None,
                    utc(at),
                    dispatcher,
                ]
            )
            life.note(
                moved_at,
                "reschedule",
                dispatcher,
                reason,
                {"from": _iso(booked), "to": _iso(start)},
            )
        visits.append(
            [
                w.ids.take(Appointment),
                ticket_id,
                tech.id,
                utc(start),
                utc(end),
                "booked",
                None,
                None,
                utc(moved_at or at),
                dispatcher,
            ]
        )
        return start, end

    def _complete(
        self,
        life: Life,
        at: int,
        kind: str,
        chargeable: bool,
        category: V.Category | None,
        done: dict[str, Any],
        user: int,
    ) -> None:
        rng = self.w.rng
        if kind == CONSULTATION:
            answer = "已在电话中解答：" + rng.choice(V.KNOWLEDGE)[3]
            done.update(work=answer, resolved=True)
            life.move(at, COMPLETED, life.events[0][6], reason=answer)
            life.arrived = life.arrived or at  # answered at the desk: no visit needed
            return
        assert category is not None
        cause: str | None = None
        if kind == INSTALLATION:
            work = "安装完成，试机正常，已讲解使用方法"
        elif kind == MAINTENANCE:
            work = "清洗保养完成，运行正常"
        elif kind == RETURN_EXCHANGE:
            cause, work = "新机质量问题", "已为客户办理换机"
        else:
            j = rng.randrange(min(len(category.causes), len(category.fixes)))
            cause, work = category.causes[j], category.fixes[j]
        resolved = rng.random() < 0.96
        if not resolved:
            work += "；未能彻底修复，建议返厂检测"
        labour = travel = 0
        if chargeable and kind in _LABOUR_YUAN:
            low, high = _LABOUR_YUAN[kind]
            labour = (low + rng.randrange(high - low + 1) // 10 * 10) * 100
            travel = 3000 if rng.random() < 0.4 else 0
        done.update(cause=cause, work=work, resolved=resolved, labour=labour, travel=travel)
        life.move(
            at, COMPLETED, user, data={"labour": labour, "travel": travel, "resolved": resolved}
        )

    def _parts(
        self, ticket_id: int, tech: TechInfo, life: Life, appliance: int, chargeable: bool
    ) -> int:
        """Record the parts fitted at the last visit (or waited for); the parts charge."""
        w, rng, book = self.w, self.w.rng, self.w.book
        waiting = life.status == WAITING_PARTS
        detour = any(e[2] == WAITING_PARTS for e in life.events)
        if not (waiting or (life.completed is not None and (detour or rng.random() < 0.45))):
            return 0
        pool = w.parts_by_model.get(book.app_model[appliance]) or w.parts_by_category.get(
            book.app_category[appliance], []
        )
        if not pool:
            return 0
        lines = []
        for p in sorted({rng.choice(pool) for _ in range(1 if rng.random() < 0.85 else 2)}):
            qty = 1 if rng.random() < 0.9 else 2
            lines.append((p, qty, 1 if qty == 2 and rng.random() < 0.3 else 0))
        if waiting:
            w_usage = Usage(life.pauses[-1][0], ticket_id, tech.id, lines, waiting=True)
            self.usages.append(w_usage)
            return 0
        assert life.completed is not None
        last_visit = max(e[0] for e in life.events if e[2] == IN_SERVICE)
        self.usages.append(Usage(max(last_visit, life.completed - 1800), ticket_id, tech.id, lines))
        return sum(w.parts[p].price * (q - back) for p, q, back in lines) if chargeable else 0

    def _technician(self, area: str, category: int) -> TechInfo:
        w, rng = self.w, self.w.rng
        pool = w.tech_index.get((area, category)) or w.tech_index.get((area, -1))
        if pool:
            return w.techs[rng.choice(pool)]
        return w.techs[rng.randrange(len(w.techs))]

    def _fault(self, kind: str, category: V.Category | None) -> str:
        rng = self.w.rng
        if kind == CONSULTATION:
            return rng.choice(V.CONSULTATION_FAULTS)
        assert category is not None
        if kind == INSTALLATION:
            text = rng.choice(V.INSTALL_FAULTS)
        elif kind == MAINTENANCE:
            text = rng.choice(V.MAINTENANCE_FAULTS)
        elif kind == RETURN_EXCHANGE:
            text = rng.choice(V.RETURN_FAULTS)
        elif kind == RETURN_TO_FACTORY:
            text = rng.choice(V.FACTORY_FAULTS)
        else:
            text = "客户反映" + rng.choice(category.symptoms) + rng.choice(V.FAULT_TAILS)
        return category.name + text


def _iso(ts: int) -> str:
    return utc(ts).isoformat()


class _Rows:
    __slots__ = ("appointments", "calls", "events", "feedback", "pauses", "tickets")

    def __init__(self) -> None:
        self.tickets: list[Row] = []
        self.events: list[Row] = []
        self.pauses: list[Row] = []
        self.appointments: list[Row] = []
        self.feedback: list[Row] = []
        self.calls: list[Row] = []
