"""Settings are read through the typed accessors of ``services.admin.settings``: no
module outside it spells a key of the ``settings`` table, calls the raw key-value
functions, or touches the ``Setting`` table itself (the database layer defines it)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.complaint_rules import DEFAULT_RETRY_SCHEDULE, RetrySchedule
from desk_app.services.admin import settings
from desk_app.services.care import followups
from desk_app.services.core.database import Actor, Database

REPO = Path(__file__).resolve().parents[3]
SETTINGS_MODULE = REPO / "desk_app" / "services" / "admin" / "settings.py"
DB_PACKAGE = REPO / "desk_app" / "db"
# The raw key-value functions: only the settings module itself may call them.
RAW_ACCESS = frozenset({"get_value", "put_value", "get_setting", "set_setting"})
KEYS = frozenset(k.value for k in settings.Key)


def _sources() -> Iterator[Path]:
    for folder in ("desk_app", "scripts", "benchmarks"):
        for path in sorted((REPO / folder).rglob("*.py")):
            if path != SETTINGS_MODULE and DB_PACKAGE not in path.parents:
                yield path


def _is_key(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in KEYS


def findings(source: str) -> list[str]:
    """What in ``source`` reads or writes a setting by its key (line: what)."""
    found: list[str] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in RAW_ACCESS:
                found.append(f"{node.lineno}: {name}() by key")
            elif any(_is_key(a) for a in [*node.args, *(k.value for k in node.keywords)]) and (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "settings"
            ):
                found.append(f"{node.lineno}: settings.{name}() with a key string")
        elif isinstance(node, ast.ImportFrom) and any(a.name == "Setting" for a in node.names):
            found.append(f"{node.lineno}: imports the Setting table")
        elif isinstance(node, ast.Attribute) and node.attr == "Setting":
            found.append(f"{node.lineno}: uses the Setting table")
        elif isinstance(node, ast.Compare) and any(
            _is_key(x) for x in [node.left, *node.comparators]
        ):
            found.append(f"{node.lineno}: compares with a settings key")
    for node in tree.body:  # a module constant naming a key: MAINTENANCE_SETTING = "..."
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value and _is_key(node.value):
            found.append(f"{node.lineno}: names a settings key")
    return found


def test_no_module_outside_settings_reads_a_setting_by_its_key() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{line}"
        for path in _sources()
        for line in findings(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_catches_each_way_of_reading_by_key() -> None:
    bad = {
        'settings.get_setting(db, "timezone")': "get_setting() by key",
        'settings.get_value(s, settings.Key.TIMEZONE, "Asia/Shanghai")': "get_value() by key",
        "set_setting(db, actor, key, value)": "set_setting() by key",
        'settings.lookup("followup_retry")': "settings.lookup() with a key string",
        "from desk_app.db.models import Customer, Setting": "imports the Setting table",
        "select(models.Setting.value)": "uses the Setting table",
        'row.key == "default_area_code"': "compares with a settings key",
        'MAINTENANCE_SETTING = "maintenance_months"': "names a settings key",
    }
    for source, what in bad.items():
        assert findings(source) == [f"1: {what}"], source
    fine = (
        "settings.timezone(s)\n"
        "settings.shop_settings(db).default_area_code\n"
        'labels = {"charge_standard": "收费标准"}\n'
        'field_row(form, "Charge", edit, errors, "charge_standard")\n'
    )
    assert findings(fine) == []


def test_every_key_is_read_by_the_loader() -> None:
    """``ShopSettings`` covers the keys that are plain settings; the letterhead and its
    logo are the company header's own (``get_company_header``), the save counters the
    sections' versions (``settings.version``)."""
    fields = {f for f in settings.ShopSettings.__dataclass_fields__}
    covered = {
        settings.Key.TIMEZONE: "timezone",
        settings.Key.WORKING_CALENDAR: "calendar",
        settings.Key.DEFAULT_AREA_CODE: "default_area_code",
        settings.Key.CHARGE_STANDARD: "charge_standard",
        settings.Key.MAINTENANCE_MONTHS: "maintenance_months",
        settings.Key.FOLLOWUP_RETRY: "followup_retry",
        settings.Key.SIGN_IN_MAX_FAILURES: "sign_in",
        settings.Key.SIGN_IN_LOCK_MINUTES: "sign_in",
        settings.Key.IDLE_LOCK_MINUTES: "sign_in",
        settings.Key.PRINT_LANGUAGES: "print_languages",
    }
    assert set(covered.values()) <= fields
    counters = {k for k in settings.Key if k.value.startswith("saved.")}
    assert len(counters) == len(settings.Section)
    assert set(settings.Key) - set(covered) - counters == {
        settings.Key.COMPANY_HEADER,
        settings.Key.COMPANY_LOGO,
    }


def test_shop_settings_typed_defaults_then_the_managers_values(
    db: Database, manager: Actor
) -> None:
    shop = settings.shop_settings(db)
    assert shop == settings.ShopSettings(
        timezone=ZoneInfo("Asia/Shanghai"),
        calendar=WorkingCalendar.standard(ZoneInfo("Asia/Shanghai")),
        default_area_code=None,
        charge_standard=settings.DEFAULT_CHARGE_STANDARD,
        charge_standard_published=False,
        maintenance_months=settings.DEFAULT_MAINTENANCE_MONTHS,
        followup_retry=DEFAULT_RETRY_SCHEDULE,
        sign_in=settings.SignInPolicy(max_failures=5, lock_minutes=15, idle_lock_minutes=10),
        print_languages=settings.DEFAULT_PRINT_LANGUAGES,
    )
    settings.set_timezone(db, manager, "Asia/Urumqi")
    settings.set_default_area_code(db, manager, "755")
    settings.set_charge_standard(db, manager, {"zh_CN": "上门费30元", "en": ""})
    settings.set_maintenance_months(db, manager, {"空调": 6})
    followups.set_retry_schedule(db, manager, RetrySchedule((timedelta(hours=4),), 2))
    shop = settings.shop_settings(db)
    assert (shop.timezone, shop.default_area_code, shop.charge_standard_published) == (
        ZoneInfo("Asia/Urumqi"),
        "0755",
        True,
    )
    assert shop.charge_standard_text("en") == "上门费30元"  # no English text: the Chinese
    assert shop.maintenance_months == {"空调": 6}
    assert shop.followup_retry == RetrySchedule((timedelta(hours=4),), 2)
    assert settings.shop_timezone(db) == ZoneInfo("Asia/Urumqi")
    assert db.read(settings.load) == shop


def test_a_zone_this_pc_does_not_know_reads_as_the_default(db: Database, manager: Actor) -> None:
    settings.set_setting(db, manager, settings.Key.TIMEZONE, "Mars/Olympus_Mons")
    assert settings.shop_timezone(db) == ZoneInfo(settings.DEFAULT_TIMEZONE)
