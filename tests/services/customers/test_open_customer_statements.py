"""Opening a customer costs a fixed number of statements, however long its history."""

from __future__ import annotations

from desk_app.domain.enums import TicketStatus
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, lookup
from desk_app.services.dispatch import dispatch
from desk_app.services.tickets import tickets
from tests.services import factories
from tests.statements import statements


def _open(db: Database, actor: Actor, customer_id: int) -> int:
    """What the customer pane loads when a clerk opens a customer: its statement count."""
    with statements(db) as seen:
        customers.get_customer(db, actor, customer_id)
        tickets.customer_tickets(db, actor, customer_id)
        lookup.customer_timeline(db, actor, customer_id)
    return len(seen)


def _paused_ticket(
    db: Database, clerk: Actor, dispatcher: Actor, technician: int, customer_id: int
) -> None:
    t = factories.ticket(db, clerk, customer_id)
    dispatch.assign(db, dispatcher, t.id, technician)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.IN_SERVICE)
    tickets.change_status(db, dispatcher, t.id, TicketStatus.WAITING_PARTS)


def test_opening_a_customer_costs_the_same_with_two_or_twelve_tickets(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor
) -> None:
    tech = factories.technician(db, manager)
    short = factories.customer(db, clerk, "张三", "13812345678")
    long = factories.customer(db, clerk, "李四", "13911112222")
    for _ in range(2):
        _paused_ticket(db, clerk, dispatcher, tech, short.id)
    for _ in range(12):
        _paused_ticket(db, clerk, dispatcher, tech, long.id)
    few = _open(db, clerk, short.id)
    many = _open(db, clerk, long.id)
    assert many == few  # was one more statement per ticket (its pauses)
    # Today: three read transactions, the customer with its appliances, phones and
    # addresses, the settings, the tickets with all their pauses, the timeline.
    assert few <= 17
