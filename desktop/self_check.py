"""`toso --self-check`: the installed app proves it works — store, search, every PDF, translations, Qt.

It is the smoke test of the frozen bundle (packaging/build.sh runs it on every build) and a first step when
a commune reports a problem. Everything happens in a temporary folder; the user's data is never opened.
The outcome is one line, "Tự kiểm tra: đạt (…)" or "Tự kiểm tra: KHÔNG ĐẠT — …", and exit code 0 or 1.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from desktop import paths

COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn: any commune of the 2025 list would do
TODAY = date(2026, 3, 2)
# Written decomposed (NFD) on purpose: the store must hand it back composed (NFC).
PERSON_NFD = unicodedata.normalize("NFD", "nguyễn thị ánh")
PERSON = "Nguyễn Thị Ánh"
VILLAGE = "Thôn Nà Phái"
TEAM = "Tổ công nghệ số cộng đồng thôn Nà Phái"


class CheckFailed(Exception):
    """A check found something wrong; the message says what, in Vietnamese."""


@dataclass
class Outcome:
    """What the self-check found: how many items passed, what failed, how long it took."""

    passed: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    def line(self) -> str:
        """The one-line verdict."""
        if self.ok:
            seconds = f"{self.seconds:.1f}".replace(".", ",")
            return f"Tự kiểm tra: đạt ({self.passed} mục, {seconds} s)"
        return "Tự kiểm tra: KHÔNG ĐẠT — " + "; ".join(self.failures)


def expect(condition: object, problem: str) -> None:
    """Fail the current check with problem unless condition holds."""
    if not condition:
        raise CheckFailed(problem)


# ----- the store -----


def fill_store(store: Any) -> dict[str, Any]:
    """One record of each type, written the way the app writes them; returns them by name."""
    from desktop.store import settings
    from desktop.store.teams import add_member

    store.set_commune(COMMUNE)
    village = store.insert("villages", {"name": VILLAGE, "kind": "thon", "households": 182})
    team = store.insert("teams", {"name": TEAM, "village_id": village["id"], "founded_on": "2025-08-01"})
    person = store.insert("people", {"full_name": PERSON_NFD, "phone": "0912 345 678", "birth_year": 1990})
    membership = add_member(store, team["id"], person["id"], "to_truong", "2025-08-01")
    category = store.rows("categories", order_by="sort_order", limit=1)[0]
    session = store.insert(
        "sessions",
        {
            "team_id": team["id"],
            "date": "2026-02-10",
            "place": "Nhà văn hóa thôn Nà Phái",
            "citizens_total": 12,
            "category_counts": {category["code"]: 7},
            "member_ids": [person["id"]],
        },
    )
    indicator = store.insert(
        "village_indicators", {"village_id": village["id"], "date": "2026-01-01", "households_5skills": 61}
    )
    settings.put(store, settings.CHAIRMAN_NAME, "Hoàng Văn Thắng")
    draft = store.insert(
        "decisions", {"number": 1, "year": 2026, "date": "2026-02-02", "team_ids": [team["id"]], "kind": "founding"}
    )
    return {
        "village": village,
        "team": team,
        "person": person,
        "membership": membership,
        "session": session,
        "indicator": indicator,
        "decision": draft,
    }


def check_records(store: Any, made: dict[str, Any]) -> None:
    """Every record reads back as written: Vietnamese text composed (NFC), names and phones cleaned."""
    person = store.require("people", made["person"]["id"])
    expect(person["full_name"] == PERSON, f"họ tên đọc lại là “{person['full_name']}”, không phải “{PERSON}”")
    expect(unicodedata.is_normalized("NFC", person["full_name"]), "họ tên không ở dạng dựng sẵn (NFC)")
    expect(person["phone"] == "0912345678", f"số điện thoại đọc lại là “{person['phone']}”")
    expect(store.require("teams", made["team"]["id"])["name"] == TEAM, "tên tổ đọc lại bị sai")
    session = store.require("sessions", made["session"]["id"])
    expect(session["citizens_total"] == 12 and session["member_ids"] == [made["person"]["id"]], "buổi hỗ trợ sai")
    for type_name in ("villages", "memberships", "village_indicators", "decisions"):
        key = {"villages": "village", "memberships": "membership", "village_indicators": "indicator"}.get(
            type_name, "decision"
        )
        expect(store.get(type_name, made[key]["id"]) is not None, f"không đọc lại được bản ghi {type_name}")
    store.update("people", made["person"]["id"], {"notes": "Đã cập nhật — kiểm tra"})
    expect(store.require("people", made["person"]["id"])["notes"] == "Đã cập nhật — kiểm tra", "sửa bản ghi không lưu")
    expect(store.pending_changes() >= 7, "nhật ký thay đổi (hàng đợi đồng bộ) thiếu bản ghi")


def check_search(store: Any, made: dict[str, Any]) -> None:
    """Search finds records typed without diacritics and with them."""
    for query, type_name, key in (
        ("nguyen thi anh", "people", "person"),
        ("Nà Phái", "villages", "village"),
        ("to cong nghe so na phai", "teams", "team"),
    ):
        hits = {(hit.record_type, hit.record_id) for hit in store.search(query)}
        expect((type_name, made[key]["id"]) in hits, f"tìm “{query}” không ra bản ghi")


# ----- documents -----


def pdf_text(pdf: bytes) -> str:
    """The words of a PDF (read back with pypdf), composed, one space between them."""
    from pypdf import PdfReader

    expect(pdf.startswith(b"%PDF-"), "không phải tệp PDF")
    words = " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)
    return " ".join(unicodedata.normalize("NFC", words).split())


def expect_pdf(pdf: bytes, *phrases: str, absent: str = "") -> None:
    """The PDF reads back and holds each phrase (and not absent)."""
    words = pdf_text(pdf)
    for phrase in phrases:
        expect(phrase in words, f"thiếu dòng “{phrase}”")
    expect(not absent or absent not in words, f"không được có “{absent}”")


def document_checks(store: Any, made: dict[str, Any]) -> list[tuple[str, Callable[[], None]]]:
    """One check per document kind, in the order the app offers them."""
    from desktop.documents.activity_sheet import render_activity_sheet
    from desktop.documents.decision import render_decision
    from desktop.documents.field_form import render_field_form
    from desktop.documents.member_list import render_member_list
    from desktop.documents.report import render_report
    from desktop.store.decisions import issue_decision

    team_id, decision_id = made["team"]["id"], made["decision"]["id"]

    def issued() -> None:
        issue_decision(store, decision_id)
        expect_pdf(render_decision(store, decision_id), "QUYẾT ĐỊNH", "01/QĐ-UBND", PERSON, absent="DỰ THẢO")

    return [
        ("quyết định (dự thảo)", lambda: expect_pdf(render_decision(store, decision_id), "DỰ THẢO", "QUYẾT ĐỊNH")),
        ("quyết định (đã ban hành)", issued),
        (
            "sổ theo dõi hoạt động",
            lambda: expect_pdf(
                render_activity_sheet(store, team_id, date(2026, 2, 1), date(2026, 2, 28)),
                "SỔ THEO DÕI HOẠT ĐỘNG",
                TEAM,
            ),
        ),
        ("phiếu ghi chép", lambda: expect_pdf(render_field_form(store, team_id), "PHIẾU GHI CHÉP HOẠT ĐỘNG", TEAM)),
        (
            "danh sách thành viên",
            lambda: expect_pdf(render_member_list(store, TODAY), "DANH SÁCH THÀNH VIÊN", PERSON),
        ),
        (
            "báo cáo",
            lambda: expect_pdf(render_report(store, date(2026, 1, 1), date(2026, 3, 31)), "BÁO CÁO", "Thất Khê"),
        ),
    ]


# ----- translations, resources and Qt -----

# (catalogue, context, Vietnamese or Qt source text, expected translation)
TRANSLATIONS = (
    ("toso_en", "MainWindow", "Hoạt động hỗ trợ", "Support sessions"),
    ("qtbase_vi", "QPlatformTheme", "Cancel", "Hủy"),
)


def check_translations() -> None:
    """The English interface and Qt's own Vietnamese texts load and translate a known string."""
    from PySide6.QtCore import QTranslator

    folder = str(paths.resources_dir() / "translations")
    for catalogue, context, source, wanted in TRANSLATIONS:
        translator = QTranslator()
        expect(translator.load(catalogue, folder), f"không nạp được {catalogue}.qm trong {folder}")
        got = translator.translate(context, source)
        expect(got == wanted, f"{catalogue}: “{source}” dịch thành “{got}”, không phải “{wanted}”")


def check_resources() -> None:
    """The bundled fonts (with their licence) and the app icon are where the app looks for them."""
    root = paths.resources_dir()
    for name in ("fonts/LiberationSerif-Regular.ttf", "fonts/LICENSE-LiberationSerif.txt", "icons/toso-256.png"):
        expect((root / name).is_file(), f"thiếu tệp {root / name}")


def check_qt() -> None:
    """Every Qt module the window uses loads, and the platform plugins are there (without opening a window)."""
    import importlib

    from PySide6.QtCore import QLibraryInfo

    for module in ("QtGui", "QtWidgets", "QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport"):
        importlib.import_module(f"PySide6.{module}")
    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    found = {plugin.name for plugin in platforms.iterdir()} if platforms.is_dir() else set()
    wanted = "qwindows" if sys.platform == "win32" else "xcb" if sys.platform.startswith("linux") else ""
    expect(any(wanted in name for name in found), f"thiếu trình cắm nền tảng Qt “{wanted}” trong {platforms}")


# ----- running -----


def crash_line(error: BaseException) -> str:
    """An unexpected exception in one line: its type, message and the file and line it came from."""
    last = traceback.extract_tb(error.__traceback__)[-1:]
    where = f" ({Path(last[0].filename).name}:{last[0].lineno})" if last else ""
    return f"{type(error).__name__}: {error}{where}"


def run_checks() -> Outcome:
    """Run every check in a temporary data folder; one failure never stops the others."""
    from desktop.store.store import Store

    outcome = Outcome()
    started = time.perf_counter()

    def attempt(name: str, check: Callable[[], None]) -> bool:
        try:
            check()
        except CheckFailed as problem:
            outcome.failures.append(f"{name}: {problem}")
            return False
        except Exception as error:  # any crash is a failed item, told in one line, never a traceback
            outcome.failures.append(f"{name}: {crash_line(error)}")
            return False
        outcome.passed += 1
        return True

    with tempfile.TemporaryDirectory(prefix="toso-tu-kiem-tra-") as folder:
        store: Any = None
        made: dict[str, Any] = {}

        def open_and_fill() -> None:
            nonlocal store, made
            store = Store.open(Path(folder), automatic_backup=False)
            store.today = lambda: TODAY
            made = fill_store(store)

        try:
            if attempt("kho dữ liệu", open_and_fill):
                attempt("đọc, sửa bản ghi", lambda: check_records(store, made))
                attempt("tìm kiếm", lambda: check_search(store, made))
                documents: list[tuple[str, Callable[[], None]]] = []
                attempt("nạp phần tạo tài liệu", lambda: documents.extend(document_checks(store, made)))
                for name, check in documents:
                    attempt(f"tài liệu “{name}”", check)
        finally:
            if store is not None:
                store.close()
    attempt("bản dịch", check_translations)
    attempt("tài nguyên", check_resources)
    attempt("Qt", check_qt)
    outcome.seconds = time.perf_counter() - started
    return outcome


def main() -> int:
    """Run the self-check, print the verdict line, and return the exit code."""
    try:
        outcome = run_checks()
    except Exception as error:  # even the harness failing is one line
        outcome = Outcome(failures=[crash_line(error)])
    print(outcome.line(), file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1
