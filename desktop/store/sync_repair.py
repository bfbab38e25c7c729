"""Automatic repair after a mismatched summary (contract point 9): re-pull a record type whole, re-send what
the server lost.

A re-pull reads the type from cursor 0 and applies its pages with the rules of a normal pull (a field with a
pending local edit keeps the local value) but leaves the main cursor where it was. It mends what the laptop lost
or holds differently: a row changed or deleted behind the store's back, a page lost in an old bug.

A re-pull cannot mend a record the laptop holds as accepted by the server that the server no longer has (a
server restored from an older backup): the server never hard-deletes, so such a record is data only this
laptop still has. It is queued again as an insert with its current values (a new pending change, which the
caller pushes before comparing again), never dropped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.store.outbox import queue_insert
from desktop.store.store import Store
from desktop.store.sync_apply import ACCEPTED, apply_page, local_digests, references_unchecked
from sync.client import SyncClient
from sync.records import record_type

PAGE_SIZE = 1000
# Meta key: {type: [server digest, laptop digest]} of mismatches a repair could not mend. While both sides stay
# as they were, the next sync reports them without downloading the whole type again (a slow link, every 5 min).
GAVE_UP = "sync_repair_gave_up"
MAX_PAGES = 100_000  # bounded: a server that never says "no more" cannot hang a laptop

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Repair:
    """What a repair did: records re-pulled per type and records queued again for a server that lost them."""

    repulled: dict[str, int]
    requeued: dict[str, int]


def repair(
    store: Store,
    client: SyncClient,
    mismatched: tuple[str, ...],
    server_counts: dict[str, Any],
    progress: Callable[[str, int, int], None] | None = None,
) -> Repair:
    """Re-pull each mismatched type from the start and queue again what the server no longer has."""
    repulled: dict[str, int] = {}
    requeued: dict[str, int] = {}
    for type_name in mismatched:
        held = repull(store, client, type_name, progress)
        repulled[type_name] = len(held) if held is not None else 0
        # Only a complete re-pull, agreeing with the server's own count, proves a record is missing there: a
        # record queued again that the server does hold would come back as a conflict with itself.
        if held is not None and len(held) == int(server_counts.get(type_name, -1)):
            requeued[type_name] = requeue_missing(store, type_name, held)
    return Repair(repulled, requeued)


def worth_repairing(store: Store, mismatched: tuple[str, ...], summary: dict[str, Any]) -> tuple[str, ...]:
    """The mismatched types to repair: all but those a repair already failed on, with neither side changed since."""
    gave_up = _gave_up(store)
    if not mismatched or not gave_up:
        return mismatched
    ours, theirs = local_digests(store), summary.get("digest") or {}
    return tuple(name for name in mismatched if gave_up.get(name) != [theirs.get(name), ours[name]])


def remember_unrepaired(store: Store, still: tuple[str, ...], summary: dict[str, Any]) -> None:
    """Note the digests of the mismatches left after a repair (and forget those that match again)."""
    if not still and not _gave_up(store):
        return
    ours, theirs = local_digests(store) if still else {}, summary.get("digest") or {}
    noted = {name: [theirs.get(name), ours[name]] for name in still}
    with store.transaction():
        if noted:
            store.set_meta(GAVE_UP, json.dumps(noted))
        else:
            store.db.execute("DELETE FROM meta WHERE key = ?", [GAVE_UP])


def _gave_up(store: Store) -> dict[str, Any]:
    try:
        noted = json.loads(store.get_meta(GAVE_UP) or "{}")
    except ValueError:
        return {}
    return noted if isinstance(noted, dict) else {}


def repull(
    store: Store, client: SyncClient, type_name: str, progress: Callable[[str, int, int], None] | None = None
) -> set[str] | None:
    """Pull every record of one type again without moving the cursor; the ids the server holds, None if cut short."""
    held: set[str] = set()
    cursor = 0
    drop_orphan_index_rows(store, type_name)
    with references_unchecked(store):
        for _page in range(MAX_PAGES):
            page = client.pull(cursor, PAGE_SIZE, record_type=type_name)
            # A server that ignores the filter sends every type: the other types are applied all the same.
            records = [r for r in page.get("records") or [] if isinstance(r, dict)]
            apply_page(store, records, None)
            held |= {str(r.get("record_id")).lower() for r in records if r.get("record_type") == type_name}
            if progress:
                progress("repair", len(held), len(held))
            new_cursor = int(page.get("cursor", cursor))
            if not page.get("more"):
                return held
            if new_cursor <= cursor:
                return None
            cursor = new_cursor
    return None


def drop_orphan_index_rows(store: Store, type_name: str) -> None:
    """Remove search entries of records whose row is gone (deleted behind the store's back)."""
    # Otherwise the re-pulled record, new to the store, cannot be indexed: its old entry holds the key.
    orphans = (
        f"SELECT record_id FROM search_rows WHERE record_type = ? AND record_id NOT IN (SELECT id FROM {type_name})"
    )
    with store.transaction():
        store.db.execute(
            "DELETE FROM search_fts WHERE rowid IN (SELECT fts_rowid FROM search_rows"
            f" WHERE record_type = ? AND record_id IN ({orphans}))",
            [type_name, type_name],
        )
        store.db.execute(
            f"DELETE FROM search_rows WHERE record_type = ? AND record_id IN ({orphans})", [type_name, type_name]
        )


def requeue_missing(store: Store, type_name: str, held: set[str]) -> int:
    """Queue again, as inserts, the records of a type the server should hold but does not; returns how many."""
    record_type(type_name)  # an unknown type is refused before anything is written
    with store.transaction():
        missing = [
            row for row in store.rows(type_name, ACCEPTED, [type_name], include_deleted=True) if row["id"] not in held
        ]
        for row in missing:
            # The server's versions of a record it lost mean nothing now: the insert is based on none.
            store.db.execute(
                "DELETE FROM sync_versions WHERE record_type = ? AND record_id = ?", [type_name, row["id"]]
            )
            queue_insert(store, type_name, row)
    if missing:
        log.warning("sync repair: %d %s record(s) missing on the server queued again", len(missing), type_name)
    return len(missing)
