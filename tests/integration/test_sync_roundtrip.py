"""Laptops syncing with a real province server on loopback: enroll, push, pull, merge, deletes, failures."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop.cli import main
from desktop.store import Store, sync_engine
from desktop.store.sync_engine import read_token
from sync.client import UNAUTHORISED
from sync.records import RECORD_TYPES

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn
OTHER_COMMUNE = "05977"  # phường Đông Kinh, same province
LOCAL_ONLY = ("created_at", "updated_at")  # stamped by each laptop when it writes


def enroll(server: ProvinceServer, folder: Path, commune: str = COMMUNE) -> int:
    return main(["enroll", "--server", server.url, "--code", server.enroll(commune), "--data-dir", str(folder)])


def sync(folder: Path) -> int:
    return main(["sync", "--data-dir", str(folder)])


def snapshot(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record of every type, tombstones included, without the columns only this laptop sets."""
    with Store.open(folder, automatic_backup=False) as store:
        return {
            name: [
                {k: v for k, v in row.items() if k not in LOCAL_ONLY}
                for row in store.rows(name, include_deleted=True, order_by="id")
            ]
            for name in RECORD_TYPES
        }


def counts(folder: Path) -> dict[str, int]:
    with Store.open(folder, automatic_backup=False) as store:
        return {name: store.count(name, include_deleted=True) for name in RECORD_TYPES}


def sync_states(folder: Path) -> dict[str, int]:
    with Store.open(folder, automatic_backup=False) as store:
        return dict(store.db.execute("SELECT sync_state, count(*) FROM changes GROUP BY sync_state").fetchall())


def fill(folder: Path) -> dict[str, str]:
    """A small commune's records, made offline on one laptop."""
    with Store.open(folder, automatic_backup=False) as store:
        village = store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 120})
        team = store.insert(
            "teams", {"name": "Tổ công nghệ số thôn Nà Phái", "village_id": village["id"], "founded_on": "2025-08-01"}
        )
        person = store.insert("people", {"full_name": "Lường Văn Đức", "phone": "0912345678"})
        store.insert("memberships", {"person_id": person["id"], "team_id": team["id"], "role": "to_truong"})
        session = store.insert(
            "sessions", {"team_id": team["id"], "date": "2026-03-02", "place": "Nhà văn hoá", "citizens_total": 12}
        )
        store.update("villages", village["id"], {"notes": "gần chợ"})
        store.update("villages", village["id"], {"notes": "gần chợ phiên"})  # the same field twice, offline
    return {"village": village["id"], "team": team["id"], "person": person["id"], "session": session["id"]}


@pytest.fixture
def laptop_a(province_server: ProvinceServer, tmp_path: Path) -> Path:
    folder = tmp_path / "may-a"
    assert enroll(province_server, folder) == 0
    return folder


@pytest.fixture
def laptop_b(province_server: ProvinceServer, tmp_path: Path, laptop_a: Path) -> Path:
    folder = tmp_path / "may-b"
    assert enroll(province_server, folder) == 0
    return folder


def test_enrolling_a_fresh_laptop_sets_its_commune_and_keeps_the_token_private(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "may-moi"
    assert enroll(province_server, folder) == 0
    out = capsys.readouterr().out
    assert "Đã đăng ký máy với máy chủ tỉnh cho xã Thất Khê (06040); đã nhận 0 bản ghi." in out
    with Store.open(folder, automatic_backup=False) as store:
        assert store.commune is not None and store.commune.code == COMMUNE
        assert store.count("categories") > 0  # the server had none, so the defaults were made
    token = read_token(folder)
    assert token and len(token) >= 22
    assert stat.S_IMODE(os.stat(folder / "device-token").st_mode) == 0o600


def test_a_laptop_of_another_commune_is_refused_and_keeps_its_data(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "may-khac"
    with Store.open(folder, automatic_backup=False) as store:
        store.set_commune(OTHER_COMMUNE)
        store.insert("villages", {"name": "Khối 1", "kind": "khu_pho"})
    before = snapshot(folder)
    assert enroll(province_server, folder, COMMUNE) == 1
    err = capsys.readouterr().err.strip()
    assert err == "toso: Máy này đang quản lý phường Đông Kinh (05977); mã đăng ký thuộc xã Thất Khê (06040)."
    assert snapshot(folder) == before
    assert read_token(folder) is None


def test_records_made_offline_reach_a_second_laptop(
    laptop_a: Path, laptop_b: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(laptop_a)
    capsys.readouterr()
    assert sync(laptop_a) == 0
    assert capsys.readouterr().out.startswith("Đã gửi ")
    assert sync_states(laptop_a).get("pending", 0) == 0
    assert sync_states(laptop_a).get("rejected", 0) == 0
    assert sync(laptop_b) == 0
    assert capsys.readouterr().err == ""  # counts match the server's; clocks agree
    assert snapshot(laptop_b) == snapshot(laptop_a)
    assert snapshot(laptop_b)["sessions"][0]["citizens_total"] == 12


def test_edits_of_different_fields_on_two_laptops_both_survive(laptop_a: Path, laptop_b: Path) -> None:
    ids = fill(laptop_a)
    assert sync(laptop_a) == 0 and sync(laptop_b) == 0
    with Store.open(laptop_a, automatic_backup=False) as store:
        store.update("people", ids["person"], {"phone": "0987654321"})
    with Store.open(laptop_b, automatic_backup=False) as store:
        store.update("people", ids["person"], {"email": "duc@example.vn"})
    assert sync(laptop_a) == 0 and sync(laptop_b) == 0 and sync(laptop_a) == 0
    for folder in (laptop_a, laptop_b):
        with Store.open(folder, automatic_backup=False) as store:
            person = store.require("people", ids["person"])
            assert (person["phone"], person["email"]) == ("0987654321", "duc@example.vn")
    assert snapshot(laptop_a) == snapshot(laptop_b)


def test_the_same_field_edited_on_both_ends_with_the_later_arrival(
    province_server: ProvinceServer, laptop_a: Path, laptop_b: Path
) -> None:
    ids = fill(laptop_a)
    assert sync(laptop_a) == 0 and sync(laptop_b) == 0
    conflicts = _conflicts(province_server)
    with Store.open(laptop_a, automatic_backup=False) as store:
        store.update("villages", ids["village"], {"households": 130})
    with Store.open(laptop_b, automatic_backup=False) as store:
        store.update("villages", ids["village"], {"households": 140})
    assert sync(laptop_b) == 0  # B arrives first
    assert sync(laptop_a) == 0  # A arrives later and wins
    assert sync(laptop_b) == 0
    for folder in (laptop_a, laptop_b):
        with Store.open(folder, automatic_backup=False) as store:
            assert store.require("villages", ids["village"])["households"] == 130
    assert _conflicts(province_server) == conflicts + 1


def _conflicts(server: ProvinceServer) -> int:
    from sync.server import service
    from sync.server.db import make_engine

    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return service.conflict_count(conn, COMMUNE)
    finally:
        engine.dispose()


def test_a_delete_reaches_the_other_laptop(laptop_a: Path, laptop_b: Path) -> None:
    ids = fill(laptop_a)
    assert sync(laptop_a) == 0 and sync(laptop_b) == 0
    with Store.open(laptop_b, automatic_backup=False) as store:
        store.delete("sessions", ids["session"])
    assert sync(laptop_b) == 0 and sync(laptop_a) == 0
    with Store.open(laptop_a, automatic_backup=False) as store:
        assert store.require("sessions", ids["session"])["deleted"] == 1
        assert store.count("sessions") == 0
    assert snapshot(laptop_a) == snapshot(laptop_b)


def test_with_the_server_down_sync_fails_in_one_line_and_changes_nothing(
    province_server: ProvinceServer, laptop_a: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(laptop_a)
    before, states = snapshot(laptop_a), sync_states(laptop_a)
    province_server.stop()
    capsys.readouterr()
    assert sync(laptop_a) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("toso: Không kết nối được với máy chủ tỉnh")
    assert snapshot(laptop_a) == before
    assert sync_states(laptop_a) == states


def test_a_restart_between_push_and_pull_converges_without_doubles(
    province_server: ProvinceServer, laptop_a: Path, laptop_b: Path
) -> None:
    fill(laptop_a)
    with Store.open(laptop_a, automatic_backup=False) as store:
        client = sync_engine.client_for(store, laptop_a)
        sync_engine.push(store, client)  # pushed; the pull never happens
        client.close()
    province_server.stop()
    province_server.start()
    assert sync(laptop_a) == 0 and sync(laptop_b) == 0 and sync(laptop_a) == 0
    assert counts(laptop_a) == counts(laptop_b)
    assert counts(laptop_a)["villages"] == 1
    assert snapshot(laptop_a) == snapshot(laptop_b)


def test_a_push_whose_reply_was_lost_is_sent_again_without_doubling(
    province_server: ProvinceServer, laptop_a: Path, laptop_b: Path
) -> None:
    ids = fill(laptop_a)
    assert sync(laptop_a) == 0
    with Store.open(laptop_a, automatic_backup=False) as store:
        # As if the server had committed but its reply never arrived.
        store.db.execute("UPDATE changes SET sync_state = 'pending' WHERE sync_state = 'synced'")
        store.db.conn.commit()
    conflicts = _conflicts(province_server)
    assert sync(laptop_a) == 0
    assert sync_states(laptop_a).get("pending", 0) == 0
    assert _conflicts(province_server) == conflicts
    assert sync(laptop_b) == 0
    assert counts(laptop_b) == counts(laptop_a)
    with Store.open(laptop_b, automatic_backup=False) as store:
        assert store.require("villages", ids["village"])["notes"] == "gần chợ phiên"
    with Store.open(laptop_a, automatic_backup=False) as store, sync_engine.client_for(store, laptop_a) as client:
        assert client.summary()["counts"] == sync_engine.local_counts(store)  # the server holds no doubles
        assert store.get_meta(sync_engine.CURSOR) != "0"


def test_a_sync_reports_matching_counts_and_no_clock_skew(laptop_a: Path) -> None:
    fill(laptop_a)
    with Store.open(laptop_a, automatic_backup=False) as store:
        steps: list[tuple[str, int, int]] = []
        summary = sync_engine.sync(store, laptop_a, progress=lambda *step: steps.append(step))
    assert summary.pushed == summary.applied > 0 and summary.rejected == 0
    assert summary.pulled == 0  # what this sync pushed is not sent back: the versions came with the push replies
    assert summary.mismatched == ()  # …and the laptop still holds exactly the server's state
    assert summary.skew_seconds is not None and abs(summary.skew_seconds) < 60 and not summary.clock_warning
    assert ("push", summary.pushed, summary.pushed) in steps


def test_a_revoked_laptop_is_told_to_enroll_again(
    province_server: ProvinceServer, laptop_a: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(laptop_a, automatic_backup=False) as store:
        device_id = store.get_meta(sync_engine.SERVER_DEVICE_ID)
    assert device_id
    province_server.revoke(device_id)
    capsys.readouterr()
    assert sync(laptop_a) == 1
    assert capsys.readouterr().err == f"toso: {UNAUTHORISED}\n"


def test_a_used_code_and_a_laptop_never_enrolled_fail_in_one_line(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = province_server.enroll(COMMUNE)
    args = ["enroll", "--server", province_server.url, "--code", code, "--data-dir"]
    assert main([*args, str(tmp_path / "may-1")]) == 0
    capsys.readouterr()
    assert main([*args, str(tmp_path / "may-2")]) == 1
    assert capsys.readouterr().err == "toso: Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.\n"
    assert read_token(tmp_path / "may-2") is None
    assert sync(tmp_path / "may-2") == 1
    assert "chưa được đăng ký" in capsys.readouterr().err


def test_a_record_that_differs_from_the_server_is_repaired(laptop_a: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = fill(laptop_a)
    assert sync(laptop_a) == 0
    with Store.open(laptop_a, automatic_backup=False) as store:
        # Changed behind the change log's back (a restored old backup would do the same): nothing to push.
        store.db.execute("UPDATE villages SET households = 999 WHERE id = ?", [ids["village"]])
        store.db.conn.commit()
    capsys.readouterr()
    assert sync(laptop_a) == 0
    assert "Đã tự sửa dữ liệu chưa khớp ở: thôn, tổ dân phố." in capsys.readouterr().out
    with Store.open(laptop_a, automatic_backup=False) as store:
        assert store.require("villages", ids["village"])["households"] == 120
        summary = sync_engine.sync(store, laptop_a)  # more cases in test_sync_repair.py
    assert (summary.pushed, summary.mismatched, summary.repaired) == (0, (), ())
