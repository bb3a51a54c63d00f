"""The five ratings (attitude … overall) on the five-level scale, laid out like the paper
feedback form and typed with the number keys: 5 = very satisfied … 1 = very dissatisfied.

Keyboard: with the grid focused, 1–5 answers the highlighted row and moves to the next;
after the fifth answer ``completed`` fires (the screen moves the focus on). Backspace
clears the row (or steps back to the previous one), Up/Down move between rows. The
buttons take no focus, so clicking one leaves the keyboard where it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QWidget

from desk_app.domain.complaint_rules import RATING_FIELDS, Ratings
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.common.widgets import ERROR_STYLE

LEVELS = (5, 4, 3, 2, 1)  # best first, the paper form's column order
_BUTTON_STYLE = (
    "QPushButton {{ min-width: 34px; min-height: 24px; border: 1px solid #b8b8b8;"
    " border-radius: 3px; background: #fafafa; font-weight: bold; }}"
    " QPushButton:checked {{ background: {color}; color: white; border-color: {color}; }}"
)


class RatingsInput(QWidget):
    """Five rows × five levels; ``ratings()`` is None until every row is answered."""

    changed = Signal()
    completed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingsInput")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            self.tr("Keys 1–5 answer the highlighted row: 5 very satisfied … 1 very dissatisfied")
        )
        self._values: dict[str, int | None] = dict.fromkeys(RATING_FIELDS)
        self._row = 0
        self._groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, int], QPushButton] = {}
        self._captions: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        heads = []
        for col, (level, text) in enumerate(complaint_labels.rating_levels().items(), start=1):
            head = QLabel(f"{level}\n{text}", alignment=Qt.AlignmentFlag.AlignCenter)
            head.setStyleSheet(f"color: {complaint_labels.RATING_COLORS[level]};")
            grid.addWidget(head, 0, col)
            heads.append(head)
        # Equal columns, as on the paper form, whatever the length of each level's name.
        width = max(h.sizeHint().width() for h in heads) + 6
        for col in range(1, len(LEVELS) + 1):
            grid.setColumnMinimumWidth(col, width)
        for row, (name, caption) in enumerate(complaint_labels.rating_fields().items(), start=1):
            label = QLabel(caption)
            self._captions[name] = label
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            group.setExclusive(False)  # so a row can be cleared again
            self._groups[name] = group
            for col, level in enumerate(LEVELS, start=1):
                button = QPushButton(str(level), objectName=f"rate_{name}_{level}")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setStyleSheet(
                    _BUTTON_STYLE.format(color=complaint_labels.RATING_COLORS[level])
                )
                button.clicked.connect(lambda _c=False, n=name, v=level: self._clicked(n, v))
                group.addButton(button, level)
                self.buttons[(name, level)] = button
                grid.addWidget(button, row, col, alignment=Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(len(LEVELS) + 1, 1)  # compact on the left, like the form
        self.error = QLabel(objectName="ratingsError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        grid.addWidget(self.error, len(RATING_FIELDS) + 1, 0, 1, len(LEVELS) + 1)
        self._paint()

    # ---------------------------------------------------------------- values

    def values(self) -> dict[str, int | None]:
        return dict(self._values)

    def missing(self) -> list[str]:
        return [f for f in RATING_FIELDS if self._values[f] is None]

    def ratings(self) -> Ratings | None:
        if self.missing():
            return None
        return Ratings.from_mapping(self._values)

    def set_ratings(self, ratings: Ratings | None) -> None:
        values = ratings.as_dict() if ratings is not None else dict.fromkeys(RATING_FIELDS)
        for name in RATING_FIELDS:
            self._values[name] = values[name]
        self._row = 0
        self.clear_error()
        self._paint()
        self.changed.emit()

    def clear(self) -> None:
        self.set_ratings(None)

    @property
    def current_field(self) -> str:
        return RATING_FIELDS[self._row]

    # ---------------------------------------------------------------- errors

    def show_missing(self) -> bool:
        """Mark the rows not answered; False if there are none."""
        missing = self.missing()
        if not missing:
            return False
        names = complaint_labels.rating_fields()
        self.error.setText(
            self.tr("Answer every row: %1.").replace(
                "%1", self.tr(", ").join(names[f] for f in missing)
            )
        )
        self.error.show()
        self._row = RATING_FIELDS.index(missing[0])
        self._paint()
        return True

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()

    # ---------------------------------------------------------------- input

    def _clicked(self, name: str, level: int) -> None:
        self._set(name, None if self._values[name] == level else level)
        index = RATING_FIELDS.index(name)
        if self._values[name] is not None and index + 1 < len(RATING_FIELDS):
            self._row = index + 1
        self._paint()

    def _set(self, name: str, value: int | None) -> None:
        self._values[name] = value
        if not self.missing():
            self.clear_error()
        self._paint()
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text in ("1", "2", "3", "4", "5"):
            self._set(self.current_field, int(text))
            if self._row + 1 < len(RATING_FIELDS):
                self._row += 1
                self._paint()
            else:
                self.completed.emit()
            return
        if key == Qt.Key.Key_Backspace:
            if self._values[self.current_field] is None and self._row > 0:
                self._row -= 1
            self._set(self.current_field, None)
            return
        if key == Qt.Key.Key_Up and self._row > 0:
            self._row -= 1
            self._paint()
            return
        if key == Qt.Key.Key_Down and self._row + 1 < len(RATING_FIELDS):
            self._row += 1
            self._paint()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        missing = self.missing()
        if missing and event.reason() != Qt.FocusReason.MouseFocusReason:
            self._row = RATING_FIELDS.index(missing[0])
        self._paint()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._paint()
        super().focusOutEvent(event)

    def _paint(self) -> None:
        focused = self.hasFocus()
        unanswered = set(self.missing()) if not self.error.isHidden() else set()
        for index, name in enumerate(RATING_FIELDS):
            value = self._values[name]
            for level in LEVELS:
                button = self.buttons[(name, level)]
                button.setChecked(value == level)
            style = ""
            if name in unanswered:
                style = "color: #b3261e; font-weight: bold;"
            elif focused and index == self._row:
                style = "background: #dbe9fb; font-weight: bold;"
            self._captions[name].setStyleSheet(style)
