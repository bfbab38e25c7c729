"""Fields a newer app knows and this server does not are kept, versioned, merged and pulled like any field."""

from __future__ import annotations

from typing import Any

import pytest

from sync.ids import new_id
from sync.protocol import digest
from sync.server.service import MAX_DEPTH, MAX_UNKNOWN_FIELDS, MAX_UNKNOWN_VALUE_BYTES
from tests.server.harness import ProvinceServer
from tests.server.wire import enrolled, village

pytestmark = pytest.mark.both_backends

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
NEWER_FIELDS: dict[str, Any] = {
    "toa_do": {"vi_do": 22.25, "kinh_do": 106.4, "nguon": ["GPS", "bản đồ"]},
    "mau_ban_do": "xanh lá",
    "so_ho_ngheo": 12,
    "ghi_chu_2": None,
}


def test_an_unknown_field_is_kept_versioned_and_pulled_back_unchanged(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id = new_id()
    made = api.push(api.change("villages", village_id, {**village("Nà Phái", 40), **NEWER_FIELDS}, op="insert"))
    result = made["results"][0]
    assert result["status"] == "applied"
    assert set(result["versions"]) == {"name", "kind", "households", *NEWER_FIELDS}
    record = api.pull_all()[0]
    assert record["fields"] == {**village("Nà Phái", 40), **NEWER_FIELDS}
    assert record["versions"] == result["versions"]


def test_a_later_edit_of_a_known_field_keeps_the_unknown_ones(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id = new_id()
    made = api.push(api.change("villages", village_id, {**village("Nà Phái", 40), **NEWER_FIELDS}, op="insert"))
    versions = made["results"][0]["versions"]
    # An older laptop, which knows nothing of the new fields, edits households.
    api.push(api.change("villages", village_id, {"households": 45}, base={"households": versions["households"]}))
    record = api.pull_all()[0]
    assert record["fields"] == {**village("Nà Phái", 45), **NEWER_FIELDS}
    assert {name: record["versions"][name] for name in NEWER_FIELDS} == {name: versions[name] for name in NEWER_FIELDS}
    assert record["versions"]["households"] > versions["households"]


def test_unknown_fields_merge_like_known_ones(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    village_id = new_id()
    made = first.push(first.change("villages", village_id, {**village("Nà Phái"), "mau_ban_do": "đỏ"}, op="insert"))
    base = {"mau_ban_do": made["results"][0]["versions"]["mau_ban_do"]}
    first.push(first.change("villages", village_id, {"mau_ban_do": "vàng"}, base=base))
    same = second.push(second.change("villages", village_id, {"mau_ban_do": "vàng"}, base=base))["results"][0]
    assert "conflicts" not in same  # the same new value: nothing lost
    late = second.push(second.change("villages", village_id, {"mau_ban_do": "tím"}, base=base))["results"][0]
    assert late["conflicts"] == ["mau_ban_do"]
    assert first.pull_all()[0]["fields"]["mau_ban_do"] == "tím"


def test_the_summary_digest_covers_unknown_fields(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id = new_id()
    api.push(api.change("villages", village_id, {**village("Nà Phái"), "mau_ban_do": "đỏ"}, op="insert"))
    summary = api.call("GET", "/v1/summary").json()
    known_only = digest([(village_id, 0, village("Nà Phái"))])
    assert summary["digest"]["villages"] == digest([(village_id, 0, {**village("Nà Phái"), "mau_ban_do": "đỏ"})])
    assert summary["digest"]["villages"] != known_only


def _rejection(province_server: ProvinceServer, fields: dict[str, Any]) -> str:
    """The reason the server gives for a new village with these extra fields; a good village beside it applies."""
    api = enrolled(province_server, COMMUNE)
    good_id = new_id()
    answer = api.push(
        api.change("villages", new_id(), {**village("Bản Lạ"), **fields}, op="insert"),
        api.change("villages", good_id, village("Nà Phái"), op="insert"),
    )
    bad, good = answer["results"]
    assert good["status"] == "applied"
    assert bad["status"] == "rejected"
    assert [r["record_id"] for r in api.pull_all()] == [good_id]
    return str(bad["reason"])


@pytest.mark.parametrize("name", ["MauSac", "màu_sắc", "1_truong", "_an", "toa-do", "a" * 65, ""])
def test_an_unknown_field_with_a_name_no_replica_could_keep_is_refused(
    province_server: ProvinceServer, name: str
) -> None:
    reason = _rejection(province_server, {name: "x"})
    assert reason.startswith("Tên trường không hợp lệ: “")
    assert "tối đa 64 ký tự" in reason


def test_too_many_unknown_fields_are_refused(province_server: ProvinceServer) -> None:
    fields = {f"truong_{n}": n for n in range(MAX_UNKNOWN_FIELDS + 1)}
    reason = _rejection(province_server, fields)
    assert reason == f"Thay đổi có {MAX_UNKNOWN_FIELDS + 1} trường máy chủ chưa biết, nhiều hơn mức cho phép (32)."


def test_as_many_unknown_fields_as_allowed_are_kept(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    fields = {f"truong_{n}": n for n in range(MAX_UNKNOWN_FIELDS)}
    assert (
        api.push(api.change("villages", new_id(), {**village("Nà Phái"), **fields}, op="insert"))["results"][0][
            "status"
        ]
        == "applied"
    )
    assert api.pull_all()[0]["fields"] == {**village("Nà Phái"), **fields}


def test_a_too_large_unknown_value_is_refused(province_server: ProvinceServer) -> None:
    reason = _rejection(province_server, {"ghi_chu_dai": "â" * (MAX_UNKNOWN_VALUE_BYTES // 2 + 1)})
    assert reason == "Giá trị của trường ghi_chu_dai quá lớn (tối đa 32 kB)."


def test_a_too_deeply_nested_value_is_refused(province_server: ProvinceServer) -> None:
    deep: Any = "đáy"
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    reason = _rejection(province_server, {"cay": deep})
    assert reason == "Giá trị của trường cay lồng nhau quá sâu (tối đa 32 cấp)."


def test_an_unknown_record_type_is_still_refused(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    result = api.push(api.change("tau_vu_tru", new_id(), {"ten": "X"}, op="insert"))["results"][0]
    assert result["status"] == "rejected"
    assert result["reason"] == "Loại bản ghi không tồn tại: tau_vu_tru."
    assert api.pull_all() == []
