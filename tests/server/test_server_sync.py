"""Push, pull, merge and summary against a real province server on a loopback port."""

from __future__ import annotations

import json
import threading
from typing import Any

from sqlalchemy import func, select

from sync.ids import new_id
from sync.protocol import digest
from sync.records import category_id
from sync.server.db import applied_changes, change_log, conflicts, make_engine, records
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, as_json, enrolled, village

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
OTHER_COMMUNE = "05977"  # phường Đông Kinh, same province


def _count(server: ProvinceServer, table: Any) -> int:
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def test_push_then_pull_round_trip(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id, person_id = new_id(), new_id()
    answer = api.push(
        api.change("villages", village_id, village("Nà Phái", 120), op="insert"),
        api.change("people", person_id, {"full_name": "nguyễn văn  an", "phone": "0912 345 678"}, op="insert"),
    )
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    assert answer["results"][0]["change_id"] == f"{api.device_id}:1"
    assert set(answer["results"][0]["versions"]) == {"name", "kind", "households"}

    pulled = {r["record_id"]: r for r in api.pull_all()}
    assert set(pulled) == {village_id, person_id}
    assert pulled[village_id]["fields"] == {"name": "Nà Phái", "kind": "thon", "households": 120}
    assert pulled[village_id]["deleted"] == 0
    assert pulled[village_id]["versions"] == answer["results"][0]["versions"]
    # The server keeps the cleaned values: the same rules as the laptop, name parts derived.
    person = pulled[person_id]["fields"]
    assert person["full_name"] == "Nguyễn Văn An"
    assert person["phone"] == "0912345678"
    assert (person["family_name"], person["given_name"]) == ("Nguyễn", "An")


def test_delete_and_restore_are_writes_of_the_deleted_field(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id = new_id()
    first = api.push(api.change("villages", village_id, village("Khau Ràng"), op="insert"))["results"][0]
    gone = api.push(api.change("villages", village_id, {"deleted": 1}, op="delete"))["results"][0]
    assert gone["status"] == "applied"
    assert api.pull_all()[0]["deleted"] == 1
    back = api.push(
        api.change("villages", village_id, {"deleted": 0}, op="restore", base={"deleted": gone["versions"]["deleted"]})
    )["results"][0]
    assert "conflicts" not in back
    record = api.pull_all()[0]
    assert record["deleted"] == 0
    assert record["fields"]["name"] == "Khau Ràng"
    assert record["versions"]["name"] == first["versions"]["name"]


def test_the_same_batch_twice_gives_the_same_answer_and_no_second_effect(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    batch = [api.change("villages", new_id(), village(f"Thôn {n}"), op="insert") for n in range(3)]
    batch.append(api.change("villages", new_id(), {"name": ""}, op="insert"))  # rejected, and stays rejected
    batch_id = new_id()
    first = api.push(*batch, batch_id=batch_id)
    logged, answered = _count(province_server, change_log), _count(province_server, applied_changes)
    second = api.push(*batch, batch_id=batch_id)
    assert second == first
    assert [r["status"] for r in first["results"]] == ["applied"] * 3 + ["rejected"]
    assert logged == 3
    assert _count(province_server, change_log) == logged
    assert _count(province_server, applied_changes) == answered == 4


def test_a_change_of_another_commune_refuses_the_whole_request(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    province_server.enroll(OTHER_COMMUNE)  # the other commune exists on the server
    mine = api.change("villages", new_id(), village("Nà Phái"), op="insert")
    theirs = api.change("villages", new_id(), village("Tổ 1"), op="insert", commune_code=OTHER_COMMUNE)
    response = api.call("POST", "/v1/push", {"batch_id": new_id(), "changes": [mine, theirs]})
    assert response.status_code == 403
    assert as_json(response)["error"] == "wrong_commune"
    assert _count(province_server, records) == 0
    assert _count(province_server, change_log) == 0
    assert _count(province_server, applied_changes) == 0


def test_a_device_pulls_only_its_own_commune(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE), enrolled(province_server, OTHER_COMMUNE)
    ours.push(ours.change("villages", new_id(), village("Nà Phái"), op="insert"))
    theirs.push(theirs.change("villages", new_id(), village("Tổ 1"), op="insert"))
    assert [r["fields"]["name"] for r in ours.pull_all()] == ["Nà Phái"]
    assert [r["fields"]["name"] for r in theirs.pull_all()] == ["Tổ 1"]


def test_an_invalid_record_is_rejected_with_its_reason_and_the_others_apply(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    good_id, bad_id, bad_name_id = new_id(), new_id(), new_id()
    answer = api.push(
        api.change("villages", good_id, village("Nà Phái"), op="insert"),
        api.change("people", bad_id, {"full_name": "Lò Thị Mai", "birth_year": 1700, "phone": "12"}, op="insert"),
        api.change("villages", bad_name_id, {"name": "Bản Mới", "Màu sắc": "xanh"}, op="insert"),
        api.change("spaceships", new_id(), {"name": "X"}, op="insert"),
    )
    good, bad, bad_name, wrong_type = answer["results"]
    assert good["status"] == "applied"
    assert bad["status"] == "rejected"
    assert "Năm sinh 1700 không hợp lệ" in bad["reason"]
    assert "Số điện thoại" in bad["reason"]  # every problem, not just the first
    # An unknown field is kept (tests/server/test_unknown_fields.py), but only under a name any replica can store.
    assert bad_name["status"] == "rejected"
    assert bad_name["reason"].startswith("Tên trường không hợp lệ: “Màu sắc”")
    assert wrong_type["status"] == "rejected"
    assert wrong_type["reason"] == "Loại bản ghi không tồn tại: spaceships."
    assert [r["record_id"] for r in api.pull_all()] == [good_id]


def test_pull_pages_with_the_cursor_lose_and_double_nothing(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    ids = [new_id() for _ in range(5)]
    api.push(*(api.change("villages", record_id, village(f"Thôn {n}"), op="insert") for n, record_id in enumerate(ids)))
    pages: list[list[str]] = []
    cursor, more = 0, True
    while more and len(pages) < 10:
        body = api.call("GET", f"/v1/pull?cursor={cursor}&limit=2").json()
        pages.append([r["record_id"] for r in body["records"]])
        seqs = [r["seq"] for r in body["records"]]
        assert seqs == sorted(seqs) and all(seq > cursor for seq in seqs)
        cursor, more = body["cursor"], body["more"]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [record_id for page in pages for record_id in page] == ids
    # Nothing new after the last cursor: an empty page that keeps the cursor.
    assert api.call("GET", f"/v1/pull?cursor={cursor}&limit=2").json() == {
        "records": [],
        "cursor": cursor,
        "more": False,
    }


def test_an_edit_pulls_again_after_the_cursor(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    a, b = new_id(), new_id()
    api.push(
        api.change("villages", a, village("Nà Phái"), op="insert"),
        api.change("villages", b, village("Pò Cại"), op="insert"),
    )
    cursor = api.call("GET", "/v1/pull?cursor=0").json()["cursor"]
    versions = api.pull_all()[0]["versions"]
    api.push(api.change("villages", a, {"households": 80}, base={"households": versions.get("households", 0)}))
    body = api.call("GET", f"/v1/pull?cursor={cursor}").json()
    assert [(r["record_id"], r["fields"]["households"]) for r in body["records"]] == [(a, 80)]


def test_concurrent_edits_of_one_field_last_arrival_wins_with_one_conflict(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    village_id = new_id()
    created = first.push(first.change("villages", village_id, village("Nà Phái", 100), op="insert"))["results"][0]
    base = {"households": created["versions"]["households"]}
    # Both devices saw version `base` and edit households offline; the second push arrives last.
    won_first = first.push(first.change("villages", village_id, {"households": 110}, base=base))["results"][0]
    late = second.push(second.change("villages", village_id, {"households": 120, "notes": "đếm lại"}, base=base))
    assert late["results"][0]["status"] == "applied"
    assert late["results"][0]["conflicts"] == ["households"]
    assert "conflicts" not in won_first

    for api in (first, second):  # every replica converges to the same state
        record = api.pull_all()[0]
        assert record["fields"]["households"] == 120
        assert record["fields"]["notes"] == "đếm lại"
    engine = make_engine(province_server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(conflicts)).all()
    finally:
        engine.dispose()
    assert len(rows) == 1
    row = rows[0]
    assert (row.record_id, row.field, row.commune_code) == (village_id, "households", COMMUNE)
    assert (json.loads(row.lost_value), json.loads(row.won_value)) == (110, 120)
    assert row.lost_version == won_first["versions"]["households"]
    assert (row.lost_device, row.won_device) == (first.device_id, second.device_id)
    assert row.lost_at and row.won_at >= row.lost_at


def test_summary_counts_and_digests_the_communes_records(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    api.push(
        api.change("villages", new_id(), village("Nà Phái", 40), op="insert"),
        api.change("villages", new_id(), village("Pò Cại"), op="insert"),
    )
    response = api.call("GET", "/v1/summary")
    assert response.status_code == 200
    body = response.json()
    assert body["counts"]["villages"] == 2
    assert body["counts"]["people"] == 0
    expected = digest((r["record_id"], r["deleted"], r["fields"]) for r in api.pull_all())
    assert body["digest"]["villages"] == expected
    assert body["digest"]["people"] == digest([])


def test_a_restarted_server_keeps_its_data_and_devices(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    village_id = new_id()
    api.push(api.change("villages", village_id, village("Nà Phái"), op="insert"))
    url = province_server.url
    province_server.stop()
    province_server.start()
    assert province_server.url == url
    assert [r["record_id"] for r in api.pull_all()] == [village_id]
    answer = api.push(api.change("villages", new_id(), village("Pò Cại"), op="insert"))
    assert answer["results"][0]["status"] == "applied"
    assert len(api.pull_all()) == 2


def test_a_new_record_without_a_required_field_is_rejected(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    answer = api.push(api.change("villages", new_id(), {"households": 40}, op="insert"))
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["reason"] == "Tên thôn: không được để trống. Loại: không được để trống."
    assert api.pull_all() == []


def test_pushes_from_many_devices_at_once_are_serialised_without_losing_any(province_server: ProvinceServer) -> None:
    apis = [enrolled(province_server, COMMUNE, f"Máy {n}") for n in range(4)]
    village_id = new_id()
    apis[0].push(apis[0].change("villages", village_id, village("Nà Phái", 0), op="insert"))
    errors: list[BaseException] = []

    def work(api: Api) -> None:
        try:
            for n in range(5):
                api.push(
                    api.change("villages", new_id(), village(f"{api.device_id[:4]} {n}"), op="insert"),
                    api.change("villages", village_id, {"notes": f"{api.device_id} {n}"}),
                )
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(api,)) for api in apis]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    pulled = apis[1].pull_all(limit=7)
    assert len(pulled) == 1 + 4 * 5
    assert len({r["record_id"] for r in pulled}) == len(pulled)
    assert _count(province_server, change_log) == 1 + 4 * 5 * 2
    # Every edit of notes after the first was based on nothing: each is a conflict, none lost.
    assert _count(province_server, conflicts) == 4 * 5 - 1


def _conflict_fields(server: ProvinceServer) -> list[tuple[str, str]]:
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return [(row.record_id, row.field) for row in conn.execute(select(conflicts).order_by(conflicts.c.id))]
    finally:
        engine.dispose()


def test_the_same_record_made_on_two_laptops_is_no_conflict(province_server: ProvinceServer) -> None:
    # Both laptops made the default categories offline: the same derived ids, the same values, no base.
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    fields = {"code": "2", "name": "Dịch vụ công trực tuyến", "name_en": "Online public services", "sort_order": 2}
    record_id = category_id(COMMUNE, "2")
    made = first.push(first.change("categories", record_id, fields, op="insert"))["results"][0]
    cursor = first.call("GET", "/v1/pull?cursor=0").json()["cursor"]
    again = second.push(second.change("categories", record_id, fields, op="insert"))["results"][0]
    assert again["status"] == "applied" and again["versions"] == made["versions"] and "conflicts" not in again
    assert _conflict_fields(province_server) == []
    # Nothing changed, so nothing new to pull: the record kept its seq.
    assert first.call("GET", f"/v1/pull?cursor={cursor}").json()["records"] == []


def test_two_devices_making_the_same_edit_is_no_conflict(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    village_id = new_id()
    created = first.push(first.change("villages", village_id, village("Nà Phái", 100), op="insert"))["results"][0]
    base = {"households": created["versions"]["households"], "notes": 0}
    won = first.push(first.change("villages", village_id, {"households": 110, "notes": "a"}, base=base))["results"][0]
    late = second.push(second.change("villages", village_id, {"households": 110, "notes": "b"}, base=base))
    result = late["results"][0]
    assert result["conflicts"] == ["notes"]  # only the field whose value was really overwritten
    assert result["versions"]["households"] == won["versions"]["households"]
    assert result["versions"]["notes"] > won["versions"]["notes"]
    assert _conflict_fields(province_server) == [(village_id, "notes")]


def test_only_the_name_part_both_devices_edited_is_a_conflict(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    person_id = new_id()
    made = first.push(first.change("people", person_id, {"full_name": "Lường Văn Đức"}, op="insert"))["results"][0]
    seen = made["versions"]
    assert set(seen) == {"full_name", "family_name", "middle_name", "given_name"}
    # Each laptop sends what changed on it: A the given name, B the family name (the server derives the parts).
    a_fields = {"full_name": "Lường Văn Minh", "given_name": "Minh"}
    a = first.push(first.change("people", person_id, a_fields, base={k: seen[k] for k in a_fields}))["results"][0]
    assert a["versions"]["family_name"] == seen["family_name"]  # unchanged: not re-stamped
    assert a["versions"]["given_name"] > seen["given_name"]
    b_fields = {"full_name": "Hoàng Văn Đức", "family_name": "Hoàng"}
    b = second.push(second.change("people", person_id, b_fields, base={k: seen[k] for k in b_fields}))["results"][0]
    assert b["conflicts"] == ["full_name"]
    assert _conflict_fields(province_server) == [(person_id, "full_name")]
    person = first.pull_all()[0]["fields"]
    assert (person["full_name"], person["family_name"], person["middle_name"], person["given_name"]) == (
        "Hoàng Văn Đức",
        "Hoàng",
        "Văn",
        "Đức",
    )


def test_the_stamps_of_a_record_are_never_a_conflict(province_server: ProvinceServer) -> None:
    first, second = enrolled(province_server, COMMUNE, "Máy 1"), enrolled(province_server, COMMUNE, "Máy 2")
    village_id = new_id()
    first.push(first.change("villages", village_id, {**village("Nà Phái"), "updated_at": "t1"}, op="insert"))
    late = second.push(second.change("villages", village_id, {"updated_at": "t2"}))["results"][0]
    assert late["status"] == "applied" and "conflicts" not in late
    assert first.pull_all()[0]["fields"]["updated_at"] == "t2"
    assert _conflict_fields(province_server) == []
