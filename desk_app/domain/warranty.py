"""Warranty status of an appliance and what it means for charges."""

from __future__ import annotations

from datetime import date, timedelta

from desk_app.domain.enums import WarrantyStatus

EXPIRING_WITHIN = timedelta(days=30)


def warranty_status(warranty_end: date | None, today: date) -> WarrantyStatus:
    if warranty_end is None:
        return WarrantyStatus.UNKNOWN
    if warranty_end < today:
        return WarrantyStatus.OUT
    if warranty_end - today <= EXPIRING_WITHIN:
        return WarrantyStatus.EXPIRING
    return WarrantyStatus.IN


def is_chargeable(status: WarrantyStatus, *, misuse: bool) -> bool:
    """Out-of-warranty work is charged; so is a repair caused by misuse inside warranty.

    Unknown warranty (no purchase date) is treated as chargeable until the
    customer shows proof of purchase: the customer must be told before work.
    """
    return misuse or status in (WarrantyStatus.OUT, WarrantyStatus.UNKNOWN)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
