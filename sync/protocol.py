"""Sync wire protocol v1 shared by laptop and province server: constants, shapes, encoding and the merge rule.

Pure: no I/O. Every name and shape here is part of the agreed wire format; change them only with a new version.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NotRequired, TypedDict

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS: tuple[int, ...] = (1,)  # the server serves the current and the previous version
PROTOCOL_HEADER = "X-Toso-Protocol"
SERVER_TIME_HEADER = "X-Toso-Server-Time"
APP_VERSION_HEADER = "X-Toso-App-Version"  # the laptop's app version, for the operator's device list
PENDING_HEADER = "X-Toso-Pending"  # changes still only on the laptop, sent with GET /v1/summary (end of a sync)
MAX_BODY_BYTES = 2 * 1024 * 1024  # a request body, compressed or not, is refused above this size
GZIP_THRESHOLD = 1024  # bodies larger than this are sent gzip-compressed
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 1000
DELETED_FIELD = "deleted"  # deletes and restores are writes of this one field

UPDATE_REQUIRED_MESSAGE = "Phiên bản Tổ Số trên máy này đã cũ; hãy cập nhật lên bản mới nhất."
BAD_CODE_MESSAGE = "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn."

Op = Literal["insert", "update", "delete", "restore"]
OPS: tuple[str, ...] = ("insert", "update", "delete", "restore")


class Change(TypedDict):
    """One local change as pushed: new values only, with the server field versions it was based on."""

    change_id: str  # "<device_id>:<seq>", unique forever: the key of idempotent re-pushes
    record_type: str
    record_id: str
    commune_code: str
    op: Op
    fields: dict[str, Any]
    base_versions: dict[str, int]
    changed_at: str
    author: str


class PushRequest(TypedDict):
    """The body of POST /v1/push."""

    batch_id: str
    changes: list[Change]


class ChangeResult(TypedDict):
    """The server's answer for one change."""

    change_id: str
    status: Literal["applied", "rejected"]
    reason: NotRequired[str]
    seq: NotRequired[int]  # the server sequence number of an applied change (the pull's own_from)
    versions: NotRequired[dict[str, int]]
    conflicts: NotRequired[list[str]]


class PushResponse(TypedDict):
    """The body answering POST /v1/push: one result per change, in request order."""

    results: list[ChangeResult]


class WireRecord(TypedDict):
    """A record's full current state on the server, as pulled."""

    record_type: str
    record_id: str
    fields: dict[str, Any]
    versions: dict[str, int]
    deleted: int
    seq: int


class PullResponse(TypedDict):
    """The body answering GET /v1/pull."""

    records: list[WireRecord]
    cursor: int
    more: bool


class EnrollRequest(TypedDict):
    """The body of POST /v1/enroll."""

    code: str
    device_name: str
    app_version: str


class EnrollResponse(TypedDict):
    """The body answering POST /v1/enroll; the token is shown once and stored only hashed."""

    device_id: str
    token: str
    commune_code: str
    scheme: str


class LatestVersion(TypedDict):
    """The newest app version the province published (`toso-server admin publish-version`)."""

    version: str
    url: str


class SummaryResponse(TypedDict):
    """The body answering GET /v1/summary: per-type counts and digests of the commune's records.

    latest_version rides along so a laptop learns of a newer app without another round trip on a slow link.
    """

    counts: dict[str, int]
    digest: dict[str, str]
    latest_version: NotRequired[LatestVersion | None]
    last_conflict_id: NotRequired[int]  # the laptop asks for conflicts only when this passed its own cursor


class ErrorBody(TypedDict):
    """Every error response: a stable code for programs and a Vietnamese message for people."""

    error: str
    message: str


class BodyError(ValueError):
    """A request or response body that cannot be read."""


class BodyTooLarge(BodyError):
    """A body larger than the limit, before or after decompression."""


def encode_body(payload: Any) -> tuple[bytes, dict[str, str]]:
    """JSON-encode payload, gzip it when larger than GZIP_THRESHOLD; returns (bytes, headers to send)."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if len(data) > GZIP_THRESHOLD:
        # mtime=0 keeps the same payload byte-identical, so a re-sent batch is the same bytes.
        data = gzip.compress(data, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return data, headers


def decompress(data: bytes, content_encoding: str | None, max_size: int = MAX_BODY_BYTES) -> bytes:
    """The body's bytes after Content-Encoding; BodyTooLarge past max_size, without inflating any further."""
    encoding = (content_encoding or "identity").strip().lower()
    if encoding == "identity":
        if len(data) > max_size:
            raise BodyTooLarge(f"body larger than {max_size} bytes")
        return data
    if encoding != "gzip":
        raise BodyError(f"unsupported Content-Encoding: {encoding}")
    # A gzip bomb inflates a few kB into gigabytes: inflate at most max_size + 1 bytes and stop there.
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_size + 1)
    except zlib.error as error:
        raise BodyError(f"bad gzip data: {error}") from None
    if len(out) > max_size:
        raise BodyTooLarge(f"body larger than {max_size} bytes once decompressed")
    if not inflater.eof:
        raise BodyError("truncated gzip data")
    return out


def decode_body(data: bytes, content_encoding: str | None = None, max_size: int = MAX_BODY_BYTES) -> Any:
    """Decompress and parse a JSON body; BodyError when it is not valid JSON, BodyTooLarge past max_size."""
    raw = decompress(data, content_encoding, max_size)
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except ValueError as error:  # bad UTF-8, bad JSON, or an integer of more than 4,300 digits
        raise BodyError(f"malformed JSON: {error}") from None
    except RecursionError:
        # A few kB of "[[[[…" nest deeper than the parser's stack: unreadable, not a server fault.
        raise BodyError("malformed JSON: nested too deeply") from None


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are not JSON: stored, they could never be sent back (a strict encoder refuses them).
    raise BodyError(f"malformed JSON: {name} is not a JSON value")


def same_value(first: Any, second: Any) -> bool:
    """True when two JSON values are the same value (1 and 1.0 or true differ, key order does not)."""
    return _canonical(first) == _canonical(second)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def merge_fields(
    current_values: Mapping[str, Any],
    current_versions: Mapping[str, int],
    incoming_values: Mapping[str, Any],
    base_versions: Mapping[str, int],
    new_version: int,
) -> tuple[dict[str, Any], dict[str, int], list[str]]:
    """Apply incoming field values on top of the current ones; returns (values, versions, conflicted fields).

    A field whose incoming value equals its current (versioned) value is left as it is: not written, not
    re-versioned, not a conflict, since nothing would be lost (the same value sent again, an unchanged part
    the server derived, or two devices that made the same edit). Every other incoming field is written and
    stamped new_version: the later arrival at the server wins. If its base version differs from its current
    version, someone else wrote it since the edit's base, so it is also reported as a conflict (its
    overwritten value is kept for review). Writing a field whose current version already is new_version is a
    re-apply of the same change and reports nothing. The returned versions hold every incoming field's
    version after the merge, so the sender's next edit names the right base.
    """
    values = dict(current_values)
    versions = dict(current_versions)
    conflicts: list[str] = []
    for name in sorted(incoming_values):
        current = versions.get(name, 0)
        # Only a versioned value counts as unchanged: a never-written one (deleted before any delete) gets a
        # version now, so the sender has one to name.
        if current and name in values and same_value(values[name], incoming_values[name]):
            continue
        base = base_versions.get(name, 0)
        if current not in (0, base, new_version):
            conflicts.append(name)
        values[name] = incoming_values[name]
        versions[name] = new_version
    return values, versions, conflicts


def record_line(record_id: str, deleted: int, fields: Mapping[str, Any]) -> str:
    """One record's line in the summary digest: "record_id|deleted|json(fields, sort_keys)"."""
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return f"{record_id}|{int(deleted)}|{text}"


def digest(records: Iterable[tuple[str, int, Mapping[str, Any]]]) -> str:
    """sha256 hex of the sorted record lines of (record_id, deleted, fields); the same on laptop and server."""
    lines = sorted(record_line(record_id, deleted, fields) for record_id, deleted, fields in records)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
