"""Tests for sync.phones: canonical storage form, display form, search tokens and errors."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.phones import PhoneError, canonical_phone, format_phone, is_mobile, phone_search_tokens

# --- realistic inputs from the sample roster --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("0912.345.678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("+84 987 654 321", "0987654321"),
        ("84383456789", "0383456789"),  # country code 84 + 383..., not a domestic 084... number
        ("0843456789", "0843456789"),  # domestic mobile whose prefix happens to be 084
        ("0977 11 22 33", "0977112233"),
        ("\u00a00912\u00a0345\u00a0678\t", "0912345678"),
        ("０９１２ ３４５ ６７８", "0912345678"),  # full-width digits from some IMEs
        ("0203 3870 123", "02033870123"),
        ("(0203) 3870 123", "02033870123"),
        ("+84 24 3826 1234", "02438261234"),
        ("0599 123 456", "0599123456"),
        ("0562 345 678", "0562345678"),
        ("0701 234 567", "0701234567"),
    ],
)
def test_canonical_phone_accepts(raw: str, canonical: str) -> None:
    assert canonical_phone(raw) == canonical
    assert canonical_phone(canonical) == canonical


@pytest.mark.parametrize("empty", [None, "", "   ", "\u00a0\t"])
def test_canonical_phone_empty(empty: str | None) -> None:
    assert canonical_phone(empty) == ""


def test_invalid_number_message() -> None:
    with pytest.raises(PhoneError) as info:
        canonical_phone("0123456789")
    assert info.value.message == (
        "Số điện thoại “0123456789” không hợp lệ: số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 "
        "hoặc 09; số cố định gồm 0, mã vùng 2xx và 7 chữ số."
    )
    assert "0123456789" in info.value.message_en
    assert str(info.value) == info.value.message
    assert isinstance(info.value, ValueError)


def test_old_eleven_digit_mobile_is_refused_with_new_number() -> None:
    with pytest.raises(PhoneError) as info:
        canonical_phone("01698 765 432")
    assert "0398765432" in info.value.message  # 0169 became 039 in 2018
    assert "2018" in info.value.message_en
    with pytest.raises(PhoneError):
        canonical_phone("0123 456 7890")


@pytest.mark.parametrize(
    "raw",
    [
        "0912abc678",  # phonenumbers alone would read abc as keypad 222
        "02033870123x",  # phonenumbers alone would drop the trailing x
        "0912 345 678 máy lẻ 12",
        "0912345678 / 0987654321",
        "0912+345678",
        "abc",
        "---",
    ],
)
def test_letters_and_junk_are_refused(raw: str) -> None:
    with pytest.raises(PhoneError) as info:
        canonical_phone(raw)
    assert info.value.message.startswith("Số điện thoại “")


@pytest.mark.parametrize(
    "raw",
    [
        "0123456789",
        "0912 345 67",  # one digit short
        "09123456789",  # one digit long
        "1900 1234",  # valid service number, but nobody's phone
        "1800 1091",
        "0140 123 456",  # "mobile" in the metadata, outside the 03/05/07/08/09 rule
        "0691 234 567",
        "02412345678",  # Hà Nội area code with a number range that does not exist
    ],
)
def test_invalid_vietnamese_numbers(raw: str) -> None:
    with pytest.raises(PhoneError):
        canonical_phone(raw)


@pytest.mark.parametrize("raw", ["+1 650 253 0000", "+44 20 7946 0958", "001 650 253 0000", "+86 139 1234 5678"])
def test_foreign_numbers_are_refused(raw: str) -> None:
    with pytest.raises(PhoneError) as info:
        canonical_phone(raw)
    assert "Việt Nam" in info.value.message
    assert "Vietnamese" in info.value.message_en


# --- is_mobile / format_phone / phone_search_tokens ----------------------------------------------------


def test_is_mobile() -> None:
    assert is_mobile("0912345678")
    assert is_mobile("0383456789")
    assert not is_mobile("02033870123")
    assert not is_mobile("")
    assert not is_mobile("0123456789")


@pytest.mark.parametrize(
    ("canonical", "shown"),
    [
        ("0912345678", "0912 345 678"),
        ("0977112233", "0977 112 233"),
        ("02033870123", "0203 3870 123"),
        ("02438261234", "024 3826 1234"),
        ("", ""),
        ("0123456789", "0123456789"),  # an invalid stored value is shown as stored, never an exception
    ],
)
def test_format_phone(canonical: str, shown: str) -> None:
    assert format_phone(canonical) == shown


def test_phone_search_tokens() -> None:
    assert phone_search_tokens("0912345678") == ["0912345678", "912345678"]
    assert phone_search_tokens("02033870123") == ["02033870123", "2033870123"]
    assert phone_search_tokens("") == []
    assert phone_search_tokens("0123 456 789") == ["0123456789"]


# --- property-based ---------------------------------------------------------------------------------------

MOBILE_PREFIXES = ["032", "033", "035", "038", "039", "056", "058", "070", "077", "081", "084", "086", "088"]
MOBILE_PREFIXES += ["090", "091", "093", "094", "096", "097", "098"]
LANDLINE_PREFIXES = ["0203", "0204", "0205", "0206", "0207", "0208", "0209", "0212", "0236", "0262", "0296"]

mobile = st.builds(
    lambda p, rest: p + rest, st.sampled_from(MOBILE_PREFIXES), st.text("0123456789", min_size=7, max_size=7)
)
landline = st.builds(
    lambda p, rest: p + rest,
    st.sampled_from(LANDLINE_PREFIXES),
    st.text("0123456789", min_size=7, max_size=7),
)
canonical_number = st.one_of(mobile, landline)
separator = st.sampled_from(["", " ", ".", "-", "\u00a0", "  "])


def group(digits: str, sizes: list[int], sep: str) -> str:
    """Return digits cut into groups of the given sizes, joined by sep."""
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    parts.append(digits[start:])
    return sep.join(p for p in parts if p)


@st.composite
def typed_number(draw: st.DrawFn) -> tuple[str, str]:
    """Draw (canonical, how someone typed it) with country-code and grouping variants."""
    canonical = draw(canonical_number)
    national = canonical[1:]
    prefix = draw(st.sampled_from(["0", "+84 ", "+84", "84", "0084 ", "(+84) "]))
    sizes = draw(st.lists(st.integers(1, 4), max_size=4))
    return canonical, prefix + group(national, sizes, draw(separator))


@given(canonical_number)
def test_generated_numbers_are_accepted(canonical: str) -> None:
    assert canonical_phone(canonical) == canonical
    assert is_mobile(canonical) == (canonical[1] != "2")


@given(typed_number())
def test_any_typing_gives_the_canonical_form(case: tuple[str, str]) -> None:
    canonical, typed = case
    assert canonical_phone(typed) == canonical


@given(typed_number())
def test_canonical_phone_idempotent(case: tuple[str, str]) -> None:
    once = canonical_phone(case[1])
    assert canonical_phone(once) == once
    assert once.isascii() and once.isdigit() and once.startswith("0")
    assert len(once) == (10 if is_mobile(once) else 11)


@given(typed_number())
def test_canonical_phone_nfc_nfd_blind(case: tuple[str, str]) -> None:
    typed = case[1]
    assert canonical_phone(unicodedata.normalize("NFD", typed)) == canonical_phone(unicodedata.normalize("NFC", typed))


@given(st.text(max_size=20))
def test_canonical_phone_never_crashes_otherwise(value: str) -> None:
    try:
        once = canonical_phone(value)
    except PhoneError as error:
        assert error.message and error.message_en
    else:
        assert canonical_phone(once) == once


@given(canonical_number)
def test_format_then_parse_round_trip(canonical: str) -> None:
    shown = format_phone(canonical)
    assert canonical_phone(shown) == canonical
    assert shown.replace(" ", "") == canonical
    assert phone_search_tokens(canonical) == [canonical, canonical[1:]]
