"""Reading the province's category list from .csv/.xlsx: headers in either language, every bad row reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from sync.server.category_file import CategoryFileError, read_category_file

TODAY = date(2026, 11, 28)


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "linh-vuc.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(CategoryFileError) as raised:
        read_category_file(path, today=TODAY)
    return raised.value.problems


def test_vietnamese_headers_semicolons_and_file_order(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "\ufeffMã;Tên lĩnh vực;Tên tiếng Anh\n1;Định danh điện tử  VNeID;VNeID\n\n2;dịch vụ công trực tuyến;\n",
    )
    assert read_category_file(path, today=TODAY) == [
        {"code": "1", "name": "Định danh điện tử VNeID", "name_en": "VNeID", "sort_order": 1},
        {"code": "2", "name": "dịch vụ công trực tuyến", "name_en": None, "sort_order": 2},
    ]


def test_english_headers_with_an_explicit_order(tmp_path: Path) -> None:
    path = _csv(tmp_path, "code,name,name_en,sort_order\nYT,Y tế số,Digital health,20\nKHAC,Khác,Other,99\n")
    found = read_category_file(path, today=TODAY)
    assert [(c["code"], c["sort_order"]) for c in found] == [("YT", 20), ("KHAC", 99)]


def test_decomposed_text_is_stored_composed(tmp_path: Path) -> None:
    decomposed = "Y te\u0302\u0301 so\u0302\u0301"  # "Y tế số" as some Mac keyboards type it
    found = read_category_file(_csv(tmp_path, f"Mã,Tên\n5,{decomposed}\n"), today=TODAY)
    assert found[0]["name"] == "Y tế số"


def test_an_excel_sheet_with_numeric_codes(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Mã lĩnh vực", "Tên lĩnh vực"])
    sheet.append([2, 7, "Kỹ năng số cơ bản"])
    sheet.append([1, 3.0, "Thanh toán không dùng tiền mặt"])
    path = tmp_path / "linh-vuc.xlsx"
    book.save(path)
    found = read_category_file(path, today=TODAY)
    assert [(c["code"], c["sort_order"], c["name"]) for c in found] == [
        ("7", 2, "Kỹ năng số cơ bản"),
        ("3", 1, "Thanh toán không dùng tiền mặt"),
    ]


def test_every_bad_row_is_reported_with_its_row_number(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Mã,Tên lĩnh vực,Thứ tự\n1,Định danh,1\n2,,2\n1,Trùng mã,3\nmã có dấu,Sai mã,4\n5,Âm,-1\n",
    )
    assert _problems(path) == [
        "Dòng 3: Tên lĩnh vực: không được để trống.",
        "Dòng 4: mã lĩnh vực “1” trùng với dòng 2.",
        "Dòng 5: mã lĩnh vực “mã có dấu” không hợp lệ (tối đa 20 chữ cái không dấu, chữ số, dấu . _ -).",
        "Dòng 6: Thứ tự: không được là số âm.",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "không có lĩnh vực nào"),
        ("Mã,Tên lĩnh vực\n", "không có lĩnh vực nào"),
        ("Mã,Tên lĩnh vực\n,\n", "không có lĩnh vực nào"),
        ("Mã,Tên,Ghi chú\n1,A,x\n", "Dòng 1: cột “Ghi chú” không rõ là gì"),
        ("Mã,Tên tiếng Anh\n1,A\n", "Dòng 1: thiếu cột “Tên lĩnh vực” (name)."),
        ("Mã,Tên,Mã\n1,A,2\n", "Dòng 1: cột “Mã” lặp lại."),
    ],
)
def test_unusable_files(tmp_path: Path, text: str, problem: str) -> None:
    assert any(problem in line for line in _problems(_csv(tmp_path, text)))


def test_a_legacy_windows_csv_and_other_file_kinds(tmp_path: Path) -> None:
    # Windows-1258 composes tones with combining marks: "Đồng" is Đ, ô, a combining grave, n, g.
    legacy = _csv(tmp_path, "code,name\n1,Khác đơn \u0110\u00f4\u0300ng\n", "cp1258")
    assert read_category_file(legacy, today=TODAY)[0]["name"] == "Khác đơn Đồng"
    other = tmp_path / "linh-vuc.ods"
    other.write_bytes(b"x")
    assert _problems(other) == ["Tệp linh-vuc.ods: chỉ đọc được tệp .csv hoặc .xlsx."]
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip")
    assert _problems(broken) == ["Không đọc được tệp hong.xlsx: không phải tệp Excel .xlsx hợp lệ."]
