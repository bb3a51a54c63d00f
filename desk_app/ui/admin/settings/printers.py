"""Settings tab of this PC's printers: which printer and paper each document kind goes to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desk_app.printing import DOCUMENT_KINDS, PAPER_SIZES
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import ERROR_STYLE
from desk_app.ui.paperwork.present import (
    PrintRoute,
    document_labels,
    get_print_routes,
    paper_labels,
    set_print_route,
)


class PrintersTab(SettingsTab):
    """Which printer and paper each document kind goes to on THIS computer, without a
    dialog; "Show the preview" (the default) asks every time."""

    in_background = False  # this PC's QSettings, not the database

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        printer_names: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._printer_names = printer_names or (
            lambda: [str(n) for n in QPrinterInfo.availablePrinterNames()]
        )
        self.targets: dict[str, QComboBox] = {}
        self.papers: dict[str, QComboBox] = {}
        grid = QGridLayout()
        captions = (self.tr("Document"), self.tr("Print to"), self.tr("Paper"))
        for column, caption in enumerate(captions):
            grid.addWidget(QLabel(f"<b>{caption}</b>"), 0, column)
        names, papers = document_labels(), paper_labels()
        for index, kind in enumerate(DOCUMENT_KINDS):
            row = 1 + 2 * index
            target = QComboBox(objectName=f"printer_{kind}")
            target.setMinimumWidth(280)
            paper = QComboBox(objectName=f"paper_{kind}")
            for code in PAPER_SIZES:
                paper.addItem(papers.get(code, code), code)
            target.currentIndexChanged.connect(lambda _i=0, k=kind: self._enable_paper(k))
            grid.addWidget(QLabel(names.get(kind, kind)), row, 0)
            grid.addWidget(target, row, 1)
            grid.addWidget(paper, row, 2)
            error = QLabel(wordWrap=True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            grid.addWidget(error, row + 1, 1, 1, 2)
            self.errors.add((f"printer.{kind}", f"paper.{kind}", kind), target, error)
            self.targets[kind], self.papers[kind] = target, paper
        grid.setColumnStretch(1, 1)
        self.refresh_button = QPushButton(self.tr("Look for printers again"))
        self.refresh_button.clicked.connect(self.load)
        self.body.addLayout(grid)
        self.body.addWidget(
            note(
                self.tr(
                    "Stored on this computer only: each counter chooses its own printer. "
                    "A document sent straight to a printer is not shown first; the status "
                    "bar says where it went."
                )
            )
        )
        refresh = QHBoxLayout()
        refresh.addWidget(self.refresh_button)
        refresh.addStretch(1)
        self.body.addLayout(refresh)
        self.body.addStretch(1)
        self.watch()

    def read(self) -> dict[str, PrintRoute]:
        return get_print_routes(self.desk.settings)

    def show_values(self, values: Any) -> None:
        routes: dict[str, PrintRoute] = values
        installed = self._printer_names()
        for kind, target in self.targets.items():
            route = routes.get(kind)
            target.clear()
            target.addItem(self.tr("Show the preview"), None)
            for name in installed:
                target.addItem(name, name)
            if route is not None and route.printer not in installed:
                target.addItem(
                    self.tr("%1 (not installed)").replace("%1", route.printer), route.printer
                )
            target.setCurrentIndex(max(0, target.findData(route.printer)) if route else 0)
            paper = (route.paper if route else None) or DOCUMENT_KINDS[kind][1]
            self.papers[kind].setCurrentIndex(max(0, self.papers[kind].findData(paper)))
            self._enable_paper(kind)

    def _enable_paper(self, kind: str) -> None:
        self.papers[kind].setEnabled(self.targets[kind].currentData() is not None)

    def choose(self, kind: str, printer: str | None, paper: str | None = None) -> None:
        """Pick a printer (None: the preview) and paper as the manager would."""
        target = self.targets[kind]
        target.setCurrentIndex(target.findData(printer))
        if paper is not None:
            self.papers[kind].setCurrentIndex(self.papers[kind].findData(paper))
        self._edited()

    def collect(self) -> SaveJob:
        desk = self.desk
        chosen = {
            kind: (target.currentData(), self.papers[kind].currentData())
            for kind, target in self.targets.items()
        }

        def job() -> None:
            for kind, (printer, paper) in chosen.items():
                set_print_route(desk, kind, printer, paper)

        return job
