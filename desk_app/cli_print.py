"""`desk-app print ...`: the printed forms as PDF files, for scripting and checks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from desk_app.cli_staff import acting_user, as_option
from desk_app.services.core.database import Database
from desk_app.services.paperwork import paperwork

DbOption = Callable[[argparse.ArgumentParser], None]


def add_print_parser(sub: Any, db_option: DbOption) -> None:
    printer = sub.add_parser("print", help="write a printed form as a PDF file")
    kinds = printer.add_subparsers(dest="document", metavar="DOCUMENT", required=True)

    def doc(name: str, help_text: str, key: str, key_help: str) -> argparse.ArgumentParser:
        p = kinds.add_parser(name, help=help_text, description=help_text)
        db_option(p)
        as_option(p)
        p.add_argument(key, help=key_help)
        p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        p.add_argument("--lang", choices=paperwork.LANGUAGES, default="zh_CN")
        p.add_argument("--paper", choices=["A4", "A5"], default=None)
        return p

    doc(
        "work-order",
        "the technician's work order (派工单) of one ticket",
        "ticket",
        "ticket number, e.g. S20261123-0001",
    )
    doc(
        "feedback-form",
        "the customer's service feedback form (服务反馈单)",
        "ticket",
        "ticket number",
    )
    doc(
        "work-orders",
        "all work orders of the visits booked on one day",
        "date",
        "the day, YYYY-MM-DD",
    ).add_argument("--technician", type=int, help="technician id")
    _add_stock_documents(kinds, doc)


def _add_stock_documents(kinds: Any, doc: Callable[..., argparse.ArgumentParser]) -> None:
    doc("requisition", "a parts requisition (配件领用单)", "number", "requisition number")
    doc("count-sheet", "a stocktake count sheet (盘点表)", "stocktake", "stocktake id")
    doc(
        "returned-part-slip",
        "the returned-part slip (旧件返还单) of every damaged part registered for a ticket",
        "ticket",
        "ticket number",
    )


def run_print(args: argparse.Namespace, db: Database) -> int:
    from desk_app.messages import render
    from desk_app.printing import render_checked

    actor = acting_user(db, args)
    lang = args.lang
    data: Any
    if args.document == "work-order":
        data = paperwork.work_order(db, actor, args.ticket, lang)
    elif args.document == "feedback-form":
        data = paperwork.feedback_form(db, actor, args.ticket, lang)
    elif args.document == "work-orders":
        day = datetime.strptime(args.date, "%Y-%m-%d").date()
        data = paperwork.work_orders_for_day(
            db, actor, day, technician_id=args.technician, language=lang
        )
        if not data:
            print(f"no visits booked on {day}", file=sys.stderr)
            return 1
    elif args.document == "requisition":
        data = paperwork.requisition(db, actor, args.number, lang)
    elif args.document == "returned-part-slip":
        data = paperwork.returned_part_slip(db, actor, args.ticket, lang)
    else:
        data = paperwork.count_sheet(db, actor, int(args.stocktake), lang)
    result = render_checked(data, paperwork.company_header(db), paper=args.paper)
    pdf = result.pdf
    Path(args.output).write_bytes(pdf)
    print(f"wrote {args.output} ({len(pdf):,} bytes)")
    warning = result.warning()
    if warning is not None:  # printed, but some characters as their code
        print(render(warning[0], warning[1], language=lang), file=sys.stderr)
    return 0
