"""The team papers benchmark runs end to end with tiny numbers, so it never rots. No timing is asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_documents_sheets


def test_the_sheets_benchmark_prints_its_table(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_documents_sheets.main(["--sessions", "30", "--teams", "2", "--runs", "1"])

    values = {figure.name: figure.value for figure in figures}
    assert values["sessions on the activity sheet"] == "35"
    assert "render_activity_sheet (median of 1)" in values
    assert "render_member_list, 3 teams (median of 1)" in values
    assert values["  pages"]
    printed = capsys.readouterr().out
    assert "35 sessions, 3 teams" in printed and "render_field_form (median of 1)" in printed
