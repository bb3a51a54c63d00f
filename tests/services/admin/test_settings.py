"""A manager's settings: company header, standards, calendar, area code, charge standard."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import select

from desk_app.db.models import AuditLog, ServiceStandard
from desk_app.domain.clock import WorkingCalendar
from desk_app.domain.enums import Severity, TicketKind, Urgency
from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.printing import render_pdf
from desk_app.services.admin import settings
from desk_app.services.admin.settings import Logo, Standard
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers, lookup
from desk_app.services.customers.customers import AddressInput, CustomerDraft
from desk_app.services.paperwork import paperwork
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.printing.pdf_tools import page_texts
from tests.services import factories

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _png(path: Path, size: tuple[int, int] = (120, 60)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path, "PNG")
    return path


def _settings_audit(db: Database) -> list[dict[str, Any]]:
    return db.read(
        lambda s: [
            d
            for d in s.scalars(select(AuditLog.details).where(AuditLog.action == "settings.set"))
            if d is not None
        ]
    )


def _chargeable_ticket(db: Database, clerk: Actor) -> str:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    draft = TicketDraft(c.id, TicketKind.REPAIR, "摔坏了外壳", appliance_id=a.id, misuse=True)
    return tickets.open_ticket(db, clerk, draft).number


# ---------------------------------------------------------------- company header


def test_company_header_round_trip_and_it_heads_the_work_order(
    db: Database, manager: Actor, clerk: Actor, tmp_path: Path
) -> None:
    assert settings.get_company_header(db) == settings.DEFAULT_HEADER
    logo = _png(tmp_path / "logo.png")
    saved = settings.set_company_header(
        db,
        manager,
        name="  蓝天家电售后服务中心 ",
        address="深圳市南山区科技园路1号",
        hotline="400-800-1234",
        logo_path=str(logo),
    )
    assert (saved.name, saved.address, saved.hotline) == (
        "蓝天家电售后服务中心",
        "深圳市南山区科技园路1号",
        "400-800-1234",
    )
    assert saved.logo_data == logo.read_bytes() and saved.logo_path == str(logo)
    logo.unlink()  # other desks never had the file: the logo comes from the database
    header = paperwork.company_header(db)
    assert header == saved and header.logo_data is not None

    number = _chargeable_ticket(db, clerk)
    pdf = render_pdf(paperwork.work_order(db, clerk, number), header)
    text = page_texts(pdf)[0]
    assert "蓝天家电售后服务中心" in text and "400-800-1234" in text
    # the image is stored once, and the audit log names it by hash, not by its bytes
    audited = _settings_audit(db)
    assert [d["key"] for d in audited] == ["company_logo", "company_header"]
    assert set(audited[0]["value"]) == {"sha256"}


def test_saving_the_header_again_keeps_or_removes_the_logo(
    db: Database, manager: Actor, tmp_path: Path
) -> None:
    logo = _png(tmp_path / "logo.png")
    settings.set_company_header(db, manager, name="蓝天售后", logo_path=str(logo))
    logo.unlink()
    kept = settings.set_company_header(db, manager, name="蓝天售后服务部", hotline="95000")
    assert kept.logo_data is not None and kept.logo_path == str(logo)
    assert kept.name == "蓝天售后服务部"
    removed = settings.set_company_header(db, manager, name="蓝天售后服务部", logo_path=None)
    assert removed.logo_data is None and removed.logo_path is None
    assert settings.get_setting(db, settings.LOGO_KEY) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "名" * 61}, "name"),
        ({"name": "蓝天\x07售后"}, "name"),
        ({"name": "蓝天", "address": "路" * 201}, "address"),
        ({"name": "蓝天", "hotline": "1" * 61}, "hotline"),
        ({"name": "蓝天", "logo_path": "/no/such/logo.png"}, "logo_path"),
    ],
)
def test_bad_header_is_refused_and_nothing_is_written(
    db: Database, manager: Actor, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        settings.set_company_header(db, manager, **fields)
    assert info.value.field == field
    assert settings.get_company_header(db) == settings.DEFAULT_HEADER
    assert _settings_audit(db) == []


def test_a_logo_must_be_a_png_or_jpeg_image(db: Database, manager: Actor, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    truncated = tmp_path / "broken.png"
    truncated.write_bytes(_png(tmp_path / "ok.png").read_bytes()[:20])
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * settings.MAX_LOGO_BYTES)
    for path, code, values in (
        (fake, "settings.logo_not_an_image", {}),
        (truncated, "settings.logo_not_an_image", {}),
        (gif, "settings.logo_not_an_image", {}),
        (big, "settings.logo_too_large", {"megabytes": 1}),
        (tmp_path, "settings.logo_not_found", {}),
    ):
        with pytest.raises(ValidationError) as info:
            settings.set_company_header(db, manager, name="蓝天", logo_path=str(path))
        assert (info.value.field, info.value.code, info.value.values) == ("logo_path", code, values)
    jpeg = tmp_path / "logo.jpg"
    Image.new("RGB", (40, 20), (0, 0, 200)).save(jpeg, "JPEG")
    saved = settings.set_company_header(db, manager, name="蓝天", logo_path=str(jpeg))
    assert saved.logo_data == jpeg.read_bytes()


# ---------------------------------------------------------------- permissions


def test_a_clerk_may_change_no_setting(db: Database, manager: Actor, clerk: Actor) -> None:
    cal = WorkingCalendar.standard(SHANGHAI)
    attempts = [
        lambda: settings.set_company_header(db, clerk, name="蓝天", logo_path=Logo.KEEP),
        lambda: settings.set_standard(
            db, clerk, TicketKind.REPAIR, Urgency.NORMAL, Standard(1, 2, 3)
        ),
        lambda: settings.set_standards(
            db, clerk, {(TicketKind.REPAIR, Urgency.NORMAL): Standard(1, 2, 3)}
        ),
        lambda: settings.set_complaint_standards(db, clerk, {Severity.LOW: (1, 2)}),
        lambda: settings.set_calendar(db, clerk, cal),
        lambda: settings.set_default_area_code(db, clerk, "0755"),
        lambda: settings.set_charge_standard(db, clerk, {"zh_CN": "按价目表收费"}),
        lambda: settings.set_timezone(db, clerk, "Asia/Shanghai"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert _settings_audit(db) == []
    assert len(settings.list_standards(db, clerk)) == len(TicketKind) * len(Urgency)


# ---------------------------------------------------------------- standards


def test_standards_list_every_kind_and_urgency_with_defaults(db: Database, manager: Actor) -> None:
    rows = settings.list_standards(db, manager)
    assert [(r.kind, r.urgency) for r in rows] == [(k, u) for k in TicketKind for u in Urgency]
    assert all(r.is_default and r.standard == settings.DEFAULT_STANDARDS[r.urgency] for r in rows)

    settings.set_standards(
        db,
        manager,
        {
            (TicketKind.INSTALLATION, Urgency.URGENT): Standard(2, 12, 36, True),
            (TicketKind.REPAIR, Urgency.CRITICAL): Standard(1, 4, 12),
        },
    )
    by_key = {(r.kind, r.urgency): r for r in settings.list_standards(db, manager)}
    assert by_key[(TicketKind.INSTALLATION, Urgency.URGENT)].standard == Standard(2, 12, 36, True)
    assert not by_key[(TicketKind.INSTALLATION, Urgency.URGENT)].is_default
    assert by_key[(TicketKind.REPAIR, Urgency.CRITICAL)].standard == Standard(1, 4, 12)
    assert by_key[(TicketKind.REPAIR, Urgency.NORMAL)].is_default
    assert db.read(
        lambda s: settings.standard_for(s, TicketKind.INSTALLATION, Urgency.URGENT)
    ) == Standard(2, 12, 36, True)


def test_standards_are_saved_all_or_none(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        settings.set_standards(
            db,
            manager,
            {
                (TicketKind.REPAIR, Urgency.NORMAL): Standard(12, 24, 48),
                (TicketKind.MAINTENANCE, Urgency.URGENT): Standard(10, 5, 48),
            },
        )
    assert (info.value.field, info.value.code) == (
        "standard.maintenance.urgent",
        "settings.hours_order",
    )
    assert db.read(lambda s: s.scalars(select(ServiceStandard)).all()) == []
    for bad, code in (
        (Standard(0, 1, 2), "settings.hours_out_of_range"),
        (Standard(1, 2, 24 * 366), "settings.hours_out_of_range"),
        (Standard(3, 2, 4), "settings.hours_order"),
    ):
        with pytest.raises(ValidationError) as single:
            settings.set_standard(db, manager, TicketKind.REPAIR, Urgency.NORMAL, bad)
        assert (single.value.field, single.value.code) == ("hours", code)


def test_complaint_standards_in_one_transaction(db: Database, manager: Actor) -> None:
    settings.set_complaint_standards(db, manager, {Severity.LOW: (12, 96), Severity.HIGH: (1, 12)})
    assert settings.complaint_standards(db) == {
        Severity.LOW: (12, 96),
        Severity.MEDIUM: settings.DEFAULT_COMPLAINT_STANDARDS[Severity.MEDIUM],
        Severity.HIGH: (1, 12),
    }
    with pytest.raises(ValidationError) as info:
        settings.set_complaint_standards(
            db, manager, {Severity.LOW: (6, 48), Severity.MEDIUM: (10, 5)}
        )
    assert (info.value.field, info.value.code) == (
        "complaint.medium",
        "settings.complaint_hours_order",
    )
    assert settings.complaint_standards(db)[Severity.LOW] == (12, 96)
    with pytest.raises(ValidationError) as unknown:
        settings.set_complaint_standards(db, manager, {"extreme": (1, 2)})  # type: ignore[dict-item]
    assert (unknown.value.field, unknown.value.code) == ("severity", "complaint.severity_required")


def test_an_unknown_time_zone_is_refused(db: Database, manager: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        settings.set_timezone(db, manager, "Mars/Olympus_Mons")
    assert (info.value.field, info.value.code) == ("timezone", "settings.unknown_timezone")
    assert _settings_audit(db) == []


def test_settings_refusals_read_in_chinese(db: Database, manager: Actor, tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * settings.MAX_LOGO_BYTES)
    with pytest.raises(ValidationError) as logo:
        settings.set_company_header(db, manager, name="蓝天", logo_path=str(big))
    assert render(logo.value, language="zh_CN") == "标志文件太大：最大 1 MB。"
    assert render(logo.value) == "The logo file is too large: at most 1 MB."
    with pytest.raises(ValidationError) as order:
        settings.set_standard(db, manager, TicketKind.REPAIR, Urgency.NORMAL, Standard(3, 2, 4))
    assert render(order.value, language="zh_CN") == "响应时限 ≤ 上门时限 ≤ 修复时限。"


# ---------------------------------------------------------------- calendar


def test_working_calendar_round_trip(db: Database, manager: Actor) -> None:
    assert settings.working_calendar(db) == WorkingCalendar.standard(SHANGHAI)
    morning = ((time(9, 0), time(12, 0)),)
    cal = WorkingCalendar(
        tz=SHANGHAI,
        weekly={wd: ((time(8, 30), time(12, 0)), (time(13, 30), time(18, 0))) for wd in range(5)}
        | {5: morning},
        holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}),
        makeup_days={date(2026, 9, 27): 4},
    )
    settings.set_calendar(db, manager, cal)
    assert settings.working_calendar(db) == cal
    assert _settings_audit(db)[0]["key"] == "working_calendar"


# ---------------------------------------------------------------- desk defaults


def test_default_area_code_is_normalised_used_and_cleared(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    assert settings.get_default_area_code(db) is None
    assert settings.set_default_area_code(db, manager, " 755 ") == "0755"
    assert settings.get_default_area_code(db) == "0755"
    c = customers.create_customer(
        db, clerk, CustomerDraft("王五", ["8888 6666"], [AddressInput("深圳市南山区", "南山区")])
    )
    assert c.phones[0].normalized == "075588886666"
    for bad in ("1234567", "abc", "0123"):
        with pytest.raises(ValidationError) as info:
            settings.set_default_area_code(db, manager, bad)
        assert info.value.field == "area_code"
    assert settings.get_default_area_code(db) == "0755"
    assert settings.set_default_area_code(db, manager, "") is None
    assert settings.get_default_area_code(db) is None


def test_charge_standard_is_printed_on_chargeable_work_orders(
    db: Database, manager: Actor, clerk: Actor
) -> None:
    number = _chargeable_ticket(db, clerk)
    assert settings.get_charge_standard(db) == settings.DEFAULT_CHARGE_STANDARD
    assert lookup.charge_standard(db) is None  # no manager has published one yet
    wo = paperwork.work_order(db, clerk, number)
    assert wo.charge_standard == settings.DEFAULT_CHARGE_STANDARD["zh_CN"]

    zh = "上门费¥30.00；人工费¥80.00起；配件按公司价目表。\n收费前告知客户并经同意。"
    settings.set_charge_standard(db, manager, {"zh_CN": zh, "en": ""})
    assert settings.get_charge_standard(db) == {"zh_CN": zh, "en": ""}
    assert paperwork.work_order(db, clerk, number).charge_standard == zh
    assert paperwork.work_order(db, clerk, number, "en").charge_standard == zh  # falls back
    assert lookup.charge_standard(db) == zh
    en = "Call-out ¥30.00; labour from ¥80.00; parts as listed."
    settings.set_charge_standard(db, manager, {"zh_CN": zh, "en": en})
    assert paperwork.work_order(db, clerk, number, "en").charge_standard == en
    assert lookup.charge_standard(db, "en") == en

    for texts, field in (
        ({"zh_CN": "  ", "en": en}, "charge_standard.zh_CN"),
        ({"zh_CN": "收" * 501}, "charge_standard.zh_CN"),
        ({"zh_CN": zh, "en": "x" * 501}, "charge_standard.en"),
        ({"zh_CN": zh, "fr": "gratuit"}, "charge_standard"),
    ):
        with pytest.raises(ValidationError) as info:
            settings.set_charge_standard(db, manager, texts)
        assert info.value.field == field
        if field == "charge_standard":
            assert (info.value.code, info.value.values) == (
                "settings.unknown_language",
                {"language": "fr"},
            )
    assert settings.get_charge_standard(db) == {"zh_CN": zh, "en": en}
