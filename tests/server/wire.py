"""A tiny protocol-v1 caller for the server tests: real HTTP with requests, nothing mocked."""

from __future__ import annotations

import json
from typing import Any

import requests

from sync.ids import new_id
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, encode_body
from tests.server.harness import ProvinceServer

TIMEOUT = 10  # seconds; every call is to a loopback server


class Api:
    """Calls one server as one device (or as nobody before enrolling)."""

    def __init__(self, url: str, token: str | None = None, device_id: str = "", commune_code: str = "") -> None:
        self.url, self.token, self.device_id, self.commune_code = url, token, device_id, commune_code
        self._seq = 0

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        headers: dict[str, str] | None = None,
        data: bytes | None = None,
    ) -> requests.Response:
        """One request with the protocol header and the token; body is JSON-encoded (gzipped when large)."""
        sent = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            data, body_headers = encode_body(body)
            sent.update(body_headers)
        sent.update(headers or {})
        return requests.request(method, self.url + path, data=data, headers=sent, timeout=TIMEOUT)

    def change(
        self,
        record_type: str,
        record_id: str,
        fields: dict[str, Any],
        *,
        op: str = "update",
        base: dict[str, int] | None = None,
        commune_code: str | None = None,
    ) -> dict[str, Any]:
        """A change as the laptop sends it, with this device's next change id."""
        self._seq += 1
        return {
            "change_id": f"{self.device_id}:{self._seq}",
            "record_type": record_type,
            "record_id": record_id,
            "commune_code": commune_code or self.commune_code,
            "op": op,
            "fields": fields,
            "base_versions": base or {},
            "changed_at": "2026-03-01T08:00:00.000Z",
            "author": "Cán bộ xã",
        }

    def push(self, *changes: dict[str, Any], batch_id: str | None = None) -> dict[str, Any]:
        """Push changes and return the body of a 200 answer."""
        response = self.call("POST", "/v1/push", {"batch_id": batch_id or new_id(), "changes": list(changes)})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def pull_all(self, limit: int = 500) -> list[dict[str, Any]]:
        """Every record of the commune, following the cursor to the end (bounded)."""
        records: list[dict[str, Any]] = []
        cursor = 0
        for _page in range(1000):
            body = self.call("GET", f"/v1/pull?cursor={cursor}&limit={limit}").json()
            records.extend(body["records"])
            cursor = body["cursor"]
            if not body["more"]:
                return records
        raise AssertionError("pull never ended")


def enrolled(server: ProvinceServer, commune_code: str, name: str = "Máy xã") -> Api:
    """A device enrolled for the commune through the real /v1/enroll."""
    api = Api(server.url)
    response = api.call(
        "POST", "/v1/enroll", {"code": server.enroll(commune_code), "device_name": name, "app_version": "0.1.0"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return Api(server.url, body["token"], body["device_id"], body["commune_code"])


def village(name: str, households: int | None = None) -> dict[str, Any]:
    """A new village's fields."""
    fields: dict[str, Any] = {"name": name, "kind": "thon"}
    if households is not None:
        fields["households"] = households
    return fields


def as_json(response: requests.Response) -> dict[str, Any]:
    """The body of an error answer, checked to be the protocol's error shape."""
    body = json.loads(response.content)
    assert set(body) == {"error", "message"}, body
    return dict(body)
