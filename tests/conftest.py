"""Fixtures for the whole suite: a real province server on a loopback port, over SQLite or PostgreSQL.

The sync server's HTTP tests and the sync round-trip and fault tests run twice, once per backend: their
`province_server` is parametrised with `server_backend` = "sqlite" / "postgresql" (BOTH_BACKENDS below; another
module opts in with `pytestmark = pytest.mark.both_backends`). Elsewhere it is SQLite only.
PostgreSQL is the cluster named by TOSO_TEST_POSTGRES_URL (e.g.
postgresql+psycopg://postgres@/postgres?host=/tmp/toso-pg&port=5433); each test gets a database of its own.
Without the variable those tests are skipped, unless TOSO_REQUIRE_POSTGRES=1 (CI), which makes them fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer
    from tests.server.postgres import PostgresCluster

# Tests never touch the developer's own OS keyring: keyring sees none unless a test sets a backend of its own
# (keyring.set_keyring); subprocesses inherit this too.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

POSTGRES_URL_VARIABLE = "TOSO_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_VARIABLE = "TOSO_REQUIRE_POSTGRES"
BACKENDS = ("sqlite", "postgresql")

# Test modules whose province_server runs on both backends (paths relative to tests/).
BOTH_BACKENDS = {
    "server/test_server_sync.py",
    "server/test_server_http.py",
    "server/test_conflicts_endpoint.py",
    "integration/test_sync_roundtrip.py",
    "integration/test_sync_faults.py",
}
# Tests about the SQLite file itself: nothing to check on PostgreSQL.
SQLITE_ONLY = {"test_the_database_keeps_only_hashes_of_codes_and_tokens"}
TESTS = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    """Declare this suite's own marker."""
    config.addinivalue_line("markers", "both_backends: run the module's province_server on SQLite and PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the chosen modules' server tests once per backend."""
    if "server_backend" not in metafunc.fixturenames or "province_server" not in metafunc.fixturenames:
        return
    module = Path(str(metafunc.definition.path)).resolve().relative_to(TESTS).as_posix()
    chosen = module in BOTH_BACKENDS or metafunc.definition.get_closest_marker("both_backends") is not None
    if not chosen or metafunc.definition.originalname in SQLITE_ONLY:
        return
    metafunc.parametrize("server_backend", BACKENDS, indirect=True)


@pytest.fixture
def server_backend(request: pytest.FixtureRequest) -> str:
    """The database behind this test's province server: "sqlite" (unless parametrised) or "postgresql"."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """The PostgreSQL cluster of TOSO_TEST_POSTGRES_URL; skips (or fails, under TOSO_REQUIRE_POSTGRES=1) without it."""
    url = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    required = os.environ.get(REQUIRE_POSTGRES_VARIABLE, "") == "1"
    if not url:
        reason = (
            f"PostgreSQL tests need {POSTGRES_URL_VARIABLE} "
            "(e.g. postgresql+psycopg://postgres@/postgres?host=/tmp/toso-pg&port=5433; "
            "`bash packaging/dev.sh test` starts a cluster and sets it)"
        )
        if required:
            pytest.fail(f"{REQUIRE_POSTGRES_VARIABLE}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from tests.server.postgres import PostgresCluster

    cluster = PostgresCluster(url)
    try:
        cluster.prepare()
        yield cluster
    finally:
        cluster.close()


@pytest.fixture
def postgres_database_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh PostgreSQL database already at the newest schema, dropped after the test."""
    name = f"toso_test_{uuid.uuid4().hex[:12]}"
    url = postgres_cluster.create_database(name)
    try:
        yield url
    finally:
        postgres_cluster.drop_database(name)


@pytest.fixture
def server_database_url(server_backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh server database without data, of the test's backend: an SQLite file URL or a PostgreSQL one."""
    if server_backend == "postgresql":
        return str(request.getfixturevalue("postgres_database_url"))
    from sync.server.db import default_database_url

    folder = tmp_path / "may-chu"
    folder.mkdir(parents=True, exist_ok=True)
    return default_database_url(folder)


def _running_server(data_dir: Path, database_url: str) -> Iterator[ProvinceServer]:
    # Imported here: the server extra (fastapi, uvicorn, sqlalchemy) is needed only by tests that use it.
    from tests.server.harness import ProvinceServer

    server = ProvinceServer(data_dir, database_url=database_url)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def province_server(tmp_path: Path, server_database_url: str) -> Iterator[ProvinceServer]:
    """A running province server over a fresh database (SQLite unless parametrised): .url, .data_dir, .database_url,
    .backend, .enroll(code), .revoke(device_id), .query(sql), .stop()/.start() to restart it on the same URL."""
    yield from _running_server(tmp_path / "may-chu", server_database_url)


@pytest.fixture
def province_server_pg(tmp_path: Path, postgres_database_url: str) -> Iterator[ProvinceServer]:
    """A running province server over a fresh PostgreSQL database (skipped without one, see the module docstring)."""
    yield from _running_server(tmp_path / "may-chu-pg", postgres_database_url)
