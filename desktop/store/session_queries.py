"""Support sessions a page at a time for the big table: filters, sort orders and search, all in SQL (no Qt).

A commune can hold 100,000 sessions, so nothing here reads them all. Pages follow a keyset (the last row's
sort value, date and rowid), which seeks in an index instead of skipping OFFSET rows. Two things are slow
to make and are therefore made once per query, off the GUI thread, by prepare(): the rowids that a text
search matches, and the order of the values a column is sorted by. install() puts them into TEMP tables of
the connection that reads the pages, which then only joins against them.

Sorting by team, place or head count walks a rank table (the distinct values in order, rank = rowid) and
reads each value's sessions newest first from an index on (value, date). Why not `ORDER BY place COLLATE
vi`: the "vi" collation calls Python for every comparison, and sorting 100,000 rows by it took 8.7 s for
the first page. Ranking the few thousand distinct places once with the same collation_key gives the same
order and leaves SQLite only integers to compare.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from desktop.store.record_sync import unsynced_rowids
from desktop.store.search import match_expression
from desktop.store.store import Store, decode_row
from desktop.store.teams import active_memberships
from sync.dates import display_date, parse_time
from sync.records import FieldError
from sync.text import CollationKey, collation_key

PAGE_SIZE = 200

SORT_DATE = "date"
SORT_TEAM = "team"
SORT_PLACE = "place"
SORT_CITIZENS = "citizens"
SORTS = (SORT_DATE, SORT_TEAM, SORT_PLACE, SORT_CITIZENS)

PERIOD_ALL = "all"
PERIOD_THIS_MONTH = "this_month"
PERIOD_LAST_MONTH = "last_month"
PERIOD_THIS_YEAR = "this_year"
PERIOD_LAST_YEAR = "last_year"
PERIOD_CUSTOM = "custom"
PERIODS = (PERIOD_ALL, PERIOD_THIS_MONTH, PERIOD_LAST_MONTH, PERIOD_THIS_YEAR, PERIOD_LAST_YEAR, PERIOD_CUSTOM)

# TEMP tables belong to one connection, so every thread's connection has its own.
HITS = "temp.toso_session_hits"
UNSYNCED = "temp.toso_session_unsynced"  # sessions whose latest change is pending or rejected
RANKS = "temp.toso_session_ranks"
# The sessions column each sort ranks (each has an index on (column, date)).
RANKED_COLUMNS = {SORT_TEAM: "team_id", SORT_PLACE: "place", SORT_CITIZENS: "citizens_total"}
# Below this many search hits, a page reads the hits and sorts them; above it, a page walks the sort order
# and keeps the rows that are hits (a common word fills a page within a few hundred rows).
FEW_HITS = 4000

_SELECT = (
    "s.rowid AS rowid_, s.id, s.team_id, s.date, s.start_time, s.end_time, s.place,"
    " s.category_counts, s.citizens_total, s.member_ids, s.notes"
)
# Places repeat across thousands of sessions and a key never changes, so each is computed once per process.
_PLACE_KEYS: dict[str, CollationKey] = {}

Cursor = tuple[Any, str, int]  # (rank or None, date, rowid) of the last row read


@dataclass(frozen=True)
class SessionQuery:
    """What the table shows: filters (None or "" for none), search text and the sort order."""

    team_id: str | None = None
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None  # ISO, inclusive
    category: str | None = None  # a category code
    text: str = ""
    sort: str = SORT_DATE
    descending: bool = True
    unsynced: bool = False  # only sessions whose latest change is still pending or was rejected

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort: {self.sort}")

    @property
    def expression(self) -> str | None:
        """The FTS expression of the search text, or None when it holds no word."""
        return match_expression(self.text)


@dataclass(frozen=True)
class Preparation:
    """What pages of a query need beyond plain SQL: the search hits and the order of the sorted column."""

    expression: str | None = None
    hits: list[int] | None = None  # rowids of the live sessions the search matches (None: no search)
    sort: str = SORT_DATE
    ranked: list[Any] | None = None  # the sorted column's distinct values in order (None: sorting by date)
    unsynced: list[int] | None = None  # rowids of sessions not yet on the server (None: no such filter)

    def serves(self, query: SessionQuery) -> bool:
        """True when this preparation is all the query needs (the same search and filter, the column ranked)."""
        return (
            self.expression == query.expression
            and (self.unsynced is not None) == query.unsynced
            and (query.sort == SORT_DATE or self.sort == query.sort)
        )


def needs_preparation(query: SessionQuery) -> bool:
    """True when pages of the query need prepare() first: a search, the unsynced filter, or a sort by
    something else than date."""
    return query.expression is not None or query.unsynced or query.sort != SORT_DATE


def prepare(db: sqlite_utils.Database, query: SessionQuery, check: Callable[[], None] | None = None) -> Preparation:
    """Find the search hits and rank the sorted column (up to a few hundred ms at 100,000 sessions).

    check() is called between the steps, so a cancelled job stops early.
    """
    expression = query.expression
    hits = search_hits(db, expression) if expression else None
    # The sync states are read here, off the GUI thread: checked per row, a page of a commune with few
    # unsynced sessions walked the whole date index (130 ms at 100,000 sessions).
    unsynced = unsynced_rowids(db, "sessions") if query.unsynced else None
    if check is not None:
        check()
    ranked: list[Any] | None = None
    if query.sort == SORT_PLACE:
        ranked = place_order(db)
    elif query.sort == SORT_TEAM:
        ranked = team_order(db)
    elif query.sort == SORT_CITIZENS:
        ranked = [row[0] for row in db.execute("SELECT DISTINCT citizens_total FROM sessions ORDER BY 1")]
    return Preparation(expression, hits, query.sort, ranked, unsynced)


def search_hits(db: sqlite_utils.Database, expression: str) -> list[int]:
    """Rowids of every live session whose text matches (all of them, not the store search's ranked window)."""
    rows = db.execute(
        "SELECT s.rowid FROM search_fts JOIN sessions s ON s.id = search_fts.record_id"
        " WHERE search_fts MATCH ? AND s.deleted = 0",
        [f"record_type : sessions AND body : ({expression})"],
    ).fetchall()
    return [row[0] for row in rows]


def place_order(db: sqlite_utils.Database) -> list[str | None]:
    """Every distinct place of a session, in Vietnamese dictionary order; no place (None) comes last."""
    places: list[str | None] = [row[0] for row in db.execute("SELECT DISTINCT place FROM sessions")]
    for place in places:
        if place is not None and place not in _PLACE_KEYS:
            _PLACE_KEYS[place] = collation_key(place)
    return sorted(places, key=lambda place: (place is None, _PLACE_KEYS.get(place or "", ())))


def team_order(db: sqlite_utils.Database) -> list[str]:
    """Every team id (deleted ones too: their sessions still show), by name in Vietnamese order."""
    teams = db.execute("SELECT id, name FROM teams").fetchall()
    return [team_id for team_id, _name in sorted(teams, key=lambda row: (collation_key(row[1] or ""), row[0]))]


def install(db: sqlite_utils.Database, preparation: Preparation) -> None:
    """Put a preparation into this connection's TEMP tables, replacing what an earlier query left there."""
    with db.atomic():  # explicit, so no implicit transaction stays open on the connection
        db.execute(f"CREATE TABLE IF NOT EXISTS {HITS} (sid INTEGER PRIMARY KEY)")
        db.execute(f"CREATE TABLE IF NOT EXISTS {UNSYNCED} (sid INTEGER PRIMARY KEY)")
        # The rank is the rowid, so the table is read in order; the value's type follows the sorted column.
        db.execute(f"CREATE TABLE IF NOT EXISTS {RANKS} (rank INTEGER PRIMARY KEY, value UNIQUE)")
        if preparation.hits is not None:
            db.execute(f"DELETE FROM {HITS}")
            # One statement unpacks the list inside SQLite: 50,000 hits go in within a few milliseconds.
            db.execute(f"INSERT INTO {HITS} (sid) SELECT value FROM json_each(?)", [json.dumps(preparation.hits)])
        if preparation.unsynced is not None:
            db.execute(f"DELETE FROM {UNSYNCED}")
            rowids = json.dumps(preparation.unsynced)
            db.execute(f"INSERT INTO {UNSYNCED} (sid) SELECT value FROM json_each(?)", [rowids])
        if preparation.ranked is not None:
            db.execute(f"DELETE FROM {RANKS}")
            db.execute(
                f"INSERT INTO {RANKS} (rank, value) SELECT key, value FROM json_each(?)",
                [json.dumps(preparation.ranked, ensure_ascii=False)],
            )


def _filters(query: SessionQuery, few_hits: bool = True, few_unsynced: bool = True) -> tuple[list[str], list[Any]]:
    where, params = ["s.deleted = 0"], []
    if query.team_id:
        where.append("s.team_id = ?")
        params.append(query.team_id)
    if query.date_from:
        where.append("s.date >= ?")
        params.append(query.date_from)
    if query.date_to:
        where.append("s.date <= ?")
        params.append(query.date_to)
    if query.category:
        # json_type, not json_extract: a category ticked without a count holds null and still counts.
        where.append("json_type(s.category_counts, ?) IS NOT NULL")
        params.append(f'$."{query.category}"')
    if query.unsynced:
        # As with search hits: a few are read and sorted, many are kept while walking the sort order.
        if few_unsynced:
            where.append(f"s.rowid IN (SELECT sid FROM {UNSYNCED})")
        else:
            where.append(f"EXISTS (SELECT 1 FROM {UNSYNCED} WHERE sid = s.rowid)")
    if query.expression is not None:
        if few_hits:
            where.append(f"s.rowid IN (SELECT sid FROM {HITS})")
        else:
            where.append(f"EXISTS (SELECT 1 FROM {HITS} WHERE sid = s.rowid)")
    return where, params


def count_sessions(db: sqlite_utils.Database, query: SessionQuery) -> tuple[int, int]:
    """How many sessions match the filters and search (install() first), and how many citizens they helped."""
    where, params = _filters(query)
    row = db.execute(
        f"SELECT count(*), coalesce(sum(s.citizens_total), 0) FROM sessions s WHERE {' AND '.join(where)}", params
    ).fetchone()
    return int(row[0]), int(row[1])


def read_page(
    db: sqlite_utils.Database, query: SessionQuery, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> tuple[list[dict[str, Any]], Cursor | None]:
    """One page of sessions after a cursor (None: the first page); the cursor is None once nothing follows.

    Needs install() of the query's preparation first. Within one team, place or head count, the newest
    sessions come first.
    """
    few_hits = query.expression is None or db.execute(f"SELECT count(*) FROM {HITS}").fetchone()[0] <= FEW_HITS
    few_unsynced = not query.unsynced or db.execute(f"SELECT count(*) FROM {UNSYNCED}").fetchone()[0] <= FEW_HITS
    sql, params = page_statement(query, after, limit + 1, few_hits=few_hits, few_unsynced=few_unsynced)
    rows = [decode_row("sessions", row) for row in db.query(sql, params)]
    more = len(rows) > limit
    rows = rows[:limit]
    if not more or not rows:
        return rows, None
    last = rows[-1]
    return rows, (last["rank_"], last["date"], last["rowid_"])


def page_statement(
    query: SessionQuery, after: Cursor | None, limit: int, *, few_hits: bool = True, few_unsynced: bool = True
) -> tuple[str, list[Any]]:
    """The SQL of a page and its parameters (each row also carries rowid_ and rank_ for the next cursor)."""
    where, params = _filters(query, few_hits, few_unsynced)
    direction = "DESC" if query.descending else "ASC"
    before = "<" if query.descending else ">"
    if query.sort == SORT_DATE:
        join, rank = "", "NULL"
        order = f"s.date {direction}, s.rowid {direction}"
        if after is not None:
            # A row value compares (date, rowid) as one key, which the date indexes can seek to.
            where.append(f"(s.date, s.rowid) {before} (?, ?)")
            params += [after[1], after[2]]
    else:
        column = RANKED_COLUMNS[query.sort]
        join, rank = f"JOIN {RANKS} r ON r.value IS s.{column}", "r.rank"
        order = f"r.rank {direction}, s.date DESC, s.rowid DESC"
        # A range on the rank, on the first page too, makes SQLite walk the rank table in order.
        where.append(f"r.rank {'<=' if query.descending else '>='} ?")
        if after is None:
            params.append(1 << 62 if query.descending else 0)
        else:
            where.append(f"(r.rank {before} ? OR (s.date, s.rowid) < (?, ?))")
            params += [after[0], after[0], after[1], after[2]]
    sql = (
        f"SELECT {_SELECT}, {rank} AS rank_ FROM sessions s {join} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
    )
    return sql, [*params, limit]


def iter_sessions(
    db: sqlite_utils.Database, query: SessionQuery, batch: int = 1000, check: Callable[[], None] | None = None
) -> Iterator[dict[str, Any]]:
    """Every session of a query, in its order, read a batch at a time (exports); needs install() first."""
    cursor: Cursor | None = None
    while True:
        if check is not None:
            check()
        rows, cursor = read_page(db, query, cursor, batch)
        yield from rows
        if cursor is None:
            return


def places_of_team(db: sqlite_utils.Database, team_id: str, limit: int = 300) -> list[str]:
    """The places a team has worked at, the most used first (for completing what is typed)."""
    rows = db.execute(
        "SELECT place FROM sessions WHERE team_id = ? AND deleted = 0 AND ifnull(place, '') != ''"
        " GROUP BY place ORDER BY count(*) DESC, max(date) DESC LIMIT ?",
        [team_id, limit],
    ).fetchall()
    return [row[0] for row in rows]


# ----- what the cells say -----


@dataclass
class Names:
    """Names behind the ids a session holds: teams, people and categories (read once per reload)."""

    teams: dict[str, str]
    people: dict[str, str]
    categories: dict[str, str]

    @classmethod
    def load(cls, db: sqlite_utils.Database, language: str = "vi", *, short: bool = False) -> Names:
        """Read every name (deleted records too: old sessions still name them).

        short=True writes team names the way a narrow column can show them: "Tổ CNSCĐ thôn Nà Phái".
        """
        rows = db.execute("SELECT id, name FROM teams").fetchall()
        teams = {row[0]: short_team_name(row[1]) if short else row[1] for row in rows}
        people = {row[0]: row[1] for row in db.execute("SELECT id, full_name FROM people").fetchall()}
        categories: dict[str, str] = {}
        # Deleted first, so a live category's name wins over a deleted one with the same code.
        for code, name, name_en in db.execute(
            "SELECT code, name, name_en FROM categories ORDER BY deleted DESC, sort_order"
        ).fetchall():
            categories[code] = (name_en or name) if language == "en" else name
        return cls(teams, people, categories)

    def categories_text(self, counts: dict[str, int | None]) -> str:
        """ "Định danh điện tử VNeID (5), Dịch vụ công trực tuyến (2)"; a category without a count has no brackets."""
        parts = []
        for code, count in (counts or {}).items():
            name = self.categories.get(code, code)
            parts.append(name if count is None else f"{name} ({count})")
        return ", ".join(parts)

    def members_text(self, member_ids: list[str]) -> str:
        """The names of the members present, in the order they were ticked."""
        return ", ".join(self.people.get(member_id, "") for member_id in member_ids or [] if member_id)


_TEAM_PREFIX = re.compile(r"^tổ công nghệ số cộng đồng\b", re.IGNORECASE)


def short_team_name(name: str) -> str:
    """ "Tổ công nghệ số cộng đồng thôn Nà Phái" as officials abbreviate it: "Tổ CNSCĐ thôn Nà Phái"."""
    return _TEAM_PREFIX.sub("Tổ CNSCĐ", name or "", count=1)


def time_text(start: str | None, end: str | None) -> str:
    """ "08:00–10:30", "08:00" or ""."""
    if start and end:
        return f"{start}–{end}"
    return start or (f"–{end}" if end else "")


def cells(row: dict[str, Any], names: Names) -> list[Any]:
    """A session as the table's columns show it: date, time, team, place, categories, citizens, members, notes."""
    return [
        display_date(row.get("date")),
        time_text(row.get("start_time"), row.get("end_time")),
        names.teams.get(row.get("team_id") or "", ""),
        row.get("place") or "",
        names.categories_text(row.get("category_counts") or {}),
        row.get("citizens_total") or 0,
        names.members_text(row.get("member_ids") or []),
        row.get("notes") or "",
    ]


# ----- periods and what fast entry accepts -----


def period_range(period: str, today: date) -> tuple[str | None, str | None]:
    """The ISO dates a named period covers (both None for all time; custom is the caller's)."""
    if period == PERIOD_THIS_MONTH:
        start = today.replace(day=1)
        return start.isoformat(), _month_end(start).isoformat()
    if period == PERIOD_LAST_MONTH:
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1).isoformat(), end.isoformat()
    if period == PERIOD_THIS_YEAR:
        return date(today.year, 1, 1).isoformat(), date(today.year, 12, 31).isoformat()
    if period == PERIOD_LAST_YEAR:
        return date(today.year - 1, 1, 1).isoformat(), date(today.year - 1, 12, 31).isoformat()
    if period in (PERIOD_ALL, PERIOD_CUSTOM):
        return None, None
    raise ValueError(f"unknown period: {period}")


def _month_end(first: date) -> date:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


_SEPARATED_DATE = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})(?:[/.\-\s](\d{2}|\d{4}))?$")


def parse_entry_date(text: str, today: date) -> date:
    """A date typed the quick way: dd/mm/yyyy, dd/mm/yy, dd/mm, ddmm, ddmmyy or ddmmyyyy (/ . - or space).

    Without a year it is this year's, or last year's when this year's would be in the future: in early
    January the forms on the desk are December's. ValueError when it is no date.
    """
    value = text.strip()
    match = _SEPARATED_DATE.match(value)
    if match:
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    elif value.isdigit() and len(value) in (4, 6, 8):
        day, month, year_text = int(value[:2]), int(value[2:4]), value[4:] or None
    else:
        raise ValueError(text)
    if year_text is None:
        typed = date(today.year, month, day)
        return typed if typed <= today else date(today.year - 1, month, day)
    year = int(year_text)
    return date(2000 + year if len(year_text) == 2 else year, month, day)


def parse_entry_time(text: str) -> str | None:
    """A clock time typed as 8h30, 8:30, 8.30, 8h, 830 or 0830, as "08:30"; None for nothing; ValueError else."""
    value = text.strip()
    if not value:
        return None
    if value.isdigit() and len(value) <= 2:
        value += ":00"
    elif value.isdigit() and len(value) in (3, 4):
        value = f"{value[:-2]}:{value[-2:]}"
    return parse_time(value).strftime("%H:%M")


# ----- the fast-entry form: what it holds as typed, its problems, and the record it makes -----


@dataclass(frozen=True)
class EntryForm:
    """The fast-entry form as typed: texts for what is read the quick way, values for the rest."""

    team_id: str | None = None
    date: str = ""
    start: str = ""
    end: str = ""
    place: str = ""
    counts: dict[str, int | None] = field(default_factory=dict)  # ticked categories and their counts
    total: str = ""
    member_ids: list[str] = field(default_factory=list)
    notes: str = ""


def auto_total(counts: dict[str, int | None]) -> int | None:
    """What the total becomes when left empty: the largest category count (None without counts).

    Paper forms often give only the count per category, and one citizen helped with VNeID and with a
    bank app is counted in both, so the sum would overstate it; the largest count is the number surely
    helped, which is what an official writes as the total when the form has none.
    """
    numbers = [count for count in counts.values() if count is not None]
    return max(numbers) if numbers else None


def entry_problems(form: EntryForm, today: date, category_names: dict[str, str]) -> list[FieldError]:
    """What is wrong with the form before the store is asked (the store's own rules come after)."""
    errors: list[FieldError] = []
    text = form.date.strip()
    try:
        day = parse_entry_date(text, today) if text else None
    except ValueError:
        day = None
        errors.append(
            FieldError(
                "date",
                f"Không hiểu ngày “{text}”. Gõ theo dạng 05/02/2026 hoặc 5/2.",
                f"“{text}” is not a date. Type it as 05/02/2026 or 5/2.",
            )
        )
    if not text:
        errors.append(FieldError("date", "Hãy nhập ngày hỗ trợ.", "Enter the date of the session."))
    elif day is not None and day > today:
        errors.append(FieldError("date", "Ngày hỗ trợ không được ở tương lai.", "The date cannot be in the future."))
    for name, typed in (("start_time", form.start), ("end_time", form.end)):
        try:
            parse_entry_time(typed)
        except ValueError:
            errors.append(
                FieldError(
                    name,
                    f"Không hiểu giờ “{typed}”. Gõ theo dạng 8h30 hoặc 08:30.",
                    f"“{typed}” is not a time. Type it as 8h30 or 08:30.",
                )
            )
    if not form.team_id:
        errors.append(FieldError("team_id", "Hãy chọn tổ.", "Choose the team."))
    return errors + count_problems(form, category_names)


def count_problems(form: EntryForm, category_names: dict[str, str]) -> list[FieldError]:
    """A total that is missing (with no count to take it from) or smaller than a category's count."""
    if not form.total.strip():
        if auto_total(form.counts) is None:
            return [
                FieldError(
                    "citizens_total",
                    "Hãy nhập tổng số người được hỗ trợ (gõ 0 nếu không có ai).",
                    "Enter how many citizens were helped (0 if nobody came).",
                )
            ]
        return []
    total = int(form.total)
    return [
        FieldError(
            "category_counts",
            f"Số người ở lĩnh vực “{category_names.get(code, code)}” ({count}) lớn hơn tổng số người ({total}).",
            f"Citizens in “{category_names.get(code, code)}” ({count}) exceed the total ({total}).",
        )
        for code, count in form.counts.items()
        if count is not None and count > total
    ]


def entry_values(form: EntryForm, today: date) -> dict[str, Any]:
    """The record the form makes, as Store.insert/update take it (what cannot be read is passed on as typed,
    so the record rules name the problem)."""

    def time_value(typed: str) -> str | None:
        try:
            return parse_entry_time(typed)
        except ValueError:
            return typed

    try:
        day = parse_entry_date(form.date, today).isoformat()
    except ValueError:
        day = form.date
    return {
        "team_id": form.team_id,
        "date": day,
        "start_time": time_value(form.start),
        "end_time": time_value(form.end),
        "place": form.place.strip() or None,
        "category_counts": dict(form.counts),
        "citizens_total": int(form.total) if form.total.strip() else auto_total(form.counts),
        "member_ids": list(form.member_ids),
        "notes": form.notes.strip() or None,
    }


def present_choices(store: Store, team_id: str, day: date | None, keep: list[str]) -> list[tuple[str, str, str | None]]:
    """(person id, name, role) of the team's members on a day, leader first; people in `keep` who are no
    longer members (an edited old session) follow, with no role."""
    choices: list[tuple[str, str, str | None]] = [
        (m["person_id"], m["person"].get("full_name", ""), m["role"])
        for m in active_memberships(store, team_id, day.isoformat() if day else None)
    ]
    listed = {person_id for person_id, _name, _role in choices}
    for person_id in keep:
        if person_id not in listed:
            person = store.get("people", person_id) or {}
            choices.append((person_id, person.get("full_name") or person_id, None))
    return choices
