"""Alembic's environment for the province server: runs on the connection handed over in the config.

sync.server.migrations.upgrade_to_head() passes its open connection as config.attributes["connection"], so the
migrations run inside the caller's transaction. A developer making a new revision uses the same config:

    from alembic import command
    from sync.server.migrations import alembic_config
    command.revision(alembic_config("sqlite:////tmp/scratch.sqlite3"), "what changes", autogenerate=True)
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from sync.server.db import make_engine, metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite alters tables by copying them ("batch" mode); PostgreSQL alters them in place.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate over the given connection, or over a new engine for the configured URL."""
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Tổ Số chỉ chạy migration trực tiếp trên cơ sở dữ liệu (không hỗ trợ chế độ offline).")
run_migrations_online()
