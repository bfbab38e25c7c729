"""The pure protocol: the per-field merge rule, body encoding with its size caps, and the digest."""

from __future__ import annotations

import gzip
import json

import pytest

from sync.protocol import (
    GZIP_THRESHOLD,
    MAX_BODY_BYTES,
    BodyError,
    BodyTooLarge,
    decode_body,
    digest,
    encode_body,
    merge_fields,
)


def test_a_field_whose_base_matches_is_written_without_conflict() -> None:
    values, versions, conflicts = merge_fields(
        {"name": "Nà Phái", "households": 120}, {"name": 3, "households": 3}, {"name": "Nà Phài"}, {"name": 3}, 7
    )
    assert values == {"name": "Nà Phài", "households": 120}
    assert versions == {"name": 7, "households": 3}
    assert conflicts == []


def test_a_new_field_or_record_is_written_without_conflict() -> None:
    values, versions, conflicts = merge_fields({}, {}, {"name": "Bản Mới", "kind": "ban"}, {}, 1)
    assert values == {"name": "Bản Mới", "kind": "ban"}
    assert versions == {"name": 1, "kind": 1}
    assert conflicts == []


def test_a_stale_base_still_wins_but_reports_the_conflict() -> None:
    # Device B edited households from version 3; device A's write (version 5) arrived first.
    values, versions, conflicts = merge_fields(
        {"name": "Nà Phái", "households": 130}, {"name": 3, "households": 5}, {"households": 125}, {"households": 3}, 9
    )
    assert values["households"] == 125
    assert versions["households"] == 9
    assert conflicts == ["households"]


def test_an_edit_based_on_nothing_over_an_existing_value_is_a_conflict() -> None:
    _, _, conflicts = merge_fields({"notes": "cũ"}, {"notes": 4}, {"notes": "mới"}, {}, 8)
    assert conflicts == ["notes"]


def test_reapplying_the_same_change_changes_nothing_and_reports_nothing() -> None:
    once = merge_fields({"notes": "cũ"}, {"notes": 4}, {"notes": "mới"}, {"notes": 2}, 8)
    twice = merge_fields(once[0], once[1], {"notes": "mới"}, {"notes": 2}, 8)
    assert twice[0] == once[0]
    assert twice[1] == once[1]
    assert twice[2] == []


def test_merge_is_deterministic_and_leaves_its_inputs_alone() -> None:
    current, versions = {"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 1, "c": 1}
    incoming, base = {"c": 30, "a": 10, "b": 20}, {"a": 0, "b": 1, "c": 0}
    first = merge_fields(current, versions, incoming, base, 5)
    second = merge_fields(dict(reversed(current.items())), versions, dict(reversed(incoming.items())), base, 5)
    assert first == second
    assert first[2] == ["a", "c"]  # sorted, whatever order the fields came in
    assert current == {"a": 1, "b": 2, "c": 3}
    assert versions == {"a": 1, "b": 1, "c": 1}


def test_a_value_equal_to_the_current_one_is_neither_written_nor_versioned_nor_a_conflict() -> None:
    # A stale base (2, current 4) over the same value: nothing is lost, so nothing is reported.
    current, versions = {"notes": "gần chợ", "households": 40}, {"notes": 4, "households": 3}
    values, new_versions, conflicts = merge_fields(
        current, versions, {"notes": "gần chợ", "households": 41}, {"notes": 2, "households": 3}, 9
    )
    assert values == {"notes": "gần chợ", "households": 41}
    assert new_versions == {"notes": 4, "households": 9}  # the unchanged field keeps its version for the sender
    assert conflicts == []


def test_two_devices_writing_the_same_new_value_is_not_a_conflict() -> None:
    # Both saw version 3; the first arrival wrote 125 at version 5; the second sends 125 too.
    first = merge_fields({"households": 120}, {"households": 3}, {"households": 125}, {"households": 3}, 5)
    second = merge_fields(first[0], first[1], {"households": 125}, {"households": 3}, 6)
    assert second == ({"households": 125}, {"households": 5}, [])


def test_the_same_record_created_twice_with_the_same_values_makes_no_conflict() -> None:
    # Two laptops made the default category with the same derived id and values, each based on nothing.
    category = {"code": "dvc", "name": "Dịch vụ công trực tuyến", "sort_order": 1}
    first = merge_fields({}, {}, category, {}, 11)
    second = merge_fields(first[0], first[1], {**category, "sort_order": 2}, {}, 12)
    assert second[0] == {**category, "sort_order": 2}
    assert second[1] == {"code": 11, "name": 11, "sort_order": 12}
    assert second[2] == ["sort_order"]  # the one value that differs was written over a version it never saw


def test_equal_means_the_same_json_value_not_python_equality() -> None:
    # 1, 1.0 and true are equal in Python but not on the wire (nor in the digest): they are writes.
    for incoming in (1.0, True):
        values, versions, conflicts = merge_fields({"x": 1}, {"x": 4}, {"x": incoming}, {"x": 4}, 8)
        assert values["x"] is incoming and versions["x"] == 8 and conflicts == []
    values, versions, _ = merge_fields({"x": {"a": 1, "b": [2]}}, {"x": 4}, {"x": {"b": [2], "a": 1}}, {}, 8)
    assert versions == {"x": 4}  # key order is not a difference


def test_an_equal_value_never_versioned_is_written_so_the_sender_gets_a_version() -> None:
    # "deleted" is 0 on every stored record before anyone deletes it, without a version of its own.
    values, versions, conflicts = merge_fields({"name": "Bản Mới", "deleted": 0}, {"name": 3}, {"deleted": 0}, {}, 6)
    assert values["deleted"] == 0
    assert versions == {"name": 3, "deleted": 6}
    assert conflicts == []


def test_a_missing_value_is_not_equal_to_null() -> None:
    values, versions, conflicts = merge_fields({"name": "A"}, {"name": 2, "notes": 2}, {"notes": None}, {}, 6)
    assert values["notes"] is None and versions["notes"] == 6 and conflicts == ["notes"]


def test_small_bodies_go_plain_and_large_ones_gzipped() -> None:
    small, small_headers = encode_body({"x": "Thôn"})
    assert "Content-Encoding" not in small_headers
    assert json.loads(small) == {"x": "Thôn"}
    payload = {"x": "Nguyễn Văn An " * GZIP_THRESHOLD}
    big, big_headers = encode_body(payload)
    assert big_headers["Content-Encoding"] == "gzip"
    assert decode_body(big, "gzip") == payload
    assert encode_body(payload)[0] == big  # same payload, same bytes: a resent batch is identical


def test_a_gzip_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip.compress(b"0" * (MAX_BODY_BYTES * 8))
    assert len(bomb) < MAX_BODY_BYTES // 50
    with pytest.raises(BodyTooLarge):
        decode_body(bomb, "gzip")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"{not json", None),
        (b"\xff\xfe", None),
        (b"not gzip at all", "gzip"),
        (b"{}", "br"),
        # Python's parser takes these, but they could never be sent back or stored as JSON:
        (b'{"x": NaN}', None),
        (b"[-Infinity]", None),
        (b"[" * 100_000 + b"]" * 100_000, None),  # deeper than the parser's stack
        (b"1" * 5000, None),  # an integer past Python's 4,300-digit conversion limit
    ],
)
def test_unreadable_bodies_raise_body_error(data: bytes, encoding: str | None) -> None:
    with pytest.raises(BodyError):
        decode_body(data, encoding)


def test_a_plain_body_over_the_cap_is_too_large() -> None:
    with pytest.raises(BodyTooLarge):
        decode_body(b" " * (MAX_BODY_BYTES + 1))


def test_digest_ignores_order_and_key_order_but_sees_every_value() -> None:
    rows = [("b", 0, {"name": "Bản B", "kind": "ban"}), ("a", 1, {"name": "Thôn A"})]
    same = [("a", 1, {"name": "Thôn A"}), ("b", 0, {"kind": "ban", "name": "Bản B"})]
    assert digest(rows) == digest(same)
    assert digest(rows) != digest([("a", 0, {"name": "Thôn A"}), rows[0]])
    assert digest(rows) != digest([("a", 1, {"name": "Thôn Á"}), rows[0]])
    assert len(digest([])) == 64
