"""Count the statements a piece of work sends: round trips are caught by tests, not only
by benchmarks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from desk_app.services.core.database import Database


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """The SQL statements sent through ``db`` inside the block, in order (BEGIN and
    transaction control excluded: the drivers send those outside the cursor)."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
