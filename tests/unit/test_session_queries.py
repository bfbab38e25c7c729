"""Support sessions a page at a time (desktop.store.session_queries): every sort and filter, read in small
pages, gives exactly the rows a plain Python sort of everything would give, and the pages use the indexes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.store import Store
from desktop.store import session_queries as sq
from desktop.store.session_queries import SessionQuery
from sync.text import collation_key, fold

# Places chosen to catch code-point order: Ă/Â after A, Đ after D, Ư after U, tone marks secondary.
PLACES = [
    "Nhà văn hóa thôn Nà Phái",
    "Nhà văn hoá thôn Khòn Pát",  # tone mark on the other vowel: the same word
    "Đình làng Bản Chang",
    "Dốc Pác Cáp",
    "Ủy ban nhân dân xã",
    "Ưng Hòa",
    "Ăn Thượng",
    "An Bình",
    "Chợ Thất Khê",
    None,
]


@pytest.fixture
def sessions(store: Store) -> dict[str, Any]:
    """Two teams (one named to sort before the other only in Vietnamese order) and 40 varied sessions."""
    village = store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    other = store.insert("villages", {"name": "Bản Chang", "kind": "ban"})
    # "Đồng" sorts after "Dương" in Vietnamese (d < đ), before it in code-point order it would not matter;
    # "Ân" must come after "An" and before "Bình".
    team_a = store.insert("teams", {"name": "Tổ Đồng Tâm", "village_id": village["id"], "founded_on": "2024-01-01"})
    team_b = store.insert("teams", {"name": "Tổ Dương Liễu", "village_id": other["id"], "founded_on": "2024-01-01"})
    person = store.insert("people", {"full_name": "Lê Văn An"})
    ids = []
    for i in range(40):
        counts: dict[str, int | None] = {"1": i % 5}
        if i % 3 == 0:
            counts["3"] = None  # ticked without a count
        if i % 7 == 0:
            counts["10"] = 1
        record = store.insert(
            "sessions",
            {
                "team_id": (team_a if i % 2 else team_b)["id"],
                # Several sessions share a date, so ties are broken by the row, not by chance.
                "date": date(2025, 1 + i % 12, 1 + i % 5).isoformat(),
                "place": PLACES[i % len(PLACES)],
                "category_counts": counts,
                "citizens_total": 5 + i % 7,
                "member_ids": [person["id"]] if i % 4 == 0 else [],
                "notes": "Hướng dẫn cài VNeID" if i % 6 == 0 else None,
            },
        )
        ids.append(record["id"])
    return {"team_a": team_a["id"], "team_b": team_b["id"], "person": person["id"], "ids": ids}


def all_rows(store: Store) -> list[dict[str, Any]]:
    return [dict(row) for row in store.db.query("SELECT rowid AS rowid_, * FROM sessions WHERE deleted = 0")]


def expected(store: Store, query: SessionQuery, keep: Any = lambda row: True) -> list[str]:
    """The ids a full sort in Python gives: what the pages must add up to."""
    rows = [row for row in all_rows(store) if keep(row)]
    teams = {row["id"]: row["name"] for row in store.db.query("SELECT id, name FROM teams")}
    rows.sort(key=lambda row: (row["date"], row["rowid_"]), reverse=True)  # within a value: newest first
    if query.sort == sq.SORT_DATE:
        rows.sort(key=lambda row: (row["date"], row["rowid_"]), reverse=query.descending)
    else:
        value = {
            sq.SORT_PLACE: lambda row: (row["place"] is None, collation_key(row["place"] or "")),
            sq.SORT_TEAM: lambda row: (collation_key(teams[row["team_id"]]), row["team_id"]),
            sq.SORT_CITIZENS: lambda row: row["citizens_total"],
        }[query.sort]
        rows.sort(key=value, reverse=query.descending)  # stable: ties keep newest first
    return [row["id"] for row in rows]


def read_all(store: Store, query: SessionQuery, page: int) -> list[str]:
    """Every page of a query, as ids, checking that no page is longer than asked."""
    sq.install(store.db, sq.prepare(store.db, query))
    ids: list[str] = []
    cursor: sq.Cursor | None = None
    while True:
        rows, cursor = sq.read_page(store.db, query, cursor, page)
        assert len(rows) <= page
        ids += [row["id"] for row in rows]
        if cursor is None:
            return ids


@pytest.mark.parametrize("sort", sq.SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_add_up_to_the_full_sort(store: Store, sessions: dict[str, Any], sort: str, descending: bool) -> None:
    query = SessionQuery(sort=sort, descending=descending)
    assert read_all(store, query, page=3) == expected(store, query)
    assert read_all(store, query, page=500) == expected(store, query)


def test_place_order_is_vietnamese_with_no_place_last(store: Store, sessions: dict[str, Any]) -> None:
    assert sq.place_order(store.db) == [
        "An Bình",
        "Ăn Thượng",
        "Chợ Thất Khê",
        "Dốc Pác Cáp",
        "Đình làng Bản Chang",
        "Nhà văn hoá thôn Khòn Pát",
        "Nhà văn hóa thôn Nà Phái",
        "Ủy ban nhân dân xã",
        "Ưng Hòa",
        None,
    ]
    assert sq.team_order(store.db) == [sessions["team_b"], sessions["team_a"]]  # Dương before Đồng


def test_first_page_and_count(store: Store, sessions: dict[str, Any]) -> None:
    query = SessionQuery()
    sq.install(store.db, sq.prepare(store.db, query))
    rows, cursor = sq.read_page(store.db, query, limit=10)
    assert len(rows) == 10 and cursor is not None
    assert rows[0]["date"] == "2025-12-04"
    assert isinstance(rows[0]["category_counts"], dict)  # decoded, as the store gives records
    assert sq.count_sessions(store.db, query) == (40, sum(5 + i % 7 for i in range(40)))


@pytest.mark.parametrize("sort", sq.SORTS)
def test_filters_by_team_period_and_category(store: Store, sessions: dict[str, Any], sort: str) -> None:
    query = SessionQuery(
        team_id=sessions["team_a"], date_from="2025-03-01", date_to="2025-08-31", category="3", sort=sort
    )

    def keep(row: dict[str, Any]) -> bool:
        return (
            row["team_id"] == sessions["team_a"]
            and "2025-03-01" <= row["date"] <= "2025-08-31"
            and '"3"' in row["category_counts"]
        )

    ids = read_all(store, query, page=2)
    assert ids == expected(store, query, keep)
    assert ids  # the filter leaves something to check
    assert sq.count_sessions(store.db, query)[0] == len(ids)


def test_a_category_without_a_count_still_counts(store: Store, sessions: dict[str, Any]) -> None:
    # i % 3 == 0 ticked category 3 with no count: 14 of the 40 sessions.
    assert len(read_all(store, SessionQuery(category="3"), page=5)) == 14
    assert len(read_all(store, SessionQuery(category="10"), page=5)) == 6
    assert read_all(store, SessionQuery(category="9"), page=5) == []


@pytest.mark.parametrize("few_hits", [4000, 0])  # both ways of joining the hits give the same pages
@pytest.mark.parametrize("sort", sq.SORTS)
def test_search_is_blind_to_diacritics_and_tone_placement(
    store: Store, sessions: dict[str, Any], monkeypatch: pytest.MonkeyPatch, few_hits: int, sort: str
) -> None:
    monkeypatch.setattr(sq, "FEW_HITS", few_hits)
    query = SessionQuery(text="nha van hoa", sort=sort, descending=False)
    ids = read_all(store, query, page=3)
    assert ids == expected(store, query, lambda row: fold(row["place"]).startswith("nha van hoa"))
    assert len(ids) == 8  # both spellings of "hóa"
    assert sq.count_sessions(store.db, query)[0] == 8
    assert len(read_all(store, SessionQuery(text="VNEID", sort=sort), page=4)) == 7  # notes are searched too
    assert read_all(store, SessionQuery(text="khong co dau", sort=sort), page=4) == []


def test_search_sees_every_match_beyond_the_rank_window(
    store: Store, sessions: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.store.search.RANK_WINDOW", 2)
    assert len(sq.search_hits(store.db, str(SessionQuery(text="nha van").expression))) == 8


def test_text_without_words_is_no_search(store: Store, sessions: dict[str, Any]) -> None:
    query = SessionQuery(text="  ,.; ")
    assert query.expression is None
    assert len(read_all(store, query, page=50)) == 40


def test_deleted_sessions_are_left_out(store: Store, sessions: dict[str, Any]) -> None:
    gone = sessions["ids"][0]  # i = 0: Nhà văn hóa, category 3, VNeID notes
    store.delete("sessions", gone)
    for query in (SessionQuery(), SessionQuery(text="nha van hoa"), SessionQuery(sort=sq.SORT_PLACE)):
        ids = read_all(store, query, page=7)
        assert gone not in ids
        assert sq.count_sessions(store.db, query)[0] == len(ids)


def test_a_new_preparation_replaces_the_old_one(store: Store, sessions: dict[str, Any]) -> None:
    first = SessionQuery(text="VNeID", sort=sq.SORT_PLACE)
    assert len(read_all(store, first, page=100)) == 7
    second = SessionQuery(text="cho that khe", sort=sq.SORT_TEAM)
    ids = read_all(store, second, page=100)
    assert ids == expected(store, second, lambda row: row["place"] == "Chợ Thất Khê")


def test_a_preparation_serves_the_queries_it_was_made_for() -> None:
    made = sq.Preparation(expression=SessionQuery(text="nha").expression, hits=[1], sort=sq.SORT_PLACE, ranked=[])
    assert made.serves(SessionQuery(text="Nhà", sort=sq.SORT_PLACE))
    assert made.serves(SessionQuery(text="nha", team_id="x"))  # date order needs no ranks
    assert not made.serves(SessionQuery(text="nhà văn"))
    assert not made.serves(SessionQuery(text="nha", sort=sq.SORT_TEAM))
    assert sq.Preparation().serves(SessionQuery())
    with pytest.raises(ValueError):
        SessionQuery(sort="notes")


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        (sq.SORT_DATE, "sessions_date"),
        (sq.SORT_TEAM, "sessions_team_date"),
        (sq.SORT_PLACE, "sessions_place_date"),
        (sq.SORT_CITIZENS, "sessions_citizens_date"),
    ],
)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_walk_an_index_instead_of_sorting_the_table(
    store: Store, sessions: dict[str, Any], sort: str, index: str, descending: bool
) -> None:
    query = SessionQuery(sort=sort, descending=descending)
    sq.install(store.db, sq.prepare(store.db, query))
    for after in (None, (1, "2025-06-01", 5)):
        sql, params = sq.page_statement(query, after, 201)
        plan = " | ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert index in plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan  # a sort of every row for every page


def test_iter_sessions_reads_everything_in_batches(store: Store, sessions: dict[str, Any]) -> None:
    query = SessionQuery(sort=sq.SORT_CITIZENS)
    sq.install(store.db, sq.prepare(store.db, query))
    calls = []
    rows = list(sq.iter_sessions(store.db, query, batch=7, check=lambda: calls.append(1)))
    assert [row["id"] for row in rows] == expected(store, query)
    assert len(calls) == 6  # checked before each batch: a cancelled export stops between them


def test_places_of_a_team_most_used_first(store: Store, sessions: dict[str, Any]) -> None:
    places = sq.places_of_team(store.db, sessions["team_b"])  # even sessions: every other place
    assert places[0] in PLACES
    assert None not in places and "" not in places
    assert set(places) == {PLACES[i % len(PLACES)] for i in range(0, 40, 2)} - {None}
    assert sq.places_of_team(store.db, "không-có") == []


def test_cells_say_what_the_table_shows(store: Store, sessions: dict[str, Any]) -> None:
    names = sq.Names.load(store.db)
    row = store.require("sessions", sessions["ids"][0])
    row.update(start_time="08:00", end_time="10:30")
    assert sq.cells(row, names) == [
        "01/01/2025",
        "08:00–10:30",
        "Tổ Dương Liễu",
        "Nhà văn hóa thôn Nà Phái",
        "Định danh điện tử VNeID (0), Thanh toán không dùng tiền mặt, Khác (1)",
        5,
        "Lê Văn An",
        "Hướng dẫn cài VNeID",
    ]
    assert sq.Names.load(store.db, "en").categories["1"] == "VNeID electronic identity"
    assert sq.time_text("08:00", None) == "08:00"
    assert sq.time_text(None, "10:00") == "–10:00"
    assert sq.time_text(None, None) == ""
    assert names.categories_text({"99": 2}) == "99 (2)"  # a code the list no longer has


def test_a_deleted_category_keeps_its_name_unless_a_live_one_took_the_code(store: Store) -> None:
    old = store.rows("categories", "code = '5'")[0]
    store.delete("categories", old["id"])
    assert sq.Names.load(store.db).categories["5"] == "Y tế số"
    store.insert("categories", {"code": "5", "name": "Y tế số và bảo hiểm", "sort_order": 5})
    assert sq.Names.load(store.db).categories["5"] == "Y tế số và bảo hiểm"


@pytest.mark.parametrize(
    ("period", "today", "first", "last"),
    [
        (sq.PERIOD_THIS_MONTH, date(2026, 3, 2), "2026-03-01", "2026-03-31"),
        (sq.PERIOD_THIS_MONTH, date(2024, 2, 10), "2024-02-01", "2024-02-29"),
        (sq.PERIOD_LAST_MONTH, date(2026, 3, 2), "2026-02-01", "2026-02-28"),
        (sq.PERIOD_LAST_MONTH, date(2026, 1, 15), "2025-12-01", "2025-12-31"),
        (sq.PERIOD_THIS_YEAR, date(2026, 3, 2), "2026-01-01", "2026-12-31"),
        (sq.PERIOD_LAST_YEAR, date(2026, 3, 2), "2025-01-01", "2025-12-31"),
        (sq.PERIOD_ALL, date(2026, 3, 2), None, None),
        (sq.PERIOD_CUSTOM, date(2026, 3, 2), None, None),
    ],
)
def test_period_ranges(period: str, today: date, first: str | None, last: str | None) -> None:
    assert sq.period_range(period, today) == (first, last)


def test_an_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError):
        sq.period_range("next_week", date(2026, 3, 2))


TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("typed", "today", "meant"),
    [
        ("05/02/2026", TODAY, date(2026, 2, 5)),
        ("5/2/2026", TODAY, date(2026, 2, 5)),
        ("5/2", TODAY, date(2026, 2, 5)),
        (" 05.02 ", TODAY, date(2026, 2, 5)),
        ("5-2-26", TODAY, date(2026, 2, 5)),
        ("5 2", TODAY, date(2026, 2, 5)),
        ("0502", TODAY, date(2026, 2, 5)),
        ("050226", TODAY, date(2026, 2, 5)),
        ("05022026", TODAY, date(2026, 2, 5)),
        ("2/3", TODAY, date(2026, 3, 2)),  # today itself
        ("28/12", date(2026, 1, 5), date(2025, 12, 28)),  # December's forms typed in January
        ("3/3", TODAY, date(2025, 3, 3)),  # tomorrow without a year: last year's
        ("03/03/2026", TODAY, date(2026, 3, 3)),  # with the year it is what was typed (the rules refuse it)
    ],
)
def test_entry_dates_are_quick_to_type(typed: str, today: date, meant: date) -> None:
    assert sq.parse_entry_date(typed, today) == meant


@pytest.mark.parametrize("typed", ["", "32/01", "29/02/2025", "abc", "5", "12345", "05/13", "1/2/3/4"])
def test_what_is_no_date(typed: str) -> None:
    with pytest.raises(ValueError):
        sq.parse_entry_date(typed, TODAY)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("8h30", "08:30"),
        ("08:30", "08:30"),
        ("8h", "08:00"),
        ("8", "08:00"),
        ("14.15", "14:15"),
        ("830", "08:30"),
        ("1415", "14:15"),
        ("  ", None),
        ("", None),
    ],
)
def test_entry_times(typed: str, meant: str | None) -> None:
    assert sq.parse_entry_time(typed) == meant


@pytest.mark.parametrize("typed", ["25h", "8h75", "sáng", "12345"])
def test_what_is_no_time(typed: str) -> None:
    with pytest.raises(ValueError):
        sq.parse_entry_time(typed)
