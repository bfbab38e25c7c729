"""The commune's figures for the overview and the reports: SQL over the store, no Qt.

Every figure reads only live records (deleted = 0). "As of" a day means what the records say held on that
day (a team founded by then and not yet dissolved, a membership started and not ended), so a report on a
past period gives the same numbers whenever it is run. Sessions are counted by their date within a period.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop.store import decisions as decision_numbers
from desktop.store import teams as team_life
from desktop.store.describe import title
from desktop.store.store import Store
from sync.text import collation_key

# A team counts on day :day when founded by then and not dissolved by then. The dissolution day ends it
# (dissolve_team ends the memberships that day); a "dissolved" team without a date counts nowhere.
_TEAM_ACTIVE_ON = (
    "t.deleted = 0 AND (t.founded_on IS NULL OR t.founded_on <= :day)"
    " AND (t.dissolved_on IS NULL OR t.dissolved_on > :day) AND (t.status = 'active' OR t.dissolved_on IS NOT NULL)"
)
# Memberships count through their end day, as sync.records and desktop.store.rules read them.
_MEMBERSHIP_ACTIVE_ON = (
    "m.deleted = 0 AND (m.start_date IS NULL OR m.start_date <= :day) AND (m.end_date IS NULL OR m.end_date >= :day)"
)

# Kinds of "needs attention" items; the interface words each one.
TEAM_WITHOUT_LEADER = "team_without_leader"
VILLAGE_WITHOUT_TEAM = "village_without_team"
DRAFT_DECISION = "draft_decision"
REJECTED = "rejected"
CONFLICT = "conflict"

# Keys of the report's indicator rows (a row per category follows CITIZENS, keyed by its code).
TEAMS = "teams"
MEMBERS = "members"
VILLAGES_COVERED = "villages_covered"
SESSIONS = "sessions"
CITIZENS = "citizens"
CATEGORY = "category"
HOUSEHOLDS_5SKILLS = "households_5skills"


# ----- periods -----


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days + 1

    def is_whole_months(self) -> bool:
        """True when it starts on a 1st and ends on a month's last day."""
        return self.start.day == 1 and self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]

    def previous(self) -> Period:
        """The period just before, of the same kind: the previous month, quarter or year, else as many days."""
        if self.is_whole_months():
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            start = _add_months(self.start, -months)
            return Period(start, _month_end(_add_months(start, months - 1)))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def compared_with(self, today: date) -> Period:
        """The period to compare with: the previous one, cut to as many days as have passed of a current one
        (1-2 March compares with 1-2 February, not all of February)."""
        before = self.previous()
        if not self.start <= today < self.end:
            return before
        if self.is_whole_months():  # the same day of the month: 02/03/2026 against 02/03/2025 for a year
            months = (self.start.year - before.start.year) * 12 + self.start.month - before.start.month
            month = _add_months(today, -months)
            return Period(before.start, month.replace(day=min(today.day, _month_end(month).day)))
        return Period(before.start, before.start + (today - self.start))

    def as_of(self, today: date) -> date:
        """The day its stock figures (teams, members, households) are read on: its end, or today if sooner."""
        return min(self.end, today)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def month_of(day: date) -> Period:
    """The calendar month a day falls in."""
    return Period(date(day.year, day.month, 1), _month_end(day))


def year_of(day: date) -> Period:
    """The calendar year a day falls in."""
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


def quarter_of(day: date) -> Period:
    """The calendar quarter a day falls in."""
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(first, _month_end(_add_months(first, 2)))


# The report's preset periods, by key; the interface names them (Tháng này, Tháng trước…).
PRESETS = ("this_month", "last_month", "this_quarter", "this_year", "last_year")


def preset_period(key: str, today: date) -> Period:
    """One of PRESETS as dates, counted from today."""
    if key == "this_month":
        return month_of(today)
    if key == "last_month":
        return month_of(today).previous()
    if key == "this_quarter":
        return quarter_of(today)
    if key == "this_year":
        return year_of(today)
    if key == "last_year":
        return year_of(today).previous()
    raise ValueError(f"Kỳ báo cáo không tồn tại: {key}")


# ----- figures -----


@dataclass(frozen=True)
class Ratio:
    """A part of a whole ("12 of 15 villages"), with its percentage (None of nothing)."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        """100 * part / whole, or None when the whole is 0."""
        return 100.0 * self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Activity:
    """Support sessions held and citizens helped in a period."""

    sessions: int
    citizens: int


@dataclass(frozen=True)
class CategoryTotal:
    """Citizens helped in one activity category (and the sessions that helped in it)."""

    code: str
    name: str
    name_en: str
    sessions: int
    citizens: int


@dataclass(frozen=True)
class MonthCount:
    """Sessions and citizens of one calendar month."""

    year: int
    month: int
    sessions: int
    citizens: int


@dataclass(frozen=True)
class Attention:
    """Something an official should look at: what kind, which record, and its name."""

    kind: str
    record_type: str
    record_id: str
    name: str
    note: str = ""  # a detail the wording may use (a decision's year, a rejected change's reason)


def _one(store: Store, sql: str, params: dict[str, Any] | list[Any]) -> tuple[Any, ...]:
    return tuple(store.db.execute(sql, params).fetchone())


def _day(store: Store, on: date | None) -> str:
    return (on or store.today()).isoformat()


def coverage(store: Store, on: date | None = None) -> Ratio:
    """Villages with a team active on a day (today by default), out of all villages."""
    covered, total = _one(
        store,
        "SELECT coalesce(sum(EXISTS (SELECT 1 FROM teams t WHERE t.village_id = v.id AND "
        + _TEAM_ACTIVE_ON
        + ")), 0), count(*) FROM villages v WHERE v.deleted = 0",
        {"day": _day(store, on)},
    )
    return Ratio(int(covered), int(total))


def active_teams(store: Store, on: date | None = None) -> int:
    """Teams active on a day (today by default), village teams and commune-level teams alike."""
    sql = "SELECT count(*) FROM teams t WHERE " + _TEAM_ACTIVE_ON
    return int(_one(store, sql, {"day": _day(store, on)})[0])


def active_members(store: Store, on: date | None = None) -> int:
    """Distinct people with a membership in force on a day: one who serves two teams counts once."""
    sql = (
        "SELECT count(DISTINCT m.person_id) FROM memberships m"
        " JOIN people p ON p.id = m.person_id AND p.deleted = 0"
        " JOIN teams t ON t.id = m.team_id AND t.deleted = 0"
        " WHERE " + _MEMBERSHIP_ACTIVE_ON
    )
    return int(_one(store, sql, {"day": _day(store, on)})[0])


def activity(store: Store, period: Period) -> Activity:
    """Sessions held and citizens helped within a period."""
    sessions, citizens = _one(
        store,
        "SELECT count(*), coalesce(sum(citizens_total), 0) FROM sessions WHERE deleted = 0 AND date BETWEEN ? AND ?",
        [period.start.isoformat(), period.end.isoformat()],
    )
    return Activity(int(sessions), int(citizens))


def category_totals(store: Store, period: Period) -> list[CategoryTotal]:
    """Citizens helped per activity category in a period: every current category (zeros too), in list order,
    then any code the list no longer has (sessions keep the code they were logged with)."""
    # json_each unpacks each session's {"code": count} inside SQLite: one pass, no row decoded in Python.
    sums = {
        str(code): (int(sessions), int(citizens))
        for code, sessions, citizens in store.db.execute(
            "SELECT j.key, count(*), coalesce(sum(j.value), 0) FROM sessions s, json_each(s.category_counts) j"
            " WHERE s.deleted = 0 AND s.date BETWEEN ? AND ? GROUP BY j.key",
            [period.start.isoformat(), period.end.isoformat()],
        )
    }
    categories = store.rows("categories", include_deleted=True, order_by="deleted, sort_order, code")
    names: dict[str, dict[str, Any]] = {}
    for category in categories:
        names.setdefault(category["code"], category)  # a live category wins over a deleted one of the same code
    codes = [c["code"] for c in categories if not c["deleted"]]
    codes += sorted((code for code in sums if code not in codes), key=_code_order)
    result = []
    for code in dict.fromkeys(codes):
        category = names.get(code, {})
        sessions, citizens = sums.get(code, (0, 0))
        result.append(
            CategoryTotal(code, category.get("name") or code, category.get("name_en") or "", sessions, citizens)
        )
    return result


def _code_order(code: str) -> tuple[int, str]:
    return (int(code), "") if code.isdigit() else (1 << 30, code)


def households(store: Store, on: date | None = None) -> Ratio:
    """Households meeting the 5-skill target out of all households, from each village's latest survey by a day."""
    # ROW_NUMBER picks one survey per village even when two share a date (the later edit wins).
    skilled, total = _one(
        store,
        "SELECT coalesce(sum(skilled), 0), coalesce(sum(total), 0) FROM ("
        " SELECT i.households_5skills AS skilled, coalesce(i.households, v.households) AS total,"
        " ROW_NUMBER() OVER (PARTITION BY i.village_id ORDER BY i.date DESC, i.updated_at DESC) AS latest"
        " FROM village_indicators i JOIN villages v ON v.id = i.village_id AND v.deleted = 0"
        " WHERE i.deleted = 0 AND i.date <= :day) WHERE latest = 1",
        {"day": _day(store, on)},
    )
    return Ratio(int(skilled), int(total))


def sessions_per_month(store: Store, today: date | None = None, months: int = 12) -> list[MonthCount]:
    """Sessions and citizens in each of the last `months` calendar months, the current one last (zeros too)."""
    last = month_of(today or store.today())
    first = _add_months(last.start, 1 - months)
    counts = {
        str(month): (int(sessions), int(citizens))
        for month, sessions, citizens in store.db.execute(
            "SELECT substr(date, 1, 7) AS month, count(*), coalesce(sum(citizens_total), 0) FROM sessions"
            " WHERE deleted = 0 AND date BETWEEN ? AND ? GROUP BY month",
            [first.isoformat(), last.end.isoformat()],
        )
    }
    result = []
    for step in range(months):
        day = _add_months(first, step)
        sessions, citizens = counts.get(f"{day.year:04d}-{day.month:02d}", (0, 0))
        result.append(MonthCount(day.year, day.month, sessions, citizens))
    return result


def needs_attention(store: Store) -> list[Attention]:
    """What to look at: teams without a leader, villages without a team, draft decisions, sync problems."""
    items = [
        Attention(TEAM_WITHOUT_LEADER, "teams", team["id"], team["name"])
        for team in team_life.teams_without_leader(store)
    ]
    items += [
        Attention(VILLAGE_WITHOUT_TEAM, "villages", village["id"], title("villages", village))
        for village in team_life.villages_without_team(store)
    ]
    items += [
        Attention(
            DRAFT_DECISION, "decisions", decision["id"], decision_number(decision["number"]), str(decision["year"])
        )
        for decision in store.rows("decisions", "status = 'draft'", order_by="year, number")
    ]
    items += rejected_changes(store)
    items += conflicts(store)
    return items


def rejected_changes(store: Store) -> list[Attention]:
    """Records with a change the province server refused. Sync sets sync_state = 'rejected'; none do yet."""
    items = []
    for type_name, record_id in store.db.execute(
        "SELECT record_type, record_id FROM changes WHERE sync_state = 'rejected'"
        " GROUP BY record_type, record_id ORDER BY max(seq)"
    ):
        record = store.get(type_name, record_id)
        items.append(Attention(REJECTED, type_name, record_id, title(type_name, record) if record else record_id))
    return items


def conflicts(store: Store) -> list[Attention]:
    """Edits made here and on the server to the same field, waiting for a choice. Sync will fill this list."""
    return []


# ----- the overview -----


@dataclass(frozen=True)
class Overview:
    """Everything the overview shows, computed in one go (off the GUI thread)."""

    today: date
    coverage: Ratio
    teams: int
    members: int
    month: Activity
    year: Activity
    households: Ratio
    categories_month: list[CategoryTotal]
    categories_year: list[CategoryTotal]  # the same categories in the same order
    months: list[MonthCount]
    attention: list[Attention]


def overview(store: Store) -> Overview:
    """The overview's figures as of today."""
    today = store.today()
    month, year = month_of(today), year_of(today)
    return Overview(
        today=today,
        coverage=coverage(store, today),
        teams=active_teams(store, today),
        members=active_members(store, today),
        month=activity(store, month),
        year=activity(store, year),
        households=households(store, today),
        categories_month=category_totals(store, month),
        categories_year=category_totals(store, year),
        months=sessions_per_month(store, today),
        attention=needs_attention(store),
    )


# ----- the commune report -----


def change_percent(current: int | float, previous: int | float) -> float | None:
    """How much current differs from previous, in percent; None when previous is 0 and current is not
    (no base to compare with). Equal values, 0 and 0 included, are a change of 0."""
    if current == previous:
        return 0.0
    if not previous:
        return None
    return 100.0 * (current - previous) / previous


@dataclass(frozen=True)
class ReportRow:
    """One indicator of the report, this period and the previous one; `whole` makes a ratio (12/15)."""

    key: str
    current: int
    previous: int
    whole: int | None = None
    previous_whole: int | None = None
    code: str = ""  # the category's code, on CATEGORY rows
    name: str = ""  # the category's name, on CATEGORY rows
    name_en: str = ""

    @property
    def change(self) -> float | None:
        """The change from the previous period in percent (see change_percent); None for a ratio with no
        data on one side (no survey yet is not a fall to zero)."""
        if self.whole == 0 or self.previous_whole == 0:
            return None
        return change_percent(self.current, self.previous)


@dataclass(frozen=True)
class TeamFigures:
    """One team's work in a period."""

    team_id: str
    name: str
    village: str
    active: bool  # active at the end of the period
    sessions: int
    citizens: int
    members: int  # members in force at the end of the period
    participants: int  # distinct members who took part in at least one session


@dataclass(frozen=True)
class CommuneReport:
    """The commune report of a period, compared with the period before."""

    period: Period
    previous_period: Period
    rows: list[ReportRow]
    teams: list[TeamFigures] = field(default_factory=list)


def commune_report(store: Store, period: Period) -> CommuneReport:
    """Indicators of a period next to the previous period's, and the per-team table."""
    today = store.today()
    before = period.compared_with(today)
    now_day, then_day = period.as_of(today), before.as_of(today)
    cover_now, cover_then = coverage(store, now_day), coverage(store, then_day)
    act_now, act_then = activity(store, period), activity(store, before)
    homes_now, homes_then = households(store, now_day), households(store, then_day)
    rows = [
        ReportRow(TEAMS, active_teams(store, now_day), active_teams(store, then_day)),
        ReportRow(MEMBERS, active_members(store, now_day), active_members(store, then_day)),
        ReportRow(VILLAGES_COVERED, cover_now.part, cover_then.part, cover_now.whole, cover_then.whole),
        ReportRow(SESSIONS, act_now.sessions, act_then.sessions),
        ReportRow(CITIZENS, act_now.citizens, act_then.citizens),
    ]
    previous_totals = {c.code: c for c in category_totals(store, before)}
    for total in category_totals(store, period):
        earlier = previous_totals.get(total.code)
        rows.append(
            ReportRow(
                CATEGORY,
                total.citizens,
                earlier.citizens if earlier else 0,
                code=total.code,
                name=total.name,
                name_en=total.name_en,
            )
        )
    rows.append(ReportRow(HOUSEHOLDS_5SKILLS, homes_now.part, homes_then.part, homes_now.whole, homes_then.whole))
    # A current period is shown as far as it has gone (01/11–28/11), like the period it is compared with.
    shown = Period(period.start, now_day) if period.start <= now_day else period
    return CommuneReport(shown, before, rows, team_figures(store, period))


def team_figures(store: Store, period: Period) -> list[TeamFigures]:
    """Per team: sessions, citizens, members and members who took part, for teams active during the period
    or with sessions in it; in Vietnamese order of their names."""
    start, end = period.start.isoformat(), period.end.isoformat()
    day = period.as_of(store.today()).isoformat()
    work = {
        team_id: (int(sessions), int(citizens))
        for team_id, sessions, citizens in store.db.execute(
            "SELECT team_id, count(*), coalesce(sum(citizens_total), 0) FROM sessions"
            " WHERE deleted = 0 AND date BETWEEN ? AND ? GROUP BY team_id",
            [start, end],
        )
    }
    participants = {
        team_id: int(count)
        for team_id, count in store.db.execute(
            "SELECT s.team_id, count(DISTINCT j.value) FROM sessions s, json_each(s.member_ids) j"
            " WHERE s.deleted = 0 AND s.date BETWEEN ? AND ? GROUP BY s.team_id",
            [start, end],
        )
    }
    members = {
        team_id: int(count)
        for team_id, count in store.db.execute(
            "SELECT m.team_id, count(DISTINCT m.person_id) FROM memberships m"
            " JOIN people p ON p.id = m.person_id AND p.deleted = 0 WHERE "
            + _MEMBERSHIP_ACTIVE_ON
            + " GROUP BY m.team_id",
            {"day": day},
        )
    }
    active = {row[0] for row in store.db.execute("SELECT id FROM teams t WHERE " + _TEAM_ACTIVE_ON, {"day": day})}
    # Active at some time in the period: founded by its end, not dissolved before its start.
    during = store.rows(
        "teams",
        "(founded_on IS NULL OR founded_on <= ?) AND (dissolved_on IS NULL OR dissolved_on >= ?)"
        " AND (status = 'active' OR dissolved_on IS NOT NULL)",
        [end, start],
    )
    teams = {team["id"]: team for team in during}
    for team_id in set(work) - set(teams):
        team = store.get("teams", team_id)
        if team is not None and not team["deleted"]:
            teams[team_id] = team
    villages = {v["id"]: title("villages", v) for v in store.rows("villages", include_deleted=True)}
    result = [
        TeamFigures(
            team_id=team_id,
            name=team["name"],
            village=villages.get(team.get("village_id") or "", ""),
            active=team_id in active,
            sessions=work.get(team_id, (0, 0))[0],
            citizens=work.get(team_id, (0, 0))[1],
            members=members.get(team_id, 0),
            participants=participants.get(team_id, 0),
        )
        for team_id, team in teams.items()
    ]
    return sorted(result, key=lambda figures: collation_key(figures.name))


# ----- decision numbers -----


def decision_number(number: int) -> str:
    """A decision's number as written on it: 7 -> "07/QĐ-UBND" (numbers under 10 get a leading zero)."""
    return f"{number:02d}/QĐ-UBND"


# Numbering lives in desktop.store.decisions; these names stay for the callers of stats.
next_decision_number = decision_numbers.next_number
decisions_numbered = decision_numbers.decisions_numbered
decision_year = decision_numbers.decision_year
