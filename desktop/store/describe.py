"""Records in words: the one-line titles and the cell values that lists, search and exports show."""

from __future__ import annotations

from typing import Any

from desktop.store.store import Store
from sync.dates import display_date
from sync.phones import format_phone
from sync.records import Field, Kind, record_type


class Namer:
    """Turns ids into names for one store, remembering what it looked up (exports touch each id often)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: dict[tuple[str, str], str] = {}
        self._categories: dict[str, str] | None = None

    def name_of(self, type_name: str, record_id: str | None) -> str:
        """The display name of a referenced record, or "" when there is none."""
        if not record_id:
            return ""
        key = (type_name, record_id)
        if key not in self._names:
            record = self.store.get(type_name, record_id)
            self._names[key] = title(type_name, record) if record else ""
        return self._names[key]

    def category_name(self, code: str) -> str:
        """The category's name for a code, or the code itself for one the list no longer has."""
        if self._categories is None:
            self._categories = {row["code"]: row["name"] for row in self.store.rows("categories", include_deleted=True)}
        return self._categories.get(code, code)

    def cell(self, f: Field, value: Any, language: str = "vi") -> str | int | None:
        """A field's value as a person reads it in a table or spreadsheet cell."""
        if value is None or value == "" or value == [] or value == {}:
            return None
        if f.kind is Kind.CHOICE:
            return f.choice_label(value, language)
        if f.kind is Kind.DATE:
            return display_date(value)
        if f.kind is Kind.PHONE:
            return format_phone(value)
        if f.kind is Kind.REF and f.ref:
            return self.name_of(f.ref, value)
        if f.kind is Kind.ID_LIST:
            target = {"member_ids": "people", "team_ids": "teams"}[f.name]
            return "; ".join(self.name_of(target, item) for item in value)
        if f.kind is Kind.TEXT_LIST:
            return "\n".join(value)
        if f.kind is Kind.COUNTS:
            return "; ".join(
                f"{self.category_name(code)}: {count if count is not None else '—'}" for code, count in value.items()
            )
        if isinstance(value, int | str):
            return value
        return str(value)


def title(type_name: str, record: dict[str, Any]) -> str:
    """A record's name as one line: "Lường Văn Đức", "Thôn Nà Phái", "Buổi hỗ trợ 05/02/2026 — Nhà văn hóa"."""
    if type_name == "people":
        return str(record.get("full_name", ""))
    if type_name == "villages":
        kind = record_type("villages").field("kind").choice_label(record.get("kind") or "")
        return f"{kind} {record.get('name', '')}".strip()
    if type_name == "sessions":
        place = record.get("place") or ""
        return f"{display_date(record.get('date'))} — {place}" if place else display_date(record.get("date"))
    if type_name == "decisions":
        return f"Quyết định số {record.get('number', 0):02d}/QĐ-UBND năm {record.get('year', '')}"
    if type_name == "memberships":
        return str(record.get("role", ""))
    return str(record.get("name", ""))
