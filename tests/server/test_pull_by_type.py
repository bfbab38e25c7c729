"""GET /v1/pull?record_type=…: one type's records after the cursor, for the laptop's automatic repair."""

from __future__ import annotations

from typing import Any

import pytest

from sync.client import SyncClient, SyncError
from sync.ids import new_id
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, as_json, enrolled, village

pytestmark = pytest.mark.both_backends

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
OTHER_COMMUNE = "05977"  # phường Đông Kinh, same province


def _mixed(api: Api) -> tuple[list[str], list[str]]:
    """Villages and people pushed interleaved, then one village edited; returns (village ids, people ids)."""
    villages, people = [new_id() for _ in range(3)], [new_id() for _ in range(3)]
    changes = []
    for n, (village_id, person_id) in enumerate(zip(villages, people, strict=True)):
        changes.append(api.change("villages", village_id, village(f"Thôn {n}"), op="insert"))
        changes.append(api.change("people", person_id, {"full_name": f"Lò Văn {'ABC'[n]}"}, op="insert"))
    api.push(*changes)
    api.push(api.change("villages", villages[0], {"households": 7}))  # now the newest change
    return villages, people


def _pages(api: Api, record_type: str, cursor: int = 0, limit: int = 2) -> list[dict[str, Any]]:
    bodies = []
    for _page in range(20):
        response = api.call("GET", f"/v1/pull?cursor={cursor}&limit={limit}&record_type={record_type}")
        assert response.status_code == 200, response.text
        body = response.json()
        bodies.append(body)
        seqs = [r["seq"] for r in body["records"]]
        assert seqs == sorted(seqs) and all(seq > cursor for seq in seqs)
        assert body["cursor"] == (seqs[-1] if seqs else cursor)
        cursor = body["cursor"]
        if not body["more"]:
            return bodies
    raise AssertionError("the pull never ended")


def test_a_pull_of_one_type_holds_only_that_type_in_seq_order(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    villages, people = _mixed(api)
    pages = _pages(api, "villages")
    assert [len(page["records"]) for page in pages] == [2, 1]
    pulled = [r for page in pages for r in page["records"]]
    assert {r["record_type"] for r in pulled} == {"villages"}
    # Ordered by the seq of each record's last change: the edited village comes last.
    assert [r["record_id"] for r in pulled] == [villages[1], villages[2], villages[0]]
    assert pulled[-1]["fields"]["households"] == 7
    assert [r["record_id"] for page in _pages(api, "people", limit=500) for r in page["records"]] == people
    assert _pages(api, "decisions") == [{"records": [], "cursor": 0, "more": False}]


def test_the_cursor_of_a_one_type_pull_skips_what_came_before(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    villages, _people = _mixed(api)
    everything = api.pull_all()
    second_village = next(r for r in everything if r["record_id"] == villages[1])
    after = [r["record_id"] for page in _pages(api, "villages", cursor=second_village["seq"]) for r in page["records"]]
    assert after == [villages[2], villages[0]]
    # The same records, fields and versions as an ordinary pull gives.
    by_type = {r["record_id"]: r for page in _pages(api, "villages") for r in page["records"]}
    assert by_type == {r["record_id"]: r for r in everything if r["record_type"] == "villages"}


def test_a_pull_of_one_type_stays_in_the_devices_commune(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE), enrolled(province_server, OTHER_COMMUNE)
    mine = new_id()
    ours.push(ours.change("villages", mine, village("Nà Phái"), op="insert"))
    theirs.push(theirs.change("villages", new_id(), village("Tổ 1"), op="insert"))
    assert [r["record_id"] for page in _pages(ours, "villages") for r in page["records"]] == [mine]


@pytest.mark.parametrize("record_type", ["spaceships", "", "VILLAGES", "villages%00", "x" * 300])
def test_an_unknown_record_type_is_a_422_with_the_usual_body(province_server: ProvinceServer, record_type: str) -> None:
    api = enrolled(province_server, COMMUNE)
    response = api.call("GET", f"/v1/pull?cursor=0&record_type={record_type}")
    assert response.status_code == 422
    body = as_json(response)
    assert body["error"] == "invalid_request"
    assert body["message"].startswith("Loại bản ghi không tồn tại: ")
    assert len(body["message"]) < 100


def test_the_client_pulls_one_type(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    _villages, people = _mixed(api)
    with SyncClient(province_server.url, api.token) as client:
        page = client.pull(0, 500, record_type="people")
        assert [r["record_id"] for r in page["records"]] == people
        assert len(client.pull(0, 500)["records"]) == 6
        with pytest.raises(SyncError) as refused:
            client.pull(0, record_type="tau_vu_tru")
    assert refused.value.status == 422
    assert str(refused.value) == "Loại bản ghi không tồn tại: tau_vu_tru."
