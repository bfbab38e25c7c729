"""The enrollment link printed as a QR code: `toso-enroll:?server=<URL>&code=<CODE>` (pure, no I/O)."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import parse_qs, quote, urlsplit

SCHEME = "toso-enroll"
# What a printed code looks like once its dashes and spaces are gone: 12 letters and digits (Crockford base32,
# which the server reads case-blind and with look-alike letters mapped).
_CODE_CHARACTERS = re.compile(r"^[0-9A-Za-z]{12}$")


class EnrollmentLinkError(ValueError):
    """Text that is not an enrollment link; the message is Vietnamese, for the person who scanned or pasted it."""


class EnrollmentLink(NamedTuple):
    """What an enrollment link carries: the server address (None when the province left it out) and the code."""

    server: str | None
    code: str


def is_server_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host and no spaces."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not any(ch.isspace() for ch in text)


def enrollment_uri(server: str | None, code: str) -> str:
    """The link for a code (and the server address, when known), as the QR code on the enrollment sheet holds it."""
    query = [] if server is None else [f"server={quote(server, safe='')}"]
    query.append(f"code={quote(code, safe='')}")
    return f"{SCHEME}:?{'&'.join(query)}"


def parse_enrollment_uri(text: str) -> EnrollmentLink:
    """The server and code in an enrollment link (scanned or pasted); EnrollmentLinkError when it is not one."""
    stripped = text.strip()
    scheme, colon, rest = stripped.partition(":")
    if not colon or scheme.lower() != SCHEME:
        raise EnrollmentLinkError("Đây không phải liên kết đăng ký Tổ Số (phải bắt đầu bằng “toso-enroll:”).")
    query = rest[1:] if rest.startswith("?") else rest
    fields = parse_qs(query, keep_blank_values=True)
    codes, servers = fields.get("code", []), fields.get("server", [])
    if len(codes) != 1 or len(servers) > 1:
        raise EnrollmentLinkError("Liên kết đăng ký phải có đúng một mã đăng ký.")
    code = codes[0].strip().upper()
    if not _CODE_CHARACTERS.match(code.replace("-", "").replace(" ", "")):
        raise EnrollmentLinkError(f"Mã đăng ký trong liên kết không hợp lệ: “{codes[0]}”.")
    server = servers[0].strip() if servers else ""
    if server and not is_server_url(server):
        raise EnrollmentLinkError(f"Địa chỉ máy chủ trong liên kết không hợp lệ: “{server}”.")
    return EnrollmentLink(server or None, code)
