"""The running app version and the newest one the province published (learnt from the sync summary)."""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from desktop.store.store import Store
from sync.protocol import LatestVersion

LATEST_VERSION = "latest_version"  # meta key: JSON {"version", "url"}, absent when the province published none
_NUMBER = re.compile(r"\d+")


def running_version() -> str:
    """This app's version from the installed package's metadata ("0" when run from a bare source tree)."""
    try:
        return version("toso")
    except PackageNotFoundError:
        return "0"


def remember_latest(store: Store, announced: Any) -> LatestVersion | None:
    """Keep the summary's "latest_version" in the store's meta (removed when the server says null)."""
    latest = _parse(announced)
    with store.transaction():
        if latest is None:
            store.db.execute("DELETE FROM meta WHERE key = ?", [LATEST_VERSION])
        else:
            store.set_meta(LATEST_VERSION, json.dumps(latest, ensure_ascii=False))
    return latest


def latest_known(store: Store) -> LatestVersion | None:
    """The newest version the province published, as of the last sync."""
    text = store.get_meta(LATEST_VERSION)
    if not text:
        return None
    try:
        return _parse(json.loads(text))
    except ValueError:
        return None


def newer_version_available(store: Store, running: str | None = None) -> LatestVersion | None:
    """The province's latest version when it is newer than the running one, else None."""
    latest = latest_known(store)
    if latest is None:
        return None
    return latest if version_key(latest["version"]) > version_key(running or running_version()) else None


def version_key(text: str) -> tuple[tuple[int, ...], int]:
    """A sortable key for "1.2.10" style versions; a pre-release ("1.3.0rc1", "1.3.0.dev2") sorts before its final."""
    numbers: list[int] = []
    final = 1
    for part in text.strip().lstrip("vV").split("."):
        match = _NUMBER.match(part)
        if match is None:
            final = 0  # "dev", "rc1" as a part of its own
            break
        numbers.append(int(match.group()))
        if match.end() != len(part):
            final = 0  # "0rc1", "2b1", "0+local" counts as not final too
            break
    while numbers and numbers[-1] == 0:
        numbers.pop()  # 1.2 and 1.2.0 are the same version
    return tuple(numbers), final


def _parse(announced: Any) -> LatestVersion | None:
    if not isinstance(announced, dict):
        return None
    number, url = announced.get("version"), announced.get("url")
    if not isinstance(number, str) or not number.strip():
        return None
    return {"version": number.strip(), "url": url.strip() if isinstance(url, str) else ""}
