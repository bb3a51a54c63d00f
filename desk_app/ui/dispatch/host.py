"""What the board's helpers (its actions and its day printer) need of the board itself.

A protocol, so that ``board.DispatchBoard`` imports its helpers and they never import
the board back: the arrows run one way.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from desk_app.ui.common.context import Desk
from desk_app.ui.dispatch.model import BoardData


class BoardHost(Protocol):
    desk: Desk
    data: BoardData
    #: the last question asked (tests answer it)
    dialog: QWidget | None
    #: the dispatcher wants a ticket opened
    open_ticket: SignalInstance

    def refresh(self) -> None: ...

    def say(self, text: str, kind: str = "info") -> None: ...
