"""The one error-to-message mapping (``ui.errors``, rendering the template table of
``desk_app.messages``) speaks for every area, stock and printing included, in both
languages; and what labels, the print preview and the ticket window show is found by
``pyside6-lupdate`` and translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication

from desk_app.domain.errors import (
    ConflictError,
    DatabaseUnavailable,
    DuplicateEntry,
    IllegalTransition,
    NotFound,
    ValidationError,
)
from desk_app.printing.errors import FontNotFound, PrinterNotFound, PrintFailed
from desk_app.ui.common import i18n, labels
from desk_app.ui.common.errors import code_text, message_for

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "desk_app" / "ui"
SOURCES = [
    UI / n
    for n in (
        "common/errors.py",
        "common/labels.py",
        "paperwork/preview.py",
        "tickets/ticket_view.py",
        "shell/main_window.py",
        "common/placeholders.py",
    )
]
HOUR = 3600
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


def test_lupdate_finds_every_string_and_the_main_catalog_translates_it(tmp_path: Path) -> None:
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool, *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    found = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).iter("context")
        for message in context.iter("message")
    }
    # literal translate() calls, not a wrapper lupdate cannot see
    assert ("PrintPreviewDialog", "Work order %1") in found
    assert ("PrintPreviewDialog", "Print") in found
    unexpected = "Something went wrong that the program did not expect. Nothing more was saved."
    assert ("Errors", unexpected) in found
    # refusals are codes rendered from desk_app.messages, not sentences for lupdate
    assert not any(context == "ServiceMessages" for context, _ in found)
    table = i18n.parse_ts(i18n.ts_path(i18n.CHINESE))  # these are main-catalog sources
    missing = sorted(k for k in found if k not in table)  # type: ignore[type-var]
    assert not missing, f"not translated in desk_app_zh_CN.ts: {missing}"


def test_messages_in_english(qapp: object) -> None:
    assert (
        message_for(IllegalTransition("complaint", "closed", "accepted"))
        == "This cannot be done in the current state of the complaint."
    )
    assert (
        message_for(DuplicateEntry("feedback form", "S20261123-0001"))
        == "Already entered: feedback form S20261123-0001."
    )
    assert message_for(NotFound("stock location", 9)) == "Not found: stock location 9."
    assert message_for(NotFound("barcode", "690X")) == "Not found: barcode 690X."
    assert (
        message_for(PrinterNotFound("HP-LaserJet"))
        == "There is no printer HP-LaserJet: the print spooler of this computer does not know "
        "it. Choose an installed printer in Settings ▸ Printers."
    )
    assert labels.remaining_text(35 * HOUR + 33 * 60 + 20) == "1d 11:33"
    assert labels.remaining_text(3 * HOUR + 15 * 60) == "03:15"


def test_stock_and_printing_errors_and_clocks_read_chinese(chinese: None) -> None:
    assert message_for(NotFound("stock location", 9)) == "未找到：库位 9。"
    assert message_for(NotFound("customer", 7)) == "未找到：客户 7。"
    assert message_for(IllegalTransition("ticket", "closed", "new")) == (
        "工单当前状态下不能进行此操作。"
    )
    assert message_for(IllegalTransition("complaint", "closed", "accepted")) == (
        "投诉当前状态下不能进行此操作。"
    )
    assert message_for(DuplicateEntry("maintenance ticket", "S20261123-0002")) == (
        "已经录入过：保养工单 S20261123-0002。"
    )
    # a time in a refusal is written in the shop's zone
    issued = ConflictError("requisition", "钱配件", datetime(2026, 11, 23, 2, 30, tzinfo=UTC))
    assert message_for(issued, SHANGHAI) == (
        "在您打开之后，钱配件 于 2026-11-23 10:30 修改了这条记录。"
    )
    assert message_for(PrinterNotFound("HP")).startswith("没有打印机 HP：本机的打印服务不认识")
    assert message_for(FontNotFound("No TrueType font.")).startswith("未找到含中文字符的")
    failed = message_for(PrintFailed("the printer did not accept the job"))
    assert failed.splitlines() == [
        "打印失败，没有打印任何内容。",
        "the printer did not accept the job",
    ]
    assert labels.remaining_text(35 * HOUR + 33 * 60 + 20) == "1天 11:33"
    assert labels.remaining_text(-(2 * 24 * HOUR + HOUR)) == "-2天 01:00"
    assert labels.remaining_text(-1) == "-00:01"


def test_core_customer_and_ticket_refusals_read_chinese(chinese: None) -> None:
    assert message_for(ValidationError("name", "field.required")) == "此项为必填项。"
    assert message_for(ValidationError("phones", "phone.at_least_one")) == (
        "请至少填写一个电话号码。"
    )
    assert code_text("ticket.window_reversed") == "期望时间段的结束时间早于开始时间。"
    assert code_text("field.too_long", limit=40) == "太长：最多 40 个字符。"
    assert message_for(DatabaseUnavailable("database.unreachable_nothing_saved")) == (
        "无法连接数据库，未保存任何内容。"
    )


def test_core_customer_and_ticket_refusals_in_english(qapp: object) -> None:
    assert message_for(ValidationError("phone", "phone.mobile_length", digits=10)) == (
        "A mobile number has 11 digits; this one has 10."
    )
    assert code_text("phone.at_least_one") == "Please enter at least one phone number."
    assert message_for(DatabaseUnavailable()) == (
        "The database cannot be reached. Check the network or the server."
    )


def test_a_refusal_shown_without_a_zone_uses_the_desks_shop_zone(
    qapp: object, db: object, clerk: object, tmp_path: Path
) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from desk_app.domain.errors import ConflictError
    from desk_app.ui.common import errors
    from tests.ui.conftest import close_desk, make_desk

    desk = make_desk(db, clerk, tmp_path / "d.ini")  # type: ignore[arg-type]
    try:
        error = ConflictError("ticket", "王芳", datetime(2026, 12, 3, 6, 5, tzinfo=UTC))
        desk.tz = ZoneInfo("America/New_York")
        errors.use_shop_zone(desk.tz)
        assert "2026-12-03 01:05" in message_for(error)
        type(desk)(desk.db, desk.actor, desk.ops, desk.changes, desk.settings)  # a Shanghai desk
        assert "2026-12-03 14:05" in message_for(error)
    finally:
        close_desk(desk)


@pytest.mark.parametrize("pc_zone", ["UTC", "America/New_York"])
def test_screens_write_times_in_the_shop_zone_whatever_the_pc_zone(
    qapp: object, monkeypatch: pytest.MonkeyPatch, pc_zone: str
) -> None:
    import time
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", pc_zone)
    time.tzset()
    try:
        issued = datetime(2026, 12, 3, 6, 5, tzinfo=UTC)  # 14:05 in Shanghai
        shown = labels.fmt_datetime(issued, ZoneInfo("Asia/Shanghai"))
        assert "14:05" in shown or "2:05" in shown
        assert "06:05" not in shown and "1:05" not in shown
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
