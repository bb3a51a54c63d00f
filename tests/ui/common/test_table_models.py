"""The customer search model without any window: paging, stale answers, failures."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.errors import DatabaseUnavailable
from desk_app.services.customers.customers import CustomerRow
from desk_app.ui.common.operations import BackgroundOps
from desk_app.ui.common.table_models import ID_ROLE, CustomerSearchModel


def _rows(query: str, limit: int, offset: int, total: int = 450) -> list[CustomerRow]:
    end = min(offset + limit, total)
    return [
        CustomerRow(i, f"{query}{i:04d}", f"1380000{i:04d}", f"地址{i}", "朝阳区")
        for i in range(offset, end)
    ]


def test_pages_load_on_demand(qtbot: QtBot) -> None:
    ops = BackgroundOps()
    calls: list[tuple[str, int, int]] = []

    def fetch(q: str, limit: int, offset: int) -> list[CustomerRow]:
        calls.append((q, limit, offset))
        return _rows(q, limit, offset)

    model = CustomerSearchModel(ops, fetch, page_size=200)
    with qtbot.waitSignal(model.rows_loaded):
        model.search("张")
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rows_loaded):
        model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.rows_loaded):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert calls == [("张", 200, 0), ("张", 200, 200), ("张", 200, 400)]
    index = model.index(449, CustomerSearchModel.COL_PHONE)
    assert model.data(index) == "13800000449"
    assert model.data(index, ID_ROLE) == 449
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    ops.shutdown()


def test_stale_search_answer_is_dropped(qtbot: QtBot) -> None:
    ops = BackgroundOps()
    release = threading.Event()

    def fetch(q: str, limit: int, offset: int) -> list[CustomerRow]:
        if q == "z":
            release.wait(5)  # the first search is slow ...
        return _rows(q, limit, offset, total=3)

    model = CustomerSearchModel(ops, fetch)
    model.search("z")
    with qtbot.waitSignal(model.rows_loaded):
        model.search("zh")  # ... and the clerk typed on
    release.set()
    ops.wait_idle()
    QCoreApplication.processEvents()  # deliver the stale answer the pool has posted
    assert model.query == "zh"
    assert [model.row_at(i).name for i in range(model.rowCount())] == ["zh0000", "zh0001", "zh0002"]
    ops.shutdown()


def test_empty_query_clears_and_failure_is_reported(qtbot: QtBot) -> None:
    ops = BackgroundOps()

    def fetch(q: str, limit: int, offset: int) -> list[CustomerRow]:
        if q == "down":
            raise DatabaseUnavailable("database.unreachable")
        return _rows(q, limit, offset, total=5)

    model = CustomerSearchModel(ops, fetch)
    with qtbot.waitSignal(model.rows_loaded):
        model.search("a")
    assert model.rowCount() == 5
    with qtbot.waitSignal(model.search_failed) as blocker:
        model.search("down")
    assert isinstance(blocker.args[0], DatabaseUnavailable)
    assert not model.loading
    model.search("   ")
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    ops.shutdown()


def test_operations_deliver_on_gui_thread_and_route_failures(qtbot: QtBot) -> None:
    ops = BackgroundOps()
    gui = threading.get_ident()
    seen: list[object] = []
    ops.run(
        lambda: threading.get_ident(),
        on_success=lambda tid: seen.append((tid, threading.get_ident())),
    )
    ops.run(lambda: 1 / 0, on_failure=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 2)
    worker_and_caller = next(x for x in seen if isinstance(x, tuple))
    assert worker_and_caller[0] != gui and worker_and_caller[1] == gui
    assert any(isinstance(x, ZeroDivisionError) for x in seen)
    ops.shutdown()
    assert ops.run(lambda: 1) == -1


def test_quiet_work_does_not_make_the_desk_look_busy(qtbot: QtBot) -> None:
    ops = BackgroundOps()
    busy: list[int] = []
    ops.busy_changed.connect(busy.append)
    done: list[int] = []
    ops.run(lambda: 1, on_success=done.append, quiet=True)
    qtbot.waitUntil(lambda: done == [1])
    assert busy == []
    ops.run(lambda: 2, on_success=done.append)
    qtbot.waitUntil(lambda: done == [1, 2])
    assert busy == [1, 0]
    ops.shutdown()
