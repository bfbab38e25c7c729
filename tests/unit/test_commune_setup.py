"""First-run set-up without Qt: picking units, reading village lists, writing everything at once or not at all."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.store import settings
from desktop.store.commune_setup import (
    CommuneSetup,
    VillageLine,
    apply_setup,
    default_village_kind,
    filter_communes,
    filter_provinces,
    is_server_url,
    parse_villages,
    provinces,
    read_first_column,
    unit_title,
)
from desktop.store.store import Store, StoreError
from sync.units import find_commune
from tests.unit.conftest import COMMUNE_CODE

# --- Provinces and communes -----------------------------------------------------------------------


def test_there_are_34_provinces_in_vietnamese_alphabetical_order() -> None:
    names = [p.name for p in provinces()]
    assert len(names) == 34
    assert names[:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]
    # Đ comes after D and before E in the Vietnamese alphabet (code-point order would put it last).
    assert names.index("Điện Biên") > names.index("Cần Thơ")
    assert names.index("Đồng Tháp") < names.index("Gia Lai")


def test_provinces_are_found_without_diacritics_or_by_code() -> None:
    assert [p.title for p in filter_provinces("lang son")] == ["Tỉnh Lạng Sơn"]
    assert [p.title for p in filter_provinces("hue")] == ["Thành phố Huế"]
    assert [p.code for p in filter_provinces("20")] == ["20"]
    assert {p.name for p in filter_provinces("dak")} == {"Đắk Lắk"}
    assert len(filter_provinces("")) == 34


def test_communes_of_a_province_are_found_as_you_type() -> None:
    found = filter_communes("20", "tan thanh")
    assert [c.code for c in found][:1] == ["06445"]
    assert all(c.province_code == "20" for c in filter_communes("20", ""))
    assert [c.code for c in filter_communes("20", "06445")] == ["06445"]
    assert filter_communes("20", "phu quoc") == []


def test_unit_titles_start_with_a_capital() -> None:
    assert unit_title(find_commune("06445")) == "Xã Tân Thành"
    assert default_village_kind(find_commune("06445")) == "thon"


# --- Village lists ---------------------------------------------------------------------------------


def test_kind_words_numbers_headers_and_repeats_are_read() -> None:
    text = (
        "STT\tTên thôn\tSố hộ\n"
        "1\tThôn Nà Phái\t182\n"
        "2. Bản Chang\n"
        "3) thôn  nà phái\n"
        "TDP 3\n"
        "Tổ dân phố số 5\n"
        "Tổ 7\n"
        "Khu phố 2\n"
        "ấp tân hòa\n"
        "10 - Xóm Đông\n"
        "Thôn 1\n"
        "\n"
        "Bàn Cờ\n"
    )
    result = parse_villages(text)

    assert result.villages == (
        VillageLine("thon", "Nà Phái"),
        VillageLine("ban", "Chang"),
        VillageLine("to_dan_pho", "3"),
        VillageLine("to_dan_pho", "số 5"),
        VillageLine("to_dan_pho", "7"),
        VillageLine("khu_pho", "2"),
        VillageLine("ap", "Tân Hòa"),
        VillageLine("thon", "Xóm Đông"),  # no kind word of the list: the default kind, the words kept
        VillageLine("thon", "1"),  # "Thôn 1": the number is the name, not a list number
        VillageLine("thon", "Bàn Cờ"),  # "Bàn" is not "Bản"
    )
    assert result.duplicates == 1


def test_decomposed_text_and_tone_placement_still_count_as_repeats() -> None:
    decomposed = "Tha\u0302n Hoa\u0300".replace("Tha\u0302n", "Thôn")
    result = parse_villages(f"Thôn Hòa\n{decomposed}\nThôn Hoà", default_kind="thon")
    assert len(result.villages) == 1 and result.duplicates == 2


def test_unmarked_lines_take_the_default_kind() -> None:
    result = parse_villages("Số 1\nSố 2", default_kind="to_dan_pho")
    assert {v.kind for v in result.villages} == {"to_dan_pho"}
    assert default_village_kind(find_commune("05977")) == "to_dan_pho"  # a phường


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def as_cp1258(text: str) -> bytes:
    """Text as Excel's plain CSV writes it on a Vietnamese Windows: letters like ô whole, tones as marks."""
    out = []
    for letter in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", letter)
        tones = "".join(ch for ch in parts if ch in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", "".join(ch for ch in parts if ch not in TONE_MARKS)) + tones)
    return "".join(out).encode("cp1258")


def test_an_excel_file_and_a_cp1258_csv_are_read(tmp_path: Path) -> None:
    book = Workbook()
    for row in (("Danh sách thôn",), ("STT", "Tên"), (1, "Thôn Nà Phái"), (2, None), (3, "Bản Chắt")):
        book.active.append(row)
    xlsx = tmp_path / "thon.xlsx"
    book.save(xlsx)
    assert [v.name for v in parse_villages(read_first_column(xlsx)).villages] == ["Nà Phái", "Chắt"]

    csv_file = tmp_path / "thon.csv"
    csv_file.write_bytes(as_cp1258("STT;Tên thôn\n1;Thôn Nà Phái\n2;Thôn Khòn Pát\n"))
    assert [v.name for v in parse_villages(read_first_column(csv_file)).villages] == ["Nà Phái", "Khòn Pát"]


def test_an_unsupported_or_damaged_file_is_refused_in_vietnamese(tmp_path: Path) -> None:
    old = tmp_path / "thon.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(StoreError, match=r"\.xlsx hoặc \.csv"):
        read_first_column(old)
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(StoreError, match="không phải tệp Excel"):
        read_first_column(broken)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://cds.langson.gov.vn", True),
        ("http://192.168.1.10:8080/api", True),
        ("cds.langson.gov.vn", False),
        ("ftp://cds.langson.gov.vn", False),
        ("https://", False),
        ("https://cds langson", False),
        ("http://host:port", False),
    ],
)
def test_server_addresses_must_be_http_urls(text: str, ok: bool) -> None:
    assert is_server_url(text) is ok


# --- Applying the set-up ---------------------------------------------------------------------------


def test_apply_setup_writes_commune_officials_server_and_villages(blank_store: Store) -> None:
    setup = CommuneSetup(
        COMMUNE_CODE,
        officials={"chairman_name": "hoàng  văn thắng", "digital_officer_title": "công chức Văn hóa - Xã hội"},
        server_url=" https://cds.langson.gov.vn ",
        villages=[VillageLine("thon", "Nà Phái"), VillageLine("ban", "Chắt")],
    )
    reported: list[tuple[int, int]] = []

    commune = apply_setup(blank_store, setup, lambda done, total: reported.append((done, total)))

    assert commune.code == COMMUNE_CODE and blank_store.commune == commune
    assert settings.get(blank_store, settings.CHAIRMAN_NAME) == "Hoàng Văn Thắng"
    assert settings.get(blank_store, settings.DIGITAL_OFFICER_TITLE) == "Công chức Văn hóa - Xã hội"
    assert settings.get(blank_store, settings.SERVER_URL) == "https://cds.langson.gov.vn"
    assert [(v["kind"], v["name"]) for v in blank_store.rows("villages", order_by="created_at")] == [
        ("thon", "Nà Phái"),
        ("ban", "Chắt"),
    ]
    assert reported[-1] == (2, 2)


def test_a_failing_setup_leaves_nothing_behind(blank_store: Store) -> None:
    setup = CommuneSetup(
        COMMUNE_CODE, officials={"chairman_name": "Hoàng Văn Thắng"}, villages=[VillageLine("thon", "A")]
    )

    def stop(_done: int, _total: int) -> None:
        raise KeyboardInterrupt  # like a cancelled job: raised from the progress callback

    with pytest.raises(KeyboardInterrupt):
        apply_setup(blank_store, setup, stop)

    assert blank_store.commune is None
    assert blank_store.get_meta("chairman_name") is None
    assert blank_store.count("villages", include_deleted=True) == 0
    assert blank_store.count("categories", include_deleted=True) == 0


def test_the_demo_option_fills_the_commune(blank_store: Store) -> None:
    apply_setup(blank_store, CommuneSetup(COMMUNE_CODE, demo_sessions=30, villages=[VillageLine("thon", "Bỏ Qua")]))

    assert blank_store.count("sessions") == 30
    assert blank_store.count("teams") > 0
    assert not blank_store.rows("villages", "name = ?", ["Bỏ Qua"])
