"""The decision benchmark runs end to end with tiny numbers, so it never rots. No timing is asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_documents_decision


def test_the_decision_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_documents_decision.main(["--teams", "2", "--members", "5", "--runs", "1"])

    names = [figure.name for figure in figures]
    assert "render_decision, draft from the store (median of 1)" in names
    assert "issue_decision (checks, snapshot, logged writes)" in names
    assert "pages (decision + member list)" in names
    assert "render_decision, issued" in capsys.readouterr().out
