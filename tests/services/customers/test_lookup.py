"""Front-desk reads: known fixes for a typed fault, a customer's history as a timeline."""

from __future__ import annotations

from desk_app.db.models import KnowledgeArticle
from desk_app.domain.enums import TicketKind
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import lookup
from desk_app.services.tickets import tickets
from tests.services import factories


def _article(db: Database, symptom: str, solution: str, model: str | None = None) -> None:
    def add(s: object) -> None:
        s.add(  # type: ignore[attr-defined]
            KnowledgeArticle(
                category="空调",
                model=model,
                symptom=symptom,
                solution=solution,
                created_at=db.now(),
            )
        )

    db.write(add)


def test_suggestions_rank_shared_words_and_skip_chance_matches(db: Database, clerk: Actor) -> None:
    _article(db, "空调不制冷，外机不转", "检查启动电容", model="KFR-35GW")
    _article(db, "洗衣机不排水，显示E21", "清理排水泵过滤器")
    _article(db, "空调不制冷", "加注冷媒")
    found = lookup.suggest_fixes(db, clerk, "空调不制冷了，外机也不转", model="KFR-35GW")
    assert [f.solution for f in found] == ["检查启动电容", "加注冷媒"]
    assert all(f.source == "article" for f in found)
    assert lookup.suggest_fixes(db, clerk, "   ") == []
    assert lookup.suggest_fixes(db, clerk, "E21")[0].solution == "清理排水泵过滤器"


def test_timeline_lists_tickets_newest_first(db: Database, clerk: Actor, clock: object) -> None:
    c = factories.customer(db, clerk)
    first = factories.ticket(db, clerk, c.id)
    clock.advance(hours=2)  # type: ignore[attr-defined]
    second = factories.ticket(db, clerk, c.id, kind=TicketKind.CONSULTATION, fault="怎么清洗滤网")
    tickets.answer_consultation(db, clerk, second.id, "拆下滤网用清水冲洗")
    entries = lookup.customer_timeline(db, clerk, c.id)
    assert [e.ref for e in entries] == [second.number, first.number]
    assert entries[0].status == "closed"
    assert entries[0].ticket_kind is TicketKind.CONSULTATION
    assert lookup.customer_timeline(db, clerk, c.id + 999) == []
