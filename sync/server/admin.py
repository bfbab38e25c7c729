"""Administration of a province server: its province and communes, enrollment codes, devices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, select, update

from sync import units
from sync.ids import format_utc
from sync.server.auth import hash_secret, new_code
from sync.server.db import communes, create_schema, devices, enrollment_codes, settings

DEFAULT_CODE_DAYS = 7


class AdminError(Exception):
    """An administration request that cannot be done; the message is Vietnamese, for the operator."""


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


def province_code(engine: Engine) -> str | None:
    """The province this server serves, or None before `admin init`."""
    with engine.connect() as conn:
        value = conn.execute(select(settings.c.value).where(settings.c.key == "province_code")).scalar_one_or_none()
    return value


def init_province(engine: Engine, code: str) -> str:
    """Create the tables and record the province (once); returns its name."""
    create_schema(engine)
    wanted = f"{int(code):02d}" if code.strip().isdigit() else code
    found = units.province_communes(wanted)
    if not found:
        raise AdminError(f"Không có tỉnh/thành phố mã {code}.")
    current = province_code(engine)
    if current is not None and current != wanted:
        raise AdminError(f"Máy chủ này đã được khởi tạo cho tỉnh mã {current}.")
    if current is None:
        with engine.begin() as conn:
            conn.execute(settings.insert().values(key="province_code", value=wanted))
    return found[0].province_full_name


def add_communes(engine: Engine, codes: Iterable[str] = (), *, all_of_province: bool = False) -> list[str]:
    """Add communes of the province (or all of them); returns the codes newly added."""
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


def list_devices(engine: Engine) -> list[DeviceInfo]:
    """Every enrolled device, by commune then enrollment time."""
    with engine.connect() as conn:
        rows = conn.execute(select(devices).order_by(devices.c.commune_code, devices.c.enrolled_at)).all()
    return [
        DeviceInfo(
            id=row.id,
            commune_code=row.commune_code,
            name=row.name,
            app_version=row.app_version,
            enrolled_at=row.enrolled_at,
            last_seen=row.last_seen,
            revoked=bool(row.revoked),
        )
        for row in rows
    ]


def revoke_device(engine: Engine, device_id: str) -> None:
    """Revoke a device's token: its next request gets 401."""
    with engine.begin() as conn:
        done = conn.execute(update(devices).where(devices.c.id == device_id).values(revoked=1))
    if done.rowcount != 1:
        raise AdminError(f"Không có thiết bị mã {device_id}.")
