"""Likely duplicate people, and merging them without losing memberships or sessions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from desktop.store.rules import ROLE_ORDER, is_active_membership
from desktop.store.store import Store, StoreError
from sync.text import fold, name_sort_key

MERGEABLE_FIELDS = ("gender", "birth_year", "phone", "email", "position", "organisation", "notes")


def find_duplicate_people(store: Store) -> list[list[dict[str, Any]]]:
    """Groups of people who are probably one person: same folded name and same phone or birth year."""
    by_key: dict[tuple[str, str, Any], list[dict[str, Any]]] = defaultdict(list)
    for person in store.rows("people"):
        name = fold(person["full_name"])
        if person.get("phone"):
            by_key[(name, "phone", person["phone"])].append(person)
        if person.get("birth_year"):
            by_key[(name, "year", person["birth_year"])].append(person)
    groups: list[list[dict[str, Any]]] = []
    seen: set[frozenset[str]] = set()
    for members in by_key.values():
        ids = frozenset(p["id"] for p in members)
        if len(ids) > 1 and ids not in seen:
            seen.add(ids)
            groups.append(sorted(members, key=lambda p: p["created_at"]))
    return sorted(groups, key=lambda group: name_sort_key(group[0]["full_name"]))


def merge_people(store: Store, keep_id: str, drop_ids: list[str]) -> dict[str, Any]:
    """Fold duplicates into one person: memberships and sessions move over, gaps are filled, the rest deleted."""
    if keep_id in drop_ids:
        raise StoreError("Không thể gộp một người vào chính họ.", "Cannot merge a person into themselves.")
    with store.transaction():
        keep = store.require("people", keep_id)
        fill: dict[str, Any] = {}
        for drop_id in drop_ids:
            drop = store.require("people", drop_id)
            for name in MERGEABLE_FIELDS:
                if not keep.get(name) and not fill.get(name) and drop.get(name):
                    fill[name] = drop[name]
            _move_memberships(store, drop_id, keep_id)
            _move_session_attendance(store, drop_id, keep_id)
            store.delete("people", drop_id)
        if fill:
            keep = store.update("people", keep_id, fill)
    return keep


def _move_memberships(store: Store, drop_id: str, keep_id: str) -> None:
    today = store.today().isoformat()
    kept = store.rows("memberships", "person_id = ?", [keep_id])
    for membership in store.rows("memberships", "person_id = ?", [drop_id]):
        twin = next(
            (
                m
                for m in kept
                if m["team_id"] == membership["team_id"]
                and is_active_membership(m, today)
                and is_active_membership(membership, today)
            ),
            None,
        )
        if twin is None:
            store.update("memberships", membership["id"], {"person_id": keep_id})
            continue
        # Both records say the same person is in the same team now: one period, from the earlier start.
        # The higher role wins, so merging a leader typed twice never leaves the team leaderless.
        starts = [d for d in (twin.get("start_date"), membership.get("start_date")) if d]
        merged: dict[str, Any] = {}
        if starts and min(starts) != twin.get("start_date"):
            merged["start_date"] = min(starts)
        if ROLE_ORDER.get(membership["role"], 9) < ROLE_ORDER.get(twin["role"], 9):
            merged["role"] = membership["role"]
        store.delete("memberships", membership["id"])
        if merged:
            store.update("memberships", twin["id"], merged)


def _move_session_attendance(store: Store, drop_id: str, keep_id: str) -> None:
    for session in store.rows("sessions", "member_ids LIKE ?", [f'%"{drop_id}"%']):
        members = [keep_id if member == drop_id else member for member in session["member_ids"]]
        store.update("sessions", session["id"], {"member_ids": list(dict.fromkeys(members))})
