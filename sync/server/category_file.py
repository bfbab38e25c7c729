"""The province's activity categories read from a .csv or .xlsx file, every row checked before anything is used."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from sync.records import _CATEGORY_CODE, RecordInvalid, clean_values
from sync.text import fold

# Header spellings accepted for each field, folded (no case, no diacritics, "_" as a space).
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "ma", "ma linh vuc"),
    "name": ("name", "ten", "ten linh vuc"),
    "name_en": ("name en", "english name", "ten tieng anh"),
    "sort_order": ("sort order", "order", "thu tu", "stt"),
}
_FIELD_OF_HEADER = {spelling: field for field, spellings in _HEADERS.items() for spelling in spellings}


class PublishedCategory(TypedDict):
    """One activity category as the province publishes it (and keeps in the "categories" setting)."""

    code: str
    name: str
    name_en: str | None  # None when the file gives none, as the record stores a blank English name
    sort_order: int


class CategoryFileError(Exception):
    """A category file that cannot be published: every problem found, each a Vietnamese line with its row."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_category_file(path: Path, *, today: date) -> list[PublishedCategory]:
    """The categories in a .csv or .xlsx file, in file order; CategoryFileError listing every bad row."""
    rows = list(_rows(path))
    if not rows or not any(any(_present(cell) for cell in cells) for _number, cells in rows[1:]):
        raise CategoryFileError([f"Tệp {path.name} không có lĩnh vực nào."])
    header_number, header = rows[0]
    fields, problems = _columns(header, header_number)
    if problems:
        raise CategoryFileError(problems)
    found: list[PublishedCategory] = []
    first_row_of_code: dict[str, int] = {}
    for number, cells in rows[1:]:
        if not any(_present(cell) for cell in cells):
            continue  # blank lines between groups are common in hand-made sheets
        raw = {field: _text(cells[index]) for index, field in fields.items() if index < len(cells)}
        if not raw.get("sort_order"):
            raw["sort_order"] = str(len(found) + 1)  # no order given: the file's order
        row_problems, category = _check_row(raw, today)
        if category is not None:
            earlier = first_row_of_code.setdefault(category["code"].casefold(), number)
            if earlier != number:
                row_problems.append(f"mã lĩnh vực “{category['code']}” trùng với dòng {earlier}.")
            found.append(category)
        problems.extend(f"Dòng {number}: {problem}" for problem in row_problems)
    if problems:
        raise CategoryFileError(problems)
    return found


def _check_row(raw: dict[str, str], today: date) -> tuple[list[str], PublishedCategory | None]:
    """The row's problems and, when its values clean, the category (a duplicate code is judged by the caller)."""
    try:
        values = clean_values("categories", raw, today=today)
    except RecordInvalid as invalid:
        return [error.vi for error in invalid.errors], None
    code = str(values["code"])
    # Sessions count citizens per category code and accept only these characters in a code (sync/records.py).
    if not _CATEGORY_CODE.match(code):
        return [f"mã lĩnh vực “{code}” không hợp lệ (tối đa 20 chữ cái không dấu, chữ số, dấu . _ -)."], None
    category: PublishedCategory = {
        "code": code,
        "name": str(values["name"]),
        "name_en": values.get("name_en") or None,
        "sort_order": int(values.get("sort_order") or 0),
    }
    return [], category


def _columns(header: list[Any], row_number: int) -> tuple[dict[int, str], list[str]]:
    """Which column holds which field; problems for unknown, repeated or missing columns."""
    fields: dict[int, str] = {}
    problems: list[str] = []
    for index, cell in enumerate(header):
        title = _text(cell)
        if not title:
            continue
        field = _FIELD_OF_HEADER.get(fold(title))
        if field is None:
            problems.append(f"Dòng {row_number}: cột “{title}” không rõ là gì (dùng: Mã, Tên lĩnh vực, …).")
        elif field in fields.values():
            problems.append(f"Dòng {row_number}: cột “{title}” lặp lại.")
        else:
            fields[index] = field
    for field, label in (("code", "Mã"), ("name", "Tên lĩnh vực")):
        if field not in fields.values():
            problems.append(f"Dòng {row_number}: thiếu cột “{label}” ({field}).")
    return fields, problems


def _rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number as the spreadsheet shows it, cells) of the first sheet or the CSV file."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_rows(path)
    elif suffix == ".csv":
        yield from _csv_rows(path)
    else:
        raise CategoryFileError([f"Tệp {path.name}: chỉ đọc được tệp .csv hoặc .xlsx."])


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook  # imported here: only this verb reads Excel

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise CategoryFileError([f"Không đọc được tệp {path.name}."]) from None
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise CategoryFileError([f"Không đọc được tệp {path.name}: không phải tệp Excel .xlsx hợp lệ."]) from None
    try:
        sheet = book.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    try:
        data = path.read_bytes()
    except OSError:
        raise CategoryFileError([f"Không đọc được tệp {path.name}."]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")  # Excel's "CSV" on a Vietnamese Windows
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # Numbered by record, as a spreadsheet opening the file numbers its rows.
    yield from enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1)


def _present(cell: Any) -> bool:
    return bool(_text(cell))


def _text(cell: Any) -> str:
    """A cell as text: Excel keeps the code 3 as the number 3.0, which must read "3"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
