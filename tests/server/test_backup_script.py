"""packaging/server/toso-server-backup, run for real: back up a server with data, wipe it, restore, compare."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from sync.ids import new_id
from sync.server import service
from sync.server.db import metadata
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, enrolled, village

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "server" / "toso-server-backup"
COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
OTHER = "05977"  # phường Đông Kinh


def run_script(*args: str, env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess[str]:
    """The real script with this environment and no env file; asserts its exit status."""
    result = subprocess.run(
        ["bash", str(SCRIPT), *args],
        env={**os.environ, "TOSO_ENV_FILE": "/nonexistent", "TOSO_PYTHON": sys.executable, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode == 0) == ok, result.stderr
    return result


def fill(server: ProvinceServer) -> None:
    """Two communes' worth of real pushes: villages, people with Vietnamese names, an edit and a delete."""
    for commune in (COMMUNE, OTHER):
        api: Api = enrolled(server, commune)
        villages = [new_id() for _ in range(30)]
        api.push(
            *(
                api.change("villages", vid, village(f"Thôn Nà Phái {n}", 100 + n), op="insert")
                for n, vid in enumerate(villages)
            )
        )
        api.push(
            *(api.change("people", new_id(), {"full_name": f"Nguyễn Thị Ánh {n}"}, op="insert") for n in range(40))
        )
        api.push(api.change("villages", villages[0], {"households": 999}))
        api.push(api.change("villages", villages[1], {"deleted": 1}, op="delete"))


def state(engine: Engine) -> dict[str, Any]:
    """Every table's row count and each commune's per-type counts and digests, as /v1/summary gives them."""
    with engine.connect() as conn:
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables
        }
        summaries = {code: service.summary(conn, code) for code in (COMMUNE, OTHER)}
    return {"tables": counts, "summaries": summaries}


def test_sqlite_backup_wipe_restore_gives_back_everything(province_server: ProvinceServer, tmp_path: Path) -> None:
    from sync.server.db import make_engine

    fill(province_server)
    env = {"TOSO_SERVER_DATA_DIR": str(province_server.data_dir), "TOSO_DATABASE_URL": "", "TOSO_BACKUP_KEEP": "2"}
    engine = make_engine(province_server.database_url)
    before = state(engine)
    engine.dispose()
    assert before["tables"]["records"] == 2 * 70

    # Backed up while the server still serves: the backup API copies a consistent snapshot of the WAL database.
    backups = tmp_path / "sao-luu"
    made = Path(run_script("backup", str(backups), env=env).stdout.strip())
    assert made.parent == backups and made.suffix == ".sqlite3" and made.stat().st_size > 0
    run_script("verify", str(made), env=env)

    province_server.stop()
    database = Path(province_server.database_url.removeprefix("sqlite:///"))
    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)

    run_script("restore", str(made), env=env)
    province_server.start()
    engine = make_engine(province_server.database_url)
    try:
        assert state(engine) == before
    finally:
        engine.dispose()
    # The restored server answers the laptops as before: a pull sees every record.
    assert len(enrolled(province_server, COMMUNE, "Máy mới").pull_all()) == 70


def test_only_the_newest_backups_are_kept_and_a_damaged_one_is_refused(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    fill(province_server)
    env = {"TOSO_SERVER_DATA_DIR": str(province_server.data_dir), "TOSO_DATABASE_URL": "", "TOSO_BACKUP_KEEP": "2"}
    backups = tmp_path / "sao-luu"
    made = []
    for stamp in ("20260101-000000", "20260102-000000"):  # older backups already in the folder
        old = backups / f"toso-server-{stamp}.sqlite3"
        old.parent.mkdir(exist_ok=True)
        old.write_bytes(b"old")
        made.append(old)
    newest = Path(run_script("backup", str(backups), env=env).stdout.strip())
    kept = sorted(p.name for p in backups.iterdir())
    assert kept == sorted([made[1].name, newest.name])

    damaged = tmp_path / "hong.sqlite3"
    damaged.write_bytes(newest.read_bytes()[:4096])
    province_server.stop()
    result = run_script("restore", str(damaged), env=env, ok=False)
    assert "lỗi" in result.stderr
    # The refused restore left the server's database untouched.
    province_server.start()
    assert len(enrolled(province_server, COMMUNE, "Máy mới").pull_all()) == 70


@pytest.mark.parametrize("url", ["mysql://x/y"])
def test_an_unknown_database_url_is_refused_plainly(url: str, tmp_path: Path) -> None:
    result = run_script("backup", str(tmp_path), env={"TOSO_DATABASE_URL": url}, ok=False)
    assert "không nhận ra địa chỉ cơ sở dữ liệu" in result.stderr


def test_postgresql_backup_wipe_restore_gives_back_everything(
    province_server_pg: ProvinceServer, tmp_path: Path
) -> None:
    from sqlalchemy import text

    from sync.server.db import make_engine

    server = province_server_pg
    fill(server)
    env = {"TOSO_DATABASE_URL": server.database_url, "TOSO_SERVER_DATA_DIR": str(server.data_dir)}
    engine = make_engine(server.database_url)
    before = state(engine)
    assert before["tables"]["records"] == 2 * 70
    made = Path(run_script("backup", str(tmp_path / "sao-luu"), env=env).stdout.strip())
    assert made.suffix == ".dump"

    server.stop()
    with engine.begin() as conn:  # the wipe: every table gone
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()

    run_script("restore", str(made), env=env)
    server.start()
    engine = make_engine(server.database_url)
    try:
        assert state(engine) == before
    finally:
        engine.dispose()
    assert len(enrolled(server, COMMUNE, "Máy mới").pull_all()) == 70
