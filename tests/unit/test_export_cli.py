"""The `toso` verbs and the Excel export, run the way a script or a user runs them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.store.export import SHEET_TITLES, export_workbook
from desktop.store.store import Store
from desktop.store.teams import add_member


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A data folder with one village, team, three people and a session."""
    with Store.open(tmp_path) as store:
        store.today = lambda: date(2026, 11, 28)
        store.set_commune("06040")
        village = store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
        team = store.insert("teams", {"name": "Tổ công nghệ số cộng đồng thôn Nà Phái", "village_id": village["id"]})
        names = [("Trần Đức Bình", "0912.345.678"), ("Nguyễn Thị Ánh", "+84 987 654 321"), ("Lê Văn An", "")]
        people = [store.insert("people", {"full_name": name, "phone": phone}) for name, phone in names]
        add_member(store, team["id"], people[0]["id"], "to_truong", "2022-05-20")
        store.insert(
            "sessions",
            {
                "team_id": team["id"],
                "date": "05/02/2026",
                "place": "Nhà văn hóa thôn Nà Phái",
                "citizens_total": 12,
                "category_counts": {"1": 8, "2": 4},
                "member_ids": [people[0]["id"]],
            },
        )
        gone = store.insert("people", {"full_name": "Người Đã Xóa"})
        store.delete("people", gone["id"])
    return tmp_path


def test_export_writes_every_type_with_vietnamese_headers(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "xuat.xlsx"
    with Store.open(filled) as store:
        written = export_workbook(store, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(SHEET_TITLES.values())
    people = book["Thành viên"]
    header = [cell.value for cell in people[1]]
    assert header[:3] == ["TT", "Họ và tên", "Giới tính"]
    names = [row[1] for row in people.iter_rows(min_row=2, values_only=True)]
    assert names == ["Lê Văn An", "Nguyễn Thị Ánh", "Trần Đức Bình"]  # given-name order, deleted left out
    phones = {row[1]: row[header.index("Số điện thoại")] for row in people.iter_rows(min_row=2, values_only=True)}
    assert phones["Nguyễn Thị Ánh"] == "0987 654 321"
    session = [cell.value for cell in book["Buổi hỗ trợ"][2]]
    session_header = [cell.value for cell in book["Buổi hỗ trợ"][1]]
    assert session[session_header.index("Ngày")] == "05/02/2026"
    assert session[session_header.index("Tổ")] == "Tổ công nghệ số cộng đồng thôn Nà Phái"
    assert "Định danh điện tử VNeID: 8" in session[session_header.index("Lĩnh vực hỗ trợ")]
    assert written["people"] == 3 and written["categories"] == 10


def test_cli_search_prints_one_match_per_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "nguyen thi anh", "--data-dir", str(filled)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Thành viên\tNguyễn Thị Ánh\t")


def test_cli_search_finds_sessions_by_place(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(filled), "search", "nha van hoa"]) == 0
    assert "Buổi hỗ trợ\t05/02/2026 — Nhà văn hóa thôn Nà Phái" in capsys.readouterr().out


def test_cli_export_and_restore_round_trip(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--data-dir", str(filled)]) == 0
    made = Path(capsys.readouterr().out.strip().removeprefix("Đã sao lưu vào ").rstrip("."))
    with Store.open(filled) as store:
        store.insert("people", {"full_name": "Hà Thị Thu"})
    assert main(["restore", str(made), "--data-dir", str(filled)]) == 0
    with Store.open(filled) as store:
        assert store.count("people") == 3


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["init", "--commune", "99999"], "Không có xã, phường hay đặc khu nào mang mã “99999”"),
        (["export", "--out", "ket-qua.csv"], "phải có đuôi .xlsx"),
        (["demo", "--sessions", "-5"], "không được là số âm"),
        (["restore", "khong-co.sqlite3"], "Không tìm thấy tệp sao lưu"),
        (["search"], "thiếu tham số bắt buộc"),
    ],
)
def test_bad_input_gets_one_vietnamese_line_and_no_traceback(tmp_path: Path, argv: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_restoring_a_file_that_is_not_a_backup_keeps_the_data(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "hong.sqlite3"
    junk.write_bytes(b"not a database at all")
    assert main(["restore", str(junk), "--data-dir", str(filled)]) == 1
    assert "không phải bản sao lưu" in capsys.readouterr().err
    with Store.open(filled) as store:
        assert store.count("people") == 3


def test_an_unexpected_error_is_logged_with_its_traceback_and_told_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hỏng bất ngờ")

    monkeypatch.setattr("desktop.store.store.Store.search", broken)
    with Store.open(tmp_path) as store:
        store.set_commune("06040")

    assert main(["search", "an", "--data-dir", str(tmp_path)]) == 1

    err = capsys.readouterr().err.strip()
    assert err.startswith("toso: lỗi không mong đợi") and len(err.splitlines()) == 1
    log_text = (tmp_path / "nhat-ky" / "toso.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "hỏng bất ngờ" in log_text
