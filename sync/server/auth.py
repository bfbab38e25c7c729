"""Enrollment codes and device tokens: made at random, stored only as sha256 hashes."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, update

from sync.ids import format_utc
from sync.server.db import devices, enrollment_codes

# Crockford's base32: no I, L, O or U, and a typed O/I/L is read as 0/1, so a code copied from paper is not
# misread. 32 symbols x 12 = 60 random bits.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
TOKEN_BYTES = 32  # 256 random bits


def hash_secret(secret: str) -> str:
    """sha256 hex of a code or token: what the database keeps instead of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    """A new enrollment code shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def normalise_code(text: str) -> str:
    """A typed code in its canonical form: upper case, grouped by dashes, look-alike letters mapped."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.translate(str.maketrans("OIL", "011"))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:]}"


def new_token() -> str:
    """A new device token (urlsafe text)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


class BadCode(Exception):
    """The enrollment code is unknown, already used or expired."""


@dataclass(frozen=True)
class Device:
    """An enrolled device, as the request handlers see it."""

    id: str
    commune_code: str
    name: str
    last_seen: str | None = None


def enroll(conn: Connection, code: str, device_name: str, app_version: str, now: datetime) -> tuple[Device, str]:
    """Spend a one-time code on a new device; returns the device and its token (shown once). BadCode otherwise."""
    code_hash = hash_secret(normalise_code(code))
    row = conn.execute(select(enrollment_codes).where(enrollment_codes.c.code_hash == code_hash)).one_or_none()
    stamp = format_utc(now)
    if row is None or row.used_at is not None or row.expires_at <= stamp:
        raise BadCode(code)
    # The guarded update makes spending the code atomic even if two laptops race with the same code.
    spent = conn.execute(
        update(enrollment_codes)
        .where(enrollment_codes.c.code_hash == code_hash, enrollment_codes.c.used_at.is_(None))
        .values(used_at=stamp)
    )
    if spent.rowcount != 1:
        raise BadCode(code)
    token = new_token()
    device = Device(id=str(uuid.uuid4()), commune_code=row.commune_code, name=device_name)
    conn.execute(
        devices.insert().values(
            id=device.id,
            commune_code=device.commune_code,
            token_hash=hash_secret(token),
            name=device_name,
            app_version=app_version,
            enrolled_at=stamp,
            last_seen=stamp,
            revoked=0,
        )
    )
    return device, token


def device_for_token(conn: Connection, token: str) -> Device | None:
    """The live (not revoked) device holding this token, or None."""
    row = conn.execute(
        select(devices.c.id, devices.c.commune_code, devices.c.name, devices.c.last_seen, devices.c.revoked).where(
            devices.c.token_hash == hash_secret(token)
        )
    ).one_or_none()
    if row is None or row.revoked:
        return None
    return Device(id=row.id, commune_code=row.commune_code, name=row.name, last_seen=row.last_seen)
