"""Every string the printing screens show (print jobs, routes, the printers tab's new
words, the technician's day count) is in the printing catalog or the main one, and the
job messages exist in both languages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desk_app.messages import render
from desk_app.printing.spooler import JobState
from desk_app.ui.common import i18n

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "desk_app_printing_zh_CN.ts"
SOURCES = [
    ROOT / "desk_app" / "ui" / name
    for name in ("paperwork/jobs.py", "paperwork/hook.py", "dispatch/day_print.py")
]


def test_every_printing_string_is_translated(tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    found_tool = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if found_tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([found_tool, *map(str, SOURCES), "-ts", str(fresh)], check=True)
    wanted = {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(fresh).iter("context")
        for message in context.iter("message")
    }
    assert ("PrintProgress", "Cancel printing") in wanted
    board = ROOT / "resources" / "i18n" / "desk_app_board_zh_CN.ts"  # the day dialog's own
    table = {
        **i18n.parse_ts(i18n.ts_path(i18n.CHINESE)),
        **i18n.parse_ts(board),
        **i18n.parse_ts(TS),
    }
    assert not sorted(k for k in wanted if k not in table)
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")


@pytest.mark.parametrize("state", list(JobState))
def test_each_job_outcome_reads_in_both_languages(state: JobState) -> None:
    values = {"title": "派工单 S1", "printer": "HP", "pages": 2, "reason": ""}
    english = render(f"print.job_{state.value}", values, language="en")
    chinese = render(f"print.job_{state.value}", values, language="zh_CN")
    assert "HP" in english and "HP" in chinese and english != chinese
