"""What a laptop reports at the end of a sync (GET /v1/summary): its app version and what it still has to send."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, update

from sync.protocol import APP_VERSION_HEADER, PENDING_HEADER
from sync.server.db import devices

MAX_VERSION_LENGTH = 40


def reported_app_version(headers: Mapping[str, str]) -> str | None:
    """The app version header, cleaned; None when absent or not a plausible version text."""
    value = (headers.get(APP_VERSION_HEADER) or "").strip()
    if not value or len(value) > MAX_VERSION_LENGTH or not value.isprintable():
        return None
    return value


def reported_pending(headers: Mapping[str, str]) -> int | None:
    """The pending-changes header as a count; None when absent or not a whole number ≥ 0."""
    value = (headers.get(PENDING_HEADER) or "").strip()
    # isdecimal, not isdigit: "²" is a digit to Python but not a number int() reads.
    if not value.isascii() or not value.isdecimal() or len(value) > 9:
        return None
    return int(value)


def record_sync_report(conn: Connection, device_id: str, headers: Mapping[str, str], now: str) -> None:
    """Store the device's last sync time and, when reported and readable, its app version and pending count."""
    values: dict[str, Any] = {"last_sync_at": now}
    version, pending = reported_app_version(headers), reported_pending(headers)
    if version is not None:
        values["app_version"] = version
    if pending is not None:
        values["pending_changes"] = pending
    conn.execute(update(devices).where(devices.c.id == device_id).values(**values))
