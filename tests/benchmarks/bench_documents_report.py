"""Benchmark of the commune report PDF: a year's report over a commune's year of support sessions.

    python -m tests.benchmarks.bench_documents_report [--sessions N] [--runs N]

Prints a table of figures; it asserts nothing (target: a year's report over 20,000 sessions in ≤ 3 s). The store
is an in-memory demo commune (desktop.store.demo) whose every session falls in 2026.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import date
from io import BytesIO

from pypdf import PdfReader

from desktop.documents.report import render_report
from desktop.store import Store, settings, stats
from desktop.store.demo import create_demo
from tests.benchmarks.figures import Figure, format_table

COMMUNE_CODE = "06445"  # xã Tân Thành, tỉnh Lạng Sơn
TODAY = date(2026, 12, 31)  # the demo's sessions span the year up to "today": all of 2026
YEAR = stats.Period(date(2026, 1, 1), date(2026, 12, 31))


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_documents_report",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=int, default=20_000, help="support sessions in the year (20,000)")
    parser.add_argument("--runs", type=int, default=5, help="renderings to time (5)")
    args = parser.parse_args(argv)

    store = Store.in_memory()
    store.today = lambda: TODAY
    started = time.perf_counter()
    create_demo(store, commune_code=COMMUNE_CODE, sessions=args.sessions, seed=1)
    settings.put(store, settings.CHAIRMAN_NAME, "Hoàng Văn Thắng")
    demo_seconds = time.perf_counter() - started

    started = time.perf_counter()
    stats.commune_report(store, YEAR)
    figures_seconds = time.perf_counter() - started

    times = []
    pdf = b""
    for _ in range(max(1, args.runs)):
        started = time.perf_counter()
        pdf = render_report(store, YEAR.start, YEAR.end)
        times.append(time.perf_counter() - started)
    pages = len(PdfReader(BytesIO(pdf)).pages)
    store.close()

    figures = [
        Figure("demo commune built (not part of the report)", f"{demo_seconds:.2f}", "s"),
        Figure("sessions in the year", f"{args.sessions:,}"),
        Figure("stats.commune_report alone (first run)", f"{figures_seconds * 1000:.0f}", "ms"),
        Figure(f"render_report, year (median of {len(times)})", f"{statistics.median(times) * 1000:.0f}", "ms"),
        Figure("render_report, year (slowest)", f"{max(times) * 1000:.0f}", "ms"),
        Figure("PDF size", f"{len(pdf) / 1024:.0f}", "KiB"),
        Figure("pages", str(pages)),
    ]
    print(f"Tổ Số commune report benchmark — Python {sys.version.split()[0]} (target: year report ≤ 3 s)")
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
