"""Đồng bộ: server address, last sync, and the changes still only on this laptop, by record type."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.store import settings
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.views.sync_view import SyncView
from tests.gui.conftest import column


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext) -> SyncView:
    view = SyncView(ctx)
    qtbot.addWidget(view)
    view.resize(1176, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_pending_changes_are_counted_per_record_type(view: SyncView) -> None:
    # The fixture wrote 10 default categories, 3 villages, 3 teams, 8 people and 5 memberships.
    assert view.pending_counts() == {"categories": 10, "villages": 3, "teams": 3, "people": 8, "memberships": 5}
    assert column(view.table.model(), 0) == [
        "Lĩnh vực hỗ trợ",
        "Thôn, tổ dân phố",
        "Tổ công nghệ số cộng đồng",
        "Thành viên",
        "Thành viên trong tổ",
    ]
    assert column(view.table.model(), 1)[1] == "3"
    assert "29 thay đổi chưa gửi" in view.total_label.text()
    assert "kB" in view.total_label.text()


def test_an_edit_is_counted_at_once(view: SyncView, ctx: AppContext, store: Store) -> None:
    run_undoable(
        ctx.undo, store, ctx.hub, "Thêm thôn", lambda s: s.insert("villages", {"name": "Khòn Pát", "kind": "thon"})
    )
    assert view.pending_counts()["villages"] == 4

    store.db.execute("UPDATE changes SET sync_state = 'sent' WHERE record_type != 'villages'")
    view.reload()
    assert view.pending_counts() == {"villages": 4}
    assert view.table.rowCount() == 1


def test_a_hidden_view_counts_again_when_shown(view: SyncView, ctx: AppContext, store: Store) -> None:
    view.hide()
    run_undoable(
        ctx.undo, store, ctx.hub, "Thêm thôn", lambda s: s.insert("villages", {"name": "Khòn Pát", "kind": "thon"})
    )
    assert view.pending_counts()["villages"] == 3
    view.show()
    assert view.pending_counts()["villages"] == 4


def test_nothing_pending_and_no_server_are_said_plainly(view: SyncView, ctx: AppContext, store: Store) -> None:
    store.db.execute("UPDATE changes SET sync_state = 'sent'")
    view.reload()

    assert view.table.rowCount() == 0
    assert view.total_label.text() == "Mọi thay đổi đã được gửi lên máy chủ tỉnh."
    assert "Nhập địa chỉ máy chủ trong Cài đặt" in view.server_label.text()
    assert view.last_sync_label.text() == "Chưa đồng bộ lần nào"
    assert not view.sync_button.isEnabled()
    assert "Đăng ký máy này với máy chủ tỉnh" in view.sync_button.toolTip()


def test_server_and_last_sync_follow_the_settings(view: SyncView, ctx: AppContext, store: Store) -> None:
    settings.put(store, settings.SERVER_URL, "https://cds.langson.gov.vn")
    settings.put(store, settings.LAST_SYNC_AT, "2026-03-01T02:30:00.000Z")
    ctx.hub.settings_changed.emit()

    assert view.server_label.text() == "https://cds.langson.gov.vn"
    assert view.last_sync_label.text().startswith("01/03/2026")
