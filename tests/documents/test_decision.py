"""The founding/restructuring decision as a PDF, read back: Nghị định 30/2020 layout, text, fonts, margins,
page numbers, the annex, escaping, missing data, and an issued decision frozen byte for byte.

References: tests/documents/reference/decision-*.png (TOSO_UPDATE_REFERENCES=1 rewrites them; look before
committing).
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from desktop.documents import layout
from desktop.documents.decision import render_decision
from desktop.documents.layout import DocumentError
from desktop.store import decisions
from desktop.store import settings as commune_settings
from desktop.store import teams as team_life
from tests.documents import decision_pdf as pdf
from tests.documents.decision_fixtures import VICE_CHAIRMAN, add_decision, big_rosters, build_commune


@pytest.fixture
def commune() -> Any:
    """The fixed commune (three village teams) with a one-team draft and a three-team draft."""
    result = build_commune()
    add_decision(result, "one", ["Nà Phái"])
    add_decision(result, "three", ["Nà Phái", "Khòn Pát", "Bản Chang"], number=8)
    return result


@pytest.fixture(scope="module")
def one_team() -> bytes:
    """A draft founding one team, signed TM by the chairman."""
    commune = build_commune()
    return render_decision(commune.store, add_decision(commune, "one", ["Nà Phái"]))


@pytest.fixture(scope="module")
def many_teams() -> bytes:
    """An issued decision founding eight teams (60 members), signed KT by the vice-chairman."""
    commune = build_commune(rosters=big_rosters(8, 60))
    decision_id = add_decision(commune, "many", list(commune.teams), number=12, sign_mode="KT")
    decisions.issue_decision(commune.store, decision_id)
    return render_decision(commune.store, decision_id)


def _fonts(pdf_bytes: bytes, page: int) -> dict[str, set[str]]:
    """Text pieces of a page by the font that draws them (pypdf's visitor)."""
    found: dict[str, set[str]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font and text.strip():
            found.setdefault(str(font.get("/BaseFont", "")).split("+")[-1], set()).add(text.strip())

    PdfReader(io.BytesIO(pdf_bytes)).pages[page].extract_text(visitor_text=visit)
    return found


# ----- the page as the decree sets it -----


@pytest.mark.parametrize("name", ["one_team", "many_teams"])
def test_pages_are_a4_fonts_embedded_text_within_margins(name: str, request: pytest.FixtureRequest) -> None:
    document: bytes = request.getfixturevalue(name)
    assert document.startswith(b"%PDF")
    assert all(abs(w - pdf.A4[0]) < 0.1 and abs(h - pdf.A4[1]) < 0.1 for w, h in pdf.page_sizes(document))
    assert pdf.fonts_without_file(document) == []
    for number, words in enumerate(pdf.page_words(document), start=1):
        assert pdf.outside_margins(words) == [], f"page {number}"
    assert all(pdf.is_nfc(text) for text in pdf.page_texts(document) + pdf.layout_texts(document))


def test_one_team_reads_like_the_decree(one_team: bytes) -> None:
    pages = pdf.page_texts(one_team)
    assert len(pages) == 3  # the decision on two pages, the member list on one
    first, decision = pages[0], pdf.flat(" ".join(pages[:2]))
    for line in (pdf.QUOC_HIEU, pdf.TIEU_NGU, "ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH", "Số: 07/QĐ-UBND"):
        assert line in first
    assert "Tân Thành, ngày 05 tháng 02 năm 2026" in first
    expected_in_order = [
        "QUYẾT ĐỊNH",
        "Về việc thành lập Tổ công nghệ số cộng đồng thôn Nà Phái",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN THÀNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2026.",
        "Theo đề nghị của Công chức Văn hóa - Xã hội.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Tổ công nghệ số cộng đồng thôn Nà Phái gồm các ông (bà) có tên trong danh sách kèm theo",
        "Điều 2. Tổ công nghệ số cộng đồng có nhiệm vụ:",
        "VNeID",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT.",
        "Hoàng Văn Thành",
    ]
    positions = [decision.find(phrase) for phrase in expected_in_order]
    assert -1 not in positions, [p for p, at in zip(expected_in_order, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
    assert "TM. ỦY BAN NHÂN DÂN" in decision and "CHỦ TỊCH" in decision
    assert "DỰ THẢO" in first  # a draft


def test_styles_follow_the_decree(one_team: bytes) -> None:
    first = _fonts(one_team, 0)
    assert any(text.startswith("Căn cứ") for text in first["LiberationSerif-Italic"])
    assert any("Theo đề nghị của" in text for text in first["LiberationSerif-Italic"])
    assert "Điều 1." in first["LiberationSerif-Bold"]
    assert any("CHỦ TỊCH ỦY BAN NHÂN DÂN" in text for text in first["LiberationSerif-Bold"])
    second = _fonts(one_team, 1)
    assert "Nơi nhận:" in second["LiberationSerif-BoldItalic"]
    assert "Hoàng Văn Thành" in second["LiberationSerif-Bold"]


def test_page_numbers_skip_the_first_page_and_restart_in_the_annex(one_team: bytes, many_teams: bytes) -> None:
    numbers = [pdf.page_number_words(words) for words in pdf.page_words(one_team)]
    assert numbers == [[], ["2"], []]  # decision 1–2, annex 1
    numbers = [pdf.page_number_words(words) for words in pdf.page_words(many_teams)]
    assert len(numbers) >= 5
    annex = next(page for page, text in enumerate(pdf.page_texts(many_teams)) if "DANH SÁCH THÀNH VIÊN" in text)
    assert numbers[:annex] == [[]] + [[str(n)] for n in range(2, annex + 1)]
    assert numbers[annex:] == [[]] + [[str(n)] for n in range(2, len(numbers) - annex + 1)]


def test_the_member_list_is_the_annex(one_team: bytes) -> None:
    annex = pdf.page_texts(one_team)[2]
    flat = pdf.flat(annex)
    assert "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN NÀ PHÁI" in flat
    assert "(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 02 năm 2026 của Chủ tịch UBND xã Tân Thành)" in flat
    for header in ("TT", "Họ và tên", "Số điện thoại", "Ghi chú"):
        assert header in flat
    # Leader, deputy, then members in Vietnamese name order (Hùng < Quyết < Quỳnh).
    names = ["Lường Văn Đức", "Hoàng Thị Ánh", "Vi Văn Hùng", "Nông Văn Quyết", "Triệu Thị Như Quỳnh"]
    assert [flat.find(name) for name in names] == sorted(flat.find(name) for name in names)
    assert "Trưởng thôn Nà Phái" in flat  # "Trưởng thôn" + "Thôn Nà Phái", the shared word once
    assert "0912 345 678" in flat and "Tổ trưởng" in flat and "Tổ phó" in flat
    assert "Phụ trách nhóm Zalo" in flat


def test_several_teams_group_the_annex_and_sign_kt(many_teams: bytes) -> None:
    pages = pdf.page_texts(many_teams)
    everything = pdf.flat(" ".join(pages))
    assert "Về việc thành lập các Tổ công nghệ số cộng đồng trên địa bàn xã Tân Thành" in everything
    assert "Thành lập 08 Tổ công nghệ số cộng đồng trên địa bàn xã Tân Thành" in everything
    assert "KT. CHỦ TỊCH" in everything and "PHÓ CHỦ TỊCH" in everything and VICE_CHAIRMAN in everything
    assert "DỰ THẢO" not in everything  # issued
    assert "DANH SÁCH THÀNH VIÊN CÁC TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG XÃ TÂN THÀNH" in everything
    assert "Số: 12/QĐ-UBND" in pages[0]
    groups = ["I. TỔ", "II. TỔ", "III. TỔ", "IV. TỔ", "V. TỔ", "VI. TỔ", "VII. TỔ", "VIII. TỔ"]
    positions = [everything.find(group) for group in groups]
    assert -1 not in positions and positions == sorted(positions)
    annex_pages = [text for text in pages if "Họ và tên" in text]
    assert len(annex_pages) >= 2  # the table runs over pages, its header repeated on each
    # Numbering restarts per team: the first row after each group's title is 1.
    firsts = []
    for text in annex_pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines[-1].isdigit():
            lines.pop()  # the page number, drawn last
        for index, line in enumerate(lines):
            if re.match(r"^[IVX]+\. TỔ", line):
                firsts += [next((n for n in lines[index + 1 :] if n.isdigit()), "1")]
    assert len(firsts) == 8 and set(firsts) == {"1"}


@pytest.mark.parametrize("name", ["one_team", "many_teams"])
def test_pages_look_like_the_reviewed_references(name: str, request: pytest.FixtureRequest) -> None:
    assert pdf.compare_with_reference(request.getfixturevalue(name), f"decision-{name.replace('_', '-')}") == []


# ----- data the user typed -----


def test_markup_characters_print_literally(commune: Any) -> None:
    store = commune.store
    person = store.insert(
        "people",
        {"full_name": "Lò Văn <An> & Bình", "position": "Tổ trưởng <tổ> & nhóm", "notes": "a < b > c & d"},
    )
    team_life.add_member(store, commune.teams["Nà Phái"], person["id"], "thanh_vien", "2026-02-01")
    store.update("decisions", commune.decisions["one"], {"proposal": "Trưởng <thôn> & Bí thư"})
    text = pdf.flat(" ".join(pdf.page_texts(render_decision(store, commune.decisions["one"]))))
    for literal in ("Lò Văn <An> & Bình", "Tổ trưởng <tổ> & nhóm", "a < b > c & d", "Theo đề nghị của Trưởng <thôn> &"):
        assert literal in text


def _vietnamese_letters() -> list[str]:
    """Every Vietnamese letter, lower and upper case, in NFC: 12 vowels × 6 tones, and đ."""
    tones = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
    vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    lower = [unicodedata.normalize("NFC", vowel + tone) for vowel in vowels for tone in tones] + ["đ"]
    return lower + [letter.upper() for letter in lower]


def test_every_vietnamese_letter_prints(commune: Any) -> None:
    letters = _vietnamese_letters()
    assert len(letters) == 146
    for face in (layout.FONT, layout.BOLD, layout.ITALIC, layout.BOLD_ITALIC):  # a glyph in every face used
        glyphs = pdfmetrics.getFont(face).face.charToGlyph
        assert [letter for letter in letters if ord(letter) not in glyphs] == []
    line = " ".join("".join(letters[i : i + 6]) for i in range(0, len(letters), 6))
    commune.store.update("decisions", commune.decisions["one"], {"proposal": line})
    text = pdf.flat(" ".join(pdf.page_texts(render_decision(commune.store, commune.decisions["one"]))))
    assert line in text


def test_long_names_and_places_wrap_within_the_page() -> None:
    village = "Khuổi Phặt Nà Lèng Phiêng Luông Trên Bản Chang Dưới"
    long_roster = [
        (
            village,
            [
                (
                    "Tôn Nữ Thị Hoàng Bảo Ngọc Quỳnh Như",
                    "Chi hội trưởng Chi hội Liên hiệp Phụ nữ kiêm Tổ trưởng Tổ hòa giải và Trưởng ban công tác "
                    "Mặt trận",
                    f"Thôn {village}",
                    "to_truong",
                    "0912345678",
                    "Phụ trách nhóm Zalo, trang Facebook và loa truyền thanh của thôn",
                )
            ],
        )
    ]
    commune = build_commune(rosters=long_roster)
    document = render_decision(commune.store, add_decision(commune, "long", [village]))
    for number, words in enumerate(pdf.page_words(document), start=1):
        assert pdf.outside_margins(words) == [], f"page {number}"
    text = pdf.flat(" ".join(pdf.page_texts(document)))
    assert f"Về việc thành lập Tổ công nghệ số cộng đồng thôn {village}" in text
    assert "Tôn Nữ Thị Hoàng Bảo Ngọc Quỳnh Như" in text


def test_a_long_commune_name_wraps_in_the_header() -> None:
    commune = build_commune()
    commune.store.db.execute("UPDATE meta SET value = '00196' WHERE key = 'commune_code'")  # phường Văn Miếu…
    commune.store._commune = None
    document = render_decision(commune.store, add_decision(commune, "long", ["Nà Phái"]))
    words = pdf.page_words(document)
    assert pdf.outside_margins(words[0]) == []
    header = [w for w in words[0] if w.y_max < pdf.TOP + 70]  # the two header columns must not overlap
    left = [w for w in header if w.text in ("VĂN", "MIẾU", "QUỐC", "TỬ", "GIÁM")]
    right = [w for w in header if w.text in ("CỘNG", "HÒA", "XÃ", "HỘI")]
    assert left and right and max(w.x_max for w in left) < min(w.x_min for w in right)


def test_an_undated_draft_leaves_room_for_the_date(commune: Any) -> None:
    commune.store.update("decisions", commune.decisions["one"], {"date": None})
    first = pdf.page_texts(render_decision(commune.store, commune.decisions["one"]))[0]
    date_line = next(line for line in first.splitlines() if "Tân Thành, ngày" in line)
    assert pdf.flat(date_line).strip() == "Tân Thành, ngày tháng năm 2026"  # blanks to fill in by hand


# ----- missing data: a Vietnamese message before anything is drawn -----


@pytest.fixture
def no_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("rendering started despite missing data")

    monkeypatch.setattr(layout, "render", refuse)


def test_no_chairman_name_is_said_before_rendering(commune: Any, no_rendering: None) -> None:
    commune_settings.put(commune.store, commune_settings.CHAIRMAN_NAME, "")
    with pytest.raises(DocumentError, match=r"Chưa có họ tên người ký.*Chủ tịch"):
        render_decision(commune.store, commune.decisions["one"])


def test_a_team_without_members_is_said_before_rendering(commune: Any, no_rendering: None) -> None:
    store = commune.store
    village = store.insert("villages", {"name": "Đồng Ý", "kind": "thon"})
    empty = store.insert("teams", {"name": "Tổ công nghệ số cộng đồng thôn Đồng Ý", "village_id": village["id"]})
    store.update("decisions", commune.decisions["three"], {"team_ids": [commune.teams["Nà Phái"], empty["id"]]})
    with pytest.raises(DocumentError, match="Tổ “Tổ công nghệ số cộng đồng thôn Đồng Ý” không có thành viên"):
        render_decision(store, commune.decisions["three"])


def test_no_team_and_unknown_decisions_are_said(commune: Any, no_rendering: None) -> None:
    store = commune.store
    store.update("decisions", commune.decisions["one"], {"team_ids": []})
    with pytest.raises(DocumentError, match="chưa có tổ nào"):
        render_decision(store, commune.decisions["one"])
    store.delete("decisions", commune.decisions["one"])
    with pytest.raises(DocumentError, match="Không tìm thấy quyết định"):
        render_decision(store, commune.decisions["one"])
    issued_without_content = store.insert("decisions", {"number": 30, "year": 2026, "status": "issued"})
    with pytest.raises(DocumentError, match="không in lại được"):
        render_decision(store, issued_without_content["id"])


# ----- an issued decision is frozen -----


def test_an_issued_decision_prints_the_same_bytes_after_the_roster_changes(commune: Any) -> None:
    store, decision_id = commune.store, commune.decisions["three"]
    decisions.issue_decision(store, decision_id)
    before = render_decision(store, decision_id)
    # The roster, the people and the settings all change afterwards.
    leader = store.rows("memberships", "person_id = ?", [commune.people["Lường Văn Đức"]])[0]
    team_life.end_membership(store, leader["id"], "2026-02-20")
    newcomer = store.insert("people", {"full_name": "Đàm Thị Mới", "phone": "0915000111"})
    team_life.add_member(store, commune.teams["Khòn Pát"], newcomer["id"], "thanh_vien", "2026-02-01")
    store.update("people", commune.people["Hà Thị Mai"], {"full_name": "Hà Thị Mai Anh", "phone": "0945999888"})
    commune_settings.put(commune.store, commune_settings.CHAIRMAN_NAME, "Người Khác")
    commune_settings.put_decision_articles(store, "founding", ["Điều khác hẳn."])
    after = render_decision(store, decision_id)
    assert after == before
    assert "Đàm Thị Mới" not in pdf.flat(" ".join(pdf.page_texts(after)))
    # A draft, by contrast, prints the records as they are now.
    draft = render_decision(store, commune.decisions["one"])
    assert "Người Khác" in pdf.flat(" ".join(pdf.page_texts(draft)))


def test_rendering_is_deterministic(commune: Any) -> None:
    first = render_decision(commune.store, commune.decisions["three"])
    assert render_decision(commune.store, commune.decisions["three"]) == first
