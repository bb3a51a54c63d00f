"""What the dispatch board writes: assign and book, move, status changes, and their questions.

Each action asks what the business requires first (over capacity? why does the
visit move?), then runs the service call in the background with the version
the dispatcher saw. Outcomes:

- success: the committed change reaches the desk's ChangeHub (BackgroundOps
  announces it), so this board (and every other screen) reloads the truth;
- DoubleBooking: the override dialog; with a reason the same call is retried;
- ConflictError: another dispatcher was first; the banner names them and
  where the ticket is now, and the board reloads;
- anything else: ``ui.errors.show_error``, and the board reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desk_app.domain.enums import TicketStatus, Urgency
from desk_app.domain.errors import ConflictError, DoubleBooking
from desk_app.services.dispatch import dispatch
from desk_app.services.dispatch.board import BoardTicket
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import Completion
from desk_app.ui.common import errors
from desk_app.ui.dispatch.dialogs import (
    CompletionDialog,
    OverrideDialog,
    ReasonDialog,
    RescheduleDialog,
    confirm,
)
from desk_app.ui.dispatch.host import BoardHost
from desk_app.ui.dispatch.model import TicketRef, fmt_day, fmt_time

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
S = TicketStatus
Retry = Callable[[str], None]


def reschedule_reasons() -> list[str]:
    return [
        translate("BoardActions", "Customer asked for another time"),
        translate("BoardActions", "Parts have not arrived"),
        translate("BoardActions", "Technician unavailable"),
        translate("BoardActions", "Previous job took longer"),
        translate("BoardActions", "Weather or traffic"),
    ]


def cancel_reasons() -> list[str]:
    return [
        translate("BoardActions", "Customer withdrew the request"),
        translate("BoardActions", "Solved on the phone"),
        translate("BoardActions", "Entered twice"),
        translate("BoardActions", "Customer cannot be reached"),
    ]


def unassign_reasons() -> list[str]:
    return [
        translate("BoardActions", "Technician unavailable"),
        translate("BoardActions", "Assigned to the wrong technician"),
        translate("BoardActions", "Customer asked for another time"),
        translate("BoardActions", "Parts have not arrived"),
    ]


class BoardActions(QObject):
    def __init__(self, board: BoardHost) -> None:
        super().__init__(board)
        self.board = board
        self.desk = board.desk

    # ---------------------------------------------------------------- assign, book, move

    def place(
        self, ref: TicketRef, tech_id: int, start: datetime | None, length: timedelta
    ) -> None:
        """Put the ticket with this technician at ``start`` (None: assigned, no time yet)."""
        b = self.board
        ends = start + length if start is not None else None
        if ref.booked:
            if start is None:
                b.say(
                    translate(
                        "BoardActions",
                        "A booked visit keeps a time: drop it on a time, or use Reschedule.",
                    ),
                    "warning",
                )
                return
            if (tech_id, start, ends) == (ref.technician_id, ref.starts, ref.ends):
                return
        elif start is None and tech_id == ref.technician_id:
            return
        moved = ref.booked and (start, ends) != (ref.starts, ref.ends)

        def then_reason() -> None:
            if not moved:
                self._place(ref, tech_id, start, ends, None)
                return
            assert ref.starts is not None
            tz = b.data.tz
            dialog = ReasonDialog(
                b,
                translate("BoardActions", "Reschedule %1").replace("%1", ref.number),
                translate(
                    "BoardActions",
                    "Move the visit from %1 to %2 %3. Why? The customer must be told.",
                )
                .replace("%1", f"{ref.starts.astimezone(tz):%m-%d} {fmt_time(ref.starts, tz)}")
                .replace("%2", f"{start.astimezone(tz):%m-%d}" if start else "")
                .replace("%3", fmt_time(start, tz) if start else ""),
                reschedule_reasons(),
                ok_text=translate("BoardActions", "Move visit"),
            )
            dialog.accepted.connect(lambda: self._place(ref, tech_id, start, ends, dialog.reason()))
            dialog.open()
            b.dialog = dialog

        def then_capacity() -> None:
            tech = b.data.technicians.get(tech_id)
            adds_visit = start is not None and (tech_id != ref.technician_id or not ref.booked)
            if tech is not None and adds_visit:
                after = tech.visits + 1
                day = fmt_day(b.data.day)
                if after > tech.capacity:
                    text = translate(
                        "BoardActions",
                        "%1 would have %2 visits on %3; the day's capacity is %4. Book anyway?",
                    )
                elif ref.urgency is Urgency.NORMAL and after > tech.capacity - tech.reserve:
                    text = translate(
                        "BoardActions",
                        "%1 would have %2 visits on %3, using the room kept for emergencies "
                        "(capacity %4). Book anyway?",
                    )
                else:
                    text = ""
                if text:
                    text = (
                        text.replace("%1", tech.name)
                        .replace("%2", str(after))
                        .replace("%3", day)
                        .replace("%4", str(tech.capacity))
                    )
                    b.dialog = confirm(
                        b, translate("BoardActions", "Over capacity"), text, then_reason
                    )
                    return
            then_reason()

        tech = b.data.technicians.get(tech_id)
        why_not = (
            b.data.outside_working_time(tech, start, ends)
            if tech is not None and start is not None and ends is not None
            else None
        )
        if why_not is not None and start is not None:
            # Never another time than the one chosen: book exactly it, or nothing.
            at = fmt_time(start, b.data.tz)
            b.dialog = confirm(
                b,
                translate("BoardActions", "Outside working time"),
                why_not
                + "\n"
                + translate("BoardActions", "Book it at %1 anyway?").replace("%1", at),
                then_capacity,
                lambda: b.say(
                    translate("BoardActions", "Not booked: %1").replace("%1", why_not), "warning"
                ),
            )
            return
        then_capacity()

    def _place(
        self,
        ref: TicketRef,
        tech_id: int,
        start: datetime | None,
        ends: datetime | None,
        reason: str | None,
        override: str | None = None,
    ) -> None:
        db, actor = self.desk.db, self.desk.actor
        if ref.booked and tech_id == ref.technician_id and start is not None and ends is not None:

            def fn() -> Any:
                return dispatch.reschedule(
                    db,
                    actor,
                    ref.id,
                    start,
                    ends,
                    reason or "",
                    expected_version=ref.version,
                    override_reason=override,
                )
        else:

            def fn() -> Any:
                return dispatch.assign(
                    db,
                    actor,
                    ref.id,
                    tech_id,
                    starts=start,
                    ends=ends,
                    expected_version=ref.version,
                    override_reason=override,
                    reason=reason,
                )

        tech = self.board.data.technicians.get(tech_id)
        name = tech.name if tech else "?"
        when = (
            fmt_time(start, self.board.data.tz)
            if start
            else translate("BoardActions", "no time yet")
        )
        done = (
            translate("BoardActions", "%1 → %2, %3")
            .replace("%1", ref.number)
            .replace("%2", name)
            .replace("%3", when)
        )
        self.run(
            fn,
            ref.id,
            done,
            retry=lambda why: self._place(ref, tech_id, start, ends, reason, why),
        )

    def unassign(self, ref: TicketRef) -> None:
        """Take the ticket from its technician, back to the queue: asks why first."""
        b = self.board
        if ref.technician_id is None:
            return
        tech = b.data.technicians.get(ref.technician_id)
        prompt = translate(
            "BoardActions", "Take %1 from %2 and put it back in the unassigned queue? Why?"
        )
        prompt = prompt.replace("%1", ref.number).replace("%2", tech.name if tech else "?")
        if ref.starts is not None and ref.ends is not None:
            tz = b.data.tz
            visit = (
                f"{ref.starts.astimezone(tz):%m-%d} "
                f"{fmt_time(ref.starts, tz)}–{fmt_time(ref.ends, tz)}"
            )
            prompt += " " + translate(
                "BoardActions", "The visit %1 is cancelled: the customer must be told."
            ).replace("%1", visit)
        dialog = ReasonDialog(
            b,
            translate("BoardActions", "Back to the queue: %1").replace("%1", ref.number),
            prompt,
            unassign_reasons(),
            ok_text=translate("BoardActions", "Back to queue"),
        )
        dialog.setObjectName("unassignDialog")
        dialog.accepted.connect(lambda: self._unassign(ref, dialog.reason()))
        dialog.open()
        b.dialog = dialog

    def _unassign(self, ref: TicketRef, why: str) -> None:
        db, actor = self.desk.db, self.desk.actor
        self.run(
            lambda: dispatch.unassign(db, actor, ref.id, why, expected_version=ref.version),
            ref.id,
            translate("BoardActions", "%1 is back in the queue").replace("%1", ref.number),
        )

    # ---------------------------------------------------------------- the ticket's own actions

    def act(self, key: str, t: BoardTicket) -> None:
        b, db, actor = self.board, self.desk.db, self.desk.actor
        v = t.version
        if key == "open":
            b.open_ticket.emit(t.id)
        elif key == "arrived":
            self.run(
                lambda: tickets.change_status(db, actor, t.id, S.IN_SERVICE, expected_version=v),
                t.id,
                translate("BoardActions", "%1: technician arrived").replace("%1", t.number),
            )
        elif key == "waiting_parts":
            self.run(
                lambda: tickets.change_status(db, actor, t.id, S.WAITING_PARTS, expected_version=v),
                t.id,
                translate("BoardActions", "%1: waiting for parts, clock paused").replace(
                    "%1", t.number
                ),
            )
        elif key == "confirm" and t.appointment_start and t.appointment_end:
            a, e = t.appointment_start, t.appointment_end

            def confirm_visit(override: str | None = None) -> None:
                self.run(
                    lambda: dispatch.confirm_appointment(
                        db, actor, t.id, a, e, expected_version=v, override_reason=override
                    ),
                    t.id,
                    translate("BoardActions", "%1: appointment confirmed").replace("%1", t.number),
                    retry=confirm_visit,
                )

            confirm_visit()
        elif key == "reschedule" and t.appointment_start and t.appointment_end:
            dialog = RescheduleDialog(
                b, t.number, t.appointment_start, t.appointment_end, b.data.tz, reschedule_reasons()
            )
            dialog.accepted.connect(lambda: self._reschedule(t, *dialog.window_(), dialog.reason()))
            dialog.open()
            b.dialog = dialog
        elif key == "unassign":
            self.unassign(TicketRef.of(t))
        elif key == "cancel":
            dialog = ReasonDialog(
                b,
                translate("BoardActions", "Cancel %1").replace("%1", t.number),
                translate(
                    "BoardActions",
                    "Cancel this ticket? It leaves the board; the reason is recorded.",
                ),
                cancel_reasons(),
                ok_text=translate("BoardActions", "Cancel ticket"),
            )
            dialog.accepted.connect(lambda: self._cancel(t, dialog.reason()))
            dialog.open()
            b.dialog = dialog
        elif key == "complete":
            self.desk.ops.run(
                lambda: tickets.get_ticket(db, actor, t.id),
                on_success=lambda view: self._ask_completion(t, view.chargeable),
                on_failure=lambda error: self.failed(error, t.id, None),
                owner=self,
            )

    # The dialogs delete themselves when closed: what they asked is read once, on OK,
    # and handed on as plain values (the service call runs on another thread).

    def _reschedule(
        self,
        t: BoardTicket,
        starts: datetime,
        ends: datetime,
        why: str,
        override: str | None = None,
    ) -> None:
        db, actor = self.desk.db, self.desk.actor
        self.run(
            lambda: dispatch.reschedule(
                db,
                actor,
                t.id,
                starts,
                ends,
                why,
                expected_version=t.version,
                override_reason=override,
            ),
            t.id,
            translate("BoardActions", "%1 rescheduled").replace("%1", t.number),
            retry=lambda o: self._reschedule(t, starts, ends, why, o),
        )

    def _cancel(self, t: BoardTicket, why: str) -> None:
        db, actor = self.desk.db, self.desk.actor
        self.run(
            lambda: tickets.cancel(db, actor, t.id, why, expected_version=t.version),
            t.id,
            translate("BoardActions", "%1 cancelled").replace("%1", t.number),
        )

    def _ask_completion(self, t: BoardTicket, chargeable: bool) -> None:
        dialog = CompletionDialog(self.board, t.number, chargeable)
        dialog.accepted.connect(lambda: self._complete(t, dialog.completion()))
        dialog.open()
        self.board.dialog = dialog

    def _complete(self, t: BoardTicket, completion: Completion) -> None:
        db, actor = self.desk.db, self.desk.actor
        self.run(
            lambda: tickets.complete(db, actor, t.id, completion, expected_version=t.version),
            t.id,
            translate("BoardActions", "%1 completed").replace("%1", t.number),
        )

    # ---------------------------------------------------------------- running and failing

    def run(
        self, fn: Callable[[], Any], ticket_id: int, done: str, *, retry: Retry | None = None
    ) -> None:
        def ok(_view: object) -> None:
            self.board.say(done, "ok")

        self.desk.ops.run(
            fn, on_success=ok, on_failure=lambda e: self.failed(e, ticket_id, retry), owner=self
        )

    def failed(self, error: BaseException, ticket_id: int | None, retry: Retry | None) -> None:
        b = self.board
        if isinstance(error, DoubleBooking) and retry is not None:
            dialog = OverrideDialog(b, error, b.data.tz)
            dialog.accepted.connect(lambda: retry(dialog.reason()))
            dialog.open()
            b.dialog = dialog
            return
        if isinstance(error, ConflictError):
            b.say(self.conflict_text(error, ticket_id), "error")
        else:
            errors.show_error(b, error, b.data.tz)
        b.refresh()

    def conflict_text(self, error: ConflictError, ticket_id: int | None) -> str:
        """Who was first and where the ticket is now (from the error: no extra read)."""
        b = self.board
        t = b.data.tickets.get(ticket_id) if ticket_id is not None else None
        tech_id = error.current.get("technician_id")
        tech = b.data.technicians.get(tech_id) if isinstance(tech_id, int) else None
        starts = error.current.get("appointment_start")
        when = labels_time(error.when, b)
        # Not compared with the board's own copy: the change feed may have refreshed it
        # already, and the clerk still needs to hear who was first.
        if t is not None and tech is not None:
            text = translate(
                "BoardActions",
                "%1 assigned %2 first (%3): it is now with %4%5. Your change was not saved.",
            )
            at = f" {fmt_time(starts, b.data.tz)}" if isinstance(starts, datetime) else ""
            return (
                text.replace("%1", error.who)
                .replace("%2", t.number)
                .replace("%3", when)
                .replace("%4", tech.name if tech else "?")
                .replace("%5", at)
            )
        return (
            errors.message_for(error, b.data.tz)
            + " "
            + translate("BoardActions", "The board now shows it as it is.")
        )


def labels_time(when: datetime | None, board: BoardHost) -> str:
    return fmt_time(when, board.data.tz) if when else "?"
