"""The province server's HTTP API (FastAPI): health, enroll, push, pull, conflicts, summary."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from sync.ids import format_utc
from sync.protocol import (
    BAD_CODE_MESSAGE,
    DEFAULT_PULL_LIMIT,
    GZIP_THRESHOLD,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    PROTOCOL_HEADER,
    SERVER_TIME_HEADER,
    SUPPORTED_PROTOCOLS,
    UPDATE_REQUIRED_MESSAGE,
    BodyError,
    BodyTooLarge,
    EnrollResponse,
    PullResponse,
    PushResponse,
    SummaryResponse,
    decode_body,
)
from sync.records import CODE_SCHEME, RECORD_TYPES
from sync.server import auth, device_reports, server_settings, service
from sync.server.busy import REQUEST_LOCK_TIMEOUT, busy_response, is_busy
from sync.server.db import READONLY, create_schema, devices, lock_commune, make_engine
from sync.server.openapi_shapes import (
    CONFLICTS_RESPONSE,
    ENROLL_REQUEST,
    ENROLL_RESPONSE,
    MAX_SEQ,
    PULL_RESPONSE,
    PUSH_REQUEST,
    PUSH_RESPONSE,
    SUMMARY_RESPONSE,
    error_responses,
    operation_extra,
)

# "No session in the future" is judged by the commune's calendar, not UTC's (7 hours behind Vietnam).
VIETNAM_TIME = timezone(timedelta(hours=7))

LAST_SEEN_PRECISION = timedelta(minutes=5)
MAX_ENROLL_TEXT = 200  # characters of the code, device name or app version sent to /v1/enroll

_MESSAGES = {
    "unauthorized": "Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại với mã mới.",
    "too_large": "Dữ liệu gửi lên quá lớn (tối đa 2 MB mỗi lần).",
    "malformed": "Dữ liệu gửi lên không đọc được.",
    "invalid_request": "Yêu cầu không hợp lệ.",
    "wrong_commune": "Thiết bị chỉ được gửi dữ liệu của xã mình.",
    "not_found": "Không có địa chỉ này trên máy chủ.",
    "http_error": "Yêu cầu không thực hiện được.",
}


class ApiError(Exception):
    """An expected failure answered as {"error": code, "message": Vietnamese text}."""

    def __init__(self, status: int, code: str, message: str | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message or _MESSAGES[code]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


async def read_json(request: Request) -> Any:
    """The request's JSON body, refused (413) past 2 MB before or after gzip, (400) when unreadable."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, "too_large")
    # Content-Length may be absent (chunked) or lie: count what really arrives and stop at the cap.
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise ApiError(413, "too_large")
        chunks.append(chunk)
    try:
        payload = decode_body(b"".join(chunks), request.headers.get("content-encoding"))
        # JSON can spell what no store keeps or answer can send back: a lone surrogate ("\ud800") or a number
        # past float range (1e400 reads as inf). Refused here, before it reaches an error message or a row.
        json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except BodyTooLarge:
        raise ApiError(413, "too_large") from None
    except (BodyError, ValueError, RecursionError):
        raise ApiError(400, "malformed") from None
    return payload


def _object(payload: Any, *keys: str) -> dict[str, Any]:
    if not isinstance(payload, dict) or any(key not in payload for key in keys):
        raise ApiError(422, "invalid_request", f"Yêu cầu thiếu trường: {', '.join(keys)}.")
    return payload


def current_device(request: Request) -> auth.Device:
    """The device whose Bearer token the request carries; 401 when missing, unknown or revoked."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized")
    engine: Engine = request.app.state.engine
    with engine.connect().execution_options(**{READONLY: True}) as conn:
        device = auth.device_for_token(conn, token.strip())
    if device is None:
        raise ApiError(401, "unauthorized")
    now = datetime.now(UTC)
    # last_seen is for the operator's device list: a write per request would serialise every pull with pushes.
    if device.last_seen is None or device.last_seen < format_utc(now - LAST_SEEN_PRECISION):
        with engine.begin() as conn:
            conn.execute(update(devices).where(devices.c.id == device.id).values(last_seen=format_utc(now)))
    return device


# Module level, not inside create_app: FastAPI resolves the string annotations in this module's namespace.
Authorised = Annotated[auth.Device, Depends(current_device)]


def create_app(database_url: str, *, engine: Engine | None = None) -> FastAPI:
    """The app serving one database; tables are created at startup (Alembic comes in a later slice)."""
    db = engine or make_engine(database_url, lock_timeout=REQUEST_LOCK_TIMEOUT)
    create_schema(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    # response_model=None below: the wire shapes are typing.TypedDicts (sync.protocol stays free of pydantic),
    # which pydantic refuses to model on Python 3.11.
    app = FastAPI(title="Tổ Số — máy chủ tỉnh", version="1", lifespan=lifespan, responses=error_responses(503))
    app.state.engine = db
    digests = service.DigestCache()  # this server's commune digests, kept between syncs
    # Answers (pull pages) are compressed like requests when larger than 1 kB and the client accepts gzip.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_THRESHOLD)

    @app.middleware("http")
    async def protocol_and_clock(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Checked before routing so an old client hears "update" even for an endpoint it got wrong.
        if request.url.path.startswith("/v1/"):
            version = request.headers.get(PROTOCOL_HEADER, "").strip()
            # Plain ASCII digits, a few of them: "²".isdigit() holds yet int("²") fails, as 5,000 digits would.
            if (
                not (version.isascii() and version.isdigit() and len(version) <= 4)
                or int(version) not in SUPPORTED_PROTOCOLS
            ):
                response: Response = _error(426, "update_required", UPDATE_REQUIRED_MESSAGE)
                response.headers[SERVER_TIME_HEADER] = format_utc(datetime.now(UTC))
                return response
        response = await call_next(request)
        response.headers[SERVER_TIME_HEADER] = format_utc(datetime.now(UTC))
        return response

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        code = "not_found" if error.status_code == 404 else "http_error"
        return _error(error.status_code, code, _MESSAGES[code])

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def database_busy(_request: Request, error: Exception) -> JSONResponse:
        # The transaction was rolled back as its `with` block unwound: a busy push leaves nothing half-applied.
        if not is_busy(error):
            raise error  # a real fault stays a 500 with its traceback in the log
        return busy_response(error)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _MESSAGES["invalid_request"])

    @app.get("/health")
    def health() -> dict[str, Any]:
        """Liveness and the protocol versions served; no authentication."""
        return {"status": "ok", "protocol": list(SUPPORTED_PROTOCOLS)}

    @app.post(
        "/v1/enroll",
        response_model=None,
        responses=error_responses(400, 403, 413, 422, 426),
        openapi_extra=operation_extra(ENROLL_RESPONSE, ENROLL_REQUEST),
    )
    async def enroll(request: Request) -> EnrollResponse:
        """Exchange a one-time enrollment code for a device token."""
        body = _object(await read_json(request), "code")
        code, name, version = body.get("code"), body.get("device_name", ""), body.get("app_version", "")
        if not all(isinstance(value, str) for value in (code, name, version)):
            raise ApiError(422, "invalid_request")
        # Shown in the operator's device list; PostgreSQL refuses a NUL in text (a 500 before this check).
        if any("\x00" in value or len(value) > MAX_ENROLL_TEXT for value in (str(code), str(name), str(version))):
            message = f"Mã đăng ký, tên máy hoặc phiên bản không hợp lệ (tối đa {MAX_ENROLL_TEXT} ký tự)."
            raise ApiError(422, "invalid_request", message)

        def spend() -> tuple[auth.Device, str]:
            with db.begin() as conn:
                return auth.enroll(conn, str(code), str(name), str(version), datetime.now(UTC))

        try:
            device, token = await run_in_threadpool(spend)
        except auth.BadCode:
            raise ApiError(403, "bad_code", BAD_CODE_MESSAGE) from None
        return {"device_id": device.id, "token": token, "commune_code": device.commune_code, "scheme": CODE_SCHEME}

    @app.post(
        "/v1/push",
        response_model=None,
        responses=error_responses(400, 401, 403, 413, 422, 426),
        openapi_extra=operation_extra(PUSH_RESPONSE, PUSH_REQUEST),
    )
    async def push(request: Request, device: Authorised) -> PushResponse:
        """Apply a batch of changes in one transaction; each change is applied or rejected on its own."""
        body = _object(await read_json(request), "changes")
        changes = body["changes"]
        if not isinstance(changes, list) or not all(isinstance(change, dict) for change in changes):
            raise ApiError(422, "invalid_request", "Trường changes phải là danh sách thay đổi.")
        if any(change.get("commune_code") != device.commune_code for change in changes):
            raise ApiError(403, "wrong_commune")
        now = datetime.now(UTC)
        today, stamp = now.astimezone(VIETNAM_TIME).date(), format_utc(now)

        def apply_all() -> PushResponse:
            # One transaction per request: a batch is applied whole or, on a crash, not at all.
            with db.begin() as conn:
                lock_commune(conn, device.commune_code)  # before any seq: seqs become visible in order
                return {"results": [service.apply_change(conn, device, change, today, stamp) for change in changes]}

        return await run_in_threadpool(apply_all)

    @app.get(
        "/v1/pull",
        response_model=None,
        responses=error_responses(401, 422, 426),
        openapi_extra=operation_extra(PULL_RESPONSE),
    )
    def pull(
        device: Authorised,
        cursor: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
        record_type: Annotated[str | None, Query(json_schema_extra={"enum": sorted(RECORD_TYPES)})] = None,
        own_from: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
    ) -> PullResponse:
        """The device's commune's records changed after the cursor, one page (of one record type, when named).

        own_from: the smallest seq this device's pushes got in this sync; records it alone wrote since are left out.
        """
        if record_type is not None and record_type not in RECORD_TYPES:
            raise ApiError(422, "invalid_request", f"Loại bản ghi không tồn tại: {record_type[:40]}.")
        with db.connect().execution_options(**{READONLY: True}) as conn:
            return service.pull(
                conn, device.commune_code, cursor, limit, record_type, device_id=device.id, own_from=own_from
            )

    @app.get(
        "/v1/conflicts",
        response_model=None,
        responses=error_responses(401, 422, 426),
        openapi_extra=operation_extra(CONFLICTS_RESPONSE),
    )
    def conflicts(
        device: Authorised,
        since: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> dict[str, Any]:
        """The device's commune's conflicts after id `since`, for its "Cần xem lại" list."""
        with db.connect().execution_options(**{READONLY: True}) as conn:
            return service.conflicts_since(conn, device.commune_code, since, limit)

    @app.get(
        "/v1/summary",
        response_model=None,
        responses=error_responses(401, 426),
        openapi_extra=operation_extra(SUMMARY_RESPONSE),
    )
    def summary(request: Request, device: Authorised) -> SummaryResponse:
        """Per-type counts and digests of the commune's records, to check a laptop's synced state."""
        # The last request of every sync: the device's report (app version, pending changes) for `admin devices`.
        with db.begin() as conn:
            device_reports.record_sync_report(conn, device.id, request.headers, format_utc(datetime.now(UTC)))
        with db.connect().execution_options(**{READONLY: True}) as conn:
            answer = service.summary(conn, device.commune_code, digests)
            answer["latest_version"] = server_settings.latest_version(conn)
            return answer

    return app


def app_from_environment() -> FastAPI:
    """The app for uvicorn's worker processes (`factory=True`): the database URL comes from $TOSO_DATABASE_URL."""
    from sync.server.cli import DATABASE_URL_VARIABLE  # here: cli imports this module when it serves

    database_url = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if not database_url:
        raise RuntimeError(f"Chưa đặt biến môi trường {DATABASE_URL_VARIABLE} (địa chỉ cơ sở dữ liệu của máy chủ).")
    return create_app(database_url)
