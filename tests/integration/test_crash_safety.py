"""A process killed in the middle of a big write leaves a sound database: all of the transaction or none.

A child Python process opens the store on a real file and writes 10,000 support sessions in one
transaction; the parent kills it with SIGKILL (no cleanup, no atexit, no rollback by Python) either
halfway through or right after the commit, then checks the file.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from desktop import paths
from desktop.store import Store

pytestmark = pytest.mark.slow

SESSIONS = 10_000
HALFWAY = 5_000
TODAY = date(2026, 3, 1)
REPO_ROOT = Path(__file__).resolve().parents[2]

CHILD = f"""
import sys, time
from datetime import date
from desktop.store import Store

folder, team_id, label = sys.argv[1:4]
store = Store.open(folder, automatic_backup=False)
store.today = lambda: date({TODAY.year}, {TODAY.month}, {TODAY.day})
with store.transaction():
    for n in range(1, {SESSIONS} + 1):
        store.insert("sessions", {{"team_id": team_id, "date": "2026-02-20", "place": f"{{label}} {{n}}",
                                   "citizens_total": 3, "category_counts": {{"1": 2, "3": 1}}}})
        if n == {HALFWAY}:
            print("halfway", flush=True)
print("committed", flush=True)
time.sleep(600)
"""


class Child:
    """The writing process, with its stdout read line by line in the background."""

    def __init__(self, folder: Path, team_id: str, label: str) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder), team_id, label],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put("<eof>")

    def wait_for(self, wanted: str, timeout: float = 60) -> None:
        """Block until the child prints `wanted`; fail with its stderr if it dies first."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                self.kill()
                pytest.fail(f"the child did not print {wanted!r} within {timeout} s")
            if line == wanted:
                return
            if line == "<eof>":
                self.process.wait()
                assert self.process.stderr is not None
                pytest.fail(f"the child ended before printing {wanted!r}:\n{self.process.stderr.read()}")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to roll back, close or flush anything."""
        self.process.kill()
        self.process.wait(timeout=30)
        assert self.process.returncode == -9 or sys.platform == "win32"
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def file_state(db_file: Path) -> dict[str, object]:
    """What a fresh connection finds in the file after the crash (WAL recovery happens here)."""
    connection = sqlite3.connect(db_file)
    try:

        def ids(sql: str) -> set[str]:
            return {row[0] for row in connection.execute(sql)}

        return {
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
            "foreign_keys": connection.execute("PRAGMA foreign_key_check").fetchall(),
            "sessions": ids("SELECT id FROM sessions"),
            "logged": ids("SELECT record_id FROM changes WHERE record_type = 'sessions' AND op = 'insert'"),
            "indexed": ids("SELECT record_id FROM search_rows WHERE record_type = 'sessions'"),
            "log_rows": connection.execute("SELECT count(*) FROM changes WHERE record_type = 'sessions'").fetchone()[0],
        }
    finally:
        connection.close()


@pytest.fixture
def prepared(tmp_path: Path) -> tuple[Path, str]:
    """A data folder with the commune, a village and its team, made by this (the parent) process."""
    folder = tmp_path / "du-lieu"
    with Store.open(folder, automatic_backup=False) as store:
        store.today = lambda: TODAY
        store.set_commune("06040")
        village = store.insert("villages", {"name": "Nà Phái"})
        team = store.insert("teams", {"name": "Tổ công nghệ số thôn Nà Phái", "village_id": village["id"]})
    return folder, team["id"]


def test_a_transaction_killed_halfway_leaves_all_or_nothing_then_a_committed_one_survives(
    prepared: tuple[Path, str],
) -> None:
    folder, team_id = prepared
    db_file = paths.database_path(folder)

    # 1. Killed in the middle of the transaction, after 5,000 of the 10,000 inserts.
    child = Child(folder, team_id, "Lần một")
    child.wait_for("halfway")
    child.kill()

    after_crash = file_state(db_file)
    assert after_crash["integrity"] == "ok"
    assert after_crash["foreign_keys"] == []
    assert len(after_crash["sessions"]) in (0, SESSIONS)  # type: ignore[arg-type]
    assert after_crash["logged"] == after_crash["sessions"] == after_crash["indexed"]
    assert after_crash["log_rows"] == len(after_crash["sessions"])  # type: ignore[arg-type]
    survivors = len(after_crash["sessions"])  # type: ignore[arg-type]

    # 2. The same writer, allowed to commit, then killed at once: the commit is durable.
    child = Child(folder, team_id, "Lần hai")
    child.wait_for("committed")
    child.kill()

    after_commit = file_state(db_file)
    assert after_commit["integrity"] == "ok"
    assert len(after_commit["sessions"]) == survivors + SESSIONS  # type: ignore[arg-type]
    assert after_commit["logged"] == after_commit["sessions"] == after_commit["indexed"]
    assert after_commit["log_rows"] == survivors + SESSIONS

    # 3. The store opens on the recovered file and goes on working.
    with Store.open(folder, automatic_backup=False) as store:
        store.today = lambda: TODAY
        assert store.count("sessions", "place LIKE 'Lần hai %'") == SESSIONS
        assert [hit.record_type for hit in store.search("lan hai 9999")] == ["sessions"]
        store.insert("sessions", {"team_id": team_id, "date": "2026-02-28", "place": "Sau sự cố"})
        assert store.count("sessions") == survivors + SESSIONS + 1
