"""Reload a screen only while it is on view: a hidden screen remembers that it is out
of date and reloads the next time it is shown.

A desk keeps every screen built (the stack behind the navigation), and each listens to
the change stream of the whole shop. Without this, every change at any desk made every
desk reload every list, seen or not (the maintenance list alone took seconds at a big
shop). Screens call ``request()`` where they used to reload, at start too: a screen
never shown never loads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class ReloadOnView(QObject):
    """``request()``: reload now if ``widget`` is visible, else when it is next shown."""

    def __init__(
        self, widget: QWidget, reload: Callable[[], None], *, loaded: bool = False
    ) -> None:
        """``loaded``: the screen loads itself at start (not on first show)."""
        super().__init__(widget)
        self._widget = widget
        self._reload = reload
        self.stale = not loaded
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            # After the show has finished: the reload may read the widget's size.
            QTimer.singleShot(0, self._reload)
        return False
