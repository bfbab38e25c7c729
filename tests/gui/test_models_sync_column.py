"""The "Đồng bộ" column of the villages, teams and people lists: the state of each record's latest change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.store import Store
from desktop.ui.models import PeopleModel, TeamsModel, VillagesModel
from tests.gui.conftest import column


def _mark(store: Store, record_id: str, state: str, reason: str | None = None) -> None:
    store.db.execute(
        "UPDATE changes SET sync_state = ?, sync_reason = ? WHERE seq = (SELECT max(seq) FROM changes"
        " WHERE record_id = ?)",
        [state, reason, record_id],
    )


def test_each_record_shows_its_latest_change_state(qapp: QApplication, store: Store) -> None:
    villages = {row["name"]: row["id"] for row in store.rows("villages")}
    store.db.execute("UPDATE changes SET sync_state = 'synced' WHERE record_type = 'villages'")
    _mark(store, villages["Đồng Ý"], "rejected", "Số hộ: phải là số không âm.")
    store.update("villages", villages["Nà Phái"], {"households": 190})  # a new edit after the synced ones

    model = VillagesModel(store)
    model.reload()

    states = dict(zip(column(model, VillagesModel.NAME), column(model, VillagesModel.SYNC), strict=True))
    assert states == {"Bản Chắt": "Đã đồng bộ", "Thôn Đồng Ý": "Bị từ chối", "Thôn Nà Phái": "Chờ gửi"}
    rejected = column(model, VillagesModel.NAME).index("Thôn Đồng Ý")
    tooltip = model.index(rejected, VillagesModel.SYNC).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Số hộ: phải là số không âm."
    synced = column(model, VillagesModel.NAME).index("Bản Chắt")
    assert model.index(synced, VillagesModel.SYNC).data(Qt.ItemDataRole.ToolTipRole) == "Đã đồng bộ"


def test_records_pulled_from_the_server_count_as_synced(qapp: QApplication, store: Store) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'remote' WHERE record_type IN ('teams', 'people')")
    teams, people = TeamsModel(store), PeopleModel(store)
    teams.reload()
    people.reload()

    assert set(column(teams, TeamsModel.SYNC)) == {"Đã đồng bộ"}
    assert set(column(people, PeopleModel.SYNC)) == {"Đã đồng bộ"}
    person = store.rows("people", "full_name = ?", ["Hà Thị Em"])[0]
    store.update("people", person["id"], {"birth_year": 2000})
    people.reload()
    row = column(people, PeopleModel.NAME).index("Hà Thị Em")
    assert people.index(row, PeopleModel.SYNC).data() == "Chờ gửi"
