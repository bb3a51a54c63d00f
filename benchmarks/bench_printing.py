"""Benchmark of the printed forms: one work order and 500 in one batch, against bare reportlab;
and with ``--jobs``, what a print job costs: its size and time per page, the old way (every
page a 300-dpi image, as Qt's printing made them) against the new (the PDF itself).

Run: ``python benchmarks/bench_printing.py`` (``--batch N`` to change the batch size,
``--repeat N`` for more runs). Each figure is the best of the runs, and each is shown
as a ratio to a minimal reportlab document measured in the same process: one page
(resp. as many pages as the batch) with one line of text in the same registered CJK
font, so the ratio is what our layout costs beyond reportlab's own floor.

``--jobs`` (needs PySide6; ``QT_QPA_PLATFORM=offscreen`` on a server) prints a
technician's day of 8 and of 30 work orders:
- "pages as 300-dpi images": the pages drawn at 300 dpi into a Qt PDF printer, which is
  what Qt hands a CUPS queue (the job before this change);
- "pages drawn at 600 dpi, in strips": the Windows path now (``jobs.draw_document`` at
  a 600-dpi printer's resolution); on Windows the driver gets these strips;
- "the PDF itself": what CUPS gets now (``lp``), its bytes and, with ``--queue QUEUE``
  (a CUPS queue, e.g. a CUPS-PDF printer), the time ``lp`` takes to hand it over and
  the size the scheduler reports for the job (``lpstat -o``); the old way is then sent
  to the same queue through Qt's own CUPS printing for comparison.
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


def _day_pdf(orders: int) -> bytes:
    from desk_app.printing import RouteSheetData, RouteStop, TechnicianDayData, render_pdf

    wos = tuple(order(i) for i in range(orders))
    stops = tuple(
        RouteStop(
            ticket_no=o.ticket_no,
            kind=o.kind,
            urgency=o.urgency,
            status=o.status,
            start=o.appointment_start,
            end=o.appointment_end,
            customer_name=o.customer_name,
            phones=o.phones,
            address=o.address,
            area=o.area,
            product=o.model,
            fault_description=o.fault_description,
            parts=o.likely_parts,
        )
        for o in wos
    )
    route = RouteSheetData(technician="李强", day=date(2024, 5, 2), stops=stops)
    return render_pdf(TechnicianDayData(route=route, work_orders=wos), HEADER)


def _old_raster(document: object, printer: object) -> int:
    """The printing of before this change: each page one 300-dpi image, whole."""
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter

    painter = QPainter()
    assert painter.begin(printer)  # type: ignore[arg-type]
    sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))  # type: ignore[attr-defined]
    dpi = min(printer.resolution(), 300)  # type: ignore[attr-defined]
    pages = document.pageCount()  # type: ignore[attr-defined]
    for page in range(pages):
        if page:
            printer.newPage()  # type: ignore[attr-defined]
        points = document.pagePointSize(page)  # type: ignore[attr-defined]
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = document.render(page, size)  # type: ignore[attr-defined]
        white = QImage(image.size(), QImage.Format.Format_RGB32)
        white.fill(Qt.GlobalColor.white)
        p = QPainter(white)
        p.drawImage(0, 0, image)
        p.end()
        painter.drawImage(sheet, white)
    painter.end()
    return int(pages)


def _file_printer(path: Path, dpi: int) -> object:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    return printer


def _lpstat_size(job_id: str, queue: str) -> int:
    import subprocess

    out = subprocess.run(
        ["lpstat", "-W", "all", "-o", queue], capture_output=True, text=True, check=False
    ).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == job_id:
            return int(parts[2])
    return 0


def jobs(queue: str | None) -> None:
    import subprocess
    import tempfile

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from desk_app.printing.cups import CupsSpooler
    from desk_app.printing.spooler import job_title, pages_in
    from desk_app.ui.paperwork.jobs import draw_document, open_document

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    print(f"{'job':<44}{'pages':>6}{'KiB':>10}{'KiB/page':>10}{'s/page':>9}")
    for orders in (8, 30):
        pdf = _day_pdf(orders)
        pages = pages_in(pdf)
        rows: list[tuple[str, int, float]] = []
        with tempfile.TemporaryDirectory() as tmp:
            for name, dpi, draw in (
                ("pages as 300-dpi images (before)", 300, _old_raster),
                ("pages drawn at 600 dpi, in strips (Windows)", 600, None),
            ):
                out = Path(tmp) / f"{dpi}.pdf"
                document, path = open_document(pdf)
                printer = _file_printer(out, dpi)
                t0 = time.perf_counter()
                if draw is None:
                    draw_document(document, printer)  # type: ignore[arg-type]
                else:
                    draw(document, printer)
                seconds = time.perf_counter() - t0
                document.close()
                path.unlink()
                rows.append((name, out.stat().st_size, seconds))
        rows.append(("the PDF itself (CUPS, now)", len(pdf), 0.0))
        if queue:
            spooler = CupsSpooler()
            t0 = time.perf_counter()
            job = spooler.submit(pdf, queue, title=job_title("technician_day", f"bench {orders}"))
            seconds = time.perf_counter() - t0
            time.sleep(1)
            rows.append((f"  lp to {queue} (now)", _lpstat_size(job.job_id, queue), seconds))
            before = subprocess.run(
                ["lpstat", "-o", queue], capture_output=True, text=True, check=False
            ).stdout.split()
            document, path = open_document(pdf)
            printer = QPrinter(QPrinterInfo.printerInfo(queue), QPrinter.PrinterMode.HighResolution)
            printer.setFullPage(True)
            t0 = time.perf_counter()
            _old_raster(document, printer)
            seconds = time.perf_counter() - t0
            document.close()
            path.unlink()
            time.sleep(2)
            after = subprocess.run(
                ["lpstat", "-W", "all", "-o", queue], capture_output=True, text=True, check=False
            ).stdout.splitlines()
            new = [ln.split() for ln in after if ln.split() and ln.split()[0] not in before]
            size = max((int(p[2]) for p in new if len(p) > 2), default=0)
            rows.append((f"  Qt raster to {queue} (before)", size, seconds))
        for name, size, seconds in rows:
            per_page = seconds / pages if seconds else 0.0
            print(
                f"{name:<44}{pages:>6}{size / 1024:>10.0f}{size / 1024 / pages:>10.1f}"
                f"{per_page:>9.3f}"
            )
        print()


if __name__ == "__main__":
    if "--jobs" in sys.argv:
        queue = sys.argv[sys.argv.index("--queue") + 1] if "--queue" in sys.argv else None
        jobs(queue)
    else:
        main()
