"""Search across people, teams, villages and sessions, blind to case, diacritics, tone placement and đ/d.

Every searchable record has one row of folded text in an FTS5 table; writes keep it in step inside the
same transaction, so the index never disagrees with the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from sync.phones import phone_search_tokens
from sync.records import record_type
from sync.text import fold

SEARCHED_TYPES = ("people", "teams", "villages", "sessions")
# Listed first when ranks tie: a person is what a commune official most often looks for.
TYPE_PRIORITY = {name: index for index, name in enumerate(SEARCHED_TYPES)}
# A search that matches more rows than this is ranked within the newest of them only, so that a
# one-letter query over 100,000 sessions stays as quick as a precise one.
RANK_WINDOW = 2000


@dataclass(frozen=True)
class SearchHit:
    """One match: which record, and its rank (lower is better)."""

    record_type: str
    record_id: str
    rank: float


def search_body(type_name: str, record: dict[str, Any]) -> str:
    """The folded text a record is found by."""
    rtype = record_type(type_name)
    parts = [str(record.get(name) or "") for name in rtype.search_fields if name != "phone"]
    if type_name == "villages" and record.get("kind"):
        parts.append(rtype.field("kind").choice_label(record["kind"]))
    if record.get("phone"):
        parts.extend(phone_search_tokens(record["phone"]))
    return fold(" ".join(parts))


def index_record(db: sqlite_utils.Database, type_name: str, record: dict[str, Any], *, new: bool = False) -> None:
    """Bring the record's index row up to date; deleted records leave the index.

    new=True says the record was just created, so there is no old row to look for.
    """
    if type_name not in SEARCHED_TYPES:
        return
    old = (
        None
        if new
        else db.execute(
            "SELECT fts_rowid FROM search_rows WHERE record_type = ? AND record_id = ?", [type_name, record["id"]]
        ).fetchone()
    )
    if old:
        db.execute("DELETE FROM search_fts WHERE rowid = ?", [old[0]])
        db.execute("DELETE FROM search_rows WHERE record_type = ? AND record_id = ?", [type_name, record["id"]])
    if record.get("deleted"):
        return
    cursor = db.execute(
        "INSERT INTO search_fts (body, record_type, record_id) VALUES (?, ?, ?)",
        [search_body(type_name, record), type_name, record["id"]],
    )
    db.execute(
        "INSERT INTO search_rows (record_type, record_id, fts_rowid) VALUES (?, ?, ?)",
        [type_name, record["id"], cursor.lastrowid],
    )


def rebuild_index(db: sqlite_utils.Database) -> int:
    """Index every live record from scratch (after a migration or a restore); returns the count."""
    db.execute("DELETE FROM search_fts")
    db.execute("DELETE FROM search_rows")
    count = 0
    for type_name in SEARCHED_TYPES:
        for row in db.query(f"SELECT * FROM {type_name} WHERE deleted = 0"):
            index_record(db, type_name, row)
            count += 1
    return count


def match_expression(text: str) -> str | None:
    """The FTS5 query for what the user typed: every word must match as a prefix (search as you type).

    A word matches a whole word or the start of one; whole words weigh more in the ranking. Digits
    typed in groups ("0912 345 678", "0912.345.678", "+84 912 345") are one phone number.
    """
    terms = []
    for word in _join_digit_groups(fold(text).split()):
        # Folded words hold only [a-z0-9], so quoting them is all the escaping FTS5 needs.
        choices = [word]
        if word.isdigit() and word.startswith("84") and len(word) > 4:
            choices.append("0" + word[2:])  # +84 / 84 are the country code in front of a number without its 0
        terms.append("(" + " OR ".join(f'"{choice}" OR "{choice}"*' for choice in choices) + ")")
    return " AND ".join(terms) or None


def _join_digit_groups(words: list[str]) -> list[str]:
    joined: list[str] = []
    for word in words:
        if word.isdigit() and joined and joined[-1].isdigit():
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def search(
    db: sqlite_utils.Database,
    text: str,
    *,
    limit: int = 50,
    offset: int = 0,
    types: tuple[str, ...] = SEARCHED_TYPES,
) -> list[SearchHit]:
    """Ranked matches for text, a page at a time: best matches first, people before sessions on ties."""
    expression = match_expression(text)
    if expression is None:
        return []
    wanted = offset + limit
    hits: list[SearchHit] = []
    for type_name in types:
        # The type is an indexed column, so each type is its own cheap query; within a type the
        # newest RANK_WINDOW matches are ranked (FTS5 streams rows in rowid order), which keeps
        # a one-letter query over 100,000 sessions as quick as a precise one.
        rows = db.execute(
            """SELECT record_id, rank FROM (
                   SELECT record_id, bm25(search_fts, 1.0, 0.0) AS rank FROM search_fts
                   WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
               ORDER BY rank LIMIT ?""",
            [f"record_type : {type_name} AND body : ({expression})", max(RANK_WINDOW, wanted), wanted],
        ).fetchall()
        hits.extend(SearchHit(type_name, row[0], row[1]) for row in rows)
    hits.sort(key=lambda hit: (hit.rank, TYPE_PRIORITY.get(hit.record_type, 99)))
    return hits[offset : offset + limit]
