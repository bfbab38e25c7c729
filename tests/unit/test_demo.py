"""Tests for desktop.store.demo: a believable, rule-abiding, reproducible demo commune."""

from __future__ import annotations

from collections import Counter

import pytest

from desktop.store.demo import DemoSummary, create_demo
from desktop.store.rules import is_active_membership
from desktop.store.store import Store, StoreError
from sync.phones import canonical_phone


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, DemoSummary, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    store = Store.open(tmp_path_factory.mktemp("demo"), automatic_backup=False)
    summary = create_demo(store, sessions=300, seed=7, progress=lambda done, total: calls.append((done, total)))
    yield store, summary, calls
    store.close()


def _fingerprint(store: Store) -> tuple[list[str], list[tuple[str, str, str]]]:
    names = sorted(p["full_name"] for p in store.rows("people"))
    sessions = sorted((s["date"], s["start_time"], s["place"]) for s in store.rows("sessions"))
    return names, sessions


def test_summary_matches_the_store(demo) -> None:
    store, summary, calls = demo
    assert store.commune == summary.commune
    assert summary.sessions == store.count("sessions") == 300
    assert summary.villages == store.count("villages")
    assert summary.teams == store.count("teams")
    assert summary.people == store.count("people")
    assert summary.memberships == store.count("memberships")
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert store.pending_changes() > summary.sessions  # every row went through the change log


def test_villages_have_one_active_team_each(demo) -> None:
    store, _, _ = demo
    villages = store.rows("villages")
    assert 10 <= len(villages) <= 15
    assert all(80 <= v["households"] <= 450 for v in villages)
    teams = Counter(t["village_id"] for t in store.rows("teams", "status = 'active'") if t["village_id"])
    assert set(teams) == {v["id"] for v in villages}
    assert set(teams.values()) == {1}


def test_teams_have_four_to_nine_members_and_one_leader(demo) -> None:
    store, _, _ = demo
    today = store.today().isoformat()
    for team in store.rows("teams"):
        assert "2022-03-05" < team["founded_on"] < "2024-01-01"
        active = [m for m in store.rows("memberships", "team_id = ?", [team["id"]]) if is_active_membership(m, today)]
        assert 4 <= len(active) <= 9, team["name"]
        assert [m["role"] for m in active].count("to_truong") == 1
        assert [m["role"] for m in active].count("to_pho") <= 2


def test_history_and_shared_people_exist(demo) -> None:
    store, _, _ = demo
    memberships = store.rows("memberships")
    assert any(m["end_date"] and m["end_date"].startswith("2024") for m in memberships)
    assert any(m["end_date"] and m["role"] == "to_truong" for m in memberships)
    per_person = Counter(m["person_id"] for m in memberships)
    assert 1 <= sum(1 for count in per_person.values() if count == 2) <= 2


def test_village_indicators_rise_and_stay_in_the_past(demo) -> None:
    store, _, _ = demo
    today = store.today().isoformat()
    for village in store.rows("villages"):
        rows = store.rows("village_indicators", "village_id = ?", [village["id"]], order_by="date")
        assert len(rows) >= 3
        assert all(r["date"] <= today and r["households_5skills"] <= r["households"] for r in rows)
        skilled = [r["households_5skills"] for r in rows]
        assert skilled == sorted(skilled) and skilled[0] < skilled[-1]


def test_some_communes_also_get_a_commune_team() -> None:
    names = []
    for seed in range(9):
        store = Store.in_memory()
        create_demo(store, sessions=0, seed=seed)
        names += [t["name"] for t in store.rows("teams", "village_id IS NULL")]
    assert 1 <= len(names) <= 7
    assert all(name.startswith("Tổ công nghệ số cộng đồng ") for name in names)


def test_people_are_plausible(demo) -> None:
    store, _, _ = demo
    people = store.rows("people")
    phones = [p["phone"] for p in people]
    assert all(phone and canonical_phone(phone) == phone for phone in phones)
    assert len(set(phones)) == len(phones)
    assert all(1955 <= p["birth_year"] <= 2004 for p in people)
    assert all(len(p["full_name"].split()) >= 3 and p["gender"] in ("nam", "nu") for p in people)
    heads = [p for p in people if p["position"].startswith(("Trưởng ", "Tổ trưởng "))]
    assert heads and all(not p["organisation"].split()[-1].islower() for p in heads)  # "Thôn Nà Phái"


def test_sessions_follow_the_rules(demo) -> None:
    store, _, _ = demo
    today = store.today().isoformat()
    memberships = store.rows("memberships")
    for session in store.rows("sessions"):
        assert session["date"] <= today
        assert session["start_time"] < session["end_time"]
        assert 1 <= session["citizens_total"] <= 40
        counts = session["category_counts"]
        assert 1 <= len(counts) <= 3 and sum(counts.values()) <= session["citizens_total"]
        assert 1 <= len(session["member_ids"]) <= 4
        for person_id in session["member_ids"]:
            assert any(
                m["person_id"] == person_id
                and m["team_id"] == session["team_id"]
                and is_active_membership(m, session["date"])
                for m in memberships
            )


def test_same_seed_same_data_other_seed_differs() -> None:
    first, second, other = Store.in_memory(), Store.in_memory(), Store.in_memory()
    summary = create_demo(first, sessions=200, seed=3)
    create_demo(second, sessions=200, seed=3)
    create_demo(other, commune_code=summary.commune.code, sessions=200, seed=4)
    assert _fingerprint(first) == _fingerprint(second)
    assert _fingerprint(first) != _fingerprint(other)


def test_naming_the_seeded_commune_gives_the_same_data() -> None:
    chosen, named = Store.in_memory(), Store.in_memory()
    summary = create_demo(chosen, sessions=50, seed=11)
    create_demo(named, commune_code=summary.commune.code, sessions=50, seed=11)
    assert _fingerprint(chosen) == _fingerprint(named)


def test_given_commune_is_used() -> None:
    store = Store.in_memory()
    summary = create_demo(store, commune_code="6001", sessions=20)  # short codes are zero-padded
    assert summary.commune.code == store.commune.code == "06001"
    assert summary.commune.province_name == "Lạng Sơn"


def test_non_empty_store_is_refused(demo) -> None:
    store, _, _ = demo
    with pytest.raises(StoreError, match="dữ liệu mẫu"):
        create_demo(store, sessions=10)


def test_other_commune_is_refused() -> None:
    store = Store.in_memory()
    store.set_commune("06001")
    with pytest.raises(StoreError):
        create_demo(store, commune_code="00004", sessions=10)
    assert store.count("villages") == 0


@pytest.mark.parametrize(
    ("code", "kinds"),
    [
        ("06001", {"ban", "thon"}),  # xã Đoàn Kết, Lạng Sơn: Tày/Nùng north
        ("03688", {"ban"}),  # xã Mường Chiên, Sơn La: Thái bản
        ("31843", {"ap"}),  # xã Hồng Dân, Cà Mau: Mekong delta
        ("25747", {"khu_pho"}),  # phường Thủ Dầu Một, Hồ Chí Minh
        ("00004", {"to_dan_pho"}),  # phường Ba Đình, Hà Nội
        ("23722", {"lang", "thon"}),  # xã Chư Păh, Gia Lai: Central Highlands
        ("24310", {"buon", "thon"}),  # xã Krông Búk, Đắk Lắk
        ("22057", {"thon"}),  # xã Xuân Lộc, Đắk Lắk: the old coastal Phú Yên, not the highlands
        ("14845", {"thon"}),  # xã Mường Lát, Thanh Hóa
    ],
)
def test_village_kinds_fit_the_region(code: str, kinds: set[str]) -> None:
    store = Store.in_memory()
    create_demo(store, commune_code=code, sessions=0)
    assert {v["kind"] for v in store.rows("villages")} <= kinds
