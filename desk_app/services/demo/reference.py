"""The demo's fixed furniture: staff, technicians, service and complaint standards,
stock locations, the parts catalogue and the knowledge base."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import time

from desk_app.db.models import (
    ComplaintStandard,
    KnowledgeArticle,
    Part,
    ServiceArea,
    ServiceStandard,
    StockLocation,
    Technician,
    User,
    UserRole,
)
from desk_app.domain.enums import Role, Severity, StockLocationKind, TicketKind, Urgency
from desk_app.services.admin.settings import DEFAULT_COMPLAINT_STANDARDS, DEFAULT_STANDARDS
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.bulk import Batch, Ids, Row, utc
from desk_app.services.demo.customers import mobile, person_name
from desk_app.services.demo.world import DAY, PartInfo, Staff, TechInfo, Weighted
from desk_app.services.stock.parts import DAMAGED_CODE, DAMAGED_NAME

DEMO_STAFF: tuple[tuple[str, Role, str], ...] = (
    ("admin", Role.MANAGER, "王建国"),
    ("kefu1", Role.CLERK, "李静"),
    ("kefu2", Role.CLERK, "张敏"),
    ("kefu3", Role.CLERK, "刘芳"),
    ("kefu4", Role.CLERK, "陈晓燕"),
    ("kefu5", Role.CLERK, "杨丽"),
    ("kefu6", Role.CLERK, "赵婷"),
    ("paigong1", Role.DISPATCHER, "孙伟"),
    ("paigong2", Role.DISPATCHER, "周强"),
    ("peijian1", Role.PARTS_CLERK, "吴磊"),
    ("peijian2", Role.PARTS_CLERK, "郑海"),
    ("huifang1", Role.FOLLOWUP, "徐丽娟"),
    ("huifang2", Role.FOLLOWUP, "马欣"),
)
_HOURS = Weighted(
    [
        ((time(8, 30), time(18, 0)), 60),
        ((time(9, 0), time(18, 30)), 25),
        ((time(8, 0), time(17, 0)), 15),
    ]
)
_DISTRICTS = Weighted([(d, d.weight) for d in V.DISTRICTS])
_CATEGORIES = Weighted([(i, c.weight) for i, c in enumerate(V.CATEGORIES)])


@dataclass(frozen=True)
class Existing:
    """What the database already holds that the reference data must respect."""

    manager: int | None  # the first active manager, if any
    standards: dict[tuple[str, str], tuple[float, float, float]]
    complaint_standards: dict[str, tuple[float, float]]
    locations: dict[str, tuple[int, StockLocationKind]]  # code -> (id, kind)
    superuser: bool = False  # a PostgreSQL superuser may load without per-row key checks
    areas: frozenset[str] = frozenset()  # service areas by name


@dataclass(frozen=True)
class Reference:
    staff: Staff
    techs: list[TechInfo]
    main_store: int
    damaged_store: int
    standards: dict[tuple[str, str], tuple[float, float, float]]
    complaint_standards: dict[str, tuple[float, float]]
    parts: list[PartInfo]


def reference_batch(
    rng: random.Random,
    ids: Ids,
    now: int,
    existing: Existing,
    password_hash: str,
    technicians: int,
    parts: int,
) -> tuple[Batch, Reference]:
    """All reference rows in one batch, and what the history is generated from."""
    batch = Batch()
    staff = _staff(batch, ids, now, existing.manager, password_hash)
    techs, names = _technicians(batch, rng, ids, technicians)
    _areas(batch, ids, existing.areas)
    techs, main, damaged = _locations(batch, ids, techs, names, existing.locations)
    standards = _standards(batch, ids, existing.standards)
    complaint_standards = _complaint_standards(batch, existing.complaint_standards)
    catalogue = _parts(batch, rng, ids, parts)
    _knowledge(batch, rng, ids, now, staff.manager)
    ref = Reference(staff, techs, main, damaged, standards, complaint_standards, catalogue)
    return batch, ref


def _staff(batch: Batch, ids: Ids, now: int, manager: int | None, password: str) -> Staff:
    created = utc(now - 800 * DAY)
    rows: list[Row] = []
    by_role: dict[Role, list[int]] = {}
    for username, role, shown in DEMO_STAFF:
        if role is Role.MANAGER and manager is not None:
            by_role.setdefault(role, []).append(manager)
            continue  # the database has its manager already
        uid = ids.take(User)
        rows.append(
            (uid, username, shown, role.value, password, True, None, created, False, None, 1)
        )
        by_role.setdefault(role, []).append(uid)
    batch.rows(
        User,
        (
            "id",
            "username",
            "display_name",
            "role",
            "password_hash",
            "active",
            "language",
            "created_at",
            "must_change_password",
            "password_changed_at",
            "version",
        ),
        rows,
    )
    batch.rows(UserRole, ("user_id", "role"), [(row[0], row[3]) for row in rows])
    return Staff(
        by_role[Role.MANAGER][0],
        by_role[Role.CLERK],
        by_role[Role.DISPATCHER],
        by_role[Role.PARTS_CLERK],
        by_role[Role.FOLLOWUP],
    )


def _areas(batch: Batch, ids: Ids, existing: frozenset[str]) -> None:
    """The districts the demo technicians cover, as the shop's service areas."""
    names = [d.name for d in V.DISTRICTS if d.name not in existing]
    rows = [(ids.take(ServiceArea), name, None, True, 1) for name in names]
    batch.rows(ServiceArea, ("id", "name", "note", "active", "version"), rows)


def _technicians(
    batch: Batch, rng: random.Random, ids: Ids, count: int
) -> tuple[list[TechInfo], dict[int, str]]:
    """Each covers a home district and up to two neighbours, two to four appliance kinds.

    The first technicians take one district each, so every service area has someone.
    """
    rows: list[Row] = []
    techs: list[TechInfo] = []
    for k in range(count):
        tid = ids.take(Technician)
        home = V.DISTRICTS[k] if k < len(V.DISTRICTS) else _DISTRICTS.pick(rng)
        neighbours = [d.name for d in V.DISTRICTS if d.city == home.city and d is not home]
        areas = [home.name, *rng.sample(neighbours, min(len(neighbours), rng.randint(0, 2)))]
        cats = {k % len(V.CATEGORIES)}
        wanted = rng.randint(2, 4)
        while len(cats) < wanted:
            cats.add(_CATEGORIES.pick(rng))
        skills = [TicketKind.REPAIR.value, TicketKind.MAINTENANCE.value]
        if rng.random() < 0.7:
            skills.append(TicketKind.INSTALLATION.value)
        if rng.random() < 0.2:
            skills.append(TicketKind.RETURN_TO_FACTORY.value)
        skills += [V.CATEGORIES[c].name for c in sorted(cats)]
        start, end = _HOURS.pick(rng)
        rows.append(
            (
                tid,
                person_name(rng, male=rng.random() < 0.92),
                mobile(rng),
                None,
                skills,
                areas,
                start,
                end,
                rng.randint(5, 8),
                1,
                True,
                1,
            )
        )
        techs.append(TechInfo(tid, tuple(areas), tuple(sorted(cats)), None))
    batch.rows(
        Technician,
        (
            "id",
            "name",
            "phone",
            "user_id",
            "skills",
            "areas",
            "work_start",
            "work_end",
            "daily_capacity",
            "emergency_reserve",
            "active",
            "version",
        ),
        rows,
    )
    return techs, {r[0]: r[1] for r in rows}


def _locations(
    batch: Batch,
    ids: Ids,
    techs: list[TechInfo],
    names: dict[int, str],
    existing: dict[str, tuple[int, StockLocationKind]],
) -> tuple[list[TechInfo], int, int]:
    """The main store, the damaged-parts quarantine and a van for every other technician."""
    rows: list[Row] = []

    def location(code: str, name: str, kind: StockLocationKind, tech: int | None) -> int:
        if code in existing:
            return existing[code][0]
        lid = ids.take(StockLocation)
        rows.append((lid, code, name, kind.value, tech, True))
        return lid

    main = location("MAIN", "总仓", StockLocationKind.STORE, None)
    quarantine = next(
        (lid for lid, kind in existing.values() if kind is StockLocationKind.DAMAGED), None
    )
    if quarantine is None:
        quarantine = location(DAMAGED_CODE, DAMAGED_NAME, StockLocationKind.DAMAGED, None)
    with_vans = []
    for n, tech in enumerate(techs):
        van = None
        if n % 2 == 0:
            van = location(
                f"VAN{n // 2 + 1:02d}", f"{names[tech.id]}车载库", StockLocationKind.VAN, tech.id
            )
        with_vans.append(TechInfo(tech.id, tech.areas, tech.categories, van))
    batch.rows(StockLocation, ("id", "code", "name", "kind", "technician_id", "active"), rows)
    return with_vans, main, quarantine


def _standards(
    batch: Batch,
    ids: Ids,
    have: dict[tuple[str, str], tuple[float, float, float]],
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """A row for every (kind, urgency); rows a manager already set are kept and used."""
    result = dict(have)
    rows: list[Row] = []
    for kind in TicketKind:
        for urgency in Urgency:
            if (kind.value, urgency.value) in result:
                continue
            d = DEFAULT_STANDARDS[urgency]
            hours = (float(d.respond_hours), float(d.visit_hours), float(d.repair_hours))
            result[(kind.value, urgency.value)] = hours
            rows.append((ids.take(ServiceStandard), kind.value, urgency.value, *hours, False))
    batch.rows(
        ServiceStandard,
        (
            "id",
            "kind",
            "urgency",
            "respond_hours",
            "visit_hours",
            "repair_hours",
            "working_hours_only",
        ),
        rows,
    )
    return result


def _complaint_standards(
    batch: Batch,
    have: dict[str, tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    result = dict(have)
    rows: list[Row] = []
    for severity in Severity:
        if severity.value not in result:
            result[severity.value] = DEFAULT_COMPLAINT_STANDARDS[severity]
            rows.append((severity.value, *result[severity.value]))
    batch.rows(ComplaintStandard, ("severity", "answer_hours", "solution_hours"), rows)
    return result


def _parts(batch: Batch, rng: random.Random, ids: Ids, count: int) -> list[PartInfo]:
    """Each appliance kind's usual parts, in variants for its brands and models."""
    combos = [(ci, name) for ci, cat in enumerate(V.CATEGORIES) for name in cat.parts]
    barcodes: set[str] = set()
    rows: list[Row] = []
    infos: list[PartInfo] = []
    for i in range(count):
        ci, name = combos[i % len(combos)]
        variant = i // len(combos)
        cat, kind = V.CATEGORIES[ci], V.PART_TYPES[name]
        brand, model = rng.choice(cat.models)
        compatible = sorted({model, rng.choice([m for b, m in cat.models if b == brand])})
        cost = rng.randint(*kind.cost_yuan) * 100
        price = int(round(cost * rng.uniform(1.3, 1.8), -2))
        if cost > 50_000:
            point, qty = rng.randint(1, 2), rng.randint(2, 5)
        elif cost > 10_000:
            point, qty = rng.randint(2, 6), rng.randint(5, 15)
        else:
            point, qty = rng.randint(5, 15), rng.randint(20, 50)
        pid = ids.take(Part)
        code = f"{cat.code}-{kind.code}-{variant + 1:03d}"
        bin_location = f"{'ABCDEFG'[ci]}-{variant + 1:02d}-{i % 40 + 1:02d}"
        rows.append(
            (
                pid,
                code,
                _ean13(rng, barcodes),
                name,
                f"{brand} {model}",
                compatible,
                kind.unit,
                cost,
                price,
                bin_location,
                point,
                qty,
                kind.serialized,
                True,
                1,
            )
        )
        infos.append(
            PartInfo(
                pid, code, ci, model, cost, price, point, qty, kind.returnable, kind.serialized
            )
        )
    batch.rows(
        Part,
        (
            "id",
            "code",
            "barcode",
            "name",
            "spec",
            "compatible_models",
            "unit",
            "cost_cents",
            "price_cents",
            "bin_location",
            "reorder_point",
            "reorder_qty",
            "serialized",
            "active",
            "version",
        ),
        rows,
    )
    return infos


def _ean13(rng: random.Random, taken: set[str]) -> str:
    """A unique EAN-13 with China's 69 prefix and a correct check digit."""
    while True:
        body = "69" + f"{rng.randrange(10**10):010d}"
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        code = body + str((10 - total % 10) % 10)
        if code not in taken:
            taken.add(code)
            return code


def _knowledge(batch: Batch, rng: random.Random, ids: Ids, now: int, author: int) -> None:
    rows: list[Row] = []
    models = {c.name: c.models for c in V.CATEGORIES}
    for category, symptom, cause, solution, keywords in V.KNOWLEDGE:
        model = rng.choice(models[category])[1] if rng.random() < 0.3 else None
        rows.append(
            (
                ids.take(KnowledgeArticle),
                category,
                model,
                symptom,
                cause,
                solution,
                keywords,
                utc(now - 700 * DAY),
                author,
            )
        )
    batch.rows(
        KnowledgeArticle,
        (
            "id",
            "category",
            "model",
            "symptom",
            "cause",
            "solution",
            "keywords",
            "created_at",
            "created_by",
        ),
        rows,
    )
