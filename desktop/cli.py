"""The `toso` command: starts the app, and verbs for scripting (demo, search, export, backups, print)."""

from __future__ import annotations

import argparse
import logging
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any, NoReturn

from desktop import paths
from desktop.logs import setup_logging
from desktop.store import backup
from desktop.store.describe import title
from desktop.store.stats import Period, decision_number, month_of, quarter_of, year_of
from desktop.store.store import Store, StoreError
from sync.client import SyncError
from sync.dates import parse_date
from sync.enrollment import EnrollmentLinkError
from sync.records import RecordInvalid, record_type
from sync.text import collation_key, fold


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line, without the usage block."""

    def error(self, message: str) -> NoReturn:
        for english, vietnamese in _ARGPARSE_WORDS:
            message = message.replace(english, vietnamese)
        self.exit(2, f"{self.prog}: lỗi tham số: {message} (xem “{self.prog} --help”)\n")


# argparse has no Vietnamese catalogue; these are the phrases a user actually meets.
_ARGPARSE_WORDS = (
    ("the following arguments are required:", "thiếu tham số bắt buộc:"),
    ("unrecognized arguments:", "tham số không hiểu được:"),
    ("invalid choice:", "lựa chọn không hợp lệ:"),
    ("expected one argument", "cần một giá trị"),
    ("invalid int value:", "không phải số nguyên:"),
    ("not allowed with argument", "không dùng cùng với tham số"),
    ("argument ", "tham số "),
)


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"thư mục dữ liệu (mặc định: ${paths.DATA_DIR_ENV} hoặc thư mục dữ liệu người dùng)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line, with Vietnamese help."""
    parser = _Parser(prog="toso", description="Tổ Số — quản lý Tổ công nghệ số cộng đồng cấp xã.")
    _data_dir_option(parser, None)
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="tự kiểm tra ứng dụng (dữ liệu tạm, tìm kiếm, tài liệu PDF, bản dịch) rồi thoát; mã thoát 0 là đạt",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="LỆNH", parser_class=_Parser)

    def verb(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS keeps a --data-dir given before the verb when none is given after it.
        _data_dir_option(sub, argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    verb("run", "mở ứng dụng (mặc định khi không có lệnh)", _run)
    demo = verb("demo", "tạo dữ liệu mẫu cho một xã thật trong danh mục", _demo)
    demo.add_argument("--commune", metavar="MÃ", help="mã xã/phường/đặc khu (5 chữ số); mặc định chọn theo --seed")
    demo.add_argument(
        "--sessions", type=_non_negative, default=2000, metavar="N", help="số buổi hỗ trợ (mặc định 2000)"
    )
    demo.add_argument("--seed", type=int, default=0, metavar="S", help="hạt giống ngẫu nhiên (mặc định 0)")
    init = verb("init", "thiết lập xã mà máy này phục vụ", _init)
    init.add_argument("--commune", metavar="MÃ", required=True, help="mã xã/phường/đặc khu (5 chữ số)")
    find = verb("search", "tìm thành viên, tổ, thôn, buổi hỗ trợ (không cần gõ dấu)", _search)
    find.add_argument("text", metavar="TỪ_KHÓA", help="nội dung cần tìm")
    find.add_argument("--limit", type=_non_negative, default=50, metavar="N", help="số kết quả tối đa (mặc định 50)")
    export = verb("export", "xuất toàn bộ dữ liệu ra tệp Excel (.xlsx)", _export)
    export.add_argument("--out", metavar="TỆP.xlsx", required=True, help="tệp Excel cần ghi")
    verb("backup", "sao lưu dữ liệu ngay", _backup)
    verb("backups", "liệt kê các bản sao lưu", _list_backups)
    restore = verb("restore", "khôi phục dữ liệu từ một bản sao lưu", _restore)
    restore.add_argument("backup", metavar="TỆP_SAO_LƯU", help="tệp .sqlite3 trong thư mục sao lưu")
    enroll = verb("enroll", "đăng ký máy này với máy chủ tỉnh bằng mã đăng ký", _enroll)
    enroll.add_argument(
        "--server", metavar="URL", help="địa chỉ máy chủ tỉnh, ví dụ https://toso.example.vn (có sẵn trong liên kết)"
    )
    enroll.add_argument(
        "--code",
        metavar="MÃ",
        required=True,
        help="mã đăng ký do tỉnh cấp (dạng ABCD-EFGH-JKLM), hoặc liên kết toso-enroll:… đọc từ mã QR trên phiếu",
    )
    enroll.add_argument(
        "--ca-bundle",
        metavar="TỆP",
        type=Path,
        help="chứng chỉ CA của tỉnh (.pem), khi máy chủ dùng chứng chỉ do tỉnh tự cấp",
    )
    verb("sync", "đồng bộ với máy chủ tỉnh: gửi thay đổi, nhận bản ghi mới", _sync)
    _print_verb(verb("print", "in tài liệu ra tệp PDF (quyết định, sổ theo dõi, phiếu ghi chép, báo cáo…)", _print))
    return parser


def _print_verb(printing: argparse.ArgumentParser) -> None:
    """`toso print KIND --out FILE.pdf …`: one sub-command per document, each with its own options."""
    kinds = printing.add_subparsers(dest="document", metavar="TÀI_LIỆU", parser_class=_Parser, required=True)

    def kind(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = kinds.add_parser(name, help=help_text, description=help_text)
        _data_dir_option(sub, argparse.SUPPRESS)
        sub.add_argument("--out", metavar="TỆP.pdf", required=True, help="tệp PDF cần ghi")
        sub.set_defaults(print_parser=sub)
        return sub

    decision = kind("decision", "quyết định thành lập/kiện toàn tổ, kèm danh sách thành viên")
    decision.add_argument(
        "--decision",
        metavar="SỐ",
        help="số “07/2026”, “07” (năm nay) hoặc mã bản ghi; mặc định: quyết định ban hành gần nhất",
    )
    team_help = "tên tổ (không cần gõ dấu, gõ một phần cũng được) hoặc mã tổ"
    sheet = kind("activity-sheet", "sổ theo dõi hoạt động của một tổ trong một tháng hoặc một khoảng thời gian")
    sheet.add_argument("--team", metavar="TỔ", required=True, help=team_help)
    _period_options(sheet, whole_periods=False)
    form = kind("field-form", "phiếu ghi chép (để trống) của một tổ, ghi tay khi hỗ trợ người dân")
    form.add_argument("--team", metavar="TỔ", required=True, help=team_help)
    report = kind("report", "báo cáo kết quả hoạt động của các tổ trong một kỳ")
    _period_options(report, whole_periods=True)
    members = kind("member-list", "danh sách thành viên các tổ")
    members.add_argument("--on", metavar="dd/mm/yyyy", type=_day, help="tính đến ngày này (mặc định: hôm nay)")


def _period_options(parser: argparse.ArgumentParser, *, whole_periods: bool) -> None:
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--month", metavar="MM/YYYY", type=_month, help="một tháng (mặc định: tháng này)")
    if whole_periods:
        chosen.add_argument("--quarter", metavar="Q/YYYY", type=_quarter, help="một quý, ví dụ 1/2026")
        chosen.add_argument("--year", metavar="YYYY", type=_year, help="cả năm")
    chosen.add_argument("--from", dest="start", metavar="dd/mm/yyyy", type=_day, help="từ ngày (cùng với --to)")
    parser.add_argument("--to", dest="end", metavar="dd/mm/yyyy", type=_day, help="đến ngày (cùng với --from)")


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"“{text}” không được là số âm")
    return value


def _day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dạng dd/mm/yyyy") from None


def _month(text: str) -> Period:
    match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{4})\s*", text)
    if not match or not 1 <= int(match.group(1)) <= 12:
        raise argparse.ArgumentTypeError(f"“{text}” không phải tháng dạng MM/YYYY")
    return month_of(date(int(match.group(2)), int(match.group(1)), 1))


def _quarter(text: str) -> Period:
    match = re.fullmatch(r"\s*[QqIi]?([1-4])[/.-](\d{4})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"“{text}” không phải quý dạng Q/YYYY (Q từ 1 đến 4)")
    return quarter_of(date(int(match.group(2)), int(match.group(1)) * 3 - 2, 1))


def _year(text: str) -> Period:
    if not re.fullmatch(r"\s*\d{4}\s*", text):
        raise argparse.ArgumentTypeError(f"“{text}” không phải năm dạng YYYY")
    return year_of(date(int(text), 1, 1))


def _is_document_error(error: BaseException) -> bool:
    # Documents pull in reportlab; a verb that never rendered one cannot have raised their error.
    layout = sys.modules.get("desktop.documents.layout")
    return layout is not None and isinstance(error, layout.DocumentError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `toso`; expected failures end in one Vietnamese line and exit code 1."""
    args = build_parser().parse_args(argv)
    if args.self_check:  # before logging: the check works in a temporary folder, never the user's data
        from desktop.self_check import main as self_check

        return self_check()
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run)
    log_file = setup_logging(_folder(args))
    try:
        return handler(args)
    except (StoreError, RecordInvalid, backup.BackupError, SyncError, EnrollmentLinkError) as error:
        print(f"toso: {error}", file=sys.stderr)
    except sqlite3.DatabaseError as error:
        print(f"toso: tệp dữ liệu không đọc được ({error}); hãy khôi phục từ bản sao lưu.", file=sys.stderr)
    except OSError as error:
        print(f"toso: lỗi đọc/ghi tệp: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
    except KeyboardInterrupt:
        print("toso: đã dừng.", file=sys.stderr)
    except Exception as error:
        if _is_document_error(error):  # data missing for a document: said in Vietnamese, like StoreError
            print(f"toso: {error}", file=sys.stderr)
            return 1
        # Not the user's fault: the details go to the log file, the user gets one line saying where.
        logging.getLogger("toso").exception("unexpected error in %s", getattr(args, "verb", None) or "run")
        print(f"toso: lỗi không mong đợi; chi tiết đã ghi vào {log_file or 'nhật ký'}.", file=sys.stderr)
    return 1


def _folder(args: argparse.Namespace) -> Path:
    return paths.data_dir(args.data_dir)


def _run(args: argparse.Namespace) -> int:
    from desktop.app import run  # Qt loads only for the window, so scripting verbs start fast.

    return int(run(_folder(args), sys.argv[:1]))


def _demo(args: argparse.Namespace) -> int:
    from desktop.store.demo import create_demo

    with Store.open(_folder(args)) as store:
        summary = create_demo(store, commune_code=args.commune, sessions=args.sessions, seed=args.seed)
    commune = summary.commune
    print(
        f"Đã tạo dữ liệu mẫu cho {commune.full_name}, {commune.province_full_name} ({commune.code}): "
        f"{summary.villages} thôn/tổ dân phố, {summary.teams} tổ, {summary.people} thành viên, "
        f"{summary.sessions} buổi hỗ trợ."
    )
    return 0


def _init(args: argparse.Namespace) -> int:
    with Store.open(_folder(args)) as store:
        commune = store.set_commune(args.commune)
    print(f"Máy này phục vụ {commune.full_name}, {commune.province_full_name} ({commune.code}).")
    return 0


def _enroll(args: argparse.Namespace) -> int:
    import platform

    from desktop.store.server_ca import use_ca_bundle
    from desktop.store.sync_engine import enroll
    from desktop.store.versions import running_version
    from sync.enrollment import parse_enrollment_uri

    server, code = args.server, args.code
    if code.strip().lower().startswith("toso-enroll:"):  # the QR code on the province's enrolment sheet
        link = parse_enrollment_uri(code)
        server, code = server or link.server, link.code
    if not server:
        print("toso: hãy ghi địa chỉ máy chủ tỉnh (--server https://…); liên kết không có địa chỉ.", file=sys.stderr)
        return 2
    folder = _folder(args)
    with Store.open(folder) as store:
        if args.ca_bundle is not None:
            use_ca_bundle(store, folder, args.ca_bundle)
        done = enroll(store, folder, server, code, platform.node() or "toso", running_version())
        commune = store.commune
    name = commune.full_name if commune else "xã"
    print(f"Đã đăng ký máy với máy chủ tỉnh cho {name} ({done.commune_code}); đã nhận {done.pulled} bản ghi.")
    return 0


def _sync(args: argparse.Namespace) -> int:
    from desktop.store.sync_engine import sync
    from desktop.store.versions import newer_version_available

    folder = _folder(args)
    with Store.open(folder) as store:
        summary = sync(store, folder)
        newer = newer_version_available(store)
    line = f"Đã gửi {summary.pushed} thay đổi, nhận {summary.pulled} bản ghi; {summary.rejected} bị từ chối."
    if summary.repaired:
        line += " Đã tự sửa dữ liệu chưa khớp ở: " + _type_names(summary.repaired)
        if summary.requeued:
            line += f" (gửi lại {summary.requeued} bản ghi máy chủ tỉnh bị thiếu)"
        line += "."
    if newer is not None:
        line += f" Đã có phiên bản Tổ Số mới {newer['version']}" + (f": {newer['url']}" if newer["url"] else "") + "."
    print(line)
    if summary.clock_warning and summary.skew_seconds is not None:
        print(
            f"toso: cảnh báo: đồng hồ máy này lệch {abs(summary.skew_seconds) / 60:.0f} phút so với máy chủ tỉnh.",
            file=sys.stderr,
        )
    if summary.mismatched:
        print(
            "toso: cảnh báo: dữ liệu trên máy vẫn chưa khớp với máy chủ tỉnh sau khi tự sửa, ở: "
            + _type_names(summary.mismatched)
            + "; hãy báo cho cán bộ quản trị của tỉnh.",
            file=sys.stderr,
        )
    return 0


def _type_names(names: Sequence[str]) -> str:
    return ", ".join(record_type(name).vi.lower() for name in names)


def _search(args: argparse.Namespace) -> int:
    with Store.open(_folder(args), automatic_backup=False) as store:
        hits = store.search(args.text, limit=args.limit)
        for hit in hits:
            record = store.require(hit.record_type, hit.record_id)
            print(f"{record_type(hit.record_type).vi}\t{title(hit.record_type, record)}\t{hit.record_id}")
    if not hits:
        print(f"Không tìm thấy kết quả cho “{args.text}”.", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from desktop.store.export import export_workbook

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise StoreError(f"Tệp xuất phải có đuôi .xlsx: {out.name}", "The output file must end in .xlsx.")
    with Store.open(_folder(args), automatic_backup=False) as store:
        written = export_workbook(store, out)
    print(f"Đã xuất {sum(written.values())} bản ghi vào {out}.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    folder = _folder(args)
    with Store.open(folder, automatic_backup=False) as store:
        made = backup.make_backup(store.db, paths.backup_dir(folder))
    print(f"Đã sao lưu vào {made}.")
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    found = backup.list_backups(paths.backup_dir(_folder(args)))
    for item in found:
        kind = "tự động" if item.automatic else "thủ công"
        print(f"{item.made_at.astimezone():%d/%m/%Y %H:%M}\t{kind}\t{item.size / 1e6:.1f} MB\t{item.path}")
    if not found:
        print("Chưa có bản sao lưu nào.", file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    folder = _folder(args)
    source = Path(args.backup)
    if not source.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu: {source}", f"No such backup file: {source}")
    safety = backup.restore_backup(source, paths.database_path(folder), paths.backup_dir(folder))
    with Store.open(folder, automatic_backup=False):
        pass  # opening migrates an older backup and rebuilds what must be rebuilt
    print(f"Đã khôi phục từ {source}. Dữ liệu trước khi khôi phục được giữ tại {safety}.")
    return 0


def _print(args: argparse.Namespace) -> int:
    from pypdf import PdfReader

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise StoreError(f"Tệp in phải có đuôi .pdf: {out.name}", "The output file must end in .pdf.")
    with Store.open(_folder(args), automatic_backup=False) as store:
        pdf = _render(store, args)
    partial = out.with_name(out.name + ".part")  # a reader never sees half a file
    partial.write_bytes(pdf)
    partial.replace(out)
    pages = len(PdfReader(BytesIO(pdf)).pages)
    print(f"Đã ghi {out} ({pages} trang).")
    return 0


def _render(store: Store, args: argparse.Namespace) -> bytes:
    """The PDF bytes of the document asked for (renderers are imported only here: they load reportlab)."""
    if args.document == "decision":
        from desktop.documents.decision import render_decision

        return render_decision(store, _find_decision(store, args.decision)["id"])
    if args.document == "field-form":
        from desktop.documents.field_form import render_field_form

        return render_field_form(store, _find_team(store, args.team)["id"])
    if args.document == "member-list":
        from desktop.documents.member_list import render_member_list

        return render_member_list(store, args.on)
    period = _chosen_period(args, store.today())
    if args.document == "activity-sheet":
        from desktop.documents.activity_sheet import render_activity_sheet

        return render_activity_sheet(store, _find_team(store, args.team)["id"], period.start, period.end)
    from desktop.documents.report import render_report

    return render_report(store, period.start, period.end)


def _chosen_period(args: argparse.Namespace, today: date) -> Period:
    parser: argparse.ArgumentParser = args.print_parser
    if (args.start is None) != (args.end is None):
        parser.error("--from và --to phải đi cùng nhau")
    if args.start is not None:
        if args.start > args.end:
            parser.error("ngày --from phải trước hoặc trùng ngày --to")
        return Period(args.start, args.end)
    chosen: Period | None = args.month or getattr(args, "quarter", None) or getattr(args, "year", None)
    return chosen or month_of(today)


def _find_decision(store: Store, wanted: str | None) -> dict[str, Any]:
    """A decision by "07/2026", "07" (this year) or record id; none given: the latest issued one."""
    if wanted is None:
        issued = store.rows("decisions", "status = 'issued'", order_by="year DESC, number DESC, date DESC", limit=1)
        if not issued:
            raise StoreError(
                "Chưa có quyết định nào đã ban hành; hãy chỉ rõ --decision SỐ/NĂM (ví dụ 07/2026).",
                "No issued decision yet; name one with --decision NUMBER/YEAR.",
            )
        return issued[0]
    match = re.fullmatch(r"\s*(\d{1,5})(?:\s*/\s*(\d{4}))?\s*", wanted)
    if match is None:
        found = store.get("decisions", wanted.strip())
        if found is None or found["deleted"]:
            raise StoreError(f"Không tìm thấy quyết định “{wanted}”.", f"No decision “{wanted}”.")
        return found
    number, year = int(match.group(1)), int(match.group(2) or store.today().year)
    numbered = store.rows("decisions", "number = ? AND year = ?", [number, year], order_by="date DESC")
    # A number may have been given twice by mistake (the app warns); the issued one is the real one.
    candidates = [d for d in numbered if d["status"] == "issued"] or numbered
    name = f"{decision_number(number)} năm {year}"
    if not candidates:
        raise StoreError(f"Không có quyết định số {name}.", f"No decision number {number} of {year}.")
    if len(candidates) > 1:
        ids = ", ".join(d["id"] for d in candidates)
        raise StoreError(f"Có {len(candidates)} quyết định số {name}; hãy dùng mã bản ghi: {ids}.")
    return candidates[0]


def _find_team(store: Store, wanted: str) -> dict[str, Any]:
    """A team by record id or by name, folded (no diacritics needed; every word may be the start of one)."""
    found = store.get("teams", wanted.strip())
    if found is not None and not found["deleted"]:
        return found
    key = fold(wanted)
    teams = store.rows("teams")
    exact = [team for team in teams if fold(team["name"]) == key]
    if len(exact) == 1:
        return exact[0]
    words = key.split()
    matches = [team for team in teams if words and _words_start(words, fold(team["name"]).split())]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise StoreError(f"Không tìm thấy tổ nào khớp “{wanted}”.", f"No team matches “{wanted}”.")
    ranked = sorted(matches, key=lambda team: collation_key(team["name"]))
    listed = "; ".join(
        f"{team['name']}{' (đã giải thể)' if team['status'] != 'active' else ''} [mã {team['id']}]" for team in ranked
    )
    raise StoreError(
        f"“{wanted}” khớp với {len(matches)} tổ: {listed}. Hãy gõ rõ hơn hoặc dùng mã tổ.",
        f"“{wanted}” matches {len(matches)} teams; be more precise or use the team's id.",
    )


def _words_start(words: list[str], tokens: list[str]) -> bool:
    return all(any(token.startswith(word) for token in tokens) for word in words)


if __name__ == "__main__":
    sys.exit(main())
