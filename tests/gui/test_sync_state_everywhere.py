"""Sync state wherever a record shows: the sessions and decisions lists, the forms that edit a record, and the
Đồng bộ view's newer-version notice and enrolment by a pasted link. States come from real changes rows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.store.sync_engine import pending_batches
from desktop.store.versions import LATEST_VERSION
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.models import ATTENTION_COLOR, ID_ROLE
from desktop.ui.session_entry import SessionEntry
from desktop.ui.session_model import SessionsModel
from desktop.ui.views.decisions import DecisionDialog, DecisionsModel, DecisionsView
from desktop.ui.views.sessions import SessionsView
from desktop.ui.views.sync_view import SyncView
from desktop.ui.widgets.record_dialog import RecordDialog
from sync.enrollment import enrollment_uri
from tests.gui.conftest import column

TOOLTIP, FOREGROUND = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole
HORIZONTAL = Qt.Orientation.Horizontal
REASON = "Ngày hỗ trợ không được ở tương lai."


def mark(store: Store, record_id: str, state: str, reason: str | None = None) -> None:
    """Set the state of a record's latest change, as the sync engine does with the server's answer."""
    store.db.execute(
        "UPDATE changes SET sync_state = ?, sync_reason = ? WHERE seq = (SELECT max(seq) FROM changes"
        " WHERE record_id = ?)",
        [state, reason, record_id],
    )


def add_sessions(store: Store, count: int) -> list[str]:
    """Sessions of the Nà Phái team on consecutive days of February, newest last; ids in that order."""
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]
    return [
        store.insert("sessions", {"team_id": team["id"], "date": f"2026-02-{1 + day % 28:02d}", "citizens_total": 2})[
            "id"
        ]
        for day in range(count)
    ]


# ----- the sessions list -----


def test_the_sessions_list_shows_each_rows_state_read_with_its_page(qapp: QApplication, ctx: AppContext) -> None:
    store = ctx.store
    ids = add_sessions(store, 25)
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    newest = ids[-1]
    store.update("sessions", ids[-2], {"citizens_total": 5})  # pending again after an edit
    mark(store, newest, "rejected", REASON)
    model = SessionsModel(ctx, page_size=10)
    model.reload()

    assert model.headerData(SessionsModel.SYNC, HORIZONTAL) == "Đồng bộ"
    states = column(model, SessionsModel.SYNC)
    assert model.rowCount() == 10 and model.total == 25
    assert len(model._states) == 10  # read per page, never for every session
    rows = {model.index(row, 0).data(ID_ROLE): row for row in range(model.rowCount())}
    rejected, pending = rows[newest], rows[ids[-2]]
    assert states[rejected] == "Bị từ chối"
    assert states[pending] == "Chờ gửi"
    assert states.count("Đã đồng bộ") == 8
    cell = model.index(rejected, SessionsModel.SYNC)
    assert cell.data(TOOLTIP) == REASON
    assert cell.data(FOREGROUND) == QColor(ATTENTION_COLOR)
    assert model.index(pending, SessionsModel.SYNC).data(FOREGROUND) is None
    assert model.index(pending, SessionsModel.SYNC).data(TOOLTIP) == "Chờ gửi"

    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 20 and len(model._states) == 20
    assert set(column(model, SessionsModel.SYNC)[10:]) == {"Đã đồng bộ"}

    # A sync ends by announcing every type: the states are read again.
    mark(store, newest, "synced")
    ctx.hub.data_changed.emit(ALL_TYPES)
    assert "Bị từ chối" not in column(model, SessionsModel.SYNC)


def test_the_sync_column_does_not_sort(qtbot: QtBot, ctx: AppContext) -> None:
    add_sessions(ctx.store, 3)
    view = SessionsView(ctx)
    qtbot.addWidget(view)
    before = view.model.query
    view.list.view.sortByColumn(SessionsModel.SYNC, Qt.SortOrder.AscendingOrder)
    assert view.model.query == before
    assert view.list.view.horizontalHeader().sortIndicatorSection() == SessionsModel.DATE


def test_only_unsynced_sessions_when_the_filter_is_ticked(qtbot: QtBot, ctx: AppContext) -> None:
    store = ctx.store
    ids = add_sessions(store, 12)
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    store.update("sessions", ids[3], {"notes": "thiếu chữ ký"})
    mark(store, ids[7], "rejected", REASON)
    view = SessionsView(ctx)
    qtbot.addWidget(view)
    assert view.model.total == 12

    view.unsynced_filter.setChecked(True)
    assert view.model.total == 2
    assert sorted(view.model._ids) == sorted([ids[3], ids[7]])
    assert set(column(view.model, SessionsModel.SYNC)) == {"Chờ gửi", "Bị từ chối"}

    # Saving the rejected one again leaves it in the list (pending now); a sync that sends both empties it.
    store.update("sessions", ids[7], {"date": "2026-02-20"})
    ctx.hub.changed(["sessions"])
    assert view.model.total == 2
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    ctx.hub.data_changed.emit(ALL_TYPES)
    assert view.model.total == 0

    view.unsynced_filter.setChecked(False)
    assert view.model.total == 12


# ----- the decisions list and its detail -----


def draft_decision(store: Store) -> dict[str, Any]:
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]
    return store.insert(
        "decisions",
        {"year": 2026, "number": 7, "date": "2026-03-01", "kind": "founding", "team_ids": [team["id"]]},
    )


def test_the_decisions_list_shows_the_sync_state(qtbot: QtBot, ctx: AppContext) -> None:
    decision = draft_decision(ctx.store)
    model = DecisionsModel(ctx.store)
    model.reload()
    assert model.headerData(DecisionsModel.SYNC, HORIZONTAL) == "Đồng bộ"
    assert column(model, DecisionsModel.SYNC) == ["Chờ gửi"]

    mark(ctx.store, decision["id"], "rejected", "Số quyết định: đã có quyết định số 07 năm 2026.")
    model.reload()
    cell = model.index(0, DecisionsModel.SYNC)
    assert cell.data() == "Bị từ chối"
    assert cell.data(TOOLTIP) == "Số quyết định: đã có quyết định số 07 năm 2026."
    assert cell.data(FOREGROUND) == QColor(ATTENTION_COLOR)

    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decision["id"])
    detail = view.detail.toPlainText()
    assert "Máy chủ tỉnh từ chối thay đổi gần nhất: Số quyết định: đã có quyết định số 07 năm 2026." in detail


# ----- the forms -----


def test_a_rejected_record_says_why_above_its_form_and_saving_sends_it_again(qtbot: QtBot, ctx: AppContext) -> None:
    store = ctx.store
    village = store.rows("villages", "name = ?", ["Nà Phái"])[0]
    store.db.execute("UPDATE changes SET sync_state = 'synced'")
    mark(store, village["id"], "rejected", "Số hộ: phải là số không âm")

    dialog = RecordDialog(ctx, "villages", ("name", "kind", "households"), village)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rejection.isVisible()
    assert dialog.rejection.text() == (
        "Máy chủ tỉnh từ chối thay đổi gần nhất: Số hộ: phải là số không âm. Hãy sửa rồi lưu lại để gửi lại."
    )

    dialog.form.editors["households"].set_value(190)
    dialog.accept()
    latest = store.db.execute(
        "SELECT seq, sync_state, fields FROM changes WHERE record_id = ? ORDER BY seq DESC LIMIT 1", [village["id"]]
    ).fetchone()
    assert latest[1] == "pending"
    assert json.loads(latest[2])["households"][1] == 190
    outbox = [change for batch in pending_batches(store) for change in batch]
    assert [(c["record_id"], c["fields"]) for c in outbox] == [(village["id"], {"households": 190})]

    again = RecordDialog(ctx, "villages", ("name", "kind", "households"), store.get("villages", village["id"]))
    qtbot.addWidget(again)
    again.show()
    assert not again.rejection.isVisible()


def test_a_new_record_and_an_accepted_one_show_no_rejection(qtbot: QtBot, ctx: AppContext) -> None:
    village = ctx.store.rows("villages", "name = ?", ["Đồng Ý"])[0]
    mark(ctx.store, village["id"], "synced")
    for record in (None, village):
        dialog = RecordDialog(ctx, "villages", ("name", "kind"), record)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.rejection.isVisible()


def test_the_decision_dialog_has_the_rejection_line_too(qtbot: QtBot, ctx: AppContext) -> None:
    decision = draft_decision(ctx.store)
    mark(ctx.store, decision["id"], "rejected", "")
    dialog = DecisionDialog(ctx, decision)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rejection.isVisible()
    assert dialog.rejection.text() == "Máy chủ tỉnh từ chối thay đổi gần nhất. Hãy sửa rồi lưu lại để gửi lại."


def test_the_session_form_shows_the_rejection_of_the_session_it_edits(qtbot: QtBot, ctx: AppContext) -> None:
    store = ctx.store
    first, second = add_sessions(store, 2)
    mark(store, first, "rejected", REASON)
    entry = SessionEntry(ctx)
    qtbot.addWidget(entry)
    entry.show()
    assert not entry.rejection.isVisible()

    entry.load(first)
    assert entry.rejection.isVisible()
    assert REASON in entry.rejection.text()
    entry.load(second)
    assert not entry.rejection.isVisible()

    entry.load(first)
    entry.date.setText("03/02/2026")
    entry.dirty = True
    assert entry.save() == first
    assert not entry.rejection.isVisible()  # back to a new form
    assert [c["fields"] for batch in pending_batches(store) for c in batch if c["record_id"] == first][-1] == {
        "date": "2026-02-03"
    }
    entry.load(first)
    assert not entry.rejection.isVisible()


# ----- the Đồng bộ view -----


@pytest.fixture
def sync_view(qtbot: QtBot, ctx: AppContext) -> SyncView:
    view = SyncView(ctx)
    qtbot.addWidget(view)
    view.resize(1176, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_newer_version_is_announced_with_a_link_after_a_sync(
    sync_view: SyncView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not sync_view.version_label.isVisible()
    url = "https://cds.langson.gov.vn/tai-ve/toso-99.1.0.exe"
    ctx.store.set_meta(LATEST_VERSION, json.dumps({"version": "99.1.0", "url": url}))
    ctx.hub.sync_finished.emit(None)

    assert sync_view.version_label.isVisible()
    text = sync_view.version_label.text()
    assert "Đã có phiên bản mới 99.1.0 — tải về tại" in text
    assert f'<a href="{url}">{url}</a>' in text
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda link: opened.append(link) or True)
    sync_view.version_label.linkActivated.emit(url)
    assert opened == [QUrl(url)]
    sync_view.open_link("file:///etc/passwd")  # only web addresses, whatever the server announced
    assert opened == [QUrl(url)]

    # The province's latest is this very version (or an older one): nothing to say.
    ctx.store.set_meta(LATEST_VERSION, json.dumps({"version": "0.0.9", "url": url}))
    ctx.hub.sync_finished.emit(None)
    assert not sync_view.version_label.isVisible()


def test_a_newer_version_without_a_link_says_whom_to_ask(sync_view: SyncView, ctx: AppContext) -> None:
    ctx.store.set_meta(LATEST_VERSION, json.dumps({"version": "99.0", "url": ""}))
    ctx.hub.sync_finished.emit(None)
    assert "Đã có phiên bản mới 99.0 — hỏi cán bộ tỉnh nơi tải về." in sync_view.version_label.text()
    assert "<a " not in sync_view.version_label.text()


@pytest.mark.parametrize("field", ["url_edit", "code_edit"])
def test_pasting_the_enrolment_link_fills_both_fields(sync_view: SyncView, field: str) -> None:
    link = enrollment_uri("https://cds.langson.gov.vn/toso?tinh=20", "ABCD-EFGH-JKMN")
    QGuiApplication.clipboard().setText(link)
    edit = getattr(sync_view, field)
    edit.setFocus()
    edit.paste()

    assert sync_view.url_edit.text() == "https://cds.langson.gov.vn/toso?tinh=20"
    assert sync_view.code_edit.text() == "ABCD-EFGH-JKMN"
    assert "Đã điền địa chỉ máy chủ và mã đăng ký" in sync_view.enrol_message.text()


def test_a_link_without_a_server_fills_the_code_and_a_bad_link_is_explained(sync_view: SyncView) -> None:
    sync_view.url_edit.setText("https://cds.langson.gov.vn")
    sync_view.code_edit.setText(enrollment_uri(None, "ABCDEFGHJKMN"))
    assert sync_view.url_edit.text() == "https://cds.langson.gov.vn"
    assert sync_view.code_edit.text() == "ABCDEFGHJKMN"
    assert sync_view.enrol_message.text() == "Đã điền mã đăng ký từ liên kết; hãy nhập địa chỉ máy chủ."

    sync_view.url_edit.setText(enrollment_uri(None, "ABCDEFGHJKMP"))  # pasted into the address field
    assert (sync_view.url_edit.text(), sync_view.code_edit.text()) == ("", "ABCDEFGHJKMP")

    sync_view.code_edit.setText("toso-enroll:?server=https%3A%2F%2Fx.vn&code=12")
    assert "Mã đăng ký trong liên kết không hợp lệ" in sync_view.enrol_message.text()
