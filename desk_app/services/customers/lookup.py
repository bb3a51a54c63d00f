"""Reads the front desk needs besides the core services: knowledge-base suggestions and a
customer's whole history as one timeline.

Both are plain read functions returning dataclasses, safe to call from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desk_app.db.models import (
    Appliance,
    Complaint,
    Feedback,
    FollowupCall,
    KnowledgeArticle,
    Ticket,
)
from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.permissions import Perm, require
from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database

MAX_QUERY = 4000
_CANDIDATES = 2000  # articles / past tickets read per suggestion request
_PAST_TICKETS = 300

_WORD = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Suggestion:
    """A known fix for a fault like the one typed: from the knowledge base or a past ticket."""

    source: str  # "article" or "ticket"
    ref_id: int
    title: str  # the symptom as recorded
    cause: str | None
    solution: str
    model: str | None
    score: float


def _grams(text: str) -> set[str]:
    """Comparable pieces of a fault text: Chinese character bigrams (and single characters
    of one-character runs), lower-case Latin words and numbers (model codes, error codes)."""
    text = text.lower()
    grams = {w for w in _WORD.findall(text) if len(w) > 1 or w.isdigit()}
    for run in _HAN.findall(text):
        if len(run) == 1:
            grams.add(run)
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def _score(query: set[str], text: str) -> float:
    """Share of the query's pieces found in ``text``; one shared piece out of many is chance
    ("机不" in two unrelated faults), so a long query needs at least two in common."""
    if not query:
        return 0.0
    shared = len(query & _grams(text))
    if shared < 2 and len(query) > 3:
        return 0.0
    return shared / len(query)


def suggest_fixes(
    db: Database,
    actor: Actor,
    fault: str,
    *,
    model: str | None = None,
    category: str | None = None,
    limit: int = 8,
) -> list[Suggestion]:
    """Knowledge-base articles and recent resolved tickets whose fault resembles ``fault``.

    Articles for the same appliance model (or category, or general ones) are
    ranked by shared words; a same-model match ranks higher. Past tickets count
    only if they were resolved with the work recorded.
    """
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)
    query = _grams((fault or "")[:MAX_QUERY])
    if not query:
        return []

    def q(s: Session) -> list[Suggestion]:
        articles = select(KnowledgeArticle)
        if model or category:  # that appliance's articles and the general ones
            scope: list[ColumnElement[bool]] = [KnowledgeArticle.model.is_(None)]
            if model:
                scope.append(KnowledgeArticle.model == model)
            if category:
                scope.append(KnowledgeArticle.category == category)
            articles = articles.where(or_(*scope))
        found: list[Suggestion] = []
        for a in s.scalars(articles.order_by(KnowledgeArticle.id).limit(_CANDIDATES)):
            score = _score(query, f"{a.symptom} {a.keywords or ''} {a.model or ''}")
            if model and a.model == model:
                score *= 1.5
            if score > 0:
                found.append(
                    Suggestion("article", a.id, a.symptom, a.cause, a.solution, a.model, score)
                )
        if model:
            rows = s.execute(
                select(Ticket.id, Ticket.fault_description, Ticket.fault_cause, Ticket.work_done)
                .join(Appliance, Appliance.id == Ticket.appliance_id)
                .where(
                    Appliance.model == model,
                    Ticket.resolved.is_(True),
                    Ticket.work_done.is_not(None),
                    Ticket.kind != TicketKind.CONSULTATION,
                )
                .order_by(Ticket.completed_at.desc())
                .limit(_PAST_TICKETS)
            )
            for tid, symptom, cause, work in rows:
                score = _score(query, symptom) * 0.9
                if score > 0:
                    found.append(
                        Suggestion("ticket", tid, symptom, cause, work or "", model, score)
                    )
        found.sort(key=lambda x: (-x.score, x.source, x.ref_id))
        seen: set[tuple[str, str]] = set()
        distinct = []
        for f in found:  # the same fault fixed the same way many times shows once
            if (f.title, f.solution) not in seen:
                seen.add((f.title, f.solution))
                distinct.append(f)
        return distinct[:limit]

    return db.read(q)


def charge_standard(db: Database, language: str = "zh_CN") -> str | None:
    """The published charge standard (收费标准) a manager keeps in setting
    ``charge_standard`` (``settings.set_charge_standard``), in ``language`` or else in
    Chinese; None when no manager has set one."""
    shop = settings.shop_settings(db)
    if not shop.charge_standard_published:
        return None
    return shop.charge_standard_text(language) or None


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened with a customer, newest first in a timeline."""

    at: datetime
    kind: str  # "ticket", "complaint", "feedback", "followup"
    ref: str  # ticket or complaint number
    ticket_id: int | None
    status: str  # the record's status / outcome code
    summary: str
    rating: int | None = None  # overall rating for feedback, 1..5
    ticket_kind: TicketKind | None = None  # for ticket entries


def customer_timeline(
    db: Database, actor: Actor, customer_id: int, *, limit: int = 500
) -> list[TimelineEntry]:
    """Tickets, complaints, feedback and follow-up calls of one customer, newest first."""
    require(actor.username, actor.roles, Perm.VIEW_CUSTOMERS)

    def q(s: Session) -> list[TimelineEntry]:
        entries: list[TimelineEntry] = []
        tickets = s.execute(
            select(
                Ticket.id,
                Ticket.number,
                Ticket.received_at,
                Ticket.status,
                Ticket.kind,
                Ticket.fault_description,
            )
            .where(Ticket.customer_id == customer_id)
            .order_by(Ticket.received_at.desc())
            .limit(limit)
        ).all()
        numbers = {t.id: t.number for t in tickets}
        for t in tickets:
            entries.append(
                TimelineEntry(
                    t.received_at,
                    "ticket",
                    t.number,
                    t.id,
                    TicketStatus(t.status).value,
                    t.fault_description,
                    ticket_kind=TicketKind(t.kind),
                )
            )
        for c in s.scalars(
            select(Complaint)
            .where(Complaint.customer_id == customer_id)
            .order_by(Complaint.received_at.desc())
            .limit(limit)
        ):
            entries.append(
                TimelineEntry(
                    c.received_at, "complaint", c.number, c.ticket_id, c.status.value, c.description
                )
            )
        ids = list(numbers)
        if ids:
            for f in s.scalars(select(Feedback).where(Feedback.ticket_id.in_(ids))):
                entries.append(
                    TimelineEntry(
                        f.recorded_at,
                        "feedback",
                        numbers[f.ticket_id],
                        f.ticket_id,
                        f.source.value,
                        f.comments or "",
                        f.overall,
                    )
                )
            for call in s.scalars(select(FollowupCall).where(FollowupCall.ticket_id.in_(ids))):
                entries.append(
                    TimelineEntry(
                        call.called_at,
                        "followup",
                        numbers[call.ticket_id],
                        call.ticket_id,
                        call.outcome.value,
                        call.notes or "",
                    )
                )
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries[:limit]

    return db.read(q)
