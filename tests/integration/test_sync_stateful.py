"""Random offline work and syncs (some through faults) on four laptops of two communes converge on the server."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

from desktop.store import Store, sync_engine
from desktop.store import settings as store_settings
from desktop.store.sync_engine import read_token
from sync.client import SyncClient
from sync.records import RECORD_TYPES
from sync.server.db import DATABASE_FILE
from sync.text import split_name
from sync.units import find_commune, province_communes
from tests.integration.fault_proxy import FaultProxy, fault_proxy
from tests.integration.test_sync_faults import FAILED_SYNC, FAULTS, integrity
from tests.integration.test_sync_roundtrip import COMMUNE, enroll, snapshot, sync

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

# TOSO_STATEFUL_EXAMPLES=30 runs that many random examples (at most 32: each takes two of the province's 65
# communes) while working on sync; without it, the same 15 every time, quick enough for CI.
EXTRA_EXAMPLES = int(os.environ.get("TOSO_STATEFUL_EXAMPLES") or 0)
LAPTOPS = ("a1", "a2", "a3", "b1")  # three laptops of one commune, one of another
ATTEMPTS = 2
EDITS = {
    "villages": {"households": st.integers(0, 500), "notes": st.sampled_from(["gần chợ", "xa trung tâm", "vùng cao"])},
    "people": {
        "position": st.sampled_from(["Trưởng thôn", "Bí thư chi bộ", "Đoàn viên"]),
        "birth_year": st.integers(1950, 2005),
        # Renaming makes the server derive the name parts again: only the parts that really change are writes.
        "full_name": st.sampled_from(["Lường Văn Minh", "Hoàng Văn Đức", "Lường Thị Đức", "Nông Minh Quân"]),
    },
}
NAMES = ("Lường Văn Đức", "Hoàng Thị Mai", "Nông Minh Quân", "Vi Thu Hà")
NAME_PARTS = ("family_name", "middle_name", "given_name")

Key = tuple[str, str, str]  # record type, record id, field


@dataclass
class Edit:
    """One pending change as the laptop logged it, and the versions the server gave it if it was applied."""

    record_type: str
    record_id: str
    values: dict[str, Any]  # the new value of every field the change carries
    applied: dict[str, int] | None = None  # applied on the server, acknowledgement lost

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the fields the change carries."""
        return tuple(sorted(self.values))


def _same(first: Any, second: Any) -> bool:
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


@dataclass
class Model:
    """What the server must hold: field values and versions per commune, expected conflicts, what each laptop saw."""

    version: dict[str, dict[Key, int]] = field(default_factory=dict)
    value: dict[str, dict[Key, Any]] = field(default_factory=dict)
    conflicts: dict[str, int] = field(default_factory=dict)
    seen: dict[str, dict[Key, int]] = field(default_factory=dict)
    pending: dict[str, list[Edit]] = field(default_factory=dict)
    counter: int = 0

    def apply(self, commune: str, laptop: str, edit: Edit) -> dict[str, int]:
        """The server applying one change; returns the version each field it carries (or derives) now has.

        A value equal to the current one is no write (nothing is lost); any other write over a version this
        laptop had not seen is a conflict, except for a name part the server derived from a new full name.
        """
        self.counter += 1
        versions, values = self.version.setdefault(commune, {}), self.value.setdefault(commune, {})
        incoming = dict(edit.values)
        derived: set[str] = set()
        if edit.record_type == "people" and incoming.get("full_name"):
            parts = dict(zip(NAME_PARTS, split_name(incoming["full_name"]), strict=True))
            derived = {name for name in parts if name not in incoming}
            incoming.update(parts)
        result: dict[str, int] = {}
        for name, new in incoming.items():
            key = (edit.record_type, edit.record_id, name)
            if key in values and _same(values[key], new):
                result[name] = versions[key]
                continue
            if name not in derived and versions.get(key, 0) not in (0, self.seen[laptop].get(key, 0)):
                self.conflicts[commune] = self.conflicts.get(commune, 0) + 1
            versions[key], values[key] = self.counter, new
            result[name] = self.counter
        return result


def first_batch(edits: list[Edit]) -> list[Edit]:
    """The outbox's first batch: it ends before a field is edited a second time (the sync contract)."""
    batch: list[Edit] = []
    touched: set[Key] = set()
    for edit in edits:
        keys = {(edit.record_type, edit.record_id, name) for name in edit.fields}
        if keys & touched:
            break
        batch.append(edit)
        touched |= keys
    return batch


@dataclass
class World:
    """What lives for the whole test function: one server, one proxy, fresh communes for each example."""

    server: ProvinceServer
    proxy: FaultProxy
    folder: Path
    communes: Iterator[str]
    examples: Iterator[int] = field(default_factory=itertools.count)


_world: World | None = None  # set by the test function: hypothesis builds the machine afresh for every example


def _server_count(server: ProvinceServer, sql: str, *args: Any) -> int:
    path = server.data_dir / DATABASE_FILE
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return int(conn.execute(sql, args).fetchone()[0])


class LaptopsAndServer(RuleBasedStateMachine):
    """Laptops of two communes working offline, syncing in any order, sometimes over a faulty link."""

    def __init__(self) -> None:
        super().__init__()
        assert _world is not None
        self.world = _world
        example = next(self.world.examples)
        self.commune = {group: next(self.world.communes, "") for group in ("a", "b")}
        assert all(self.commune.values()), "the province has no fresh commune left for this example"
        self.folders = {name: self.world.folder / f"vd{example}-{name}" for name in LAPTOPS}
        self.stores: dict[str, Store] = {}
        self.model = Model()
        self.names = itertools.count(1)
        for group in ("a", "b"):
            first = True
            for name in (n for n in LAPTOPS if n[0] == group):
                # The first laptop's default categories reach the server before the others enrol.
                code = self.world.server.enroll(self.commune[group])
                assert _enroll(self.world.proxy, self.folders[name], code) == 0
                self.stores[name] = Store.open(self.folders[name], automatic_backup=False)
                self.model.seen[name], self.model.pending[name] = {}, []
                self._note_pending(name)
                if first:
                    self._sync(name, None)
                first = False

    def teardown(self) -> None:
        """Sync until quiet, then every laptop equals the server, conflicts are as expected, scopes are kept."""
        complete = len(self.stores) == len(LAPTOPS)
        try:
            if complete:
                self.world.proxy.clear()
                for _round in range(2):
                    for name in LAPTOPS:
                        self._sync(name, None)
        finally:
            for store in self.stores.values():
                store.close()
        if complete:
            self._check_converged()

    # ----- rules -----

    @initialize()
    def shared_records(self) -> None:
        """A few records every laptop of a commune has, so edits on two laptops can meet."""
        for laptop in ("a1", "b1"):
            for households in (40, 80):
                self.create_village(laptop, households)
            for full_name in NAMES[:2]:
                self.create_person(laptop, full_name)
        for laptop in LAPTOPS:
            self._sync(laptop, None)

    @rule(laptop=st.sampled_from(LAPTOPS), households=st.integers(0, 300))
    def create_village(self, laptop: str, households: int) -> None:
        name = f"Thôn Nà {next(self.names)}"
        self.stores[laptop].insert("villages", {"name": name, "kind": "thon", "households": households})
        self._note_pending(laptop)

    @rule(laptop=st.sampled_from(LAPTOPS), full_name=st.sampled_from(NAMES))
    def create_person(self, laptop: str, full_name: str) -> None:
        self.stores[laptop].insert("people", {"full_name": full_name})
        self._note_pending(laptop)

    @rule(laptop=st.sampled_from(LAPTOPS), data=st.data())
    def edit(self, laptop: str, data: st.DataObject) -> None:
        record_type, record_id = self._pick(laptop, data, deleted=0)
        if record_id is None:
            return
        name = data.draw(st.sampled_from(sorted(EDITS[record_type])))
        value = data.draw(EDITS[record_type][name])
        self.stores[laptop].update(record_type, record_id, {name: value})
        self._note_pending(laptop)

    @rule(laptop=st.sampled_from(LAPTOPS), data=st.data())
    def delete(self, laptop: str, data: st.DataObject) -> None:
        record_type, record_id = self._pick(laptop, data, deleted=0)
        if record_id is not None:
            self.stores[laptop].delete(record_type, record_id)
            self._note_pending(laptop)

    @rule(laptop=st.sampled_from(LAPTOPS), data=st.data())
    def restore(self, laptop: str, data: st.DataObject) -> None:
        record_type, record_id = self._pick(laptop, data, deleted=1)
        if record_id is not None:
            self.stores[laptop].restore(record_type, record_id)
            self._note_pending(laptop)

    @precondition(lambda self: len(self.stores) == len(LAPTOPS))
    @rule(laptop=st.sampled_from(LAPTOPS), fault=st.sampled_from([None, None, *FAULTS]))
    def sync(self, laptop: str, fault: str | None) -> None:
        self._sync(laptop, fault)

    # ----- the model's side -----

    def _pick(self, laptop: str, data: st.DataObject, deleted: int) -> tuple[str, str | None]:
        record_type = data.draw(st.sampled_from(sorted(EDITS)))
        ids = [
            row["id"]
            for row in self.stores[laptop].rows(
                record_type, "deleted = ?", [deleted], order_by="id", include_deleted=True
            )
        ]
        return record_type, (data.draw(st.sampled_from(ids)) if ids else None)

    def _note_pending(self, laptop: str) -> None:
        """Add the laptop's newly logged pending changes to the model, with the fields each one carries."""
        rows = (
            self.stores[laptop]
            .db.execute("SELECT record_type, record_id, fields FROM changes WHERE sync_state = 'pending' ORDER BY seq")
            .fetchall()
        )
        for record_type, record_id, fields_text in rows[len(self.model.pending[laptop]) :]:
            values = {name: pair[1] for name, pair in json.loads(fields_text).items()}
            self.model.pending[laptop].append(Edit(record_type, record_id, values))
        assert len(self.model.pending[laptop]) == len(rows)

    def _group(self, laptop: str) -> str:
        return self.commune[laptop[0]]

    def _sync(self, laptop: str, fault: str | None) -> None:
        store, folder, model = self.stores[laptop], self.folders[laptop], self.model
        commune = self._group(laptop)
        if fault is not None:
            self.world.proxy.inject(FAULTS[fault], connections=ATTEMPTS)
        url = store.get_meta(store_settings.SERVER_URL.key) or ""
        client = SyncClient(url, read_token(folder), attempts=ATTEMPTS, backoff_base=0.005, read_timeout=10)
        try:
            with client:
                summary = sync_engine.sync(store, folder, client=client)
        except FAILED_SYNC:
            assert fault is not None, "a sync without a fault failed"
            self.world.proxy.clear()  # a cut reply is not retried today (test_sync_faults.CUT_NOT_RETRIED)
            if fault != "drop_before":
                # The first batch reached the server (twice when retried: the stored answers), the replies did not.
                for edit in first_batch(model.pending[laptop]):
                    if edit.applied is None:
                        edit.applied = model.apply(commune, laptop, edit)
            return
        assert fault is None, f"a sync through {fault} on every attempt succeeded"
        assert summary.rejected == 0 and summary.mismatched == ()
        for edit in model.pending[laptop]:
            versions = edit.applied or model.apply(commune, laptop, edit)
            for name, version in versions.items():
                model.seen[laptop][(edit.record_type, edit.record_id, name)] = version
        model.pending[laptop] = []
        # The pull brought every record changed since: the laptop has now seen every current version.
        model.seen[laptop].update(model.version.get(commune, {}))

    def _check_converged(self) -> None:
        server = self.world.server
        for group in ("a", "b"):
            commune = self.commune[group]
            names = [n for n in LAPTOPS if n[0] == group]
            reference = self.folders[names[0]].with_name(self.folders[names[0]].name + "-moi")
            assert _enroll(self.world.proxy, reference, server.enroll(commune)) == 0
            expected = snapshot(reference)
            for name in names:
                assert integrity(self.folders[name]) == "ok"
                assert snapshot(self.folders[name]) == expected, f"{name} differs from the server"
                self._check_scope(name, commune)
            conflicts = _server_count(server, "SELECT count(*) FROM conflicts WHERE commune_code = ?", commune)
            assert conflicts == self.model.conflicts.get(commune, 0)

    def _check_scope(self, name: str, commune: str) -> None:
        with Store.open(self.folders[name], automatic_backup=False) as store:
            for type_name in RECORD_TYPES:
                foreign = store.db.execute(f"SELECT count(*) FROM {type_name} WHERE commune_code != ?", [commune])
                assert foreign.fetchone()[0] == 0, f"{name} holds another commune's {type_name}"
            states = dict(store.db.execute("SELECT sync_state, count(*) FROM changes GROUP BY 1").fetchall())
            assert states.get("pending", 0) == states.get("rejected", 0) == 0


def _enroll(proxy: FaultProxy, folder: Path, code: str) -> int:
    from desktop.cli import main

    return main(["enroll", "--server", proxy.url, "--code", code, "--data-dir", str(folder)])


def test_laptops_of_two_communes_converge_through_faults(province_server: ProvinceServer, tmp_path: Path) -> None:
    global _world
    communes = [c.code for c in province_communes(find_commune(COMMUNE).province_code)]
    with fault_proxy(province_server.url) as proxy:
        _world = World(province_server, proxy, tmp_path, iter(communes))
        try:
            run_state_machine_as_test(
                LaptopsAndServer,
                settings=settings(
                    max_examples=EXTRA_EXAMPLES or 15,
                    stateful_step_count=20,
                    deadline=None,
                    derandomize=not EXTRA_EXAMPLES,
                    # No shrinking: every example takes two fresh communes, and the province has 65.
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
                ),
            )
        finally:
            _world = None


def test_only_the_field_both_laptops_edited_is_a_conflict(province_server: ProvinceServer, tmp_path: Path) -> None:
    # A's new given name makes the server re-derive the unchanged family name; that must not count as a write,
    # or B's new family name would "overwrite" a value nobody changed.
    first, second = tmp_path / "may-a", tmp_path / "may-b"
    assert enroll(province_server, first) == 0 and sync(first) == 0
    assert enroll(province_server, second) == 0
    with Store.open(first, automatic_backup=False) as store:
        person = store.insert("people", {"full_name": "Lường Văn Đức"})["id"]
    assert sync(first) == 0 and sync(second) == 0
    with Store.open(first, automatic_backup=False) as store:
        store.update("people", person, {"full_name": "Lường Văn Minh"})
    with Store.open(second, automatic_backup=False) as store:
        store.update("people", person, {"full_name": "Hoàng Văn Đức"})
    assert sync(first) == 0 and sync(second) == 0 and sync(first) == 0
    assert snapshot(first) == snapshot(second)
    path = province_server.data_dir / DATABASE_FILE
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        fields = [row[0] for row in conn.execute("SELECT field FROM conflicts WHERE record_id = ?", [person])]
    assert fields == ["full_name"]
