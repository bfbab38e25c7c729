"""The rules that keep one record's values clean (sync.records.clean_values).

Each test states one rule as the user meets it: what is typed, what is stored, or which Vietnamese
message names the field that is wrong.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

import pytest

from sync.records import RecordInvalid, clean_values

TODAY = date(2026, 3, 1)
TEAM_ID = "01a22373-d2db-749c-bbdc-619392cb87c2"


def nfd(text: str) -> str:
    """Text decomposed, the way some keyboards and macOS deliver it."""
    return unicodedata.normalize("NFD", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def clean(type_name: str, values: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return clean_values(type_name, values, today=TODAY, **kwargs)


def refusal(type_name: str, values: dict[str, Any], **kwargs: Any) -> RecordInvalid:
    """The RecordInvalid raised for values that break a rule."""
    with pytest.raises(RecordInvalid) as caught:
        clean(type_name, values, **kwargs)
    return caught.value


def error_fields(error: RecordInvalid) -> list[str]:
    return [problem.field for problem in error.errors]


def session(**values: Any) -> dict[str, Any]:
    """A valid support session, with some values replaced."""
    return {"team_id": TEAM_ID, "date": "2026-02-20", **values}


# --- Unicode normalisation -------------------------------------------------------------------------


def test_text_typed_decomposed_is_stored_composed() -> None:
    cleaned = clean("villages", {"name": nfd("nà phái"), "notes": nfd("Gần chợ Thất Khê\nĐường vào bản")})

    assert cleaned["name"] == "Nà Phái"
    assert is_nfc(cleaned["name"])
    assert cleaned["notes"] == "Gần chợ Thất Khê\nĐường vào bản"
    assert is_nfc(cleaned["notes"])


@pytest.mark.parametrize(
    ("typed", "kind", "stored"),
    [("Thôn Nà Phái", "thon", "Nà Phái"), ("bản pác cáp", "Bản", "Pác Cáp"), ("Tổ dân phố số 3", "to_dan_pho", "số 3")],
)
def test_the_kind_word_typed_in_front_of_a_village_name_is_dropped(typed: str, kind: str, stored: str) -> None:
    # The kind is its own field; kept in the name too, the paperwork would print "Thôn Thôn Nà Phái".
    assert clean("villages", {"name": typed, "kind": kind})["name"] == stored


def test_plain_text_fields_are_composed_and_spaces_collapsed() -> None:
    cleaned = clean("sessions", session(place=nfd("  Nhà văn hoá   thôn  ")))

    assert cleaned["place"] == "Nhà văn hoá thôn"
    assert is_nfc(cleaned["place"])


def test_look_alike_eth_becomes_vietnamese_d_with_stroke() -> None:
    cleaned = clean("people", {"full_name": "\u00d0inh Thị Mai"})  # Icelandic Ð, not Vietnamese Đ

    assert cleaned["full_name"] == "Đinh Thị Mai"


# --- Names ----------------------------------------------------------------------------------------


def test_person_name_is_capitalised_and_split_into_family_middle_given() -> None:
    cleaned = clean("people", {"full_name": "  nguyễn   THỊ như quỳnh "})

    assert cleaned["full_name"] == "Nguyễn Thị Như Quỳnh"
    assert (cleaned["family_name"], cleaned["middle_name"], cleaned["given_name"]) == ("Nguyễn", "Thị Như", "Quỳnh")


def test_two_word_name_has_no_middle_name() -> None:
    cleaned = clean("people", {"full_name": "lò văn"})

    assert (cleaned["family_name"], cleaned["middle_name"], cleaned["given_name"]) == ("Lò", "", "Văn")


def test_one_word_name_is_a_given_name() -> None:
    cleaned = clean("people", {"full_name": "h'hen"})

    assert cleaned["full_name"] == "H'Hen"
    assert (cleaned["family_name"], cleaned["middle_name"], cleaned["given_name"]) == ("", "", "H'Hen")


def test_name_parts_typed_by_the_caller_are_replaced_by_the_split_of_the_full_name() -> None:
    cleaned = clean("people", {"full_name": "Lăng Văn Hoà", "given_name": "Văn Hoà"})

    assert cleaned["given_name"] == "Hoà"


def test_a_name_is_required() -> None:
    error = refusal("people", {"full_name": "   "})

    assert error_fields(error) == ["full_name"]
    assert error.errors[0].vi == "Họ và tên: không được để trống."


# --- Phone numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
        "(+84) 912.345.678",
    ],
)
def test_every_way_of_typing_a_mobile_number_is_stored_the_same(typed: str) -> None:
    assert clean("people", {"full_name": "Lê Văn An", "phone": typed})["phone"] == "0912345678"


def test_a_landline_is_stored_with_its_area_code() -> None:
    assert clean("people", {"full_name": "Lê Văn An", "phone": "024 3826 1234"})["phone"] == "02438261234"


def test_an_empty_phone_is_no_phone() -> None:
    assert clean("people", {"full_name": "Lê Văn An", "phone": "  "})["phone"] is None


@pytest.mark.parametrize("typed", ["12345", "0912 345 67", "0912 345 678 9", "09l2345678", "1900 1234"])
def test_an_invalid_phone_is_refused_in_vietnamese_naming_the_field(typed: str) -> None:
    error = refusal("people", {"full_name": "Lê Văn An", "phone": typed})

    assert error_fields(error) == ["phone"]
    assert error.errors[0].vi.startswith("Số điện thoại")
    assert "không hợp lệ" in error.errors[0].vi
    assert error.errors[0].en.startswith("Phone")


def test_a_foreign_number_is_refused_as_not_vietnamese() -> None:
    error = refusal("people", {"full_name": "Lê Văn An", "phone": "+1 650 253 0000"})

    assert error_fields(error) == ["phone"]
    assert "không phải số Việt Nam" in error.errors[0].vi


def test_an_old_eleven_digit_mobile_is_refused_with_its_new_number() -> None:
    error = refusal("people", {"full_name": "Lê Văn An", "phone": "01683 456 789"})

    assert "0383456789" in error.errors[0].vi


# --- Dates, times and counts of sessions ----------------------------------------------------------


def test_a_session_date_typed_the_vietnamese_way_is_stored_as_iso() -> None:
    assert clean("sessions", session(date="05/02/2026"))["date"] == "2026-02-05"


def test_a_session_today_is_accepted() -> None:
    assert clean("sessions", session(date=TODAY))["date"] == "2026-03-01"


def test_a_session_in_the_future_is_refused() -> None:
    tomorrow = TODAY + timedelta(days=1)

    error = refusal("sessions", session(date=tomorrow))

    assert error_fields(error) == ["date"]
    assert error.errors[0].vi == "Ngày hỗ trợ không được ở tương lai."


def test_an_impossible_date_is_refused() -> None:
    error = refusal("sessions", session(date="30/02/2026"))

    assert error_fields(error) == ["date"]
    assert "không phải ngày hợp lệ" in error.errors[0].vi


def test_times_typed_loosely_are_stored_as_hh_mm() -> None:
    cleaned = clean("sessions", session(start_time="8h30", end_time="14.15"))

    assert (cleaned["start_time"], cleaned["end_time"]) == ("08:30", "14:15")


def test_an_end_time_before_the_start_time_is_refused() -> None:
    error = refusal("sessions", session(start_time="14:00", end_time="13:30"))

    assert error_fields(error) == ["end_time"]
    assert error.errors[0].vi == "Giờ kết thúc phải sau giờ bắt đầu."


def test_counts_typed_with_thousand_separators_are_whole_numbers() -> None:
    assert clean("villages", {"name": "Khu Phố 1", "households": "1.250"})["households"] == 1250


@pytest.mark.parametrize(
    ("type_name", "values", "field"),
    [
        ("sessions", session(citizens_total=-1), "citizens_total"),
        ("sessions", session(citizens_total=5, category_counts={"1": -2}), "category_counts"),
        ("villages", {"name": "Bản Ké", "households": "-40"}, "households"),
    ],
)
def test_negative_counts_are_refused(type_name: str, values: dict[str, Any], field: str) -> None:
    error = refusal(type_name, values)

    assert error_fields(error) == [field]
    assert "không được là số âm" in error.errors[0].vi


def test_a_count_that_is_not_a_number_is_refused() -> None:
    error = refusal("sessions", session(citizens_total="năm"))

    assert error_fields(error) == ["citizens_total"]
    assert "không phải số nguyên" in error.errors[0].vi


def test_a_total_that_is_not_a_number_is_not_taken_for_zero() -> None:
    # Only the total is wrong; the per-category counts must not be reported as exceeding "0".
    error = refusal("sessions", session(citizens_total="mười hai", category_counts={"1": 8, "2": 4}))

    assert error_fields(error) == ["citizens_total"]


def test_citizens_helped_in_one_category_may_equal_but_not_exceed_the_total() -> None:
    assert clean("sessions", session(citizens_total=5, category_counts={"1": 5, "3": 2}))["category_counts"] == {
        "1": 5,
        "3": 2,
    }

    error = refusal("sessions", session(citizens_total=5, category_counts={"1": 6}))

    assert error_fields(error) == ["category_counts"]
    assert "(6)" in error.errors[0].vi and "(5)" in error.errors[0].vi


def test_households_with_the_five_skills_cannot_exceed_all_households() -> None:
    error = refusal(
        "village_indicators", {"village_id": TEAM_ID, "date": "2026-01-01", "households": 80, "households_5skills": 81}
    )

    assert error_fields(error) == ["households_5skills"]


# --- People ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1900, 1985, TODAY.year])
def test_birth_years_from_1900_to_this_year_are_accepted(year: int) -> None:
    assert clean("people", {"full_name": "Lê Văn An", "birth_year": year})["birth_year"] == year


@pytest.mark.parametrize("year", [1899, TODAY.year + 1, 85])
def test_birth_years_outside_1900_to_this_year_are_refused(year: int) -> None:
    error = refusal("people", {"full_name": "Lê Văn An", "birth_year": year})

    assert error_fields(error) == ["birth_year"]
    assert f"Năm sinh {year} không hợp lệ" in error.errors[0].vi


def test_an_email_is_stored_in_lower_case_and_a_bad_one_refused() -> None:
    assert clean("people", {"full_name": "Lê Văn An", "email": " An.Le@Example.VN "})["email"] == "an.le@example.vn"

    assert error_fields(refusal("people", {"full_name": "Lê Văn An", "email": "an.le@"})) == ["email"]


# --- Teams ----------------------------------------------------------------------------------------


def test_a_dissolved_team_needs_a_dissolution_date() -> None:
    error = refusal("teams", {"name": "Tổ Nà Phái", "status": "dissolved"})

    assert error_fields(error) == ["dissolved_on"]
    assert error.errors[0].vi == "Tổ đã giải thể cần có ngày giải thể."

    cleaned = clean("teams", {"name": "Tổ Nà Phái", "status": "Đã giải thể", "dissolved_on": "30/06/2025"})
    assert (cleaned["status"], cleaned["dissolved_on"]) == ("dissolved", "2025-06-30")


def test_a_team_cannot_be_dissolved_before_it_was_founded() -> None:
    error = refusal(
        "teams", {"name": "Tổ Nà Phái", "founded_on": "2025-08-01", "status": "dissolved", "dissolved_on": "2025-07-01"}
    )

    assert error_fields(error) == ["dissolved_on"]


def test_a_new_team_is_active_by_default() -> None:
    assert clean("teams", {"name": "Tổ Nà Phái"})["status"] == "active"


# --- Choices --------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["to_truong", "Tổ trưởng", "tổ trưởng", "TỔ TRƯỞNG", nfd("Tổ trưởng")])
def test_a_role_may_be_given_as_its_value_or_its_vietnamese_label(typed: str) -> None:
    cleaned = clean("memberships", {"person_id": TEAM_ID, "team_id": TEAM_ID, "role": typed})

    assert cleaned["role"] == "to_truong"


def test_a_village_kind_label_is_stored_as_its_value() -> None:
    assert clean("villages", {"name": "Số 3", "kind": "Tổ dân phố"})["kind"] == "to_dan_pho"


def test_an_unknown_choice_is_refused_listing_the_allowed_labels() -> None:
    error = refusal("memberships", {"person_id": TEAM_ID, "team_id": TEAM_ID, "role": "Trưởng nhóm"})

    assert error_fields(error) == ["role"]
    message = error.errors[0].vi
    assert message.startswith("Chức danh trong Tổ:")
    assert all(label in message for label in ("Tổ trưởng", "Tổ phó", "Thành viên"))


# --- Unknown fields, required fields, references --------------------------------------------------


def test_an_unknown_field_is_refused() -> None:
    error = refusal("people", {"full_name": "Lê Văn An", "nickname": "An béo"})

    assert error_fields(error) == ["nickname"]
    assert error.errors[0].vi == "Trường không tồn tại: nickname"


def test_the_common_fields_every_record_has_are_not_unknown() -> None:
    cleaned = clean("people", {"full_name": "Lê Văn An", "id": TEAM_ID, "commune_code": "06040", "deleted": 0})

    assert "id" not in cleaned  # the store, not the cleaning, decides these
    assert cleaned["full_name"] == "Lê Văn An"


def test_a_reference_must_be_a_record_id() -> None:
    error = refusal("sessions", session(team_id="tổ 1"))

    assert error_fields(error) == ["team_id"]


def test_a_reference_in_upper_case_is_stored_in_lower_case() -> None:
    assert clean("sessions", session(team_id=TEAM_ID.upper()))["team_id"] == TEAM_ID


def test_a_new_record_gets_defaults_but_an_edit_cleans_only_what_it_changes() -> None:
    new = clean("sessions", session())
    edit = clean("sessions", {"place": "Nhà văn hoá"}, partial=True)

    assert (new["citizens_total"], new["category_counts"], new["member_ids"]) == (0, {}, [])
    assert edit == {"place": "Nhà văn hoá"}


def test_defaults_are_not_shared_between_records() -> None:
    first = clean("sessions", session())
    first["member_ids"].append(TEAM_ID)

    assert clean("sessions", session())["member_ids"] == []


# --- Every problem at once ------------------------------------------------------------------------


def test_every_field_problem_is_reported_together() -> None:
    error = refusal(
        "people",
        {"full_name": "", "phone": "12345", "gender": "ông", "email": "không có", "birth_year": "năm", "nickname": "x"},
    )

    assert sorted(error_fields(error)) == sorted(["nickname", "full_name", "gender", "birth_year", "phone", "email"])
    assert all(problem.vi and problem.en for problem in error.errors)
    # The exception's text is every Vietnamese message, so a form can show it as it is.
    assert all(problem.vi in str(error) for problem in error.errors)


def test_every_problem_of_a_session_is_reported_together() -> None:
    error = refusal(
        "sessions",
        session(date="2026-03-05", start_time="09:00", end_time="08:00", citizens_total=2, category_counts={"1": 3}),
    )

    assert sorted(error_fields(error)) == ["category_counts", "date", "end_time"]


def test_a_field_problem_does_not_hide_a_rule_broken_by_another_field() -> None:
    # A user who types a bad phone and a bad birth year must hear about both at once, not one per save.
    error = refusal("people", {"full_name": "Lê Văn An", "phone": "12345", "birth_year": 1850})

    assert sorted(error_fields(error)) == ["birth_year", "phone"]
