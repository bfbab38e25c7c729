"""Named schema migrations for the local database, applied in order with a file copy taken first.

A migration, once released, never changes: a new schema is a new migration at the end of the list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from desktop.store.backup import copy_database
from sync.ids import utc_now

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]

# Columns every synced table has (records.COMMON_FIELDS), spelled out so old migrations stay frozen.
_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    commune_code TEXT NOT NULL,
    code_scheme TEXT NOT NULL DEFAULT '2025',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""
# References are deferred so that a transaction (or a sync page) may write rows in any order.
_DEFERRED = "DEFERRABLE INITIALLY DEFERRED"


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one: sqlite3's executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _initial_schema(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);
    CREATE TABLE categories ({_COMMON},
        code TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT, sort_order INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE villages ({_COMMON},
        name TEXT NOT NULL, kind TEXT NOT NULL, households INTEGER, notes TEXT);
    CREATE TABLE decisions ({_COMMON},
        number INTEGER NOT NULL, year INTEGER NOT NULL, date TEXT, kind TEXT NOT NULL,
        signer_name TEXT, signer_title TEXT, sign_mode TEXT, legal_bases TEXT NOT NULL DEFAULT '[]',
        proposal TEXT, team_ids TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL, snapshot TEXT);
    CREATE TABLE teams ({_COMMON},
        name TEXT NOT NULL, village_id TEXT REFERENCES villages(id) {_DEFERRED},
        status TEXT NOT NULL, founded_on TEXT, dissolved_on TEXT,
        founding_decision_id TEXT REFERENCES decisions(id) {_DEFERRED}, notes TEXT);
    CREATE TABLE people ({_COMMON},
        full_name TEXT NOT NULL, family_name TEXT, middle_name TEXT, given_name TEXT, gender TEXT,
        birth_year INTEGER, phone TEXT, email TEXT, position TEXT, organisation TEXT, notes TEXT);
    CREATE TABLE memberships ({_COMMON},
        person_id TEXT NOT NULL REFERENCES people(id) {_DEFERRED},
        team_id TEXT NOT NULL REFERENCES teams(id) {_DEFERRED},
        role TEXT NOT NULL, start_date TEXT, end_date TEXT);
    CREATE TABLE sessions ({_COMMON},
        team_id TEXT NOT NULL REFERENCES teams(id) {_DEFERRED}, date TEXT NOT NULL,
        start_time TEXT, end_time TEXT, place TEXT, category_counts TEXT NOT NULL DEFAULT '{{}}',
        citizens_total INTEGER NOT NULL DEFAULT 0, member_ids TEXT NOT NULL DEFAULT '[]', notes TEXT);
    CREATE TABLE village_indicators ({_COMMON},
        village_id TEXT NOT NULL REFERENCES villages(id) {_DEFERRED}, date TEXT NOT NULL,
        households INTEGER, households_5skills INTEGER);

    -- One row per change to a synced record: the outbox that sync drains (sync_state 'pending')
    -- and the history the UI shows ("who changed what, when") are the same rows.
    CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_type TEXT NOT NULL, record_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
        fields TEXT NOT NULL,
        changed_at TEXT NOT NULL, device_id TEXT NOT NULL, author TEXT,
        sync_state TEXT NOT NULL DEFAULT 'pending');

    CREATE INDEX changes_record ON changes (record_type, record_id);
    CREATE INDEX changes_pending ON changes (sync_state) WHERE sync_state = 'pending';
    CREATE INDEX teams_village ON teams (village_id);
    CREATE INDEX memberships_team ON memberships (team_id);
    CREATE INDEX memberships_person ON memberships (person_id);
    CREATE INDEX sessions_team_date ON sessions (team_id, date);
    CREATE INDEX sessions_date ON sessions (date);
    CREATE INDEX indicators_village_date ON village_indicators (village_id, date);
    CREATE UNIQUE INDEX categories_code ON categories (code) WHERE deleted = 0;
    """,
    )


def _search_index(db: sqlite_utils.Database) -> None:
    # Folded text (see sync.text.fold) is indexed, so the tokenizer needs no diacritic handling of
    # its own; the search module keeps it in step with every write.
    _run_script(
        db,
        """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        body, record_type, record_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
    CREATE TABLE search_rows (
        record_type TEXT NOT NULL, record_id TEXT NOT NULL, fts_rowid INTEGER NOT NULL,
        PRIMARY KEY (record_type, record_id)) WITHOUT ROWID;
    """,
    )
    # Records written before the index existed are indexed by the store after migrating.
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_needs_rebuild', '1')")


def _session_sort_indexes(db: sqlite_utils.Database) -> None:
    # The sessions table sorted by place (or head count) walks the distinct values in order and reads each
    # value's sessions newest first from these: about 1 ms a page at 100,000 sessions, against 20-70 ms
    # for sorting the whole table again for every page (desktop/store/session_queries.py).
    db.execute("CREATE INDEX sessions_place_date ON sessions (place, date)")
    db.execute("CREATE INDEX sessions_citizens_date ON sessions (citizens_total, date)")


def _sync_state(db: sqlite_utils.Database) -> None:
    # The server's reason for a rejected change, and the field versions the server issued that this laptop
    # has seen: a pushed edit names the version it was based on, so the server can tell a conflict.
    db.execute("ALTER TABLE changes ADD COLUMN sync_reason TEXT")
    db.execute(
        "CREATE TABLE sync_versions (record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,"
        " version INTEGER NOT NULL, PRIMARY KEY (record_type, record_id, field)) WITHOUT ROWID"
    )


def _conflicts(db: sqlite_utils.Database) -> None:
    # The server's "Cần xem lại" list, copied down so the commune can review it offline; server_id keeps
    # a conflict fetched twice (a resumed sync) from appearing twice.
    db.execute(
        "CREATE TABLE conflicts (id INTEGER PRIMARY KEY, server_id INTEGER NOT NULL UNIQUE,"
        " record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,"
        " lost_value TEXT, lost_by TEXT, lost_at TEXT, won_value TEXT, won_by TEXT, won_at TEXT,"
        " resolved INTEGER NOT NULL DEFAULT 0)"
    )


def _sync_extra(db: sqlite_utils.Database) -> None:
    # Fields a newer app version wrote that this one does not know (contract point 10): kept as the server sent
    # them (JSON), so this laptop's digests agree with the server's; never shown and never pushed from here.
    db.execute(
        "CREATE TABLE sync_extra (record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,"
        " value TEXT, PRIMARY KEY (record_type, record_id, field)) WITHOUT ROWID"
    )


MIGRATIONS: list[Migration] = [
    ("0001_initial_schema", _initial_schema),
    ("0002_search_index", _search_index),
    ("0003_session_sort_indexes", _session_sort_indexes),
    ("0004_sync_state", _sync_state),
    ("0005_conflicts", _conflicts),
    ("0006_sync_extra", _sync_extra),
]


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations this database has had, in order."""
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db.query("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(
    db: sqlite_utils.Database,
    db_path: Path | None,
    backup_dir: Path | None,
    migrations: list[Migration] | None = None,
) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns the names applied.

    A database that already holds tables is copied to backup_dir first, so a failed or faulty
    migration can always be undone by hand.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    done = set(applied_migrations(db))
    pending = [(name, step) for name, step in migrations if name not in done]
    if not pending:
        return []
    if db_path is not None and backup_dir is not None and done:
        stamp = utc_now().replace(":", "").replace("-", "")
        copy_database(db, backup_dir / f"truoc-nang-cap-{pending[0][0]}-{stamp}.sqlite3")
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, step in pending:
        with db.atomic():
            step(db)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [name, utc_now()])
    return [name for name, _ in pending]
