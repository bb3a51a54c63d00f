"""What a write changed: the records a committed transaction touched, by kind and id.

``audit.record`` adds one change-log row per changed record and notes the row in
the session (``note``). ``Database.write`` publishes the noted rows after COMMIT
returned (``publish``): a retried attempt runs in a fresh session, so the rows of
a rolled-back attempt are never published, and a row undone by a rolled-back
savepoint is dropped because it is no longer persistent.

Published changes go to every ``recording()`` active in the calling context
(a contextvar, so per thread), innermost first::

    with changes.recording() as recorder:
        customers.create_customer(db, actor, draft)
    recorder.changes  # [Change(entity="customer", entity_id=7, action=..., id=...)]

The background-operation helper runs each job inside a recorder and announces
what it recorded to this desk's screens; other desks read the same rows from
the change feed (``feed.FeedReader``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from desk_app.db.models import ChangeLog

log = logging.getLogger(__name__)

_SESSION_KEY = "desk_changes"


@dataclass(frozen=True)
class Change:
    """One committed change-log row: which kind of record, which one, what was done.

    ``id`` is the change-log id (the feed's position), known once the row was flushed.
    """

    entity: str
    entity_id: int
    action: str
    id: int = 0


@dataclass
class Recorder:
    """Collects the changes committed while it is active; ``on_publish`` hears each batch
    at once (on the committing thread), right after its transaction committed."""

    changes: list[Change] = field(default_factory=list)
    on_publish: Callable[[list[Change]], None] | None = None
    parent: Recorder | None = None


_current: ContextVar[Recorder | None] = ContextVar("desk_change_recorder", default=None)


@contextmanager
def recording(on_publish: Callable[[list[Change]], None] | None = None) -> Iterator[Recorder]:
    """Collect the changes of every write committed inside the block (nests)."""
    recorder = Recorder(on_publish=on_publish, parent=_current.get())
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def note(session: Session, row: ChangeLog) -> None:
    """Remember a change-log row added in ``session``, to publish after its commit."""
    session.info.setdefault(_SESSION_KEY, []).append(row)


def discard(session: Session) -> None:
    """Forget what ``session`` noted (its transaction rolled back)."""
    session.info.pop(_SESSION_KEY, None)


def publish(session: Session) -> list[Change]:
    """Call after ``session``'s transaction committed (before closing it): hand its rows
    to the active recorders and return them as changes."""
    rows: list[ChangeLog] = session.info.pop(_SESSION_KEY, [])
    committed = [
        Change(r.entity, r.entity_id, r.action, r.id) for r in rows if inspect(r).persistent
    ]
    if committed:
        recorder = _current.get()
        while recorder is not None:
            recorder.changes.extend(committed)
            if recorder.on_publish is not None:
                try:
                    recorder.on_publish(list(committed))
                except Exception:  # the write did commit: never report it as failed
                    log.exception("a change listener failed")
            recorder = recorder.parent
    return committed
