"""The laptop side of sync: enrollment, pushing the outbox, pulling the commune's records, checking counts."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.store import settings
from desktop.store.conflicts import CONFLICTS_CURSOR, fetch_conflicts

# Re-exported: the UI and older callers ask the engine for the token.
from desktop.store.device_token import TOKEN_FILE as TOKEN_FILE
from desktop.store.device_token import read_token as read_token
from desktop.store.device_token import token_path as token_path
from desktop.store.device_token import write_token
from desktop.store.outbox import promote_refused_inserts, requeue_unreceived, withhold_default_categories
from desktop.store.store import Store
from desktop.store.sync_apply import CURSOR as CURSOR
from desktop.store.sync_apply import apply_page as apply_page
from desktop.store.sync_apply import compare_summary as compare_summary
from desktop.store.sync_apply import local_counts as local_counts
from desktop.store.sync_apply import local_digests as local_digests
from desktop.store.sync_apply import references_unchecked, remember_versions
from desktop.store.sync_repair import remember_unrepaired, repair, worth_repairing
from desktop.store.versions import remember_latest, running_version
from sync.client import SyncClient, SyncError
from sync.ids import utc_now
from sync.protocol import LatestVersion
from sync.records import DEFAULT_CATEGORIES, category_id
from sync.units import find_commune

SERVER_DEVICE_ID = "server_device_id"
CA_BUNDLE = "ca_bundle"
# JSON bytes per push request before compression (~100 kB gzipped: a few seconds at 256 kbit/s, so a cut link
# loses little), and records per pull page: larger ones save round trips, which cost 300 ms each on 3G.
BATCH_BYTES = 512_000
PAGE_SIZE = 1000
SKEW_WARNING_SECONDS = 300.0
# Batch ids are derived, not random, so a push resumed after a lost reply re-sends the same batch id.
_BATCH_NAMESPACE = uuid.UUID("6f0d8a52-3c1e-4b8e-9a57-2f4f8a1c9d20")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyncSummary:
    """What one sync did: changes sent, applied and rejected by the server, records received, clock skew, repair."""

    pushed: int
    applied: int
    rejected: int
    pulled: int
    skew_seconds: float | None = None
    mismatched: tuple[str, ...] = field(default=())  # types still differing from the server after the repair
    conflicts: int = 0  # new entries in the "Cần xem lại" list
    repaired: tuple[str, ...] = field(default=())  # types that differed and were mended by re-pulling them
    requeued: int = 0  # records the server had lost, sent to it again
    latest_version: LatestVersion | None = None  # the newest app the province published (None: none published)

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


# ----- enrollment -----


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
    write_token(folder, token)
    with store.transaction():
        store.set_meta(settings.SERVER_URL.key, server_url.rstrip("/"))
        store.set_meta(SERVER_DEVICE_ID, str(answer.get("device_id") or ""))
        if current is None:
            # The commune only; default categories come from the server, made below only if it has none.
            store.set_meta("commune_code", enrolled.code)
            store.set_meta("code_scheme", str(answer.get("scheme") or "2025"))
        store.set_meta(CURSOR, "0")
    client.token = token
    withheld = withhold_default_categories(store, enrolled.code)
    pulled = pull(store, client)
    requeue_unreceived(store, withheld)
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
    """Push pending changes, pull the commune's new records, compare with the server and repair what differs."""
    own = client is None
    client = client or client_for(store, folder)
    try:
        seqs: list[int] = []
        pushed, applied, rejected = push(store, client, progress, seqs=seqs)
        # What this sync just pushed is not sent back (own_from): the laptop holds it already.
        pulled = pull(store, client, progress, own_from=min(seqs) if seqs else None)
        if not store.count("categories", include_deleted=True):  # an enrollment whose first pull was cut off
            _default_categories(store, store.commune.code if store.commune else "")
        # The laptop digests its own records while the summary request travels: on 3G that hides the 0.4 s
        # the digests take at 20,000 sessions. The client is used by that one thread only in the meantime.
        pending = store.pending_changes()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="toso-summary") as pool:
            asked = pool.submit(client.summary, app_version=running_version(), pending=pending)
            ours = (local_counts(store), local_digests(store))
            answer = asked.result()
        conflicts = 0
        # The summary names the commune's newest conflict; asking for the list only then saves a round trip.
        newest = answer.get("last_conflict_id")
        if not isinstance(newest, int) or newest > int(store.get_meta(CONFLICTS_CURSOR) or 0):
            conflicts = fetch_conflicts(store, client)
        latest = remember_latest(store, answer.get("latest_version"))
        mismatched = compare_summary(store, answer, ours)
        repaired: tuple[str, ...] = ()
        requeued = 0
        to_repair = worth_repairing(store, mismatched, answer)
        if to_repair:
            done = repair(store, client, to_repair, answer.get("counts") or {}, progress)
            requeued = sum(done.requeued.values())
            if requeued:  # records the server lost go back to it in this same sync
                more = push(store, client, progress)
                pushed, applied, rejected = pushed + more[0], applied + more[1], rejected + more[2]
            answer = _summary(store, client)
            still = compare_summary(store, answer)
            repaired, mismatched = tuple(name for name in mismatched if name not in still), still
        remember_unrepaired(store, mismatched, answer)
        skew = None
        if client.server_time is not None:
            skew = (client.server_time - datetime.now(UTC)).total_seconds()
        store.set_meta(settings.LAST_SYNC_AT.key, utc_now())
    finally:
        if own:
            client.close()
    return SyncSummary(pushed, applied, rejected, pulled, skew, mismatched, conflicts, repaired, requeued, latest)


def _summary(store: Store, client: SyncClient) -> dict[str, Any]:
    # The app version and what is still only on this laptop ride along for the province's device list.
    return client.summary(app_version=running_version(), pending=store.pending_changes())


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


def push(
    store: Store, client: SyncClient, progress: Progress | None = None, *, seqs: list[int] | None = None
) -> tuple[int, int, int]:
    """Send the outbox batch by batch and mark each change synced or rejected; returns (sent, applied, rejected).

    The server sequence numbers of the applied changes are added to seqs, when given.
    """
    device_id = store.get_meta(SERVER_DEVICE_ID) or store.device_id
    promote_refused_inserts(store)
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
                    if seqs is not None and isinstance(result.get("seq"), int):
                        seqs.append(int(result["seq"]))
                    store.db.execute("UPDATE changes SET sync_state = 'synced' WHERE seq = ?", [change["seq"]])
                    remember_versions(store, change["record_type"], change["record_id"], result.get("versions"))
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


def pull(store: Store, client: SyncClient, progress: Progress | None = None, *, own_from: int | None = None) -> int:
    """Fetch pages after the cursor until the server has no more; each page and its cursor commit together.

    own_from: the smallest seq this sync's pushes got; the server leaves out what only they wrote since.
    """
    received = 0
    with references_unchecked(store):
        for _page in range(1_000_000):  # bounded: a server that never says "no more" cannot hang a laptop
            cursor = int(store.get_meta(CURSOR) or 0)
            page = client.pull(cursor, PAGE_SIZE, own_from=own_from)
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
