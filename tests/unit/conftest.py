"""Fixtures for the store tests: a real store file in a temporary folder, set up for one commune.

These live here rather than in tests/conftest.py, which is kept for the whole suite (Qt offscreen).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.store import Store

COMMUNE_CODE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn (2025 list)
OTHER_COMMUNE_CODE = "05977"  # phường Đông Kinh, same province
TODAY = date(2026, 3, 1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder a store lives in (created by Store.open)."""
    return tmp_path / "du-lieu"


@pytest.fixture
def blank_store(data_dir: Path) -> Iterator[Store]:
    """A new store whose commune is not set yet, with 'today' fixed."""
    store = Store.open(data_dir, automatic_backup=False)
    store.today = lambda: TODAY
    yield store
    store.close()


@pytest.fixture
def store(blank_store: Store) -> Store:
    """A store set up for xã Thất Khê, with 'today' fixed to 1 March 2026."""
    blank_store.set_commune(COMMUNE_CODE)
    return blank_store


@pytest.fixture
def village(store: Store) -> dict[str, Any]:
    """A village of the commune."""
    return store.insert("villages", {"name": "Nà Phái", "kind": "thon"})


@pytest.fixture
def team(store: Store, village: dict[str, Any]) -> dict[str, Any]:
    """The active team of that village."""
    return store.insert(
        "teams", {"name": "Tổ công nghệ số thôn Nà Phái", "village_id": village["id"], "founded_on": "2025-08-01"}
    )
