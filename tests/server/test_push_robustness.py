"""Hostile or odd changes on the merge path: each is a per-change rejection or a 4xx, never a server error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from sync.ids import new_id
from sync.server import service
from sync.server.auth import Device
from sync.server.db import change_log, create_schema, default_database_url, make_engine
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, as_json, enrolled, village

pytestmark = pytest.mark.both_backends

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
TODAY = date(2026, 3, 1)


def _deep(levels: int) -> Any:
    value: Any = "đáy"
    for _ in range(levels):
        value = {"a": [value]}
    return value


# (what is odd, the change's keys to replace): each is answered "rejected" with a Vietnamese reason.
ODD_CHANGES: list[tuple[str, dict[str, Any]]] = [
    ("fields is a list", {"fields": [["name", "Nà Phái"]]}),
    ("fields is a string", {"fields": "name=Nà Phái"}),
    ("record_type is a list", {"record_type": ["villages"]}),
    ("record_type is an object", {"record_type": {"a": 1}}),
    ("op is a list", {"op": ["insert"]}),
    ("record_id is a number", {"record_id": 12345}),
    ("base_versions is a list", {"base_versions": [1, 2]}),
    ("a base version is text", {"base_versions": {"name": "3"}}),
    ("change_id is an object", {"change_id": {"id": 1}}),
    ("change_id is too long", {"change_id": "x" * 81}),
    ("change_id holds a NUL", {"change_id": "máy\x001"}),
    ("ten thousand fields", {"fields": {**village("Nà Phái"), **{f"f{n}": n for n in range(10_000)}}}),
    ("a value nested 500 deep", {"fields": {**village("Nà Phái"), "households": _deep(250)}}),
    ("an unknown value nested 500 deep", {"fields": {**village("Nà Phái"), "cay": _deep(250)}}),
    ("a huge unknown string", {"fields": {**village("Nà Phái"), "ghi_chu_moi": "ư" * 600_000}}),
    ("an integer of 5,000 digits as text", {"fields": {**village("Nà Phái"), "households": "1" * 5000}}),
    ("a count that is an object", {"fields": {**village("Nà Phái"), "households": {"a": 1}}}),
    ("a count that is true", {"fields": {**village("Nà Phái"), "households": True}}),
    ("a stamp that is a number", {"fields": {**village("Nà Phái"), "updated_at": 5}}),
    ("deleted is 2", {"fields": {"deleted": 2}, "op": "delete"}),
    ("an id of another record", {"fields": {**village("Nà Phái"), "id": new_id()}}),
]


def _change(api: Api, replace: dict[str, Any]) -> dict[str, Any]:
    return {**api.change("villages", new_id(), village("Nà Phái"), op="insert"), **replace}


@pytest.mark.parametrize("replace", [replace for _what, replace in ODD_CHANGES], ids=[w for w, _r in ODD_CHANGES])
def test_an_odd_change_is_rejected_alone(province_server: ProvinceServer, replace: dict[str, Any]) -> None:
    api = enrolled(province_server, COMMUNE)
    good = api.change("villages", new_id(), village("Pò Cại"), op="insert")
    odd = _change(api, replace)
    response = api.call("POST", "/v1/push", {"batch_id": new_id(), "changes": [odd, good]})
    assert response.status_code == 200, response.text
    bad_result, good_result = response.json()["results"]
    assert bad_result["status"] == "rejected"
    assert bad_result["reason"] and len(bad_result["reason"]) < 300
    assert good_result["status"] == "applied"
    assert [r["record_id"] for r in api.pull_all()] == [good["record_id"]]


def test_the_author_is_kept_as_plain_text(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    odd_author = api.change("villages", new_id(), village("Nà Phái"), op="insert") | {"author": "Cán\x00bộ " * 100}
    not_text = api.change("villages", new_id(), village("Pò Cại"), op="insert") | {"author": {"ten": "A"}}
    assert [r["status"] for r in api.push(odd_author, not_text)["results"]] == ["applied", "applied"]
    engine = make_engine(province_server.database_url)
    try:
        with engine.connect() as conn:
            authors = list(conn.execute(select(change_log.c.author).order_by(change_log.c.seq)).scalars())
    finally:
        engine.dispose()
    assert authors == [("Cánbộ " * 100)[: service.MAX_AUTHOR_LENGTH], ""]


@pytest.mark.parametrize(
    "body",
    [b'{"batch_id": "x", "changes": [{"fields": {"households": NaN}}]}', b"[" * 200_000 + b"]" * 200_000],
    ids=["NaN", "nested 200,000 deep"],
)
def test_a_body_no_json_reader_should_take_is_a_400(province_server: ProvinceServer, body: bytes) -> None:
    api = enrolled(province_server, COMMUNE)
    response = api.call("POST", "/v1/push", data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert as_json(response)["error"] == "malformed"


# ----- the same rule as a property, straight on the service over a real SQLite file -----

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
field_names = st.sampled_from(["name", "kind", "households", "deleted", "id", "updated_at", "mau", "Mau", ""])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A real server database file, at the newest schema."""
    folder: Path = tmp_path_factory.mktemp("may-chu")
    db = make_engine(default_database_url(folder))
    create_schema(db)
    try:
        yield db
    finally:
        db.dispose()


@given(
    record_type=st.sampled_from(["villages", "people", "categories"]) | json_values,
    op=st.sampled_from(["insert", "update", "delete", "restore"]) | json_values,
    fields=st.dictionaries(field_names | st.text(max_size=5), json_values, max_size=6) | json_values,
    base=st.dictionaries(field_names, st.integers() | json_values, max_size=3) | json_values,
    change_id=st.text(max_size=90) | json_values,
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_change_gets_an_answer_that_can_be_sent_back(
    engine: Engine, record_type: Any, op: Any, fields: Any, base: Any, change_id: Any
) -> None:
    device = Device(id="may-thu", commune_code=COMMUNE, name="Máy thử")
    change = {
        "change_id": change_id,
        "record_type": record_type,
        "record_id": new_id(),
        "commune_code": COMMUNE,
        "op": op,
        "fields": fields,
        "base_versions": base,
    }
    with engine.begin() as conn:
        result = service.apply_change(conn, device, change, TODAY, "2026-03-01T08:00:00.000Z")
        pulled = service.pull(conn, COMMUNE, 0, 1000)
    assert result["status"] in ("applied", "rejected")
    assert result["status"] == "applied" or result["reason"]
    json.dumps([result, pulled], allow_nan=False)  # what the server sends back is strict JSON
