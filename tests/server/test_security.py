"""The server refuses what it must, with the Vietnamese message a person reads, over real HTTP.

Tokens (revoked, altered), protocol headers that only look like numbers, enrollment codes (expired, spent,
raced, for a commune the server lacks), the commune boundary, and hostile bodies: the size cap to the byte,
gzip bombs, bad UTF-8, lone surrogates, JSON that is not an object, nesting past the parser's stack, numbers
past float range, unknown encodings.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from sync.ids import new_id
from sync.protocol import BAD_CODE_MESSAGE, MAX_BODY_BYTES, PROTOCOL_HEADER, UPDATE_REQUIRED_MESSAGE
from sync.server import admin
from sync.server.db import make_engine
from sync.server.openapi_shapes import MAX_SEQ
from tests.server.harness import ProvinceServer
from tests.server.wire import TIMEOUT, Api, as_json, enrolled, village

pytestmark = pytest.mark.both_backends  # PostgreSQL refuses what SQLite stores (a NUL in text, say)

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
OTHER_COMMUNE = "05977"  # phường Đông Kinh, same province
NOT_ADDED_COMMUNE = "06016"  # xã Quốc Khánh, also Lạng Sơn, never added to the server

UNAUTHORIZED = {
    "error": "unauthorized",
    "message": "Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại với mã mới.",
}
TOO_LARGE = {"error": "too_large", "message": "Dữ liệu gửi lên quá lớn (tối đa 2 MB mỗi lần)."}
MALFORMED = {"error": "malformed", "message": "Dữ liệu gửi lên không đọc được."}
INVALID = {"error": "invalid_request", "message": "Yêu cầu không hợp lệ."}
WRONG_COMMUNE = {"error": "wrong_commune", "message": "Thiết bị chỉ được gửi dữ liệu của xã mình."}
BAD_CODE = {"error": "bad_code", "message": BAD_CODE_MESSAGE}
JSON_HEADERS = {"Content-Type": "application/json"}
EMPTY_PUSH = b'{"batch_id":"b","changes":[]}'


def _refused(response: requests.Response, status: int, body: dict[str, str]) -> None:
    assert response.status_code == status, response.text
    assert as_json(response) == body


def _post_raw(api: Api, path: str, data: bytes | Iterator[bytes], headers: dict[str, str] | None = None) -> Any:
    """POST bytes as they are (an iterator is sent chunked, with no Content-Length)."""
    sent = {PROTOCOL_HEADER: "1", **JSON_HEADERS, **(headers or {})}
    if api.token:
        sent["Authorization"] = f"Bearer {api.token}"
    return requests.post(api.url + path, data=data, headers=sent, timeout=TIMEOUT)


def _padded(size: int) -> bytes:
    """An empty push of exactly `size` bytes: JSON allows any amount of trailing whitespace."""
    return EMPTY_PUSH + b" " * (size - len(EMPTY_PUSH))


def _expired_code(server: ProvinceServer, commune: str, ago: timedelta) -> str:
    engine = make_engine(server.database_url)
    try:
        code, _ = admin.create_enrollment_code(engine, commune, days=1, now=datetime.now(UTC) - timedelta(days=1) - ago)
    finally:
        engine.dispose()
    return code


def _enroll_body(code: str) -> dict[str, str]:
    return {"code": code, "device_name": "Máy xã", "app_version": "0.1.0"}


# Tokens


def test_a_revoked_device_is_refused_everywhere_and_its_neighbour_is_not(province_server: ProvinceServer) -> None:
    revoked, neighbour = enrolled(province_server, COMMUNE), enrolled(province_server, COMMUNE, "Máy thứ hai")
    province_server.revoke(revoked.device_id)
    _refused(revoked.call("POST", "/v1/push", {"batch_id": new_id(), "changes": []}), 401, UNAUTHORIZED)
    for path in ("/v1/pull", "/v1/conflicts", "/v1/summary"):
        _refused(revoked.call("GET", path), 401, UNAUTHORIZED)
    assert neighbour.call("GET", "/v1/pull").status_code == 200


def test_a_token_must_match_exactly(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    token = api.token or ""
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (altered, token + "x", token[:-1], token.swapcase(), "Bearer " + token):
        _refused(Api(api.url, wrong).call("GET", "/v1/pull"), 401, UNAUTHORIZED)


@pytest.mark.parametrize(
    "version", ["²", "¹", "1" * 5000, "-1", "1.0", "0x1"], ids=["²", "¹", "5000-digits", "-1", "1.0", "hex"]
)
def test_a_protocol_header_that_only_looks_like_a_number_is_told_to_update(
    province_server: ProvinceServer, version: str
) -> None:
    api = enrolled(province_server, COMMUNE)
    headers = {PROTOCOL_HEADER: version, "Authorization": f"Bearer {api.token}"}
    response = requests.get(f"{api.url}/v1/pull", headers=headers, timeout=TIMEOUT)
    _refused(response, 426, {"error": "update_required", "message": UPDATE_REQUIRED_MESSAGE})


# Enrollment codes


def test_a_code_expired_a_second_ago_is_refused_and_one_about_to_expire_works(
    province_server: ProvinceServer,
) -> None:
    province_server.enroll(COMMUNE)  # the province and the commune
    expired = _expired_code(province_server, COMMUNE, timedelta(seconds=1))
    _refused(Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(expired)), 403, BAD_CODE)
    nearly = _expired_code(province_server, COMMUNE, -timedelta(minutes=1))  # expires a minute from now
    assert Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(nearly)).status_code == 200


def test_a_spent_code_stays_spent_even_after_its_device_is_revoked(province_server: ProvinceServer) -> None:
    code = province_server.enroll(COMMUNE)
    first = Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(code))
    assert first.status_code == 200
    province_server.revoke(first.json()["device_id"])
    _refused(Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(code)), 403, BAD_CODE)


def test_one_code_raced_by_several_laptops_enrolls_exactly_one(province_server: ProvinceServer) -> None:
    code = province_server.enroll(COMMUNE)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(
            pool.map(lambda _: Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(code)), range(4))
        )
    assert sorted(answer.status_code for answer in answers) == [200, 403, 403, 403]
    for answer in answers:
        if answer.status_code == 403:
            assert as_json(answer) == BAD_CODE
    assert len([device for device in _devices(province_server) if not device.revoked]) == 1


def _devices(server: ProvinceServer) -> list[admin.DeviceInfo]:
    engine = make_engine(server.database_url)
    try:
        return admin.list_devices(engine)
    finally:
        engine.dispose()


def test_no_code_is_made_for_a_commune_the_server_does_not_serve(province_server: ProvinceServer) -> None:
    province_server.enroll(COMMUNE)
    engine = make_engine(province_server.database_url)
    try:
        for unserved in (NOT_ADDED_COMMUNE, "99999"):
            with pytest.raises(admin.AdminError, match=f"Xã mã {unserved} chưa được thêm vào máy chủ"):
                admin.create_enrollment_code(engine, unserved, now=datetime.now(UTC))
        with pytest.raises(admin.AdminError, match="Mã xã không hợp lệ: abc"):
            admin.create_enrollment_code(engine, "abc", now=datetime.now(UTC))
    finally:
        engine.dispose()


def test_the_commune_comes_from_the_code_never_from_the_request(province_server: ProvinceServer) -> None:
    province_server.enroll(OTHER_COMMUNE)
    body = {**_enroll_body(province_server.enroll(COMMUNE)), "commune_code": OTHER_COMMUNE}
    response = Api(province_server.url).call("POST", "/v1/enroll", body)
    assert response.status_code == 200
    assert response.json()["commune_code"] == COMMUNE


@pytest.mark.parametrize("code", [12345, None, ["ABCD-EFGH-JKMN"], {"code": "x"}])
def test_a_code_that_is_not_text_is_422(province_server: ProvinceServer, code: object) -> None:
    _refused(Api(province_server.url).call("POST", "/v1/enroll", {"code": code}), 422, INVALID)


@pytest.mark.parametrize(
    "body",
    [
        {"device_name": "Máy\x00xã"},
        {"app_version": "0.1\x00"},
        {"code": "ABCD-EFGH-JKMN\x00"},
        {"device_name": "x" * 201},
        {"app_version": "1" * 201},
    ],
    ids=["nul-name", "nul-version", "nul-code", "long-name", "long-version"],
)
def test_enrollment_text_with_a_nul_or_too_long_is_422_and_spends_nothing(
    province_server: ProvinceServer, body: dict[str, str]
) -> None:
    code = province_server.enroll(COMMUNE)
    message = "Mã đăng ký, tên máy hoặc phiên bản không hợp lệ (tối đa 200 ký tự)."
    refused = Api(province_server.url).call("POST", "/v1/enroll", {**_enroll_body(code), **body})
    _refused(refused, 422, {"error": "invalid_request", "message": message})
    assert Api(province_server.url).call("POST", "/v1/enroll", _enroll_body(code)).status_code == 200


# The commune boundary


def test_a_change_without_or_with_another_commune_refuses_the_request(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    province_server.enroll(OTHER_COMMUNE)
    theirs = api.change("villages", new_id(), village("Tổ 1"), op="insert", commune_code=OTHER_COMMUNE)
    unnamed = api.change("villages", new_id(), village("Tổ 2"), op="insert")
    del unnamed["commune_code"]
    for change in (theirs, unnamed):
        _refused(api.call("POST", "/v1/push", {"batch_id": new_id(), "changes": [change]}), 403, WRONG_COMMUNE)
    assert api.pull_all() == []


def test_a_change_whose_fields_name_another_commune_is_rejected(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    fields = {**village("Nà Phái"), "commune_code": OTHER_COMMUNE}
    result = api.push(api.change("villages", new_id(), fields, op="insert"))["results"][0]
    assert result["status"] == "rejected"
    assert result["reason"] == "Trường commune_code không khớp với bản ghi."
    assert api.pull_all() == []


def test_another_commune_cannot_reach_a_record_through_its_id(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE), enrolled(province_server, OTHER_COMMUNE)
    record_id = new_id()
    ours.push(ours.change("villages", record_id, village("Nà Phái", 120), op="insert"))
    edit = theirs.push(theirs.change("villages", record_id, {"name": "Bị Sửa", "households": 1}))
    delete = theirs.push(theirs.change("villages", record_id, {"deleted": 1}, op="delete"))
    # Their commune has no such record: an edit or delete of it is refused, never applied to ours.
    assert [r["status"] for r in edit["results"] + delete["results"]] == ["rejected", "rejected"]
    [mine] = ours.pull_all()
    assert (mine["fields"]["name"], mine["fields"]["households"], mine["deleted"]) == ("Nà Phái", 120, 0)
    assert theirs.pull_all() == []


def test_summary_and_conflicts_count_only_the_own_commune(province_server: ProvinceServer) -> None:
    ours, theirs = enrolled(province_server, COMMUNE), enrolled(province_server, OTHER_COMMUNE)
    record_id = new_id()
    ours.push(ours.change("villages", record_id, village("Nà Phái"), op="insert"))
    ours.push(
        ours.change("villages", record_id, {"households": 5}), ours.change("villages", record_id, {"households": 6})
    )
    assert ours.call("GET", "/v1/conflicts").json()["conflicts"] != []  # the second edit overwrote the first
    assert ours.call("GET", "/v1/summary").json()["counts"]["villages"] == 1
    assert theirs.call("GET", "/v1/summary").json()["counts"]["villages"] == 0
    assert theirs.call("GET", "/v1/conflicts").json()["conflicts"] == []


# Body size


def test_a_body_of_exactly_the_cap_is_read_and_one_byte_more_is_413(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    assert _post_raw(api, "/v1/push", _padded(MAX_BODY_BYTES)).json() == {"results": []}
    _refused(_post_raw(api, "/v1/push", _padded(MAX_BODY_BYTES + 1)), 413, TOO_LARGE)


def test_a_chunked_body_without_a_length_is_counted_as_it_arrives(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)

    def chunks(size: int) -> Iterator[bytes]:
        body = _padded(size)
        yield from (body[start : start + 65536] for start in range(0, len(body), 65536))

    assert _post_raw(api, "/v1/push", chunks(MAX_BODY_BYTES)).json() == {"results": []}
    _refused(_post_raw(api, "/v1/push", chunks(MAX_BODY_BYTES + 1)), 413, TOO_LARGE)


def test_a_gzipped_body_is_capped_once_inflated(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    gzipped = {"Content-Encoding": "gzip"}
    assert _post_raw(api, "/v1/push", gzip.compress(_padded(MAX_BODY_BYTES)), gzipped).json() == {"results": []}
    _refused(_post_raw(api, "/v1/push", gzip.compress(_padded(MAX_BODY_BYTES + 1)), gzipped), 413, TOO_LARGE)


def test_a_gzip_bomb_is_413_wherever_a_body_is_read(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    bomb = gzip.compress(b"[" + b" " * (100 * 1024 * 1024) + b"]", compresslevel=9)  # 100 MB in ~100 kB
    for path in ("/v1/push", "/v1/enroll"):
        _refused(_post_raw(api, path, bomb, {"Content-Encoding": "gzip"}), 413, TOO_LARGE)
    assert api.call("GET", "/v1/pull").status_code == 200


# Malformed bodies


@pytest.mark.parametrize(
    "data",
    [
        b'{"batch_id":"b","changes":[],"x":"\xff"}',  # a byte that is never UTF-8
        b'{"batch_id":"\xc0\xaf","changes":[]}',  # an overlong encoding of "/"
        b'{"batch_id":"\xed\xa0\x80","changes":[]}',  # a surrogate encoded as UTF-8
        '{"changes":[]}'.encode("utf-16"),  # UTF-16 with its byte-order mark
        b"",  # nothing at all
    ],
    ids=["ff", "overlong", "utf8-surrogate", "utf16", "empty"],
)
def test_bytes_that_are_not_utf8_json_are_400(province_server: ProvinceServer, data: bytes) -> None:
    api = enrolled(province_server, COMMUNE)
    _refused(_post_raw(api, "/v1/push", data), 400, MALFORMED)


@pytest.mark.parametrize("where", ["field", "change_id", "author", "record_type", "key"])
def test_a_lone_surrogate_escape_is_400_and_stores_nothing(province_server: ProvinceServer, where: str) -> None:
    api = enrolled(province_server, COMMUNE)
    change = api.change("villages", new_id(), {**village("Nà Phái"), "notes": "MARK"}, op="insert")
    text = json.dumps({"batch_id": "b", "changes": [change]})
    marked = {
        "field": text.replace('"MARK"', '"\\ud800"'),
        "change_id": text.replace('"change_id": "', '"change_id": "\\udfff'),
        "author": text.replace('"author": "', '"author": "\\ud800'),
        "record_type": text.replace('"record_type": "villages"', '"record_type": "\\udbff"'),
        "key": text.replace('"notes"', '"\\ud800"'),
    }[where]
    _refused(_post_raw(api, "/v1/push", marked.encode()), 400, MALFORMED)
    assert api.pull_all() == []


def test_a_surrogate_pair_escape_is_a_real_character(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    change = api.change("villages", new_id(), {**village("Nà Phái"), "notes": "MARK"}, op="insert")
    text = json.dumps({"batch_id": "b", "changes": [change]}).replace('"MARK"', '"\\ud83c\\udf3e"')  # 🌾
    assert _post_raw(api, "/v1/push", text.encode()).json()["results"][0]["status"] == "applied"
    assert api.pull_all()[0]["fields"]["notes"] == "🌾"


@pytest.mark.parametrize("data", [b"[]", b"42", b'"changes"', b"null", b"true", b'{"change":[]}'])
def test_json_that_is_not_the_expected_object_is_422(province_server: ProvinceServer, data: bytes) -> None:
    api = enrolled(province_server, COMMUNE)
    missing_changes = {"error": "invalid_request", "message": "Yêu cầu thiếu trường: changes."}
    _refused(_post_raw(api, "/v1/push", data), 422, missing_changes)
    _refused(
        _post_raw(Api(api.url), "/v1/enroll", data), 422, {**missing_changes, "message": "Yêu cầu thiếu trường: code."}
    )


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_nesting_past_the_parser_stack_is_400(province_server: ProvinceServer, depth: int) -> None:
    api = enrolled(province_server, COMMUNE)
    deep = b'{"changes":' + b"[" * depth + b"]" * depth + b"}"
    _refused(_post_raw(api, "/v1/push", deep), 400, MALFORMED)
    _refused(_post_raw(Api(api.url), "/v1/enroll", b"{" + b'"a":{' * depth + b"}" * depth + b"}"), 400, MALFORMED)
    assert api.call("GET", "/v1/pull").status_code == 200


def test_nesting_the_parser_reads_is_refused_per_change(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    change = api.change("villages", new_id(), {**village("Nà Phái"), "extra_map": "MARK"}, op="insert")
    text = json.dumps({"batch_id": "b", "changes": [change]}).replace('"MARK"', "[" * 500 + "]" * 500)
    result = _post_raw(api, "/v1/push", text.encode()).json()["results"][0]
    assert result["status"] == "rejected"
    assert "sâu" in result["reason"]  # "… lồng nhau quá sâu …"
    assert api.pull_all() == []


@pytest.mark.parametrize(
    "number",
    ["1e400", "-1e400", "9" * 5000, "NaN", "Infinity", "-Infinity"],
    ids=["1e400", "-1e400", "5000-digits", "nan", "inf", "-inf"],
)
def test_numbers_no_store_can_keep_are_400(province_server: ProvinceServer, number: str) -> None:
    api = enrolled(province_server, COMMUNE)
    change = api.change("villages", new_id(), {**village("Nà Phái"), "households": "MARK"}, op="insert")
    text = json.dumps({"batch_id": "b", "changes": [change]}).replace('"MARK"', number)
    _refused(_post_raw(api, "/v1/push", text.encode()), 400, MALFORMED)
    assert api.pull_all() == []


def test_a_json_field_sent_as_text_is_held_to_the_same_rules(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    decision = {"number": 1, "year": 2025, "kind": "founding", "status": "draft"}
    bad = ["[1e400]", '{"a": NaN}', '["\\ud800"]']
    results = api.push(
        *(api.change("decisions", new_id(), {**decision, "snapshot": text}, op="insert") for text in bad)
    )["results"]
    assert [result["status"] for result in results] == ["rejected"] * len(bad)
    assert {result["reason"] for result in results} == {"Có giá trị không hợp lệ trong thay đổi này."}
    assert api.call("GET", "/v1/pull").json()["records"] == []  # and the commune can still pull


def test_large_but_representable_numbers_are_kept_exactly(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    record_id = new_id()
    big = 10**40
    change = api.change("villages", record_id, village("Nà Phái", big), op="insert", base={"name": big})
    assert api.push(change)["results"][0]["status"] == "applied"
    assert api.pull_all()[0]["fields"]["households"] == big


@pytest.mark.parametrize(
    ("query", "status"),
    [(f"cursor={MAX_SEQ}", 200), (f"cursor={MAX_SEQ + 1}", 422), (f"cursor={10**40}", 422)],
)
def test_a_cursor_past_what_the_database_counts_is_422(
    province_server: ProvinceServer, query: str, status: int
) -> None:
    api = enrolled(province_server, COMMUNE)
    for path in ("/v1/pull", "/v1/conflicts"):
        response = api.call("GET", f"{path}?{query.replace('cursor', 'since') if 'conflicts' in path else query}")
        if status == 200:
            assert response.status_code == 200, response.text
        else:
            _refused(response, 422, INVALID)


@pytest.mark.parametrize("encoding", ["br", "deflate", "compress", "gzip, br", "zstd", "identity, gzip"])
def test_an_unknown_content_encoding_is_400(province_server: ProvinceServer, encoding: str) -> None:
    api = enrolled(province_server, COMMUNE)
    _refused(_post_raw(api, "/v1/push", EMPTY_PUSH, {"Content-Encoding": encoding}), 400, MALFORMED)


def test_gzip_named_but_not_sent_or_cut_short_is_400(province_server: ProvinceServer) -> None:
    api = enrolled(province_server, COMMUNE)
    whole = gzip.compress(EMPTY_PUSH)
    for data in (EMPTY_PUSH, whole[: len(whole) // 2], whole[:10]):
        _refused(_post_raw(api, "/v1/push", data, {"Content-Encoding": "gzip"}), 400, MALFORMED)
