"""The store benchmark runs end to end with tiny numbers, so it never rots. No timing is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import bench_store


def test_the_benchmark_prints_its_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = bench_store.main(
        [
            "--sessions",
            "300",
            "--people",
            "50",
            "--queries",
            "40",
            "--opens",
            "2",
            "--data-dir",
            str(tmp_path / "bench"),
        ]
    )

    names = [figure.name for figure in figures]
    for expected in (
        "insert time",
        "insert rate",
        "search latency p95",
        "search latency max",
        "database size incl. WAL, after close",
        "cold open: importing desktop.store (median)",
    ):
        assert expected in names
    assert any(name.startswith("search latency p50 (40 queries)") for name in names)
    assert any(name.startswith("cold open: Store.open + first count") for name in names)
    assert any(name.startswith("  p95 / max: phone prefix") for name in names)
    assert all(figure.value for figure in figures)
    assert dict((f.name, f.value) for f in figures)["sessions inserted (store.insert, 1,000 per transaction)"] == "300"

    printed = capsys.readouterr().out
    assert "300 sessions, 50 people" in printed
    assert all(name in printed for name in names)


def test_the_benchmark_refuses_a_folder_that_holds_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "bench"
    bench_store.main(
        ["--sessions", "10", "--people", "10", "--queries", "5", "--opens", "1", "--data-dir", str(folder)]
    )

    with pytest.raises(SystemExit):
        bench_store.main(["--sessions", "10", "--people", "10", "--data-dir", str(folder)])
