"""A change the real province server rejects shows as "Bị từ chối" with its reason, and once fixed in the form it
is sent again and accepted."""

from __future__ import annotations

import json
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from desktop.store import sync_engine
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.session_entry import SessionEntry
from desktop.ui.session_model import SessionsModel
from sync.dates import display_date
from tests.gui.sync_helpers import enrol
from tests.server.harness import ProvinceServer


def test_a_session_dated_after_the_servers_today_is_rejected_then_fixed_and_sent(
    qtbot: QtBot, ctx: AppContext, store: Store, province_server: ProvinceServer
) -> None:
    assert ctx.data_dir is not None
    # This laptop's calendar runs ahead: it accepts a date the province server calls the future.
    real_today = date.today()
    store.today = lambda: real_today + timedelta(days=30)
    enrol(store, ctx.data_dir, province_server)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]
    session = store.insert("sessions", {"team_id": team["id"], "date": real_today.isoformat(), "citizens_total": 4})
    sync_engine.sync(store, ctx.data_dir)
    store.update("sessions", session["id"], {"date": (real_today + timedelta(days=20)).isoformat()})

    summary = sync_engine.sync(store, ctx.data_dir)

    assert summary.rejected == 1
    # The sync's repair pulled the province's date back; the refusal must stay visible all the same.
    assert store.require("sessions", session["id"])["date"] == real_today.isoformat()
    model = SessionsModel(ctx)
    model.reload()
    row = model.row_of(session["id"])
    state, reason = model.sync_state(row)
    assert model.index(row, SessionsModel.SYNC).data() == "Bị từ chối"
    assert state == "rejected" and reason
    assert "tương lai" in reason  # the server's own words
    entry = SessionEntry(ctx)
    qtbot.addWidget(entry)
    entry.show()
    entry.load(session["id"])
    assert entry.rejection.isVisible()
    assert reason in entry.rejection.text()

    entry.date.setText(display_date((real_today - timedelta(days=1)).isoformat()))
    entry.dirty = True
    assert entry.save() == session["id"]
    assert store.pending_changes() == 1
    summary = sync_engine.sync(store, ctx.data_dir)

    assert (summary.pushed, summary.applied, summary.rejected) == (1, 1, 0)
    model.reload()
    assert model.index(model.row_of(session["id"]), SessionsModel.SYNC).data() == "Đã đồng bộ"
    entry.load(session["id"])
    assert not entry.rejection.isVisible()
    on_server = province_server.query("SELECT fields FROM records WHERE record_id = :id", id=session["id"])
    assert (real_today - timedelta(days=1)).isoformat() in str(on_server)


def test_a_rejected_new_session_once_fixed_reaches_the_server_whole(
    ctx: AppContext, store: Store, province_server: ProvinceServer
) -> None:
    assert ctx.data_dir is not None
    real_today = date.today()
    store.today = lambda: real_today + timedelta(days=30)
    enrol(store, ctx.data_dir, province_server)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]
    values = {"team_id": team["id"], "place": "Nhà văn hóa thôn Nà Phái", "citizens_total": 4}
    session = store.insert("sessions", {**values, "date": (real_today + timedelta(days=10)).isoformat()})
    assert sync_engine.sync(store, ctx.data_dir).rejected == 1

    store.update("sessions", session["id"], {"date": (real_today - timedelta(days=1)).isoformat()})
    sync_engine.sync(store, ctx.data_dir)

    [(fields,)] = province_server.query("SELECT fields FROM records WHERE record_id = :id", id=session["id"])
    on_server = json.loads(fields)
    assert {name: on_server.get(name) for name in values} == values
