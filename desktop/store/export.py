"""Export every record type to its own sheet of an .xlsx workbook, with Vietnamese column headers."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.store.describe import Namer
from desktop.store.store import Store
from sync.records import RECORD_TYPES, Kind, record_type

# The order a commune official reads them in; family/middle/given are derived from the full name.
SHEETS = (
    "villages",
    "teams",
    "people",
    "memberships",
    "sessions",
    "decisions",
    "village_indicators",
    "categories",
)
SKIPPED_FIELDS = {"family_name", "middle_name", "given_name", "snapshot"}
# Sheet names: Excel allows 31 characters, so these are the short forms officials use.
SHEET_TITLES = {
    "villages": "Thôn, tổ dân phố",
    "teams": "Tổ CNSCĐ",
    "people": "Thành viên",
    "memberships": "Thành viên theo tổ",
    "sessions": "Buổi hỗ trợ",
    "decisions": "Quyết định",
    "village_indicators": "Chỉ số thôn",
    "categories": "Lĩnh vực",
}
ORDER_BY = {
    "people": "given_name COLLATE vi, middle_name COLLATE vi, family_name COLLATE vi",
    "sessions": "date, start_time",
    "villages": "name COLLATE vi",
    "teams": "name COLLATE vi",
    "categories": "sort_order",
    "decisions": "year, number",
    "village_indicators": "date",
}


def export_workbook(store: Store, out: Path) -> dict[str, int]:
    """Write the workbook (atomically: a crash leaves no half file); returns rows written per sheet."""
    assert set(SHEETS) == set(RECORD_TYPES)
    workbook = Workbook(write_only=True)
    namer = Namer(store)
    written = {}
    for type_name in SHEETS:
        sheet = workbook.create_sheet(SHEET_TITLES[type_name])
        written[type_name] = _write_sheet(sheet, store, namer, type_name)
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    workbook.save(partial)
    os.replace(partial, out)
    return written


def _write_sheet(sheet: Worksheet, store: Store, namer: Namer, type_name: str) -> int:
    fields = [f for f in record_type(type_name).fields if f.name not in SKIPPED_FIELDS]
    bold = Font(bold=True)
    header = []
    for label in ["TT", *(f.vi for f in fields), "Mã bản ghi"]:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    sheet.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for count, record in enumerate(store.rows(type_name, order_by=ORDER_BY.get(type_name)), start=1):
        values: list[object] = [count]
        for f in fields:
            value = namer.cell(f, record.get(f.name))
            if f.kind in (Kind.TEXT_LIST, Kind.MULTILINE) and value:
                cell = WriteOnlyCell(sheet, value=value)
                cell.alignment = wrap
                values.append(cell)
            else:
                values.append(value)
        values.append(record["id"])
        sheet.append(values)
    return count


def write_table(out: Path, title: str, headers: list[str], rows: Iterable[Sequence[object]]) -> int:
    """Write one table (what a list on screen shows) to an .xlsx file, atomically; returns the row count."""
    workbook = Workbook(write_only=True)
    # Excel refuses these characters in a sheet name and names longer than 31 characters.
    safe_title = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)[:31].strip()
    sheet = workbook.create_sheet(safe_title or "Sheet1")
    bold = Font(bold=True)
    header_cells = []
    for label in headers:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    sheet.freeze_panes = "A2"
    count = 0
    for row in rows:
        sheet.append(list(row))
        count += 1
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    workbook.save(partial)
    os.replace(partial, out)
    return count
