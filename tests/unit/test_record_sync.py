"""Sync states read per page of ids, the rejection reason of one record, and the "not yet synced" session filter."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.store import Store
from desktop.store.record_sync import (
    latest_state,
    latest_states,
    rejection_reason,
    type_states,
    unsynced_rowids,
)
from desktop.store.session_queries import SORTS, SessionQuery, count_sessions, install, iter_sessions, prepare


def mark(store: Store, record_id: str, state: str, reason: str | None = None) -> None:
    """Set the state of a record's latest change, as the sync engine does after the server answers."""
    store.db.execute(
        "UPDATE changes SET sync_state = ?, sync_reason = ? WHERE seq = (SELECT max(seq) FROM changes"
        " WHERE record_id = ?)",
        [state, reason, record_id],
    )


@pytest.fixture
def sessions(store: Store, team: dict[str, Any]) -> list[str]:
    """Six sessions of the team, oldest first; all their changes synced."""
    ids = [
        store.insert("sessions", {"team_id": team["id"], "date": f"2026-02-0{day}", "citizens_total": day})["id"]
        for day in range(1, 7)
    ]
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    return ids


def test_latest_states_reads_the_latest_change_of_each_id_given(store: Store, sessions: list[str]) -> None:
    store.update("sessions", sessions[0], {"citizens_total": 9})  # a new, pending edit after a synced insert
    mark(store, sessions[1], "rejected", "Ngày hỗ trợ không được ở tương lai.")

    states = latest_states(store.db, "sessions", [sessions[0], sessions[1], sessions[2], "khong-co"])

    assert states == {
        sessions[0]: ("pending", None),
        sessions[1]: ("rejected", "Ngày hỗ trợ không được ở tương lai."),
        sessions[2]: ("synced", None),
    }
    assert latest_states(store.db, "sessions", []) == {}
    assert latest_states(store.db, "people", sessions) == {}  # ids of another type are not matched
    assert latest_state(store.db, "sessions", sessions[3]) == ("synced", None)


def test_rejection_reason_only_while_the_latest_change_is_rejected(store: Store, sessions: list[str]) -> None:
    mark(store, sessions[0], "rejected", "Số người: phải là số không âm.")
    assert rejection_reason(store.db, "sessions", sessions[0]) == "Số người: phải là số không âm."
    assert rejection_reason(store.db, "sessions", sessions[1]) is None

    store.update("sessions", sessions[0], {"citizens_total": 3})  # fixed: the new change waits to be sent
    assert rejection_reason(store.db, "sessions", sessions[0]) is None

    mark(store, sessions[2], "rejected", None)
    assert rejection_reason(store.db, "sessions", sessions[2]) == ""  # rejected, without a reason given


def test_unsynced_rowids_follow_the_latest_change(store: Store, sessions: list[str]) -> None:
    store.update("sessions", sessions[0], {"citizens_total": 9})
    mark(store, sessions[1], "rejected", "lý do")
    mark(store, sessions[2], "rejected", "lý do")
    store.update("sessions", sessions[2], {"citizens_total": 1})
    mark(store, sessions[2], "synced")  # rejected once, then fixed and accepted

    rowids = set(unsynced_rowids(store.db, "sessions"))
    ids = {
        row[0]
        for row in store.db.execute(
            "SELECT id FROM sessions WHERE rowid IN (SELECT value FROM json_each(?))", [str(sorted(rowids))]
        )
    }
    assert ids == {sessions[0], sessions[1]}
    with pytest.raises(ValueError):
        unsynced_rowids(store.db, "sessions; DROP TABLE sessions")


@pytest.mark.parametrize("sort", SORTS)
def test_the_unsynced_filter_keeps_pending_and_rejected_sessions(store: Store, sessions: list[str], sort: str) -> None:
    store.update("sessions", sessions[4], {"notes": "sửa lại"})
    mark(store, sessions[1], "rejected", "lý do")
    query = SessionQuery(unsynced=True, sort=sort)
    install(store.db, prepare(store.db, query))

    assert count_sessions(store.db, query) == (2, 2 + 5)
    found = [row["id"] for row in iter_sessions(store.db, query, batch=1)]  # one row per page: the cursor works
    assert sorted(found) == sorted([sessions[1], sessions[4]])

    # A search narrows the filtered sessions further; both temp tables are used together.
    searched = SessionQuery(unsynced=True, sort=sort, text="sua lai")
    install(store.db, prepare(store.db, searched))
    assert [row["id"] for row in iter_sessions(store.db, searched)] == [sessions[4]]


def test_a_preparation_serves_only_queries_with_the_same_filter(store: Store, sessions: list[str]) -> None:
    filtered = prepare(store.db, SessionQuery(unsynced=True))
    assert filtered.serves(SessionQuery(unsynced=True))
    assert not filtered.serves(SessionQuery())
    assert not prepare(store.db, SessionQuery()).serves(SessionQuery(unsynced=True))


def test_a_refused_edit_stays_rejected_when_the_server_value_is_pulled_back(store: Store, sessions: list[str]) -> None:
    store.update("sessions", sessions[0], {"citizens_total": 40})
    mark(store, sessions[0], "rejected", "Số người: quá lớn.")
    # The sync's repair writes the province's value back as a remote change, after the refused one.
    store.db.execute(
        "INSERT INTO changes (record_type, record_id, op, fields, changed_at, device_id, sync_state)"
        " VALUES ('sessions', ?, 'update', '{}', '2026-03-01T00:00:00.000Z', 'may-chu', 'remote')",
        [sessions[0]],
    )
    assert latest_state(store.db, "sessions", sessions[0]) == ("rejected", "Số người: quá lớn.")
    assert type_states(store.db, "sessions")[sessions[0]][0] == "rejected"
    assert len(unsynced_rowids(store.db, "sessions")) == 1

    # A record only ever pulled from the server is synced.
    store.db.execute("UPDATE changes SET sync_state = 'remote' WHERE record_id = ?", [sessions[1]])
    assert latest_state(store.db, "sessions", sessions[1]) == ("remote", None)
