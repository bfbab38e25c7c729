"""The server's settings rows: the province, its public address, and the lists the province publishes."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, select, update

from sync.protocol import LatestVersion
from sync.server.db import settings

PROVINCE_CODE = "province_code"  # plain text, e.g. "20"
PUBLIC_URL = "public_url"  # plain text: the address laptops reach the server at, printed on enrollment sheets
CATEGORIES = "categories"  # JSON list of {code, name, name_en, sort_order}: the province's activity categories
LATEST_VERSION = "latest_version"  # JSON {version, url}: the newest app, announced to laptops in /v1/summary


def get_text(conn: Connection, key: str) -> str | None:
    """The setting's text, or None when it is not set."""
    value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar_one_or_none()
    return None if value is None else str(value)


def put_text(conn: Connection, key: str, value: str) -> None:
    """Set the setting (insert or replace) inside the caller's transaction."""
    if conn.execute(update(settings).where(settings.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(settings.insert().values(key=key, value=value))


def remove(conn: Connection, key: str) -> bool:
    """Remove the setting; True when it was set."""
    return bool(conn.execute(delete(settings).where(settings.c.key == key)).rowcount)


def get_json(conn: Connection, key: str) -> Any:
    """The setting's JSON value, or None when it is not set."""
    text = get_text(conn, key)
    return None if text is None else json.loads(text)


def put_json(conn: Connection, key: str, value: Any) -> None:
    """Set the setting to a JSON value."""
    put_text(conn, key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def latest_version(conn: Connection) -> LatestVersion | None:
    """The app version the province announced (`admin publish-version`), or None."""
    value = get_json(conn, LATEST_VERSION)
    if not isinstance(value, dict):
        return None
    return {"version": str(value.get("version", "")), "url": str(value.get("url", ""))}
