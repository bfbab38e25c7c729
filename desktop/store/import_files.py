"""Reading member lists: .xlsx and CSV files, their header row, their columns and the words in their cells.

Pure functions, no Qt: desktop.store.importer builds the import plan on top of them.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from desktop.store.store import StoreError
from sync.dates import display_date, parse_date
from sync.records import GENDERS, ROLES, VILLAGE_KINDS, record_type
from sync.text import capitalize_place, clean_text, fold

HEADER_SEARCH_ROWS = 30  # title rows above the header rarely go beyond a dozen
TEAM_PREFIX = "Tổ công nghệ số cộng đồng"


@dataclass(frozen=True)
class Text:
    """A message for the user in both languages; str() is the Vietnamese."""

    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi


class ImportProblem(StoreError):
    """A file that cannot be read or a plan that cannot be applied; the message says what to do."""


# ----- reading files -----


@dataclass
class SourceTable:
    """The cells of one sheet (or CSV file), each row with its number as the spreadsheet shows it."""

    name: str
    sheets: list[str]
    sheet: str
    rows: list[tuple[int, list[Any]]]
    encoding: str = ""
    notice: Text | None = None  # something the user should check (a guessed encoding)


def read_table(path: Path | str, sheet: str | None = None) -> SourceTable:
    """Read an .xlsx sheet (the first unless named) or a CSV file; ImportProblem says why one cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            f"Không mở được tệp “{path.name}”: {error.strerror or error}.", f"Cannot open “{path.name}”."
        ) from error
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(
            f"Tệp “{path.name}” là định dạng Excel 97–2003 (.xls) cũ. Hãy mở bằng Excel và lưu thành .xlsx.",
            f"“{path.name}” is an old Excel 97–2003 (.xls) file. Save it as .xlsx in Excel.",
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data, sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportProblem(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.", f"“{path.name}” is damaged.")
    text, encoding, notice = decode_text(data, path.name)
    return SourceTable(path.name, [], "", _csv_rows(text), encoding, notice)


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> SourceTable:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file; all mean the same to the user
        raise ImportProblem(
            f"Không đọc được tệp Excel “{path.name}”: tệp bị hỏng hoặc đang được bảo vệ bằng mật khẩu.",
            f"Cannot read the Excel file “{path.name}”: it is damaged or password-protected.",
        ) from error
    try:
        names = [ws.title for ws in workbook.worksheets]  # chart sheets have no cells
        if not names:
            raise ImportProblem(f"Tệp Excel “{path.name}” không có trang tính nào.", f"“{path.name}” has no sheets.")
        chosen = sheet if sheet in names else names[0]
        rows = [(number, list(cells)) for number, cells in enumerate(workbook[chosen].iter_rows(values_only=True), 1)]
    finally:
        workbook.close()
    return SourceTable(path.name, names, chosen, rows)


def decode_text(data: bytes, name: str = "") -> tuple[str, str, Text | None]:
    """Decode a CSV file saved by Excel or a text editor: (text, encoding, notice about a guessed encoding)."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    tries = [encoding for bom, encoding in boms if data.startswith(bom)]
    if not tries and b"\x00" in data[:2000]:
        # UTF-16 without a mark: ASCII letters leave a zero byte after (LE) or before (BE) them.
        tries = ["utf-16-le" if data[1:2000:2].count(0) > data[0:2000:2].count(0) else "utf-16-be"]
    tries = tries or ["utf-8", "cp1258"]
    for encoding in tries:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        notice = None
        if encoding == "cp1258":
            # Excel's plain "CSV" on a Vietnamese Windows is Windows-1258; TCVN3 files decode too, as garbage.
            notice = Text(
                "Tệp không ở bảng mã UTF-8 nên đã được đọc theo bảng mã Windows-1258. Hãy kiểm tra dấu tiếng Việt "
                "ở bước xem trước; nếu chữ bị lỗi, hãy lưu lại tệp trong Excel dưới dạng “CSV UTF-8”.",
                "The file is not UTF-8, so it was read as Windows-1258. Check the Vietnamese letters in the "
                "preview; if they look wrong, save the file again in Excel as “CSV UTF-8”.",
            )
        return text.removeprefix("\ufeff"), encoding, notice
    raise ImportProblem(
        f"Không đọc được tệp “{name}”: đây không phải tệp văn bản CSV ở bảng mã UTF-8, UTF-16 hay Windows-1258 "
        "(có thể là bảng mã TCVN3/VNI cũ). Hãy mở tệp bằng Excel và lưu thành .xlsx hoặc “CSV UTF-8”.",
        f"Cannot read “{name}”: it is not a CSV text file in UTF-8, UTF-16 or Windows-1258. "
        "Open it in Excel and save it as .xlsx or “CSV UTF-8”.",
    )


def _csv_rows(text: str) -> list[tuple[int, list[Any]]]:
    lines = text.splitlines()
    first = 0
    delimiter = ""
    if lines and fold(lines[0]).startswith("sep ") and len(lines[0].strip()) == 5:
        first, delimiter = 1, lines[0].strip()[-1]  # Excel's "sep=;" hint line
    delimiter = delimiter or _sniff_delimiter(lines[first : first + 50])
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=delimiter)
    return [(number, list(cells)) for number, cells in enumerate(reader, start=first + 1)]


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits most lines into the same number (>1) of cells: ";" (Vietnamese Excel) or ","."""
    best, best_score = ",", (-1, -1)
    for delimiter in (";", ",", "\t"):
        widths = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter) if len(row) > 1]
        common = max(set(widths), key=widths.count) if widths else 0
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def cell_text(value: Any) -> str:
    """A cell as text: numbers without ".0", dates as dd/mm/yyyy, text cleaned (NFC, Đ, spaces)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return display_date(value if isinstance(value, date) and not isinstance(value, datetime) else value.date())
    return clean_text(str(value))


# ----- columns -----

IGNORE = "ignore"
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ten", "ho va ten thanh vien", "ten thanh vien"),
    "birth_year": ("nam sinh", "ns", "ngay sinh", "ngay thang nam sinh"),
    "gender": ("gioi tinh", "gioi", "nam nu"),
    "phone": ("sdt", "so dien thoai", "dien thoai", "dt", "so dt", "dtdd", "di dong", "dien thoai di dong"),
    "email": ("email", "e mail", "thu dien tu", "dia chi email"),
    "position": ("chuc vu", "chuc vu don vi cong tac", "chuc vu don vi", "chuc vu noi cong tac", "nghe nghiep"),
    "organisation": ("don vi", "don vi cong tac", "co quan", "noi cong tac", "co quan don vi"),
    "village": ("thon", "thon to dan pho", "to dan pho", "ap", "ban", "buon", "lang", "khu pho", "thon xom", "xom"),
    "team": ("to", "ten to", "to cnscd", "to cong nghe so", "to cong nghe so cong dong", "thuoc to"),
    "role": ("chuc danh trong to", "chuc danh", "vai tro", "chuc danh trong to cnscd"),
    "notes": ("ghi chu",),
    IGNORE: ("stt", "tt", "so tt", "so thu tu", "loi"),
}
_BY_HEADER = {synonym: target for target, synonyms in _SYNONYMS.items() for synonym in synonyms}
_PREFIXES = sorted((s for s in _BY_HEADER if " " in s), key=len, reverse=True)


def header_target(text: Any) -> str | None:
    """What a header cell names: a target, IGNORE (STT, Lỗi), or None for a header we do not know."""
    key = fold(cell_text(text))
    if key in _BY_HEADER:
        return _BY_HEADER[key]
    # "Họ và tên (viết hoa)", "Số điện thoại liên hệ": a known header of two or more words, then more words.
    return next((_BY_HEADER[p] for p in _PREFIXES if key.startswith(p + " ")), None)


def find_header(rows: Sequence[tuple[int, list[Any]]]) -> int:
    """The index in rows of the header: the first row where two or more cells are known column headers."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(1 for cell in cells if header_target(cell) is not None) >= 2:
            return index
    raise ImportProblem(
        "Không tìm thấy dòng tiêu đề cột (ví dụ “Họ và tên”, “Năm sinh”, “Số điện thoại”) "
        f"trong {HEADER_SEARCH_ROWS} dòng đầu. Hãy thêm một dòng tiêu đề cột phía trên danh sách.",
        f"No header row (e.g. “Họ và tên”, “Năm sinh”) in the first {HEADER_SEARCH_ROWS} rows.",
    )


def guess_mapping(headers: Sequence[Any]) -> list[str | None]:
    """What each column is imported as (None: not imported); a target goes to its first column only."""
    mapping: list[str | None] = []
    for header in headers:
        target = header_target(header)
        mapping.append(None if target in (None, IGNORE) or target in mapping else target)
    return mapping


def check_mapping(mapping: Sequence[str | None]) -> list[Text]:
    """What is wrong with a column mapping (empty when it can be used)."""
    problems = []
    if "full_name" not in mapping:
        problems.append(Text("Chưa chọn cột nào là “Họ và tên”.", "No column is chosen as the full name."))
    twice = [target_text(t) for t in dict.fromkeys(mapping) if t and mapping.count(t) > 1]
    if twice:
        problems.append(
            Text(
                f"Mỗi mục chỉ nhập từ một cột; đang chọn nhiều cột cho: {', '.join(t.vi for t in twice)}.",
                f"Each item comes from one column only; several are chosen for: {', '.join(t.en for t in twice)}.",
            )
        )
    return problems


def target_text(target: str) -> Text:
    """What a column is imported as, in words."""
    if target == "village":
        return Text(record_type("villages").vi, record_type("villages").en)
    if target == "team":
        return Text(record_type("teams").vi, record_type("teams").en)
    f = record_type("memberships" if target == "role" else "people").field(target)
    return Text(f.vi, f.en)


# ----- understanding rows -----

_ROMAN = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])[.)]?$")
COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")
_KIND_WORDS = sorted(
    ((fold(c.vi).split(), c.value) for c in VILLAGE_KINDS if c.value != "khac"), key=lambda k: -len(k[0])
)
_TEAM_WORDS = {"cong", "nghe", "so", "dong", "cnscd", "cns", "cnsd", "cd"}  # "Tổ CNSCĐ", "Tổ công nghệ số…"
_ROLE_WORDS = {
    "to truong": "to_truong",
    "truong to": "to_truong",
    "to pho": "to_pho",
    "pho to": "to_pho",
    "thanh vien": "thanh_vien",
    "to vien": "thanh_vien",
    "uy vien": "thanh_vien",
}
GENDER_WORDS = {fold(c.vi): c.value for c in GENDERS}
SPLIT_VILLAGES = re.compile(r"\s*(?:,|;|/|\+| và )\s*")


def is_total(texts: list[str]) -> bool:
    """A "Tổng cộng: 11 người" row; a person called Tống Công Minh is not one."""
    for text in texts:
        key = fold(text)
        for prefix in ("tong cong", "tong so", "cong"):
            rest = key.removeprefix(prefix)
            if (
                rest != key
                and (rest == "" or rest[:1] == " ")
                and (not rest or re.match(r" (\d|nguoi|thanh vien)", rest))
            ):
                return True
    return False


def section_title(texts: list[str]) -> str | None:
    """The team title of a section row ("II" + "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN KHÒN PÁT"), or None."""
    filled = [t for t in texts if t]
    if len(filled) == 2 and _ROMAN.match(filled[0]) and not filled[1].isdigit():
        return filled[1]
    if len(filled) == 1 and re.match(r"to (cong nghe|cn)", fold(filled[0])):
        return filled[0]
    return None


def _place_words(words: list[str]) -> str:
    text = " ".join(words)
    return capitalize_place(text.lower() if text.isupper() else text)


def parse_place(text: str, default_kind: str = "thon") -> tuple[str, str]:
    """A village as (kind, name) from "Thôn Nà Phái", "TỔ DÂN PHỐ SỐ 3" or just "Nà Phái"."""
    words = clean_text(text).split()
    folded = [fold(w) for w in words]
    for kind_words, kind in _KIND_WORDS:
        if folded[: len(kind_words)] == kind_words and len(words) > len(kind_words):
            return kind, _place_words(words[len(kind_words) :])
    return default_kind, _place_words(words)


def parse_team_title(title: str, default_kind: str = "thon") -> tuple[str, str | None, str | None]:
    """A team title as (team name, village kind, village name); the village is None for "Tổ 1" or a commune team."""
    words = clean_text(title).split()
    folded = [fold(w) for w in words]
    start = 0
    if folded[:1] == ["to"] and folded[1:3] != ["dan", "pho"]:
        start = 1
        while start < len(words) and folded[start] in _TEAM_WORDS:
            start += 1
    rest = words[start:]
    has_kind = any(folded[start : start + len(kind_words)] == kind_words for kind_words, _kind in _KIND_WORDS)
    commune = not rest or fold(rest[0]) in ("xa", "phuong", "dac")
    if commune or rest[0].isdigit() or (start == 0 and not has_kind):  # "Tổ 1", "Tổ CNSCĐ xã", "Nhóm A"
        name = clean_text(title)
        return (name[:1] + name[1:].lower() if name.isupper() else name), None, None
    kind, village = parse_place(" ".join(rest), default_kind)
    # Capitals are the sheet's styling, not the name: "TỔ CÔNG NGHỆ SỐ…" becomes the usual form.
    name = clean_text(title) if start and not title.isupper() else default_team_name(kind, village)
    return name, kind, village


def default_team_name(kind: str, village: str) -> str:
    """ "Tổ công nghệ số cộng đồng thôn Nà Phái" for a village of that kind."""
    label = next((c.vi for c in VILLAGE_KINDS if c.value == kind and kind != "khac"), "")
    return " ".join(part for part in (TEAM_PREFIX, label.lower(), village) if part)


def parse_role(text: str) -> str | None:
    """The role value of "Tổ trưởng", "Tổ viên"…; "thanh_vien" for an empty cell, None when unknown."""
    key = fold(text)
    if not key:
        return "thanh_vien"
    return _ROLE_WORDS.get(key) or next((c.value for c in ROLES if key in (c.value, fold(c.vi))), None)


def birth_year_of(value: Any) -> Any:
    """A birth year from a year, a full date (its year) or text; other values pass on for the field's message."""
    if isinstance(value, datetime | date):
        return value.year
    text = cell_text(value)
    try:
        return parse_date(text).year
    except ValueError:
        return text


def write_rows(path: Path, headers: Sequence[Any], rows: Sequence[tuple[Sequence[Any], str | None]], note: str) -> None:
    """An .xlsx of some rows of a file under its own header, each with a note in one more column (atomically)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Dòng cần sửa"
    width = max([len(headers), *(len(cells) for cells, _note in rows)])
    sheet.append([*(cell_text(h) for h in headers), *[""] * (width - len(headers)), note])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cells, text in rows:
        sheet.append([*cells, *[None] * (width - len(cells)), text] if text is not None else list(cells))
    partial = path.with_name(path.name + ".part")
    workbook.save(partial)
    os.replace(partial, path)
