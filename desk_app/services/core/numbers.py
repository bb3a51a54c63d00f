"""Human-friendly document numbers (S20261123-0001) that never repeat.

The per-day counter row is created or incremented by one atomic
INSERT .. ON CONFLICT DO UPDATE .. RETURNING, so two desks taking the first
number of a new day at the same moment get 0001 and 0002: the loser of the
insert race updates the winner's row instead of failing. The row stays locked
until the caller's transaction ends, so numbers are also gap-free when a save
is rolled back.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk_app.db.models import NumberSequence

PREFIXES = {"ticket": "S", "complaint": "C", "requisition": "R"}


def next_number(session: Session, series: str, at: datetime, tz: ZoneInfo) -> str:
    day = at.astimezone(tz).strftime("%Y%m%d")
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(NumberSequence).values(name=series, day=day, last_value=1)
    stmt = upsert.on_conflict_do_update(
        index_elements=[NumberSequence.name, NumberSequence.day],
        set_={"last_value": NumberSequence.last_value + 1},
    ).returning(NumberSequence.last_value)
    value = session.execute(stmt).scalar_one()
    return f"{PREFIXES[series]}{day}-{value:04d}"
