"""Automatic repair (contract point 9): a laptop whose copy differs from the server's mends itself on the next sync."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Connection, delete, func, select

from desktop.cli import main
from desktop.store import Store, sync_engine, sync_repair
from sync.ids import new_id
from sync.server.db import change_log, make_engine, records

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

pytestmark = pytest.mark.both_backends
COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn


def enroll(server: ProvinceServer, folder: Path) -> None:
    assert main(["enroll", "--server", server.url, "--code", server.enroll(COMMUNE), "--data-dir", str(folder)]) == 0


@pytest.fixture
def laptop(province_server: ProvinceServer, tmp_path: Path) -> Path:
    folder = tmp_path / "may-a"
    enroll(province_server, folder)
    return folder


@pytest.fixture
def synced(laptop: Path) -> dict[str, str]:
    """A village, a person and a team made on the laptop and accepted by the server."""
    with Store.open(laptop, automatic_backup=False) as store:
        village = store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 120})
        person = store.insert("people", {"full_name": "Lường Văn Đức", "phone": "0912345678"})
        team = store.insert("teams", {"name": "Tổ công nghệ số thôn Nà Phái", "village_id": village["id"]})
        assert sync_engine.sync(store, laptop).mismatched == ()
    return {"village": village["id"], "person": person["id"], "team": team["id"]}


@contextmanager
def server_database(server: ProvinceServer) -> Iterator[Connection]:
    """A write transaction on the province server's database, beside the running server."""
    engine = make_engine(server.database_url)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def behind_the_store(folder: Path, sql: str, params: list[Any]) -> None:
    """Change the laptop's file without the change log, as a restored old copy or a disk fault would."""
    with Store.open(folder, automatic_backup=False) as store:
        store.db.execute(sql, params)
        store.db.conn.commit()


def test_a_field_changed_behind_the_store_is_repaired_and_not_reported(
    laptop: Path, synced: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    behind_the_store(laptop, "UPDATE villages SET households = 999 WHERE id = ?", [synced["village"]])
    with Store.open(laptop, automatic_backup=False) as store:
        cursor = store.get_meta(sync_engine.CURSOR)
        summary = sync_engine.sync(store, laptop)
        assert (summary.mismatched, summary.repaired, summary.requeued) == ((), ("villages",), 0)
        assert store.require("villages", synced["village"])["households"] == 120
        assert store.get_meta(sync_engine.CURSOR) == cursor  # the re-pull leaves the main cursor alone
        assert store.pending_changes() == 0
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 0  # nothing left to repair: one plain line
    captured = capsys.readouterr()
    assert "tự sửa" not in captured.out and captured.err == ""


def test_a_row_deleted_behind_the_store_comes_back_on_the_next_sync(
    laptop: Path, synced: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    behind_the_store(laptop, "DELETE FROM people WHERE id = ?", [synced["person"]])
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 0
    captured = capsys.readouterr()
    assert "Đã tự sửa dữ liệu chưa khớp ở: thành viên." in captured.out
    assert captured.err == ""
    with Store.open(laptop, automatic_backup=False) as store:
        person = store.require("people", synced["person"])
        assert (person["full_name"], person["phone"]) == ("Lường Văn Đức", "0912345678")
        assert [hit.record_id for hit in store.search("luong van duc")] == [synced["person"]]


def test_a_repull_keeps_a_field_with_a_pending_local_edit(
    laptop: Path, synced: dict[str, str], province_server: ProvinceServer
) -> None:
    behind_the_store(laptop, "UPDATE villages SET households = 999, notes = 'hỏng' WHERE id = ?", [synced["village"]])
    with Store.open(laptop, automatic_backup=False) as store, sync_engine.client_for(store, laptop) as client:
        store.update("villages", synced["village"], {"notes": "gần chợ"})  # not pushed yet
        cursor = store.get_meta(sync_engine.CURSOR)
        held = sync_repair.repull(store, client, "villages")
        village = store.require("villages", synced["village"])
        assert held == {synced["village"]}
        assert (village["households"], village["notes"]) == (120, "gần chợ")  # repaired; the local edit wins
        assert store.get_meta(sync_engine.CURSOR) == cursor
        assert store.pending_changes() == 1


def test_records_the_server_lost_are_sent_to_it_again(
    laptop: Path, synced: dict[str, str], province_server: ProvinceServer, tmp_path: Path
) -> None:
    # As if the server had been restored from a backup taken before this village and team reached it.
    with server_database(province_server) as conn:
        conn.execute(delete(records).where(records.c.record_id.in_([synced["village"], synced["team"]])))
        conn.execute(delete(change_log).where(change_log.c.record_id.in_([synced["village"], synced["team"]])))
    with Store.open(laptop, automatic_backup=False) as store:
        summary = sync_engine.sync(store, laptop)
        assert summary.mismatched == ()
        assert set(summary.repaired) == {"villages", "teams"} and summary.requeued == 2
        assert summary.applied == 2 and store.pending_changes() == 0
    held = province_server.query("SELECT record_id, fields FROM records WHERE record_type = 'villages'")
    assert [(record_id, json.loads(fields)["households"]) for record_id, fields in held] == [(synced["village"], 120)]
    second = tmp_path / "may-b"
    enroll(province_server, second)  # a laptop enrolled afterwards gets them from the server
    with Store.open(second, automatic_backup=False) as store:
        assert store.require("teams", synced["team"])["village_id"] == synced["village"]


def test_what_a_repair_cannot_mend_is_reported(
    laptop: Path, synced: dict[str, str], province_server: ProvinceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # The server holds a village this laptop cannot store (an id that is not a UUID): no re-pull brings it over.
    with server_database(province_server) as conn:
        seq = int(conn.execute(select(func.max(change_log.c.seq))).scalar_one()) + 1
        fields = {"name": "Bản Lạ", "kind": "ban"}
        conn.execute(
            records.insert().values(
                commune_code=COMMUNE,
                record_type="villages",
                record_id="khong-phai-uuid",
                fields=json.dumps(fields),
                versions=json.dumps({"name": seq, "kind": seq}),
                deleted=0,
                seq=seq,
            )
        )
    behind_the_store(laptop, "UPDATE people SET phone = '0987654321' WHERE id = ?", [synced["person"]])
    with Store.open(laptop, automatic_backup=False) as store:
        summary = sync_engine.sync(store, laptop)
        assert (summary.mismatched, summary.repaired, summary.requeued) == (("villages",), ("people",), 0)
        assert store.require("people", synced["person"])["phone"] == "0912345678"
        assert store.pending_changes() == 0  # nothing was queued to "fix" the server
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(laptop)]) == 0  # a warning, not a failure: the exit code stays 0
    err = capsys.readouterr().err
    assert "vẫn chưa khớp với máy chủ tỉnh sau khi tự sửa, ở: thôn, tổ dân phố" in err

    with Store.open(laptop, automatic_backup=False) as store:
        steps: list[tuple[str, int, int]] = []
        summary = sync_engine.sync(store, laptop, progress=lambda *step: steps.append(step))
        # Nothing changed on either side since the failed repair: reported again without re-pulling the type.
        assert (summary.mismatched, summary.repaired) == (("villages",), ())
        assert [step for step in steps if step[0] == "repair"] == []
        with server_database(province_server) as conn:
            conn.execute(delete(records).where(records.c.record_id == "khong-phai-uuid"))  # the province cleans up
        summary = sync_engine.sync(store, laptop)
        assert summary.mismatched == ()
        assert store.get_meta(sync_repair.GAVE_UP) is None


def test_a_record_made_on_the_laptop_but_not_yet_sent_is_not_taken_for_one_the_server_lost(
    laptop: Path, synced: dict[str, str]
) -> None:
    with Store.open(laptop, automatic_backup=False) as store:
        fresh = store.insert("villages", {"id": new_id(), "name": "Khòn Pát", "kind": "ban"})
        held = {synced["village"]}
        assert sync_repair.requeue_missing(store, "villages", held) == 0
        assert store.history("villages", fresh["id"])[-1]["op"] == "insert"
        assert store.pending_changes() == 1
