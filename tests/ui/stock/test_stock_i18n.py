"""Every string the stock screens show is translated (``desk_app_stock_zh_CN.ts``), the
placeholders survive translation, and the screens read Chinese with it installed."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.errors import NotFound, ValidationError
from desk_app.messages.templates import stock as stock_templates
from desk_app.ui.common import i18n
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import code_text, message_for
from tests.ui.stock.test_stock_support import make_screen, parts_desk_fixture  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[3]
STOCK_TS = ROOT / "resources" / "i18n" / "desk_app_stock_zh_CN.ts"


def _t_context(tree: ast.Module) -> str | None:
    """The context of the module's ``_t`` helper (``QCoreApplication.translate(CONTEXT, …)``)."""
    consts = {
        t.id: n.value.value
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and getattr(sub.func, "attr", "") == "translate":
                    arg = sub.args[0]
                    return arg.value if isinstance(arg, ast.Constant) else consts[arg.id]
    return None


def extract_stock_strings(path: Path) -> Iterator[tuple[str, str]]:
    """(context, source) of ``self.tr``, ``_t``, ``translate`` and ``QT_TRANSLATE_NOOP``
    calls, the class name being the context of ``self.tr`` (as PySide looks it up)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_context = _t_context(tree)

    def text(node: ast.expr) -> str:
        assert isinstance(node, ast.Constant) and isinstance(node.value, str), (
            f"{path.name}:{node.lineno}: translate a literal, not an expression"
        )
        return node.value

    def visit(node: ast.AST, cls: str | None) -> Iterator[tuple[str, str]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and child.args:
                f = child.func
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr == "tr"
                    and getattr(f.value, "id", "") == "self"
                ):
                    assert cls is not None
                    yield cls, text(child.args[0])
                elif isinstance(f, ast.Name) and f.id == "_t":
                    assert module_context is not None
                    yield module_context, text(child.args[0])
                elif (
                    getattr(f, "attr", "") == "translate"
                    or getattr(f, "id", "") == "QT_TRANSLATE_NOOP"
                ) and all(isinstance(a, ast.Constant) for a in child.args[:2]):
                    yield text(child.args[0]), text(child.args[1])
            yield from visit(child, inner)

    yield from visit(tree, None)


def _stock_modules() -> list[Path]:
    return sorted((ROOT / "desk_app" / "ui" / "stock").glob("*.py"))


def test_every_stock_string_is_translated_with_its_placeholders() -> None:
    table = {**i18n.parse_ts(i18n.ts_path(i18n.CHINESE)), **i18n.parse_ts(STOCK_TS)}
    assert 'type="unfinished"' not in STOCK_TS.read_text(encoding="utf-8")
    missing, broken = [], []
    for path in _stock_modules():
        for context, source in extract_stock_strings(path):
            translation = table.get((context, source))
            if translation is None:
                missing.append(f"{path.name}: {context} / {source!r}")
                continue
            for n in range(1, 6):
                if (f"%{n}" in source) != (f"%{n}" in translation):
                    broken.append(f"{context} / {source!r} → {translation!r}")
            if "&" in source.replace("&&", "") and "&" not in translation:
                broken.append(f"{context} / {source!r} lost its shortcut")
    assert not missing, "\n".join(missing)
    assert not broken, "\n".join(broken)


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert STOCK_TS in i18n.catalogs(i18n.CHINESE)  # loaded with the others
    translators = i18n.load_translators(i18n.CHINESE, compile_qm=False)
    for t in translators:
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_stock_screen_reads_chinese(qtbot: QtBot, parts_desk: Desk, chinese: None) -> None:
    screen = make_screen(qtbot, parts_desk)
    titles = [screen.tabs.tabText(n) for n in range(screen.tabs.count())]
    assert titles[0] == "配件目录(&C)"
    assert "盘点(&T)" in titles
    assert screen.catalogue.model.headerData(0, Qt.Orientation.Horizontal) == "编码"
    assert screen.catalogue.new_button.text() == "新建配件(&N)…"
    unknown = NotFound("barcode", "690X", code="stock.unknown_barcode")
    assert message_for(unknown) == "未知编码 690X：没有配件使用这个条码或编码。"
    taken = ValidationError("code", "stock.code_taken", code="P-1")
    assert message_for(taken) == "编码 P-1 已被使用。"
    assert code_text("stock.no_lines") == "请至少添加一种配件。"


def test_a_stock_refusal_with_a_time_shows_the_shop_time_in_chinese(chinese: None) -> None:
    reversed_at = datetime(2026, 12, 3, 6, 5, tzinfo=UTC)
    error = ValidationError(
        "movement", "stock.movement_already_reversed", movement=17, who="王经理", when=reversed_at
    )
    assert (
        message_for(error, ZoneInfo("Asia/Shanghai"))
        == "变动 17 已由 王经理 于 2026-12-03 14:05 冲销。"
    )
    retired = ValidationError("location", "stock.location_retired", location="二号车")
    assert message_for(retired) == "二号车 已停用。"


def test_the_stock_refusals_are_chinese_in_the_table() -> None:
    """The stock area's sentences moved from the .ts file to the template table; each has
    Chinese, and none is left behind in the stock catalog's ServiceMessages."""
    assert "<name>ServiceMessages</name>" not in STOCK_TS.read_text(encoding="utf-8")
    han = re.compile(r"[\u4e00-\u9fff]")
    assert stock_templates.TEMPLATES
    for code, (english, chinese) in stock_templates.TEMPLATES.items():
        assert code.startswith("stock."), code
        assert english and han.search(chinese), code
