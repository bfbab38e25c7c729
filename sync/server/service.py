"""What the sync endpoints do with the database: push (validate, merge, log), pull and summary."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, func, select

from sync.ids import is_uuid
from sync.protocol import (
    DELETED_FIELD,
    OPS,
    ChangeResult,
    PullResponse,
    SummaryResponse,
    WireRecord,
    digest,
    merge_fields,
)
from sync.records import RECORD_TYPES, RecordInvalid, clean_values
from sync.server.auth import Device
from sync.server.db import applied_changes, change_log, conflicts, devices, records

log = logging.getLogger(__name__)

# Common fields the server keeps as-is; id and commune_code are the record's key, never a field.
_PASS_THROUGH = ("code_scheme", "created_at", "updated_at")
_KEY_FIELDS = ("id", "commune_code")

# Fields a newer app knows and this server does not are kept as they came (contract point 10), within bounds:
# a name that fits the conflicts table's field column, a JSON value that any replica can store and send back.
UNKNOWN_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_UNKNOWN_FIELDS = 32
MAX_UNKNOWN_VALUE_BYTES = 32 * 1024  # of the value's compact JSON, UTF-8
MAX_DEPTH = 32  # lists/objects nested in any field's value (SQLite's JSON functions stop at 1,000)
MAX_CHANGE_ID_LENGTH = 80  # applied_changes.change_id
MAX_AUTHOR_LENGTH = 200


class ChangeRejected(Exception):
    """A change that cannot be applied; the message is the Vietnamese reason sent back."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _shown(value: Any, width: int = 64) -> str:
    """A value as quoted back in a reason, cut short: the reason is stored and sent back with every re-push."""
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, default=str) if _depth(value) <= 2 else "…"
    return text if len(text) <= width else text[:width] + "…"


def _check_shape(change: Mapping[str, Any]) -> None:
    """Raise ChangeRejected when a change is not shaped as the protocol says."""
    record_type, op = change.get("record_type"), change.get("op")
    # isinstance first: a list or an object is not hashable, and `in` a dict would raise instead of answering.
    if not isinstance(record_type, str) or record_type not in RECORD_TYPES:
        raise ChangeRejected(f"Loại bản ghi không tồn tại: {_shown(record_type)}.")
    if not isinstance(change.get("record_id"), str) or not is_uuid(change["record_id"]):
        raise ChangeRejected("Mã bản ghi không hợp lệ (phải là UUID).")
    if not isinstance(op, str) or op not in OPS:
        raise ChangeRejected(f"Thao tác không hợp lệ: {_shown(op)}.")
    if not isinstance(change.get("fields"), dict):
        raise ChangeRejected("Thiếu danh sách trường (fields).")
    base = change.get("base_versions", {})
    if not isinstance(base, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in base.values()):
        raise ChangeRejected("Phiên bản gốc (base_versions) không hợp lệ.")


def clean_change_fields(change: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The change's field values as the server stores them; ChangeRejected with every problem otherwise."""
    _check_shape(change)
    raw: dict[str, Any] = dict(change["fields"])
    for name, value in raw.items():
        # Encoding a value nested near the interpreter's recursion limit fails deep in a request's stack.
        if _depth(value) > MAX_DEPTH:
            raise ChangeRejected(f"Giá trị của trường {_shown(name)} lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp).")
    for key in _KEY_FIELDS:
        value = raw.pop(key, None)
        expected = change["record_id"] if key == "id" else change.get("commune_code")
        if value is not None and value != expected:
            raise ChangeRejected(f"Trường {key} không khớp với bản ghi.")
    kept: dict[str, Any] = {}
    for key in _PASS_THROUGH:
        if key in raw:
            value = raw.pop(key)
            if value is not None and not isinstance(value, str):
                raise ChangeRejected(f"Trường {key} không hợp lệ.")
            kept[key] = value
    if DELETED_FIELD in raw:
        deleted = raw.pop(DELETED_FIELD)
        if deleted not in (0, 1) or isinstance(deleted, float):
            raise ChangeRejected("Trường deleted phải là 0 hoặc 1.")
        kept[DELETED_FIELD] = int(deleted)
    if change["op"] in ("delete", "restore") and kept.get(DELETED_FIELD) != (1 if change["op"] == "delete" else 0):
        raise ChangeRejected("Xoá/khôi phục phải gửi trường deleted (1 hoặc 0).")
    rtype = RECORD_TYPES[change["record_type"]]
    kept.update(check_unknown_fields({name: raw.pop(name) for name in list(raw) if not rtype.has_field(name)}))
    try:
        cleaned = clean_values(change["record_type"], raw, today=today, partial=True)
        # A JSON field sent as text ("[1e400]", "[\"\\ud800\"]") is parsed only now: no row or answer could hold it.
        json.dumps(cleaned, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except RecordInvalid as error:
        raise ChangeRejected(" ".join(e.vi for e in error.errors)) from None
    except (ValueError, TypeError, RecursionError):
        # A value no cleaning rule foresaw (say, a number of 5,000 digits): this change is refused, not the batch.
        log.warning("unexpected value in change %s", change.get("change_id"), exc_info=True)
        raise ChangeRejected("Có giá trị không hợp lệ trong thay đổi này.") from None
    return {**cleaned, **kept}


def check_unknown_fields(unknown: Mapping[str, Any]) -> dict[str, Any]:
    """Fields this server's record types do not know, kept as sent; ChangeRejected when out of bounds."""
    if len(unknown) > MAX_UNKNOWN_FIELDS:
        raise ChangeRejected(
            f"Thay đổi có {len(unknown)} trường máy chủ chưa biết, nhiều hơn mức cho phép ({MAX_UNKNOWN_FIELDS})."
        )
    for name, value in unknown.items():
        if not isinstance(name, str) or not UNKNOWN_FIELD_NAME.fullmatch(name):
            raise ChangeRejected(
                f"Tên trường không hợp lệ: “{_shown(name)}” (chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, "
                "bắt đầu bằng chữ, tối đa 64 ký tự)."
            )
        try:
            size = len(json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode())
        except (TypeError, ValueError):
            raise ChangeRejected(f"Giá trị của trường {name} không phải dữ liệu JSON hợp lệ.") from None
        if size > MAX_UNKNOWN_VALUE_BYTES:
            raise ChangeRejected(f"Giá trị của trường {name} quá lớn (tối đa {MAX_UNKNOWN_VALUE_BYTES // 1024} kB).")
    return dict(unknown)


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in a JSON value (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                break
            stack.extend((child, level) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _stored_result(conn: Connection, change_id: str) -> ChangeResult | None:
    text = conn.execute(
        select(applied_changes.c.result).where(applied_changes.c.change_id == change_id)
    ).scalar_one_or_none()
    return None if text is None else cast(ChangeResult, json.loads(text))


def _remember(conn: Connection, device: Device, result: ChangeResult) -> ChangeResult:
    conn.execute(
        applied_changes.insert().values(change_id=result["change_id"], device_id=device.id, result=_dumps(result))
    )
    return result


def _change_id(change: Mapping[str, Any]) -> tuple[str, str | None]:
    """The change's id, and the reason to refuse it when it is missing or could not be stored as a key."""
    value = change.get("change_id")
    if value in (None, ""):
        return "", "Thiếu mã thay đổi (change_id)."
    if not isinstance(value, str) or len(value) > MAX_CHANGE_ID_LENGTH or not value.isprintable():
        shown = value if isinstance(value, str) else ""
        return shown, f"Mã thay đổi (change_id) không hợp lệ (chuỗi tối đa {MAX_CHANGE_ID_LENGTH} ký tự)."
    return value, None


def _author(change: Mapping[str, Any]) -> str:
    # Stored in a text column: a NUL would be refused by PostgreSQL, and a name needs no more than a line.
    value = change.get("author")
    return value.replace("\x00", "")[:MAX_AUTHOR_LENGTH] if isinstance(value, str) else ""


def apply_change(conn: Connection, device: Device, change: Mapping[str, Any], today: date, now: str) -> ChangeResult:
    """Apply one change inside the caller's transaction; an already handled change_id returns its old result."""
    change_id, bad_id = _change_id(change)
    if bad_id is not None:
        return {"change_id": change_id, "status": "rejected", "reason": bad_id}
    stored = _stored_result(conn, change_id)
    if stored is not None:
        return stored
    try:
        values = clean_change_fields(change, today)
    except ChangeRejected as rejected:
        return _remember(conn, device, {"change_id": change_id, "status": "rejected", "reason": str(rejected)})

    key = (device.commune_code, change["record_type"], change["record_id"])
    row = conn.execute(
        select(records).where(
            records.c.commune_code == key[0], records.c.record_type == key[1], records.c.record_id == key[2]
        )
    ).one_or_none()
    if row is None and change["op"] != "insert":
        # An edit of a record the server never received (its insert was refused or never sent) would create a
        # record holding the edited fields alone; the laptop sends such a record again whole, as an insert.
        reason = "Máy chủ tỉnh chưa có bản ghi này; cần gửi lại toàn bộ bản ghi (thao tác thêm mới)."
        return _remember(conn, device, {"change_id": change_id, "status": "rejected", "reason": reason})
    if row is None and change["op"] == "insert":
        # partial=True checked only the fields sent; a brand-new record must also have every required one.
        missing = [f.vi for f in RECORD_TYPES[key[1]].fields if f.required and f.name not in values]
        if missing:
            reason = " ".join(f"{label}: không được để trống." for label in missing)
            return _remember(conn, device, {"change_id": change_id, "status": "rejected", "reason": reason})
    current_values: dict[str, Any] = json.loads(row.fields) if row else {}
    current_versions: dict[str, int] = json.loads(row.versions) if row else {}
    if row is not None:
        current_values[DELETED_FIELD] = row.deleted

    logged = conn.execute(
        change_log.insert().values(
            commune_code=key[0],
            record_type=key[1],
            record_id=key[2],
            device_id=device.id,
            author=_author(change),
            at=now,
        )
    )
    if logged.inserted_primary_key is None:
        raise RuntimeError("change_log returned no seq")
    seq = int(logged.inserted_primary_key[0])
    base = {name: version for name, version in change.get("base_versions", {}).items() if name in values}
    for name in values:
        # Fields the server derived (a person's name parts from full_name) follow their source, and the
        # creation/edit stamps only label the record: neither is a conflict anyone needs to review.
        if name not in change["fields"] or name in _PASS_THROUGH:
            base[name] = current_versions.get(name, 0)
    new_values, new_versions, conflicted = merge_fields(current_values, current_versions, values, base, seq)
    for name in conflicted:
        _record_conflict(conn, key, name, current_values.get(name), current_versions[name], values[name], device, now)

    deleted = int(new_values.pop(DELETED_FIELD, 0))
    stored_row = {"fields": _dumps(new_values), "versions": _dumps(new_versions), "deleted": deleted, "seq": seq}
    if row is None:
        conn.execute(records.insert().values(commune_code=key[0], record_type=key[1], record_id=key[2], **stored_row))
    elif new_versions != current_versions:
        conn.execute(
            records.update()
            .where(records.c.commune_code == key[0], records.c.record_type == key[1], records.c.record_id == key[2])
            .values(**stored_row)
        )
    # else: every value sent was already there; the record keeps its seq, so nobody pulls it again for nothing.
    result: ChangeResult = {
        "change_id": change_id,
        "status": "applied",
        "seq": seq,  # the laptop passes the smallest of a sync's seqs back as own_from on the pull after it
        # Every field sent (and derived), with the version it has now: the laptop's base for its next edit.
        "versions": {name: new_versions[name] for name in sorted(values)},
    }
    if conflicted:
        result["conflicts"] = conflicted
    return _remember(conn, device, result)


def _record_conflict(
    conn: Connection,
    key: tuple[str, str, str],
    name: str,
    lost_value: Any,
    lost_version: int,
    won_value: Any,
    device: Device,
    now: str,
) -> None:
    # A field's version is the seq of the change that wrote it, so the log row says who and when.
    lost = conn.execute(
        select(change_log.c.device_id, change_log.c.at).where(change_log.c.seq == lost_version)
    ).one_or_none()
    conn.execute(
        conflicts.insert().values(
            commune_code=key[0],
            record_type=key[1],
            record_id=key[2],
            field=name,
            lost_value=_dumps(lost_value),
            lost_version=lost_version,
            lost_device=lost.device_id if lost else None,
            lost_at=lost.at if lost else None,
            won_value=_dumps(won_value),
            won_device=device.id,
            won_at=now,
        )
    )


# A pull with own_from scans at most this many pages' worth of records to fill one page with others' changes.
SCAN_PAGES = 50


def pull(
    conn: Connection,
    commune_code: str,
    cursor: int,
    limit: int,
    record_type: str | None = None,
    *,
    device_id: str | None = None,
    own_from: int | None = None,
) -> PullResponse:
    """The commune's records changed after cursor, oldest change first, one page of at most limit.

    With record_type, only that type's records (the laptop's repair re-pulls one type from cursor 0). With
    own_from (the smallest seq the server gave this device's pushes in the current sync), a record every field
    of which was last written by this very device at or after own_from is left out: the laptop already holds
    exactly that state, and on a 3G link sending 20,000 just-pushed sessions back doubles a first sync.
    """
    query = select(records).where(records.c.commune_code == commune_code)
    if record_type is not None:
        query = query.where(records.c.record_type == record_type)
    skipping = own_from is not None and device_id is not None
    out: list[WireRecord] = []
    scanned_to, more = cursor, False
    for _chunk in range(SCAN_PAGES if skipping else 1):
        rows = conn.execute(query.where(records.c.seq > scanned_to).order_by(records.c.seq).limit(limit + 1)).all()
        page = rows[:limit]
        skip = _own_records(conn, page, device_id, own_from) if skipping and own_from is not None else set()
        taken = 0
        for row in page:
            if len(out) == limit:
                break
            scanned_to, taken = row.seq, taken + 1
            if row.seq not in skip:
                out.append(_wire(row))
        more = taken < len(page) or len(rows) > limit
        if len(out) == limit or not more:
            break
    return {"records": out, "cursor": scanned_to, "more": more}


def _wire(row: Any) -> WireRecord:
    return {
        "record_type": row.record_type,
        "record_id": row.record_id,
        "fields": json.loads(row.fields),
        "versions": json.loads(row.versions),
        "deleted": row.deleted,
        "seq": row.seq,
    }


def _own_records(conn: Connection, rows: Sequence[Any], device_id: str | None, own_from: int) -> set[int]:
    """The seqs of the rows whose every field version is this device's own write at or after own_from."""
    candidates = {row.seq: set(json.loads(row.versions).values()) for row in rows}
    candidates = {seq: versions for seq, versions in candidates.items() if versions and min(versions) >= own_from}
    if not candidates:
        return set()
    low = min(min(versions) for versions in candidates.values())
    high = max(max(versions) for versions in candidates.values())
    # Read after the records: any version seen above was committed with its change_log row, so it is seen here
    # too, even on PostgreSQL where each statement has its own snapshot.
    others = set(
        conn.execute(
            select(change_log.c.seq).where(
                change_log.c.seq >= low, change_log.c.seq <= high, change_log.c.device_id != device_id
            )
        ).scalars()
    )
    return {seq for seq, versions in candidates.items() if not versions & others}


class DigestCache:
    """The per-type counts and digests of communes' states, kept by one server (app) for its own database.

    Digesting a commune is a pass over all its records (0.2 s at 20,000 sessions), at the end of every sync.
    Every write gives the written record a seq above all the commune's others (pushes take the commune's lock
    before a seq is drawn), so (commune, highest seq, record count) names one state. Only the app writes
    records: a database edited by hand behind a running server needs a restart.
    """

    SIZE = 512  # communes: a province has at most a few hundred

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[str, int, int], tuple[dict[str, int], dict[str, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: Connection, commune_code: str) -> tuple[dict[str, int], dict[str, str]]:
        """The commune's (counts, digests), computed only when its state is not the one kept."""
        top, total = conn.execute(
            select(func.max(records.c.seq), func.count()).where(records.c.commune_code == commune_code)
        ).one()
        key = (commune_code, int(top or 0), int(total))
        with self._lock:
            kept = self._kept.get(key)
        if kept is None:
            kept = _digest_commune(conn, commune_code)
            with self._lock:
                self._kept[key] = kept
                self._kept.move_to_end(key)
                while len(self._kept) > self.SIZE:
                    self._kept.popitem(last=False)
        return dict(kept[0]), dict(kept[1])


def summary(conn: Connection, commune_code: str, cache: DigestCache | None = None) -> SummaryResponse:
    """Per-type counts (tombstones included) and digests of the commune's records."""
    counts, digests = cache.get(conn, commune_code) if cache is not None else _digest_commune(conn, commune_code)
    last_conflict = conn.execute(
        select(func.max(conflicts.c.id)).where(conflicts.c.commune_code == commune_code)
    ).scalar_one_or_none()
    return {"counts": counts, "digest": digests, "last_conflict_id": int(last_conflict or 0)}


def _digest_commune(conn: Connection, commune_code: str) -> tuple[dict[str, int], dict[str, str]]:
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    for type_name in sorted(RECORD_TYPES):
        rows = conn.execute(
            select(records.c.record_id, records.c.deleted, records.c.fields).where(
                records.c.commune_code == commune_code, records.c.record_type == type_name
            )
        ).all()
        counts[type_name] = len(rows)
        digests[type_name] = digest((row.record_id, row.deleted, json.loads(row.fields)) for row in rows)
    return counts, digests


def conflicts_since(conn: Connection, commune_code: str, since: int, limit: int) -> dict[str, Any]:
    """The commune's conflicts after id `since`, oldest first, with the names of the devices involved."""
    rows = conn.execute(
        select(conflicts)
        .where(conflicts.c.commune_code == commune_code, conflicts.c.id > since)
        .order_by(conflicts.c.id)
        .limit(limit)
    ).all()
    wanted = {row.lost_device for row in rows if row.lost_device} | {row.won_device for row in rows}
    names = {
        row.id: row.name for row in conn.execute(select(devices.c.id, devices.c.name).where(devices.c.id.in_(wanted)))
    }
    found = [
        {
            "id": row.id,
            "record_type": row.record_type,
            "record_id": row.record_id,
            "field": row.field,
            "lost_value": json.loads(row.lost_value) if row.lost_value is not None else None,
            "lost_device": row.lost_device,
            "lost_device_name": names.get(row.lost_device, ""),
            "lost_at": row.lost_at,
            "won_value": json.loads(row.won_value) if row.won_value is not None else None,
            "won_device": row.won_device,
            "won_device_name": names.get(row.won_device, ""),
            "won_at": row.won_at,
        }
        for row in rows
    ]
    return {"conflicts": found, "last_id": rows[-1].id if rows else since}


def conflict_count(conn: Connection, commune_code: str) -> int:
    """How many conflicts the commune has (for tests and the later review list)."""
    return int(
        conn.execute(
            select(func.count()).select_from(conflicts).where(conflicts.c.commune_code == commune_code)
        ).scalar_one()
    )
