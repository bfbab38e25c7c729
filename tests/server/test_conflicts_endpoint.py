"""GET /v1/conflicts: a device reads its own commune's "Cần xem lại" list after an id, on a real server."""

from __future__ import annotations

from sync.ids import new_id
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, as_json, enrolled, village

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
OTHER_COMMUNE = "05977"  # phường Đông Kinh, same province


def _clash(first: Api, second: Api, households: tuple[int, int]) -> str:
    """Both devices edit households from the same base; the second arrives last and wins."""
    village_id = new_id()
    created = first.push(first.change("villages", village_id, village("Nà Phái", 100), op="insert"))["results"][0]
    base = {"households": created["versions"]["households"]}
    first.push(first.change("villages", village_id, {"households": households[0]}, base=base))
    second.push(second.change("villages", village_id, {"households": households[1]}, base=base))
    return village_id


def test_conflicts_are_listed_with_both_values_who_and_when(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    village_id = _clash(first, second, (110, 120))

    response = first.call("GET", "/v1/conflicts?since=0")
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["conflicts"]) == 1
    item = body["conflicts"][0]
    assert body["last_id"] == item["id"]
    assert (item["record_type"], item["record_id"], item["field"]) == ("villages", village_id, "households")
    assert (item["lost_value"], item["won_value"]) == (110, 120)
    assert (item["lost_device"], item["won_device"]) == (first.device_id, second.device_id)
    assert (item["lost_device_name"], item["won_device_name"]) == ("Máy 1", "Máy 2")
    assert item["lost_at"] and item["won_at"] >= item["lost_at"]


def test_since_returns_only_newer_conflicts(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    _clash(first, second, (110, 120))
    last_id = first.call("GET", "/v1/conflicts?since=0").json()["last_id"]
    later = _clash(first, second, (7, 8))

    body = second.call("GET", f"/v1/conflicts?since={last_id}").json()
    assert [(c["record_id"], c["lost_value"]) for c in body["conflicts"]] == [(later, 7)]
    empty = second.call("GET", f"/v1/conflicts?since={body['last_id']}").json()
    assert empty == {"conflicts": [], "last_id": body["last_id"]}


def test_another_commune_sees_none_and_strangers_are_refused(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    _clash(first, second, (110, 120))
    outsider = enrolled(province_server, OTHER_COMMUNE, "Máy phường")

    assert outsider.call("GET", "/v1/conflicts?since=0").json()["conflicts"] == []
    nobody = Api(province_server.url)
    refused = nobody.call("GET", "/v1/conflicts")
    assert refused.status_code == 401
    assert "đăng ký" in as_json(refused)["message"]
    bad = first.call("GET", "/v1/conflicts?since=-1")
    assert bad.status_code == 422
    assert as_json(bad)["error"] == "invalid_request"
