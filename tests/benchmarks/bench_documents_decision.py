"""Benchmark of the founding decision PDF: one decision founding many teams, as a draft and once issued.

    python -m tests.benchmarks.bench_documents_decision [--teams N] [--members N] [--runs N]

Prints a table of figures; it asserts nothing (target: a decision founding 15 teams with 100 members in ≤ 0.5 s).
The store is the fixed test commune (tests/documents/decision_fixtures.py), in memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from io import BytesIO

from pypdf import PdfReader

from desktop.documents.decision import render_decision
from desktop.store import decisions
from tests.benchmarks.figures import Figure, format_table, timed
from tests.documents.decision_fixtures import add_decision, big_rosters, build_commune


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_documents_decision",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--teams", type=int, default=15, help="teams the decision founds (15)")
    parser.add_argument("--members", type=int, default=100, help="members of those teams in all (100)")
    parser.add_argument("--runs", type=int, default=5, help="renderings to time (5)")
    args = parser.parse_args(argv)

    commune = build_commune(rosters=big_rosters(args.teams, args.members))
    store = commune.store
    decision_id = add_decision(commune, "bench", list(commune.teams))

    draft_times, draft = timed(lambda: render_decision(store, decision_id), args.runs)
    started = time.perf_counter()
    decisions.issue_decision(store, decision_id)
    issue_seconds = time.perf_counter() - started
    issued_times, issued = timed(lambda: render_decision(store, decision_id), args.runs)
    pages = len(PdfReader(BytesIO(issued)).pages)
    store.close()

    figures = [
        Figure("teams / members", f"{args.teams} / {args.members}"),
        Figure(f"render_decision, draft from the store (median of {len(draft_times)})", _ms(draft_times), "ms"),
        Figure("render_decision, draft (slowest)", f"{max(draft_times) * 1000:.0f}", "ms"),
        Figure("issue_decision (checks, snapshot, logged writes)", f"{issue_seconds * 1000:.0f}", "ms"),
        Figure(f"render_decision, issued from its snapshot (median of {len(issued_times)})", _ms(issued_times), "ms"),
        Figure("render_decision, issued (slowest)", f"{max(issued_times) * 1000:.0f}", "ms"),
        Figure("PDF size, draft / issued", f"{len(draft) / 1024:.0f} / {len(issued) / 1024:.0f}", "KiB"),
        Figure("pages (decision + member list)", str(pages)),
    ]
    print(f"Tổ Số founding decision benchmark — Python {sys.version.split()[0]} (target: ≤ 0.5 s)")
    print(format_table(figures))
    return figures


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f}"


if __name__ == "__main__":
    main()
