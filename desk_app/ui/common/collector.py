"""Python's cyclic garbage collection, run on the GUI thread only.

Left to itself, Python collects reference cycles on whichever thread happens to be
allocating when a threshold is crossed, often a background worker. A cycle that holds
a Qt object (a closed dialog and a slot of its own) is then destroyed on that worker:
the destructor takes Qt's connection lock and waits for the interpreter lock, which
the GUI thread holds while it waits for the connection lock. The desk freezes (seen:
a follow-up call opening a complaint form while the queue reloaded). The usual remedy
for Qt applications: turn the automatic collection off and collect from a timer on
the GUI thread, with the same generation thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_if_due(threshold: tuple[int, int, int]) -> None:
    """Collect the generations whose counts passed ``threshold``, as Python would."""
    first, second, third = gc.get_count()
    if first > threshold[0]:
        generation = 0
        if second > threshold[1]:
            generation = 2 if third > threshold[2] else 1
        gc.collect(generation)


class GuiThreadCollector(QObject):
    """While it lives, cycles are collected every ``interval_ms`` on this thread."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        collect_if_due(self._threshold)

    def stop(self) -> None:
        """Stop collecting here; automatic collection is back only if it was on before
        (a test session that turned it off keeps it off)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
