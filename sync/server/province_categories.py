"""Publishing the province's activity categories to its communes, through the same merge path as a push."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, select

from sync.ids import format_utc, new_id
from sync.protocol import DELETED_FIELD, Change
from sync.records import CODE_SCHEME, category_id
from sync.server import server_settings, service
from sync.server.auth import Device
from sync.server.category_file import PublishedCategory
from sync.server.db import communes, lock_commune, records

# The province writes as a device of its own: its changes get seqs and versions like a laptop's, and the change
# log and the laptops' history name it. It has no devices row and no token, so nobody can sync as it.
PROVINCE_DEVICE_ID = "province"
PROVINCE_DEVICE_NAME = "Sở/tỉnh"
_VIETNAM_TIME = timezone(timedelta(hours=7))
_PUBLISHED_FIELDS = ("code", "name", "name_en", "sort_order")


@dataclass
class PublishOutcome:
    """What publishing did: communes written, category records inserted/updated/already as published."""

    listed: int = 0  # categories in the published list
    communes: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    no_longer_listed: list[str] = field(default_factory=list)  # codes published before, absent now (kept)


def published_categories(conn: Connection) -> list[PublishedCategory]:
    """The list last published (the "categories" setting), or [] when the province never published one."""
    value = server_settings.get_json(conn, server_settings.CATEGORIES)
    return list(value) if isinstance(value, list) else []


def publish(conn: Connection, categories: Sequence[PublishedCategory], now: datetime) -> PublishOutcome:
    """Keep the list for communes added later and write it to every commune, inside the caller's transaction."""
    previous = {category["code"] for category in published_categories(conn)}
    server_settings.put_json(conn, server_settings.CATEGORIES, list(categories))
    outcome = PublishOutcome(listed=len(categories))
    # Locks taken in code order: two publishers never deadlock (a push holds one commune's lock only).
    for commune_code in sorted(conn.execute(select(communes.c.code)).scalars()):
        outcome.counts.update(write_to_commune(conn, commune_code, categories, now))
        outcome.communes += 1
    # Not deleted: sessions of a commune may count citizens under an old category, and deleting it would hide
    # those counts; the operator is told which ones are no longer listed.
    outcome.no_longer_listed = sorted(previous - {category["code"] for category in categories})
    return outcome


def write_to_commune(
    conn: Connection, commune_code: str, categories: Sequence[PublishedCategory], now: datetime
) -> Counter[str]:
    """Make the commune's category records say what the province published; counts "inserted"/"updated"/"same"."""
    # The lock pushes take: the seqs written here become visible in order, before or after a push's, never mixed.
    lock_commune(conn, commune_code)
    device = Device(id=PROVINCE_DEVICE_ID, commune_code=commune_code, name=PROVINCE_DEVICE_NAME)
    stamp, today = format_utc(now), now.astimezone(_VIETNAM_TIME).date()
    existing = {
        row.record_id: row
        for row in conn.execute(
            select(records).where(records.c.commune_code == commune_code, records.c.record_type == "categories")
        )
    }
    counts: Counter[str] = Counter()
    for category in categories:
        record_id = category_id(commune_code, category["code"])
        change = _change_for(existing.get(record_id), category, stamp)
        if change is None:
            counts["same"] += 1
            continue
        change["change_id"] = f"{PROVINCE_DEVICE_ID}:{new_id()}"
        change["record_id"], change["commune_code"] = record_id, commune_code
        result = service.apply_change(conn, device, change, today, stamp)
        if result["status"] != "applied":
            # The list was checked with the same rules before publishing: a refusal here is a bug, not bad input.
            raise RuntimeError(f"category {category['code']} refused for {commune_code}: {result.get('reason')}")
        counts["inserted" if change["op"] == "insert" else "updated"] += 1
    return counts


def _change_for(row: Any, category: PublishedCategory, stamp: str) -> Change | None:
    """The change making a stored record (None: no record yet) match the category; None when it already does."""
    wanted: dict[str, Any] = {name: value for name, value in category.items() if name in _PUBLISHED_FIELDS}
    change: Change = {
        "change_id": "",
        "record_type": "categories",
        "record_id": "",
        "commune_code": "",
        "op": "insert",
        "fields": {},
        "base_versions": {},
        "changed_at": stamp,
        "author": PROVINCE_DEVICE_NAME,
    }
    if row is None:
        change["fields"] = {**wanted, "code_scheme": CODE_SCHEME, "created_at": stamp, "updated_at": stamp}
        return change
    current, versions = json.loads(row.fields), json.loads(row.versions)
    fields = {name: value for name, value in wanted.items() if current.get(name) != value}
    if row.deleted:
        # The province lists it, so a commune that deleted it gets it back: the list is the province's to keep.
        fields[DELETED_FIELD] = 0
        change["op"] = "restore"
    elif fields:
        change["op"] = "update"
    else:
        return None
    # Based on the current versions: the province overwrites knowingly, which is not a conflict to review.
    change["base_versions"] = {name: int(versions.get(name, 0)) for name in fields}
    change["fields"] = {**fields, "updated_at": stamp}
    return change
