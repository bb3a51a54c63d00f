"""`desk-app db check`: the schema version and the invariants the data must keep."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from desk_app.db import history, migrate
from desk_app.db.models import NumberSequence, Ticket, TicketEvent, TicketPause
from desk_app.domain.ticket_states import PAUSED_STATES
from desk_app.services.core.database import Database


@dataclass
class Report:
    schema: str | None
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def problem(self, text: str) -> None:
        self.lines.append(f"PROBLEM: {text}")
        self.ok = False

    def fine(self, text: str) -> None:
        self.lines.append(f"ok: {text}")


def check(db: Database) -> Report:
    state = migrate.status(db.engine)
    report = Report(state.current)
    if not state.up_to_date:
        report.problem(f"schema {state.current} is not the current {state.head}")
        return report
    db.read(lambda s: _tickets(s, report))
    with db.engine.connect() as conn:
        missing = history.missing_triggers(conn)
    if missing:
        report.problem(
            "history is not protected: append-only triggers missing or disabled: "
            + ", ".join(missing)
        )
    else:
        report.fine("history is append-only: every trigger in place")
    from desk_app.services.stock import stock

    differences = stock.check_stock(db)
    if differences:
        for d in differences[:20]:
            report.problem(f"stock differs from ledger: {d}")
    else:
        report.fine("stock on hand equals the ledger for every part and location")
    return report


def _tickets(s: Session, report: Report) -> None:
    last_event = (
        select(TicketEvent.ticket_id, func.max(TicketEvent.id).label("last_id"))
        .group_by(TicketEvent.ticket_id)
        .subquery()
    )
    mismatched = s.scalar(
        select(func.count())
        .select_from(Ticket)
        .join(last_event, last_event.c.ticket_id == Ticket.id)
        .join(TicketEvent, TicketEvent.id == last_event.c.last_id)
        .where(TicketEvent.to_status != Ticket.status)
    )
    if mismatched:
        report.problem(f"{mismatched} ticket(s) whose status differs from their last event")
    else:
        report.fine("every ticket's status matches its event history")
    open_pauses = s.execute(
        select(Ticket.number, Ticket.status)
        .join(TicketPause, TicketPause.ticket_id == Ticket.id)
        .where(TicketPause.ended_at.is_(None))
    ).all()
    wrong = [n for n, st in open_pauses if st not in PAUSED_STATES]
    if wrong:
        report.problem(f"clock paused on tickets that are not waiting: {', '.join(wrong[:10])}")
    else:
        report.fine("clock pauses agree with ticket states")
    # Every number handed out must be at or below its day's counter, or the next
    # ticket of that day would collide with it.
    counters = {(n.name, n.day): n.last_value for n in s.scalars(select(NumberSequence))}
    # Highest sequence used per day, computed by the database: no million-row loop here.
    # Numbers look like S20261123-0001: the day is characters 2-9, the sequence from 11.
    day = func.substr(Ticket.number, 2, 8)
    highest = s.execute(
        select(day, func.max(cast(func.substr(Ticket.number, 11), Integer))).group_by(day)
    ).all()
    behind = sum(1 for d, top in highest if top and counters.get(("ticket", d), 0) < top)
    if behind:
        report.problem(f"{behind} day(s) with ticket numbers above their counter")
    else:
        report.fine("ticket number counters are ahead of every number used")
