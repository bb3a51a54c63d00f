"""What every settings tab shares: the tab base class (load, save, field errors, banner),
the save-job type and the grey note under a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import ConflictError, ValidationError
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Section, Version
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import message_for, show_error
from desk_app.ui.common.widgets import Banner, FieldErrors

# A save job: runs on a worker thread (or inline for this PC's own settings) and returns
# what ``saved`` gets.
SaveJob = Callable[[], Any]
NOTE_STYLE = "color: #555;"


def menu_text() -> str:
    """The main window's Desk-menu entry (kept here so this area's catalog holds it)."""
    return QCoreApplication.translate("MainWindow", "&Settings…")


def note(text: str) -> QLabel:
    """A grey explanatory line under a form."""
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(NOTE_STYLE)
    return label


class SettingsTab(QWidget):
    """One tab: a banner, the subclass's form, a Save button. Subclasses implement
    ``read`` (worker thread), ``show_values``, ``collect`` (GUI thread: widgets → a
    ``SaveJob``; may raise ValidationError) and may set ``in_background = False``.

    A tab with a ``section`` reads its version before its values; ``collect`` passes
    ``self.version`` as ``expected``. When another manager saved the tab meanwhile, the
    banner names them and the time, the typing stays, and the manager chooses: save the
    typing over theirs (``saveMine``) or show what is stored now (``takeTheirs``)."""

    dirty_changed = Signal(bool)
    in_background = True
    section: Section | None = None

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.errors = FieldErrors()
        self.banner = Banner(self)
        self.save_button = QPushButton(self.tr("Save"), objectName="saveSettings")
        self.save_button.clicked.connect(self.save)
        self.save_mine_button = QPushButton(self.tr("Save mine over theirs"), objectName="saveMine")
        self.save_mine_button.clicked.connect(self.save_mine)
        self.take_theirs_button = QPushButton(self.tr("Show theirs"), objectName="takeTheirs")
        self.take_theirs_button.clicked.connect(self.take_theirs)
        self.version = Version()
        self.theirs: Version | None = None
        self.dirty = False
        self.loaded = False
        self._showing = False
        self.body = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_theirs_button)
        buttons.addWidget(self.save_mine_button)
        buttons.addWidget(self.save_button)
        self._conflict_buttons(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.body, 1)
        layout.addLayout(buttons)

    # ---------------------------------------------------------------- for subclasses

    def read(self) -> Any:
        """The values to show, read from the database (worker thread)."""
        return None

    def show_values(self, values: Any) -> None:
        """Fill the widgets (GUI thread)."""

    def collect(self) -> SaveJob:
        raise NotImplementedError

    def after_save(self, result: Any) -> None:
        """The save went through (GUI thread)."""

    # ---------------------------------------------------------------- loading

    def watch(self) -> None:
        """Mark the tab dirty on any edit; call once the form is built."""
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._edited)
        for text in self.findChildren(QPlainTextEdit):
            text.textChanged.connect(self._edited)
        for spin in self.findChildren(QAbstractSpinBox):
            spin.editingFinished.connect(self._edited)
            if hasattr(spin, "valueChanged"):
                spin.valueChanged.connect(self._edited)
        for combo in self.findChildren(QComboBox):
            combo.activated.connect(self._edited)
        for button in self.findChildren(QAbstractButton):
            if button.isCheckable():
                button.toggled.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._showing and self.loaded and not self.dirty:
            self.dirty = True
            self.dirty_changed.emit(True)

    def _set_clean(self) -> None:
        if self.dirty:
            self.dirty = False
            self.dirty_changed.emit(False)

    def _read_versioned(self) -> tuple[Version, Any]:
        """The version first, then the values: a save in between is a conflict at worst,
        never a lost update."""
        section, db = self.section, self.desk.db
        current = settings.version(db, section) if section is not None else Version()
        return current, self.read()

    def load(self) -> None:
        if not self.in_background:
            self._loaded((Version(), self.read()))
            return
        self.save_button.setEnabled(False)
        self.desk.ops.run(
            self._read_versioned,
            on_success=self._loaded,
            on_failure=self._load_failed,
            key=f"settings.load.{type(self).__name__}",
            owner=self,
        )

    def _loaded(self, versioned: tuple[Version, Any]) -> None:
        self.version, values = versioned
        self.theirs = None
        self._conflict_buttons(False)
        self._showing = True
        try:
            self.show_values(values)
        finally:
            self._showing = False
        self.loaded = True
        self.save_button.setEnabled(True)
        self._set_clean()

    def _load_failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error, self.desk.tz), "error")

    # ---------------------------------------------------------------- saving

    def save(self) -> None:
        """Check and save this tab; refused input is marked and stays as typed."""
        if not self.loaded or not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.banner.hide()
        try:
            job = self.collect()
        except ValidationError as error:
            self._failed(error)
            return
        if not self.in_background:
            try:
                result = job()
            except Exception as error:  # shown by _failed, like a background failure
                self._failed(error)
                return
            self._saved(result)
            return
        self.save_button.setEnabled(False)
        self.desk.ops.run(
            job,
            on_success=self._saved,
            on_failure=self._failed,
            key=f"settings.save.{type(self).__name__}",
            owner=self,
        )

    def _saved(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        if self.section is not None:
            self.version = self.version.next()
        self.theirs = None
        self._conflict_buttons(False)
        self._set_clean()
        self.banner.show_message(self.tr("Saved."), "ok")
        self.after_save(result)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ConflictError):
            self._conflict(error)
            return
        if isinstance(error, ValidationError) and self.errors.mark_error(error):
            self.banner.show_message(
                self.tr("Not saved: please correct the marked field."), "warning"
            )
            return
        self.banner.show_message(self.tr("Not saved."), "error")
        show_error(self, error, self.desk.tz)

    # ---------------------------------------------------------------- conflicts

    def _conflict(self, error: ConflictError) -> None:
        """Someone saved this tab after it was loaded: say who and when, keep the typing."""
        theirs = error.current.get("version")
        self.theirs = theirs if isinstance(theirs, Version) else None
        text = (
            self.tr("Not saved.")
            + " "
            + message_for(error, self.desk.tz)
            + "\n"
            + self.tr(
                "Your typing is still in the form: save it over theirs, or show theirs "
                "(your typing is then lost)."
            )
        )
        self.banner.show_message(text, "warning")
        self._conflict_buttons(self.theirs is not None)

    def _conflict_buttons(self, visible: bool) -> None:
        self.save_mine_button.setVisible(visible)
        self.take_theirs_button.setVisible(visible)

    def save_mine(self) -> None:
        """Save the typing over the newer version the conflict named."""
        if self.theirs is not None:
            self.version = self.theirs
            self.save()

    def take_theirs(self) -> None:
        """Drop the typing and show what is stored now."""
        self.banner.hide()
        self.errors.clear()
        self.load()
