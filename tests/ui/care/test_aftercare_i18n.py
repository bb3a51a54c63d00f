"""The complaint, follow-up, feedback-form and maintenance screens speak Chinese: every
string they show is in ``desk_app_complaints_zh_CN.ts`` and translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from desk_app.domain.errors import ValidationError
from desk_app.ui.care.complaints import labels as complaint_labels
from desk_app.ui.care.feedback_entry import FeedbackEntry
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "desk_app_complaints_zh_CN.ts"
SOURCES = [
    ROOT / "desk_app" / "ui" / name
    for name in (
        "care/complaints/labels.py",
        "common/rating_input.py",
        "care/feedback_entry.py",
        "care/complaints/dialogs.py",
        "care/complaints/history.py",
        "care/complaints/steps.py",
        "care/complaints/screen.py",
        "care/followups/call.py",
        "care/followups/screen.py",
        "care/maintenance.py",
    )
]


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_every_string_of_these_screens_is_translated(tmp_path: Path) -> None:
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")
    table = i18n.parse_ts(TS)
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool, *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).iter("context")
        for message in context.iter("message")
    }
    missing = sorted(k for k in wanted if k not in table)  # type: ignore[type-var]
    assert not missing, f"not translated in {TS.name}: {missing}"


def test_a_screen_and_a_service_message_in_chinese(qtbot: QtBot, desk: Desk) -> None:
    # the main catalog says which language is installed (its "Language" marker)
    translator = i18n.TsTranslator(
        {**i18n.parse_ts(i18n.ts_path(i18n.CHINESE)), **i18n.parse_ts(TS)}
    )
    QCoreApplication.installTranslator(translator)
    try:
        screen = FeedbackEntry(desk)
        qtbot.addWidget(screen)
        assert screen.save_button.text() == "保存反馈单（回车）(&S)"
        assert complaint_labels.rating_levels()[1] == "非常不满意"
        error = ValidationError("ticket_number", "feedback.not_a_ticket_number")
        assert message_for(error) == "这不是工单号。"
        assert code_text("followup.outcome_required") == "请选择回访结果。"
    finally:
        QCoreApplication.removeTranslator(translator)
