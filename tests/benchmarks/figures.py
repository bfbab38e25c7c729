"""What the document benchmarks share: a figure row, the printed table, and timing repeated runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One row of the printed table."""

    name: str
    value: str
    unit: str = ""


def format_table(figures: Sequence[Figure]) -> str:
    """The figures as aligned text."""
    width = max(len(figure.name) for figure in figures)
    return "\n".join(f"  {figure.name:<{width}}  {figure.value:>10} {figure.unit}".rstrip() for figure in figures)


def timed(render: Callable[[], bytes], runs: int) -> tuple[list[float], bytes]:
    """Each run's seconds and the last result."""
    times, result = [], b""
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        result = render()
        times.append(time.perf_counter() - started)
    return times, result
