"""The province server's tables (SQLAlchemy Core), the engine for a database URL, and the commune write lock.

Two backends: an SQLite file (the no-setup default) and PostgreSQL (`postgresql+psycopg://…`). The tables are made
and changed by the Alembic revisions in sync/server/migrations; `metadata` here must always equal their result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    event,
    make_url,
    text,
)

DATABASE_FILE = "toso-server.sqlite3"
READONLY = "toso_readonly"  # execution option: this connection only reads

# uvicorn runs the sync endpoints on a pool of 40 threads and each holds one connection at a time: with room for
# 50, every thread gets one at once, and a burst (200 laptops syncing together) queues for threads, not for
# connections. A request that still finds none after POOL_TIMEOUT is answered 503 (the laptop retries later),
# well inside the laptop's 30 s read timeout rather than after it.
POOL_SIZE = 10
POOL_OVERFLOW = 40
POOL_TIMEOUT = 10  # seconds
# How long a transaction waits for a lock another holds before giving up (admin commands; the API passes less).
DEFAULT_LOCK_TIMEOUT = 30.0  # seconds
# PostgreSQL advisory lock namespace for "writing to commune X" (the second key is a hash of the commune code).
_COMMUNE_LOCK_SPACE = 7_050_002

metadata = MetaData()

# Server settings as key/value text: "province_code".
settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

communes = Table(
    "communes",
    metadata,
    Column("code", String(5), primary_key=True),
    Column("name", Text, nullable=False),
    Column("province_code", String(2), nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("commune_code", String(5), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("app_version", Text, nullable=False),
    Column("enrolled_at", Text, nullable=False),
    Column("last_seen", Text),
    Column("revoked", Integer, nullable=False, default=0),
    # Reported by the laptop at the end of each sync (GET /v1/summary): when, and what it still had to send.
    Column("last_sync_at", Text),
    Column("pending_changes", Integer),
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("commune_code", String(5), nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("used_at", Text),
)

# One row per record: its current fields, per-field versions (JSON text) and the seq of its last change.
records = Table(
    "records",
    metadata,
    Column("commune_code", String(5), nullable=False),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("fields", Text, nullable=False),
    Column("versions", Text, nullable=False),
    Column("deleted", Integer, nullable=False, default=0),
    Column("seq", Integer, nullable=False),
    PrimaryKeyConstraint("commune_code", "record_type", "record_id"),
    Index("ix_records_commune_seq", "commune_code", "seq"),  # a pull page: one commune, after a cursor, by seq
)

# The autoincrement seq is the server's sequence: field versions and pull cursors are these numbers.
change_log = Table(
    "change_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("commune_code", String(5), nullable=False),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("author", Text, nullable=False, default=""),
    Column("at", Text, nullable=False),
    sqlite_autoincrement=True,  # never reuse a seq, even after the newest row is gone
)

# The stored answer of every change already handled, so a re-pushed change returns it and does nothing.
applied_changes = Table(
    "applied_changes",
    metadata,
    Column("change_id", String(80), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("result", Text, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("commune_code", String(5), nullable=False, index=True),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("lost_value", Text),
    Column("lost_version", Integer, nullable=False),
    Column("lost_device", String(36)),
    Column("lost_at", Text),
    Column("won_value", Text),
    Column("won_device", String(36), nullable=False),
    Column("won_at", Text, nullable=False),
)


def default_database_url(data_dir: Path) -> str:
    """The SQLite file in the data folder: the no-setup default."""
    return f"sqlite:///{(Path(data_dir) / DATABASE_FILE).resolve()}"


def make_engine(
    database_url: str,
    *,
    lock_timeout: float | None = None,
    pool_timeout: float = POOL_TIMEOUT,
    max_connections: int = POOL_SIZE + POOL_OVERFLOW,
) -> Engine:
    """An engine for the URL; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE transactions.

    lock_timeout: seconds a statement waits for a lock (SQLite's busy timeout, PostgreSQL's lock_timeout) before
    failing with OperationalError; None means DEFAULT_LOCK_TIMEOUT on SQLite and no limit on PostgreSQL.
    """
    size = min(POOL_SIZE, max_connections)
    pool: dict[str, Any] = {"pool_size": size, "max_overflow": max_connections - size, "pool_timeout": pool_timeout}
    if not database_url.startswith("sqlite"):
        engine = create_engine(database_url, pool_pre_ping=True, **pool)
        if lock_timeout is not None:
            _set_postgresql_lock_timeout(engine, lock_timeout)
        return engine
    if make_url(database_url).database in (None, "", ":memory:"):
        pool = {}  # an in-memory database lives in one connection per thread: no pool to size
    busy_timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    engine = create_engine(database_url, connect_args={"check_same_thread": False, "timeout": busy_timeout}, **pool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would BEGIN DEFERRED lazily; take control to BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the lock up front: two pushes never interleave, and none fails half-way on a lock
        # upgrade. Readers (execution option readonly=True) begin deferred and never wait for a writer (WAL).
        readonly = connection.get_execution_options().get(READONLY, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def _set_postgresql_lock_timeout(engine: Engine, seconds: float) -> None:
    """Every new connection waits at most this long for a lock (advisory locks too), then raises 55P03."""

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # In autocommit: a SET inside the pool's first transaction would be undone by its rollback.
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {max(1, round(seconds * 1000))}")
        dbapi_connection.autocommit = autocommit


def lock_commune(conn: Connection, commune_code: str) -> None:
    """Hold the commune's write lock until the transaction ends; call it first in every transaction that logs changes.

    Pull reads `records.seq > cursor`, so seqs must become visible in the order they were allocated. On
    PostgreSQL two transactions can take seqs 10 and 11 and commit 11 first; a laptop that pulled up to 11 would
    never see 10. Serialising one commune's writers from before their first seq rules that out. SQLite needs
    nothing more: every writer already begins with BEGIN IMMEDIATE, one at a time.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(f"SELECT pg_advisory_xact_lock({_COMMUNE_LOCK_SPACE}, hashtext(:code))"), {"code": commune_code}
        )


def create_schema(engine: Engine) -> None:
    """Bring the database to the newest schema (`alembic upgrade head`); quick when it is there already."""
    # Imported here: the migrations import this module's metadata.
    from sync.server.migrations import upgrade_to_head

    upgrade_to_head(engine)
