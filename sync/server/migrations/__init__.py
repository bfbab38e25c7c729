"""The province server's schema migrations (Alembic), run from code: no alembic.ini is needed at run time."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from sync.server.db import READONLY, metadata

LOCATION = Path(__file__).resolve().parent
FIRST_REVISION = "0001"  # the tables create_all made before Alembic existed
# A PostgreSQL advisory lock key: servers and admin commands starting together on an empty database take turns
# (on SQLite, BEGIN IMMEDIATE does the same).
_MIGRATION_LOCK = 7_050_001


class SchemaMismatch(Exception):
    """The database holds tables this server cannot take over; the message is Vietnamese, for the operator."""


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """Alembic's configuration for this package: the script location, and a URL or an open connection."""
    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # ConfigParser reads % as interpolation
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts().get_current_head()
    if head is None:
        raise RuntimeError("no migration revisions found in " + str(LOCATION))
    return head


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at, or None when Alembic never ran on it."""
    return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest revision: create it when empty, take over a pre-Alembic one."""
    with engine.connect().execution_options(**{READONLY: True}) as conn:
        if current_revision(conn) == head_revision():
            return  # the usual case on every start and admin command: no write, no lock
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"))
        current = current_revision(conn)  # again, under the lock: another process may have just migrated
        if current is None and _has_server_tables(conn):
            _check_pre_alembic_schema(conn)
            command.stamp(alembic_config(connection=conn), FIRST_REVISION)
        elif current is not None and current not in {script.revision for script in _scripts().walk_revisions()}:
            raise SchemaMismatch(
                f"Cơ sở dữ liệu ở phiên bản lược đồ {current}, mới hơn phiên bản máy chủ này biết; "
                "hãy cập nhật toso-server."
            )
        command.upgrade(alembic_config(connection=conn), "head")


def _has_server_tables(conn: Connection) -> bool:
    return bool(set(inspect(conn).get_table_names()) & set(metadata.tables))


def _skip_indexes(_object: Any, _name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    return type_ != "index"


def _check_pre_alembic_schema(conn: Connection) -> None:
    """Raise SchemaMismatch unless the tables create_all made before Alembic are all there, column for column."""
    # Indexes are left out: later revisions add some (created IF NOT EXISTS) that a pre-Alembic database lacks.
    # When a later revision changes tables or columns, compare with a frozen copy of revision 0001 instead.
    context = MigrationContext.configure(conn, opts={"include_object": _skip_indexes, "compare_type": True})
    differences = compare_metadata(context, metadata)
    if differences:
        raise SchemaMismatch(
            "Cơ sở dữ liệu đã có bảng nhưng không khớp với lược đồ của máy chủ "
            f"({len(differences)} chỗ khác, vd. {differences[0]!r}); hãy dùng một cơ sở dữ liệu trống."
        )
