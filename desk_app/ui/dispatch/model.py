"""The dispatch board's view of its data: clocks moved on in time, the time scale, drag data.

Nothing here reads the database: ``BoardData`` wraps one loaded
``services.board.Board`` and answers what the screen asks (which ticket is
where, each card's clock as of now, who is over capacity). ``TicketRef`` is
what a drag carries; ``TimeScale`` maps the day's times to pixels and back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMimeData

from desk_app.domain.clock import ClockState, ClockStatus
from desk_app.domain.enums import TicketKind, TicketStatus, Urgency
from desk_app.services.dispatch import board as board_service
from desk_app.services.dispatch.board import Board, BoardTechnician, BoardTicket
from desk_app.ui.common import labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
CONTEXT = "DispatchBoard"
TICKET_MIME = "application/x-desk-app-ticket"
SLOT = timedelta(minutes=30)

CLOCK_BACKGROUNDS = {
    ClockStatus.OK: "#eef7ee",
    ClockStatus.AT_RISK: "#fff3dc",
    ClockStatus.OVERDUE: "#fde4e1",
    ClockStatus.PAUSED: "#ececec",
    ClockStatus.MET: "#eef7ee",
    ClockStatus.MISSED: "#fde4e1",
}
URGENCY_COLORS = {Urgency.NORMAL: "#666666", Urgency.URGENT: "#c05800", Urgency.CRITICAL: "#b3261e"}
# Visit length a drop books when the ticket had none yet.
DEFAULT_LENGTH = {TicketKind.INSTALLATION: timedelta(hours=2)}


def reason_labels() -> dict[str, str]:
    """The ranking's reason codes (``services.board.rank_technicians``) in words."""
    return {
        "area": translate("DispatchBoard", "covers the area"),
        "other_area": translate("DispatchBoard", "works other areas"),
        "skill": translate("DispatchBoard", "has the skill"),
        "no_skill": translate("DispatchBoard", "lacks the skill"),
        "capacity": translate("DispatchBoard", "has room that day"),
        "full": translate("DispatchBoard", "day is full"),
        "free_slot": translate("DispatchBoard", "free slot soon"),
        "preferred_time": translate("DispatchBoard", "free when the customer asked"),
    }


def default_length(kind: TicketKind) -> timedelta:
    return DEFAULT_LENGTH.get(kind, timedelta(hours=1))


def fmt_time(value: datetime, tz: ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%H:%M")


def fmt_day(day: date) -> str:
    """The day with its weekday, the local way (a weekday matters to a dispatcher)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd yyyy-MM-dd")


# ---------------------------------------------------------------- drag data


@dataclass(frozen=True)
class TicketRef:
    """A ticket as the dispatcher picked it up: enough to assign it without a read."""

    id: int
    version: int
    number: str
    kind: TicketKind
    urgency: Urgency
    technician_id: int | None = None
    starts: datetime | None = None
    ends: datetime | None = None

    @classmethod
    def of(cls, t: BoardTicket) -> TicketRef:
        return cls(
            t.id,
            t.version,
            t.number,
            t.kind,
            t.urgency,
            t.technician_id,
            t.appointment_start,
            t.appointment_end,
        )

    @property
    def booked(self) -> bool:
        return self.starts is not None and self.ends is not None

    @property
    def length(self) -> timedelta:
        if self.starts is not None and self.ends is not None:
            return self.ends - self.starts
        return default_length(self.kind)

    def to_mime(self) -> QMimeData:
        data = {
            "id": self.id,
            "version": self.version,
            "number": self.number,
            "kind": self.kind.value,
            "urgency": self.urgency.value,
            "technician_id": self.technician_id,
            "starts": self.starts.isoformat() if self.starts else None,
            "ends": self.ends.isoformat() if self.ends else None,
        }
        mime = QMimeData()
        mime.setData(TICKET_MIME, json.dumps(data).encode())
        mime.setText(self.number)
        return mime

    @classmethod
    def from_mime(cls, mime: QMimeData) -> TicketRef | None:
        """The ticket a drop carries, or None for anything else dropped on the board."""
        if not mime.hasFormat(TICKET_MIME):
            return None
        try:
            d = json.loads(bytes(mime.data(TICKET_MIME).data()).decode())
            return cls(
                int(d["id"]),
                int(d["version"]),
                str(d["number"]),
                TicketKind(d["kind"]),
                Urgency(d["urgency"]),
                d["technician_id"],
                datetime.fromisoformat(d["starts"]) if d["starts"] else None,
                datetime.fromisoformat(d["ends"]) if d["ends"] else None,
            )
        except (ValueError, KeyError, TypeError):
            return None


# ---------------------------------------------------------------- the loaded board


class BoardData:
    """One loaded board and its clocks as of the last ``tick``."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.tickets: dict[int, BoardTicket] = {t.id: t for t in board.queue}
        for group in (*board.booked.values(), *board.unscheduled.values()):
            self.tickets.update((t.id, t) for t in group)
        self.technicians: dict[int, BoardTechnician] = {t.id: t for t in board.technicians}
        self.clocks: dict[int, ClockState] = {i: t.clock for i, t in self.tickets.items()}

    @classmethod
    def empty(cls, day: date, tz: ZoneInfo) -> BoardData:
        return cls(Board(day, tz, [], {}, {}, []))

    @property
    def day(self) -> date:
        return self.board.day

    @property
    def tz(self) -> ZoneInfo:
        return self.board.tz

    def tick(self, now: datetime) -> None:
        """Move every clock on to ``now`` from the loaded data (no database read)."""
        self.clocks = {
            i: board_service.clock_at(self.board, t, now) for i, t in self.tickets.items()
        }

    def clock(self, ticket: BoardTicket) -> ClockState:
        return self.clocks.get(ticket.id, ticket.clock)

    def booked(self, technician_id: int) -> list[BoardTicket]:
        return self.board.booked.get(technician_id, [])

    def unscheduled(self, technician_id: int) -> list[BoardTicket]:
        return self.board.unscheduled.get(technician_id, [])

    def over_capacity(self) -> list[BoardTechnician]:
        return [t for t in self.board.technicians if t.over_capacity]

    def free_slots(self, tech: BoardTechnician) -> list[tuple[datetime, datetime]]:
        return board_service.free_slots(tech, self.booked(tech.id))

    def working_periods(self, tech: BoardTechnician) -> list[tuple[datetime, datetime]]:
        return board_service.working_periods(self.board, tech)

    def outside_working_time(
        self, tech: BoardTechnician, starts: datetime, ends: datetime
    ) -> str | None:
        """Why a visit ``starts``–``ends`` lies outside the technician's working time
        that day (in the clerk's words), or None when it fits in one working period."""
        periods = self.working_periods(tech)
        if any(a <= starts and ends <= b for a, b in periods):
            return None
        tz = self.tz
        visit = f"{fmt_time(starts, tz)}–{fmt_time(ends, tz)}"
        local_day = starts.astimezone(tz).date()
        if local_day != self.day or ends.astimezone(tz).date() != local_day:
            # Outside the day shown (a visit past midnight): the hours of that day apply.
            periods = []
        if not periods:
            return (
                translate("BoardActions", "%1 is not a working day; the visit would be %2.")
                .replace("%1", fmt_day(local_day))
                .replace("%2", visit)
            )
        if starts < tech.work_start or ends > tech.work_end:
            return (
                translate("BoardActions", "%1 works %2–%3; the visit %4 is outside those hours.")
                .replace("%1", tech.name)
                .replace("%2", fmt_time(tech.work_start, tz))
                .replace("%3", fmt_time(tech.work_end, tz))
                .replace("%4", visit)
            )
        hours = ", ".join(f"{fmt_time(a, tz)}–{fmt_time(b, tz)}" for a, b in periods)
        return (
            translate("BoardActions", "The visit %1 falls in a break: the working time is %2.")
            .replace("%1", visit)
            .replace("%2", hours)
        )

    def areas(self) -> set[str]:
        found = {a for t in self.board.technicians for a in t.areas}
        found.update(t.area for t in self.tickets.values() if t.area)
        return found

    def counts(self) -> dict[str, int]:
        """The day's totals for the summary line."""
        queue_clocks = [self.clock(t).status for t in self.board.queue]
        return {
            "technicians": len(self.board.technicians),
            "visits": sum(t.visits for t in self.board.technicians),
            "capacity": sum(t.capacity for t in self.board.technicians),
            "over": len(self.over_capacity()),
            "queue": len(self.board.queue),
            "overdue": queue_clocks.count(ClockStatus.OVERDUE),
            "at_risk": queue_clocks.count(ClockStatus.AT_RISK),
            "unscheduled": sum(len(v) for v in self.board.unscheduled.values()),
        }


# ---------------------------------------------------------------- time and pixels


class TimeScale:
    """The day's visible hours as columns of half-hour slots, ``slot_px`` wide each."""

    def __init__(self, data: BoardData, slot_px: int, left: int) -> None:
        tz, day = data.tz, data.day
        first, last = 8, 19
        techs = data.board.technicians
        if techs:
            first = min(t.work_start.astimezone(tz).hour for t in techs)
            ends = [t.work_end.astimezone(tz) for t in techs]
            last = max(e.hour + (1 if e.minute else 0) for e in ends)
        for visits in data.board.booked.values():
            for v in visits:
                if v.appointment_start and v.appointment_end:
                    s = max(v.appointment_start.astimezone(tz), _midnight(day, tz))
                    e = min(v.appointment_end.astimezone(tz), _midnight(day, tz) + timedelta(1))
                    first = min(first, s.hour)
                    last = max(last, e.hour + (1 if e.minute or e.day != day.day else 0))
        last = min(max(last, first + 1), 24)
        self.tz = tz
        self.day = day
        self.start = datetime.combine(day, time(first), tz)
        self.end = self.start + timedelta(hours=last - first)
        self.slot_px = slot_px
        self.left = left

    @property
    def slots(self) -> int:
        return int((self.end - self.start) / SLOT)

    @property
    def width(self) -> int:
        return self.slots * self.slot_px

    def x_for(self, moment: datetime) -> float:
        moment = min(max(moment, self.start), self.end)
        return self.left + (moment - self.start) / SLOT * self.slot_px

    def slot_at(self, x: float) -> int | None:
        """The slot under content x, None left of the timeline or past its end."""
        if x < self.left:
            return None
        index = int((x - self.left) // self.slot_px)
        return index if index < self.slots else None

    def slot_start(self, index: int) -> datetime:
        return self.start + SLOT * index

    def slot_of(self, moment: datetime) -> int:
        return max(0, min(self.slots - 1, int((moment - self.start) / SLOT)))

    def hour_marks(self) -> list[datetime]:
        return [self.start + timedelta(hours=h) for h in range(int(self.slots / 2) + 1)]


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz)


# ---------------------------------------------------------------- card text


def card_lines(t: BoardTicket, clock: ClockState, tz: ZoneInfo | None = None) -> list[str]:
    """The four lines of a card: number, kind · urgency, area · appliance, clock; an
    unbooked ticket's kind line also carries the time the customer asked for."""
    kind = labels.ticket_kinds()[t.kind]
    urgency = labels.urgencies()[t.urgency]
    place = " · ".join(x for x in (t.area, t.appliance) if x) or "—"
    second = f"{kind} · {urgency}"
    if tz is not None and t.appointment_start is None and t.preferred_start is not None:
        wish = translate("DispatchBoard", "asks %1").replace("%1", preferred_text(t, tz))
        second += f" · {wish}"
    return [t.number, second, place, labels.clock_text(clock)]


def card_tooltip(t: BoardTicket, clock: ClockState, tz: ZoneInfo) -> str:
    lines = [
        f"{t.number} — {labels.statuses()[t.status]}",
        f"{labels.ticket_kinds()[t.kind]} · {labels.urgencies()[t.urgency]}",
        t.customer_name,
    ]
    if t.area:
        lines.append(translate("DispatchBoard", "Area: %1").replace("%1", t.area))
    if t.appliance:
        lines.append(translate("DispatchBoard", "Appliance: %1").replace("%1", t.appliance))
    if t.appointment_start and t.appointment_end:
        lines.append(
            translate("DispatchBoard", "Visit: %1–%2")
            .replace("%1", fmt_time(t.appointment_start, tz))
            .replace("%2", fmt_time(t.appointment_end, tz))
        )
    wish = preferred_text(t, tz)
    if wish:
        lines.append(translate("DispatchBoard", "Customer asked for: %1").replace("%1", wish))
    lines.append(labels.clock_text(clock))
    return "\n".join(lines)


def preferred_text(t: BoardTicket, tz: ZoneInfo) -> str:
    """The window the customer asked for at intake, "11-24 09:00–12:00" (or "" if none)."""
    if t.preferred_start is None:
        return ""
    start = t.preferred_start.astimezone(tz)
    text = f"{start.strftime('%m-%d')} {fmt_time(t.preferred_start, tz)}"
    if t.preferred_end is not None:
        end = t.preferred_end.astimezone(tz)
        same_day = end.date() == start.date()
        text += "–" + (fmt_time(t.preferred_end, tz) if same_day else end.strftime("%m-%d %H:%M"))
    return text


def load_text(tech: BoardTechnician) -> str:
    """ "4/6 visits · 1 kept for emergencies" for a row header and the technician list."""
    text = (
        translate("DispatchBoard", "%1/%2 visits")
        .replace("%1", str(tech.visits))
        .replace("%2", str(tech.capacity))
    )
    if tech.reserve:
        text += " · " + translate("DispatchBoard", "%1 reserved").replace("%1", str(tech.reserve))
    return text


def status_label(status: TicketStatus) -> str:
    return labels.statuses()[status]
