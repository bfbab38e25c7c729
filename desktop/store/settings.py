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

# Articles of a decision, one item per article ("Điều 1." is added when printed); lines are paragraphs.
# Placeholders: {teams} the team(s) concerned, {commune} "xã Tân Thành", {division} "xã", {officer} the official
# in charge of digital transformation ("công chức Văn hóa - Xã hội").
TEAM_TASKS = (
    "Tổ công nghệ số cộng đồng có nhiệm vụ:\n"
    "- Hướng dẫn người dân cài đặt, sử dụng các nền tảng số, ứng dụng số thiết yếu; kích hoạt và sử dụng tài khoản "
    "định danh điện tử VNeID;\n"
    "- Hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt, mua bán trên sàn "
    "thương mại điện tử;\n"
    "- Tuyên truyền, phổ biến kỹ năng số cơ bản và kỹ năng bảo đảm an toàn trên không gian mạng; tham gia phong trào "
    "“Bình dân học vụ số”;\n"
    "- Ghi chép kết quả hỗ trợ người dân; báo cáo hằng tháng về Ủy ban nhân dân {commune}."
)
EXECUTION = (
    "Văn phòng HĐND và UBND {division}, {officer} và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành "
    "Quyết định này./."
)
DEFAULT_FOUNDING_ARTICLES = (
    "Thành lập {teams} gồm các ông (bà) có tên trong danh sách kèm theo Quyết định này.",
    TEAM_TASKS,
    "Quyết định này có hiệu lực kể từ ngày ký. " + EXECUTION,
)
DEFAULT_RESTRUCTURING_ARTICLES = (
    "Kiện toàn {teams} gồm các ông (bà) có tên trong danh sách kèm theo Quyết định này.",
    TEAM_TASKS,
    "Quyết định này có hiệu lực kể từ ngày ký; các quy định trước đây trái với Quyết định này đều bãi bỏ. " + EXECUTION,
)
# "Nơi nhận": the dash and the closing ";" or "." are added when printed.
DEFAULT_RECIPIENTS = ("Như Điều 3", "TT Đảng ủy, HĐND {division}", "CT, các PCT UBND {division}", "Lưu: VT")


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
FOUNDING_ARTICLES = Setting("founding_articles", json.dumps(list(DEFAULT_FOUNDING_ARTICLES), ensure_ascii=False))
RESTRUCTURING_ARTICLES = Setting(
    "restructuring_articles", json.dumps(list(DEFAULT_RESTRUCTURING_ARTICLES), ensure_ascii=False)
)
DECISION_RECIPIENTS = Setting("decision_recipients", json.dumps(list(DEFAULT_RECIPIENTS), ensure_ascii=False))

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
    FOUNDING_ARTICLES,
    RESTRUCTURING_ARTICLES,
    DECISION_RECIPIENTS,
)


def get(store: Store, setting: Setting) -> str:
    """A setting's value, or its default."""
    return store.get_meta(setting.key) or setting.default


def put(store: Store, setting: Setting, value: str) -> None:
    """Keep a setting's value (the empty string brings the default back)."""
    store.set_meta(setting.key, value.strip() or None)


def _text_list(store: Store, setting: Setting) -> list[str]:
    try:
        value = json.loads(get(store, setting))
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, list):
        value = json.loads(setting.default)
    return [str(item) for item in value if str(item).strip()]


def legal_bases(store: Store) -> list[str]:
    """The default legal-basis paragraphs for new decisions."""
    return _text_list(store, LEGAL_BASES)


def decision_articles(store: Store, kind: str) -> list[str]:
    """The article templates of a founding or a restructuring decision, one item per article."""
    return _text_list(store, RESTRUCTURING_ARTICLES if kind == "restructuring" else FOUNDING_ARTICLES)


def put_decision_articles(store: Store, kind: str, articles: list[str]) -> None:
    """Keep the article templates of one kind of decision (an empty list brings the defaults back)."""
    setting = RESTRUCTURING_ARTICLES if kind == "restructuring" else FOUNDING_ARTICLES
    kept = [a.strip() for a in articles if a.strip()]
    put(store, setting, json.dumps(kept, ensure_ascii=False) if kept else "")


def decision_recipients(store: Store) -> list[str]:
    """The "Nơi nhận" lines of a decision."""
    return _text_list(store, DECISION_RECIPIENTS)


def put_decision_recipients(store: Store, lines: list[str]) -> None:
    """Keep the "Nơi nhận" lines (an empty list brings the defaults back)."""
    kept = [line.strip() for line in lines if line.strip()]
    put(store, DECISION_RECIPIENTS, json.dumps(kept, ensure_ascii=False) if kept else "")


def put_legal_bases(store: Store, paragraphs: list[str]) -> None:
    """Keep the default legal-basis paragraphs, one per item."""
    put(store, LEGAL_BASES, json.dumps([p.strip() for p in paragraphs if p.strip()], ensure_ascii=False))
