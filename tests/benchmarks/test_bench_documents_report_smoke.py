"""The report benchmark runs end to end with tiny numbers, so it never rots. No timing is asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_documents_report


def test_the_report_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_documents_report.main(["--sessions", "200", "--runs", "1"])

    names = [figure.name for figure in figures]
    assert "render_report, year (median of 1)" in names
    assert "pages" in names
    assert "render_report, year" in capsys.readouterr().out
