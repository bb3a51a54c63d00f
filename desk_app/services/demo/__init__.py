"""Realistic, deterministic demo data in bulk, for `desk-app demo-data`.

``generate`` fills a database with staff, technicians, service standards, parts
and stock locations, customers with phones, addresses and appliances, and two
years of history: tickets in every status with their events, visits, pauses,
charges, feedback and follow-up calls, complaints, and a parts ledger whose
stock levels are exactly its sums.

Guarantees:
- Deterministic: the same ``seed`` and ``now`` on an empty database give the
  same rows (names, phones, numbers, ids). Only password hashes differ (their
  salt is random). The wall clock is read only as the default ``now``.
- Consistent with the services: ticket histories follow the state machine and
  keep the timestamps ``tickets.apply_transition`` keeps; phones are
  normalised by ``domain.phones``; names carry ``domain.pinyin`` keys; after
  every committed chunk ``number_sequences`` and PostgreSQL's id sequences are
  past everything used, so the app can work on the data at once.
- Fast: rows are plain tuples with primary keys assigned here, written with
  COPY on PostgreSQL (executemany on SQLite) on a background thread while the
  next chunk is generated, committed chunk by chunk.

Caller's duties: load into an idle database (ids are handed out in advance; a
desk inserting at the same time could collide). Meant for an empty database;
it adds to what is there, but refuses with ValueError if the demo users exist
already (demo data was loaded before). If other users exist, the demo manager
``admin`` is not created and the first existing manager stands in for it.
Every demo user's password is ``demo123``. An interrupted run leaves the
chunks committed so far, consistent but incomplete.

The pieces: ``vocabulary`` (word lists), ``bulk`` (batches, writer, ids,
numbers), ``reference`` and ``customers`` (the furniture and the people),
``routes`` and ``tickets`` (ticket lives), ``complaints``, ``ledger`` (parts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from desk_app.db.engine import WRITE_OPTION
from desk_app.db.models import (
    Appliance,
    Appointment,
    Complaint,
    ComplaintEvent,
    ComplaintStandard,
    Customer,
    CustomerAddress,
    CustomerPhone,
    DamagedPart,
    Feedback,
    FollowupCall,
    KnowledgeArticle,
    Part,
    Requisition,
    RequisitionLine,
    ServiceArea,
    ServiceStandard,
    StockLocation,
    StockMovement,
    Technician,
    Ticket,
    TicketEvent,
    TicketPause,
    User,
)
from desk_app.domain.enums import Role
from desk_app.services.admin import settings
from desk_app.services.admin.users import hash_password
from desk_app.services.core import audit
from desk_app.services.core.database import Database
from desk_app.services.demo.bulk import (
    BackgroundWriter,
    Ids,
    LocalTime,
    Numbers,
    may_skip_fk_checks,
    transaction,
)
from desk_app.services.demo.complaints import complaints_batch
from desk_app.services.demo.customers import CustomerMaker
from desk_app.services.demo.ledger import Ledger
from desk_app.services.demo.reference import DEMO_STAFF, Existing, reference_batch
from desk_app.services.demo.tickets import TicketHistory
from desk_app.services.demo.world import CustomerBook, DemoRandom, World

__all__ = ["DEMO_PASSWORD", "DEMO_STAFF", "DemoSummary", "generate"]

DEMO_PASSWORD = "demo123"
CUSTOMER_CHUNK = 20_000
TICKET_CHUNK = 20_000

_ID_MODELS = (
    ServiceArea,
    User,
    Technician,
    ServiceStandard,
    KnowledgeArticle,
    StockLocation,
    Part,
    Customer,
    CustomerPhone,
    CustomerAddress,
    Appliance,
    Ticket,
    TicketEvent,
    TicketPause,
    Appointment,
    Feedback,
    FollowupCall,
    Complaint,
    ComplaintEvent,
    Requisition,
    RequisitionLine,
    StockMovement,
    DamagedPart,
)


@dataclass(frozen=True)
class DemoSummary:
    """Rows written, per table."""

    users: int = 0
    technicians: int = 0
    service_standards: int = 0
    complaint_standards: int = 0
    knowledge_articles: int = 0
    stock_locations: int = 0
    parts: int = 0
    customers: int = 0
    customer_phones: int = 0
    customer_addresses: int = 0
    appliances: int = 0
    tickets: int = 0
    ticket_events: int = 0
    ticket_pauses: int = 0
    appointments: int = 0
    feedback: int = 0
    followup_calls: int = 0
    complaints: int = 0
    complaint_events: int = 0
    requisitions: int = 0
    requisition_lines: int = 0
    stock_movements: int = 0
    stock_levels: int = 0
    damaged_parts: int = 0

    @property
    def rows(self) -> int:
        return sum(int(getattr(self, f.name)) for f in fields(self))


def generate(
    db: Database,
    *,
    customers: int,
    tickets: int,
    seed: int,
    now: datetime | None = None,
    technicians: int = 40,
    parts: int = 300,
    progress: Callable[[str], None] | None = None,
    skip_fk_checks: bool = True,
) -> DemoSummary:
    """Add demo data to ``db``; see the module docstring for what it promises.

    ``progress`` is called with a short line as the work goes on (from this
    thread). ``skip_fk_checks``: on PostgreSQL as a superuser, load without the
    per-row foreign-key triggers (see ``bulk.transaction``); about 1.5 times faster.
    Raises ValueError for impossible sizes or if demo data is there.
    """
    for name, value in (
        ("customers", customers),
        ("tickets", tickets),
        ("technicians", technicians),
        ("parts", parts),
    ):
        if value < 0:
            raise ValueError(f"{name} must not be negative")
    if tickets and not customers:
        raise ValueError("Tickets need customers: give the number of customers too.")
    if tickets and not technicians:
        raise ValueError("Tickets need at least one technician.")
    at = now if now is not None else datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    say = progress or (lambda _line: None)
    rng = DemoRandom(seed)
    counts: dict[str, int] = {}
    with db.engine.execution_options(**{WRITE_OPTION: True}).connect() as conn:
        world_now = int(at.timestamp())
        existing, local, ids, numbers = _prepare(conn, world_now)
        password = hash_password(DEMO_PASSWORD)  # scrypt is slow: once for everyone
        writer = BackgroundWriter(
            conn, counts, skip_fk_checks=skip_fk_checks and existing.superuser
        )
        try:
            batch, ref = reference_batch(
                rng, ids, world_now, existing, password, technicians, parts
            )
            writer.submit(batch)
            say("staff, technicians, standards, parts and stock locations")
            book = CustomerBook()
            maker = CustomerMaker(rng, ids, local, world_now, ref.staff, book)
            for start in range(0, customers, CUSTOMER_CHUNK):
                size = min(CUSTOMER_CHUNK, customers - start)
                writer.submit(maker.batch(size))
                say(f"customers {start + size:,}/{customers:,}")
            world = World(
                rng=rng,
                now=world_now,
                local=local,
                ids=ids,
                numbers=numbers,
                staff=ref.staff,
                standards=ref.standards,
                complaint_standards=ref.complaint_standards,
                techs=ref.techs,
                parts=ref.parts,
                main_store=ref.main_store,
                damaged_store=ref.damaged_store,
                book=book,
            )
            history = TicketHistory(world, tickets)
            while history.done < tickets:
                writer.submit(history.chunk(TICKET_CHUNK))
                say(f"tickets {history.done:,}/{tickets:,}")
            writer.submit(complaints_batch(world, history.complaint_seeds))
            say("complaints")
            Ledger(world, history.usages, writer.submit).run(say)
        except BaseException:
            writer.abort()
            raise
        writer.close()
        say("parts ledger")
        summary = DemoSummary(**{f.name: counts.get(f.name, 0) for f in fields(DemoSummary)})
        with transaction(conn), Session(bind=conn) as session:
            details = {k: v for k, v in vars(summary).items() if v}
            audit.record(session, None, "demo.generate", "database", 0, details, at=at)
            session.flush()
    say("planner statistics")
    _analyze(db)
    return summary


def _analyze(db: Database) -> None:
    """Give the planner statistics of the rows just loaded: without them PostgreSQL
    plans the searches for empty tables (14–64 ms until ANALYZE, 3–6 ms after), and
    SQLite's planner has no ``sqlite_stat1`` to choose indexes by."""
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()


def _prepare(conn: Connection, around: int) -> tuple[Existing, LocalTime, Ids, Numbers]:
    """Refuse a second load; read what the new rows must continue from."""
    with transaction(conn):
        names = [username for username, _role, _shown in DEMO_STAFF]
        taken = sorted(conn.scalars(select(User.username).where(User.username.in_(names))))
        if taken:
            raise ValueError(
                f"Demo data was already loaded into this database (user {taken[0]!r} exists). "
                "Load demo data into a new, empty database."
            )
        manager = conn.scalar(
            select(User.id).where(User.role == Role.MANAGER, User.active).order_by(User.id)
        )
        local = LocalTime(settings.timezone(conn), around)
        standards = {
            (r.kind.value, r.urgency.value): (r.respond_hours, r.visit_hours, r.repair_hours)
            for r in conn.execute(
                select(
                    ServiceStandard.kind,
                    ServiceStandard.urgency,
                    ServiceStandard.respond_hours,
                    ServiceStandard.visit_hours,
                    ServiceStandard.repair_hours,
                )
            )
        }
        complaint_standards = {
            r.severity.value: (r.answer_hours, r.solution_hours)
            for r in conn.execute(
                select(
                    ComplaintStandard.severity,
                    ComplaintStandard.answer_hours,
                    ComplaintStandard.solution_hours,
                )
            )
        }
        locations = {
            code: (lid, kind)
            for lid, code, kind in conn.execute(
                select(StockLocation.id, StockLocation.code, StockLocation.kind)
            )
        }
        superuser = may_skip_fk_checks(conn)
        areas = set(conn.scalars(select(ServiceArea.name)))
        existing = Existing(
            manager, standards, complaint_standards, locations, superuser, frozenset(areas)
        )
        return existing, local, Ids(conn, _ID_MODELS), Numbers(conn, local)
