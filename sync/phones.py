"""Vietnamese phone numbers: one canonical stored form, a display form and search tokens."""

from __future__ import annotations

import unicodedata

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

from sync.text import clean_text

__all__ = ["PhoneError", "canonical_phone", "format_phone", "is_mobile", "phone_search_tokens"]

_REGION = "VN"
_COUNTRY_CODE = 84
# Personal numbers only: 1800/1900 service numbers are valid in Vietnam but are nobody's phone.
_ACCEPTED_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# The metadata also calls some ten-digit 0121, 0140 and 0160 numbers "mobile"; they break the rule the
# error message states (mobiles 03/05/07/08/09, landlines 02), and a retired 01xx prefix typed short
# by one digit would otherwise slip through as a different person's number.
_PERSONAL_FIRST_DIGITS = ("2", "3", "5", "7", "8", "9")
# Separators people type between digit groups. Anything else (letters, "/", "#", ";") is refused
# ourselves, because phonenumbers reads letters as keypad digits and drops trailing junk.
_SEPARATORS = frozenset(".()-")

# 11-digit mobile prefixes retired in 2018 and their 10-digit replacements (the last 7 digits stay),
# so an old number in a paper list gets a message that says what to type instead.
_OLD_MOBILE_PREFIXES = {
    "0162": "032",
    "0163": "033",
    "0164": "034",
    "0165": "035",
    "0166": "036",
    "0167": "037",
    "0168": "038",
    "0169": "039",
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}

_RULE_VI = "số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 0, mã vùng 2xx và 7 chữ số."
_RULE_EN = "mobile numbers have 10 digits starting 03, 05, 07, 08 or 09; landlines are 0, a 2xx area code and 7 digits."


class PhoneError(ValueError):
    """A phone number that cannot be stored, with a Vietnamese message for the user."""

    message: str
    message_en: str

    def __init__(self, message: str, message_en: str) -> None:
        # str(error) is the Vietnamese text because that is what the form shows next to the field.
        super().__init__(message)
        self.message = message
        self.message_en = message_en


def _invalid(shown: str) -> PhoneError:
    """Return the error for a number that is not a Vietnamese mobile or landline."""
    return PhoneError(
        f"Số điện thoại “{shown}” không hợp lệ: {_RULE_VI}",
        f"Phone number “{shown}” is not valid: {_RULE_EN}",
    )


def _check_characters(text: str) -> None:
    """Raise PhoneError unless text holds only digits, separators and one leading "+"."""
    seen_digit = False
    seen_plus = False
    for ch in text:
        if ch.isdecimal():
            seen_digit = True
        elif ch == "+" and not seen_digit and not seen_plus:
            seen_plus = True
        elif ch == " " or ch in _SEPARATORS or unicodedata.category(ch) == "Pd":
            continue
        else:
            raise PhoneError(
                f"Số điện thoại “{text}” không hợp lệ: chỉ nhập chữ số, có thể kèm dấu cách, dấu chấm, "
                "gạch ngang, dấu ngoặc và dấu + ở đầu.",
                f"Phone number “{text}” is not valid: type digits only, optionally with spaces, dots, "
                "dashes, brackets and a leading +.",
            )
    if not seen_digit:
        raise _invalid(text)


def _old_mobile_error(text: str, number: PhoneNumber) -> PhoneError | None:
    """Return an error naming the new number if number is a retired 11-digit mobile, else None."""
    national = phonenumbers.national_significant_number(number)
    old_prefix = "0" + national[:3]
    if len(national) != 10 or old_prefix not in _OLD_MOBILE_PREFIXES:
        return None
    new_number = _OLD_MOBILE_PREFIXES[old_prefix] + national[3:]
    return PhoneError(
        f"Số điện thoại “{text}” không hợp lệ: số di động 11 chữ số đầu {old_prefix} đã đổi sang "
        f"10 chữ số từ năm 2018, hãy nhập {new_number}.",
        f"Phone number “{text}” is not valid: 11-digit mobile numbers starting {old_prefix} became "
        f"10-digit numbers in 2018; type {new_number}.",
    )


def _parse(value: str | None) -> PhoneNumber | None:
    """Return the parsed Vietnamese number, None for an empty value, or raise PhoneError."""
    # NFKC turns full-width digits and "＋" into ASCII; clean_text turns NBSP and tabs into spaces.
    text = unicodedata.normalize("NFKC", clean_text(value))
    if not text:
        return None
    _check_characters(text)
    try:
        number = phonenumbers.parse(text, _REGION)
    except NumberParseException as error:
        raise _invalid(text) from error
    if number.country_code != _COUNTRY_CODE:
        raise PhoneError(
            f"Số điện thoại “{text}” không phải số Việt Nam: chỉ chấp nhận số điện thoại Việt Nam (+84).",
            f"Phone number “{text}” is not Vietnamese: only Vietnamese phone numbers (+84) are accepted.",
        )
    if not phonenumbers.is_valid_number(number):
        raise _old_mobile_error(text, number) or _invalid(text)
    if phonenumbers.number_type(number) not in _ACCEPTED_TYPES:
        raise _invalid(text)
    if not phonenumbers.national_significant_number(number).startswith(_PERSONAL_FIRST_DIGITS):
        raise _invalid(text)
    return number


def canonical_phone(value: str | None) -> str:
    """Return the stored form of a Vietnamese phone number: national digits with the leading 0."""
    number = _parse(value)
    if number is None:
        return ""
    # Vietnam's trunk prefix is 0 and its national significant numbers never start with 0.
    return "0" + phonenumbers.national_significant_number(number)


def is_mobile(canonical: str) -> bool:
    """Return True if the value is a valid Vietnamese mobile number."""
    try:
        number = _parse(canonical)
    except PhoneError:
        return False
    return number is not None and phonenumbers.number_type(number) == PhoneNumberType.MOBILE


def format_phone(canonical: str) -> str:
    """Return the display form ("0912 345 678", "0203 3870 123"); invalid text is shown as typed."""
    try:
        number = _parse(canonical)
    except PhoneError:
        # Display must never fail: show what an old import stored so the user can correct it.
        return clean_text(canonical)
    if number is None:
        return ""
    # phonenumbers knows the grouping of every range (e.g. "024 3826 1234" for Hà Nội landlines).
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def phone_search_tokens(canonical: str) -> list[str]:
    """Return the strings a phone search matches: the canonical digits and them without the 0."""
    try:
        digits = canonical_phone(canonical)
    except PhoneError:
        # An unparseable stored value is still findable by the digits it has.
        digits = "".join(ch for ch in canonical if ch.isascii() and ch.isdigit())
        return [digits] if digits else []
    if not digits:
        return []
    return [digits, digits[1:]]
