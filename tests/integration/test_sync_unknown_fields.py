"""Fields a newer app wrote are kept on the laptop (contract point 10): digests agree, nothing is dropped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import requests

from desktop.cli import main
from desktop.store import Store, sync_engine
from desktop.store.sync_apply import local_digests
from sync.ids import new_id, utc_now
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

pytestmark = pytest.mark.both_backends
COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn
# What a newer app might add to a village: a number and a nested value this version has no field for.
NEWER_FIELDS = {"poor_households": 14, "map_point": {"lat": 22.25, "lon": 106.47, "ghi_chu": "đầu bản"}}


class NewerApp:
    """A newer app version's device, speaking the wire protocol with a raw HTTP client."""

    def __init__(self, server: ProvinceServer) -> None:
        self.url = server.url
        self.session = requests.Session()
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        answer = self.post(
            "/v1/enroll", {"code": server.enroll(COMMUNE), "device_name": "bản mới", "app_version": "9.0"}
        )
        self.device_id = answer["device_id"]
        self.session.headers["Authorization"] = f"Bearer {answer['token']}"
        self.seq = 0

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.session.post(self.url + path, json=body, timeout=10)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def insert_village(self, fields: dict[str, Any]) -> str:
        record_id = new_id()
        self.seq += 1
        change = {
            "change_id": f"{self.device_id}:{self.seq}",
            "record_type": "villages",
            "record_id": record_id,
            "commune_code": COMMUNE,
            "op": "insert",
            "fields": fields,
            "base_versions": {},
            "changed_at": utc_now(),
            "author": "cán bộ xã",
        }
        answer = self.post("/v1/push", {"batch_id": new_id(), "changes": [change]})
        assert answer["results"][0]["status"] == "applied", answer
        return record_id


@pytest.fixture
def laptop(province_server: ProvinceServer, tmp_path: Path) -> Path:
    folder = tmp_path / "may"
    assert (
        main(
            [
                "enroll",
                "--server",
                province_server.url,
                "--code",
                province_server.enroll(COMMUNE),
                "--data-dir",
                str(folder),
            ]
        )
        == 0
    )
    return folder


def server_fields(server: ProvinceServer, record_id: str) -> dict[str, Any]:
    [(text,)] = server.query("SELECT fields FROM records WHERE record_id = :record_id", record_id=record_id)
    fields: dict[str, Any] = json.loads(text)
    return fields


def test_unknown_fields_are_kept_digested_and_never_dropped(province_server: ProvinceServer, laptop: Path) -> None:
    newer = NewerApp(province_server)
    record_id = newer.insert_village({"name": "Nà Phái", "kind": "thon", "households": 120, **NEWER_FIELDS})

    with Store.open(laptop, automatic_backup=False) as store:
        summary = sync_engine.sync(store, laptop)
        assert (summary.mismatched, summary.repaired) == ((), ())  # the digest counts the unknown fields too
        kept = dict(store.db.execute("SELECT field, value FROM sync_extra WHERE record_id = ?", [record_id]).fetchall())
        assert {name: json.loads(value) for name, value in kept.items()} == NEWER_FIELDS
        village = store.require("villages", record_id)
        assert "poor_households" not in village and village["households"] == 120  # never shown

        store.update("villages", record_id, {"notes": "gần chợ"})
        assert [c["fields"] for c in next(sync_engine.pending_batches(store))] == [{"notes": "gần chợ"}]
        summary = sync_engine.sync(store, laptop)
        assert (summary.applied, summary.mismatched) == (1, ())

    fields = server_fields(province_server, record_id)
    assert fields["notes"] == "gần chợ"
    assert {name: fields[name] for name in NEWER_FIELDS} == NEWER_FIELDS  # the laptop's edit dropped nothing


def test_a_later_change_of_an_unknown_field_reaches_the_laptop(province_server: ProvinceServer, laptop: Path) -> None:
    newer = NewerApp(province_server)
    record_id = newer.insert_village({"name": "Bản Chang", "kind": "ban", "poor_households": 3})
    with Store.open(laptop, automatic_backup=False) as store:
        sync_engine.sync(store, laptop)
        newer.seq += 1
        change = {
            "change_id": f"{newer.device_id}:{newer.seq}",
            "record_type": "villages",
            "record_id": record_id,
            "commune_code": COMMUNE,
            "op": "update",
            "fields": {"poor_households": 2},
            "base_versions": dict(
                store.db.execute(
                    "SELECT field, version FROM sync_versions WHERE record_id = ? AND field = 'poor_households'",
                    [record_id],
                ).fetchall()
            ),
            "changed_at": utc_now(),
            "author": "cán bộ xã",
        }
        newer.post("/v1/push", {"batch_id": new_id(), "changes": [change]})
        before = local_digests(store)["villages"]
        summary = sync_engine.sync(store, laptop)
        assert (summary.pulled, summary.mismatched) == (1, ())
        assert local_digests(store)["villages"] != before
        [(value,)] = store.db.execute(
            "SELECT value FROM sync_extra WHERE record_id = ? AND field = 'poor_households'", [record_id]
        ).fetchall()
        assert json.loads(value) == 2
