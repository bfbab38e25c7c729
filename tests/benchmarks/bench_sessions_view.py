"""Benchmark of the sessions view on a demo commune: open, scroll to the end, sort by place, search as you type.

    python -m tests.benchmarks.bench_sessions_view [--sessions 100000] [--data-dir DIR] [--pages N]

Prints figures and asserts nothing. The targets: a page read on the GUI thread under 50 ms; the first page
of a new query (prepared and counted on the model's worker thread) on screen within about 300 ms. The
demo database is made in a temporary folder, or in --data-dir, where a database made earlier with the same
number of sessions is used again (making 100,000 sessions takes about 20 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.store.demo import create_demo
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.session_model import SessionsModel
from desktop.ui.views.sessions import SessionsView

TODAY = date(2026, 3, 2)
COMMUNE = "06445"  # xã Tân Thành, tỉnh Lạng Sơn
QUERIES = ("nha van hoa", "vneid", "ho gia dinh ong", "cho tan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def wait_loaded(app: QApplication, model: SessionsModel, timeout: float = 60.0) -> float:
    """Run the event loop until the model's query is on screen; returns the seconds waited."""
    start = time.perf_counter()
    app.processEvents()
    while model.loading:
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the sessions model did not load")
        app.processEvents()
        time.sleep(0.0005)
    return time.perf_counter() - start


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def open_store(folder: Path, sessions: int) -> Store:
    """The demo commune in folder, made unless a database with as many sessions is already there."""
    store = Store.open(folder, automatic_backup=False)
    store.today = lambda: TODAY
    existing = store.count("sessions", include_deleted=True)
    if existing and existing != sessions:
        store.close()
        raise SystemExit(f"{folder} holds {existing} sessions, not {sessions}: choose another --data-dir")
    if not existing:
        start = time.perf_counter()
        create_demo(store, commune_code=COMMUNE, sessions=sessions, seed=1)
        print(f"demo data: {sessions:,} sessions made in {time.perf_counter() - start:.1f} s")
    return store


def main(argv: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """Run the benchmark and print its figures; returns them as (name, value) pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--pages", type=int, default=0, help="pages to scroll (0: to the end)")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as temp:
        folder = args.data_dir or Path(temp) / "data"
        store = open_store(folder, args.sessions)
        settings = QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext.create(store, folder, synchronous=False, settings=settings)  # real worker threads
        try:
            return run(app, ctx, args.sessions, args.pages)
        finally:
            ctx.shutdown()
            store.close()


def run(app: QApplication, ctx: AppContext, sessions: int, pages: int) -> list[tuple[str, str]]:
    figures: list[tuple[str, str]] = []

    def report(name: str, value: str) -> None:
        figures.append((name, value))
        print(f"{name:<62} {value}")

    print(f"{sessions:,} sessions, page size {SessionsModel(ctx).page_size}, real worker threads")
    view: SessionsView | None = None

    def build() -> None:
        nonlocal view
        view = SessionsView(ctx)

    gui = timed(build)
    assert view is not None
    model = view.model
    waited = wait_loaded(app, model)
    view.resize(1170, 680)
    view.show()
    report("open the view: building it (GUI thread)", ms(gui))
    report("open the view: until the first page and the count are in", ms(gui + waited))
    report("  rows shown / sessions matching", f"{model.rowCount():,} / {model.total:,}")

    fetches = scroll(model, pages)
    report(f"scroll page by page: {len(fetches)} fetchMore calls, total", ms(sum(fetches)))
    report("  per fetchMore: average / max", f"{ms(statistics.mean(fetches))} / {ms(max(fetches))}")
    report("  rows loaded at the end", f"{model.rowCount():,}")

    for attempt in ("first time", "again"):
        view.list.view.sortByColumn(SessionsModel.DATE, Qt.SortOrder.DescendingOrder)
        wait_loaded(app, model)
        start = time.perf_counter()
        view.list.view.sortByColumn(SessionsModel.PLACE, Qt.SortOrder.AscendingOrder)
        gui_part = time.perf_counter() - start
        wait_loaded(app, model)
        report(f"sort by place ({attempt}): until the first page is shown", ms(time.perf_counter() - start))
        report("  of which on the GUI thread (click)", ms(gui_part))
    place_pages = scroll(model, 50)
    report(
        "  then 50 pages in place order: fetchMore average / max",
        f"{ms(statistics.mean(place_pages))} / {ms(max(place_pages))}",
    )

    view.list.view.sortByColumn(SessionsModel.DATE, Qt.SortOrder.DescendingOrder)
    wait_loaded(app, model)
    applied: list[float] = []
    original_apply = model._apply

    def apply_timed(*args: object) -> None:
        applied.append(timed(lambda: original_apply(*args)))  # type: ignore[arg-type]

    model._apply = apply_timed  # type: ignore[method-assign]
    for text in QUERIES:
        latencies = []
        for end in range(1, len(text) + 1):
            start = time.perf_counter()
            model.set_query(replace(model.query, text=text[:end]))
            wait_loaded(app, model)
            latencies.append(time.perf_counter() - start)
        report(
            f"search as you type “{text}”: per keystroke median / max",
            f"{ms(statistics.median(latencies))} / {ms(max(latencies))}  ({model.total:,} found)",
        )
    report("  GUI-thread share per keystroke (install + first page): max", ms(max(applied)))
    model._apply = original_apply  # type: ignore[method-assign]
    view.close()
    return figures


def scroll(model: SessionsModel, pages: int) -> list[float]:
    """fetchMore until the end (or for so many pages); the seconds each took."""
    times = []
    root = model.index(-1, -1)
    while model.canFetchMore(root) and (not pages or len(times) < pages):
        times.append(timed(lambda: model.fetchMore(root)))
    return times or [0.0]


if __name__ == "__main__":
    main()
