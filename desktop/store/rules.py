"""Rules that need other records: references, one active team per village, one leader per team."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sync.dates import display_date
from sync.records import FieldError, Kind, record_type

if TYPE_CHECKING:
    from desktop.store.store import Store


def check(store: Store, type_name: str, record: dict[str, Any]) -> list[FieldError]:
    """Every cross-record problem with a record about to be saved (empty when it may be saved)."""
    errors = _check_references(store, type_name, record)
    if record.get("deleted"):
        return errors
    checker = _CHECKS.get(type_name)
    if checker is not None and not errors:
        checker(store, record, errors)
    return errors


def check_delete(store: Store, type_name: str, record: dict[str, Any]) -> list[FieldError]:
    """Why a record may not be deleted yet: a deletion must not leave a team with a ghost member."""
    if type_name == "decisions" and record.get("status") == "issued":
        return [
            FieldError("id", ISSUED_NOT_DELETABLE, "An issued decision cannot be deleted; issue a new one instead.")
        ]
    today = store.today().isoformat()
    if type_name == "people":
        teams = [
            m["team_id"]
            for m in store.rows("memberships", "person_id = ?", [record["id"]])
            if is_active_membership(m, today)
        ]
        if teams:
            team = store.get("teams", teams[0]) or {}
            return [
                FieldError(
                    "id",
                    f"{record.get('full_name', '')} đang là thành viên của “{team.get('name', '')}”; "
                    "hãy cho thôi tham gia tổ trước khi xóa.",
                    "This person is still an active team member; end the membership first.",
                )
            ]
    team_members = store.rows("memberships", "team_id = ?", [record["id"]]) if type_name == "teams" else []
    if any(is_active_membership(m, today) for m in team_members):
        return [
            FieldError(
                "id",
                f"Tổ “{record.get('name', '')}” còn thành viên; hãy giải thể tổ thay vì xóa.",
                "The team still has members; dissolve it instead of deleting it.",
            )
        ]
    if type_name == "villages" and store.count("teams", "village_id = ? AND status = 'active'", [record["id"]]):
        return [
            FieldError(
                "id",
                f"Thôn {record.get('name', '')} còn tổ đang hoạt động; hãy giải thể tổ trước.",
                "The village still has an active team; dissolve it first.",
            )
        ]
    return []


def _check_references(store: Store, type_name: str, record: dict[str, Any]) -> list[FieldError]:
    errors = []
    for f in record_type(type_name).fields:
        targets: list[str] = []
        if f.kind is Kind.REF and record.get(f.name):
            targets = [record[f.name]]
        elif f.kind is Kind.ID_LIST and f.name in _LIST_TARGETS:
            targets = list(record.get(f.name) or [])
        target_type = f.ref or _LIST_TARGETS.get(f.name)
        for target_id in targets:
            assert target_type is not None
            if not store.exists(target_type, target_id):
                errors.append(
                    FieldError(
                        f.name,
                        f"{f.vi}: bản ghi được chọn không tồn tại hoặc đã bị xóa.",
                        f"{f.en}: the chosen record does not exist or was deleted.",
                    )
                )
                break
    return errors


ROLE_ORDER = {"to_truong": 0, "to_pho": 1, "thanh_vien": 2}  # who leads: used to sort and to merge
_LIST_TARGETS = {"member_ids": "people", "team_ids": "teams"}


def is_active_membership(membership: dict[str, Any], on: str) -> bool:
    """A membership counts on a date when it has started by then and not yet ended."""
    started = not membership.get("start_date") or membership["start_date"] <= on
    ongoing = not membership.get("end_date") or membership["end_date"] >= on
    return bool(started and ongoing and not membership.get("deleted"))


def _check_team(store: Store, team: dict[str, Any], errors: list[FieldError]) -> None:
    if team.get("status") != "active" or not team.get("village_id"):
        return
    others = store.rows("teams", "village_id = ? AND status = 'active' AND id != ?", [team["village_id"], team["id"]])
    if others:
        village = store.get("villages", team["village_id"]) or {}
        errors.append(
            FieldError(
                "village_id",
                f"Thôn {village.get('name', '')} đã có tổ đang hoạt động: “{others[0]['name']}”. "
                "Mỗi thôn chỉ có một tổ; hãy giải thể tổ cũ trước.",
                f"Village {village.get('name', '')} already has an active team: “{others[0]['name']}”.",
            )
        )


def periods_overlap(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """True when two memberships share more than a boundary day (a handover day may belong to both)."""
    first_start, first_end = first.get("start_date") or "", first.get("end_date") or "9999-12-31"
    second_start, second_end = second.get("start_date") or "", second.get("end_date") or "9999-12-31"
    return first_start < second_end and second_start < first_end


def _check_membership(store: Store, membership: dict[str, Any], errors: list[FieldError]) -> None:
    # Periods, not just today: a back-dated entry must not give a team two leaders in the past either.
    others = [
        m
        for m in store.rows("memberships", "team_id = ? AND id != ?", [membership["team_id"], membership["id"]])
        if periods_overlap(m, membership)
    ]
    if any(m["person_id"] == membership["person_id"] for m in others):
        errors.append(
            FieldError(
                "person_id",
                "Người này đã là thành viên của tổ trong khoảng thời gian đó; không thêm lần nữa.",
                "This person is already a member of the team for that period.",
            )
        )
    leaders = [m for m in others if m["role"] == "to_truong"]
    if membership.get("role") == "to_truong" and leaders:
        leader = store.get("people", leaders[0]["person_id"]) or {}
        since = display_date(leaders[0].get("start_date"))
        errors.append(
            FieldError(
                "role",
                f"Tổ đã có Tổ trưởng: {leader.get('full_name', '')}"
                + (f" (từ {since})" if since else "")
                + ". Mỗi tổ chỉ có một Tổ trưởng; hãy đổi chức danh người cũ trước.",
                f"The team already has a leader: {leader.get('full_name', '')}.",
            )
        )


def _check_category(store: Store, category: dict[str, Any], errors: list[FieldError]) -> None:
    if store.count("categories", "code = ? AND id != ?", [category["code"], category["id"]]):
        errors.append(
            FieldError(
                "code",
                f"Mã lĩnh vực “{category['code']}” đã có.",
                f"Category code “{category['code']}” already exists.",
            )
        )


ISSUED_NOT_EDITABLE = "Quyết định đã ban hành không thể sửa; hãy ban hành quyết định mới để thay thế."
ISSUED_NOT_DELETABLE = "Quyết định đã ban hành không thể xóa; hãy ban hành quyết định mới để thay thế."


def _check_decision(store: Store, decision: dict[str, Any], errors: list[FieldError]) -> None:
    # An issued decision is what the commune signed: nothing in it may change afterwards.
    stored = store.get("decisions", decision["id"])
    if stored is None or stored["status"] != "issued":
        return
    changed = {f.name for f in record_type("decisions").fields if stored.get(f.name) != decision.get(f.name)}
    if not changed:
        return  # restoring, or saving it unchanged
    if changed <= {"status", "snapshot"} and decision.get("status") == "draft" and decision.get("snapshot") is None:
        return  # the exact inverse of issuing: what undo replays right after "Ban hành"
    errors.append(
        FieldError("status", ISSUED_NOT_EDITABLE, "An issued decision cannot be edited; issue a new one to replace it.")
    )


_CHECKS = {
    "teams": _check_team,
    "memberships": _check_membership,
    "categories": _check_category,
    "decisions": _check_decision,
}
