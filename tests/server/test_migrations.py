"""The server schema is made by the Alembic revisions, on SQLite and PostgreSQL, and a pre-Alembic one is taken over."""

from __future__ import annotations

import threading
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from setuptools import find_packages
from sqlalchemy import Engine, MetaData, inspect, select, text

from sync.server.db import create_schema, default_database_url, make_engine, metadata, settings
from sync.server.migrations import (
    FIRST_REVISION,
    LOCATION,
    SchemaMismatch,
    alembic_config,
    current_revision,
    head_revision,
)

REPO = Path(__file__).resolve().parents[2]
BACKENDS = ("sqlite", "postgresql")
PULL_INDEX = "ix_records_commune_seq"  # added by revision 0002, after the tables create_all used to make


@pytest.fixture
def engine(server_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on an empty database (no tables at all) of the test's backend."""
    if server_backend == "sqlite":
        made = make_engine(default_database_url(tmp_path))
        yield made
        made.dispose()
        return
    cluster = request.getfixturevalue("postgres_cluster")
    name = f"toso_empty_{uuid.uuid4().hex[:12]}"
    made = make_engine(cluster.create_database(name, template="template0"))
    try:
        yield made
    finally:
        made.dispose()
        cluster.drop_database(name)


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision(conn)


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_an_empty_database_is_migrated_to_exactly_the_metadata(engine: Engine) -> None:
    assert _tables(engine) == set()
    create_schema(engine)
    assert _revision(engine) == head_revision()
    assert _tables(engine) == set(metadata.tables) | {"alembic_version"}
    assert _differences(engine) == []
    create_schema(engine)  # at head already: nothing to do, nothing fails
    assert _revision(engine) == head_revision()


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_every_revision_goes_down_and_up_again(engine: Engine) -> None:
    create_schema(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), "base")
    assert _tables(engine) == {"alembic_version"}
    assert _revision(engine) is None
    create_schema(engine)
    assert _differences(engine) == []


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_a_database_made_by_create_all_before_alembic_is_stamped_and_upgraded(engine: Engine) -> None:
    before_alembic = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(before_alembic)
    records = before_alembic.tables["records"]
    records.indexes = {index for index in records.indexes if index.name != PULL_INDEX}
    before_alembic.create_all(engine)
    with engine.begin() as conn:
        conn.execute(settings.insert().values(key="province_code", value="20"))

    create_schema(engine)

    assert _revision(engine) == head_revision()
    assert _differences(engine) == []  # the later revisions ran: the pull index is there
    with engine.connect() as conn:
        assert conn.execute(select(settings.c.value)).scalars().all() == ["20"]  # the data stayed


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_tables_that_do_not_match_are_refused_and_left_alone(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE devices (id VARCHAR(36) PRIMARY KEY, colour TEXT)"))
    with pytest.raises(SchemaMismatch, match="không khớp với lược đồ của máy chủ"):
        create_schema(engine)
    assert _tables(engine) == {"devices"}
    assert _revision(engine) is None


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_a_database_of_a_newer_server_is_refused(engine: Engine) -> None:
    create_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaMismatch, match="hãy cập nhật toso-server"):
        create_schema(engine)


@pytest.mark.parametrize("server_backend", BACKENDS, indirect=True)
def test_servers_starting_together_on_an_empty_database_migrate_it_once(engine: Engine) -> None:
    engines = [make_engine(engine.url.render_as_string(hide_password=False)) for _ in range(4)]
    start = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def migrate(own: Engine) -> None:
        try:
            start.wait(timeout=30)
            create_schema(own)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=migrate, args=(own,)) for own in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for own in engines:
        own.dispose()
    assert errors == []
    assert _revision(engine) == head_revision()
    assert _differences(engine) == []


def test_the_first_revision_is_the_base_and_the_revisions_ship_in_the_package() -> None:
    with make_engine("sqlite://").connect() as conn:
        assert current_revision(conn) is None
    revisions = sorted(path.name for path in (LOCATION / "versions").glob("0*.py"))
    assert revisions[0].startswith(FIRST_REVISION)
    # setuptools finds only packages (folders with __init__.py): the revisions must be one to be installed.
    found = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]["find"]
    packages = find_packages(str(REPO), include=found["include"])
    assert {"sync.server.migrations", "sync.server.migrations.versions"} <= set(packages)
