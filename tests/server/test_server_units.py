"""The systemd units in packaging/server: valid for systemd, and their command lines valid for toso-server."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from sync.server import cli

FOLDER = Path(__file__).resolve().parents[2] / "packaging" / "server"
UNITS = ("toso-server.service", "toso-server-backup.service", "toso-server-backup.timer")


def exec_start(unit: str) -> list[str]:
    """The unit's ExecStart as argv, continuation lines joined and ${VAR} left as one (empty) argument."""
    text = (FOLDER / unit).read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("ExecStart="))
    return [re.sub(r"\$\{\w+\}", "", word) for word in shlex.split(line.removeprefix("ExecStart="))]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    for unit in UNITS:
        text = (FOLDER / unit).read_text(encoding="utf-8")
        # The programs are installed by the README's steps, not on this machine: any executable stands in.
        text = text.replace("/opt/toso-server/venv/bin/toso-server", "/bin/true")
        text = text.replace("/usr/local/bin/toso-server-backup", "/bin/true")
        text = text.replace("EnvironmentFile=/etc/toso-server/env", "EnvironmentFile=-/etc/toso-server/env")
        (tmp_path / unit).write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / unit) for unit in UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [line for line in result.stderr.splitlines() if any(unit in line for unit in UNITS)]
    assert problems == [], result.stderr


def test_the_service_command_line_is_one_toso_server_accepts() -> None:
    argv = exec_start("toso-server.service")
    assert argv[0].endswith("/toso-server") and argv[1] == "serve"
    args = cli._parser().parse_args(argv[1:])
    assert (args.host, args.port, args.data_dir, args.workers) == ("127.0.0.1", 8470, "/var/lib/toso-server", 2)
    # An empty TOSO_DATABASE_URL reaches serve as "", which means the SQLite file in the data folder.
    assert args.database_url == ""


def test_the_backup_service_runs_the_backup_script() -> None:
    assert exec_start("toso-server-backup.service")[1:] == ["backup"]
    assert (FOLDER / "toso-server-backup").stat().st_mode & 0o111


def test_the_admin_commands_take_the_service_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # toso-admin sources /etc/toso-server/env: its variables must reach every verb as defaults.
    monkeypatch.setenv(cli.DATA_DIR_VARIABLE, str(tmp_path))
    monkeypatch.setenv(cli.DATABASE_URL_VARIABLE, "postgresql+psycopg://toso@127.0.0.1/toso")
    args = cli._parser().parse_args(["admin", "devices"])
    assert (args.data_dir, args.database_url) == (str(tmp_path), "postgresql+psycopg://toso@127.0.0.1/toso")
    monkeypatch.setenv(cli.DATABASE_URL_VARIABLE, "")  # empty, as in env.example for SQLite: the data folder's file
    args = cli._parser().parse_args(["admin", "devices", "--data-dir", str(tmp_path / "khac")])
    assert args.database_url is None and args.data_dir == str(tmp_path / "khac")
