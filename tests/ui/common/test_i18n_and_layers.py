"""Translations load (compiled or straight from the .ts) and the UI keeps to its layer."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desk_app.domain.errors import ValidationError
from desk_app.ui.common import i18n, labels
from desk_app.ui.common.errors import code_text, message_for

ROOT = Path(__file__).resolve().parents[3]


def test_language_choice() -> None:
    assert i18n.choose_language("zh_CN") == i18n.CHINESE
    assert i18n.choose_language("zh") == i18n.CHINESE
    assert i18n.choose_language("en") == i18n.ENGLISH
    assert (
        i18n.choose_language(None, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        == i18n.CHINESE
    )
    assert i18n.choose_language("", QLocale(QLocale.Language.German)) == i18n.ENGLISH


def test_every_message_is_translated() -> None:
    table = i18n.parse_ts(i18n.ts_path(i18n.CHINESE))
    text = i18n.ts_path(i18n.CHINESE).read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert len(table) >= 300
    assert table[("MainWindow", "Customer lookup")] == "客户查询"


@pytest.mark.parametrize("compiled", [True, False], ids=["lrelease", "ts-fallback"])
def test_translator_loads_chinese(qapp: object, tmp_path: Path, compiled: bool) -> None:
    shutil.copy(i18n.ts_path(i18n.CHINESE), tmp_path)
    translator = i18n.load_translator(i18n.CHINESE, directory=tmp_path, compile_qm=compiled)
    assert translator is not None
    assert isinstance(translator, i18n.TsTranslator) != compiled
    if compiled:
        assert (tmp_path / "desk_app_zh_CN.qm").exists()
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "New ticket") == "新建工单"
        assert labels.ticket_kinds()[labels.TicketKind.REPAIR] == "维修"
        assert code_text("field.too_long", limit=300) == "太长：最多 300 个字符。"
        assert message_for(ValidationError("name", "field.required")) == "此项为必填项。"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "New ticket") == "New ticket"


def test_stale_qm_is_recompiled(tmp_path: Path) -> None:
    ts = tmp_path / "desk_app_zh_CN.ts"
    shutil.copy(i18n.ts_path(i18n.CHINESE), ts)
    qm = tmp_path / "desk_app_zh_CN.qm"
    qm.write_bytes(b"old")
    import os

    os.utime(qm, (1, 1))
    assert i18n.compiled_qm(ts) == qm
    assert qm.stat().st_size > 1000


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ui_imports_no_sqlalchemy_and_nothing_imports_ui() -> None:
    for path in (ROOT / "desk_app" / "ui").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] == "sqlalchemy"}
        assert not bad, f"{path.name} imports {bad}"
    for path in (ROOT / "desk_app").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "desk_app").parts or path.name in (
            "cli.py",
            "__main__.py",
        ):
            continue
        bad = {n for n in _imports(path) if n.startswith("desk_app.ui")}
        assert not bad, f"{path} imports {bad}"


def test_every_catalog_is_loaded(tmp_path: Path) -> None:
    shutil.copy(i18n.ts_path(i18n.CHINESE), tmp_path)
    area = tmp_path / "desk_app_area_zh_CN.ts"
    area.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>AreaScreen</name><message><source>Hello</source>"
        "<translation>你好</translation></message></context></TS>",
        encoding="utf-8",
    )
    assert i18n.catalogs(i18n.CHINESE, tmp_path) == [i18n.ts_path(i18n.CHINESE, tmp_path), area]
    translators = i18n.load_translators(i18n.CHINESE, directory=tmp_path, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    try:
        assert QCoreApplication.translate("AreaScreen", "Hello") == "你好"
        assert QCoreApplication.translate("MainWindow", "New ticket") == "新建工单"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert i18n.load_translators(i18n.ENGLISH) == []
