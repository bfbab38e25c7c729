"""The documents UI benchmark runs end to end with tiny numbers, so it never rots. No timing is asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_documents_ui


def test_the_documents_ui_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_documents_ui.main(["--sessions", "100", "--runs", "1"])

    names = [figure.name for figure in figures]
    for kind in ("decision", "activity-sheet", "field-form", "report", "member-list"):
        assert any(name.startswith(f"toso print {kind} (median of 1,") for name in names), kind
    assert not any("?" in name for name in names)  # every print wrote its page count
    assert any(name.startswith("preview open + show") for name in names)
    assert any(name.startswith("print ") and "pages at 300 dpi" in name for name in names)
    assert "toso print report" in capsys.readouterr().out
