"""The laptop's transport to the province server: enroll, push, pull, summary, with timeouts and retries."""

from __future__ import annotations

import gzip
import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from sync.protocol import APP_VERSION_HEADER, PENDING_HEADER

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Toso-Protocol"
SERVER_TIME_HEADER = "X-Toso-Server-Time"
GZIP_THRESHOLD = 1024  # bytes: smaller bodies gain nothing from compression
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for longer is treated as down for this sync

UNAUTHORISED = "Máy này chưa được đăng ký hoặc đã bị thu hồi quyền; hãy đăng ký lại với mã mới."
UPDATE_REQUIRED = "Phiên bản Tổ Số trên máy này đã cũ; hãy cập nhật lên bản mới nhất."


class SyncError(RuntimeError):
    """An expected failure of talking to the province server; the message is for the user, in Vietnamese."""

    def __init__(self, message: str, kind: str = "server", status: int | None = None) -> None:
        super().__init__(message)
        self.kind, self.status = kind, status


class SyncClient:
    """One province server, reached over HTTP(S) with the protocol's headers, gzip, timeouts and retries."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        attempts: int = 3,
        backoff_base: float = 0.5,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.attempts = max(1, attempts)
        self.backoff_base = backoff_base
        self.timeout = (connect_timeout, read_timeout)
        self.sleep = sleep
        self.server_time: datetime | None = None  # from the last response, for the clock-skew warning
        self.session = requests.Session()
        # TLS verification always stays on; a custom CA bundle only replaces the trusted roots.
        self.session.verify = ca_bundle or True
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)

    def close(self) -> None:
        """Release the connection pool."""
        self.session.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----- the endpoints -----

    def health(self) -> dict[str, Any]:
        """GET /health: the server is up and which protocol versions it speaks."""
        return self._request("GET", "/health")

    def enroll(self, code: str, device_name: str, app_version: str) -> dict[str, Any]:
        """Exchange a one-time enrollment code for this device's token and commune."""
        body = {"code": code.strip().upper(), "device_name": device_name, "app_version": app_version}
        return self._request("POST", "/v1/enroll", body=body)

    def push(self, batch_id: str, changes: list[dict[str, Any]]) -> dict[str, Any]:
        """Send one batch of changes; the server answers per change (safe to repeat: idempotent)."""
        return self._request("POST", "/v1/push", body={"batch_id": batch_id, "changes": changes})

    def pull(
        self, cursor: int, limit: int = 500, *, record_type: str | None = None, own_from: int | None = None
    ) -> dict[str, Any]:
        """One page of the commune's records changed after the cursor (of one record type, when named).

        own_from leaves out the records only this device wrote since that seq (what it just pushed).
        """
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if record_type is not None:
            params["record_type"] = record_type
        if own_from is not None:
            params["own_from"] = own_from
        return self._request("GET", "/v1/pull", params=params)

    def conflicts(self, since: int, limit: int = 500) -> dict[str, Any]:
        """The commune's conflicts ("Cần xem lại") recorded after id `since`, oldest first."""
        return self._request("GET", "/v1/conflicts", params={"since": since, "limit": limit})

    def summary(self, *, app_version: str | None = None, pending: int | None = None) -> dict[str, Any]:
        """Per-type counts and digests of the commune's records on the server (and the latest app version).

        The app version and the number of changes still only on this laptop ride along for the province's
        device list.
        """
        headers: dict[str, str] = {}
        if app_version is not None:
            headers[APP_VERSION_HEADER] = app_version
        if pending is not None:
            headers[PENDING_HEADER] = str(pending)
        return self._request("GET", "/v1/summary", headers=headers)

    # ----- transport -----

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data: bytes | None = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if len(data) > GZIP_THRESHOLD:
                data = gzip.compress(data, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
        url = self.base_url + path
        for attempt in range(self.attempts):
            last = attempt == self.attempts - 1
            try:
                # verify is passed per request: a Session's own verify loses to REQUESTS_CA_BUNDLE in the
                # environment, which would silently replace the province's CA bundle with the system one.
                response = self.session.request(
                    method, url, data=data, params=params, headers=headers, timeout=self.timeout,
                    verify=self.session.verify,
                )  # fmt: skip
            except requests.exceptions.SSLError as error:
                raise SyncError(
                    f"Không xác minh được chứng chỉ bảo mật của máy chủ tỉnh ({self.base_url}).", "tls"
                ) from error
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError,  # the reply was cut mid-body
                requests.exceptions.ContentDecodingError,
            ) as error:
                if last:
                    raise SyncError(
                        f"Không kết nối được với máy chủ tỉnh ({self.base_url}); hãy kiểm tra mạng rồi thử lại.",
                        "offline",
                    ) from error
                self.sleep(self._backoff(attempt))
                continue
            self._note_server_time(response)
            if response.status_code in RETRY_STATUSES and not last:
                wait = _retry_after(response)
                if wait is not None and wait > MAX_RETRY_AFTER:
                    raise _error_for(response)
                self.sleep(self._backoff(attempt) if wait is None else wait)
                continue
            if response.status_code >= 400:
                raise _error_for(response)
            try:
                answer = response.json()
            except ValueError as error:
                raise SyncError("Máy chủ tỉnh trả lời không đúng định dạng.", "server", response.status_code) from error
            if not isinstance(answer, dict):
                raise SyncError("Máy chủ tỉnh trả lời không đúng định dạng.", "server", response.status_code)
            return answer
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int) -> float:
        # Full jitter: laptops that lost the link together do not come back together.
        return random.uniform(0, self.backoff_base * 2**attempt)

    def _note_server_time(self, response: requests.Response) -> None:
        stamp = response.headers.get(SERVER_TIME_HEADER)
        if not stamp:
            return
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return
        self.server_time = moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _retry_after(response: requests.Response) -> float | None:
    """Seconds the server asked us to wait (a number or an HTTP date), if it said."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _error_for(response: requests.Response) -> SyncError:
    """The Vietnamese error for a refused request; the server's own message where it gave one."""
    status = response.status_code
    code, message = "", ""
    try:
        body = response.json()
        if isinstance(body, dict):
            code, message = str(body.get("error") or ""), str(body.get("message") or "")
    except ValueError:
        pass
    if status == 401:
        return SyncError(UNAUTHORISED, "unauthorised", status)
    if status == 426:
        return SyncError(message or UPDATE_REQUIRED, "update_required", status)
    if code == "busy" and message:  # the server said so itself, in Vietnamese: it is busy, not broken
        return SyncError(message, "server", status)
    if status in RETRY_STATUSES or status >= 500:
        return SyncError(f"Máy chủ tỉnh đang bận hoặc gặp lỗi (mã {status}); hãy thử lại sau.", "server", status)
    return SyncError(message or f"Máy chủ tỉnh từ chối yêu cầu (mã {status}).", code or "refused", status)
