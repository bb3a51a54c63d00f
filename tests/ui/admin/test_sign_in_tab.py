"""The Sign-in tab of the Settings dialog: shows the policy, saves the manager's values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.services.admin import settings
from desk_app.services.core.database import Actor, Database
from desk_app.ui.admin.settings.dialog import SettingsDialog
from desk_app.ui.common.context import Desk
from tests.ui.admin.test_settings_dialog import open_dialog, retype, save
from tests.ui.conftest import close_desk, make_desk


@pytest.fixture
def manager_desk(qtbot: QtBot, db: Database, manager: Actor, tmp_path: Path) -> Iterator[Desk]:
    d = make_desk(db, manager, tmp_path / "manager.ini")
    yield d
    close_desk(d)


def test_sign_in_tab_shows_the_policy_and_saves_it(
    qtbot: QtBot, manager_desk: Desk, db: Database
) -> None:
    dialog: SettingsDialog = open_dialog(qtbot, manager_desk)
    tab = dialog.sign_in
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Sign-in"
    spins = tab.spins
    assert {f: s.value() for f, s in spins.items()} == {
        "max_failures": 5,
        "lock_minutes": 15,
        "idle_lock_minutes": 10,
    }
    assert spins["idle_lock_minutes"].minimum() == 0
    assert spins["max_failures"].minimum() == 1  # what the service would refuse cannot be typed
    retype(qtbot, spins["max_failures"], "3")
    retype(qtbot, spins["lock_minutes"], "30")
    retype(qtbot, spins["idle_lock_minutes"], "0")
    assert tab.dirty and dialog.tabs.tabText(dialog.tabs.indexOf(tab)).endswith("*")
    assert spins["idle_lock_minutes"].text() == "never"
    save(qtbot, tab)
    assert tab.banner.text() == "Saved."
    assert settings.get_sign_in_policy(db) == settings.SignInPolicy(3, 30, 0)
    assert settings.version(db, settings.Section.SIGN_IN).number == 1


def test_a_refused_value_is_marked_on_its_field(
    qtbot: QtBot, manager_desk: Desk, db: Database
) -> None:
    dialog = open_dialog(qtbot, manager_desk)
    tab = dialog.sign_in
    # a desk of an older version allowing a wider range: the service still refuses
    tab.spins["lock_minutes"].setMaximum(100_000)
    retype(qtbot, tab.spins["lock_minutes"], "5000")
    save(qtbot, tab)
    assert tab.errors.messages() == {"lock_minutes": "Enter a whole number from 1 to 1440."}
    assert tab.spins["lock_minutes"].value() == 5000  # the typing stays
    assert settings.get_sign_in_policy(db) == settings.SignInPolicy()
