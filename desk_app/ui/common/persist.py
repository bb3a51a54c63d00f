"""Window geometry, splitter positions and column widths, remembered between runs (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def restore_geometry(settings: QSettings, key: str, widget: QWidget) -> bool:
    value = _bytes(settings, f"{key}/geometry")
    return bool(value is not None and widget.restoreGeometry(value))


def save_geometry(settings: QSettings, key: str, widget: QWidget) -> None:
    settings.setValue(f"{key}/geometry", widget.saveGeometry())


def restore_splitter(settings: QSettings, key: str, splitter: QSplitter) -> bool:
    value = _bytes(settings, f"{key}/splitter")
    return bool(value is not None and splitter.restoreState(value))


def save_splitter(settings: QSettings, key: str, splitter: QSplitter) -> None:
    settings.setValue(f"{key}/splitter", splitter.saveState())


def restore_header(settings: QSettings, key: str, header: QHeaderView) -> bool:
    value = _bytes(settings, f"{key}/columns")
    return bool(value is not None and header.restoreState(value))


def save_header(settings: QSettings, key: str, header: QHeaderView) -> None:
    settings.setValue(f"{key}/columns", header.saveState())
