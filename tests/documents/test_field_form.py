"""The blank field form read back from its PDF: blocks in the entry form's order, categories and members to tick."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.documents import field_form
from desktop.documents.field_form import render_field_form
from desktop.documents.layout import DocumentError
from desktop.store.teams import dissolve_team, end_membership
from tests.documents.sheet_checks import (
    check_page,
    compare_with_reference,
    page_numbers,
    pdf_text,
    pdf_words,
    sample_commune,
)


def _flat(page: str) -> str:
    return " ".join(page.split())


def test_the_form_has_two_framed_sessions_a_page_on_two_pages() -> None:
    commune = sample_commune()

    pdf = render_field_form(commune.store, commune.team["id"])
    words = check_page(pdf)
    pages = pdf_text(pdf)
    assert len(pages) == 2
    assert page_numbers(words, 2) == [None, "2"]
    first = _flat(pages[0])
    assert "PHIẾU GHI CHÉP HOẠT ĐỘNG" in first
    assert "Ngày 02 tháng" not in first and "Số:" not in first  # a blank form carries no date or number
    for page in pages:
        text = _flat(page)
        assert text.count("Tổ: Tổ công nghệ số cộng đồng thôn Nà Phái") == 2
        assert text.count("Người ghi (ký, ghi rõ họ tên):") == 2
        for name in ("Lường Văn Đức", "Hoàng Thị Ánh", "Nông Văn Bình", "Nguyễn Thị Như Quỳnh", "Vi Văn Đông"):
            assert text.count(name) == 2


def test_each_block_follows_the_fast_entry_forms_order() -> None:
    commune = sample_commune()

    block = _flat(pdf_text(render_field_form(commune.store, commune.team["id"]))[0]).split("Tổ: ")[1]
    order = [
        "Tổ công nghệ số cộng đồng thôn Nà Phái",
        "Ngày:",
        "Giờ: từ",
        "đến",
        "Địa điểm:",
        "Lĩnh vực hỗ trợ và số người (đánh dấu X vào ô, ghi số người vào chỗ chấm):",
        "Định danh điện tử VNeID",
        "Tổng số người được hỗ trợ:",
        "Thành viên tham gia (đánh dấu X):",
        "Lường Văn Đức",
        "Ghi chú:",
        "Người ghi",
    ]
    positions = [block.index(label) for label in order]
    assert positions == sorted(positions)


def test_categories_follow_the_communes_list_order_down_the_columns() -> None:
    commune = sample_commune()
    store = commune.store
    other = next(c for c in store.rows("categories") if c["code"] == "10")
    store.update("categories", other["id"], {"sort_order": 0, "name": "Hỗ trợ khác"})
    store.insert("categories", {"code": "11", "name": "Chữ ký số <công dân> & hộ kinh doanh", "sort_order": 99})

    pdf = render_field_form(store, commune.team["id"])
    check_page(pdf)
    words = [w for w in pdf_words(pdf) if w.page == 1]
    top, bottom = sorted(w.y_min for w in words if w.text == "Ngày:")[:2]  # the first block lies between

    def top_left(word: str) -> tuple[float, float]:
        found = [w for w in words if w.text == word and top < w.y_min < bottom]
        return found[0].y_min, found[0].x_min

    # Eleven categories: six down the left column, five down the right, in list order.
    assert top_left("Hỗ") < top_left("Định")  # "Hỗ trợ khác" now comes first
    left_x, right_x = top_left("Hỗ")[1], top_left("Chữ")[1]
    assert right_x > left_x + 150 and top_left("Chữ")[0] > top_left("An")[0]
    assert "Chữ ký số <công dân> & hộ kinh doanh" in _flat(pdf_text(pdf)[0])


def test_a_big_team_still_keeps_each_session_whole_on_one_page() -> None:
    commune = sample_commune()
    store = commune.store
    for index in range(7):
        person = store.insert("people", {"full_name": f"Hoàng Thị Phương Thảo Số {index + 1}"})
        store.insert("memberships", {"person_id": person["id"], "team_id": commune.team["id"]})

    pdf = render_field_form(store, commune.team["id"])
    check_page(pdf)
    for page in pdf_text(pdf):
        text = _flat(page)
        assert text.count("Tổ: Tổ công nghệ số") == text.count("Người ghi") > 0
        assert text.count("Hoàng Thị Phương Thảo Số 7") == text.count("Người ghi")


def test_user_text_prints_literally() -> None:
    commune = sample_commune()
    commune.store.update("teams", commune.team["id"], {"name": "Tổ <b>số 1</b> & bạn bè"})

    text = _flat(pdf_text(render_field_form(commune.store, commune.team["id"]))[0])
    assert "Tổ: Tổ <b>số 1</b> & bạn bè" in text


def test_it_looks_like_the_reviewed_reference(tmp_path: Path) -> None:
    commune = sample_commune()
    compare_with_reference(render_field_form(commune.store, commune.team["id"]), "field_form", tmp_path)


def test_a_team_without_members_is_refused_before_anything_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    commune = sample_commune()
    for membership in commune.store.rows("memberships"):
        end_membership(commune.store, membership["id"], "2026-02-28")

    def no_render(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("rendered before the data was checked")

    monkeypatch.setattr(field_form, "render", no_render)
    with pytest.raises(DocumentError, match="Tổ “Tổ công nghệ số cộng đồng thôn Nà Phái” chưa có thành viên"):
        render_field_form(commune.store, commune.team["id"])
    with pytest.raises(DocumentError, match="Không tìm thấy tổ"):
        render_field_form(commune.store, "0190a0a0-0000-7000-8000-000000000000")
    dissolve_team(commune.store, commune.team["id"], "2026-02-28")
    with pytest.raises(DocumentError, match="đã giải thể"):
        render_field_form(commune.store, commune.team["id"])


def test_an_emptied_category_list_leaves_lines_to_write_on() -> None:
    commune = sample_commune()
    for category in commune.store.rows("categories"):
        commune.store.delete("categories", category["id"])

    pdf = render_field_form(commune.store, commune.team["id"])
    check_page(pdf)
    text = _flat(pdf_text(pdf)[0])
    assert "Lĩnh vực hỗ trợ và số người" in text and "Định danh" not in text
