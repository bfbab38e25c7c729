"""Benchmark of documents as a user meets them: `toso print` from the shell, and the preview window's open and print.

    python -m tests.benchmarks.bench_documents_ui [--sessions N] [--runs N] [--data-dir DIR]

Makes (or reuses) a demo commune with N sessions in 2026 (default 20,000), one issued decision for all its teams,
then prints a table of figures; it asserts nothing. `toso print` is timed as a fresh process (interpreter start
included), the preview and printing in this process, offscreen, at the printer resolution the app uses (300 dpi).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.store import settings
from desktop.store.decisions import issue_decision, next_number
from desktop.store.demo import create_demo
from desktop.store.store import Store
from tests.benchmarks.figures import Figure, format_table

COMMUNE_CODE = "06445"  # xã Tân Thành, tỉnh Lạng Sơn
TODAY = date(2026, 11, 27)  # the demo's sessions run up to this day
REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = (
    ("decision", ()),
    ("activity-sheet", ("--month", "10/2026")),  # --team is added: the busiest team
    ("field-form", ()),
    ("report", ("--year", "2026")),
    ("member-list", ("--on", "27/11/2026")),
)


def prepare(folder: Path, sessions: int) -> str:
    """A demo commune plus an issued decision naming every team (the latest one); the busiest team's id."""
    with Store.open(folder, automatic_backup=False) as store:
        store.today = lambda: TODAY
        if not store.count("teams"):
            create_demo(store, commune_code=COMMUNE_CODE, sessions=sessions, seed=1)
            settings.put(store, settings.CHAIRMAN_NAME, "Hoàng Văn Thắng")
            teams = [team["id"] for team in store.rows("teams", "status = 'active'")]
            values = {"number": next_number(store, 2026), "year": 2026, "date": "2026-11-02", "team_ids": teams}
            decision = store.insert("decisions", values)
            issue_decision(store, decision["id"])
        row = store.db.execute(
            "SELECT team_id FROM sessions WHERE deleted = 0 GROUP BY team_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        return str(row[0])


def time_cli(folder: Path, out_folder: Path, team: str, runs: int) -> tuple[list[Figure], dict[str, Path]]:
    """Each document through `toso print` in a fresh process: median wall time, pages."""
    figures, files = [], {}
    for kind, options in DOCUMENTS:
        out = out_folder / f"{kind}.pdf"
        extra = ("--team", team) if kind in ("activity-sheet", "field-form") else ()
        command = [sys.executable, "-m", "desktop.cli", "print", kind, *options, *extra]
        command += ["--data-dir", str(folder), "--out", str(out)]
        seconds, line = [], ""
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, check=False)
            seconds.append(time.perf_counter() - started)
            line = (done.stdout or done.stderr).strip()
        pages = line.rsplit("(", 1)[-1].split()[0] if "trang" in line else "?"
        figures.append(
            Figure(f"toso print {kind} (median of {runs}, {pages} pages)", f"{statistics.median(seconds):.2f}", "s")
        )
        files[kind] = out
    return figures, files


def time_preview(files: dict[str, Path], runs: int) -> list[Figure]:
    """Open the preview of the largest document; print it to a PDF file at 300 dpi as the printer path does."""
    from PySide6.QtGui import QPdfWriter
    from PySide6.QtWidgets import QApplication

    from desktop.ui.document_preview import DocumentPreview, a4_layout, print_pages

    app = QApplication.instance() or QApplication([])
    kind, path = max(((k, p) for k, p in files.items() if p.exists()), key=lambda item: item[1].stat().st_size)
    pdf = path.read_bytes()
    opening, printing, pages = [], [], 0
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            started = time.perf_counter()
            preview = DocumentPreview(pdf, kind, path.name)
            preview.show()
            app.processEvents()
            opening.append(time.perf_counter() - started)
            writer = QPdfWriter(str(Path(scratch) / f"in-{run}.pdf"))
            writer.setResolution(300)
            writer.setPageLayout(a4_layout())
            started = time.perf_counter()
            pages = print_pages(preview.document, writer)
            del writer  # the file is finished when the writer goes
            printing.append(time.perf_counter() - started)
            preview.close()
            preview.deleteLater()
            app.processEvents()
        printed_size = (Path(scratch) / "in-0.pdf").stat().st_size / 1e6
    per_page = statistics.median(printing) / max(pages, 1)
    return [
        Figure(
            f"preview open + show: {kind}, {len(pdf) / 1e3:.0f} kB (median of {runs})",
            f"{statistics.median(opening) * 1e3:.0f}",
            "ms",
        ),
        Figure(f"print {pages} pages at 300 dpi (median of {runs})", f"{statistics.median(printing):.2f}", "s"),
        Figure("  per page", f"{per_page * 1e3:.0f}", "ms"),
        Figure("  spool file written (PDF of page images)", f"{printed_size:.1f}", "MB"),
    ]


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_documents_ui",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=int, default=20_000, help="support sessions in the demo commune (20,000)")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every timing (3)")
    parser.add_argument("--data-dir", type=Path, help="reuse or create the demo commune here (default: a temp folder)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.data_dir or Path(scratch) / "data"
        started = time.perf_counter()
        team = prepare(folder, args.sessions)
        figures = [
            Figure(f"demo commune ready ({args.sessions:,} sessions)", f"{time.perf_counter() - started:.1f}", "s")
        ]
        cli_figures, files = time_cli(folder, Path(scratch), team, args.runs)
        figures += cli_figures
        figures += time_preview(files, args.runs)
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
