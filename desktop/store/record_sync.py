"""Each record's sync state, read from its latest change: for a page of ids, a whole type, or one record (no Qt).

A record is as synced as this laptop's latest change to it: "pending" until the server acknowledges it,
then "synced" or "rejected" with the server's reason (`sync_reason`). Changes pulled from the server
("remote") count only for records this laptop never changed: when the server refuses an edit, the sync's
repair pulls the province's value back as a remote change, and that must not hide the refusal (the
official would never learn why the edit is gone). Lists of 100,000 sessions never ask for every record:
a table asks for the ids of the page it reads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from sync.records import RECORD_TYPES

SyncState = tuple[str, str | None]  # (state, the server's reason when rejected)

PENDING = "pending"
REJECTED = "rejected"
REMOTE = "remote"
# The seq of the change that says a record's state, among the changes rows of one record (see above).
_STATE_SEQ = f"coalesce(max(CASE WHEN sync_state != '{REMOTE}' THEN seq END), max(seq))"
# A record whose latest change is in one of these still has something to do on this laptop.
UNSYNCED_STATES = (PENDING, REJECTED)


def latest_states(db: sqlite_utils.Database, type_name: str, ids: Sequence[str]) -> dict[str, SyncState]:
    """Record id -> (state, reason) of each id given: one query, an index seek per id."""
    if not ids:
        return {}
    rows = db.execute(
        "SELECT c.record_id, c.sync_state, c.sync_reason FROM json_each(?) page JOIN changes c"
        f" ON c.seq = (SELECT {_STATE_SEQ} FROM changes WHERE record_type = ? AND record_id = page.value)",
        [json.dumps(list(ids)), type_name],
    )
    return {record_id: (state, reason) for record_id, state, reason in rows}


def type_states(db: sqlite_utils.Database, type_name: str) -> dict[str, SyncState]:
    """Record id -> (state, reason) of every record of a type (for the small lists: villages, teams…)."""
    rows = db.execute(
        "SELECT c.record_id, c.sync_state, c.sync_reason FROM changes c"
        f" JOIN (SELECT {_STATE_SEQ} AS seq FROM changes WHERE record_type = ? GROUP BY record_id) latest"
        " ON c.seq = latest.seq",
        [type_name],
    )
    return {record_id: (state, reason) for record_id, state, reason in rows}


def latest_state(db: sqlite_utils.Database, type_name: str, record_id: str) -> SyncState | None:
    """(state, reason) of a record's latest change, or None when it has none."""
    return latest_states(db, type_name, [record_id]).get(record_id)


def rejection_reason(db: sqlite_utils.Database, type_name: str, record_id: str) -> str | None:
    """The server's reason when a record's latest change was rejected ("" when it gave none), else None."""
    state = latest_state(db, type_name, record_id)
    if state is None or state[0] != REJECTED:
        return None
    return state[1] or ""


def unsynced_rowids(db: sqlite_utils.Database, type_name: str) -> list[int]:
    """Rowids of the records of a type whose latest change is still pending or was rejected.

    The few changes in those states are found first (pending through its partial index, rejected by one
    scan of the log), then each candidate's latest change is checked: tens of ms at 100,000 records.
    """
    if type_name not in RECORD_TYPES:
        raise ValueError(f"unknown record type: {type_name}")
    placeholders = ", ".join("?" for _ in UNSYNCED_STATES)
    rows = db.execute(
        f"SELECT t.rowid FROM [{type_name}] t WHERE t.id IN"
        f" (SELECT record_id FROM changes WHERE record_type = ? AND sync_state IN ({placeholders}))"
        " AND (SELECT sync_state FROM changes WHERE seq ="
        f" (SELECT {_STATE_SEQ} FROM changes WHERE record_type = ? AND record_id = t.id)) IN ({placeholders})",
        [type_name, *UNSYNCED_STATES, type_name, *UNSYNCED_STATES],
    ).fetchall()
    return [row[0] for row in rows]
