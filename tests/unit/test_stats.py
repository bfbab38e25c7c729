"""The commune's figures on a hand-made store whose every number is known."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.store import stats
from desktop.store.stats import Attention, MonthCount, Period, Ratio
from desktop.store.store import Store
from desktop.store.teams import add_member, dissolve_team, end_membership

# today is 01/03/2026 (tests/unit/conftest.py)


@pytest.fixture
def commune(store: Store) -> dict[str, str]:
    """Four villages, four teams (one dissolved, one commune-level), five people, seven sessions; ids by name."""
    ids: dict[str, str] = {}
    for name, households in (("A", 100), ("B", 50), ("C", None), ("D", None)):
        ids[name] = store.insert("villages", {"name": f"Thôn {name}", "kind": "thon", "households": households})["id"]
    for key, village, founded in (
        ("team A", "A", "2025-01-10"),
        ("team B", "B", "2026-02-15"),
        ("team C", "C", "2024-01-01"),
        ("team xã", None, "2025-06-01"),
    ):
        values = {"name": f"Tổ {key}", "village_id": ids[village] if village else None, "founded_on": founded}
        ids[key] = store.insert("teams", values)["id"]
    for name in ("Lê Văn An", "Hà Thị Bình", "Đỗ Văn Cường", "Lương Thị Dung", "Vi Văn Em"):
        ids[name] = store.insert("people", {"full_name": name})["id"]
    add_member(store, ids["team A"], ids["Lê Văn An"], "to_truong", "2025-01-10")
    add_member(store, ids["team A"], ids["Hà Thị Bình"], "thanh_vien", "2025-01-10")
    add_member(store, ids["team B"], ids["Hà Thị Bình"], "thanh_vien", "2026-02-15")  # two teams, one person
    add_member(store, ids["team B"], ids["Đỗ Văn Cường"], "to_truong", "2026-02-15")
    left = add_member(store, ids["team A"], ids["Lương Thị Dung"], "thanh_vien", "2025-01-10")
    end_membership(store, left["id"], "2025-12-31")
    add_member(store, ids["team C"], ids["Vi Văn Em"], "to_truong", "2024-01-01")
    dissolve_team(store, ids["team C"], "2025-12-31")
    for key, day, total, counts, members in (
        ("team A", "2026-02-05", 10, {"1": 6, "3": 4}, ["Lê Văn An", "Hà Thị Bình"]),
        ("team A", "2026-02-20", 5, {"1": 5}, ["Lê Văn An"]),
        ("team B", "2026-03-01", 8, {"2": 3, "99": 2, "7": None}, ["Đỗ Văn Cường"]),
        ("team A", "2026-01-15", 4, {"7": 4}, []),
        ("team A", "2025-03-10", 7, {"1": 7}, []),
        ("team C", "2025-11-20", 3, {"6": 3}, ["Vi Văn Em"]),
    ):
        store.insert(
            "sessions",
            {
                "team_id": ids[key],
                "date": day,
                "citizens_total": total,
                "category_counts": counts,
                "member_ids": [ids[name] for name in members],
            },
        )
    gone = store.insert("sessions", {"team_id": ids["team A"], "date": "2026-02-10", "citizens_total": 100})
    store.delete("sessions", gone["id"])
    for village, day, households, skilled in (
        ("A", "2025-06-01", 100, 20),
        ("A", "2026-01-10", 102, 60),
        ("B", "2025-12-01", None, 10),  # no count of households: the village's own (50) stands in
    ):
        store.insert(
            "village_indicators",
            {"village_id": ids[village], "date": day, "households": households, "households_5skills": skilled},
        )
    store.insert("decisions", {"number": 1, "year": 2026, "date": "2026-01-05", "status": "issued"})
    ids["draft"] = store.insert("decisions", {"number": 3, "year": 2026, "date": "2026-02-20"})["id"]
    return ids


# ----- periods -----


def test_previous_period_is_the_same_kind_of_period_just_before() -> None:
    march = stats.month_of(date(2026, 3, 17))
    assert march == Period(date(2026, 3, 1), date(2026, 3, 31))
    assert march.previous() == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert stats.month_of(date(2026, 1, 9)).previous() == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert stats.quarter_of(date(2026, 3, 2)) == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert stats.quarter_of(date(2026, 3, 2)).previous() == Period(date(2025, 10, 1), date(2025, 12, 31))
    assert stats.year_of(date(2026, 3, 2)).previous() == Period(date(2025, 1, 1), date(2025, 12, 31))
    ten_days = Period(date(2026, 2, 5), date(2026, 2, 14))
    assert ten_days.days == 10
    assert ten_days.previous() == Period(date(2026, 1, 26), date(2026, 2, 4))


def test_a_current_period_compares_with_as_many_days_of_the_previous() -> None:
    today = date(2026, 3, 2)
    assert stats.month_of(today).compared_with(today) == Period(date(2026, 2, 1), date(2026, 2, 2))
    assert stats.year_of(today).compared_with(today) == Period(date(2025, 1, 1), date(2025, 3, 2))
    assert stats.month_of(date(2026, 3, 31)).compared_with(date(2026, 3, 30)) == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )  # never past the previous period's end
    february = stats.month_of(date(2026, 2, 1))
    assert february.compared_with(today) == february.previous()  # a past period compares whole


def test_preset_periods_count_from_today() -> None:
    today = date(2026, 3, 2)
    assert stats.preset_period("this_month", today) == Period(date(2026, 3, 1), date(2026, 3, 31))
    assert stats.preset_period("last_month", today) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert stats.preset_period("this_quarter", today) == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert stats.preset_period("this_year", today) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert stats.preset_period("last_year", today) == Period(date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(ValueError):
        stats.preset_period("tomorrow", today)


def test_change_in_percent_and_the_zero_case() -> None:
    assert stats.change_percent(19, 10) == pytest.approx(90.0)
    assert stats.change_percent(9, 10) == pytest.approx(-10.0)
    assert stats.change_percent(5, 5) == 0.0
    assert stats.change_percent(3, 0) is None  # no base to compare with: shown as "—"
    assert stats.change_percent(0, 0) == 0.0


# ----- today's figures -----


def test_coverage_teams_and_members_today(store: Store, commune: dict[str, str]) -> None:
    assert stats.coverage(store) == Ratio(2, 4)  # A and B; C's team was dissolved, D never had one
    assert stats.coverage(store).percent == 50.0
    assert stats.active_teams(store) == 3  # A, B and the commune team
    assert stats.active_members(store) == 3  # An, Bình (in two teams, once) and Cường


def test_figures_as_of_a_past_day_follow_the_dates(store: Store, commune: dict[str, str]) -> None:
    new_year_eve = date(2025, 12, 31)  # C's team and Dung's membership ended that day
    assert stats.coverage(store, new_year_eve) == Ratio(1, 4)  # the dissolution day ends the team
    assert stats.coverage(store, date(2025, 12, 30)) == Ratio(2, 4)
    assert stats.active_teams(store, date(2025, 12, 30)) == 3
    assert stats.active_members(store, new_year_eve) == 4  # An, Bình, Dung, Em: a membership counts to its end
    assert stats.coverage(store, date(2024, 6, 1)) == Ratio(1, 4)


def test_sessions_and_citizens_in_a_period_skip_deleted_sessions(store: Store, commune: dict[str, str]) -> None:
    february = Period(date(2026, 2, 1), date(2026, 2, 28))
    assert stats.activity(store, february) == stats.Activity(2, 15)
    assert stats.activity(store, stats.year_of(store.today())) == stats.Activity(4, 27)
    assert stats.activity(store, Period(date(2024, 1, 1), date(2024, 12, 31))) == stats.Activity(0, 0)


def test_category_totals_sum_the_json_counts(store: Store, commune: dict[str, str]) -> None:
    totals = stats.category_totals(store, stats.year_of(store.today()))
    by_code = {total.code: total for total in totals}
    assert [total.code for total in totals] == [*(str(code) for code in range(1, 11)), "99"]
    assert (by_code["1"].sessions, by_code["1"].citizens) == (2, 11)
    assert by_code["1"].name == "Định danh điện tử VNeID"
    assert by_code["1"].name_en == "VNeID electronic identity"
    assert (by_code["3"].sessions, by_code["3"].citizens) == (1, 4)
    assert (by_code["7"].sessions, by_code["7"].citizens) == (2, 4)  # one count was left blank
    assert (by_code["6"].sessions, by_code["6"].citizens) == (0, 0)  # 2025's session is not this year's
    assert (by_code["99"].name, by_code["99"].citizens) == ("99", 2)  # a code the list no longer has


def test_households_add_up_each_villages_latest_survey(store: Store, commune: dict[str, str]) -> None:
    today = stats.households(store)
    assert today == Ratio(70, 152)
    assert round(today.percent or 0) == 46
    assert stats.households(store, date(2025, 12, 31)) == Ratio(30, 150)
    assert stats.households(store, date(2025, 1, 1)) == Ratio(0, 0)
    assert stats.households(store, date(2025, 1, 1)).percent is None


def test_sessions_per_month_cover_the_last_twelve_months(store: Store, commune: dict[str, str]) -> None:
    months = stats.sessions_per_month(store)
    assert len(months) == 12
    assert months[0] == MonthCount(2025, 4, 0, 0)  # March 2025's session is outside the window
    assert months[-1] == MonthCount(2026, 3, 1, 8)
    assert months[-2] == MonthCount(2026, 2, 2, 15)
    assert months[-3] == MonthCount(2026, 1, 1, 4)
    assert months[7] == MonthCount(2025, 11, 1, 3)
    assert sum(month.sessions for month in months) == 5


def test_needs_attention_names_what_and_which_record(store: Store, commune: dict[str, str]) -> None:
    items = stats.needs_attention(store)
    assert items == [
        Attention(stats.TEAM_WITHOUT_LEADER, "teams", commune["team xã"], "Tổ team xã"),
        Attention(stats.VILLAGE_WITHOUT_TEAM, "villages", commune["C"], "Thôn C"),
        Attention(stats.VILLAGE_WITHOUT_TEAM, "villages", commune["D"], "Thôn D"),
        Attention(stats.DRAFT_DECISION, "decisions", commune["draft"], "03/QĐ-UBND", "2026"),
    ]
    assert stats.conflicts(store) == []


def test_changes_the_server_rejected_need_attention(store: Store, commune: dict[str, str]) -> None:
    store.db.execute(
        "UPDATE changes SET sync_state = 'rejected' WHERE record_type = 'villages' AND record_id = ?", [commune["D"]]
    )
    assert stats.rejected_changes(store) == [Attention(stats.REJECTED, "villages", commune["D"], "Thôn D")]


def test_the_overview_gathers_todays_figures(store: Store, commune: dict[str, str]) -> None:
    overview = stats.overview(store)
    assert overview.today == date(2026, 3, 1)
    assert (overview.coverage, overview.teams, overview.members) == (Ratio(2, 4), 3, 3)
    assert overview.month == stats.Activity(1, 8)
    assert overview.year == stats.Activity(4, 27)
    assert overview.households == Ratio(70, 152)
    assert [c.code for c in overview.categories_month] == [c.code for c in overview.categories_year]
    assert len(overview.months) == 12
    assert len(overview.attention) == 4


# ----- the commune report -----


def test_commune_report_compares_with_the_previous_period(store: Store, commune: dict[str, str]) -> None:
    report = stats.commune_report(store, stats.preset_period("last_month", store.today()))
    assert report.period == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert report.previous_period == Period(date(2026, 1, 1), date(2026, 1, 31))
    rows = {(row.key, row.code): row for row in report.rows}
    assert (rows["teams", ""].current, rows["teams", ""].previous) == (3, 2)
    assert rows["teams", ""].change == pytest.approx(50.0)
    assert (rows["members", ""].current, rows["members", ""].previous) == (3, 2)
    covered = rows["villages_covered", ""]
    assert (covered.current, covered.whole, covered.previous, covered.previous_whole) == (2, 4, 1, 4)
    assert (rows["sessions", ""].current, rows["sessions", ""].previous) == (2, 1)
    assert (rows["citizens", ""].current, rows["citizens", ""].previous) == (15, 4)
    assert rows["citizens", ""].change == pytest.approx(275.0)
    assert (rows["category", "1"].current, rows["category", "1"].previous, rows["category", "1"].change) == (
        11,
        0,
        None,
    )
    assert rows["category", "1"].name == "Định danh điện tử VNeID"
    assert rows["category", "7"].change == pytest.approx(-100.0)
    assert rows["category", "2"].change == 0.0
    homes = rows["households_5skills", ""]
    assert (homes.current, homes.whole, homes.change) == (70, 152, 0.0)
    this_month = stats.commune_report(store, stats.month_of(store.today()))
    assert this_month.previous_period == Period(date(2026, 2, 1), date(2026, 2, 1))  # today is the 1st
    assert [(row.key, row.current, row.previous) for row in this_month.rows if row.key == "sessions"] == [
        ("sessions", 1, 0)
    ]
    last_year = stats.commune_report(store, stats.year_of(date(2025, 3, 1)))
    homes = next(row for row in last_year.rows if row.key == "households_5skills")
    assert (homes.current, homes.whole, homes.previous_whole, homes.change) == (30, 150, 0, None)  # no 2024 survey
    assert [row.key for row in report.rows][:5] == ["teams", "members", "villages_covered", "sessions", "citizens"]
    assert report.rows[-1].key == "households_5skills"


def test_team_figures_of_a_period(store: Store, commune: dict[str, str]) -> None:
    february = Period(date(2026, 2, 1), date(2026, 2, 28))
    figures = {f.name: f for f in stats.team_figures(store, february)}
    assert set(figures) == {"Tổ team A", "Tổ team B", "Tổ team xã"}  # C was dissolved before February
    team_a = figures["Tổ team A"]
    assert (team_a.village, team_a.sessions, team_a.citizens, team_a.members, team_a.participants) == (
        "Thôn A",
        2,
        15,
        2,
        2,
    )
    assert (figures["Tổ team B"].sessions, figures["Tổ team B"].members, figures["Tổ team B"].active) == (0, 2, True)
    last_year = {f.name: f for f in stats.team_figures(store, stats.year_of(date(2025, 6, 1)))}
    assert last_year["Tổ team C"].sessions == 1
    assert last_year["Tổ team C"].active is False  # dissolved on 31/12/2025, the year's last day
    assert "Tổ team B" not in last_year  # founded in 2026


# ----- decision numbers -----


def test_decision_numbers(store: Store, commune: dict[str, str]) -> None:
    assert stats.decision_number(7) == "07/QĐ-UBND"
    assert stats.decision_number(12) == "12/QĐ-UBND"
    assert stats.next_decision_number(store, 2026) == 4
    assert stats.next_decision_number(store, 2025) == 1  # numbering restarts each year
    assert [d["number"] for d in stats.decisions_numbered(store, 2026, 3)] == [3]
    assert stats.decisions_numbered(store, 2026, 3, exclude_id=commune["draft"]) == []
    assert stats.decisions_numbered(store, 2025, 3) == []
    store.delete("decisions", commune["draft"])
    assert stats.next_decision_number(store, 2026) == 2
    assert stats.decision_year({"date": "2025-12-30"}, date(2026, 3, 1)) == 2025
    assert stats.decision_year({"date": None}, date(2026, 3, 1)) == 2026


# ----- speed at commune scale (prints, asserts nothing) -----


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("TOSO_BENCH"), reason="set TOSO_BENCH=1: builds 100,000 sessions (~30 s)")
def test_overview_speed_at_100000_sessions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.store.demo import create_demo

    store = Store.open(tmp_path / "demo", automatic_backup=False)
    store.today = lambda: date(2026, 3, 2)
    create_demo(store, commune_code="06445", sessions=100_000, seed=1)
    timings: dict[str, Any] = {}
    for name, compute in (
        ("overview", lambda: stats.overview(store)),
        ("report, this year", lambda: stats.commune_report(store, stats.year_of(store.today()))),
        ("report, last year", lambda: stats.commune_report(store, stats.preset_period("last_year", store.today()))),
    ):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            compute()
            runs.append(time.perf_counter() - start)
        timings[name] = min(runs)
    store.close()
    with capsys.disabled():
        for name, seconds in timings.items():
            print(f"\n{name}: {seconds * 1000:.0f} ms at 100,000 sessions")
