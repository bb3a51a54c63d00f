"""What the generated history is drawn from: staff, technicians, parts, customers, the clock."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from desk_app.services.demo.bulk import Ids, LocalTime, Numbers

HOUR = 3600
DAY = 86400

T = TypeVar("T")


class DemoRandom(random.Random):
    """``random.Random`` with a cheaper ``choice`` and ``randrange`` (one float each).

    The library versions draw bits until an unbiased integer comes out, which is
    most of the generation time at a million tickets; the float's bias (2**-53)
    is of no concern for demo data. Still fully determined by the seed.
    """

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1 or stop <= start:
            return super().randrange(start, stop, step)
        return start + int(self.random() * (stop - start))


class Weighted(Generic[T]):
    """A weighted choice drawn with one random number (``random.choices`` is slower)."""

    __slots__ = ("_cum", "_last", "_total", "_values")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self._values = [value for value, _w in pairs]
        self._cum: list[float] = []
        total = 0.0
        for _value, weight in pairs:
            total += weight
            self._cum.append(total)
        self._total = total
        self._last = len(self._values) - 1

    def pick(self, rng: random.Random) -> T:
        return self._values[min(bisect(self._cum, rng.random() * self._total), self._last)]


@dataclass(frozen=True)
class Staff:
    manager: int
    clerks: list[int]
    dispatchers: list[int]
    parts_clerks: list[int]
    followups: list[int]


@dataclass(frozen=True)
class TechInfo:
    id: int
    areas: tuple[str, ...]
    categories: tuple[int, ...]  # indexes into vocabulary.CATEGORIES
    van_id: int | None


@dataclass(frozen=True)
class PartInfo:
    id: int
    code: str
    category: int
    model: str
    cost: int
    price: int
    reorder_point: int
    reorder_qty: int
    returnable: bool
    serialized: bool


@dataclass
class CustomerBook:
    """What ticket generation needs to know about each customer and appliance, by index."""

    first_id: int = 0
    address: list[str] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    phone: list[str] = field(default_factory=list)
    first_appliance: list[int] = field(default_factory=list)  # index into the app_* lists
    appliance_count: list[int] = field(default_factory=list)
    app_first_id: int = 0
    app_category: list[int] = field(default_factory=list)
    app_model: list[str] = field(default_factory=list)
    app_purchase: list[int] = field(default_factory=list)  # UTC seconds of local midnight
    app_warranty_end: list[date] = field(default_factory=list)


@dataclass
class Usage:
    """Parts one ticket used (or waits for), for the ledger pass after all tickets exist."""

    at: int
    ticket_id: int
    technician: int
    lines: list[tuple[int, int, int]]  # (part index, quantity, returned unused)
    waiting: bool = False  # still waiting: an open requisition, nothing issued yet


@dataclass
class ComplaintSeed:
    """A complaint to write later, received some time in [earliest, latest]."""

    earliest: int
    latest: int
    ticket_id: int | None
    customer_id: int
    technician_id: int | None
    category: str


@dataclass
class World:
    """Everything one run's history is generated from; shared by its phases."""

    rng: random.Random
    now: int
    local: LocalTime
    ids: Ids
    numbers: Numbers
    staff: Staff
    standards: dict[tuple[str, str], tuple[float, float, float]]
    complaint_standards: dict[str, tuple[float, float]]
    techs: list[TechInfo]
    parts: list[PartInfo]
    main_store: int
    damaged_store: int
    book: CustomerBook
    tech_index: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    parts_by_model: dict[str, list[int]] = field(default_factory=dict)
    parts_by_category: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, tech in enumerate(self.techs):
            for area in tech.areas:
                self.tech_index.setdefault((area, -1), []).append(i)
                for cat in tech.categories:
                    self.tech_index.setdefault((area, cat), []).append(i)
        for i, part in enumerate(self.parts):
            self.parts_by_model.setdefault(part.model, []).append(i)
            self.parts_by_category.setdefault(part.category, []).append(i)
