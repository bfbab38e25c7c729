"""Concurrent pushes to one commune while a laptop pulls with its cursor: the puller ends with every change.

On PostgreSQL two pushes could commit their seqs out of order (11 before 10) and a puller past 11 would never
see 10; the per-commune write lock (db.lock_commune) taken by every push rules that out. Runs on both backends.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from sync.ids import new_id
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, enrolled, village

pytestmark = pytest.mark.both_backends

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
PUSHERS = 8
BATCHES = 12  # per pusher
NEW_PER_BATCH = 3  # new villages per batch, plus one edit of the shared village
PAGE = 5  # small pages: the puller is always somewhere in the middle of the pushes


def _push_batches(api: Api, shared_id: str, errors: list[BaseException]) -> None:
    try:
        for batch in range(BATCHES):
            changes = [
                api.change("villages", new_id(), village(f"{api.device_id[:6]} {batch}-{n}"), op="insert")
                for n in range(NEW_PER_BATCH)
            ]
            changes.append(api.change("villages", shared_id, {"notes": f"{api.device_id} {batch}"}))
            results = api.push(*changes)["results"]
            assert [result["status"] for result in results] == ["applied"] * len(changes), results
    except BaseException as error:  # reported by the main thread
        errors.append(error)


def _pull_until_done(
    api: Api, done: threading.Event, seen: dict[str, dict[str, Any]], errors: list[BaseException]
) -> None:
    """Follow the cursor page by page, like a laptop syncing over and over, until the pushes are over."""
    try:
        cursor = 0
        for _round in range(100_000):
            finished = done.is_set()  # read before the pull: every push has committed before it
            response = api.call("GET", f"/v1/pull?cursor={cursor}&limit={PAGE}")
            assert response.status_code == 200, response.text
            body = response.json()
            seqs = [record["seq"] for record in body["records"]]
            assert seqs == sorted(seqs) and all(seq > cursor for seq in seqs), (cursor, seqs)
            for record in body["records"]:
                seen[record["record_id"]] = record["fields"]
            cursor = body["cursor"]
            if finished and not body["more"]:
                return
        raise AssertionError("the puller never caught up")
    except BaseException as error:  # reported by the main thread
        errors.append(error)


def test_a_puller_following_the_cursor_during_concurrent_pushes_ends_with_every_change(
    province_server: ProvinceServer,
) -> None:
    pushers = [enrolled(province_server, COMMUNE, f"Máy {n}") for n in range(PUSHERS)]
    puller = enrolled(province_server, COMMUNE, "Máy đọc")
    shared_id = new_id()
    pushers[0].push(pushers[0].change("villages", shared_id, village("Nà Phái", 80), op="insert"))
    errors: list[BaseException] = []
    seen: dict[str, dict[str, Any]] = {}
    done = threading.Event()

    reader = threading.Thread(target=_pull_until_done, args=(puller, done, seen, errors))
    writers = [threading.Thread(target=_push_batches, args=(api, shared_id, errors)) for api in pushers]
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=300)
    done.set()
    reader.join(timeout=300)

    assert errors == []
    assert not reader.is_alive()
    everything = {record["record_id"]: record["fields"] for record in puller.pull_all()}
    assert len(everything) == 1 + PUSHERS * BATCHES * NEW_PER_BATCH
    # Nothing missed, and the shared village's newest notes reached the puller too.
    assert seen == everything
