"""The member list read back from its PDF: teams grouped, members in roster order, the chairman's signature."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.documents import member_list
from desktop.documents.layout import DocumentError
from desktop.documents.member_list import render_member_list, roman
from desktop.store import settings
from desktop.store.store import Store
from desktop.store.teams import active_memberships, dissolve_team, end_membership
from tests.documents.sheet_checks import (
    PRINTED_ON,
    TODAY,
    check_page,
    compare_with_reference,
    page_numbers,
    pdf_text,
    sample_commune,
)

NA_PHAI = "Tổ công nghệ số cộng đồng thôn Nà Phái"
KHAU_PHA = "Tổ công nghệ số cộng đồng bản Khau Phạ"
COMMUNE_TEAM = "Tổ công nghệ số cộng đồng xã Thất Khê"


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(page.split()) for page in pages)


def _team(store: Store, name: str, village: str | None, founded: str = "2025-08-01") -> dict[str, Any]:
    village_id = store.insert("villages", {"name": village, "kind": "ban"})["id"] if village else None
    return store.insert("teams", {"name": name, "village_id": village_id, "founded_on": founded})


def _member(store: Store, team: dict[str, Any], name: str, role: str = "thanh_vien", **person: Any) -> dict[str, Any]:
    record = store.insert("people", {"full_name": name, **person})
    return store.insert(
        "memberships", {"person_id": record["id"], "team_id": team["id"], "role": role, "start_date": "2025-08-01"}
    )


def _commune() -> Any:
    """The sample commune plus a commune-level team, a village team without members, and names whose
    Vietnamese order differs from code-point order (An < Ân < Bình < Dũng < Đông < Quỳnh)."""
    commune = sample_commune()
    store = commune.store
    for name in ("Lò Văn Dũng", "Lê Văn Ân", "Trần Thị An"):
        _member(store, commune.team, name)
    _team(store, KHAU_PHA, "Khau Phạ")
    whole = _team(store, COMMUNE_TEAM, None)
    _member(store, whole, "Triệu Văn Sáng", birth_year=2001, position="Đoàn viên", organisation="Đoàn xã")
    _member(store, whole, "Đinh Thị Mai", "to_truong", birth_year=1979, position="Phó Chủ tịch", organisation="UBND xã")
    return commune


def test_the_list_groups_the_teams_and_prints_each_member_in_roster_order() -> None:
    commune = _commune()

    pdf = render_member_list(commune.store, printed_on=PRINTED_ON)
    words = check_page(pdf)
    pages = pdf_text(pdf)
    text = _flat(pages)
    assert "Thất Khê, ngày 02 tháng 3 năm 2026" in text
    assert "DANH SÁCH THÀNH VIÊN CÁC TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG XÃ THẤT KHÊ" in text
    assert "(tính đến ngày 01/03/2026)" in text
    assert "TT Họ và tên Năm sinh Chức vụ, đơn vị công tác Chức danh trong Tổ Số điện thoại Ghi chú" in text
    # The commune-level team first, then the village teams in Vietnamese order (bản Khau Phạ < thôn Nà Phái).
    groups = [f"I. {COMMUNE_TEAM.upper()}", f"II. {KHAU_PHA.upper()}", f"III. {NA_PHAI.upper()}"]
    assert [text.index(group) for group in groups] == sorted(text.index(group) for group in groups)
    assert f"II. {KHAU_PHA.upper()} Chưa có thành viên." in text
    expected = [
        "Lường Văn Đức",
        "Hoàng Thị Ánh",
        "Trần Thị An",
        "Lê Văn Ân",
        "Nông Văn Bình",
        "Lò Văn Dũng",
        "Vi Văn Đông",
        "Nguyễn Thị Như Quỳnh",
    ]
    roster = [m["person"]["full_name"] for m in active_memberships(commune.store, commune.team["id"], TODAY)]
    assert roster == expected
    na_phai = text[text.index(groups[2]) :]
    positions = [na_phai.index(f"{n} {name}") for n, name in enumerate(expected, start=1)]
    assert positions == sorted(positions)
    commune_team = text[text.index(groups[0]) : text.index(groups[1])]
    assert "1 Đinh Thị Mai 1979 Phó Chủ tịch, UBND xã Tổ trưởng" in commune_team  # numbering restarts
    assert "2 Triệu Văn Sáng 2001 Đoàn viên, Đoàn xã Thành viên" in commune_team
    assert "1 Lường Văn Đức 1971 Trưởng thôn, Thôn Nà Phái Tổ trưởng 0912 345 678" in na_phai
    assert "2 Hoàng Thị Ánh 1996 Bí thư Chi đoàn, Đoàn Thanh niên xã Tổ phó 0987 654 321" in na_phai
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hoàng Văn Thắng" in text
    assert page_numbers(words, len(pages)) == [None] + [str(n) for n in range(2, len(pages) + 1)]


def test_it_looks_like_the_reviewed_reference(tmp_path: Path) -> None:
    pdf = render_member_list(_commune().store, printed_on=PRINTED_ON)
    compare_with_reference(pdf, "member_list", tmp_path)


def test_the_list_is_as_of_the_day_asked_for() -> None:
    commune = _commune()
    store = commune.store
    leaver = next(m for m in active_memberships(store, commune.team["id"]) if m["person"]["full_name"] == "Lò Văn Dũng")
    end_membership(store, leaver["id"], "2026-01-31")
    late = _team(store, "Tổ công nghệ số cộng đồng thôn Mới", "Mới", founded="2026-02-15")
    _member(store, late, "Hà Văn Muộn", "to_truong")
    old = _team(store, "Tổ công nghệ số cộng đồng thôn Cũ", "Cũ")
    dissolve_team(store, old["id"], "2025-12-31")

    january = _flat(pdf_text(render_member_list(store, date(2026, 1, 15), printed_on=PRINTED_ON)))
    today = _flat(pdf_text(render_member_list(store, printed_on=PRINTED_ON)))
    assert "(tính đến ngày 15/01/2026)" in january
    assert "Lò Văn Dũng" in january and "Lò Văn Dũng" not in today
    assert "THÔN MỚI" not in january and "III. TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN MỚI 1 Hà Văn Muộn" in today
    assert "THÔN CŨ" not in january and "THÔN CŨ" not in today


def test_many_teams_run_over_pages_with_the_header_row_on_each() -> None:
    commune = _commune()
    store = commune.store
    for index in range(12):
        team = _team(store, f"Tổ công nghệ số cộng đồng bản Nà Khoang {index + 1:02d}", f"Nà Khoang {index + 1:02d}")
        for member in range(7):
            _member(store, team, f"Hoàng Văn Thành Viên Số {member + 1}", "to_truong" if member == 0 else "thanh_vien")

    pdf = render_member_list(store, printed_on=PRINTED_ON)
    words = check_page(pdf)
    pages = pdf_text(pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        if "Hoàng Văn Thành Viên" in page:
            assert "TT Họ và tên" in " ".join(page.split()), f"no header row on page {number}"
    assert page_numbers(words, len(pages)) == [None] + [str(n) for n in range(2, len(pages) + 1)]
    assert f"{roman(15)}. TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN NÀ PHÁI" in _flat(pages)  # XV: the last of 15 teams


def test_user_text_prints_literally() -> None:
    commune = _commune()
    store = commune.store
    _member(store, commune.team, "Lò <văn> & Páo", organisation="Công ty <ABC> & Cộng sự")
    store.update("teams", commune.team["id"], {"name": "Tổ <b>số</b> & thôn Nà Phái"})

    text = _flat(pdf_text(render_member_list(store, printed_on=PRINTED_ON)))
    assert "Lò <Văn> & Páo" in text and "Công ty <ABC> & Cộng sự" in text
    assert "TỔ <B>SỐ</B> & THÔN NÀ PHÁI" in text


@pytest.mark.parametrize("missing", ["chairman", "teams"])
def test_missing_data_is_said_in_vietnamese_before_anything_renders(
    missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    commune = sample_commune()
    if missing == "chairman":
        settings.put(commune.store, settings.CHAIRMAN_NAME, "")
        expected = "Chưa có họ tên Chủ tịch UBND xã Thất Khê: hãy nhập ở Cài đặt → Cán bộ của xã"
    else:
        on = date(2025, 7, 1)  # before the only team was founded
        expected = "Xã Thất Khê chưa có tổ công nghệ số cộng đồng nào hoạt động vào ngày 01/07/2025"

    def no_render(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("rendered before the data was checked")

    monkeypatch.setattr(member_list, "render", no_render)
    with pytest.raises(DocumentError) as raised:
        render_member_list(commune.store, None if missing == "chairman" else on)
    assert expected in str(raised.value)
