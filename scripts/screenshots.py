"""Regenerate the README's screenshots of the front desk, in Chinese and English.

Builds a throw-away SQLite database with demo data (``services.demo.generate``),
signs in as the demo clerk and photographs the main screens with a fixed clock,
so the pictures change only when the screens do::

    python scripts/screenshots.py                      # 20,000 customers, docs/screenshots
    python scripts/screenshots.py --customers 200000   # the issue's full size
    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshots.py --platform xcb

Without ``--platform`` it renders offscreen (no display needed; CJK fonts must be
installed, e.g. fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)  # Monday 10:30 in Shanghai
SIZE = (1360, 820)


def wait_until(app: object, cond: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def save_small(pixmap: Any, path: Path) -> None:
    """PNG with a 256-colour palette: a third of the size, no visible difference for UI."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
    )
    image.save(str(path), "PNG", 9)
    print("wrote", path)


def settle(app: object, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def photograph(
    app: object,
    window: Any,
    shot: Callable[[str], None],
    ticket_png: Path | None,
    customer_id: int,
    appliance_id: int,
    name: str,
    fault: str,
) -> None:
    """Drive the window through lookup, history, intake, saved ticket, placeholder, ticket."""
    lookup = window.lookup
    lookup.search_box.setText(name)
    wait_until(app, lambda: lookup.model.rowCount() > 0 and not lookup.model.loading)
    lookup.search_box.setFocus()
    lookup.table.selectRow(0)
    wait_until(app, lambda: lookup.detail.customer is not None)
    lookup.show_customer(customer_id)
    wait_until(
        app,
        lambda: lookup.detail.customer is not None and lookup.detail.customer.id == customer_id,
    )
    shot("lookup")
    lookup.detail.tabs.setCurrentIndex(2)
    shot("history")
    lookup.detail.tabs.setCurrentIndex(0)

    window.new_ticket_for(customer_id)
    intake = window.intake
    wait_until(app, lambda: intake.customer is not None)
    intake.request.fill_appliances(intake.request.appliances(), select=appliance_id)
    intake.fault.setPlainText(fault)
    wait_until(app, lambda: intake.knowledge.list.count() > 0, timeout=30)
    intake.knowledge.list.setCurrentRow(0)
    shot("intake")
    intake.save()
    wait_until(app, lambda: intake.saved is not None)
    shot("ticket_saved")
    if ticket_png is not None:  # the extras: a placeholder screen and the ticket window
        window.show_screen("dispatch")
        shot("placeholder")
        window.show_screen("lookup")
        dialog = window.open_ticket(intake.saved.id)
        wait_until(app, lambda: dialog.ticket is not None)
        settle(app)
        save_small(dialog.grab(), ticket_png)
        dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--languages", default="zh_CN,en")
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument(
        "--extras", action="store_true", help="also a placeholder screen and the ticket window"
    )
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from desk_app.db import migrate
    from desk_app.db.engine import make_engine
    from desk_app.db.models import Appliance, Customer, KnowledgeArticle, Ticket
    from desk_app.domain.enums import TicketStatus
    from desk_app.services import demo
    from desk_app.services.admin import users
    from desk_app.services.core.database import Database
    from desk_app.ui.common import i18n
    from desk_app.ui.common.changes import ChangeHub
    from desk_app.ui.common.context import Desk
    from desk_app.ui.common.operations import BackgroundOps
    from desk_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'shots.sqlite3'}"
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        db = Database(url, clock=lambda: NOW)
        print(f"demo data: {args.customers:,} customers, {args.tickets:,} tickets …")
        demo.generate(db, customers=args.customers, tickets=args.tickets, seed=1, now=NOW)
        actor = users.authenticate(db, "kefu1", "demo123")

        def pick(s: object) -> tuple[int, int, str]:
            """A customer with an open ticket and an appliance, and a known fault text."""
            row = s.execute(  # type: ignore[attr-defined]
                select(Ticket.customer_id, Appliance.model, Appliance.id)
                .join(Appliance, Appliance.id == Ticket.appliance_id)
                .where(Ticket.status == TicketStatus.DISPATCHED)
                .order_by(Ticket.id)
                .limit(1)
            ).one()
            symptom = s.scalar(  # type: ignore[attr-defined]
                select(KnowledgeArticle.symptom).where(KnowledgeArticle.model == row[1]).limit(1)
            ) or s.scalar(select(KnowledgeArticle.symptom).limit(1))  # type: ignore[attr-defined]
            return row[0], row[2], symptom or "不制冷"

        customer_id, appliance_id, fault = db.read(pick)
        name = db.read(lambda s: s.get(Customer, customer_id).name)

        for language in args.languages.split(","):
            installed = i18n.install(app, i18n.choose_language(language))
            suffix = "zh" if language.startswith("zh") else "en"
            ops = BackgroundOps()
            settings = QSettings(str(Path(tmp) / f"{suffix}.ini"), QSettings.Format.IniFormat)
            desk = Desk(db, actor, ops, ChangeHub(db, ops), settings)
            window = MainWindow(desk, confirm_close=False)
            window.resize(*SIZE)
            window.show()
            desk.changes.start()

            def shot(
                label: str, window: MainWindow = window, suffix: str = suffix, ops: Any = ops
            ) -> None:
                wait_until(app, lambda: ops.in_flight == 0, timeout=30)  # no "Working…"
                settle(app)
                save_small(window.grab(), args.out / f"{label}_{suffix}.png")

            extra = args.out / f"ticket_{suffix}.png" if args.extras else None
            photograph(app, window, shot, extra, customer_id, appliance_id, name, fault)
            desk.changes.stop()
            window.close()
            ops.shutdown()
            for t in installed:
                QCoreApplication.removeTranslator(t)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
