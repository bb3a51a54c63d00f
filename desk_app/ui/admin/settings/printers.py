"""Settings tab of the printed documents: which printer and paper each document kind goes
to on this PC, and the language each kind prints in (shared by every desk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desk_app.printing import DOCUMENT_KINDS, PAPER_SIZES
from desk_app.services.admin import settings
from desk_app.ui.admin.settings.base import SaveJob, SettingsTab, note
from desk_app.ui.common.context import Desk
from desk_app.ui.common.widgets import ERROR_STYLE
from desk_app.ui.paperwork.present import (
    PrintRoute,
    check_print_route,
    document_labels,
    get_print_routes,
    language_labels,
    paper_labels,
    set_print_route,
)


class PrintersTab(SettingsTab):
    """Which printer and paper each document kind goes to on THIS computer, without a
    dialog ("Show the preview", the default, asks every time), and the language each
    kind prints in at every desk (the database; Chinese for customer-facing paper until
    a manager says otherwise).

    The languages load and save in the background as the ``PRINTING`` section; the
    routes are this PC's QSettings, read and written on the GUI thread, and written
    only once the languages saved."""

    section = settings.Section.PRINTING

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
        self.languages: dict[str, QComboBox] = {}
        self._routes: dict[str, PrintRoute] = {}
        grid = QGridLayout()
        captions = (
            self.tr("Document"),
            self.tr("Print to (this computer)"),
            self.tr("Paper"),
            self.tr("Language (every desk)"),
        )
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
            language = QComboBox(objectName=f"language_{kind}")
            for code, label in language_labels().items():
                language.addItem(label, code)
            grid.addWidget(QLabel(names.get(kind, kind)), row, 0)
            grid.addWidget(target, row, 1)
            grid.addWidget(paper, row, 2)
            grid.addWidget(language, row, 3)
            error = QLabel(wordWrap=True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            grid.addWidget(error, row + 1, 1, 1, 3)
            fields = (f"printer.{kind}", f"paper.{kind}", f"print_language.{kind}", kind)
            self.errors.add(fields, target, error)
            self.targets[kind], self.papers[kind] = target, paper
            self.languages[kind] = language
        grid.setColumnStretch(1, 1)
        self.refresh_button = QPushButton(self.tr("Look for printers again"))
        self.refresh_button.clicked.connect(self.load)
        self.body.addLayout(grid)
        self.body.addWidget(
            note(
                self.tr(
                    "Printers are stored on this computer only: each counter chooses its "
                    "own. A document sent straight to a printer is not shown first; the "
                    "status bar says what became of it (printed, waiting in the queue, "
                    "held, refused). The technician's day prints with the work orders. "
                    "Languages hold for every desk: customer-facing paper prints in "
                    "Chinese unless set otherwise; “The desk's language” prints in the "
                    "language of the desk that prints it."
                )
            )
        )
        refresh = QHBoxLayout()
        refresh.addWidget(self.refresh_button)
        refresh.addStretch(1)
        self.body.addLayout(refresh)
        self.body.addStretch(1)
        self.watch()

    def read(self) -> dict[str, str]:
        """The languages (worker thread); the routes are read in ``show_values``."""
        return settings.get_print_languages(self.desk.db)

    def show_values(self, values: Any) -> None:
        languages: dict[str, str] = values
        for kind, combo in self.languages.items():
            combo.setCurrentIndex(max(0, combo.findData(languages.get(kind))))
        routes = self._routes = get_print_routes(self.desk.settings)
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

    def choose(
        self,
        kind: str,
        printer: str | None,
        paper: str | None = None,
        *,
        language: str | None = None,
    ) -> None:
        """Pick a printer (None: the preview), paper and language as the manager would."""
        target = self.targets[kind]
        target.setCurrentIndex(target.findData(printer))
        if paper is not None:
            self.papers[kind].setCurrentIndex(self.papers[kind].findData(paper))
        if language is not None:
            self.languages[kind].setCurrentIndex(self.languages[kind].findData(language))
        self._edited()

    def collect(self) -> SaveJob:
        desk, expected = self.desk, self.version
        self._chosen = {
            kind: (target.currentData(), self.papers[kind].currentData())
            for kind, target in self.targets.items()
        }
        for kind, (printer, _paper) in self._chosen.items():  # refused before any save
            check_print_route(desk, kind, printer)
        languages = {kind: combo.currentData() for kind, combo in self.languages.items()}

        def job() -> dict[str, str]:
            return settings.set_print_languages(desk.db, desk.actor, languages, expected=expected)

        return job

    def after_save(self, result: Any) -> None:
        """The languages are saved: now this PC's routes (GUI thread)."""
        for kind, (printer, paper) in self._chosen.items():
            set_print_route(self.desk, kind, printer, paper)
