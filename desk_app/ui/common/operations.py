"""Background operations: run service calls off the GUI thread, answer on the GUI thread.

The one way a screen talks to the database (see STYLE.md, after Anki's
``QueryOp``/``CollectionOp``)::

    self.ops.run(
        lambda: customers.search_customers(db, actor, text),
        on_success=self._show_rows,
        on_failure=self._show_error,
        key="lookup.search",
        owner=self,
    )

Guarantees:
- ``fn`` runs on a worker thread of a private QThreadPool; ``on_success`` /
  ``on_failure`` run later on the GUI thread, never inside ``run``.
- With a ``key``, only the newest call for that key is answered: an older call
  still running when a newer one starts is *stale*, its result is dropped (a
  search for "zh" that finishes after the search for "zhang").
- With an ``owner`` QObject, nothing is delivered once the owner was deleted.
- ``quiet`` work (the change poll) does not count as "busy" for the status bar.
- Exceptions from ``fn`` go to ``on_failure``; without one, to ``default_failure``
  (the main window shows it through ``ui.errors``).
- ``fn`` runs inside ``changes.recording()``: what each of its writes committed
  is emitted as ``committed(list[Change])`` on the GUI thread, queued right after
  that write's COMMIT, so always before ``on_success``/``on_failure`` of the job
  (and even when the answer itself is dropped as stale or its owner is gone).
  The desk's ``ChangeHub`` listens; screens never announce a save by hand.

Caller duties: ``fn`` must not touch any widget or QObject (it runs on another
thread); give it plain values. Services are thread-safe (every call opens its
own session), so several operations may run at once.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from desk_app.services.core import changes

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


@dataclass
class _Pending:
    on_success: Success | None
    on_failure: Failure | None
    key: str | None
    generation: int
    owner: QObject | None
    quiet: bool = False


@dataclass(frozen=True)
class _Outcome:
    ok: bool
    value: Any


class _Job(QRunnable):
    def __init__(
        self,
        job_id: int,
        fn: Callable[[], Any],
        done: SignalInstance,
        committed: SignalInstance,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job_id = job_id
        self._fn = fn
        self._done = done
        self._committed = committed

    def run(self) -> None:
        with changes.recording(on_publish=self._committed.emit):
            try:
                outcome = _Outcome(ok=True, value=self._fn())
            except Exception as error:  # every failure is answered on the GUI thread
                outcome = _Outcome(ok=False, value=error)
        self._done.emit(self._job_id, outcome)


class BackgroundOps(QObject):
    """Runs callables on worker threads and delivers results on the GUI thread."""

    # job id and an _Outcome; emitted from worker threads and delivered queued,
    # because this object lives in the GUI thread. (No bool argument: PySide6
    # mis-counts references to True/False passed through queued signals.)
    _finished = Signal(int, object)
    #: number of operations in flight changed (the status bar shows a busy hint)
    busy_changed = Signal(int)
    #: a write of a job committed: list[Change]; emitted on the GUI thread, before the
    #: job's answer is delivered
    committed = Signal(object)
    # the same, emitted from worker threads and delivered queued (in order with _finished)
    _committed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._generations: dict[str, int] = {}
        self._closed = False
        self.default_failure: Failure | None = None
        self._finished.connect(self._deliver)
        self._committed.connect(self._relay_committed)

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        quiet: bool = False,
    ) -> int:
        """Start ``fn`` in the background; returns the job id. Call from the GUI thread.

        After ``shutdown`` (the app is closing) nothing runs and -1 is returned:
        a late timer of a closing screen must not start database work.
        """
        if self._closed:
            log.debug("ignored: background operations were shut down")
            return -1
        job_id = next(self._ids)
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation
        self._pending[job_id] = _Pending(on_success, on_failure, key, generation, owner, quiet)
        if not quiet:
            self.busy_changed.emit(self.in_flight)
        self._pool.start(_Job(job_id, fn, self._finished, self._committed))
        return job_id

    def cancel(self, key: str) -> None:
        """Drop the answer of whatever is running under ``key`` (it still runs to its end)."""
        self._generations[key] = self._generations.get(key, 0) + 1

    @property
    def in_flight(self) -> int:
        """Operations under way that someone waits for (``quiet`` housekeeping not counted)."""
        return sum(1 for p in self._pending.values() if not p.quiet)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until every started job returned (tests and shutdown only)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 30000) -> None:
        """Refuse new work, wait for running jobs, drop undelivered answers; the same for
        the helpers made as its children (the print jobs' own, ``ui.paperwork.jobs``)."""
        for child in self.findChildren(BackgroundOps):
            child.shutdown(msecs)
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone(msecs)
        self._pending.clear()

    def _relay_committed(self, committed: list[changes.Change]) -> None:
        self.committed.emit(committed)

    def _deliver(self, job_id: int, outcome: _Outcome) -> None:
        ok, payload = outcome.ok, outcome.value
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if not pending.quiet:
            self.busy_changed.emit(self.in_flight)
        if pending.key is not None and self._generations.get(pending.key) != pending.generation:
            log.debug("dropping stale result of %s", pending.key)
            return
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return
        if ok:
            if pending.on_success is not None:
                pending.on_success(payload)
            return
        error = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
        handler = pending.on_failure or self.default_failure
        if handler is None:
            log.error("background operation failed", exc_info=error)
        else:
            handler(error)
