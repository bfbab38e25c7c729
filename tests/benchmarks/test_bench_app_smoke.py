"""The app benchmark keeps working: run it on a tiny commune (figures are printed, never asserted)."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks import bench_app


def test_app_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    rows = bench_app.main(["--sessions", "200", "--runs", "1", "--data-dir", str(tmp_path)])
    names = [name for name, _, _ in rows]
    assert "cold start to an interactive window (median)" in names
    assert "memory after visiting every view (RSS)" in names
    assert sum(name.startswith("  first visit:") for name in names) == 9
