"""Every refusal domain, services, printing and the CLI can raise is a code with a
template in both languages, and each template names only values the raise site gives."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain import errors as domain_errors
from desk_app.domain.errors import ConflictError, DeskError, NotFound, ValidationError
from desk_app.messages import render, templates
from desk_app.messages.render import fields_of
from desk_app.printing import errors as printing_errors

ROOT = Path(__file__).resolve().parents[1] / "desk_app"
SCANNED = (
    "domain",
    "services",
    "printing",
    "db",
    "cli.py",
    "cli_print.py",
    "cli_staff.py",
    "config.py",
)
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

# Constructors whose first positional argument (after ``field`` for ValidationError) is a code.
_CODE_FIRST = {"DeskError": 0, "ValidationError": 1, "DatabaseUnavailable": 0}


@dataclass(frozen=True)
class Raise:
    where: str
    code: str | None  # None: not a literal (the test then asks for one)
    values: frozenset[str] | None  # None: passed with ** (not checked)


def _files() -> list[Path]:
    out: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


def _error_classes() -> dict[str, str]:
    """Every DeskError subclass by name, with its default code."""
    found: dict[str, str] = {}
    for module in (domain_errors, printing_errors):
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, DeskError):
                found[name] = value.default_code
    return found


def _raises() -> list[Raise]:
    classes = _error_classes()
    out: list[Raise] = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in classes:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keywords = {k.arg for k in node.keywords}
            values = None if None in keywords else frozenset(k for k in keywords if k)
            if name in _CODE_FIRST:
                index = _CODE_FIRST[name]
                arg = node.args[index] if len(node.args) > index else None
                if arg is None and name == "DatabaseUnavailable":
                    out.append(Raise(where, classes[name], values))
                    continue
                code = arg.value if isinstance(arg, ast.Constant) else None
                out.append(Raise(where, code if isinstance(code, str) else None, values))
            else:
                given = next((k.value for k in node.keywords if k.arg == "code"), None)
                code = given.value if isinstance(given, ast.Constant) else classes[name]
                out.append(Raise(where, code, None))
    return out


RAISES = _raises()


def test_the_scan_finds_the_raise_sites() -> None:
    assert len(RAISES) > 150
    assert any(r.where.startswith("domain/phones.py") for r in RAISES)


def test_every_raise_names_a_literal_code() -> None:
    bad = [f"{r.where}: {r.code!r}" for r in RAISES if r.code is None or not CODE.match(r.code)]
    assert bad == []


@pytest.mark.parametrize("column, language", [(0, "en"), (1, "zh_CN")])
def test_every_code_has_a_template_in_both_languages(column: int, language: str) -> None:
    table = templates()
    codes = {r.code for r in RAISES if r.code} | set(_error_classes().values())
    missing = sorted(c for c in codes if c not in table or not table[c][column].strip())
    assert missing == [], f"no {language} template"


def test_templates_name_only_values_the_raise_site_gives() -> None:
    table = templates()
    bad = []
    for r in RAISES:
        if r.code in table and r.values is not None and r.code.split(".")[0] != "print":
            for column in (0, 1):
                extra = fields_of(table[r.code][column]) - r.values
                if extra and not _from_class(r):
                    bad.append(f"{r.where}: {r.code} uses {sorted(extra)}")
    assert bad == []


def _from_class(r: Raise) -> bool:
    # the typed errors (NotFound, ConflictError...) fill their own values
    return r.code in set(_error_classes().values())


def test_both_languages_use_the_same_placeholders() -> None:
    bad = [c for c, (en, zh) in templates().items() if fields_of(en) != fields_of(zh)]
    assert bad == []


def test_chinese_templates_are_chinese() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    bad = [c for c, (_, zh) in templates().items() if not han.search(zh)]
    assert bad == []


def test_a_time_in_a_refusal_is_in_the_shop_zone_whatever_the_pc_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    error = ConflictError("ticket", "王芳", datetime(2026, 12, 3, 6, 5, tzinfo=UTC))
    for pc_zone in ("UTC", "America/New_York"):
        monkeypatch.setenv("TZ", pc_zone)
        time.tzset()
        assert "2026-12-03 14:05" in render(error, language="zh_CN", tz=ZoneInfo("Asia/Shanghai"))
        assert "2026-12-03 01:05" in render(error, tz=ZoneInfo("America/New_York"))
    monkeypatch.delenv("TZ")
    time.tzset()


def test_values_are_written_the_same_way_in_both_languages() -> None:
    error = NotFound("part", "P-100")
    assert render(error) == "Not found: part P-100."
    assert render(error, language="zh_CN") == "未找到：配件 P-100。"


def test_a_phone_refusal_reaches_a_chinese_clerk_in_chinese() -> None:
    from desk_app.domain.phones import normalize_phone

    with pytest.raises(ValidationError) as caught:
        normalize_phone("12")
    text = render(caught.value, language="zh_CN")
    assert re.search(r"[\u4e00-\u9fff]", text), text
    assert caught.value.field == "phone"


def test_an_unknown_code_still_says_its_code_and_values() -> None:
    assert render("no.such_code", {"limit": 3}) == "no.such_code (limit: 3)"


def test_a_time_spec_writes_only_the_clock_time_in_the_shop_zone() -> None:
    from desk_app.domain.errors import DoubleBooking

    starts = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)  # 07:30 next day in Shanghai
    error = DoubleBooking("孙师傅", "S1", starts, starts.replace(hour=23, minute=59))
    text = render(error, tz=ZoneInfo("Asia/Shanghai"))
    assert "2026-12-04 07:30" in text and "to 07:59." in text


def test_money_is_written_as_yuan_in_both_languages() -> None:
    from desk_app.domain.validation import money_cents

    with pytest.raises(ValidationError) as caught:
        money_cents(100_000_001, "unit_cost")
    assert caught.value.values == {"limit_cents": 100_000_000}
    assert render(caught.value) == "The amount is too large: at most ¥1,000,000.00."
    assert render(caught.value, language="zh_CN") == "金额太大：最多 ¥1,000,000.00。"
