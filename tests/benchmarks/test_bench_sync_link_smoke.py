"""The 3G-link sync benchmark runs end to end on a tiny commune without the slow link. No timing is asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks import bench_sync_link


def test_the_link_benchmark_measures_three_steps_at_the_proxy(capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_sync_link.main(["--sessions", "40", "--rtt", "0", "--kbit", "0"])

    rows = {figure.name: figure.value for figure in figures}
    steps = [name for name in rows if name.startswith(("(a)", "(b)", "(c)"))]
    assert [step[:3] for step in steps] == ["(a)", "(b)", "(c)"]
    requests_rows = [figure.value for figure in figures if figure.name == "  requests / TCP connections"]
    assert all(int(value.split(" / ")[0]) > 0 for value in requests_rows)
    bytes_rows = [figure.value for figure in figures if figure.name == "  bytes up / down"]
    assert all(int(value.split(" / ")[1].replace(",", "")) > 0 for value in bytes_rows)
    assert "pulled back, mismatched: -" in capsys.readouterr().out
