"""`toso-server admin set-categories`: the province's list written to every commune, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sync.records import category_id
from sync.server.cli import main
from sync.server.db import change_log, default_database_url, make_engine, records, settings

COMMUNES = ("06040", "05977")  # xã Thất Khê and phường Đông Kinh, Lạng Sơn
LIST = "Mã,Tên lĩnh vực,Tên tiếng Anh\n1,Định danh điện tử VNeID,VNeID\n2,Dịch vụ công trực tuyến,Online services\n"


def _admin(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    status = main(["admin", args[0], "--data-dir", str(data_dir), *args[1:]])
    out, err = capsys.readouterr()
    return status, out.strip(), err.strip()


def _server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data_dir = tmp_path / "may-chu"
    _admin(capsys, data_dir, "init", "--province", "20")
    _admin(capsys, data_dir, "add-commune", *COMMUNES)
    return data_dir


def _file(tmp_path: Path, text: str, name: str = "linh-vuc.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _categories(data_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(commune, record id) → fields and deleted flag of every stored category."""
    engine = make_engine(default_database_url(data_dir))
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(records).where(records.c.record_type == "categories")).all()
    finally:
        engine.dispose()
    return {(row.commune_code, row.record_id): {**json.loads(row.fields), "deleted": row.deleted} for row in rows}


def _scalar(data_dir: Path, query: Any) -> Any:
    engine = make_engine(default_database_url(data_dir))
    try:
        with engine.connect() as conn:
            return conn.execute(query).scalar_one_or_none()
    finally:
        engine.dispose()


def test_publishing_writes_every_commune_with_derived_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _server(tmp_path, capsys)
    status, out, _ = _admin(capsys, data_dir, "set-categories", str(_file(tmp_path, LIST)))
    assert (status, out) == (0, "Đã công bố 2 lĩnh vực cho 2 xã/phường (bản ghi: 4 mới, 0 sửa, 0 không đổi).")
    stored = _categories(data_dir)
    assert set(stored) == {(commune, category_id(commune, code)) for commune in COMMUNES for code in ("1", "2")}
    first = stored[("06040", category_id("06040", "1"))]
    assert (first["code"], first["name"], first["name_en"], first["sort_order"]) == (
        "1",
        "Định danh điện tử VNeID",
        "VNeID",
        1,
    )
    assert first["deleted"] == 0 and first["created_at"] and first["updated_at"]
    authors = _scalar(data_dir, select(func.group_concat(change_log.c.device_id.distinct())))
    assert authors == "province"  # the province's own pseudo-device, so the change log says who
    assert json.loads(_scalar(data_dir, select(settings.c.value).where(settings.c.key == "categories")))[1] == {
        "code": "2",
        "name": "Dịch vụ công trực tuyến",
        "name_en": "Online services",
        "sort_order": 2,
    }


def test_republishing_changes_only_what_differs_and_keeps_dropped_categories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _server(tmp_path, capsys)
    _admin(capsys, data_dir, "set-categories", str(_file(tmp_path, LIST)))
    seq_before = _scalar(data_dir, select(func.max(change_log.c.seq)))
    status, out, _ = _admin(capsys, data_dir, "set-categories", str(_file(tmp_path, LIST)))
    assert status == 0 and "0 mới, 0 sửa, 4 không đổi" in out
    assert _scalar(data_dir, select(func.max(change_log.c.seq))) == seq_before  # nothing for laptops to pull

    renamed = "Mã,Tên lĩnh vực\n1,Định danh điện tử (VNeID)\n3,Y tế số\n"
    status, out, _ = _admin(capsys, data_dir, "set-categories", str(_file(tmp_path, renamed, "moi.csv")))
    assert out.splitlines() == [
        "Đã công bố 2 lĩnh vực cho 2 xã/phường (bản ghi: 2 mới, 2 sửa, 0 không đổi).",
        "Không còn trong danh mục (vẫn giữ ở các xã vì có thể đã được dùng): 2.",
    ]
    stored = _categories(data_dir)
    one = stored[("05977", category_id("05977", "1"))]
    assert one["name"] == "Định danh điện tử (VNeID)" and one["name_en"] is None  # the list has no English name
    assert stored[("05977", category_id("05977", "2"))]["deleted"] == 0  # sessions may still count it


def test_a_bad_file_changes_nothing_and_says_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _server(tmp_path, capsys)
    bad = _file(tmp_path, "Mã,Tên lĩnh vực\n1,Định danh\n1,Trùng\n2,\n")
    status, out, err = _admin(capsys, data_dir, "set-categories", str(bad))
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "Chưa công bố gì vì tệp có lỗi:",
        "Dòng 3: mã lĩnh vực “1” trùng với dòng 2.",
        "Dòng 4: Tên lĩnh vực: không được để trống.",
    ]
    assert _categories(data_dir) == {}
    assert _scalar(data_dir, select(settings.c.value).where(settings.c.key == "categories")) is None
    missing = _admin(capsys, data_dir, "set-categories", str(tmp_path / "khong-co.csv"))
    assert missing[0] == 1 and "Không tìm thấy tệp" in missing[2]


def test_a_commune_added_later_gets_the_published_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    _admin(capsys, data_dir, "init", "--province", "20")
    status, out, _ = _admin(capsys, data_dir, "set-categories", str(_file(tmp_path, LIST)))
    assert (status, out) == (0, "Đã lưu danh mục 2 lĩnh vực; xã/phường thêm sau sẽ nhận danh mục này.")
    _admin(capsys, data_dir, "add-commune", "06040")
    assert set(_categories(data_dir)) == {("06040", category_id("06040", code)) for code in ("1", "2")}


def test_publishing_needs_an_initialised_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _admin(capsys, tmp_path, "set-categories", str(_file(tmp_path, LIST)))
    assert status == 1 and "Chưa khởi tạo tỉnh" in err
