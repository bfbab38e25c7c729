"""Search across people, teams, villages and sessions (desktop.store.search through Store.search).

What a commune official types — without diacritics, in capitals, with tone marks placed the other way,
"d" for "đ", part of a phone number — finds what was stored, best match first, a page at a time.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store import Store
from desktop.store.search import match_expression
from tests.unit.conftest import COMMUNE_CODE, TODAY

FILLER_NAMES = [
    "Hoàng Văn Chiến",
    "Lý Thị Dung",
    "Nông Văn Tú",
    "Vi Thị Hằng",
    "Triệu Văn Sơn",
    "Lương Thị Thu",
    "Bế Văn Hải",
    "Hà Thị Lan",
    "Chu Văn Long",
    "Mã Thị Hương",
    "Hứa Văn Quang",
    "La Thị Nga",
]


@pytest.fixture
def commune(store: Store) -> dict[str, Any]:
    """A small commune: two villages, a team, people and sessions, plus neighbours to rank against."""
    na_phai = store.insert("villages", {"name": "Nà Phái", "kind": "thon", "notes": "Gần chợ Thất Khê"})
    dong_dang = store.insert("villages", {"name": "Đồng Đăng", "kind": "khu_pho"})
    team = store.insert(
        "teams",
        {"name": "Tổ công nghệ số thôn Nà Phái", "village_id": na_phai["id"], "notes": "Họp vào thứ Bảy đầu tháng"},
    )
    mai = store.insert("people", {"full_name": "Đinh Thị Mai", "phone": "0912 345 678"})
    hoa = store.insert("people", {"full_name": "Lăng Văn Hoà", "phone": "+84 987 654 321"})
    quynh = store.insert(
        "people",
        {"full_name": "nguyễn thị như quỳnh", "position": "Giáo viên", "organisation": "Trường Tiểu học Thất Khê"},
    )
    for name in FILLER_NAMES:
        store.insert("people", {"full_name": name})
    session = store.insert(
        "sessions",
        {
            "team_id": team["id"],
            "date": "2026-02-20",
            "place": "Nhà văn hoá thôn Nà Phái",
            "notes": "Hướng dẫn kích hoạt VNeID mức 2 cho người cao tuổi; chị Mai hỗ trợ bà con "
            "cài ứng dụng ngân hàng, thanh toán tiền điện qua mã QR và nhận biết tin nhắn lừa đảo.",
            "citizens_total": 14,
        },
    )
    return {
        "na_phai": na_phai,
        "dong_dang": dong_dang,
        "team": team,
        "mai": mai,
        "hoa": hoa,
        "quynh": quynh,
        "session": session,
    }


def found(store: Store, text: str, **kwargs: Any) -> list[str]:
    """Ids of the records a search finds, best first."""
    return [hit.record_id for hit in store.search(text, **kwargs)]


# --- Blind to case, diacritics, tone placement and đ/d --------------------------------------------


@pytest.mark.parametrize(
    "typed", ["Đinh Thị Mai", "ĐINH THỊ MAI", "đinh thị mai", "dinh thi mai", "DINH", "dinh", "thi mai", "mai dinh"]
)
def test_a_name_is_found_however_it_is_typed(store: Store, commune: dict[str, Any], typed: str) -> None:
    assert commune["mai"]["id"] in found(store, typed)


def test_d_finds_d_with_stroke_and_d_with_stroke_finds_d(store: Store, commune: dict[str, Any]) -> None:
    dinh = store.insert("people", {"full_name": "Dinh Văn Lộc"})  # a name typed without its stroke

    assert found(store, "dinh") == found(store, "đinh")
    assert set(found(store, "đinh")) == {commune["mai"]["id"], dinh["id"]}


@pytest.mark.parametrize("typed", ["Lăng Văn Hòa", "Lăng Văn Hoà", "lang van hoa", "lăng hòa", "LĂNG HOÀ"])
def test_tone_mark_placement_does_not_matter(store: Store, commune: dict[str, Any], typed: str) -> None:
    assert found(store, typed) == [commune["hoa"]["id"]]


def test_old_and_new_tone_placement_find_the_same_records(store: Store, commune: dict[str, Any]) -> None:
    # "Hoà" (old style) is stored; "văn hoá" is in a session's place and notes.
    assert found(store, "hòa") == found(store, "hoà")
    assert {commune["hoa"]["id"], commune["session"]["id"]} <= set(found(store, "hòa"))


def test_decomposed_input_finds_composed_data(store: Store, commune: dict[str, Any]) -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn Thị Như Quỳnh")
    assert typed != "Nguyễn Thị Như Quỳnh"

    assert found(store, typed) == [commune["quynh"]["id"]]


def test_decomposed_data_is_found_by_composed_input(store: Store, commune: dict[str, Any]) -> None:
    stored = store.insert("people", {"full_name": unicodedata.normalize("NFD", "Phùng Thị Thuỷ")})

    assert found(store, "Phùng Thị Thuỷ") == [stored["id"]]
    assert found(store, "thuy") == [stored["id"]]


def test_words_are_matched_as_prefixes_while_typing(store: Store, commune: dict[str, Any]) -> None:
    assert found(store, "quy") == [commune["quynh"]["id"]]
    assert found(store, "nguy th nhu qu") == [commune["quynh"]["id"]]


def test_every_word_must_match(store: Store, commune: dict[str, Any]) -> None:
    assert found(store, "mai quynh") == []


# Syllables as typed with the old tone placement and with the new one (both are in use).
SYLLABLES = [
    ("Hoà", "Hòa"),
    ("Thuỷ", "Thủy"),
    ("Khoẻ", "Khỏe"),
    ("Loá", "Lóa"),
    ("Thoả", "Thỏa"),
    ("Quý", "Quý"),
    ("Đinh", "Đinh"),
    ("Nguyễn", "Nguyễn"),
    ("Lăng", "Lăng"),
    ("Ưng", "Ưng"),
    ("Đặng", "Đặng"),
    ("Dương", "Dương"),
]


@settings(max_examples=40, deadline=None)
@given(
    parts=st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=4),
    stored_nfd=st.booleans(),
    style=st.sampled_from(["folded", "upper", "nfd", "new tone placement", "d for đ"]),
)
def test_any_name_is_found_however_it_was_stored_and_typed(
    parts: list[tuple[str, str]], stored_nfd: bool, style: str
) -> None:
    stored = " ".join(old for old, _ in parts)
    typed = {
        "folded": fold_like_a_user(stored),
        "upper": stored.upper(),
        "nfd": unicodedata.normalize("NFD", stored),
        "new tone placement": " ".join(new for _, new in parts),
        "d for đ": stored.replace("Đ", "D").replace("đ", "d"),
    }[style]
    with Store.in_memory() as store:
        store.today = lambda: TODAY
        store.set_commune(COMMUNE_CODE)
        person = store.insert("people", {"full_name": unicodedata.normalize("NFD", stored) if stored_nfd else stored})

        assert [hit.record_id for hit in store.search(typed)] == [person["id"]]


def fold_like_a_user(text: str) -> str:
    """What a user types without a Vietnamese keyboard: no marks, đ as d, lower case."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return stripped.replace("Đ", "D").replace("đ", "d").lower()


# --- Phones ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("length", range(3, 11))
def test_a_phone_is_found_by_any_prefix_of_its_canonical_form(
    store: Store, commune: dict[str, Any], length: int
) -> None:
    typed = "0912345678"[:length]

    assert found(store, typed) == [commune["mai"]["id"]]


@pytest.mark.parametrize("typed", ["912", "912345", "912345678", "98765"])
def test_a_phone_is_found_without_its_leading_zero(store: Store, commune: dict[str, Any], typed: str) -> None:
    expected = commune["mai"] if typed.startswith("9123") or typed == "912" else commune["hoa"]

    assert found(store, typed) == [expected["id"]]


def test_a_phone_typed_in_another_form_when_stored_is_found_by_its_canonical_digits(
    store: Store, commune: dict[str, Any]
) -> None:
    assert found(store, "0987654321") == [commune["hoa"]["id"]]  # stored from "+84 987 654 321"


@pytest.mark.parametrize("typed", ["0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345"])
def test_a_phone_is_found_as_the_app_shows_it_or_as_it_is_written_on_paper(
    store: Store, commune: dict[str, Any], typed: str
) -> None:
    # format_phone() shows "0912 345 678"; paper lists write "0912.345.678" or "+84 …".
    assert found(store, typed) == [commune["mai"]["id"]]


# --- What is searched -----------------------------------------------------------------------------


def test_people_teams_villages_and_sessions_are_all_searched(store: Store, commune: dict[str, Any]) -> None:
    hits = {(hit.record_type, hit.record_id) for hit in store.search("na phai")}

    assert hits == {
        ("villages", commune["na_phai"]["id"]),
        ("teams", commune["team"]["id"]),
        ("sessions", commune["session"]["id"]),
    }


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("giao vien", "quynh"),  # a person's position
        ("tieu hoc that khe", "quynh"),  # a person's organisation
        ("nha van hoa", "session"),  # a session's place
        ("vneid muc 2", "session"),  # a session's notes
        ("lua dao", "session"),
        ("thu bay", "team"),  # a team's notes
        ("gan cho", "na_phai"),  # a village's notes
        ("dong dang", "dong_dang"),
        ("khu pho", "dong_dang"),  # a village's kind
    ],
)
def test_searched_fields(store: Store, commune: dict[str, Any], typed: str, key: str) -> None:
    assert found(store, typed) == [commune[key]["id"]]


def test_each_hit_says_what_kind_of_record_it_is(store: Store, commune: dict[str, Any]) -> None:
    [hit] = store.search("quynh")

    assert (hit.record_type, hit.record_id) == ("people", commune["quynh"]["id"])


def test_an_edit_changes_what_a_record_is_found_by(store: Store, commune: dict[str, Any]) -> None:
    store.update("people", commune["quynh"]["id"], {"position": "Hiệu trưởng"})

    assert found(store, "giao vien") == []
    assert found(store, "hieu truong") == [commune["quynh"]["id"]]


def test_categories_and_memberships_are_not_searched(store: Store, commune: dict[str, Any]) -> None:
    assert found(store, "vneid dinh danh") == []  # category 1, "Định danh điện tử VNeID"


# --- Paging and ranking ---------------------------------------------------------------------------


def test_results_come_in_disjoint_pages_that_cover_every_match(store: Store, team: dict[str, Any]) -> None:
    with store.transaction():
        expected = {
            store.insert("sessions", {"team_id": team["id"], "date": TODAY, "place": f"Nhà ông Hải {n}"})["id"]
            for n in range(23)
        }
        expected |= {store.insert("people", {"full_name": f"Bế Văn Hải {n}"})["id"] for n in range(7)}

    pages = [found(store, "hai", limit=8, offset=offset) for offset in range(0, 40, 8)]

    assert [len(page) for page in pages] == [8, 8, 8, 6, 0]
    every = [record_id for page in pages for record_id in page]
    assert len(every) == len(set(every)) == 30
    assert set(every) == expected
    assert every == found(store, "hai", limit=100)


def test_a_name_ranks_above_a_long_note_that_mentions_it_in_passing(store: Store, commune: dict[str, Any]) -> None:
    hits = found(store, "mai")

    assert hits == [commune["mai"]["id"], commune["session"]["id"]]


def test_rank_beats_the_type_order(store: Store, commune: dict[str, Any]) -> None:
    # People are listed first only when ranks tie; a dense match in a village beats a passing one in a person.
    village = store.insert("villages", {"name": "Bản Chè Sao", "kind": "ban"})
    person = store.insert(
        "people",
        {
            "full_name": "Vi Văn Toàn",
            "organisation": (
                "Công ty cổ phần dịch vụ bưu chính viễn thông, chi nhánh xã Thất Khê, điểm giao dịch chợ Chè Sao"
            ),
        },
    )

    assert found(store, "che sao") == [village["id"], person["id"]]


def test_a_whole_word_ranks_above_a_word_it_only_begins(store: Store, commune: dict[str, Any]) -> None:
    an = store.insert("people", {"full_name": "Lê Văn An"})
    anh = store.insert("people", {"full_name": "Lê Văn Anh"})  # newer, so it would win a tie

    assert found(store, "le van an") == [an["id"], anh["id"]]


# --- The index stays in step with the data --------------------------------------------------------


def test_a_deleted_record_is_forgotten_and_a_restored_one_found_again(store: Store, commune: dict[str, Any]) -> None:
    store.delete("people", commune["mai"]["id"])
    store.delete("sessions", commune["session"]["id"])

    assert found(store, "mai") == []
    assert found(store, "0912") == []

    store.restore("people", commune["mai"]["id"])

    assert found(store, "mai") == [commune["mai"]["id"]]


def test_the_index_survives_closing_and_reopening(data_dir: Path, store: Store, commune: dict[str, Any]) -> None:
    before = found(store, "na phai")
    store.close()

    with Store.open(data_dir, automatic_backup=False) as reopened:
        assert found(reopened, "na phai") == before
        assert found(reopened, "lang van hoa") == [commune["hoa"]["id"]]


# --- Queries that are not words -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["", "   ", "...", "-/*", '"', "()", "“”", "?!;:", "+"])
def test_a_query_of_punctuation_only_finds_nothing(store: Store, commune: dict[str, Any], typed: str) -> None:
    assert match_expression(typed) is None
    assert store.search(typed) == []


@pytest.mark.parametrize("typed", ['mai"', "mai*", "^mai", "(mai)", "mai:", "{mai}", "'mai'"])
def test_search_syntax_characters_typed_by_a_user_are_ignored(
    store: Store, commune: dict[str, Any], typed: str
) -> None:
    assert found(store, typed) == found(store, "mai")


@pytest.mark.parametrize("typed", ["NEAR(mai dinh)", "mai AND dinh", "mai OR hoa", "NOT mai", "people:mai"])
def test_search_operators_typed_by_a_user_are_plain_words(store: Store, commune: dict[str, Any], typed: str) -> None:
    # No FTS5 syntax error reaches the user, and no operator widens the search: every word must match.
    assert found(store, typed) == []


def test_paging_reaches_past_the_ranking_window(
    store: Store, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import search

    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    for day in range(1, 13):
        store.insert("sessions", {"team_id": team["id"], "date": f"2026-02-{day:02d}", "place": "Chợ Thất Khê"})

    pages = [store.search("cho that khe", limit=5, offset=offset) for offset in (0, 5, 10)]

    found = [hit.record_id for page in pages for hit in page]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert len(set(found)) == 12
