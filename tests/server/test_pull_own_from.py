"""GET /v1/pull?own_from=N: what a device just pushed is not sent back to it, and nothing else is held back."""

from __future__ import annotations

from typing import Any

import pytest

from sync.ids import new_id
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, enrolled, village

pytestmark = pytest.mark.both_backends
COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


def pull(api: Api, cursor: int, own_from: int | None, limit: int = 500) -> dict[str, Any]:
    query = f"/v1/pull?cursor={cursor}&limit={limit}" + (f"&own_from={own_from}" if own_from else "")
    response = api.call("GET", query)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_a_devices_own_fresh_records_are_left_out_but_the_cursor_passes_them(province_server: ProvinceServer) -> None:
    ours = enrolled(province_server, COMMUNE)
    answer = ours.push(*(ours.change("villages", new_id(), village(f"Thôn {n}"), op="insert") for n in range(5)))
    seqs = [result["seq"] for result in answer["results"]]
    assert all(isinstance(seq, int) for seq in seqs)
    page = pull(ours, 0, min(seqs))
    assert page["records"] == [] and page["cursor"] == max(seqs) and page["more"] is False
    assert len(pull(ours, 0, None)["records"]) == 5  # without own_from, everything as before


def test_a_field_another_device_wrote_since_brings_the_record_back(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE, "Máy xã"), enrolled(province_server, COMMUNE, "Máy thôn")
    ids = [new_id() for _ in range(3)]
    answer = ours.push(*(ours.change("villages", vid, village("Nà Phái", 100), op="insert") for vid in ids))
    own_from = min(result["seq"] for result in answer["results"])
    versions = answer["results"][1]["versions"]
    theirs.push(theirs.change("villages", ids[1], {"households": 130}, base={"households": versions["households"]}))
    page = pull(ours, 0, own_from)
    assert [(r["record_id"], r["fields"]["households"]) for r in page["records"]] == [(ids[1], 130)]


def test_an_older_record_this_device_changed_again_is_sent_whole(province_server: ProvinceServer) -> None:
    # The record holds fields written before own_from (by anyone): the device may not have them all.
    ours, theirs = enrolled(province_server, COMMUNE, "Máy xã"), enrolled(province_server, COMMUNE, "Máy thôn")
    village_id = new_id()
    theirs.push(theirs.change("villages", village_id, village("Khuổi Luông", 40), op="insert"))
    answer = ours.push(ours.change("villages", village_id, {"notes": "Đã rà soát"}))
    page = pull(ours, 0, answer["results"][0]["seq"])
    assert [r["fields"]["name"] for r in page["records"]] == ["Khuổi Luông"]


def test_pages_are_filled_from_further_on_when_own_records_are_skipped(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE, "Máy xã"), enrolled(province_server, COMMUNE, "Máy thôn")
    answer = ours.push(*(ours.change("villages", new_id(), village(f"Thôn {n}"), op="insert") for n in range(12)))
    theirs.push(*(theirs.change("villages", new_id(), village(f"Bản {n}"), op="insert") for n in range(4)))
    own_from = min(result["seq"] for result in answer["results"])
    cursor, seen, pages = 0, [], 0
    while True:
        page = pull(ours, cursor, own_from, limit=3)
        seen += [r["fields"]["name"] for r in page["records"]]
        cursor, pages = page["cursor"], pages + 1
        if not page["more"]:
            break
    assert sorted(seen) == [f"Bản {n}" for n in range(4)]
    assert pages == 2  # 3 then 1: the 12 own records cost no pages of their own


def test_own_from_is_checked_like_every_parameter(province_server: ProvinceServer) -> None:
    ours = enrolled(province_server, COMMUNE)
    for bad in ("0", "-1", "x", str(2**40)):
        response = ours.call("GET", f"/v1/pull?own_from={bad}")
        assert response.status_code == 422, bad


def test_the_kept_digests_follow_every_write(province_server: ProvinceServer) -> None:
    # /v1/summary keeps a commune's digests between syncs: any change to a record must give new ones.
    ours = enrolled(province_server, COMMUNE)
    village_id = new_id()
    created = ours.push(ours.change("villages", village_id, village("Nà Phái", 100), op="insert"))["results"][0]
    first = ours.call("GET", "/v1/summary").json()["digest"]["villages"]
    assert ours.call("GET", "/v1/summary").json()["digest"]["villages"] == first
    ours.push(ours.change("villages", village_id, {"households": 101}, base=created["versions"]))
    second = ours.call("GET", "/v1/summary").json()["digest"]["villages"]
    ours.push(ours.change("villages", village_id, {"deleted": 1}, op="delete"))
    third = ours.call("GET", "/v1/summary").json()["digest"]["villages"]
    assert len({first, second, third}) == 3
