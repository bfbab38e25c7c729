"""Schemathesis against the real server's /openapi.json: generated requests never get a 5xx.

Each operation is fuzzed over real HTTP (the `province_server` fixture) three ways: as an enrolled device
(bodies and parameters valid per the schema, and deliberately invalid ones), without a token, and without
the protocol header. Answers must be no server error and, where the schema documents them, match it.
The budget is small and derandomised so the run is the same every time and fits CI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sync.ids import new_id
from sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    UPDATE_REQUIRED_MESSAGE,
    Change,
    ChangeResult,
    EnrollRequest,
    PushRequest,
)
from sync.server.openapi_shapes import ENROLL_REQUEST, PUSH_REQUEST, PUSH_RESPONSE
from tests.server.harness import ProvinceServer
from tests.server.wire import TIMEOUT, enrolled

pytestmark = pytest.mark.both_backends  # PostgreSQL refuses what SQLite stores (a NUL in text, say)

COMMUNE = "06040"
V1_OPERATIONS = [
    ("POST", "/v1/enroll"),
    ("POST", "/v1/push"),
    ("GET", "/v1/pull"),
    ("GET", "/v1/conflicts"),
    ("GET", "/v1/summary"),
]
ALL_OPERATIONS = [("GET", "/health"), *V1_OPERATIONS]
AUTHORISED_EXAMPLES = 40  # per operation and generation mode
UNAUTHORISED_EXAMPLES = 15  # per operation, for the runs without a token or without the protocol header
CONFORMANCE = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
FUZZ_SETTINGS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its request as generated
    suppress_health_check=list(HealthCheck),
)

Checker = Callable[[Case, Any], None]


def _fuzz(
    province_server: ProvinceServer,
    method: str,
    path: str,
    *,
    mode: GenerationMode,
    examples: int,
    headers: dict[str, str],
    prepare: Callable[[Case, st.DataObject], None] = lambda case, data: None,
    check: Checker = lambda case, response: None,
) -> int:
    """Send `examples` generated requests for one operation; returns how many were sent."""
    schema = schemathesis.openapi.from_url(f"{province_server.url}/openapi.json")
    operation = schema[path][method]
    sent = 0

    # Invalid requests keep a valid protocol header: the header alone would make most of them a plain 426.
    pinned = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)} if mode is GenerationMode.NEGATIVE else None
    strategy = operation.as_strategy(generation_mode=mode, headers=pinned)

    @settings(FUZZ_SETTINGS, max_examples=examples)
    @given(case=strategy, data=st.data())
    def run(case: Case, data: st.DataObject) -> None:
        nonlocal sent
        prepare(case, data)
        response = case.call(base_url=province_server.url, headers=headers, timeout=TIMEOUT)
        sent += 1
        case.validate_response(response, checks=CONFORMANCE, headers=headers)
        check(case, response)

    run()
    return sent


def _like_a_laptop(commune_code: str, codes: list[str]) -> Callable[[Case, st.DataObject], None]:
    """Make generated bodies look more like a laptop's, so they reach the merge and not only the first check.

    Most batches are the device's commune's (else every push is a plain 403), with the record's own id and
    commune inside its fields, deletes that write `deleted`, and integral base versions as ints (JSON Schema
    counts 3.0 as an integer; the laptop never sends one). Real enrollment codes are spent now and then (else
    every enrollment is a 403).
    """

    def prepare(case: Case, data: st.DataObject) -> None:
        body = case.body
        if not isinstance(body, dict):
            return
        # False is what Hypothesis draws first and most: most batches are made the device's own.
        if isinstance(body.get("changes"), list) and not data.draw(st.booleans(), label="left as generated"):
            for change in body["changes"]:
                if isinstance(change, dict):
                    _own_change(change, commune_code)
        # Drawn every time, used while codes last: Hypothesis needs the same draws when it replays a case.
        if "code" in body and data.draw(st.booleans(), label="real code") and codes:
            body["code"] = codes.pop()

    return prepare


def _own_change(change: dict[str, Any], commune_code: str) -> None:
    change["commune_code"] = commune_code
    fields, base = change.get("fields"), change.get("base_versions")
    if isinstance(fields, dict) and change.get("op") in ("delete", "restore"):
        fields["deleted"] = int(change["op"] == "delete")  # a delete is the field deleted, a restore its undoing
    if isinstance(fields, dict):
        fields.update(
            {
                key: value
                for key, value in (("id", change.get("record_id")), ("commune_code", commune_code))
                if key in fields
            }
        )
    if isinstance(base, dict):
        base.update(
            {name: int(value) for name, value in base.items() if isinstance(value, float) and value.is_integer()}
        )


@pytest.mark.parametrize(
    ("method", "path", "mode"),
    [(method, path, GenerationMode.POSITIVE) for method, path in ALL_OPERATIONS]
    # /health takes nothing and /v1/summary only the protocol header (tested below): nothing to make invalid.
    + [(method, path, GenerationMode.NEGATIVE) for method, path in V1_OPERATIONS if path != "/v1/summary"],
    ids=lambda value: value.value if isinstance(value, GenerationMode) else value,
)
def test_an_enrolled_device_never_gets_a_server_error(
    province_server: ProvinceServer, method: str, path: str, mode: GenerationMode
) -> None:
    api = enrolled(province_server, COMMUNE)
    api.push(api.change("villages", new_id(), {"name": "Thôn Một", "kind": "thon"}, op="insert"))  # something to pull
    codes = [province_server.enroll(COMMUNE) for _ in range(3)]
    statuses: list[int] = []
    sent = _fuzz(
        province_server,
        method,
        path,
        mode=mode,
        examples=AUTHORISED_EXAMPLES,
        headers={"Authorization": f"Bearer {api.token}"},
        prepare=_like_a_laptop(COMMUNE, codes),
        check=lambda case, response: statuses.append(response.status_code),
    )
    assert sent > 0
    if mode is GenerationMode.POSITIVE:
        assert 200 in statuses, statuses  # valid requests of a device are served, not only refused


@pytest.mark.parametrize(("method", "path"), V1_OPERATIONS)
def test_without_a_token_every_answer_is_a_refusal(province_server: ProvinceServer, method: str, path: str) -> None:
    province_server.enroll(COMMUNE)  # the commune exists; the caller is simply not a device

    def refused(case: Case, response: Any) -> None:
        allowed = {400, 403, 413, 422, 426} if path == "/v1/enroll" else {401, 426}
        assert response.status_code in allowed, (response.status_code, response.text)

    # /v1/summary takes only the protocol header: there is nothing else to make invalid.
    modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if path != "/v1/summary" else [])
    for mode in modes:
        _fuzz(province_server, method, path, mode=mode, examples=UNAUTHORISED_EXAMPLES, headers={}, check=refused)


@pytest.mark.parametrize(("method", "path"), V1_OPERATIONS)
def test_without_the_protocol_header_every_answer_is_426(
    province_server: ProvinceServer, method: str, path: str
) -> None:
    api = enrolled(province_server, COMMUNE)

    def drop_header(case: Case, _data: st.DataObject) -> None:
        case.headers = {name: value for name, value in (case.headers or {}).items() if name != PROTOCOL_HEADER}

    def told_to_update(case: Case, response: Any) -> None:
        assert response.status_code == 426, response.text
        assert response.json() == {"error": "update_required", "message": UPDATE_REQUIRED_MESSAGE}

    _fuzz(
        province_server,
        method,
        path,
        mode=GenerationMode.POSITIVE,
        examples=UNAUTHORISED_EXAMPLES,
        headers={"Authorization": f"Bearer {api.token}"},
        prepare=drop_header,
        check=told_to_update,
    )


def _names(schema: dict[str, Any]) -> set[str]:
    return set(schema["properties"])


@pytest.mark.parametrize(
    ("schema", "shape"),
    [(ENROLL_REQUEST, EnrollRequest), (PUSH_REQUEST, PushRequest), (PUSH_RESPONSE, None)],
    ids=["enroll", "push", "push-answer"],
)
def test_the_documented_bodies_name_the_protocol_fields(schema: dict[str, Any], shape: type | None) -> None:
    if shape is not None:
        assert _names(schema) == set(shape.__annotations__)
    else:
        assert _names(schema["properties"]["results"]["items"]) == set(ChangeResult.__annotations__)
    if shape is PushRequest:
        for change in schema["properties"]["changes"]["items"]["anyOf"]:
            assert _names(change) == set(Change.__annotations__)
