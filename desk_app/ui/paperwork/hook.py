"""The front desk's door to printing: the work order of a ticket, when printing is installed.

The printing issue owns ``desk_app.printing`` and ``desk_app.ui.paperwork.preview``;
this module only finds them. Until they offer a work-order preview, the print
actions stay disabled with a tooltip saying so.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QWidget

from desk_app.ui.common.context import Desk

log = logging.getLogger(__name__)


def _preview_module() -> ModuleType | None:
    try:
        return importlib.import_module("desk_app.ui.paperwork.preview")
    except ImportError:
        return None


class WorkOrderPrinter:
    """Opens the print preview of one ticket's work order (派工单)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._module = _preview_module()

    @property
    def available(self) -> bool:
        return self._opener() is not None

    def _opener(self) -> Any:
        spec = importlib.util.find_spec("desk_app.services.paperwork.paperwork")
        if self._module is None or spec is None:
            return None
        return getattr(self._module, "open_work_order_preview", None)

    def preview(self, parent: QWidget, ticket_id: int) -> None:
        """Print the work order (loaded and rendered in the background by the printing
        module) where this PC routes work orders, or open its preview."""
        opener = self._opener()
        if opener is None:
            return
        from desk_app.ui.paperwork.present import present_pdf

        def present(pdf: bytes, title: str, file_name: str) -> None:
            present_pdf(
                parent, self.desk, "work_order", pdf, title=title, file_name=file_name, paper="A4"
            )

        opener(parent, self.desk.db, self.desk.actor, ticket_id, ops=self.desk.ops, present=present)
