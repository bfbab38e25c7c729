"""The activity sheet read back from its PDF: header, title, sessions in order, totals, signers, pages."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from desktop.documents import activity_sheet
from desktop.documents.activity_sheet import render_activity_sheet
from desktop.documents.layout import FONT_FILES, DocumentError
from desktop.store import settings
from desktop.store.teams import change_role, dissolve_team
from tests.documents.sheet_checks import (
    MARGINS,
    PRINTED_ON,
    add_sessions,
    check_page,
    compare_with_reference,
    page_numbers,
    pdf_text,
    sample_commune,
)

FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))


def _sheet(commune: Any, start: date = FEBRUARY[0], end: date = FEBRUARY[1]) -> bytes:
    return render_activity_sheet(commune.store, commune.team["id"], start, end, printed_on=PRINTED_ON)


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(page.split()) for page in pages)


def test_a_month_prints_as_an_official_paper_with_every_session_in_date_order() -> None:
    pdf = _sheet(sample_commune())

    words = check_page(pdf)
    pages = pdf_text(pdf)
    text = _flat(pages)
    assert "ỦY BAN NHÂN DÂN" in pages[0] and "XÃ THẤT KHÊ" in pages[0]
    assert "Thất Khê, ngày 02 tháng 3 năm 2026" in text  # the injected print date, not the clock
    assert "Số:" not in text
    assert "SỔ THEO DÕI HOẠT ĐỘNG" in text
    assert "Tổ công nghệ số cộng đồng thôn Nà Phái — tháng 02/2026" in text
    days = ["05/02/2026", "09/02/2026", "14/02/2026", "21/02/2026", "26/02/2026"]
    assert [text.index(day) for day in days] == sorted(text.index(day) for day in days)
    assert "19:00–21:00" in text and "Hộ gia đình ông Hoàng Văn Páo" in text
    assert "Định danh điện tử VNeID: 12" in text and "Hướng dẫn quét mã QR" in text
    assert "Cộng: 5 buổi hỗ trợ 52" in text
    assert "Tổng hợp theo lĩnh vực" in text
    assert "Định danh điện tử VNeID 2 18" in text  # two sessions, 6 + 12 citizens
    assert "Khác" not in text  # only the categories the team worked in
    assert "Toàn kỳ 5 52" in text
    for line in ("NGƯỜI LẬP", "TỔ TRƯỞNG", "XÁC NHẬN CỦA UBND XÃ", "CHỦ TỊCH", "(Ký tên, đóng dấu)"):
        assert line in text
    for name in ("Lý Thị Hạnh", "Lường Văn Đức", "Hoàng Văn Thắng"):
        assert name in text
    assert page_numbers(words, len(pages)) == [None] + [str(n) for n in range(2, len(pages) + 1)]


def test_it_looks_like_the_reviewed_reference(tmp_path: Path) -> None:
    compare_with_reference(_sheet(sample_commune()), "activity_sheet", tmp_path)


def test_another_period_is_named_by_its_days_and_holds_only_its_sessions() -> None:
    pdf = _sheet(sample_commune(), date(2026, 2, 6), date(2026, 2, 21))

    text = _flat(pdf_text(pdf))
    assert "Tổ công nghệ số cộng đồng thôn Nà Phái — từ ngày 06/02/2026 đến ngày 21/02/2026" in text
    assert "05/02/2026" not in text and "26/02/2026" not in text
    assert "Cộng: 3 buổi hỗ trợ 35" in text


def test_a_team_without_sessions_in_the_period_still_prints() -> None:
    pdf = _sheet(sample_commune(), date(2026, 1, 1), date(2026, 1, 31))

    check_page(pdf)
    text = _flat(pdf_text(pdf))
    assert "tháng 01/2026" in text
    assert "Không có hoạt động trong kỳ." in text
    assert "Cộng:" not in text and "Tổng hợp theo lĩnh vực" not in text
    assert "TỔ TRƯỞNG" in text and "Hoàng Văn Thắng" in text


def test_user_text_prints_literally() -> None:
    commune = sample_commune()
    store = commune.store
    odd = store.insert("people", {"full_name": "Lò <văn> & Páo"})
    store.insert("memberships", {"person_id": odd["id"], "team_id": commune.team["id"], "start_date": "2025-08-01"})
    store.update("teams", commune.team["id"], {"name": "Tổ <b>đặc biệt</b> & thôn Nà Phái"})
    store.insert(
        "sessions",
        {
            "team_id": commune.team["id"],
            "date": "2026-02-27",
            "place": "Nhà <văn> hóa & chợ",
            "category_counts": {"1": 1},
            "citizens_total": 1,
            "member_ids": [odd["id"]],
            "notes": "<i>không</i> nghiêng & <br/> không xuống dòng",
        },
    )

    text = _flat(pdf_text(_sheet(commune)))
    assert "Tổ <b>đặc biệt</b> & thôn Nà Phái — tháng 02/2026" in text
    assert "Nhà <văn> hóa & chợ" in text
    assert "Lò <Văn> & Páo" in text
    assert "<i>không</i> nghiêng & <br/> không xuống dòng" in text


def test_long_places_and_names_wrap_inside_the_margins() -> None:
    commune = sample_commune()
    place = "Nhà văn hóa liên thôn Nà Phái, Khau Phạ và Bản Chắt, cạnh Trường Mầm non Hoa Ban, đường tỉnh lộ 229"
    person = commune.store.insert("people", {"full_name": "Hoàng Thị Thanh Phương Thảo Nguyên"})
    commune.store.insert(
        "sessions",
        {
            "team_id": commune.team["id"],
            "date": "2026-02-27",
            "place": place,
            "category_counts": {"4": 3},
            "citizens_total": 3,
            "member_ids": [person["id"]],
            "notes": "Hướng dẫn mở gian hàng trên Vỏ Sò, PostMart; " * 4,
        },
    )

    pdf = _sheet(commune)
    check_page(pdf)
    text = _flat(pdf_text(pdf))
    assert " ".join(place.split()[:6]) in text and "tỉnh lộ 229" in text
    assert "Hoàng Thị Thanh Phương" in text and "Thảo Nguyên" in text


def test_a_thousand_sessions_span_many_pages_with_the_header_row_on_each_and_the_totals_right() -> None:
    commune = sample_commune()
    citizens = add_sessions(commune, 1000) + 52  # the five February sessions count too

    pdf = _sheet(commune, date(2025, 3, 1), date(2026, 2, 28))
    words = check_page(pdf)
    pages = pdf_text(pdf)
    assert len(pages) > 40
    assert page_numbers(words, len(pages)) == [None] + [str(n) for n in range(2, len(pages) + 1)]
    table_pages = [number for number, page in enumerate(pages, start=1) if re.search(r"\d\d/\d\d/\d{4}", page)]
    assert len(table_pages) >= len(pages) - 1
    for number in table_pages:
        page = " ".join(pages[number - 1].split())
        for title in ("TT Ngày Địa điểm Nội dung hỗ trợ", "Số người được hỗ trợ", "Thành viên tham gia"):
            assert title in page, f"no header row on page {number}"
    # The TT column, read down every page, counts 1..1005 once each: no row lost or repeated at a page break.
    column = [w for w in words if w.x_max < MARGINS["left"] + 10 * 72 / 25.4 and w.y_min > MARGINS["top"]]
    numbers = [int(w.text) for w in sorted(column, key=lambda w: (w.page, w.y_min)) if w.text.isdigit()]
    assert numbers[: len(numbers) - 10] == list(range(1, 1006))  # then the summary's own TT column (1..10)
    text = _flat(pages)
    total = f"{citizens:,}".replace(",", ".")
    assert f"Cộng: 1.005 buổi hỗ trợ {total}" in text
    assert f"Toàn kỳ 1.005 {total}" in text


def test_the_leader_is_the_one_in_office_on_the_last_day() -> None:
    commune = sample_commune()
    store = commune.store
    leader = next(m for m in store.rows("memberships") if m["role"] == "to_truong")
    deputy = next(m for m in store.rows("memberships") if m["role"] == "to_pho")
    change_role(store, leader["id"], "thanh_vien", "2026-02-15")
    change_role(store, deputy["id"], "to_truong", "2026-02-15")

    january = _flat(pdf_text(_sheet(commune, date(2026, 1, 1), date(2026, 1, 31))))
    february = _flat(pdf_text(_sheet(commune)))
    assert "Lường Văn Đức" in january and "Hoàng Thị Ánh" not in january
    assert "(Ký tên, đóng dấu) Lý Thị Hạnh Hoàng Thị Ánh Hoàng Văn Thắng" in february


def test_a_dissolved_team_keeps_its_sheet_and_no_officer_leaves_a_blank() -> None:
    commune = sample_commune(officer="")
    dissolve_team(commune.store, commune.team["id"], "2026-02-28")

    text = _flat(pdf_text(_sheet(commune)))
    assert "Cộng: 5 buổi hỗ trợ 52" in text
    assert "(Ký tên, đóng dấu) Lường Văn Đức Hoàng Văn Thắng" in text  # the leader, the chairman: no officer


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("no chairman", ["Chủ tịch", "Cài đặt → Cán bộ của xã"]),
        ("unknown team", ["Không tìm thấy tổ"]),
        ("deleted team", ["Không tìm thấy tổ"]),
        ("reversed period", ["ngày bắt đầu 28/02/2026 sau ngày kết thúc 01/02/2026"]),
    ],
)
def test_missing_data_is_said_in_vietnamese_before_anything_renders(
    change: str, words: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commune = sample_commune()
    team_id, start, end = commune.team["id"], *FEBRUARY
    if change == "no chairman":
        settings.put(commune.store, settings.CHAIRMAN_NAME, "")
    elif change == "unknown team":
        team_id = "0190a0a0-0000-7000-8000-000000000000"
    elif change == "deleted team":
        team_id = commune.store.insert("teams", {"name": "Tổ công nghệ số cộng đồng thôn Cũ"})["id"]
        commune.store.delete("teams", team_id)
    else:
        start, end = end, start

    def no_render(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("rendered before the data was checked")

    monkeypatch.setattr(activity_sheet, "render", no_render)
    with pytest.raises(DocumentError) as raised:
        render_activity_sheet(commune.store, team_id, start, end, printed_on=PRINTED_ON)
    for word in words:
        assert word in str(raised.value)


def test_the_print_date_defaults_to_the_stores_today() -> None:
    commune = sample_commune()

    pdf = render_activity_sheet(commune.store, commune.team["id"], *FEBRUARY)
    assert "Thất Khê, ngày 01 tháng 3 năm 2026" in _flat(pdf_text(pdf))


def test_every_vietnamese_letter_has_a_glyph_and_reads_back() -> None:
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
    letters = [unicodedata.normalize("NFC", v + t) for v in vowels for t in tones] + ["đ"]
    alphabet = "".join(letters) + "".join(letters).upper()
    for face in FONT_FILES.values():
        font = TTFont("check", str(Path(__file__).parents[2] / "resources" / "fonts" / face))
        assert [c for c in alphabet if ord(c) not in font.face.charToGlyph] == [], face
    commune = sample_commune()
    words = " ".join(alphabet[i : i + 6] for i in range(0, len(alphabet), 6))
    session = {"team_id": commune.team["id"], "date": "2026-02-27", "place": words, "notes": words}
    commune.store.insert("sessions", session)

    text = "".join("".join(pdf_text(_sheet(commune))).split())
    assert text.count(alphabet) == 2  # the place, and the italic notes
