"""Handing a complaint to another handler from the complaints screen, like a clerk:
the button under the facts, the dialog with the handlers, the step in the history,
and a colleague's change in between told with the choice and note kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.complaint_rules import ComplaintStep
from desk_app.domain.enums import Channel, ComplaintCategory, Role, Severity
from desk_app.services.care import complaint_views, complaints
from desk_app.services.care.complaints import ComplaintDraft
from desk_app.services.core.database import Actor, Database
from desk_app.ui.care.complaints.dialogs import ReassignDialog
from desk_app.ui.care.complaints.screen import ComplaintsScreen
from desk_app.ui.common.context import Desk
from tests.conftest import make_actor
from tests.services import factories
from tests.ui.conftest import type_text

NOTE = "客户要求经理亲自处理"


@pytest.fixture
def screen(qtbot: QtBot, desk: Desk) -> Iterator[ComplaintsScreen]:
    s = ComplaintsScreen(desk)
    qtbot.addWidget(s)
    s.resize(1400, 800)
    s.show()
    yield s


def _complaint(db: Database, clerk: Actor) -> int:
    customer = factories.customer(db, clerk)
    draft = ComplaintDraft(
        customer.id, Channel.PHONE, ComplaintCategory.ATTITUDE, Severity.HIGH, "师傅态度很差"
    )
    return complaints.open_complaint(db, clerk, draft).id


def _open_dialog(qtbot: QtBot, screen: ComplaintsScreen) -> ReassignDialog:
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.table.selectRow(0)
    history = screen.history
    qtbot.waitUntil(lambda: history.view is not None and history.reassign_button.isEnabled())
    qtbot.mouseClick(history.reassign_button, Qt.MouseButton.LeftButton)
    dialog = history.last_dialog
    assert isinstance(dialog, ReassignDialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    return dialog


def test_a_clerk_hands_a_complaint_to_the_manager_with_a_note(
    qtbot: QtBot, screen: ComplaintsScreen, db: Database, clerk: Actor, manager: Actor
) -> None:
    make_actor(db, manager, "tech1", Role.TECHNICIAN, "吴师傅")  # not a handler
    cid = _complaint(db, clerk)
    dialog = _open_dialog(qtbot, screen)
    assert dialog.current.text() == "李客服"
    names = [dialog.handler.itemText(i) for i in range(1, dialog.handler.count())]
    assert names == ["王经理"]  # not the clerk who has it, not the technician

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nobody chosen
    assert "assigned_to" in dialog.errors.messages()
    dialog.handler.setCurrentIndex(dialog.handler.findData(manager.user_id))
    type_text(qtbot, dialog.note, NOTE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())

    saved = complaint_views.get_complaint(db, clerk, cid)
    assert saved.assigned_to == "王经理"
    history = screen.history
    qtbot.waitUntil(lambda: history.facts["handler"].text() == "王经理")
    qtbot.waitUntil(
        lambda: screen.model.rowCount() == 1 and screen.model.row_at(0).assigned_to == "王经理"
    )
    last = history.events.row_at(history.events.rowCount() - 1)
    assert (last.action, last.text) == (ComplaintStep.ASSIGN, f"→ 王经理\n{NOTE}")


def test_a_colleagues_step_in_between_is_told_and_the_form_kept(
    qtbot: QtBot, screen: ComplaintsScreen, db: Database, clerk: Actor, manager: Actor
) -> None:
    cid = _complaint(db, clerk)
    other = make_actor(db, manager, "clerk2", Role.CLERK, "赵客服")
    dialog = _open_dialog(qtbot, screen)
    # Meanwhile the manager hands it to 赵客服 on another desk.
    complaints.assign(db, manager, cid, other.user_id, expected_version=dialog.view.version)
    dialog.handler.setCurrentIndex(dialog.handler.findData(manager.user_id))
    type_text(qtbot, dialog.note, NOTE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    assert "王经理" in dialog.banner.text()  # who changed it
    assert dialog.handler.currentData() == manager.user_id
    assert dialog.note.toPlainText() == NOTE
    qtbot.waitUntil(lambda: dialog.current.text() == "赵客服")  # as it is now
    assert complaint_views.get_complaint(db, clerk, cid).assigned_to == "赵客服"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # now it goes through
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert complaint_views.get_complaint(db, clerk, cid).assigned_to == "王经理"


def test_a_closed_complaint_cannot_be_handed_over(
    qtbot: QtBot, screen: ComplaintsScreen, db: Database, clerk: Actor, manager: Actor
) -> None:
    cid = _complaint(db, clerk)
    complaints.close(db, manager, cid, "客户撤诉")
    screen.show_complaint(cid)
    qtbot.waitUntil(lambda: screen.history.view is not None)
    assert not screen.history.reassign_button.isEnabled()
