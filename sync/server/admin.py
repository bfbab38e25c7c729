"""Administration of a province server: province and communes, enrollment codes, devices, published lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select, update

from sync import units
from sync.enrollment import is_server_url
from sync.ids import format_utc
from sync.protocol import LatestVersion
from sync.server import province_categories, server_settings
from sync.server.auth import hash_secret, new_code
from sync.server.category_file import CategoryFileError, read_category_file
from sync.server.db import communes, create_schema, devices, enrollment_codes

DEFAULT_CODE_DAYS = 7
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


class AdminError(Exception):
    """An administration request that cannot be done; the message is Vietnamese, for the operator."""


def bad_server_url(url: str) -> str:
    """What the operator is told about a server address that is not an http(s) URL."""
    return f"Địa chỉ máy chủ không hợp lệ: {url} (phải bắt đầu bằng http:// hoặc https://)."


@dataclass(frozen=True)
class DeviceInfo:
    """One enrolled device as listed by `admin devices`."""

    id: str
    commune_code: str
    name: str
    app_version: str
    enrolled_at: str
    last_seen: str | None
    revoked: bool
    commune_name: str = ""
    last_sync_at: str | None = None  # the end of its last sync (GET /v1/summary)
    pending_changes: int | None = None  # changes it still had to send then; None before it first reported


def province_code(engine: Engine) -> str | None:
    """The province this server serves, or None before `admin init`."""
    with engine.connect() as conn:
        return server_settings.get_text(conn, server_settings.PROVINCE_CODE)


def public_url(engine: Engine) -> str | None:
    """The address laptops reach this server at (`admin init --public-url`), or None when not set."""
    with engine.connect() as conn:
        return server_settings.get_text(conn, server_settings.PUBLIC_URL)


def init_province(engine: Engine, code: str, *, public_url: str | None = None) -> str:
    """Create the tables and record the province (once) and its public address (any time); returns its name."""
    create_schema(engine)
    if public_url is not None and not is_server_url(public_url):
        raise AdminError(bad_server_url(public_url))
    wanted = f"{int(code):02d}" if code.strip().isdigit() else code
    found = units.province_communes(wanted)
    if not found:
        raise AdminError(f"Không có tỉnh/thành phố mã {code}.")
    current = province_code(engine)
    if current is not None and current != wanted:
        raise AdminError(f"Máy chủ này đã được khởi tạo cho tỉnh mã {current}.")
    with engine.begin() as conn:
        if current is None:
            server_settings.put_text(conn, server_settings.PROVINCE_CODE, wanted)
        if public_url is not None:
            server_settings.put_text(conn, server_settings.PUBLIC_URL, public_url.rstrip("/"))
    return found[0].province_full_name


def add_communes(
    engine: Engine, codes: Iterable[str] = (), *, all_of_province: bool = False, now: datetime | None = None
) -> list[str]:
    """Add communes of the province (or all of them) with the published categories; returns the codes added."""
    province = province_code(engine)
    if province is None:
        raise AdminError("Chưa khởi tạo tỉnh: hãy chạy `toso-server admin init --province MÃ` trước.")
    if all_of_province:
        wanted = units.province_communes(province)
    else:
        wanted = []
        for code in codes:
            try:
                commune = units.find_commune(code)
            except KeyError:
                raise AdminError(f"Không có xã/phường mã {code}.") from None
            if commune.province_code != province:
                raise AdminError(f"{commune.full_name} ({commune.code}) không thuộc tỉnh mã {province}.")
            wanted.append(commune)
    added: list[str] = []
    with engine.begin() as conn:
        existing = set(conn.execute(select(communes.c.code)).scalars())
        for commune in wanted:
            if commune.code not in existing:
                conn.execute(
                    communes.insert().values(
                        code=commune.code, name=commune.full_name, province_code=commune.province_code
                    )
                )
                existing.add(commune.code)
                added.append(commune.code)
        # A commune added after the province published its categories gets them too, before any laptop enrols.
        published = province_categories.published_categories(conn)
        if published:
            for code in sorted(added):
                province_categories.write_to_commune(conn, code, published, now or datetime.now(UTC))
    return added


def create_enrollment_code(
    engine: Engine, commune_code: str, *, days: int = DEFAULT_CODE_DAYS, now: datetime
) -> tuple[str, datetime]:
    """A new one-time enrollment code for a commune of this server; returns (code, expiry)."""
    if days < 1:
        raise AdminError("Số ngày hiệu lực phải từ 1 trở lên.")
    try:
        code_of_commune = units.normalise_code(commune_code)
    except KeyError:
        raise AdminError(f"Mã xã không hợp lệ: {commune_code}.") from None
    with engine.begin() as conn:
        known = conn.execute(select(communes.c.code).where(communes.c.code == code_of_commune)).scalar_one_or_none()
        if known is None:
            raise AdminError(f"Xã mã {code_of_commune} chưa được thêm vào máy chủ (admin add-commune).")
        code = new_code()
        expires = now + timedelta(days=days)
        conn.execute(
            enrollment_codes.insert().values(
                code_hash=hash_secret(code), commune_code=code_of_commune, expires_at=format_utc(expires)
            )
        )
    return code, expires


def list_devices(engine: Engine, commune_code: str | None = None) -> list[DeviceInfo]:
    """Every enrolled device (or a commune's), by commune then enrollment time."""
    query = (
        select(devices, communes.c.name.label("commune_name"))
        .select_from(devices.outerjoin(communes, communes.c.code == devices.c.commune_code))
        .order_by(devices.c.commune_code, devices.c.enrolled_at)
    )
    if commune_code is not None:
        try:
            query = query.where(devices.c.commune_code == units.normalise_code(commune_code))
        except KeyError:
            raise AdminError(f"Mã xã không hợp lệ: {commune_code}.") from None
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        DeviceInfo(
            id=row.id,
            commune_code=row.commune_code,
            name=row.name,
            app_version=row.app_version,
            enrolled_at=row.enrolled_at,
            last_seen=row.last_seen,
            revoked=bool(row.revoked),
            commune_name=row.commune_name or "",
            last_sync_at=row.last_sync_at,
            pending_changes=row.pending_changes,
        )
        for row in rows
    ]


def revoke_device(engine: Engine, device_id: str) -> None:
    """Revoke a device's token: its next request gets 401."""
    with engine.begin() as conn:
        done = conn.execute(update(devices).where(devices.c.id == device_id).values(revoked=1))
    if done.rowcount != 1:
        raise AdminError(f"Không có thiết bị mã {device_id}.")


def set_categories(engine: Engine, path: Path, *, now: datetime) -> province_categories.PublishOutcome:
    """Publish the activity categories in a .csv/.xlsx file to every commune; nothing changes if a row is bad."""
    if province_code(engine) is None:
        raise AdminError("Chưa khởi tạo tỉnh: hãy chạy `toso-server admin init --province MÃ` trước.")
    if not path.is_file():
        raise AdminError(f"Không tìm thấy tệp {path}.")
    try:
        categories = read_category_file(path, today=now.date())
    except CategoryFileError as error:
        raise AdminError(f"Chưa công bố gì vì tệp có lỗi:\n{error}") from None
    with engine.begin() as conn:
        return province_categories.publish(conn, categories, now)


def publish_version(engine: Engine, version: str, url: str) -> LatestVersion:
    """Announce a newer app to every laptop (it rides on /v1/summary); returns what was stored."""
    version, url = version.strip(), url.strip()
    if not _VERSION.match(version):
        raise AdminError(f"Phiên bản không hợp lệ: {version} (phải có dạng 1.2.3).")
    if not is_server_url(url):
        raise AdminError(f"Địa chỉ tải về không hợp lệ: {url} (phải bắt đầu bằng http:// hoặc https://).")
    latest: LatestVersion = {"version": version, "url": url}
    with engine.begin() as conn:
        server_settings.put_json(conn, server_settings.LATEST_VERSION, latest)
    return latest


def clear_version(engine: Engine) -> bool:
    """Stop announcing a version; True when one was announced."""
    with engine.begin() as conn:
        return server_settings.remove(conn, server_settings.LATEST_VERSION)
