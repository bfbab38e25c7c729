"""What laptops report at the end of a sync, the operator's device table, and the announced app version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sync.protocol import APP_VERSION_HEADER, PENDING_HEADER
from sync.server import admin
from sync.server.cli import main
from sync.server.db import make_engine
from sync.server.device_reports import reported_pending
from sync.server.device_table import HEADERS
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, enrolled

pytestmark = pytest.mark.both_backends  # province_server runs on SQLite and (when available) PostgreSQL
COMMUNE, OTHER = "06040", "05977"  # xã Thất Khê, phường Đông Kinh (Lạng Sơn)
VIETNAM_STAMP = r"\d\d/\d\d/\d{4} \d\d:\d\d"


def _admin(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    status = main(["admin", args[0], "--data-dir", str(data_dir), *args[1:]])
    out, err = capsys.readouterr()
    return status, out.strip(), err.strip()


def _admin_of(server: ProvinceServer, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`toso-server admin …` on the running server's database, whichever backend it is."""
    return _admin(capsys, server.data_dir, args[0], "--database-url", server.database_url, *args[1:])


def _device(server: ProvinceServer, device_id: str) -> admin.DeviceInfo:
    engine = make_engine(server.database_url)
    try:
        return next(device for device in admin.list_devices(engine) if device.id == device_id)
    finally:
        engine.dispose()


def _summary(api: Api, **headers: str) -> dict[str, object]:
    response = api.call("GET", "/v1/summary", headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_the_summary_request_records_version_pending_and_sync_time(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    assert _device(province_server, api.device_id).last_sync_at is None
    _summary(api, **{APP_VERSION_HEADER: "0.3.1", PENDING_HEADER: "12"})
    device = _device(province_server, api.device_id)
    assert (device.app_version, device.pending_changes) == ("0.3.1", 12)
    assert device.last_sync_at is not None

    # Junk is ignored, not stored and not a 4xx: the sync itself went well.
    _summary(api, **{APP_VERSION_HEADER: "x" * 200, PENDING_HEADER: "-3"})
    junk = _device(province_server, api.device_id)
    assert (junk.app_version, junk.pending_changes) == ("0.3.1", 12)
    assert junk.last_sync_at is not None and junk.last_sync_at >= device.last_sync_at
    _summary(api, **{PENDING_HEADER: "0"})
    assert _device(province_server, api.device_id).pending_changes == 0


def test_summary_announces_the_published_version(
    province_server: ProvinceServer, capsys: pytest.CaptureFixture[str]
) -> None:
    api = enrolled(province_server, COMMUNE)
    assert _summary(api)["latest_version"] is None
    status, out, _ = _admin_of(
        province_server, capsys, "publish-version", "1.2.0", "https://toso.langson.gov.vn/tai-ve"
    )
    assert (status, out) == (
        0,
        "Đã thông báo phiên bản 1.2.0 (https://toso.langson.gov.vn/tai-ve) cho mọi máy ở lần đồng bộ tới.",
    )
    assert _summary(api)["latest_version"] == {"version": "1.2.0", "url": "https://toso.langson.gov.vn/tai-ve"}
    assert _admin_of(province_server, capsys, "publish-version", "--clear") == (
        0,
        "Đã thôi thông báo phiên bản mới.",
        "",
    )
    assert _summary(api)["latest_version"] is None
    assert (
        _admin_of(province_server, capsys, "publish-version", "--clear")[1] == "Chưa có phiên bản nào được thông báo."
    )


@pytest.mark.parametrize(
    ("args", "status", "says"),
    [
        (("1.2", "https://a.vn"), 1, "Phiên bản không hợp lệ: 1.2 (phải có dạng 1.2.3)."),
        (("v1.2.0", "https://a.vn"), 1, "Phiên bản không hợp lệ: v1.2.0"),
        (
            ("1.2.0", "a.vn/tai-ve"),
            1,
            "Địa chỉ tải về không hợp lệ: a.vn/tai-ve (phải bắt đầu bằng http:// hoặc https://).",
        ),
        (("1.2.0",), 2, "Hãy ghi phiên bản và địa chỉ tải về"),
        (("1.2.0", "https://a.vn", "--clear"), 2, "Dùng --clear một mình"),
    ],
)
def test_publish_version_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], status: int, says: str
) -> None:
    got_status, _out, err = _admin(capsys, tmp_path, "publish-version", *args)
    assert got_status == status and err.startswith(says)


def test_the_device_table(province_server: ProvinceServer, capsys: pytest.CaptureFixture[str]) -> None:
    that_khe = enrolled(province_server, COMMUNE, "Máy cán bộ văn hoá")
    dong_kinh = enrolled(province_server, OTHER, "Laptop Đông Kinh")
    _summary(that_khe, **{APP_VERSION_HEADER: "0.4.0", PENDING_HEADER: "7"})
    province_server.revoke(dong_kinh.device_id)

    status, out, _ = _admin_of(province_server, capsys, "devices")
    lines = out.splitlines()
    assert status == 0
    assert re.split(r"\s{2,}", lines[0]) == list(HEADERS)
    assert set(lines[1]) <= {"-", " "}
    dong_kinh_line = next(line for line in lines if dong_kinh.device_id in line)
    that_khe_line = next(line for line in lines if that_khe.device_id in line)
    assert lines.index(dong_kinh_line) < lines.index(that_khe_line)  # by commune code: 05977 before 06040
    assert that_khe_line.startswith("06040 Xã Thất Khê") and "Máy cán bộ văn hoá" in that_khe_line
    assert re.search(rf"0\.4\.0\s+{VIETNAM_STAMP}\s+{VIETNAM_STAMP}\s+{VIETNAM_STAMP}\s+7\s+đang dùng", that_khe_line)
    # Never synced to the end: no sync time and no pending count yet.
    assert re.search(rf"0\.1\.0\s+{VIETNAM_STAMP}\s+{VIETNAM_STAMP}\s+-\s+-\s+đã thu hồi", dong_kinh_line)
    assert lines[-1] == "2 thiết bị (1 đã thu hồi)."
    # A column starts at the same place on every line.
    name_column = lines[0].index("Tên máy")
    assert that_khe_line.index("Máy cán bộ") == dong_kinh_line.index("Laptop Đông Kinh") == name_column

    status, out, _ = _admin_of(province_server, capsys, "devices", "--commune", "6040")
    assert that_khe.device_id in out and dong_kinh.device_id not in out and out.endswith("1 thiết bị.")
    assert _admin_of(province_server, capsys, "devices", "--commune", "06046")[1] == (
        "Xã mã 06046 chưa có thiết bị nào."
    )


@pytest.mark.parametrize(
    ("sent", "kept"), [("5", 5), (" 12 ", 12), ("0", 0), ("-1", None), ("²", None), ("1e3", None), ("", None)]
)
def test_only_a_whole_number_of_pending_changes_is_kept(sent: str, kept: int | None) -> None:
    assert reported_pending({PENDING_HEADER: sent}) == kept
