"""Importing a member list from Excel or CSV: what each row becomes, and that only valid rows land, all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from desktop.store.import_files import (
    ImportProblem,
    find_header,
    guess_mapping,
    header_target,
    is_total,
    parse_role,
    parse_team_title,
    read_table,
)
from desktop.store.import_plan import ImportPlan, Verdict
from desktop.store.importer import apply_plan, build_plan
from desktop.store.store import Store, StoreError

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "roster-sample.xlsx"
SAMPLE_HEADERS = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Chức vụ, đơn vị công tác",
    "Thôn",
    "Chức danh trong Tổ",
    "SĐT",
    "Ghi chú",
]
TABLES = ("villages", "teams", "people", "memberships")


def sample_plan(store: Store, **kwargs: Any) -> ImportPlan:
    return build_plan(store, read_table(SAMPLE), **kwargs)


def by_row(plan: ImportPlan) -> dict[int, Any]:
    return {row.number: row for row in plan.rows}


def snapshot(store: Store) -> dict[str, int]:
    counts = {name: store.count(name, include_deleted=True) for name in TABLES}
    counts["changes"] = int(store.db.execute("SELECT count(*) FROM changes").fetchone()[0])
    return counts


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Danh sách") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# ----- the sample roster -----


def test_sample_finds_header_below_the_title_rows_and_maps_vietnamese_headers(store: Store) -> None:
    table = read_table(SAMPLE)
    assert table.sheets == ["DS thanh vien"]
    assert find_header(table.rows) == 4  # the fifth row: three title rows and a blank one above it
    plan = sample_plan(store)
    assert plan.mapping == [None, "full_name", "birth_year", "gender", "position", "village", "role", "phone", "notes"]


def test_sample_verdicts_row_by_row(store: Store) -> None:
    plan = sample_plan(store)
    rows = by_row(plan)
    verdicts = {number: row.verdict for number, row in rows.items()}
    assert verdicts == {
        6: Verdict.SECTION,
        7: Verdict.OK,
        8: Verdict.OK,
        9: Verdict.OK,
        10: Verdict.OK,
        11: Verdict.OK,
        12: Verdict.SECTION,
        13: Verdict.OK,
        14: Verdict.MERGED,
        15: Verdict.ERROR,
        16: Verdict.MERGED,
        17: Verdict.ERROR,
        18: Verdict.ERROR,
        19: Verdict.SKIPPED,
        20: Verdict.SKIPPED,
    }
    people_rows = [r for r in plan.rows if r.verdict not in (Verdict.SECTION, Verdict.SKIPPED)]
    assert len(people_rows) == 11  # "Tổng cộng: 11 người"
    assert (plan.count(Verdict.OK, Verdict.MERGED, Verdict.EXISTING), plan.count(Verdict.ERROR)) == (8, 3)

    assert rows[15].message.vi.startswith("Lỗi: Số điện thoại “0123456789” không hợp lệ")
    assert rows[17].message.vi == "Lỗi: Họ và tên: không được để trống."
    assert rows[18].message.vi == "Lỗi: Năm sinh 2035 không hợp lệ (phải từ 1900 đến 2026)."
    assert rows[14].message.vi == "Trùng với dòng 13 (gộp): cùng người, cùng tổ"
    assert rows[16].message.vi.startswith("Trùng với dòng 11 (gộp): cùng người, thêm vào “Tổ công nghệ số cộng đồng")
    assert rows[19].message.vi == "Bỏ qua: dòng trống"
    assert rows[20].message.vi == "Bỏ qua: dòng tổng"
    assert all(r.message.en for r in plan.rows)


def test_sample_values_are_cleaned(store: Store) -> None:
    rows = by_row(sample_plan(store))
    names = {n: rows[n].person["full_name"] for n in (7, 8, 9, 10, 11, 13)}
    assert names == {
        7: "Hoàng Văn Thắng",
        8: "Nông Thị Huyền",
        9: "Lường Văn Đức",  # lower case, extra spaces
        10: "Đinh Thị Mai",  # look-alike Ð (U+00D0)
        11: "Triệu Văn Hải",
        13: "Lăng Văn Hoà",
    }
    assert "\u00d0" not in names[10] and names[10][0] == "\u0110"
    phones = {n: rows[n].person["phone"] for n in (7, 8, 9, 10, 11, 13)}
    assert phones == {
        7: "0912345678",  # dots
        8: "0987654321",  # +84 and spaces
        9: "0383456789",  # 84 without +
        10: "02033870123",  # a landline
        11: "0868123456",
        13: "0977112233",
    }
    assert rows[7].person["gender"] == "nam" and rows[8].person["gender"] == "nu"
    assert rows[7].role == "Tổ trưởng" and rows[8].role == "Tổ phó" and rows[9].role == "Thành viên"
    assert rows[15].role == "Thành viên"  # "Tổ viên"
    assert rows[6].message.vi == "Tiêu đề tổ: Tổ công nghệ số cộng đồng thôn Nà Phái (tổ mới)"


def test_sample_plan_counts_and_what_it_creates(store: Store) -> None:
    plan = sample_plan(store)
    assert plan.counts() == {"villages": 2, "teams": 2, "people": 6, "updated": 0, "memberships": 7}
    assert [(v.name, v.kind) for v in plan.new_villages()] == [("Nà Phái", "thon"), ("Khòn Pát", "thon")]
    assert [t.name for t in plan.new_teams()] == [
        "Tổ công nghệ số cộng đồng thôn Nà Phái",
        "Tổ công nghệ số cộng đồng thôn Khòn Pát",
    ]


def test_building_a_plan_writes_nothing(store: Store) -> None:
    before = snapshot(store)
    sample_plan(store)
    assert snapshot(store) == before


def test_apply_imports_exactly_the_valid_rows(store: Store) -> None:
    plan = sample_plan(store, start_date="15/01/2026")
    result = apply_plan(store, plan)

    assert result.counts == plan.counts()
    people = {p["full_name"]: p for p in store.rows("people")}
    assert set(people) == {
        "Hoàng Văn Thắng",
        "Nông Thị Huyền",
        "Lường Văn Đức",
        "Đinh Thị Mai",
        "Triệu Văn Hải",
        "Lăng Văn Hoà",
    }
    teams = {t["name"]: t for t in store.rows("teams")}
    villages = {v["id"]: v["name"] for v in store.rows("villages")}
    assert {villages[t["village_id"]] for t in teams.values()} == {"Nà Phái", "Khòn Pát"}
    hai = store.rows("memberships", "person_id = ?", [people["Triệu Văn Hải"]["id"]])
    assert len(hai) == 2 and len({m["team_id"] for m in hai}) == 2  # one person in two teams
    hoa = store.rows("memberships", "person_id = ?", [people["Lăng Văn Hoà"]["id"]])
    assert [m["role"] for m in hoa] == ["to_truong"]  # hòa/hoà twice in one team: one membership
    memberships = store.rows("memberships")
    assert len(memberships) == 7 and {m["start_date"] for m in memberships} == {"2026-01-15"}
    # The change log holds exactly this import, in the range the result names (what undo replays).
    logged = store.db.execute(
        "SELECT count(*) FROM changes WHERE seq > ? AND seq <= ?", [result.first_seq, result.last_seq]
    ).fetchone()[0]
    assert logged == 2 + 2 + 6 + 7


def test_a_failure_half_way_leaves_the_store_unchanged(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = sample_plan(store)
    before = snapshot(store)
    real_insert = store.insert
    calls = 0

    def failing_insert(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise StoreError("Ổ đĩa đầy.", "Disk full.")
        return real_insert(type_name, values)

    monkeypatch.setattr(store, "insert", failing_insert)
    with pytest.raises(ImportProblem) as caught:
        apply_plan(store, plan)
    assert calls == 5
    assert "Ổ đĩa đầy." in caught.value.vi and "Chưa có dữ liệu nào được nhập" in caught.value.vi
    assert snapshot(store) == before


def test_a_cancelled_import_leaves_the_store_unchanged(store: Store) -> None:
    class Cancelled(Exception):
        pass

    class Job:
        def __init__(self) -> None:
            self.reports: list[tuple[int, int]] = []

        def progress(self, done: int, total: int) -> None:
            self.reports.append((done, total))

        def check(self) -> None:
            if len(self.reports) >= 6:
                raise Cancelled

    plan = sample_plan(store)
    before = snapshot(store)
    job = Job()
    with pytest.raises(Cancelled):
        apply_plan(store, plan, job)
    assert job.reports[:2] == [(1, 17), (2, 17)]
    assert snapshot(store) == before


def test_invalid_rows_file_round_trips(store: Store, tmp_path: Path) -> None:
    plan = sample_plan(store)
    out = tmp_path / "can-sua.xlsx"
    assert plan.write_invalid_rows(out) == 3

    sheet = load_workbook(out).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*SAMPLE_HEADERS, "Lỗi"]
    assert rows[1][:2] == ["II", "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN KHÒN PÁT"]  # the team title goes along
    assert rows[2][1] == "Vi Thị Ánh Nguyệt" and rows[2][-1].startswith("Số điện thoại “0123456789”")
    assert rows[4][1] == "Hà Thị Thu" and rows[4][2] == 2035

    again = build_plan(store, read_table(out))
    assert again.mapping[-1] is None  # the "Lỗi" column is not imported
    assert [r.message.vi for r in again.rows if r.verdict is Verdict.ERROR] == [
        r.message.vi for r in plan.rows if r.verdict is Verdict.ERROR
    ]

    # Saved aside a second time without fixing: still one "Lỗi" column, saying what is still wrong.
    twice = tmp_path / "van-con-loi.xlsx"
    assert again.write_invalid_rows(twice) == 3
    header = next(load_workbook(twice).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert list(header) == [*SAMPLE_HEADERS, "Lỗi"]

    # Fixed in Excel and imported again, after the first import: the same team is used, not a second one.
    apply_plan(store, plan)
    workbook = load_workbook(out)
    fixed = workbook.active
    assert fixed is not None
    fixed["H3"], fixed["B4"], fixed["C5"] = "0912 000 111", "Vi Văn Lực", 1985
    workbook.save(out)
    second = build_plan(store, read_table(out))
    assert second.count(Verdict.OK) == 3 and second.count(Verdict.ERROR) == 0
    assert second.counts() == {"villages": 0, "teams": 0, "people": 3, "updated": 0, "memberships": 3}
    apply_plan(store, second)
    khon_pat = store.rows("teams", "name = ?", ["Tổ công nghệ số cộng đồng thôn Khòn Pát"])
    assert len(khon_pat) == 1
    assert store.count("memberships", "team_id = ?", [khon_pat[0]["id"]]) == 5


# ----- the data already there -----


def test_existing_village_team_and_leader_are_respected(store: Store) -> None:
    village = store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    team = store.insert("teams", {"name": "Tổ CNSCĐ thôn Nà Phái", "village_id": village["id"]})
    leader = store.insert("people", {"full_name": "Nguyễn Thị Ánh", "birth_year": 1979})
    store.insert("memberships", {"person_id": leader["id"], "team_id": team["id"], "role": "to_truong"})
    plan = sample_plan(store)
    rows = by_row(plan)
    assert rows[6].message.vi == "Tiêu đề tổ: Tổ CNSCĐ thôn Nà Phái (đã có trong dữ liệu)"
    assert rows[7].verdict is Verdict.ERROR
    assert rows[7].message.vi == (
        "Lỗi: Chức danh trong Tổ: “Tổ CNSCĐ thôn Nà Phái” đã có Tổ trưởng là Nguyễn Thị Ánh (trong dữ liệu); "
        "mỗi tổ chỉ có một Tổ trưởng."
    )
    assert rows[8].team == "Tổ CNSCĐ thôn Nà Phái"
    assert plan.counts()["villages"] == 1 and plan.counts()["teams"] == 1  # only Khòn Pát is new
    apply_plan(store, plan)
    assert store.count("teams") == 2 and store.count("villages") == 2


def test_a_person_already_in_the_data_joins_the_team(store: Store) -> None:
    known = store.insert("people", {"full_name": "hoàng văn thắng", "phone": "0912345678"})
    plan = sample_plan(store)
    row = by_row(plan)[7]
    assert row.verdict is Verdict.EXISTING
    assert row.message.vi.startswith("Đã có trong dữ liệu (cập nhật tổ): thêm vào “Tổ công nghệ số")
    assert plan.counts()["people"] == 5 and plan.counts()["updated"] == 1
    apply_plan(store, plan)
    assert store.count("people", "full_name = ?", ["Hoàng Văn Thắng"]) == 1
    person = store.require("people", known["id"])
    assert (person["birth_year"], person["gender"], person["position"]) == (1975, "nam", "Trưởng thôn")
    assert store.count("memberships", "person_id = ?", [known["id"]]) == 1

    # Imported twice: the second time nobody is new and nobody joins again.
    second = sample_plan(store)
    assert second.counts() == {"villages": 0, "teams": 0, "people": 0, "updated": 0, "memberships": 0}
    assert by_row(second)[8].message.vi == "Đã có trong dữ liệu: không thay đổi tổ"


def test_same_name_different_person_is_not_merged(store: Store) -> None:
    store.insert("people", {"full_name": "Lăng Văn Hoà", "birth_year": 1985})
    assert by_row(sample_plan(store))[13].verdict is Verdict.OK  # born 1979, another phone: a namesake


# ----- CSV files and encodings -----


def test_csv_in_utf8_with_bom(store: Store) -> None:
    table = read_table(DATA / "roster-utf8-bom.csv")
    assert table.encoding == "utf-8-sig" and table.notice is None
    assert table.rows[0][1][:2] == ["STT", "Họ và tên"]  # no BOM glued to the first header, ";" found
    plan = build_plan(store, table)
    rows = by_row(plan)
    assert rows[3].person["full_name"] == "Lò Thị Hương"  # decomposed (NFD) and lower-case in the file
    assert rows[3].person["gender"] == "nu" and rows[3].role == "Thành viên"
    assert rows[4].person["birth_year"] == 1999  # "12/05/1999": a full date gives its year
    assert rows[5].person["full_name"] == "Đỗ Thị Lan" and rows[5].person["phone"] == "02033870555"
    assert rows[6].verdict is Verdict.ERROR and "“09xx”" in rows[6].message.vi
    assert [rows[7].verdict, rows[8].verdict] == [Verdict.SKIPPED, Verdict.SKIPPED]
    assert [(v.name, v.kind) for v in plan.new_villages()] == [("Chắt", "ban"), ("Đồng Ý", "thon")]
    assert [t.name for t in plan.new_teams()] == [
        "Tổ công nghệ số cộng đồng bản Chắt",
        "Tổ công nghệ số cộng đồng thôn Đồng Ý",
    ]


def test_utf16_tab_separated_text(store: Store) -> None:
    table = read_table(DATA / "roster-utf16.txt")
    assert table.encoding == "utf-16"
    assert [r.person["full_name"] for r in build_plan(store, table).rows if r.person] == [
        "Lò Văn Páo",
        "Lò Thị Hương",
        "Vàng A Sử",
    ]


def test_windows_1258_is_read_with_a_notice(store: Store) -> None:
    table = read_table(DATA / "roster-cp1258.csv")
    assert table.encoding == "cp1258"
    assert table.notice is not None and "Windows-1258" in table.notice.vi
    plan = build_plan(store, table)
    assert plan.mapping == ["full_name", "birth_year", "phone", "team", "role"]
    assert [r.person["full_name"] for r in plan.rows if r.person] == ["Nông Văn Dũng", "Hoàng Thị Ánh"]
    assert [t.name for t in plan.new_teams()] == ["Tổ CNSCĐ thôn Khòn Pát"]  # the name as the file writes it


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    garbage = tmp_path / "tcvn3.csv"
    garbage.write_bytes(b"H\x8d t\x81n;N\x9am sinh\r\n")
    with pytest.raises(ImportProblem, match="UTF-8"):
        read_table(garbage)
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(ImportProblem, match=r"\.xls"):
        read_table(old)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportProblem, match="bị hỏng"):
        read_table(broken)
    with pytest.raises(ImportProblem, match="Không mở được"):
        read_table(tmp_path / "khong-co.xlsx")


def test_a_file_without_a_header_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Danh sách"], ["Nguyễn Văn A", 1990]])
    with pytest.raises(ImportProblem, match="Không tìm thấy dòng tiêu đề cột"):
        find_header(read_table(path).rows)


def test_comma_csv_with_quotes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text('Họ tên,"Chức vụ, đơn vị",SĐT\n"Lê Văn Tám","Công an viên, xã Tân Thanh",0912 333 444\n')
    plan = build_plan(store, read_table(path))
    assert plan.mapping == ["full_name", "position", "phone"]
    person = plan.rows[0].person
    assert person is not None and person["position"] == "Công an viên, xã Tân Thanh"
    assert plan.rows[0].message.vi == "Hợp lệ (chưa xếp vào tổ nào)"


# ----- rows and columns -----


def test_two_leaders_in_one_team_the_second_is_an_error(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "hai-to-truong.xlsx",
        [
            ["TT", "Họ và tên", "Năm sinh", "Bản", "Chức danh"],
            [1, "Lò Văn Páo", 1980, "Nà Cà", "Tổ trưởng"],
            [2, "Lò Văn Pọ", 1981, "Nà Cà", "tổ trưởng"],
            [3, "Lò Văn Pằn", 1982, "Nà Cà", "Trưởng ban"],
        ],
    )
    plan = build_plan(store, read_table(path))
    rows = by_row(plan)
    assert rows[2].verdict is Verdict.OK
    assert rows[3].message.vi == (
        "Lỗi: Chức danh trong Tổ: “Tổ công nghệ số cộng đồng bản Nà Cà” đã có Tổ trưởng là Lò Văn Páo (dòng 2); "
        "mỗi tổ chỉ có một Tổ trưởng."
    )
    assert rows[4].message.vi.startswith("Lỗi: Chức danh trong Tổ: “Trưởng ban” không hợp lệ")
    assert [(v.name, v.kind) for v in plan.new_villages()] == [("Nà Cà", "ban")]  # the "Bản" header


def test_several_villages_without_a_team_is_an_error(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Họ và tên", "Thôn"], ["Triệu Văn Hải", "Nà Phái, Khòn Pát"]])
    row = build_plan(store, read_table(path)).rows[0]
    assert row.verdict is Verdict.ERROR and row.message.vi.startswith("Lỗi: Thôn: ghi nhiều thôn")


def test_excel_numbers_and_dates(store: Store, tmp_path: Path) -> None:
    from datetime import datetime

    path = write_xlsx(
        tmp_path / "so.xlsx",
        [["Họ và tên", "Ngày sinh", "Điện thoại"], ["Mã Thị Hoa", datetime(1990, 4, 30), 912345678]],
    )
    person = build_plan(store, read_table(path)).rows[0].person
    assert person is not None and (person["birth_year"], person["phone"]) == (1990, "0912345678")


def test_a_workbook_with_several_sheets(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "hai-trang.xlsx"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Ghi chú"
    first.append(["Danh sách gửi huyện"])
    second = workbook.create_sheet("Thành viên")
    second.append(["STT", "Họ và tên"])
    second.append([1, "Nguyễn Văn Bình"])
    workbook.save(path)
    table = read_table(path, "Thành viên")
    assert (table.sheets, table.sheet) == (["Ghi chú", "Thành viên"], "Thành viên")
    assert build_plan(store, table).rows[0].person["full_name"] == "Nguyễn Văn Bình"  # type: ignore[index]


def test_mapping_without_a_name_column_is_refused(store: Store) -> None:
    with pytest.raises(ImportProblem, match="Họ và tên"):
        build_plan(store, read_table(SAMPLE), mapping=[None] * 9)
    with pytest.raises(ImportProblem, match="đang chọn nhiều cột cho: Họ và tên"):
        build_plan(store, read_table(SAMPLE), mapping=["full_name", "full_name", *[None] * 7])


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Họ và tên", "full_name"),
        ("HỌ TÊN", "full_name"),
        ("Tên", "full_name"),
        ("Họ và tên (viết có dấu)", "full_name"),
        ("SĐT", "phone"),
        ("Số điện thoại liên hệ", "phone"),
        ("ĐT", "phone"),
        ("Điện thoại", "phone"),
        ("NS", "birth_year"),
        ("Năm\nsinh", "birth_year"),
        ("Ngày sinh", "birth_year"),
        ("Giới tính", "gender"),
        ("Chức vụ", "position"),
        ("Chức vụ, đơn vị công tác", "position"),
        ("Đơn vị công tác", "organisation"),
        ("Thôn, tổ dân phố", "village"),
        ("Ấp", "village"),
        ("Bản", "village"),
        ("Tổ", "team"),
        ("Tên tổ", "team"),
        ("Chức danh trong Tổ", "role"),
        ("Vai trò", "role"),
        ("Email", "email"),
        ("Ghi chú", "notes"),
        ("STT", "ignore"),
        ("TT", "ignore"),
        ("Tổ chức", None),
        ("DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", None),
    ],
)
def test_headers_are_recognised_blind_to_case_and_diacritics(header: str, target: str | None) -> None:
    assert header_target(header) == target


def test_guess_mapping_uses_a_target_once() -> None:
    assert guess_mapping(["STT", "Họ tên", "Tên", "SĐT", "Điện thoại", "Lỗi"]) == [
        None,
        "full_name",
        None,
        "phone",
        None,
        None,
    ]


def test_words_in_cells() -> None:
    assert is_total(["", "Tổng cộng: 11 người"]) and is_total(["Tổng số", "", "9"]) and is_total(["Cộng"])
    assert not is_total(["3", "Tống Công Minh"])
    assert [parse_role(t) for t in ("Tổ trưởng", "TỔ PHÓ", "Tổ viên", "thành viên", "", "Trưởng ban")] == [
        "to_truong",
        "to_pho",
        "thanh_vien",
        "thanh_vien",
        "thanh_vien",
        None,
    ]
    assert parse_team_title("TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN NÀ PHÁI") == (
        "Tổ công nghệ số cộng đồng thôn Nà Phái",
        "thon",
        "Nà Phái",
    )
    assert parse_team_title("Tổ CNSCĐ tổ dân phố số 3") == ("Tổ CNSCĐ tổ dân phố số 3", "to_dan_pho", "số 3")
    assert parse_team_title("Tổ 1") == ("Tổ 1", None, None)


def test_the_signature_block_below_the_total_is_not_a_list_of_people(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ky-ten.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", "Thôn"],
            ["I", "Tổ CNSCĐ thôn Nà Phái"],
            [1, "Hoàng Văn Thắng", 1975, "Nà Phái"],
            [None, "Cộng: 1 người"],
            ["II", "Tổ CNSCĐ thôn Khòn Pát"],
            [1, "Lăng Văn Hoà", 1979, "Khòn Pát"],
            [None, "Tổng cộng: 2 người"],
            [None, None, None, "Tân Thanh, ngày 20 tháng 5 năm 2022"],
            [None, "NGƯỜI LẬP BIỂU", None, "CHỦ TỊCH"],
            [None, "Nông Văn Hùng", None, "Hoàng Văn Thắng"],
        ],
    )
    plan = build_plan(store, read_table(path))
    assert [r.person["full_name"] for r in plan.rows if r.person] == ["Hoàng Văn Thắng", "Lăng Văn Hoà"]
    assert plan.count(Verdict.ERROR) == 0
    assert [r.message.vi for r in plan.rows][-3:] == ["Bỏ qua: phần ký tên, ngày tháng"] * 3
    assert len(plan.new_teams()) == 2  # a team title after a subtotal starts a new team


def test_a_known_person_gets_the_blanks_filled_and_says_so(store: Store) -> None:
    store.insert("people", {"full_name": "Nông Thị Huyền", "phone": "0987654321"})
    row = by_row(sample_plan(store))[8]
    assert row.verdict is Verdict.EXISTING
    assert row.message.vi.endswith("; bổ sung Giới tính, Năm sinh, Chức vụ")
