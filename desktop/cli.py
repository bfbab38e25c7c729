"""The `toso` command: starts the app, and verbs for scripting (demo, search, export, backups)."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from desktop import paths
from desktop.logs import setup_logging
from desktop.store import backup
from desktop.store.describe import title
from desktop.store.store import Store, StoreError
from sync.records import RecordInvalid, record_type


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
    return parser


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"“{text}” không được là số âm")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `toso`; expected failures end in one Vietnamese line and exit code 1."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run)
    log_file = setup_logging(_folder(args))
    try:
        return handler(args)
    except (StoreError, RecordInvalid, backup.BackupError) as error:
        print(f"toso: {error}", file=sys.stderr)
    except sqlite3.DatabaseError as error:
        print(f"toso: tệp dữ liệu không đọc được ({error}); hãy khôi phục từ bản sao lưu.", file=sys.stderr)
    except OSError as error:
        print(f"toso: lỗi đọc/ghi tệp: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
    except KeyboardInterrupt:
        print("toso: đã dừng.", file=sys.stderr)
    except Exception:
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


if __name__ == "__main__":
    sys.exit(main())
