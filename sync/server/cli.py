"""The `toso-server` command: `serve` runs the API, `admin …` sets the server up."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine

from sync import units
from sync.enrollment import is_server_url
from sync.server import admin
from sync.server.db import create_schema, default_database_url, make_engine

DEFAULT_PORT = 8470
DATA_DIR_VARIABLE = "TOSO_SERVER_DATA_DIR"
DATABASE_URL_VARIABLE = "TOSO_DATABASE_URL"
# Codes are printed for people in Vietnam: their expiry is shown in Vietnam time.
_VIETNAM_TIME = timezone(timedelta(hours=7))


def _database_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return str(args.database_url)
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return default_database_url(data_dir)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="toso-server", description="Máy chủ tỉnh của Tổ Số.")
    common = argparse.ArgumentParser(add_help=False)
    # Defaults from the environment: the systemd unit, toso-admin and the backup script share /etc/toso-server/env.
    common.add_argument(
        "--data-dir",
        default=os.environ.get(DATA_DIR_VARIABLE) or ".",
        help=f"thư mục dữ liệu của máy chủ (mặc định: ${DATA_DIR_VARIABLE} hoặc thư mục hiện tại)",
    )
    common.add_argument(
        "--database-url",
        default=os.environ.get(DATABASE_URL_VARIABLE) or None,
        help=f"địa chỉ cơ sở dữ liệu SQLAlchemy (mặc định: ${DATABASE_URL_VARIABLE} hoặc tệp SQLite)",
    )
    verbs = parser.add_subparsers(dest="verb", required=True)

    serve = verbs.add_parser("serve", parents=[common], help="chạy máy chủ")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="số tiến trình phục vụ, vd. một tiến trình cho mỗi lõi CPU (mặc định: 1)",
    )

    admin_parser = verbs.add_parser("admin", help="quản trị máy chủ")
    actions = admin_parser.add_subparsers(dest="action", required=True)
    init = actions.add_parser("init", parents=[common], help="khởi tạo máy chủ cho một tỉnh")
    init.add_argument("--province", required=True, help="mã tỉnh/thành phố, vd. 20")
    init.add_argument(
        "--public-url", metavar="URL", help="địa chỉ máy xã dùng để kết nối, in trên phiếu đăng ký (chạy lại để đổi)"
    )
    add = actions.add_parser("add-commune", parents=[common], help="thêm xã/phường của tỉnh")
    add.add_argument("codes", nargs="*", metavar="CODE")
    add.add_argument("--all", action="store_true", help="thêm mọi xã/phường của tỉnh")
    enroll = actions.add_parser("enroll", parents=[common], help="tạo mã đăng ký thiết bị và phiếu in (PDF)")
    enroll.add_argument("commune_code", metavar="COMMUNE_CODE")
    enroll.add_argument("--days", type=int, default=admin.DEFAULT_CODE_DAYS)
    enroll.add_argument("--server-url", metavar="URL", help="địa chỉ máy chủ in trên phiếu (mặc định: --public-url)")
    enroll.add_argument("--pdf", metavar="FILE", type=Path, help="nơi lưu phiếu (mặc định: trong thư mục dữ liệu)")
    devices = actions.add_parser("devices", parents=[common], help="liệt kê thiết bị")
    devices.add_argument("--commune", metavar="CODE", help="chỉ thiết bị của một xã")
    revoke = actions.add_parser("revoke", parents=[common], help="thu hồi một thiết bị")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    categories = actions.add_parser(
        "set-categories", parents=[common], help="công bố danh mục lĩnh vực hỗ trợ cho mọi xã (.csv hoặc .xlsx)"
    )
    categories.add_argument("file", metavar="FILE", type=Path)
    version = actions.add_parser("publish-version", parents=[common], help="thông báo phiên bản Tổ Số mới")
    version.add_argument("version", metavar="VERSION", nargs="?", help="vd. 1.2.3")
    version.add_argument("url", metavar="URL", nargs="?", help="trang tải bản mới")
    version.add_argument("--clear", action="store_true", help="thôi thông báo")
    return parser


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"phải là số nguyên dương, không phải {value!r}")
    return int(value)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.migrations import SchemaMismatch

    database_url = _database_url(args)
    # Migrations run here, once, before any worker starts; each worker then only reads that the schema is current.
    engine = make_engine(database_url)
    try:
        create_schema(engine)
    except SchemaMismatch as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    # Worker processes build their own app (uvicorn needs an import string for more than one): the URL goes by
    # the environment, which they inherit.
    os.environ[DATABASE_URL_VARIABLE] = database_url
    uvicorn.run(
        "sync.server.app:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        access_log=True,
        proxy_headers=True,
    )
    return 0


def _init(engine: Engine, args: argparse.Namespace) -> int:
    name = admin.init_province(engine, args.province, public_url=args.public_url)
    print(f"Đã khởi tạo máy chủ cho {name}.")
    if args.public_url:
        print(f"Địa chỉ in trên phiếu đăng ký: {args.public_url.rstrip('/')}")
    return 0


def _add_commune(engine: Engine, args: argparse.Namespace) -> int:
    if not args.codes and not args.all:
        print("Hãy ghi mã xã hoặc --all.", file=sys.stderr)
        return 2
    added = admin.add_communes(engine, args.codes, all_of_province=args.all, now=datetime.now(UTC))
    print(f"Đã thêm {len(added)} xã/phường.")
    return 0


def _enroll(engine: Engine, args: argparse.Namespace) -> int:
    from sync.server.enroll_pdf import EnrollmentSheet, default_file_name, write_enrollment_sheet

    server_url = args.server_url or admin.public_url(engine)
    if args.server_url and not is_server_url(args.server_url):
        raise admin.AdminError(admin.bad_server_url(args.server_url))
    now = datetime.now(UTC)
    code, expires = admin.create_enrollment_code(engine, args.commune_code, days=args.days, now=now)
    commune = units.find_commune(args.commune_code)
    path = args.pdf or Path(args.data_dir) / default_file_name(commune.code, now)
    sheet = EnrollmentSheet(commune, code, expires, server_url.rstrip("/") if server_url else None, now)
    print(f"Mã đăng ký: {code} (hết hạn {expires.astimezone(_VIETNAM_TIME).strftime('%d/%m/%Y %H:%M')})")
    try:
        write_enrollment_sheet(path, sheet)
    except OSError as error:
        # The code exists and is printed above: the operator can still hand it over without the sheet.
        print(f"Không ghi được phiếu in {path}: {error.strerror}.", file=sys.stderr)
        return 1
    print(f"Phiếu in: {path.resolve()}")
    if server_url is None:
        print("Phiếu chưa có địa chỉ máy chủ: ghi --server-url, hoặc đặt một lần bằng admin init --public-url.")
    return 0


def _devices(engine: Engine, args: argparse.Namespace) -> int:
    from sync.server.device_table import format_devices

    found = admin.list_devices(engine, args.commune)
    if not found:
        print("Chưa có thiết bị nào." if args.commune is None else f"Xã mã {args.commune} chưa có thiết bị nào.")
        return 0
    print("\n".join(format_devices(found)))
    return 0


def _revoke(engine: Engine, args: argparse.Namespace) -> int:
    admin.revoke_device(engine, args.device_id)
    print(f"Đã thu hồi thiết bị {args.device_id}.")
    return 0


def _set_categories(engine: Engine, args: argparse.Namespace) -> int:
    outcome = admin.set_categories(engine, args.file, now=datetime.now(UTC))
    counts = outcome.counts
    if outcome.communes:
        print(
            f"Đã công bố {outcome.listed} lĩnh vực cho {outcome.communes} xã/phường "
            f"(bản ghi: {counts['inserted']} mới, {counts['updated']} sửa, {counts['same']} không đổi)."
        )
    else:
        print(f"Đã lưu danh mục {outcome.listed} lĩnh vực; xã/phường thêm sau sẽ nhận danh mục này.")
    if outcome.no_longer_listed:
        print(
            "Không còn trong danh mục (vẫn giữ ở các xã vì có thể đã được dùng): "
            + ", ".join(outcome.no_longer_listed)
            + "."
        )
    return 0


def _publish_version(engine: Engine, args: argparse.Namespace) -> int:
    if args.clear:
        if args.version or args.url:
            print("Dùng --clear một mình, không kèm phiên bản.", file=sys.stderr)
            return 2
        cleared = admin.clear_version(engine)
        print("Đã thôi thông báo phiên bản mới." if cleared else "Chưa có phiên bản nào được thông báo.")
        return 0
    if not args.version or not args.url:
        print("Hãy ghi phiên bản và địa chỉ tải về, vd. publish-version 1.2.3 https://…", file=sys.stderr)
        return 2
    latest = admin.publish_version(engine, args.version, args.url)
    print(f"Đã thông báo phiên bản {latest['version']} ({latest['url']}) cho mọi máy ở lần đồng bộ tới.")
    return 0


_ACTIONS: dict[str, Callable[[Engine, argparse.Namespace], int]] = {
    "init": _init,
    "add-commune": _add_commune,
    "enroll": _enroll,
    "devices": _devices,
    "revoke": _revoke,
    "set-categories": _set_categories,
    "publish-version": _publish_version,
}


def _admin(args: argparse.Namespace) -> int:
    engine = make_engine(_database_url(args))
    try:
        create_schema(engine)
        return _ACTIONS[args.action](engine, args)
    except admin.AdminError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `toso-server`; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.verb == "serve":
        return _serve(args)
    return _admin(args)


if __name__ == "__main__":
    sys.exit(main())
