"""The laptop side of sync: enrollment, pushing the outbox, pulling the commune's records, checking counts."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.store import settings
from desktop.store.conflicts import fetch_conflicts
from desktop.store.store import Store, StoreError
from sync.client import SyncClient, SyncError
from sync.ids import utc_now
from sync.protocol import digest
from sync.records import DEFAULT_CATEGORIES, RECORD_TYPES, RecordInvalid, category_id
from sync.units import find_commune

TOKEN_FILE = "device-token"
CURSOR = "sync_cursor"
SERVER_DEVICE_ID = "server_device_id"
CA_BUNDLE = "ca_bundle"
BATCH_BYTES = 256_000  # JSON bytes per push request, before compression: a slow link finishes one in time
PAGE_SIZE = 500
SKEW_WARNING_SECONDS = 300.0
# Batch ids are derived, not random, so a push resumed after a lost reply re-sends the same batch id.
_BATCH_NAMESPACE = uuid.UUID("6f0d8a52-3c1e-4b8e-9a57-2f4f8a1c9d20")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyncSummary:
    """What one sync did: changes sent, applied and rejected by the server, records received, clock skew."""

    pushed: int
    applied: int
    rejected: int
    pulled: int
    skew_seconds: float | None = None
    mismatched: tuple[str, ...] = field(default=())  # record types whose count or digest differs from the server's
    conflicts: int = 0  # new entries in the "Cần xem lại" list

    @property
    def clock_warning(self) -> bool:
        """True when this laptop's clock is more than 5 minutes off the server's."""
        return self.skew_seconds is not None and abs(self.skew_seconds) > SKEW_WARNING_SECONDS


@dataclass(frozen=True)
class Enrollment:
    """The result of enrolling: the commune this laptop now serves and how many records came down."""

    commune_code: str
    device_id: str
    pulled: int


# ----- enrollment and the device token -----


def token_path(folder: Path) -> Path:
    """Where the device token is kept (the OS keyring comes in a later slice)."""
    return Path(folder) / TOKEN_FILE


def read_token(folder: Path) -> str | None:
    """The device token, or None before enrollment."""
    try:
        return token_path(folder).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _write_token(folder: Path, token: str) -> None:
    path = token_path(folder)
    # Created 0600 from the start, so the token is never readable by others even for a moment.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(token)
    os.chmod(path, 0o600)


def enroll(
    store: Store,
    folder: Path,
    server_url: str,
    code: str,
    device_name: str,
    app_version: str,
    *,
    client: SyncClient | None = None,
) -> Enrollment:
    """Exchange an enrollment code for a device token, take the commune from the server, pull its records."""
    own = client is None
    client = client or SyncClient(server_url, ca_bundle=store.get_meta(CA_BUNDLE))
    try:
        return _enroll(store, folder, server_url, client, client.enroll(code, device_name, app_version))
    finally:
        if own:
            client.close()


def _enroll(store: Store, folder: Path, server_url: str, client: SyncClient, answer: dict[str, Any]) -> Enrollment:
    commune_code, token = str(answer.get("commune_code") or ""), str(answer.get("token") or "")
    if not commune_code or not token:
        raise SyncError("Máy chủ tỉnh trả lời không đúng định dạng.", "server")
    current = store.commune
    try:
        enrolled = find_commune(commune_code)
    except KeyError:
        raise SyncError(f"Mã đăng ký thuộc đơn vị {commune_code}, không có trong danh mục 2025.", "refused") from None
    if current is not None and current.code != enrolled.code:
        # The token is not kept: this laptop's data stays as it is, for the commune it already serves.
        raise SyncError(
            f"Máy này đang quản lý {current.full_name} ({current.code}); "
            f"mã đăng ký thuộc {enrolled.full_name} ({enrolled.code}).",
            "wrong_commune",
        )
    _write_token(folder, token)
    with store.transaction():
        store.set_meta(settings.SERVER_URL.key, server_url.rstrip("/"))
        store.set_meta(SERVER_DEVICE_ID, str(answer.get("device_id") or ""))
        if current is None:
            # The commune only; default categories come from the server, made below only if it has none.
            store.set_meta("commune_code", enrolled.code)
            store.set_meta("code_scheme", str(answer.get("scheme") or "2025"))
        store.set_meta(CURSOR, "0")
    client.token = token
    pulled = pull(store, client)
    if not store.count("categories", include_deleted=True):
        _default_categories(store, enrolled.code)
    store.set_commune(enrolled.code)
    return Enrollment(enrolled.code, str(answer.get("device_id") or ""), pulled)


def _default_categories(store: Store, commune_code: str) -> None:
    # Ids derived from commune and code (category_id): two laptops enrolled before either synced make the same
    # records, not two categories with one code (which the unique code index would refuse on the next pull).
    with store.transaction():
        for order, (code, name, name_en) in enumerate(DEFAULT_CATEGORIES, start=1):
            record_id = category_id(commune_code, code)
            store.insert(
                "categories", {"id": record_id, "code": code, "name": name, "name_en": name_en, "sort_order": order}
            )


def client_for(store: Store, folder: Path) -> SyncClient:
    """A client for the server this laptop is enrolled with; SyncError when it is not enrolled."""
    url, token = store.get_meta(settings.SERVER_URL.key), read_token(folder)
    if not url or not token or not store.get_meta(SERVER_DEVICE_ID):
        raise SyncError(
            "Máy này chưa được đăng ký với máy chủ tỉnh; hãy chạy “toso enroll --server … --code …” trước.",
            "unauthorised",
        )
    return SyncClient(url, token, ca_bundle=store.get_meta(CA_BUNDLE))


# ----- one sync: push, pull, compare -----


def sync(
    store: Store, folder: Path, *, client: SyncClient | None = None, progress: Progress | None = None
) -> SyncSummary:
    """Push pending changes, pull the commune's new records, then compare counts with the server."""
    own = client is None
    client = client or client_for(store, folder)
    try:
        pushed, applied, rejected = push(store, client, progress)
        pulled = pull(store, client, progress)
        conflicts = fetch_conflicts(store, client)
        if not store.count("categories", include_deleted=True):  # an enrollment whose first pull was cut off
            _default_categories(store, store.commune.code if store.commune else "")
        mismatched = compare_summary(store, client.summary())
        skew = None
        if client.server_time is not None:
            skew = (client.server_time - datetime.now(UTC)).total_seconds()
        store.set_meta(settings.LAST_SYNC_AT.key, utc_now())
    finally:
        if own:
            client.close()
    return SyncSummary(pushed, applied, rejected, pulled, skew, mismatched, conflicts)


def pending_batches(store: Store, limit_bytes: int = BATCH_BYTES) -> Generator[list[dict[str, Any]]]:
    """The outbox in seq order as batches capped by size; a field edited twice starts a new batch."""
    # The second edit of a field must name the version the server gave the first, known only after that
    # batch's reply, so the two never travel together.
    commune = store.commune
    commune_code = commune.code if commune else ""
    rows = store.db.execute(
        "SELECT seq, record_type, record_id, op, fields, changed_at, author FROM changes"
        " WHERE sync_state = 'pending' ORDER BY seq"
    )
    batch: list[dict[str, Any]] = []
    size, touched = 0, set[tuple[str, str, str]]()
    for seq, type_name, record_id, op, fields_text, changed_at, author in rows:
        fields = {name: pair[1] for name, pair in json.loads(fields_text).items()}
        keys = {(type_name, record_id, name) for name in fields}
        change = {
            "seq": seq,
            "record_type": type_name,
            "record_id": record_id,
            "commune_code": commune_code,
            "op": op,
            "fields": fields,
            "changed_at": changed_at,
            "author": author or "",
        }
        change_size = len(json.dumps(change, ensure_ascii=False).encode())
        if batch and (size + change_size > limit_bytes or keys & touched):
            yield batch
            batch, size, touched = [], 0, set()
        batch.append(change)
        size += change_size
        touched |= keys
    if batch:
        yield batch


def batch_id(device_id: str, batch: list[dict[str, Any]]) -> str:
    """A stable id for a batch: the same first and last change seq give the same id."""
    return str(uuid.uuid5(_BATCH_NAMESPACE, f"{device_id}:{batch[0]['seq']}-{batch[-1]['seq']}"))


def push(store: Store, client: SyncClient, progress: Progress | None = None) -> tuple[int, int, int]:
    """Send the outbox batch by batch and mark each change synced or rejected; returns (sent, applied, rejected)."""
    device_id = store.get_meta(SERVER_DEVICE_ID) or store.device_id
    total = store.pending_changes()
    sent = applied = rejected = 0
    # Batches are built afresh after each reply: the next one's base versions come from that reply.
    while True:
        batches = pending_batches(store)
        batch = next(batches, None)
        batches.close()  # only the first batch is wanted; the next is built after this reply
        if batch is None:
            break
        wire = [wire_change(store, device_id, change) for change in batch]
        answer = client.push(batch_id(device_id, batch), wire)
        results = {str(item.get("change_id")): item for item in answer.get("results") or [] if isinstance(item, dict)}
        with store.transaction():
            for change, sent_change in zip(batch, wire, strict=True):
                result = results.get(sent_change["change_id"])
                if result is None:  # not answered: stays pending for the next sync
                    continue
                if result.get("status") == "applied":
                    applied += 1
                    store.db.execute("UPDATE changes SET sync_state = 'synced' WHERE seq = ?", [change["seq"]])
                    _remember_versions(store, change["record_type"], change["record_id"], result.get("versions"))
                else:
                    rejected += 1
                    reason = str(result.get("reason") or "Máy chủ tỉnh từ chối thay đổi này.")
                    store.db.execute(
                        "UPDATE changes SET sync_state = 'rejected', sync_reason = ? WHERE seq = ?",
                        [reason, change["seq"]],
                    )
        sent += len(results)
        if progress:
            progress("push", sent, total)
        if any(change["change_id"] not in results for change in wire):
            break  # the server left some unanswered: they stay pending for the next sync, never re-sent in a loop
    return sent, applied, rejected


def wire_change(store: Store, device_id: str, change: dict[str, Any]) -> dict[str, Any]:
    """One outbox row as the protocol's Change, with the server versions its edit was based on."""
    seen = dict(
        store.db.execute(
            "SELECT field, version FROM sync_versions WHERE record_type = ? AND record_id = ?",
            [change["record_type"], change["record_id"]],
        ).fetchall()
    )
    wire = {key: value for key, value in change.items() if key != "seq"}
    wire["change_id"] = f"{device_id}:{change['seq']}"
    wire["base_versions"] = {name: int(seen.get(name, 0)) for name in change["fields"]}
    return wire


def _remember_versions(store: Store, type_name: str, record_id: str, versions: Any) -> None:
    if not isinstance(versions, dict):
        return
    store.db.conn.executemany(
        "INSERT OR REPLACE INTO sync_versions (record_type, record_id, field, version) VALUES (?, ?, ?, ?)",
        [(type_name, record_id, str(name), int(version)) for name, version in versions.items()],
    )


def pull(store: Store, client: SyncClient, progress: Progress | None = None) -> int:
    """Fetch pages after the cursor until the server has no more; each page and its cursor commit together."""
    received = 0
    with _references_unchecked(store):
        for _page in range(1_000_000):  # bounded: a server that never says "no more" cannot hang a laptop
            cursor = int(store.get_meta(CURSOR) or 0)
            page = client.pull(cursor, PAGE_SIZE)
            records = [r for r in page.get("records") or [] if isinstance(r, dict)]
            new_cursor = int(page.get("cursor", cursor))
            try:
                apply_page(store, records, new_cursor)
            except sqlite3.IntegrityError as error:
                # E.g. two laptops made the same default category offline: the page is not half-written.
                raise SyncError(
                    f"Không ghi được bản ghi nhận từ máy chủ tỉnh ({error}); dữ liệu trên máy chưa thay đổi.",
                    "conflict",
                ) from error
            received += len(records)
            if progress:
                progress("pull", received, received)
            if not page.get("more") or new_cursor <= cursor:
                break
    return received


def apply_page(store: Store, records: list[dict[str, Any]], cursor: int) -> int:
    """Write one pulled page and the new cursor in one transaction; returns how many records were stored."""
    stored = 0
    with store.transaction():
        for record in records:
            type_name = str(record.get("record_type") or "")
            if type_name not in RECORD_TYPES:
                continue  # a type this version does not know: skipped (keeping it needs a later slice's re-pull)
            try:
                kept = store.apply_remote(type_name, record)
            except (StoreError, RecordInvalid):
                continue  # another commune's record (or a malformed id): never stored
            versions = {k: v for k, v in (record.get("versions") or {}).items() if k not in kept}
            _remember_versions(store, type_name, str(record["record_id"]).lower(), versions)
            stored += 1
        store.set_meta(CURSOR, str(cursor))
    return stored


@contextmanager
def _references_unchecked(store: Store) -> Iterator[None]:
    # The server sends each record at its last change, so a team may arrive a page before the village
    # it names, and it does not check references in this slice: the laptop must not refuse the page.
    store.db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        store.db.execute("PRAGMA foreign_keys = ON")


_ACCEPTED = (
    "id NOT IN (SELECT record_id FROM changes"
    " WHERE record_type = ? AND op = 'insert' AND sync_state IN ('pending', 'rejected'))"
)


def local_counts(store: Store) -> dict[str, int]:
    """Records per type that the server should hold too: all of them, less those created but not yet accepted."""
    return {
        name: int(store.db.execute(f"SELECT count(*) FROM {name} WHERE {_ACCEPTED}", [name]).fetchone()[0])
        for name in RECORD_TYPES
    }


def local_digests(store: Store) -> dict[str, str]:
    """Per-type digests as the server computes them, over the fields the server has versioned."""
    found: dict[str, str] = {}
    for name in RECORD_TYPES:
        seen: dict[str, list[str]] = {}
        for record_id, field_name in store.db.execute(
            "SELECT record_id, field FROM sync_versions WHERE record_type = ? AND field != 'deleted'", [name]
        ):
            seen.setdefault(record_id, []).append(field_name)
        rows = store.rows(name, _ACCEPTED, [name], include_deleted=True)
        found[name] = digest(
            (row["id"], int(row["deleted"]), {f: row.get(f) for f in seen.get(row["id"], [])}) for row in rows
        )
    return found


def compare_summary(store: Store, summary: dict[str, Any]) -> tuple[str, ...]:
    """Record types whose count or digest differs from the server's (the automatic re-pull is a later slice)."""
    counts, digests = summary.get("counts") or {}, summary.get("digest") or {}
    our_counts, our_digests = local_counts(store), local_digests(store)
    return tuple(
        name
        for name in RECORD_TYPES
        if int(counts.get(name, 0)) != our_counts[name] or digests.get(name, our_digests[name]) != our_digests[name]
    )
