"""Team life: members joining and leaving, role changes, dissolving, and what needs attention.

Nothing here overwrites history: a role change or a move ends one membership and starts another.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desktop.store.rules import ROLE_ORDER, is_active_membership
from desktop.store.store import Store, StoreError
from sync.dates import iso_date, parse_date
from sync.text import name_sort_key


def _day(store: Store, on: date | str | None) -> str:
    return iso_date(parse_date(on)) if on else store.today().isoformat()


def add_member(
    store: Store, team_id: str, person_id: str, role: str = "thanh_vien", start: date | str | None = None
) -> dict[str, Any]:
    """Put a person in a team from a date (today by default)."""
    return store.insert(
        "memberships",
        {"team_id": team_id, "person_id": person_id, "role": role, "start_date": _day(store, start)},
    )


def end_membership(store: Store, membership_id: str, end: date | str | None = None) -> dict[str, Any]:
    """A person leaves a team: the membership gets an end date and stays in the record."""
    return store.update("memberships", membership_id, {"end_date": _day(store, end)})


def change_role(store: Store, membership_id: str, role: str, on: date | str | None = None) -> dict[str, Any]:
    """Give a member another role from a date; the old role stays in the history as its own period."""
    day = _day(store, on)
    with store.transaction():
        old = store.require("memberships", membership_id)
        if old["role"] == role:
            return old
        if old.get("start_date") and old["start_date"] >= day:
            return store.update("memberships", membership_id, {"role": role})
        store.update("memberships", membership_id, {"end_date": _previous_day(day)})
        return add_member(store, old["team_id"], old["person_id"], role, day)


def move_member(
    store: Store, membership_id: str, team_id: str, on: date | str | None = None, role: str = "thanh_vien"
) -> dict[str, Any]:
    """Move a member to another team from a date: leave one, join the other."""
    day = _day(store, on)
    with store.transaction():
        old = store.require("memberships", membership_id)
        if old.get("start_date") and old["start_date"] >= day:
            # Moved on the day it began: a correction, not a period worth keeping.
            return store.update("memberships", membership_id, {"team_id": team_id, "role": role})
        store.update("memberships", membership_id, {"end_date": _previous_day(day)})
        return add_member(store, team_id, old["person_id"], role, day)


def dissolve_team(store: Store, team_id: str, on: date | str | None = None) -> dict[str, Any]:
    """Dissolve a team: it and its memberships end on that date, and all of it stays on record."""
    day = _day(store, on)
    with store.transaction():
        for membership in active_memberships(store, team_id, day):
            store.update("memberships", membership["id"], {"end_date": day})
        return store.update("teams", team_id, {"status": "dissolved", "dissolved_on": day})


def _previous_day(day: str) -> str:
    return iso_date(parse_date(day) - timedelta(days=1))


def active_memberships(store: Store, team_id: str, on: date | str | None = None) -> list[dict[str, Any]]:
    """The team's memberships in force on a date, leader first, then by Vietnamese name order."""
    day = _day(store, on)
    memberships = [m for m in store.rows("memberships", "team_id = ?", [team_id]) if is_active_membership(m, day)]
    people = {
        p["id"]: p
        for p in store.rows("people", "id IN (SELECT person_id FROM memberships WHERE team_id = ?)", [team_id])
    }
    for membership in memberships:
        membership["person"] = people.get(membership["person_id"], {})
    return sorted(
        memberships,
        key=lambda m: (ROLE_ORDER.get(m["role"], 9), name_sort_key(m["person"].get("full_name", ""))),
    )


def teams_without_leader(store: Store) -> list[dict[str, Any]]:
    """Active teams that have no Tổ trưởng today: reported, not refused."""
    today = store.today().isoformat()
    result = []
    for team in store.rows("teams", "status = 'active'", order_by="name COLLATE vi"):
        leaders = [
            m
            for m in store.rows("memberships", "team_id = ? AND role = 'to_truong'", [team["id"]])
            if is_active_membership(m, today)
        ]
        if not leaders:
            result.append(team)
    return result


def villages_without_team(store: Store) -> list[dict[str, Any]]:
    """Villages with no active team: the gaps in the commune's coverage."""
    return store.rows(
        "villages",
        "id NOT IN (SELECT village_id FROM teams WHERE status = 'active' AND deleted = 0 AND village_id IS NOT NULL)",
        order_by="name COLLATE vi",
    )


def require_active_team(store: Store, team_id: str) -> dict[str, Any]:
    """The team, refusing a dissolved one for new activity."""
    team = store.require("teams", team_id)
    if team["status"] != "active":
        raise StoreError(f"Tổ “{team['name']}” đã giải thể.", f"Team “{team['name']}” is dissolved.")
    return team
