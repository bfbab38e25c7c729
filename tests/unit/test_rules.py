"""Rules that need other records, and team life (desktop.store.rules, teams, people).

One active team per village, one active leader per team, references to live records only; role
changes, moves and dissolutions that keep history; finding and merging duplicate people.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.store import RecordInvalid, Store, StoreError
from desktop.store.people import find_duplicate_people, merge_people
from desktop.store.teams import (
    active_memberships,
    add_member,
    change_role,
    dissolve_team,
    end_membership,
    move_member,
    teams_without_leader,
)

MISSING_ID = "01a22373-d2db-749c-bbdc-619392cb87c2"


def person(store: Store, name: str, **values: Any) -> dict[str, Any]:
    return store.insert("people", {"full_name": name, **values})


def memberships_of(store: Store, person_id: str) -> list[tuple[str, str, str | None, str | None]]:
    """(team id, role, start, end) of every live membership of a person, oldest first."""
    rows = store.rows("memberships", "person_id = ?", [person_id], order_by="start_date, created_at")
    return [(m["team_id"], m["role"], m["start_date"], m["end_date"]) for m in rows]


@pytest.fixture
def other_team(store: Store) -> dict[str, Any]:
    village = store.insert("villages", {"name": "Bản Ké", "kind": "ban"})
    return store.insert("teams", {"name": "Tổ công nghệ số bản Ké", "village_id": village["id"]})


# --- One active team per village ------------------------------------------------------------------


def test_a_village_has_at_most_one_active_team(store: Store, team: dict[str, Any]) -> None:
    with pytest.raises(RecordInvalid) as caught:
        store.insert("teams", {"name": "Tổ thứ hai", "village_id": team["village_id"]})

    assert [problem.field for problem in caught.value.errors] == ["village_id"]
    assert str(caught.value) == (
        "Thôn Nà Phái đã có tổ đang hoạt động: “Tổ công nghệ số thôn Nà Phái”. "
        "Mỗi thôn chỉ có một tổ; hãy giải thể tổ cũ trước."
    )


def test_a_team_cannot_be_moved_into_a_village_that_has_an_active_team(
    store: Store, team: dict[str, Any], other_team: dict[str, Any]
) -> None:
    with pytest.raises(RecordInvalid, match="đã có tổ đang hoạt động"):
        store.update("teams", other_team["id"], {"village_id": team["village_id"]})


def test_a_deleted_team_cannot_be_restored_beside_a_new_active_one(store: Store, team: dict[str, Any]) -> None:
    store.delete("teams", team["id"])
    store.insert("teams", {"name": "Tổ mới", "village_id": team["village_id"]})

    with pytest.raises(RecordInvalid, match="đã có tổ đang hoạt động"):
        store.restore("teams", team["id"])
    assert store.require("teams", team["id"])["deleted"] == 1


def test_a_village_may_have_a_new_team_once_the_old_one_is_dissolved(store: Store, team: dict[str, Any]) -> None:
    dissolve_team(store, team["id"], "2026-02-01")

    successor = store.insert(
        "teams", {"name": "Tổ kiện toàn", "village_id": team["village_id"], "founded_on": "2026-02-02"}
    )

    teams = store.rows("teams", "village_id = ?", [team["village_id"]], order_by="created_at")
    assert [(t["id"], t["status"]) for t in teams] == [(team["id"], "dissolved"), (successor["id"], "active")]


def test_commune_level_teams_without_a_village_are_not_limited(store: Store) -> None:
    store.insert("teams", {"name": "Tổ công nghệ số xã"})
    store.insert("teams", {"name": "Tổ hỗ trợ dịch vụ công xã"})

    assert store.count("teams") == 2


# --- One active leader per team -------------------------------------------------------------------


def test_a_team_has_at_most_one_active_leader(store: Store, team: dict[str, Any]) -> None:
    leader = person(store, "Hoàng Văn Chiến")
    add_member(store, team["id"], leader["id"], "Tổ trưởng", "2025-08-01")

    with pytest.raises(RecordInvalid) as caught:
        add_member(store, team["id"], person(store, "Lý Thị Dung")["id"], "to_truong")

    assert [problem.field for problem in caught.value.errors] == ["role"]
    assert str(caught.value) == (
        "Tổ đã có Tổ trưởng: Hoàng Văn Chiến (từ 01/08/2025). "
        "Mỗi tổ chỉ có một Tổ trưởng; hãy đổi chức danh người cũ trước."
    )
    assert store.count("memberships") == 1


def test_a_new_leader_may_start_once_the_old_one_has_left(store: Store, team: dict[str, Any]) -> None:
    old = add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong", "2025-08-01")
    end_membership(store, old["id"], "2026-01-31")

    new = add_member(store, team["id"], person(store, "Lý Thị Dung")["id"], "to_truong", "2026-02-01")

    assert [m["id"] for m in active_memberships(store, team["id"])] == [new["id"]]


def test_leaders_of_different_teams_do_not_clash(
    store: Store, team: dict[str, Any], other_team: dict[str, Any]
) -> None:
    add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong")
    add_member(store, other_team["id"], person(store, "Lý Thị Dung")["id"], "to_truong")

    assert store.count("memberships", "role = 'to_truong'") == 2


def test_a_person_is_not_a_member_of_one_team_twice_at_the_same_time(store: Store, team: dict[str, Any]) -> None:
    member = person(store, "Lý Thị Dung")
    add_member(store, team["id"], member["id"], start="2025-08-01")

    with pytest.raises(RecordInvalid) as caught:
        add_member(store, team["id"], member["id"], "to_pho")

    assert [problem.field for problem in caught.value.errors] == ["person_id"]
    assert "thành viên của tổ" in str(caught.value)


def test_a_second_leader_is_refused_for_a_past_or_future_period_that_overlaps(
    store: Store, team: dict[str, Any]
) -> None:
    add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong", "2025-08-01")
    other = person(store, "Lý Thị Dung")

    with pytest.raises(RecordInvalid, match="Tổ đã có Tổ trưởng"):  # back-dated, overlapping
        store.insert(
            "memberships",
            {
                "team_id": team["id"],
                "person_id": other["id"],
                "role": "to_truong",
                "start_date": "2025-01-01",
                "end_date": "2025-09-30",
            },
        )
    with pytest.raises(RecordInvalid, match="Tổ đã có Tổ trưởng"):  # from a future date, the old one not ended
        add_member(store, team["id"], other["id"], "to_truong", "2026-06-01")

    # A leader for an earlier period that ended before the current leader began is history, and fine.
    earlier = store.insert(
        "memberships",
        {
            "team_id": team["id"],
            "person_id": other["id"],
            "role": "to_truong",
            "start_date": "2024-01-01",
            "end_date": "2025-07-31",
        },
    )
    assert earlier["role"] == "to_truong"


def test_teams_without_a_leader_are_reported(store: Store, team: dict[str, Any], other_team: dict[str, Any]) -> None:
    add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong")
    add_member(store, other_team["id"], person(store, "Lý Thị Dung")["id"], "to_pho")
    store.insert("teams", {"name": "Tổ đã giải thể", "status": "dissolved", "dissolved_on": "2025-12-31"})

    assert [t["id"] for t in teams_without_leader(store)] == [other_team["id"]]


def test_a_team_whose_leader_left_is_reported_as_leaderless(store: Store, team: dict[str, Any]) -> None:
    leader = add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong", "2025-08-01")
    assert teams_without_leader(store) == []

    end_membership(store, leader["id"], "2026-02-28")

    assert [t["id"] for t in teams_without_leader(store)] == [team["id"]]


# --- Role changes, moves and dissolution keep history ---------------------------------------------


def test_a_role_change_keeps_the_old_role_as_an_ended_period(store: Store, team: dict[str, Any]) -> None:
    member = person(store, "Lý Thị Dung")
    first = add_member(store, team["id"], member["id"], "thanh_vien", "2025-08-01")

    current = change_role(store, first["id"], "Tổ phó", "2026-02-15")

    assert memberships_of(store, member["id"]) == [
        (team["id"], "thanh_vien", "2025-08-01", "2026-02-14"),
        (team["id"], "to_pho", "2026-02-15", None),
    ]
    assert [m["id"] for m in active_memberships(store, team["id"])] == [current["id"]]
    assert [m["role"] for m in active_memberships(store, team["id"], "2026-01-01")] == ["thanh_vien"]


def test_a_role_change_on_the_first_day_corrects_the_role_in_place(store: Store, team: dict[str, Any]) -> None:
    member = person(store, "Lý Thị Dung")
    first = add_member(store, team["id"], member["id"], "thanh_vien", "2026-03-01")

    change_role(store, first["id"], "to_pho", "2026-03-01")

    assert memberships_of(store, member["id"]) == [(team["id"], "to_pho", "2026-03-01", None)]


def test_a_refused_role_change_leaves_the_membership_as_it_was(store: Store, team: dict[str, Any]) -> None:
    add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong", "2025-08-01")
    member = person(store, "Lý Thị Dung")
    membership = add_member(store, team["id"], member["id"], "thanh_vien", "2025-08-01")

    with pytest.raises(RecordInvalid, match="Tổ đã có Tổ trưởng"):
        change_role(store, membership["id"], "to_truong", "2026-02-15")

    assert memberships_of(store, member["id"]) == [(team["id"], "thanh_vien", "2025-08-01", None)]


def test_moving_a_member_ends_one_membership_and_starts_another(
    store: Store, team: dict[str, Any], other_team: dict[str, Any]
) -> None:
    member = person(store, "Lý Thị Dung")
    first = add_member(store, team["id"], member["id"], "to_pho", "2025-08-01")

    moved = move_member(store, first["id"], other_team["id"], "2026-02-01")

    assert memberships_of(store, member["id"]) == [
        (team["id"], "to_pho", "2025-08-01", "2026-01-31"),
        (other_team["id"], "thanh_vien", "2026-02-01", None),
    ]
    assert active_memberships(store, team["id"]) == []
    assert [m["id"] for m in active_memberships(store, other_team["id"])] == [moved["id"]]


def test_a_member_added_to_the_wrong_team_can_be_moved_the_same_day(
    store: Store, team: dict[str, Any], other_team: dict[str, Any]
) -> None:
    member = person(store, "Lý Thị Dung")
    mistake = add_member(store, team["id"], member["id"])  # today, 01/03/2026

    move_member(store, mistake["id"], other_team["id"])  # also today

    assert active_memberships(store, team["id"]) == []
    assert [m["person_id"] for m in active_memberships(store, other_team["id"])] == [member["id"]]


def test_dissolving_a_team_ends_its_memberships_and_keeps_them(store: Store, team: dict[str, Any]) -> None:
    leader = add_member(store, team["id"], person(store, "Hoàng Văn Chiến")["id"], "to_truong", "2025-08-01")
    member = add_member(store, team["id"], person(store, "Lý Thị Dung")["id"], "thanh_vien", "2025-09-01")

    dissolved = dissolve_team(store, team["id"], "15/02/2026")

    assert (dissolved["status"], dissolved["dissolved_on"]) == ("dissolved", "2026-02-15")
    ended = {m["id"]: (m["end_date"], m["deleted"]) for m in store.rows("memberships", include_deleted=True)}
    assert ended == {leader["id"]: ("2026-02-15", 0), member["id"]: ("2026-02-15", 0)}
    assert active_memberships(store, team["id"], "2026-02-16") == []
    assert len(active_memberships(store, team["id"], "2026-01-01")) == 2
    assert teams_without_leader(store) == []  # a dissolved team needs no leader


# --- References -----------------------------------------------------------------------------------


def test_a_reference_to_a_missing_record_is_refused(store: Store) -> None:
    with pytest.raises(RecordInvalid) as caught:
        store.insert("teams", {"name": "Tổ ma", "village_id": MISSING_ID})

    assert [problem.field for problem in caught.value.errors] == ["village_id"]
    assert str(caught.value) == "Thôn: bản ghi được chọn không tồn tại hoặc đã bị xóa."
    assert store.count("teams", include_deleted=True) == 0


def test_a_reference_to_a_deleted_record_is_refused(store: Store, team: dict[str, Any]) -> None:
    gone = person(store, "Lý Thị Dung")
    store.delete("people", gone["id"])

    with pytest.raises(RecordInvalid, match="Thành viên: bản ghi được chọn không tồn tại hoặc đã bị xóa"):
        add_member(store, team["id"], gone["id"])
    with pytest.raises(RecordInvalid, match="Thành viên tham gia: bản ghi được chọn"):
        store.insert("sessions", {"team_id": team["id"], "date": "2026-02-20", "member_ids": [gone["id"]]})


def test_a_session_of_a_deleted_team_is_refused(store: Store, team: dict[str, Any]) -> None:
    store.delete("teams", team["id"])

    with pytest.raises(RecordInvalid, match="Tổ: bản ghi được chọn không tồn tại hoặc đã bị xóa"):
        store.insert("sessions", {"team_id": team["id"], "date": "2026-02-20"})


def test_a_session_naming_a_missing_member_is_refused(store: Store, team: dict[str, Any]) -> None:
    present = person(store, "Lý Thị Dung")

    with pytest.raises(RecordInvalid) as caught:
        store.insert(
            "sessions", {"team_id": team["id"], "date": "2026-02-20", "member_ids": [present["id"], MISSING_ID]}
        )

    assert [problem.field for problem in caught.value.errors] == ["member_ids"]


# --- Duplicate people -----------------------------------------------------------------------------


def test_the_same_name_with_tone_marks_placed_differently_and_the_same_phone_is_a_duplicate(store: Store) -> None:
    first = person(store, "Lăng Văn Hoà", phone="0912 345 678")
    second = person(store, "lăng văn hòa", phone="+84 912.345.678")

    groups = find_duplicate_people(store)

    assert [[p["id"] for p in group] for group in groups] == [[first["id"], second["id"]]]


def test_the_same_name_and_birth_year_is_a_duplicate(store: Store) -> None:
    first = person(store, "Lăng Văn Hoà", birth_year=1979)
    second = person(store, "Lăng Văn Hòa", birth_year=1979, phone="0987654321")

    assert [[p["id"] for p in group] for group in find_duplicate_people(store)] == [[first["id"], second["id"]]]


def test_people_sharing_only_a_name_or_only_a_phone_are_not_duplicates(store: Store) -> None:
    person(store, "Lăng Văn Hoà", phone="0912345678", birth_year=1979)
    person(store, "Lăng Văn Hoà", phone="0987654321", birth_year=1990)  # namesake
    person(store, "Lăng Thị Hoa", phone="0912345678", birth_year=1979)  # his wife, on the family phone
    person(store, "Lăng Văn Hoà")  # nothing to compare with

    assert find_duplicate_people(store) == []


def test_deleted_people_are_not_reported_as_duplicates(store: Store) -> None:
    person(store, "Lăng Văn Hoà", phone="0912345678")
    store.delete("people", person(store, "Lăng Văn Hòa", phone="0912345678")["id"])

    assert find_duplicate_people(store) == []


# --- Merging duplicates ---------------------------------------------------------------------------


def test_merging_moves_memberships_and_attendance_fills_gaps_and_tombstones_the_duplicate(
    store: Store, team: dict[str, Any], other_team: dict[str, Any]
) -> None:
    keep = person(store, "Lăng Văn Hoà", phone="0912345678", position="Trưởng thôn")
    drop = person(
        store,
        "Lăng Văn Hòa",
        phone="0912345678",
        birth_year=1979,
        position="Công an viên",
        organisation="Công an xã Thất Khê",
    )
    colleague = person(store, "Lý Thị Dung")
    add_member(store, team["id"], keep["id"], "to_truong", "2025-08-01")
    moved = add_member(store, other_team["id"], drop["id"], "thanh_vien", "2025-09-01")
    session = store.insert(
        "sessions", {"team_id": other_team["id"], "date": "2026-02-20", "member_ids": [drop["id"], colleague["id"]]}
    )
    both = store.insert(
        "sessions", {"team_id": team["id"], "date": "2026-02-21", "member_ids": [keep["id"], drop["id"]]}
    )

    merged = merge_people(store, keep["id"], [drop["id"]])

    assert merged["id"] == keep["id"]
    assert (merged["birth_year"], merged["organisation"]) == (1979, "Công an xã Thất Khê")  # gaps filled
    assert merged["position"] == "Trưởng thôn"  # what the kept record had stays
    assert store.require("memberships", moved["id"])["person_id"] == keep["id"]
    assert memberships_of(store, keep["id"]) == [
        (team["id"], "to_truong", "2025-08-01", None),
        (other_team["id"], "thanh_vien", "2025-09-01", None),
    ]
    assert store.require("sessions", session["id"])["member_ids"] == [keep["id"], colleague["id"]]
    assert store.require("sessions", both["id"])["member_ids"] == [keep["id"]]
    assert store.require("people", drop["id"])["deleted"] == 1
    assert [p["id"] for p in store.rows("people", "full_name LIKE 'Lăng%'")] == [keep["id"]]
    assert find_duplicate_people(store) == []


def test_merging_two_records_of_one_member_of_a_team_leaves_one_period_from_the_earlier_start(
    store: Store, team: dict[str, Any]
) -> None:
    keep = person(store, "Lăng Văn Hoà", phone="0912345678")
    drop = person(store, "Lăng Văn Hòa", phone="0912345678")
    add_member(store, team["id"], keep["id"], "thanh_vien", "2025-10-01")
    add_member(store, team["id"], drop["id"], "thanh_vien", "2025-08-01")

    merge_people(store, keep["id"], [drop["id"]])

    assert memberships_of(store, keep["id"]) == [(team["id"], "thanh_vien", "2025-08-01", None)]
    assert [m["person_id"] for m in active_memberships(store, team["id"])] == [keep["id"]]


def test_merging_does_not_cost_a_team_its_leader(store: Store, team: dict[str, Any]) -> None:
    # The team's leader was entered twice; the record kept happens to be the one typed as a member.
    keep = person(store, "Lăng Văn Hoà", phone="0912345678")
    drop = person(store, "Lăng Văn Hòa", phone="0912345678")
    add_member(store, team["id"], keep["id"], "thanh_vien", "2025-08-01")
    add_member(store, team["id"], drop["id"], "to_truong", "2025-08-01")

    merge_people(store, keep["id"], [drop["id"]])

    assert [m["role"] for m in active_memberships(store, team["id"])] == ["to_truong"]
    assert teams_without_leader(store) == []


def test_a_person_cannot_be_merged_into_themselves(store: Store) -> None:
    someone = person(store, "Lăng Văn Hoà")

    with pytest.raises(StoreError, match="Không thể gộp một người vào chính họ"):
        merge_people(store, someone["id"], [someone["id"]])
    assert store.require("people", someone["id"])["deleted"] == 0


def test_an_active_member_cannot_be_deleted_until_they_leave(store: Store, team: dict[str, Any]) -> None:
    member = person(store, "Lý Thị Dung")
    membership = add_member(store, team["id"], member["id"], "to_truong", "2025-08-01")

    with pytest.raises(RecordInvalid, match="hãy cho thôi tham gia tổ trước khi xóa"):
        store.delete("people", member["id"])
    assert store.require("people", member["id"])["deleted"] == 0

    end_membership(store, membership["id"], "2026-02-01")
    store.delete("people", member["id"])
    assert store.require("people", member["id"])["deleted"] == 1


def test_a_team_with_members_is_dissolved_not_deleted(store: Store, team: dict[str, Any]) -> None:
    add_member(store, team["id"], person(store, "Lý Thị Dung")["id"], "thanh_vien", "2025-08-01")

    with pytest.raises(RecordInvalid, match="hãy giải thể tổ thay vì xóa"):
        store.delete("teams", team["id"])


def test_a_village_with_an_active_team_cannot_be_deleted(
    store: Store, village: dict[str, Any], team: dict[str, Any]
) -> None:
    with pytest.raises(RecordInvalid, match="còn tổ đang hoạt động"):
        store.delete("villages", village["id"])
    dissolve_team(store, team["id"], "2026-02-01")
    store.delete("villages", village["id"])
    assert store.count("villages") == 0
