"""Benchmark of the printed forms: one work order and 500 in one batch, against bare reportlab.

Run: ``python benchmarks/bench_printing.py`` (``--batch N`` to change the batch size,
``--repeat N`` for more runs). Each figure is the best of the runs, and each is shown
as a ratio to a minimal reportlab document measured in the same process: one page
(resp. as many pages as the batch) with one line of text in the same registered CJK
font, so the ratio is what our layout costs beyond reportlab's own floor.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desk_app.printing import (
    CompanyHeader,
    LikelyPart,
    WorkOrderData,
    load_fonts,
    render_work_order,
    render_work_orders,
)

HEADER = CompanyHeader(
    name="华安家电售后服务中心",
    address="北京市朝阳区建国路88号华安大厦一层",
    hotline="400-800-1234",
)


def order(i: int) -> WorkOrderData:
    start = datetime(2024, 5, 2, 9, 0) + timedelta(minutes=30 * (i % 16))
    return WorkOrderData(
        ticket_no=f"WX20240502-{i:04d}",
        kind=("repair", "installation", "maintenance")[i % 3],
        urgency=("normal", "urgent", "critical")[i % 3],
        status="appointed",
        customer_name=("张伟", "王芳", "李娜", "刘洋", "陈静")[i % 5],
        phones=(f"138{i:08d}",),
        address=f"北京市朝阳区望京街道花家地北里{i % 40 + 1}号楼{i % 6 + 1}单元{i % 30 + 101}室",
        area="朝阳区望京片区",
        product_type="分体式空调",
        brand="华安",
        model="KFR-35GW/BP3DN1Y",
        serial_no=f"SN2023A{i:010d}",
        purchase_date=date(2022, 6, 18),
        warranty=("in", "out", "unknown")[i % 3],
        fault_description="空调制冷效果差，室内机滴水，显示E4故障代码。客户称夜间外机有异响。",
        appointment_start=start,
        appointment_end=start + timedelta(hours=2),
        technician="李强",
        technician_phone="13900001111",
        likely_parts=(
            LikelyPart(code="P-10023", name="排水泵", model="DP-12V", qty=1),
            LikelyPart(code="P-20451", name="温度传感器", model="NTC-10K", qty=2),
        ),
        tools="压力表、检漏仪、真空泵",
        charge_standard="保内免费维修；保外人工费¥80.00起，配件按公司统一价格收取。",
        created_at=datetime(2024, 5, 1, 9, 30),
        respond_by=datetime(2024, 5, 2, 9, 30),
        visit_by=datetime(2024, 5, 3, 9, 30),
        repair_by=datetime(2024, 5, 4, 9, 30),
        notes="请提前一小时电话联系。",
    )


def minimal(pages: int, font: str) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=font)
    for p in range(pages):
        c.setFont(font, 12)
        c.drawString(72, 770, f"服务派工单 WX20240502-{p:04d}")
        c.showPage()
    c.save()
    return buf.getvalue()


def best(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    times = []
    out = b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def pages_of(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best is kept)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    fonts = load_fonts()
    first_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert load_fonts() is fonts
    cached_load = time.perf_counter() - t0
    registered = [n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("DeskCJK")]

    def one() -> bytes:
        buf = io.BytesIO()
        render_work_order(order(1), HEADER, buf)
        return buf.getvalue()

    orders = [order(i) for i in range(args.batch)]

    def batch() -> bytes:
        buf = io.BytesIO()
        render_work_orders(orders, HEADER, buf)
        return buf.getvalue()

    one()  # warm caches (styles, glyph widths) like a running desk
    base_one, base_one_pdf = best(lambda: minimal(1, fonts.regular), max(args.repeat, 20))
    t_one, one_pdf = best(one, max(args.repeat, 20))
    base_batch, base_batch_pdf = best(lambda: minimal(args.batch, fonts.regular), args.repeat)
    t_batch, batch_pdf = best(batch, args.repeat)

    print(f"font: {fonts.path} (face {fonts.subfont_index}, from {fonts.source})")
    print(
        f"font registration: first {first_load * 1000:.1f} ms, then {cached_load * 1e6:.1f} µs "
        f"(cached); registered faces: {', '.join(registered)}"
    )
    print()
    print(f"{'case':<34}{'seconds':>10}{'pages':>8}{'KiB':>9}{'× minimal':>11}")
    rows = [
        ("minimal reportlab, 1 page", base_one, base_one_pdf, None),
        ("work order, 1", t_one, one_pdf, base_one),
        (f"minimal reportlab, {args.batch} pages", base_batch, base_batch_pdf, None),
        (f"work orders, batch of {args.batch}", t_batch, batch_pdf, base_batch),
    ]
    for name, seconds, pdf, base in rows:
        ratio = f"{seconds / base:.1f}" if base else "1.0"
        print(f"{name:<34}{seconds:>10.4f}{pages_of(pdf):>8}{len(pdf) / 1024:>9.0f}{ratio:>11}")
    print()
    print(f"per work order in the batch: {t_batch / args.batch * 1000:.1f} ms")


if __name__ == "__main__":
    main()
