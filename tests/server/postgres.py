"""Throwaway PostgreSQL databases for tests: one migrated template per session, one copy per test."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from sync.server.db import create_schema, make_engine


class PostgresCluster:
    """A cluster reached through an administrator's URL; makes and drops the tests' databases."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.template = f"toso_template_{uuid.uuid4().hex[:12]}"
        self._admin: Engine | None = None

    def url_of(self, database: str) -> str:
        """The admin URL pointed at another database of the cluster."""
        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def prepare(self) -> None:
        """Connect and make the session's template database, migrated to the newest schema."""
        # CREATE/DROP DATABASE cannot run inside a transaction.
        self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            self._execute(f'CREATE DATABASE "{self.template}"')
        except OperationalError as error:
            raise RuntimeError(f"PostgreSQL at {self.admin_url} is not reachable: {error}") from error
        # Migrating once and copying the result makes a fresh database per test cost a file copy, not a migration.
        engine = make_engine(self.url_of(self.template))
        try:
            create_schema(engine)
        finally:
            engine.dispose()

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database copied from the session's migrated template (or another, e.g. the empty template0)."""
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template or self.template}"')
        return self.url_of(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections are still open on it."""
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        """Drop the template and let go of the cluster."""
        if self._admin is not None:
            self.drop_database(self.template)
            self._admin.dispose()
            self._admin = None

    def _execute(self, sql: str) -> None:
        assert self._admin is not None, "prepare() first"
        with self._admin.connect() as conn:
            conn.execute(text(sql))
