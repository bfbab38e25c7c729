"""The synced record types, their fields, and the rules that keep one record's values clean.

Laptop and province server share these definitions. Rules that need other records (one active team
per village, one leader per team, references) live with the store that can look them up.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from sync.dates import iso_date, parse_date, parse_time
from sync.ids import is_uuid
from sync.phones import PhoneError, canonical_phone
from sync.text import capitalize_name, capitalize_place, clean_multiline, clean_text, fold, split_name

CODE_SCHEME = "2025"  # administrative codes since 1 July 2025; old codes reuse the same numbers
COMMON_FIELDS = ("id", "commune_code", "code_scheme", "created_at", "updated_at", "deleted")


class Kind(Enum):
    """How a field's value is cleaned and stored."""

    TEXT = "text"
    MULTILINE = "multiline"
    NAME = "name"
    PLACE = "place"
    INT = "int"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    PHONE = "phone"
    EMAIL = "email"
    CHOICE = "choice"
    REF = "ref"
    ID_LIST = "id_list"
    TEXT_LIST = "text_list"
    COUNTS = "counts"
    JSON = "json"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice field, with its labels."""

    value: str
    vi: str
    en: str


@dataclass(frozen=True)
class Field:
    """One field of a record type: name, labels in both languages, and how it is cleaned."""

    name: str
    vi: str
    en: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[Choice, ...] = ()
    ref: str | None = None
    default: Any = None

    def choice_label(self, value: str, language: str = "vi") -> str:
        """The label of a stored choice value, or the value itself when unknown."""
        for choice in self.choices:
            if choice.value == value:
                return choice.vi if language == "vi" else choice.en
        return value


@dataclass(frozen=True)
class FieldError:
    """A problem with one field, said in Vietnamese (and English) naming the field."""

    field: str
    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi


class RecordInvalid(ValueError):
    """Raised when values break the rules; carries every problem found, not just the first."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(" ".join(error.vi for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class RecordType:
    """A synced record type: its table, labels, fields and the fields search looks at."""

    name: str
    vi: str
    en: str
    fields: tuple[Field, ...]
    search_fields: tuple[str, ...] = ()
    check: Callable[[dict[str, Any], date, list[FieldError]], None] | None = None
    tidy: Callable[[dict[str, Any]], None] | None = None
    _by_name: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        """The field called name; KeyError for an unknown one."""
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        """True when the type has a field called name."""
        return name in self._by_name


def _choices(*items: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*item) for item in items)


VILLAGE_KINDS = _choices(
    ("thon", "Thôn", "Village"),
    ("ban", "Bản", "Hamlet (bản)"),
    ("ap", "Ấp", "Hamlet (ấp)"),
    ("buon", "Buôn", "Hamlet (buôn)"),
    ("lang", "Làng", "Village (làng)"),
    ("to_dan_pho", "Tổ dân phố", "Residential group"),
    ("khu_pho", "Khu phố", "Quarter"),
    ("khac", "Khác", "Other"),
)
GENDERS = _choices(("nam", "Nam", "Male"), ("nu", "Nữ", "Female"), ("khac", "Khác", "Other"))
ROLES = _choices(
    ("to_truong", "Tổ trưởng", "Team leader"),
    ("to_pho", "Tổ phó", "Deputy leader"),
    ("thanh_vien", "Thành viên", "Member"),
)
TEAM_STATUSES = _choices(("active", "Đang hoạt động", "Active"), ("dissolved", "Đã giải thể", "Dissolved"))
DECISION_KINDS = _choices(
    ("founding", "Thành lập", "Founding"),
    ("restructuring", "Kiện toàn", "Restructuring"),
)
DECISION_STATUSES = _choices(("draft", "Dự thảo", "Draft"), ("issued", "Đã ban hành", "Issued"))
SIGN_MODES = _choices(
    ("TM", "TM. Ủy ban nhân dân", "On behalf of the committee"), ("KT", "KT. Chủ tịch", "For the chairman")
)

# The default activity categories (domain.md); the province may publish its own list.
DEFAULT_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("1", "Định danh điện tử VNeID", "VNeID electronic identity"),
    ("2", "Dịch vụ công trực tuyến", "Online public services"),
    ("3", "Thanh toán không dùng tiền mặt", "Cashless payment"),
    ("4", "Thương mại điện tử, gian hàng số", "E-commerce and digital shops"),
    ("5", "Y tế số", "Digital health"),
    ("6", "An toàn trên không gian mạng", "Online safety"),
    ("7", "Kỹ năng số cơ bản, Bình dân học vụ số", "Basic digital skills"),
    ("8", "Nền tảng số của địa phương", "Local digital platforms"),
    ("9", "Giáo dục, an sinh xã hội", "Education and social-policy services"),
    ("10", "Khác", "Other"),
)

# Category ids are derived from commune and code, never random: laptops set up offline, laptops enrolled before
# either synced, and the province's published list all name one category by the same record.
_CATEGORY_NAMESPACE = uuid.UUID("0b7e3f7c-51a2-4d7e-8c1f-6a2d9e4b7c31")


def category_id(commune_code: str, code: str) -> str:
    """The record id of the commune's activity category with this code."""
    return str(uuid.uuid5(_CATEGORY_NAMESPACE, f"{commune_code}:{code}"))


def _err(field_name: str, vi: str, en: str) -> FieldError:
    return FieldError(field_name, vi, en)


def _check_village_indicator(values: dict[str, Any], today: date, errors: list[FieldError]) -> None:
    households, skilled = values.get("households"), values.get("households_5skills")
    if households is not None and skilled is not None and skilled > households:
        errors.append(
            _err(
                "households_5skills",
                f"Số hộ đạt 5 kỹ năng số ({skilled}) không được lớn hơn tổng số hộ ({households}).",
                f"Households with the 5 skills ({skilled}) cannot exceed all households ({households}).",
            )
        )
    if values.get("date") and parse_date(values["date"]) > today:
        errors.append(_err("date", "Ngày ghi nhận không được ở tương lai.", "The date cannot be in the future."))


def _check_team(values: dict[str, Any], today: date, errors: list[FieldError]) -> None:
    if values.get("status") == "dissolved" and not values.get("dissolved_on"):
        errors.append(
            _err(
                "dissolved_on",
                "Tổ đã giải thể cần có ngày giải thể.",
                "A dissolved team needs a dissolution date.",
            )
        )
    _check_order(values, "founded_on", "dissolved_on", "Ngày giải thể", "Dissolution date", errors)


def _check_person(values: dict[str, Any], today: date, errors: list[FieldError]) -> None:
    year = values.get("birth_year")
    if year is not None and not 1900 <= year <= today.year:
        errors.append(
            _err(
                "birth_year",
                f"Năm sinh {year} không hợp lệ (phải từ 1900 đến {today.year}).",
                f"Birth year {year} is not valid (1900 to {today.year}).",
            )
        )


def _check_membership(values: dict[str, Any], today: date, errors: list[FieldError]) -> None:
    _check_order(values, "start_date", "end_date", "Ngày kết thúc", "End date", errors)


def _check_session(values: dict[str, Any], today: date, errors: list[FieldError]) -> None:
    if values.get("date") and parse_date(values["date"]) > today:
        errors.append(_err("date", "Ngày hỗ trợ không được ở tương lai.", "The session date cannot be in the future."))
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        errors.append(
            _err("end_time", "Giờ kết thúc phải sau giờ bắt đầu.", "The end time must follow the start time.")
        )
    total = values.get("citizens_total")
    if total is None:  # missing or not a number: that field's own message says so
        return
    for code, count in (values.get("category_counts") or {}).items():
        if count is not None and count > total:
            errors.append(
                _err(
                    "category_counts",
                    f"Số người được hỗ trợ ở lĩnh vực {code} ({count}) không được lớn hơn tổng số ({total}).",
                    f"Citizens helped in category {code} ({count}) cannot exceed the total ({total}).",
                )
            )


def _check_order(values: dict[str, Any], first: str, second: str, vi: str, en: str, errors: list[FieldError]) -> None:
    if values.get(first) and values.get(second) and values[second] < values[first]:
        errors.append(_err(second, f"{vi} không được trước ngày bắt đầu.", f"{en} cannot precede the start date."))


def _tidy_person(values: dict[str, Any]) -> None:
    # The name parts are derived, so sorting and the roster never disagree with the full name.
    if values.get("full_name"):
        values["family_name"], values["middle_name"], values["given_name"] = split_name(values["full_name"])


def _tidy_village(values: dict[str, Any]) -> None:
    # "Thôn Nà Phái" typed in full would print as "Thôn Thôn Nà Phái"; the kind is its own field.
    name, kind = values.get("name") or "", values.get("kind")
    for choice in VILLAGE_KINDS:
        if choice.value == kind and fold(name).startswith(fold(choice.vi) + " "):
            values["name"] = name[len(choice.vi) + 1 :]


RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        RecordType(
            "categories",
            "Lĩnh vực hỗ trợ",
            "Activity category",
            (
                Field("code", "Mã lĩnh vực", "Code", required=True),
                Field("name", "Tên lĩnh vực", "Name", required=True),
                Field("name_en", "Tên tiếng Anh", "English name"),
                Field("sort_order", "Thứ tự", "Order", Kind.INT, default=0),
            ),
            search_fields=("name",),
        ),
        RecordType(
            "villages",
            "Thôn, tổ dân phố",
            "Village",
            (
                Field("name", "Tên thôn", "Village name", Kind.PLACE, required=True),
                Field("kind", "Loại", "Kind", Kind.CHOICE, required=True, choices=VILLAGE_KINDS, default="thon"),
                Field("households", "Số hộ", "Households", Kind.INT),
                Field("notes", "Ghi chú", "Notes", Kind.MULTILINE),
            ),
            search_fields=("name", "notes"),
            tidy=_tidy_village,
        ),
        RecordType(
            "teams",
            "Tổ công nghệ số cộng đồng",
            "Team",
            (
                Field("name", "Tên tổ", "Team name", required=True),
                Field("village_id", "Thôn", "Village", Kind.REF, ref="villages"),
                Field(
                    "status",
                    "Trạng thái",
                    "Status",
                    Kind.CHOICE,
                    required=True,
                    choices=TEAM_STATUSES,
                    default="active",
                ),
                Field("founded_on", "Ngày thành lập", "Founded on", Kind.DATE),
                Field("dissolved_on", "Ngày giải thể", "Dissolved on", Kind.DATE),
                Field(
                    "founding_decision_id",
                    "Quyết định thành lập",
                    "Founding decision",
                    Kind.REF,
                    ref="decisions",
                ),
                Field("notes", "Ghi chú", "Notes", Kind.MULTILINE),
            ),
            search_fields=("name", "notes"),
            check=_check_team,
        ),
        RecordType(
            "people",
            "Thành viên",
            "Person",
            (
                Field("full_name", "Họ và tên", "Full name", Kind.NAME, required=True),
                Field("family_name", "Họ", "Family name"),
                Field("middle_name", "Tên đệm", "Middle name"),
                Field("given_name", "Tên", "Given name"),
                Field("gender", "Giới tính", "Gender", Kind.CHOICE, choices=GENDERS),
                Field("birth_year", "Năm sinh", "Birth year", Kind.YEAR),
                Field("phone", "Số điện thoại", "Phone", Kind.PHONE),
                Field("email", "Thư điện tử", "Email", Kind.EMAIL),
                Field("position", "Chức vụ", "Position"),
                Field("organisation", "Đơn vị công tác", "Organisation"),
                Field("notes", "Ghi chú", "Notes", Kind.MULTILINE),
            ),
            search_fields=("full_name", "phone", "position", "organisation"),
            tidy=_tidy_person,
            check=_check_person,
        ),
        RecordType(
            "memberships",
            "Thành viên trong tổ",
            "Membership",
            (
                Field("person_id", "Thành viên", "Person", Kind.REF, required=True, ref="people"),
                Field("team_id", "Tổ", "Team", Kind.REF, required=True, ref="teams"),
                Field(
                    "role",
                    "Chức danh trong Tổ",
                    "Role in team",
                    Kind.CHOICE,
                    required=True,
                    choices=ROLES,
                    default="thanh_vien",
                ),
                Field("start_date", "Từ ngày", "From", Kind.DATE),
                Field("end_date", "Đến ngày", "Until", Kind.DATE),
            ),
            check=_check_membership,
        ),
        RecordType(
            "sessions",
            "Buổi hỗ trợ",
            "Support session",
            (
                Field("team_id", "Tổ", "Team", Kind.REF, required=True, ref="teams"),
                Field("date", "Ngày", "Date", Kind.DATE, required=True),
                Field("start_time", "Giờ bắt đầu", "Start time", Kind.TIME),
                Field("end_time", "Giờ kết thúc", "End time", Kind.TIME),
                Field("place", "Địa điểm", "Place"),
                Field("category_counts", "Lĩnh vực hỗ trợ", "Categories", Kind.COUNTS, default={}),
                Field("citizens_total", "Số người được hỗ trợ", "Citizens helped", Kind.INT, default=0),
                Field("member_ids", "Thành viên tham gia", "Members present", Kind.ID_LIST, default=[]),
                Field("notes", "Ghi chú", "Notes", Kind.MULTILINE),
            ),
            search_fields=("place", "notes"),
            check=_check_session,
        ),
        RecordType(
            "decisions",
            "Quyết định",
            "Decision",
            (
                Field("number", "Số quyết định", "Number", Kind.INT, required=True),
                Field("year", "Năm", "Year", Kind.YEAR, required=True),
                Field("date", "Ngày ký", "Signed on", Kind.DATE),
                Field(
                    "kind",
                    "Loại quyết định",
                    "Kind",
                    Kind.CHOICE,
                    required=True,
                    choices=DECISION_KINDS,
                    default="founding",
                ),
                Field("signer_name", "Người ký", "Signer"),
                Field("signer_title", "Chức vụ người ký", "Signer's title"),
                Field(
                    "sign_mode",
                    "Thẩm quyền ký",
                    "Signing authority",
                    Kind.CHOICE,
                    choices=SIGN_MODES,
                    default="TM",
                ),
                Field("legal_bases", "Căn cứ pháp lý", "Legal bases", Kind.TEXT_LIST, default=[]),
                Field("proposal", "Theo đề nghị của", "Proposed by"),
                Field("team_ids", "Các tổ", "Teams", Kind.ID_LIST, default=[]),
                Field(
                    "status",
                    "Trạng thái",
                    "Status",
                    Kind.CHOICE,
                    required=True,
                    choices=DECISION_STATUSES,
                    default="draft",
                ),
                Field("snapshot", "Nội dung đã ban hành", "Issued content", Kind.JSON),
            ),
        ),
        RecordType(
            "village_indicators",
            "Chỉ số của thôn",
            "Village indicator",
            (
                Field("village_id", "Thôn", "Village", Kind.REF, required=True, ref="villages"),
                Field("date", "Ngày", "Date", Kind.DATE, required=True),
                Field("households", "Số hộ", "Households", Kind.INT),
                Field("households_5skills", "Số hộ đạt 5 kỹ năng số", "Households with the 5 skills", Kind.INT),
            ),
            check=_check_village_indicator,
        ),
    )
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CATEGORY_CODE = re.compile(r"^[0-9A-Za-z_.-]{1,20}$")


def record_type(name: str) -> RecordType:
    """The record type called name, with a clear error for an unknown one."""
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise ValueError(f"Loại bản ghi không tồn tại: {name}") from None


def clean_values(type_name: str, values: Mapping[str, Any], *, today: date, partial: bool = False) -> dict[str, Any]:
    """Clean and check values for one record type; RecordInvalid lists every problem.

    With partial=True only the given fields are cleaned (an edit); otherwise missing fields get their
    defaults and required fields must be present (a new record).
    """
    rtype = record_type(type_name)
    errors: list[FieldError] = []
    cleaned: dict[str, Any] = {}
    for key in values:
        if not rtype.has_field(key) and key not in COMMON_FIELDS:
            errors.append(_err(key, f"Trường không tồn tại: {key}", f"Unknown field: {key}"))
    for f in rtype.fields:
        if f.name not in values:
            if partial:
                continue
            cleaned[f.name] = _copy_default(f.default)
        else:
            try:
                cleaned[f.name] = _clean_field(f, values[f.name])
            except _FieldProblem as problem:
                if problem.names_field:
                    errors.append(_err(f.name, problem.vi, problem.en))
                else:
                    errors.append(_err(f.name, f"{f.vi}: {problem.vi}", f"{f.en}: {problem.en}"))
                continue
        if f.required and cleaned.get(f.name) in (None, "", [], {}):
            errors.append(_err(f.name, f"{f.vi}: không được để trống.", f"{f.en}: required."))
    if rtype.tidy is not None:
        rtype.tidy(cleaned)
    # Rules run even when a field failed, on the fields that passed, so one form shows every problem.
    if rtype.check is not None:
        rtype.check(cleaned, today, errors)
    if errors:
        raise RecordInvalid(errors)
    return cleaned


def _copy_default(value: Any) -> Any:
    return json.loads(json.dumps(value)) if isinstance(value, list | dict) else value


class _FieldProblem(Exception):
    def __init__(self, vi: str, en: str, *, names_field: bool = False) -> None:
        super().__init__(vi)
        self.vi, self.en = vi, en
        self.names_field = names_field  # the message already says which field, so no label in front


def _clean_field(f: Field, raw: Any) -> Any:
    """Clean one value by the field's kind; _FieldProblem says what is wrong with it."""
    if raw is None or (isinstance(raw, str) and not raw.strip() and f.kind not in (Kind.COUNTS,)):
        return None if f.kind not in (Kind.ID_LIST, Kind.TEXT_LIST, Kind.COUNTS) else _copy_default(f.default)
    kind = f.kind
    if kind is Kind.TEXT:
        return clean_text(str(raw))
    if kind is Kind.MULTILINE:
        return clean_multiline(str(raw))
    if kind is Kind.NAME:
        return capitalize_name(str(raw))
    if kind is Kind.PLACE:
        return capitalize_place(str(raw))
    if kind in (Kind.INT, Kind.YEAR):
        return _clean_int(raw)
    if kind is Kind.DATE:
        try:
            return iso_date(parse_date(raw if isinstance(raw, date) else str(raw)))
        except ValueError:
            raise _FieldProblem(
                f"“{raw}” không phải ngày hợp lệ (dd/mm/yyyy).", f"“{raw}” is not a valid date (dd/mm/yyyy)."
            ) from None
    if kind is Kind.TIME:
        try:
            return parse_time(str(raw)).strftime("%H:%M")
        except ValueError:
            raise _FieldProblem(
                f"“{raw}” không phải giờ hợp lệ (hh:mm).", f"“{raw}” is not a valid time (hh:mm)."
            ) from None
    if kind is Kind.PHONE:
        try:
            return canonical_phone(str(raw))
        except PhoneError as error:
            raise _FieldProblem(error.message, error.message_en, names_field=True) from None
    if kind is Kind.EMAIL:
        email = clean_text(str(raw)).lower()
        if not _EMAIL.match(email):
            raise _FieldProblem(f"“{raw}” không phải địa chỉ thư hợp lệ.", f"“{raw}” is not a valid address.")
        return email
    if kind is Kind.CHOICE:
        value = clean_text(str(raw))
        for choice in f.choices:
            if value in (choice.value, choice.vi) or value.lower() == choice.vi.lower():
                return choice.value
        allowed = ", ".join(choice.vi for choice in f.choices)
        raise _FieldProblem(
            f"“{raw}” không hợp lệ; chọn một trong: {allowed}.",
            f"“{raw}” is not allowed; choose one of: {allowed}.",
        )
    if kind is Kind.REF:
        return _clean_id(raw)
    if kind is Kind.ID_LIST:
        items = _as_list(raw)
        return list(dict.fromkeys(_clean_id(item) for item in items))
    if kind is Kind.TEXT_LIST:
        return [text for text in (clean_multiline(str(item)) for item in _as_list(raw)) if text]
    if kind is Kind.COUNTS:
        return _clean_counts(raw)
    return _as_json(raw)


def _clean_int(raw: Any) -> int:
    if isinstance(raw, bool):
        raise _FieldProblem("phải là số nguyên.", "must be a whole number.")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        text = clean_text(raw).replace(".", "").replace(",", "").replace(" ", "")
        if not re.fullmatch(r"-?\d+", text):
            raise _FieldProblem(f"“{raw}” không phải số nguyên.", f"“{raw}” is not a whole number.")
        raw = int(text)
    if not isinstance(raw, int):
        raise _FieldProblem(f"“{raw}” không phải số nguyên.", f"“{raw}” is not a whole number.")
    if raw < 0:
        raise _FieldProblem("không được là số âm.", "cannot be negative.")
    return raw


def _clean_id(raw: Any) -> str:
    value = str(raw).strip().lower()
    if not is_uuid(value):
        raise _FieldProblem(f"mã bản ghi “{raw}” không hợp lệ.", f"record id “{raw}” is not valid.")
    return value


def _clean_counts(raw: Any) -> dict[str, int | None]:
    mapping = _as_json(raw) if isinstance(raw, str) else raw
    if not isinstance(mapping, Mapping):
        raise _FieldProblem("phải là danh sách lĩnh vực kèm số người.", "must map categories to counts.")
    counts: dict[str, int | None] = {}
    for code, count in mapping.items():
        code_text = clean_text(str(code))
        if not _CATEGORY_CODE.match(code_text):
            raise _FieldProblem(f"mã lĩnh vực “{code}” không hợp lệ.", f"category code “{code}” is not valid.")
        counts[code_text] = None if count in (None, "") else _clean_int(count)
    return counts


def _as_list(raw: Any) -> list[Any]:
    if isinstance(raw, str):
        parsed = _as_json(raw)
        if not isinstance(parsed, list):
            raise _FieldProblem("phải là một danh sách.", "must be a list.")
        return parsed
    if isinstance(raw, list | tuple):
        return list(raw)
    raise _FieldProblem("phải là một danh sách.", "must be a list.")


def _as_json(raw: Any) -> Any:
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            raise _FieldProblem("dữ liệu không đúng định dạng JSON.", "is not valid JSON.") from None
    return raw
