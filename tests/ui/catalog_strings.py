"""The strings Qt's own extractor finds in some screens' sources, for the tests that check
each one is in a translation catalog."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

import pytest


def lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def source_strings(sources: Iterable[Path], tmp_path: Path) -> set[tuple[str, str]]:
    """(context, source) of every string ``pyside6-lupdate`` extracts from ``sources``;
    the test is skipped when the tool is not installed."""
    tool = lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool, *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(fresh).iter("context")
        for message in context.iter("message")
    }
