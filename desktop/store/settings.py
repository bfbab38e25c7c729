"""Commune settings kept in the database (they travel with its backups), declared once with defaults."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.store import Store

DEFAULT_LEGAL_BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt "
    "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
    "Căn cứ Công văn số 793/BTTTT-THH ngày 05 tháng 3 năm 2022 của Bộ Thông tin và Truyền thông về việc "
    "hướng dẫn thí điểm triển khai Tổ công nghệ số cộng đồng;",
    "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về chuyển đổi số năm {year}.",
)


@dataclass(frozen=True)
class Setting:
    """One commune setting: its key in the meta table and its default."""

    key: str
    default: str = ""


CHAIRMAN_NAME = Setting("chairman_name")
CHAIRMAN_TITLE = Setting("chairman_title", "Chủ tịch")
VICE_CHAIRMAN_NAME = Setting("vice_chairman_name")
DIGITAL_OFFICER_NAME = Setting("digital_officer_name")  # the official in charge of digital transformation
DIGITAL_OFFICER_TITLE = Setting("digital_officer_title", "Công chức Văn hóa - Xã hội")
SERVER_URL = Setting("server_url")
AUTHOR = Setting("author")  # who the change log names; empty means the OS login
LEGAL_BASES = Setting("legal_bases", json.dumps(list(DEFAULT_LEGAL_BASES), ensure_ascii=False))
LAST_SYNC_AT = Setting("last_sync_at")

ALL_SETTINGS = (
    CHAIRMAN_NAME,
    CHAIRMAN_TITLE,
    VICE_CHAIRMAN_NAME,
    DIGITAL_OFFICER_NAME,
    DIGITAL_OFFICER_TITLE,
    SERVER_URL,
    AUTHOR,
    LEGAL_BASES,
    LAST_SYNC_AT,
)


def get(store: Store, setting: Setting) -> str:
    """A setting's value, or its default."""
    return store.get_meta(setting.key) or setting.default


def put(store: Store, setting: Setting, value: str) -> None:
    """Keep a setting's value (the empty string brings the default back)."""
    store.set_meta(setting.key, value.strip() or None)


def legal_bases(store: Store) -> list[str]:
    """The default legal-basis paragraphs for new decisions."""
    try:
        value = json.loads(get(store, LEGAL_BASES))
    except json.JSONDecodeError:
        value = list(DEFAULT_LEGAL_BASES)
    return [str(item) for item in value if str(item).strip()]


def put_legal_bases(store: Store, paragraphs: list[str]) -> None:
    """Keep the default legal-basis paragraphs, one per item."""
    put(store, LEGAL_BASES, json.dumps([p.strip() for p in paragraphs if p.strip()], ensure_ascii=False))
