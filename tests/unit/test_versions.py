"""The newest app version the province announced, kept in the store, compared with the running one."""

from __future__ import annotations

import pytest

from desktop.store import Store
from desktop.store.versions import LATEST_VERSION, latest_known, newer_version_available, remember_latest, version_key


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("0.1.0", "0.2.0"),
        ("0.9.0", "0.10.0"),  # numbers, not text
        ("1.2.3", "1.3"),
        ("1.3.0rc1", "1.3.0"),  # a pre-release comes before its release
        ("1.3.0.dev2", "1.3.0"),
        ("1.2.9", "1.3.0rc1"),
        ("0", "0.0.1"),
    ],
)
def test_versions_compare_by_their_numbers(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)


def test_trailing_zeros_do_not_make_a_version_newer() -> None:
    assert version_key("1.2") == version_key("1.2.0") == version_key("v1.2.0")


def test_the_announced_version_is_kept_and_compared_with_the_running_one(store: Store) -> None:
    assert newer_version_available(store, "1.0.0") is None
    assert remember_latest(store, {"version": "1.2.0", "url": "https://tinh.example.vn/toso"}) is not None
    assert newer_version_available(store, "1.0.0") == {"version": "1.2.0", "url": "https://tinh.example.vn/toso"}
    assert newer_version_available(store, "1.2.0") is None
    assert newer_version_available(store, "1.10.0") is None


@pytest.mark.parametrize("announced", [None, {}, {"version": ""}, {"version": 3, "url": "x"}, "1.2.0"])
def test_nothing_or_something_unreadable_clears_what_was_kept(store: Store, announced: object) -> None:
    remember_latest(store, {"version": "1.2.0", "url": "https://tinh.example.vn/toso"})
    assert remember_latest(store, announced) is None
    assert latest_known(store) is None
    assert store.db.execute("SELECT count(*) FROM meta WHERE key = ?", [LATEST_VERSION]).fetchone()[0] == 0


def test_a_version_without_a_download_address_is_still_announced(store: Store) -> None:
    remember_latest(store, {"version": "2.0.0", "url": None})
    assert newer_version_available(store, "1.0.0") == {"version": "2.0.0", "url": ""}
