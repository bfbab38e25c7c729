"""The load benchmark runs end to end with a handful of laptops (PostgreSQL too when the environment has one)."""

from __future__ import annotations

import os

import pytest

from tests.benchmarks import bench_sync_load
from tests.benchmarks.figures import Figure

TINY = ["--laptops", "6", "--communes", "2", "--sessions", "40", "--changes", "5", "--clients", "2", "--workers", "1"]


def check_every_sync_succeeded(figures: list[Figure]) -> None:
    rows = {figure.name.split(" (")[0]: figure.value for figure in figures}
    assert rows["syncs that failed"] == "0"
    assert rows["errors: 5xx, timeouts, resets"] == "0"
    assert rows["changes applied / rejected"] == "30 / 0"
    for kind in bench_sync_load.KINDS:
        assert rows[f"  {kind} p50 / p95 / max"] != "-"


def test_the_load_benchmark_runs_every_laptop_against_sqlite(capsys: pytest.CaptureFixture[str]) -> None:
    check_every_sync_succeeded(bench_sync_load.main(TINY))
    assert "throughput: syncs" in capsys.readouterr().out


@pytest.mark.skipif(not os.environ.get("TOSO_TEST_POSTGRES_URL"), reason="TOSO_TEST_POSTGRES_URL is not set")
def test_the_load_benchmark_runs_against_postgresql() -> None:
    figures = bench_sync_load.main([*TINY, "--database-url", os.environ["TOSO_TEST_POSTGRES_URL"]])
    assert figures[0].value.startswith("PostgreSQL")
    check_every_sync_succeeded(figures)
