"""Benchmark of the desktop app as a user meets it: cold start, memory after every view, search as you type.

    python -m tests.benchmarks.bench_app [--sessions N] [--data-dir DIR]

Makes (or reuses) a demo commune with N sessions (default 100,000), then starts the app in a fresh process,
offscreen, and prints a table of figures; it asserts nothing. Targets from the issue: cold start to an
interactive window <= 1.5 s, memory after visiting every view <= 300 MB RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop import paths
from desktop.store.demo import create_demo
from desktop.store.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
SEARCHES = ("nguyen", "tran thi", "nha van hoa", "0912", "cho", "h")

# Runs in the child process: everything from the interpreter's start is counted.
CHILD = r"""
import json, os, sys, time
started = time.perf_counter()
from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtWidgets import QApplication
from pathlib import Path
from desktop.app import Application, create_app
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.main_window import AREAS

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def settle():
    # The window is interactive once the event queue is empty: every pending paint and job result handled.
    app = QApplication.instance()
    for _ in range(50):
        app.processEvents()
    for worker in (ctx.writer, ctx.reader):
        while worker.busy:
            app.processEvents()
            time.sleep(0.002)
    app.processEvents()

app = create_app(sys.argv[:1])
store = Store.open(Path(sys.argv[1]), automatic_backup=False)
ctx = AppContext.create(store, Path(sys.argv[1]))
window = Application(ctx).show()
settle()
figures = {"start_s": time.perf_counter() - started, "rss_start_mb": rss_mb()}
views = {}
for area in AREAS:
    t = time.perf_counter()
    window.show_area(area.key)
    settle()
    views[area.key] = time.perf_counter() - t
figures["views_s"] = views
figures["rss_all_views_mb"] = rss_mb()
view = window.show_area("people")
latencies = []
for text in json.loads(sys.argv[2]):
    typed = ""
    for char in text:
        typed += char
        t = time.perf_counter()
        ctx.store.search(typed, limit=50)
        latencies.append((time.perf_counter() - t) * 1000)
figures["search_ms"] = latencies
print("FIGURES " + json.dumps(figures), flush=True)
ctx.shutdown()
"""


def prepare(folder: Path, sessions: int) -> None:
    """A demo commune in folder, unless one is already there."""
    if paths.database_path(folder).exists():
        return
    with Store.open(folder, automatic_backup=False) as store:
        create_demo(store, sessions=sessions, seed=1)


def run_child(folder: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TOSO_NO_CRASH_DIALOG": "1", "PYTHONPATH": str(REPO_ROOT)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), json.dumps(SEARCHES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    wall = time.perf_counter() - started
    line = next(line for line in result.stdout.splitlines() if line.startswith("FIGURES "))
    figures: dict[str, object] = json.loads(line.removeprefix("FIGURES "))
    figures["process_s"] = wall
    return figures


def main(argv: list[str] | None = None) -> list[tuple[str, str, str]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        folder = args.data_dir or Path(temp)
        prepare(folder, args.sessions)
        runs = [run_child(folder) for _ in range(args.runs)]
    starts = [float(run["start_s"]) for run in runs]  # type: ignore[arg-type]
    last = runs[-1]
    views: dict[str, float] = last["views_s"]  # type: ignore[assignment]
    search = sorted(float(x) for x in last["search_ms"])  # type: ignore[union-attr]
    rows = [
        ("sessions in the database", f"{args.sessions:,}", ""),
        ("cold start to an interactive window (median)", f"{statistics.median(starts):.2f}", "s"),
        ("cold start: min / max", f"{min(starts):.2f} / {max(starts):.2f}", "s"),
        ("memory after start (RSS)", f"{float(last['rss_start_mb']):.0f}", "MB"),  # type: ignore[arg-type]
        ("memory after visiting every view (RSS)", f"{float(last['rss_all_views_mb']):.0f}", "MB"),  # type: ignore[arg-type]
        *((f"  first visit: {key}", f"{seconds * 1000:.0f}", "ms") for key, seconds in views.items()),
        ("search as you type, per keystroke p50", f"{statistics.median(search):.1f}", "ms"),
        ("search as you type, per keystroke p95", f"{search[int(len(search) * 0.95) - 1]:.1f}", "ms"),
        ("search as you type, per keystroke max", f"{search[-1]:.1f}", "ms"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"Tổ Số app benchmark — {args.sessions:,} sessions, {args.runs} cold starts")
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:>14}  {unit}")
    return rows


if __name__ == "__main__":
    main()
