"""The server's edges over real HTTP: health, enrollment, tokens, protocol versions, malformed and huge bodies."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta

import pytest
import requests

from sync.ids import new_id
from sync.protocol import (
    BAD_CODE_MESSAGE,
    MAX_BODY_BYTES,
    PROTOCOL_HEADER,
    SERVER_TIME_HEADER,
    UPDATE_REQUIRED_MESSAGE,
)
from sync.server import admin
from sync.server.db import make_engine
from tests.server.harness import ProvinceServer
from tests.server.wire import TIMEOUT, Api, as_json, enrolled, village

COMMUNE = "06040"


def _server_time(response: requests.Response) -> datetime:
    return datetime.fromisoformat(response.headers[SERVER_TIME_HEADER].replace("Z", "+00:00"))


def test_health_answers_without_auth_and_every_answer_carries_the_server_time(province_server: ProvinceServer) -> None:
    response = requests.get(f"{province_server.url}/health", timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "protocol": [1]}
    assert abs(_server_time(response) - datetime.now(UTC)) < timedelta(minutes=1)
    for failed in (
        Api(province_server.url).call("GET", "/v1/pull"),  # 401
        requests.get(f"{province_server.url}/v1/pull", timeout=TIMEOUT),  # 426
        requests.get(f"{province_server.url}/nowhere", timeout=TIMEOUT),  # 404
    ):
        assert SERVER_TIME_HEADER in failed.headers
        as_json(failed)


def test_the_openapi_document_lists_the_endpoints(province_server: ProvinceServer) -> None:
    paths = requests.get(f"{province_server.url}/openapi.json", timeout=TIMEOUT).json()["paths"]
    assert {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/summary"} <= set(paths)


def test_enrolling_spends_the_code_once(province_server: ProvinceServer) -> None:
    code = province_server.enroll(COMMUNE)
    body = {"code": code.lower().replace("-", " "), "device_name": "Máy xã", "app_version": "0.1.0"}
    response = Api(province_server.url).call("POST", "/v1/enroll", body)  # typed loosely: still the code
    assert response.status_code == 200, response.text
    enrolled_device = response.json()
    assert enrolled_device["commune_code"] == COMMUNE
    assert enrolled_device["scheme"] == "2025"
    assert len(enrolled_device["token"]) >= 22  # ≥ 128 bits in urlsafe base64
    again = Api(province_server.url).call("POST", "/v1/enroll", {**body, "code": code})
    assert again.status_code == 403
    assert as_json(again) == {"error": "bad_code", "message": BAD_CODE_MESSAGE}


def test_an_expired_or_unknown_code_is_refused(province_server: ProvinceServer) -> None:
    province_server.enroll(COMMUNE)  # sets the province and commune up
    engine = make_engine(province_server.database_url)
    try:
        expired, _ = admin.create_enrollment_code(engine, COMMUNE, days=1, now=datetime.now(UTC) - timedelta(days=2))
    finally:
        engine.dispose()
    for code in (expired, "ABCD-EFGH-JKMN"):
        response = Api(province_server.url).call(
            "POST", "/v1/enroll", {"code": code, "device_name": "x", "app_version": "1"}
        )
        assert response.status_code == 403
        assert as_json(response)["error"] == "bad_code"


def test_the_database_keeps_only_hashes_of_codes_and_tokens(province_server: ProvinceServer) -> None:
    code = province_server.enroll(COMMUNE)
    api = Api(province_server.url)
    token = api.call("POST", "/v1/enroll", {"code": code, "device_name": "x", "app_version": "1"}).json()["token"]
    # The WAL holds the newest pages until a checkpoint: look there too.
    stored = b"".join(path.read_bytes() for path in province_server.data_dir.glob("toso-server.sqlite3*"))
    assert token.encode() not in stored
    assert code.encode() not in stored


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong-token", "Basic abc"])
def test_a_missing_or_wrong_token_is_401(province_server: ProvinceServer, header: str | None) -> None:
    headers = {PROTOCOL_HEADER: "1"} | ({"Authorization": header} if header else {})
    response = requests.get(f"{province_server.url}/v1/pull", headers=headers, timeout=TIMEOUT)
    assert response.status_code == 401
    assert as_json(response)["error"] == "unauthorized"


def test_a_revoked_device_is_401_from_its_next_request(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    assert api.call("GET", "/v1/pull").status_code == 200
    province_server.revoke(api.device_id)
    response = api.call("POST", "/v1/push", {"batch_id": new_id(), "changes": []})
    assert response.status_code == 401
    assert api.call("GET", "/v1/pull").status_code == 401


@pytest.mark.parametrize("version", [None, "0", "2", "v1"])
def test_an_unsupported_protocol_is_told_to_update(province_server: ProvinceServer, version: str | None) -> None:
    api = enrolled(province_server, COMMUNE)
    headers = {"Authorization": f"Bearer {api.token}"} | ({PROTOCOL_HEADER: version} if version else {})
    response = requests.get(f"{province_server.url}/v1/pull", headers=headers, timeout=TIMEOUT)
    assert response.status_code == 426
    assert as_json(response) == {"error": "update_required", "message": UPDATE_REQUIRED_MESSAGE}


@pytest.mark.parametrize(
    ("data", "encoding"),
    [(b"{not json", None), (b"\xff\xfe\x00", None), (b"plain text, not gzip", "gzip")],
)
def test_malformed_bodies_are_400(province_server: ProvinceServer, data: bytes, encoding: str | None) -> None:
    api = enrolled(province_server, COMMUNE)
    headers = {"Content-Type": "application/json"} | ({"Content-Encoding": encoding} if encoding else {})
    response = api.call("POST", "/v1/push", headers=headers, data=data)
    assert response.status_code == 400
    assert as_json(response)["error"] == "malformed"


@pytest.mark.parametrize("body", [[], {"batch_id": "x"}, {"changes": "nope"}, {"changes": [1, 2]}])
def test_wrongly_shaped_push_bodies_are_422(province_server: ProvinceServer, body: object) -> None:
    api = enrolled(province_server, COMMUNE)
    response = api.call("POST", "/v1/push", body)
    assert response.status_code == 422
    assert as_json(response)["error"] == "invalid_request"


def test_bad_pull_parameters_are_422(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    for query in ("cursor=-1", "cursor=abc", "limit=0", "limit=100000"):
        response = api.call("GET", f"/v1/pull?{query}")
        assert response.status_code == 422, query
        as_json(response)


def test_an_oversized_body_is_413(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    changes = [api.change("villages", new_id(), village("Thôn " + "x" * 2000), op="insert") for _ in range(1100)]
    data = json.dumps({"batch_id": new_id(), "changes": changes}).encode()  # plain: no gzip to shrink it
    assert len(data) > MAX_BODY_BYTES
    response = api.call("POST", "/v1/push", headers={"Content-Type": "application/json"}, data=data)
    assert response.status_code == 413
    assert as_json(response)["error"] == "too_large"


def test_a_gzip_bomb_is_413_and_the_server_keeps_serving(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    # 200 MB of JSON whitespace squeezed into about 200 kB: under the wire limit, far over it inflated.
    bomb = gzip.compress(b"[" + b" " * (200 * 1024 * 1024) + b"]", compresslevel=9)
    assert len(bomb) < MAX_BODY_BYTES
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    response = api.call("POST", "/v1/push", headers=headers, data=bomb)
    assert response.status_code == 413
    assert api.call("GET", "/health").status_code == 200


def test_a_gzipped_push_within_the_limit_is_applied(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    changes = [api.change("villages", new_id(), village(f"Thôn {n}", n), op="insert") for n in range(40)]
    response = api.call("POST", "/v1/push", {"batch_id": new_id(), "changes": changes})
    assert response.request.headers["Content-Encoding"] == "gzip"  # big enough to be compressed
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 40
    pulled = api.call("GET", "/v1/pull", headers={"Accept-Encoding": "gzip"})
    assert pulled.headers["Content-Encoding"] == "gzip"  # answers are compressed too
    assert len(pulled.json()["records"]) == 40
