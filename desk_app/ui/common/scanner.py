"""A barcode scanner is a keyboard: a ticket code typed at machine speed, then Enter.

``ScannerFilter`` is installed on the QApplication and sees every key press
wherever the focus is. Characters arriving faster than a person types
(``max_gap`` apart) are collected; when Enter ends a run that matches the
ticket number pattern (``S20261123-0001``), the filter swallows the Enter,
removes the scanned characters from the line edit that received them, and
emits ``scanned(code)``. Human typing (slower) is never intercepted.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

TICKET_CODE = re.compile(r"S\d{8}-\d{4}")

# A scanner sends a character every few milliseconds; people need 80 ms or more.
MAX_GAP_SECONDS = 0.035
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerFilter(QObject):
    """Application-wide event filter turning scanner input into ``scanned(code)``."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pattern: re.Pattern[str] = TICKET_CODE,
        max_gap: float = MAX_GAP_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._pattern = pattern
        self._max_gap = max_gap
        self._clock = clock
        self._buffer = ""
        self._last_at = 0.0
        # A key event travels the widget's parents when ignored, and the filter
        # sees it at each stop; remember the last one so each press counts once.
        self._last_event: tuple[int, int] | None = None

    def reset(self) -> None:
        self._buffer = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        assert isinstance(event, QKeyEvent)
        marker = (int(shiboken6.getCppPointer(event)[0]), int(kind.value))
        if marker == self._last_event:
            return False
        self._last_event = marker
        if kind != QEvent.Type.KeyPress:
            return False
        now = self._clock()
        fast = now - self._last_at <= self._max_gap
        self._last_at = now
        if event.key() in _ENTER:
            buffer, self._buffer = self._buffer, ""
            focus = QApplication.focusWidget()
            if focus is not None and focus.property("scanTarget"):
                return False  # a field made for scanning (stocktake, ticket boxes) keeps it
            # The code must end the fast run (keys typed just before it may join the run).
            match = next(
                (m for m in self._pattern.finditer(buffer) if m.end() == len(buffer)), None
            )
            if fast and match is not None:
                code = match.group(0)
                self._remove_typed(code)
                self.scanned.emit(code)
                return True
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self._buffer = ""
            return False
        self._buffer = (self._buffer + text if fast else text)[-40:]
        return False

    @staticmethod
    def _remove_typed(code: str) -> None:
        """Take the scanned code back out of the text box it was typed into."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit) and widget.text().endswith(code):
            widget.setText(widget.text()[: -len(code)])
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            text = widget.toPlainText()
            if text.endswith(code):
                widget.setPlainText(text[: -len(code)])
