"""The `toso-server` command: `serve` runs the API, `admin …` sets the server up."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sync.server import admin
from sync.server.db import create_schema, default_database_url, make_engine

DEFAULT_PORT = 8470
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
    common.add_argument("--data-dir", default=".", help="thư mục dữ liệu của máy chủ")
    common.add_argument("--database-url", help="địa chỉ cơ sở dữ liệu SQLAlchemy (mặc định: tệp SQLite)")
    verbs = parser.add_subparsers(dest="verb", required=True)

    serve = verbs.add_parser("serve", parents=[common], help="chạy máy chủ")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)

    admin_parser = verbs.add_parser("admin", help="quản trị máy chủ")
    actions = admin_parser.add_subparsers(dest="action", required=True)
    init = actions.add_parser("init", parents=[common], help="khởi tạo máy chủ cho một tỉnh")
    init.add_argument("--province", required=True, help="mã tỉnh/thành phố, vd. 20")
    add = actions.add_parser("add-commune", parents=[common], help="thêm xã/phường của tỉnh")
    add.add_argument("codes", nargs="*", metavar="CODE")
    add.add_argument("--all", action="store_true", help="thêm mọi xã/phường của tỉnh")
    enroll = actions.add_parser("enroll", parents=[common], help="tạo mã đăng ký thiết bị")
    enroll.add_argument("commune_code", metavar="COMMUNE_CODE")
    enroll.add_argument("--days", type=int, default=admin.DEFAULT_CODE_DAYS)
    actions.add_parser("devices", parents=[common], help="liệt kê thiết bị")
    revoke = actions.add_parser("revoke", parents=[common], help="thu hồi một thiết bị")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import create_app

    app = create_app(_database_url(args))
    uvicorn.run(app, host=args.host, port=args.port, access_log=True, proxy_headers=True)
    return 0


def _admin(args: argparse.Namespace) -> int:
    engine = make_engine(_database_url(args))
    try:
        create_schema(engine)
        if args.action == "init":
            name = admin.init_province(engine, args.province)
            print(f"Đã khởi tạo máy chủ cho {name}.")
        elif args.action == "add-commune":
            if not args.codes and not args.all:
                print("Hãy ghi mã xã hoặc --all.", file=sys.stderr)
                return 2
            added = admin.add_communes(engine, args.codes, all_of_province=args.all)
            print(f"Đã thêm {len(added)} xã/phường.")
        elif args.action == "enroll":
            code, expires = admin.create_enrollment_code(
                engine, args.commune_code, days=args.days, now=datetime.now(UTC)
            )
            shown = expires.astimezone(_VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")
            print(f"Mã đăng ký: {code} (hết hạn {shown})")
        elif args.action == "devices":
            for device in admin.list_devices(engine):
                state = "đã thu hồi" if device.revoked else "đang dùng"
                print(
                    f"{device.id}  {device.commune_code}  {device.name}  {device.app_version}  "
                    f"đăng ký {device.enrolled_at}  lần cuối {device.last_seen or '-'}  {state}"
                )
        elif args.action == "revoke":
            admin.revoke_device(engine, args.device_id)
            print(f"Đã thu hồi thiết bị {args.device_id}.")
    except admin.AdminError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `toso-server`; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.verb == "serve":
        return _serve(args)
    return _admin(args)


if __name__ == "__main__":
    sys.exit(main())
