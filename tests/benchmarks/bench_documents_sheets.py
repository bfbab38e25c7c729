"""Benchmark of the team papers: an activity sheet of many sessions, the blank field form, the member list.

    python -m tests.benchmarks.bench_documents_sheets [--sessions N] [--teams N] [--runs N]

Prints a table of figures; it asserts nothing (target: an activity sheet of 1,000 sessions in ≤ 2 s). The store is
the fixed in-memory commune of the document tests (tests/documents/sheet_checks.py), its one team given N sessions
over a year, and N more teams of seven for the member list.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import date

import reportlab

from desktop.documents.activity_sheet import render_activity_sheet
from desktop.documents.field_form import render_field_form
from desktop.documents.member_list import render_member_list
from tests.benchmarks.figures import Figure, format_table, timed
from tests.documents.sheet_checks import PRINTED_ON, add_sessions, pdf_info, sample_commune

YEAR = (date(2025, 3, 1), date(2026, 2, 28))


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_documents_sheets",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=int, default=1_000, help="sessions on the activity sheet (1,000)")
    parser.add_argument("--teams", type=int, default=20, help="extra teams of seven on the member list (20)")
    parser.add_argument("--runs", type=int, default=5, help="renderings to time (5)")
    args = parser.parse_args(argv)

    commune = sample_commune()
    store, team_id = commune.store, commune.team["id"]
    started = time.perf_counter()
    add_sessions(commune, args.sessions)
    with store.transaction():
        for number in range(args.teams):
            team = store.insert("teams", {"name": f"Tổ công nghệ số cộng đồng thôn Khau Phạ {number + 1:02d}"})
            for member in range(7):
                person = store.insert("people", {"full_name": f"Hoàng Văn Thành Viên {member + 1}", "birth_year": 1990})
                role = "to_truong" if member == 0 else "thanh_vien"
                store.insert("memberships", {"person_id": person["id"], "team_id": team["id"], "role": role})
    data_seconds = time.perf_counter() - started

    sheet_times, sheet = timed(lambda: render_activity_sheet(store, team_id, *YEAR, printed_on=PRINTED_ON), args.runs)
    form_times, form = timed(lambda: render_field_form(store, team_id), args.runs)
    list_times, members = timed(lambda: render_member_list(store, printed_on=PRINTED_ON), args.runs)
    store.close()
    sessions = args.sessions + 5  # the sample's own February sessions fall in the year too

    def ms(times: list[float]) -> str:
        return f"{statistics.median(times) * 1000:.0f}"

    figures = [
        Figure("test data written (not part of any document)", f"{data_seconds:.2f}", "s"),
        Figure("sessions on the activity sheet", f"{sessions:,}"),
        Figure(f"render_activity_sheet (median of {len(sheet_times)})", ms(sheet_times), "ms"),
        Figure("render_activity_sheet (slowest)", f"{max(sheet_times) * 1000:.0f}", "ms"),
        Figure("  per session", f"{statistics.median(sheet_times) / sessions * 1e6:.0f}", "µs"),
        Figure("  pages", pdf_info(sheet)["Pages"]),
        Figure("  PDF size", f"{len(sheet) / 1024:.0f}", "KiB"),
        Figure(f"render_field_form (median of {len(form_times)})", ms(form_times), "ms"),
        Figure("  pages", pdf_info(form)["Pages"]),
        Figure(f"render_member_list, {args.teams + 1} teams (median of {len(list_times)})", ms(list_times), "ms"),
        Figure("  pages", pdf_info(members)["Pages"]),
    ]
    print(
        f"Tổ Số team papers benchmark — {sessions:,} sessions, {args.teams + 1} teams, Python "
        f"{sys.version.split()[0]}, reportlab {reportlab.Version}"
    )
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
