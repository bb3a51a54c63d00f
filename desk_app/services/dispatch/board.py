"""What the dispatch board shows: technicians' days, the unassigned queue, who fits a ticket.

One read builds the whole board for a day in a handful of queries (no query
per ticket): the open tickets, their clock pauses, the technicians and the
visits booked that day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from desk_app.db.models import Appliance, Customer, Technician, Ticket, TicketPause
from desk_app.domain.clock import ClockState, ClockStatus, Interval, WorkingCalendar, clock_state
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency
from desk_app.domain.permissions import Perm, require
from desk_app.domain.ticket_states import OPEN_STATES, PAUSED_STATES
from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database
from desk_app.services.tickets import tickets

S = TicketStatus
SLOT = timedelta(minutes=30)


@dataclass(frozen=True)
class BoardTicket:
    id: int
    number: str
    kind: TicketKind
    urgency: Urgency
    status: TicketStatus
    customer_name: str
    area: str | None
    appliance: str | None
    technician_id: int | None
    appointment_start: datetime | None
    appointment_end: datetime | None
    clock: ClockState  # the standard the ticket must meet next
    version: int
    # What ``clock`` was computed from, so a screen can move it on as time passes
    # without reading the database again (see ``clock_at``).
    clock_start: datetime | None = None
    clock_hours: float = 0.0
    clock_done: datetime | None = None
    working_hours_only: bool = False
    pauses: tuple[Interval, ...] = ()
    # The time the customer asked for at intake: shown on the queue and the cards, and
    # the default time when the ticket is booked.
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None

    @property
    def paused(self) -> bool:
        return self.status in PAUSED_STATES


@dataclass(frozen=True)
class BoardTechnician:
    id: int
    name: str
    areas: tuple[str, ...]
    skills: tuple[str, ...]
    work_start: datetime
    work_end: datetime
    capacity: int
    reserve: int
    visits: int  # booked visits that day

    @property
    def bookable(self) -> int:
        """Visits still bookable for ordinary work (the reserve is kept for emergencies)."""
        return max(0, self.capacity - self.reserve - self.visits)

    @property
    def over_capacity(self) -> bool:
        return self.visits > self.capacity


@dataclass(frozen=True)
class Board:
    day: date
    tz: ZoneInfo
    technicians: list[BoardTechnician]
    booked: dict[int, list[BoardTicket]]  # technician id -> that day's visits, by time
    unscheduled: dict[int, list[BoardTicket]]  # assigned, no visit booked yet
    queue: list[BoardTicket]  # unassigned, most urgent first
    calendar: WorkingCalendar | None = None  # the shop's working time (clocks counted in it)
    loaded_at: datetime | None = None  # the ``now`` every clock above was computed for


@dataclass(frozen=True)
class Filters:
    areas: frozenset[str] = frozenset()
    kinds: frozenset[TicketKind] = frozenset()
    urgencies: frozenset[Urgency] = frozenset()
    technician_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Candidate:
    technician: BoardTechnician
    score: float
    reasons: list[str] = field(default_factory=list)  # plain codes the UI translates
    earliest_slot: datetime | None = None


def _queue_key(t: BoardTicket) -> tuple[int, float, int]:
    # Most urgent first, then the least time left before breaking the standard.
    return (-t.urgency.rank, t.clock.remaining_seconds, t.id)


def _day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tz)
    return start, datetime.combine(day + timedelta(days=1), time(0), tz)


_Row = Select[Ticket, str, str, str]


def _booked_between(start: datetime, end: datetime) -> ColumnElement[bool]:
    """A visit booked that overlaps [start, end): what the board counts for the day."""
    return (Ticket.appointment_start < end) & (Ticket.appointment_end > start)


# The board's order of a technician's visits, and of anything printed from it.
VISIT_ORDER = (Ticket.appointment_start, Ticket.id)


def booked_visits(
    s: Session,
    technician_ids: Collection[int],
    day: date,
    *,
    filters: Filters | None = None,
    statuses: Collection[TicketStatus] = OPEN_STATES,
) -> list[Ticket]:
    """The visits of ``day`` (the shop's day) booked for these technicians, as the board
    counts them (open tickets only, unless ``statuses`` says otherwise; the board's
    filters), in the board's order: by technician id, then time, then ticket id."""
    start, end = _day_bounds(day, settings.timezone(s))
    stmt = select(Ticket).where(
        Ticket.technician_id.in_(list(technician_ids)),
        Ticket.status.in_(list(statuses)),
        _booked_between(start, end),
    )
    f = filters or Filters()
    if f.areas:
        stmt = stmt.where(Ticket.area.in_(f.areas))
    if f.kinds:
        stmt = stmt.where(Ticket.kind.in_(f.kinds))
    if f.urgencies:
        stmt = stmt.where(Ticket.urgency.in_(f.urgencies))
    return list(s.scalars(stmt.order_by(Ticket.technician_id, *VISIT_ORDER)))


def _load_tickets(s: Session, stmt: _Row, now: datetime) -> list[BoardTicket]:
    rows = s.execute(stmt).all()
    ids = [t.id for t, *_ in rows]
    pauses: dict[int, list[Interval]] = defaultdict(list)
    if ids:
        for p in s.scalars(select(TicketPause).where(TicketPause.ticket_id.in_(ids))):
            pauses[p.ticket_id].append(Interval(p.started_at, p.ended_at))
    cal = settings.calendar(s)
    out = []
    for t, name, category, model in rows:
        clocks = tickets.compute_clocks(t, now, cal, pauses[t.id])
        hours, done = next(
            (h, d)
            for c, h, d in (
                (clocks.respond, t.respond_hours, t.responded_at),
                (clocks.visit, t.visit_hours, t.arrived_at),
                (clocks.repair, t.repair_hours, t.completed_at),
            )
            if c is clocks.worst
        )
        out.append(
            BoardTicket(
                t.id,
                t.number,
                t.kind,
                t.urgency,
                t.status,
                name,
                t.area,
                " ".join(x for x in (category, model) if x) or None,
                t.technician_id,
                t.appointment_start,
                t.appointment_end,
                clocks.worst,
                t.version,
                t.received_at,
                hours,
                done or t.cancelled_at,
                t.working_hours_only,
                tuple(pauses[t.id]),
                t.preferred_start,
                t.preferred_end,
            )
        )
    return out


def _ticket_select() -> _Row:
    return (
        select(Ticket, Customer.name, Appliance.category, Appliance.model)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(Appliance, Appliance.id == Ticket.appliance_id)
    )


def _apply(stmt: _Row, f: Filters) -> _Row:
    if f.areas:
        stmt = stmt.where(Ticket.area.in_(f.areas))
    if f.kinds:
        stmt = stmt.where(Ticket.kind.in_(f.kinds))
    if f.urgencies:
        stmt = stmt.where(Ticket.urgency.in_(f.urgencies))
    return stmt


def load_board(db: Database, actor: Actor, day: date, filters: Filters | None = None) -> Board:
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    f = filters or Filters()

    def q(s: Session) -> Board:
        now = db.now()
        tz = settings.timezone(s)
        start, end = _day_bounds(day, tz)
        techs = list(
            s.scalars(select(Technician).where(Technician.active).order_by(Technician.name))
        )
        if f.technician_ids:
            techs = [t for t in techs if t.id in f.technician_ids]
        queue_stmt = _apply(
            _ticket_select().where(Ticket.technician_id.is_(None), Ticket.status.in_(OPEN_STATES)),
            f,
        )
        tech_ids = [t.id for t in techs]
        assigned_stmt = _apply(
            _ticket_select().where(
                Ticket.technician_id.in_(tech_ids),
                Ticket.status.in_(OPEN_STATES),
                or_(Ticket.appointment_start.is_(None), _booked_between(start, end)),
            ),
            f,
        )
        queue = sorted(_load_tickets(s, queue_stmt, now), key=_queue_key)
        booked: dict[int, list[BoardTicket]] = defaultdict(list)
        unscheduled: dict[int, list[BoardTicket]] = defaultdict(list)
        for t in _load_tickets(s, assigned_stmt, now):
            assert t.technician_id is not None
            (booked if t.appointment_start else unscheduled)[t.technician_id].append(t)
        for visits in booked.values():  # VISIT_ORDER
            visits.sort(key=lambda t: (t.appointment_start or start, t.id))
        board_techs = [
            BoardTechnician(
                t.id,
                t.name,
                tuple(t.areas or ()),
                tuple(t.skills or ()),
                datetime.combine(day, t.work_start, tz),
                datetime.combine(day, t.work_end, tz),
                t.daily_capacity,
                t.emergency_reserve,
                len(booked.get(t.id, [])),
            )
            for t in techs
        ]
        return Board(
            day,
            tz,
            board_techs,
            dict(booked),
            dict(unscheduled),
            queue,
            settings.calendar(s),
            now,
        )

    return db.read(q)


def clock_at(board: Board, ticket: BoardTicket, now: datetime) -> ClockState:
    """The ticket's clock as of ``now``, from what the board loaded (no database read).

    Exactly what ``load_board`` would compute at ``now`` as long as nothing about
    the ticket changed (a change reaches the board as a reload anyway).
    """
    if ticket.clock_start is None:
        return ticket.clock
    return clock_state(
        ticket.clock_start,
        ticket.clock_hours,
        now,
        done_at=ticket.clock_done,
        calendar=board.calendar if ticket.working_hours_only else None,
        pauses=ticket.pauses,
    )


def free_slots(
    tech: BoardTechnician, visits: list[BoardTicket], length: timedelta = timedelta(hours=1)
) -> list[tuple[datetime, datetime]]:
    """Gaps of at least ``length`` in the technician's working day, on the half hour."""
    busy = sorted(
        (v.appointment_start, v.appointment_end)
        for v in visits
        if v.appointment_start and v.appointment_end
    )
    slots = []
    cursor = tech.work_start
    for b_start, b_end in [*busy, (tech.work_end, tech.work_end)]:
        if b_start - cursor >= length:
            slots.append((cursor, b_start))
        cursor = max(cursor, b_end)
    return slots


def working_periods(board: Board, tech: BoardTechnician) -> list[tuple[datetime, datetime]]:
    """When the technician works on the board's day: their hours within the shop's
    working periods (a lunch break splits the day; none on a day the shop is closed)."""
    if board.calendar is None:
        return [(tech.work_start, tech.work_end)]
    periods = []
    for a, b in board.calendar.periods_on(board.day):
        start, end = max(a, tech.work_start), min(b, tech.work_end)
        if start < end:
            periods.append((start, end))
    return periods


def rank_technicians(board: Board, ticket: BoardTicket, *, now: datetime) -> list[Candidate]:
    """Technicians who fit the ticket, best first, with the reasons.

    Area match counts most, then skill, then spare capacity that day, then the
    earliest free slot (not before the time the customer asked for). A technician
    over capacity is ranked last, never hidden: the dispatcher may still override.
    """
    out = []
    for tech in board.technicians:
        visits = board.booked.get(tech.id, [])
        score = 0.0
        reasons: list[str] = []
        if ticket.area and ticket.area in tech.areas:
            score += 40
            reasons.append("area")
        elif tech.areas:
            reasons.append("other_area")
        if ticket.kind.value in tech.skills:
            score += 25
            reasons.append("skill")
        elif tech.skills:
            score -= 10
            reasons.append("no_skill")
        spare = tech.capacity - tech.visits
        emergency = ticket.urgency is not Urgency.NORMAL
        if tech.bookable > 0 or (emergency and spare > 0):
            score += 5 * min(spare, 4)
            reasons.append("capacity")
        else:
            score -= 100  # outweighs area and skill: a full day is a last resort
            reasons.append("full")
        slot = None
        working = working_periods(board, tech)
        gaps = [
            (max(a, wa), min(b, wb))
            for a, b in free_slots(tech, visits)
            for wa, wb in working
            if min(b, wb) > max(a, wa)
        ]  # free and within working time: a slot never runs into the break
        # Not before the time the customer asked for at intake, if that is still ahead.
        wish = ticket.preferred_start
        floor = wish if wish is not None and wish > now else now
        for a, b in gaps:
            begin = a if a >= floor else _round_up(floor)
            if b - begin >= SLOT * 2:
                slot = begin
                break
        if slot is not None:
            hours_away = (slot - floor).total_seconds() / 3600
            score += max(0.0, 10 - hours_away)
            reasons.append("free_slot")
            if (
                wish is not None
                and ticket.preferred_end is not None
                and slot < ticket.preferred_end
            ):
                reasons.append("preferred_time")
        out.append(Candidate(tech, score, reasons, slot))
    out.sort(
        key=lambda c: (
            -c.score,
            c.earliest_slot or datetime.max.replace(tzinfo=now.tzinfo),
            c.technician.name,
        )
    )
    return out


def _round_up(moment: datetime) -> datetime:
    """The next half hour, or ``moment`` itself when it is on one."""
    if moment.minute % 30 == 0 and moment.second == 0 and moment.microsecond == 0:
        return moment
    minutes = (moment.minute // 30 + 1) * 30
    return moment.replace(minute=0, second=0, microsecond=0) + timedelta(minutes=minutes)


def clock_colour(state: ClockState) -> str:
    """ok / at_risk / overdue / paused / done: the card colour key."""
    return {
        ClockStatus.OK: "ok",
        ClockStatus.AT_RISK: "at_risk",
        ClockStatus.OVERDUE: "overdue",
        ClockStatus.PAUSED: "paused",
        ClockStatus.MET: "done",
        ClockStatus.MISSED: "overdue",
    }[state.status]
