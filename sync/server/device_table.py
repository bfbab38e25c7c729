"""`toso-server admin devices` as a table for the operator: times in Vietnam time, dd/MM/yyyy HH:mm."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

from sync.server.admin import DeviceInfo

VIETNAM_TIME = timezone(timedelta(hours=7))
HEADERS = (
    "Xã/phường",
    "Tên máy",
    "Phiên bản",
    "Đăng ký lúc",
    "Kết nối cuối",
    "Đồng bộ cuối",
    "Chưa gửi",
    "Trạng thái",
    "Mã thiết bị",
)
_RIGHT_ALIGNED = {"Chưa gửi"}


def vietnam_time(stamp: str | None) -> str:
    """A stored UTC timestamp as dd/MM/yyyy HH:mm in Vietnam time; "-" when there is none."""
    if not stamp:
        return "-"
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp  # shown as stored rather than hidden: the operator can still read it
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the server stores UTC, even where a stamp is unmarked
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


def device_row(device: DeviceInfo) -> tuple[str, ...]:
    """One device's cells, in HEADERS order."""
    commune = device.commune_name[:1].upper() + device.commune_name[1:]
    return (
        f"{device.commune_code} {commune}".strip(),
        device.name or "-",
        device.app_version or "-",
        vietnam_time(device.enrolled_at),
        vietnam_time(device.last_seen),
        vietnam_time(device.last_sync_at),
        "-" if device.pending_changes is None else str(device.pending_changes),
        "đã thu hồi" if device.revoked else "đang dùng",
        device.id,
    )


def format_devices(devices: Sequence[DeviceInfo]) -> list[str]:
    """The table's lines: a header, a rule, one line per device, and a count."""
    rows = [HEADERS, *(device_row(device) for device in devices)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if HEADERS[column] in _RIGHT_ALIGNED else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    revoked = sum(1 for device in devices if device.revoked)
    total = f"{len(devices)} thiết bị" + (f" ({revoked} đã thu hồi)." if revoked else ".")
    return [line(HEADERS), "  ".join("-" * width for width in widths), *(line(row) for row in rows[1:]), total]
