"""Every string of the sign-in, lock and Sign-in settings screens is translated, and the
lock screen reads Chinese with the catalogs installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from desk_app.services.admin.sign_in import SignIn
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.shell.lock import LockScreen
from tests.ui.catalog_strings import source_strings

ROOT = Path(__file__).resolve().parents[3]
SIGNIN_TS = ROOT / "resources" / "i18n" / "desk_app_signin_zh_CN.ts"
SOURCES = [
    ROOT / "desk_app" / "ui" / n
    for n in ("shell/sign_in.py", "shell/lock.py", "admin/settings/sign_in.py")
]


def test_every_sign_in_string_is_translated(tmp_path: Path) -> None:
    found = source_strings(SOURCES, tmp_path)
    assert ("MainWindow", "Sign &out / switch user") in found
    assert SIGNIN_TS in i18n.catalogs(i18n.CHINESE)
    assert 'type="unfinished"' not in SIGNIN_TS.read_text(encoding="utf-8")
    table = {**i18n.parse_ts(i18n.ts_path(i18n.CHINESE)), **i18n.parse_ts(SIGNIN_TS)}
    missing = sorted(k for k in found if k not in table)
    assert not missing, f"not translated: {missing}"
    for key in found:
        source, translation = key[1], table[key]
        assert ("%1" in source) == ("%1" in translation), key
        if "&" in source:
            assert "&" in translation, key


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


def test_lock_screen_reads_chinese(qtbot: QtBot, desk: Desk, chinese: None) -> None:
    screen = LockScreen(desk, SignIn(desk.db, "PC"))
    qtbot.addWidget(screen)
    assert screen.windowTitle() == "服务台已锁定"
    assert screen.sign_out_button.text() == "退出登录(&S)"
