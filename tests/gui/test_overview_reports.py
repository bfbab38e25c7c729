"""The overview, the decisions list and the reports view, driven as an official would, on the filled test store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.store import settings as commune_settings
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.views.decisions import DecisionsModel, DecisionsView
from desktop.ui.views.overview import CategoryTotalsModel, OverviewView, month_label
from desktop.ui.views.reports import CUSTOM, IndicatorsModel, ReportsView, TeamFiguresModel, change_text
from tests.gui.conftest import column

# today is 02/03/2026 (tests/gui/conftest.py)
ISSUED = "Quyết định đã ban hành không thể sửa; hãy ban hành quyết định mới để thay thế."


def team_id(store: Store, name: str) -> str:
    """The id of the team with that name."""
    return str(store.rows("teams", "name = ?", [name])[0]["id"])


@pytest.fixture
def sessions(store: Store) -> Store:
    """Four sessions (March, February, January, last December) and one survey of Nà Phái's households."""
    na_phai, ban_chat = team_id(store, "Tổ CNSCĐ thôn Nà Phái"), team_id(store, "Tổ CNSCĐ bản Chắt")
    for team, day, total, counts in (
        (na_phai, "2026-03-01", 12, {"1": 8, "2": 4}),
        (ban_chat, "2026-02-10", 6, {"1": 6}),
        (na_phai, "2026-01-20", 4, {"3": 4}),
        (na_phai, "2025-12-05", 3, {"7": 3}),
    ):
        store.insert("sessions", {"team_id": team, "date": day, "citizens_total": total, "category_counts": counts})
    village = store.rows("villages", "name = 'Nà Phái'")[0]["id"]
    store.insert(
        "village_indicators", {"village_id": village, "date": "2026-01-15", "households": 182, "households_5skills": 91}
    )
    return store


@pytest.fixture
def decisions(store: Store) -> dict[str, str]:
    """An issued decision and a draft of 2026, and one of 2025 numbered 09; ids by name."""
    commune_settings.put(store, commune_settings.CHAIRMAN_NAME, "Hoàng Văn Thụ")
    issued = store.insert(
        "decisions",
        {
            "number": 1,
            "year": 2026,
            "date": "2026-01-05",
            "status": "issued",
            "team_ids": [team_id(store, "Tổ CNSCĐ thôn Nà Phái")],
        },
    )
    draft = store.insert("decisions", {"number": 2, "year": 2026, "date": "2026-02-20", "signer_name": "Lê Thị Hoa"})
    old = store.insert("decisions", {"number": 9, "year": 2025, "date": "2025-11-03", "kind": "restructuring"})
    return {"issued": issued["id"], "draft": draft["id"], "2025": old["id"]}


# ----- overview -----


def test_overview_tiles_show_the_figures(qtbot: QtBot, ctx: AppContext, sessions: Store) -> None:
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    assert view.status_label.text() == "Số liệu đến ngày 02/03/2026"
    assert (view.coverage_tile.value.text(), view.coverage_tile.detail.text()) == ("2/3", "thôn có tổ (67%)")
    assert view.teams_tile.value.text() == "2"
    assert view.members_tile.value.text() == "4"  # Lê Văn An serves two teams and counts once
    assert (view.sessions_tile.value.text(), view.sessions_tile.detail.text()) == ("1", "năm nay: 3")
    assert (view.citizens_tile.value.text(), view.citizens_tile.detail.text()) == ("12", "năm nay: 22")
    assert (view.households_tile.value.text(), view.households_tile.detail.text()) == ("50%", "91/182 hộ")
    names = column(view.categories, CategoryTotalsModel.NAME)
    vneid = names.index("Định danh điện tử VNeID")
    assert view.categories.index(vneid, CategoryTotalsModel.MONTH).data() == "8"
    assert view.categories.index(vneid, CategoryTotalsModel.YEAR).data() == "14"
    assert view.categories.headerData(1, Qt.Orientation.Horizontal) == "Tháng này"


def test_overview_chart_has_twelve_months(qtbot: QtBot, ctx: AppContext, sessions: Store) -> None:
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    assert view.bar_set.count() == 12
    assert [view.bar_set.at(i) for i in range(12)] == [0] * 8 + [1, 1, 1, 1]  # December to March
    labels = view.month_axis.categories()
    assert len(labels) == 12
    assert (labels[0], labels[-1]) == ("T4/<br>2025", "T3/<br>2026")  # two lines, so twelve fit a laptop screen
    assert month_label(2026, 3) == "T3/2026"


def test_overview_says_what_needs_attention(
    qtbot: QtBot, ctx: AppContext, store: Store, message_boxes: list[tuple[str, str, str]]
) -> None:
    store.insert("decisions", {"number": 4, "year": 2026, "date": "2026-02-01"})
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    texts = [view.attention_list.item(row).text() for row in range(view.attention_list.count())]
    assert texts == [
        "Thôn Đồng Ý chưa có tổ công nghệ số cộng đồng.",
        "Quyết định số 04/QĐ-UBND năm 2026 vẫn là dự thảo.",
    ]
    assert view.attention_box.title() == "Cần chú ý (2)"
    view.attention_list.setCurrentRow(0)
    qtbot.keyClick(view.attention_list, Qt.Key.Key_Return)
    assert message_boxes == [
        (
            "information",
            "Cần chú ý",
            "Thôn Đồng Ý chưa có tổ công nghệ số cộng đồng.\n\nVào mục Tổ CNSCĐ để thành lập tổ cho thôn này.",
        )
    ]


def test_overview_computes_in_the_background_and_says_so(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs: list[tuple[Callable[..., Any], dict[str, Any]]] = []
    monkeypatch.setattr(ctx.reader, "submit", lambda task, **callbacks: jobs.append((task, callbacks)))
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.status_label.text() == "Đang tính…"
    assert view.teams_tile.value.text() == "…"
    ctx.hub.data_changed.emit("sessions")
    ctx.hub.data_changed.emit("memberships")
    assert len(jobs) == 1  # changes during a run ask for one more run, not one each
    task, callbacks = jobs.pop()
    callbacks["done"](task(ctx.store, None))
    assert view.teams_tile.value.text() == "2"
    assert len(jobs) == 1
    task, callbacks = jobs.pop()
    callbacks["done"](task(ctx.store, None))
    assert view.status_label.text() == "Số liệu đến ngày 02/03/2026"
    ctx.hub.data_changed.emit("settings")  # not a record type the figures read
    assert jobs == []


def test_overview_follows_changes_and_a_hidden_one_catches_up(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    view.show()
    na_phai = team_id(store, "Tổ CNSCĐ thôn Nà Phái")

    def add_session(day: str) -> None:
        run_undoable(
            ctx.undo,
            store,
            ctx.hub,
            "Thêm buổi hỗ trợ",
            lambda s: s.insert("sessions", {"team_id": na_phai, "date": day, "citizens_total": 5}),
        )

    add_session("2026-03-02")
    assert view.sessions_tile.value.text() == "1"
    view.hide()
    add_session("2026-03-01")
    assert view.sessions_tile.value.text() == "1"  # hidden: nothing computed yet
    view.show()
    assert view.sessions_tile.value.text() == "2"
    assert view.citizens_tile.value.text() == "10"


# ----- decisions -----


def test_decisions_list_newest_first(qtbot: QtBot, ctx: AppContext, decisions: dict[str, str]) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    assert column(view.proxy, DecisionsModel.NUMBER) == ["02/QĐ-UBND", "01/QĐ-UBND", "09/QĐ-UBND"]
    assert column(view.proxy, DecisionsModel.DATE) == ["20/02/2026", "05/01/2026", "03/11/2025"]
    assert column(view.proxy, DecisionsModel.STATUS) == ["Dự thảo", "Đã ban hành", "Dự thảo"]
    assert column(view.proxy, DecisionsModel.KIND) == ["Thành lập", "Thành lập", "Kiện toàn"]
    assert column(view.proxy, DecisionsModel.TEAMS)[1] == "Tổ CNSCĐ thôn Nà Phái"
    assert view.list.count_label.text() == "3 quyết định"
    assert "Quyết định số 02/QĐ-UBND" in view.detail.toPlainText()  # the first row is selected and shown
    view.list.search_edit.setText("kien toan")
    assert column(view.proxy, DecisionsModel.NUMBER) == ["09/QĐ-UBND"]
    assert "Quyết định số 09/QĐ-UBND" in view.detail.toPlainText()


def test_new_decision_gets_the_next_number_of_its_year(
    qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str]
) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.add_action.trigger()
    dialog = view.dialog
    assert dialog is not None
    assert dialog.number_editor.edit.text() == "03"
    editors = dialog.form.editors
    assert editors["signer_name"].value() == "Hoàng Văn Thụ"  # from the commune settings
    assert editors["signer_title"].value() == "Chủ tịch"
    assert editors["date"].value() == "2026-03-02"
    bases = editors["legal_bases"].value()
    assert bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert bases[-1] == "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2026."
    editors["date"].set_value("2025-12-30")
    assert dialog.number_editor.edit.text() == "10"  # 2025 already has 09
    editors["date"].set_value("2026-03-02")
    assert dialog.number_editor.edit.text() == "03"
    editors["sign_mode"].set_value("KT")
    assert editors["signer_title"].value() == "Phó Chủ tịch"
    editors["sign_mode"].set_value("TM")
    assert editors["signer_name"].value() == "Hoàng Văn Thụ"

    na_phai = team_id(store, "Tổ CNSCĐ thôn Nà Phái")
    dialog.teams_editor.set_value([na_phai])
    dialog.accept()
    saved = store.rows("decisions", "number = 3")
    assert len(saved) == 1
    assert (saved[0]["year"], saved[0]["status"], saved[0]["team_ids"]) == (2026, "draft", [na_phai])
    assert ctx.undo.undoText() == "Thêm quyết định số 03/QĐ-UBND"
    assert view.list.current_id() == saved[0]["id"]
    ctx.undo.undo()
    assert store.count("decisions", "number = 3") == 0


def test_a_number_used_that_year_is_warned_about(qtbot: QtBot, ctx: AppContext, decisions: dict[str, str]) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.add_decision()
    dialog = view.dialog
    assert dialog is not None
    assert dialog.number_editor.warning.isHidden()
    dialog.number_editor.edit.setText("2")
    assert not dialog.number_editor.warning.isHidden()
    assert dialog.number_editor.warning.text() == (
        "Năm 2026 đã có quyết định số 02/QĐ-UBND (Dự thảo, ngày 20/02/2026). Hãy kiểm tra lại số."
    )
    dialog.form.editors["date"].set_value("2025-05-05")
    assert dialog.number_editor.warning.isHidden()  # 02 is free in 2025
    dialog.form.editors["date"].set_value("2026-05-05")
    dialog.number_editor.edit.setText("")
    dialog.accept()  # the number is required: said under it, and the dialog stays open
    assert dialog.result() == 0
    assert ctx.store.count("decisions") == 3


def test_editing_a_draft_keeps_its_warning_off_its_own_number(
    qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str]
) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["draft"])
    view.list.edit_action.trigger()
    dialog = view.dialog
    assert dialog is not None
    assert dialog.number_editor.edit.text() == "02"
    assert dialog.number_editor.warning.isHidden()
    dialog.form.editors["signer_name"].set_value("Lê Thị Hồng")
    dialog.accept()
    assert store.require("decisions", decisions["draft"])["signer_name"] == "Lê Thị Hồng"
    assert ctx.undo.undoText() == "Sửa quyết định số 02/QĐ-UBND"


def test_an_issued_decision_cannot_be_edited_or_deleted(
    qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str], message_boxes: list[tuple[str, str, str]]
) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    assert view.list.select_id(decisions["issued"])
    assert ISSUED in view.detail.toPlainText()
    view.list.edit_action.trigger()
    assert message_boxes == [("warning", "Không sửa được quyết định", ISSUED)]
    assert view.dialog is None
    view.list.delete_action.trigger()
    assert message_boxes[-1] == (
        "warning",
        "Không xóa được quyết định",
        "Quyết định số 01/QĐ-UBND đã ban hành nên được giữ lại trong hồ sơ.",
    )
    assert not store.require("decisions", decisions["issued"])["deleted"]


def test_deleting_a_draft_can_be_undone(qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str]) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["draft"])
    view.list.delete_action.trigger()
    assert store.require("decisions", decisions["draft"])["deleted"] == 1
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)  # one reload for all the types an edit announces
    assert column(view.proxy, DecisionsModel.NUMBER) == ["01/QĐ-UBND", "09/QĐ-UBND"]
    assert ctx.undo.undoText() == "Xóa dự thảo quyết định số 02/QĐ-UBND"
    ctx.undo.undo()
    assert store.require("decisions", decisions["draft"])["deleted"] == 0
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)


# ----- reports -----


def indicator(view: ReportsView, label: str) -> list[str]:
    """The cells of the indicator row with that label."""
    model = view.indicators
    for row in range(model.rowCount()):
        if model.index(row, IndicatorsModel.NAME).data() == label:
            return [model.index(row, c).data() for c in range(model.columnCount())]
    raise AssertionError(label)


def test_change_in_words() -> None:
    assert change_text(90.0) == "tăng 90%"
    assert change_text(-10.0) == "giảm 10%"
    assert change_text(0.0) == "không đổi"
    assert change_text(None) == "—"
    assert change_text(0.4) == "tăng 0,4%"


def test_switching_the_period_recomputes_the_report(qtbot: QtBot, ctx: AppContext, sessions: Store) -> None:
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    assert view.period_combo.currentText() == "Tháng này"
    assert not view.from_edit.isEnabled()
    assert view.period_label.text() == "Kỳ này: 01/03/2026 – 31/03/2026; so với kỳ trước: 01/02/2026 – 02/02/2026."
    assert indicator(view, "Số người dân được hỗ trợ, trong đó:")[1:] == ["12", "0", "—"]
    assert indicator(view, "    – Định danh điện tử VNeID")[1] == "8"
    assert indicator(view, "Số thôn, tổ dân phố có tổ")[1:] == ["2/3 (67%)", "2/3 (67%)", "không đổi"]

    view.set_period("last_month")
    assert view.from_edit.date() == QDate(2026, 2, 1)
    assert indicator(view, "Số buổi hỗ trợ")[1:] == ["1", "1", "không đổi"]
    assert indicator(view, "Số người dân được hỗ trợ, trong đó:")[1:] == ["6", "4", "tăng 50%"]
    assert indicator(view, "Số hộ gia đình đạt 5 kỹ năng số cơ bản")[1:3] == ["91/182 (50%)", "91/182 (50%)"]
    assert view.indicators.headerData(1, Qt.Orientation.Horizontal) == "Kỳ này (01/02/2026 – 28/02/2026)"
    assert column(view.teams_proxy, TeamFiguresModel.NAME) == ["Tổ CNSCĐ bản Chắt", "Tổ CNSCĐ thôn Nà Phái"]
    assert column(view.teams_proxy, TeamFiguresModel.SESSIONS) == ["1", "0"]
    assert column(view.teams_proxy, TeamFiguresModel.MEMBERS) == ["2", "3"]

    view.set_period("this_year")
    assert indicator(view, "Số buổi hỗ trợ")[1] == "3"

    view.set_period(CUSTOM, date(2025, 12, 1), date(2025, 12, 31))
    assert view.from_edit.isEnabled()
    assert indicator(view, "Số người dân được hỗ trợ, trong đó:")[1:] == ["3", "0", "—"]
    assert indicator(view, "    – Kỹ năng số cơ bản, Bình dân học vụ số")[1] == "3"

    view.to_edit.setDate(QDate(2025, 11, 1))  # before the start: said, and nothing computed
    assert view.period_label.text() == "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."
    assert indicator(view, "Số buổi hỗ trợ")[1] == "1"


def test_report_follows_new_sessions(qtbot: QtBot, ctx: AppContext, sessions: Store) -> None:
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.show()
    run_undoable(
        ctx.undo,
        sessions,
        ctx.hub,
        "Thêm buổi hỗ trợ",
        lambda s: s.insert(
            "sessions",
            {"team_id": team_id(s, "Tổ CNSCĐ bản Chắt"), "date": "2026-03-02", "citizens_total": 7},
        ),
    )
    assert indicator(view, "Số buổi hỗ trợ")[1] == "2"


def test_export_writes_both_tables(
    qtbot: QtBot, ctx: AppContext, sessions: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    messages: list[str] = []
    ctx.hub.status_message.connect(messages.append)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.set_period("last_month")
    view.export_action.trigger()
    written = target.with_suffix(".xlsx")
    assert written.exists()
    assert messages == [f"Đã xuất báo cáo ra {written}"]
    sheet = load_workbook(written).active
    # Every row is as wide as the widest (the team table's); the blank cells at the end are dropped here.
    rows = [_trimmed(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Chỉ tiêu", "Kỳ này (01/02/2026 – 28/02/2026)", "Kỳ trước (01/01/2026 – 31/01/2026)", "Thay đổi"]
    assert ["Số người dân được hỗ trợ, trong đó:", 6, 4, "tăng 50%"] in rows
    assert ["Số thôn, tổ dân phố có tổ", "2/3 (67%)", "2/3 (67%)", "không đổi"] in rows
    team_header = rows.index(
        ["Tổ", "Thôn", "Buổi hỗ trợ", "Người dân được hỗ trợ", "Thành viên", "Thành viên đã tham gia hỗ trợ"]
    )
    assert rows[team_header - 1] == []
    assert rows[team_header + 1] == ["Tổ CNSCĐ bản Chắt", "Bản Chắt", 1, 6, 2, 0]
    assert rows[team_header + 2] == ["Tổ CNSCĐ thôn Nà Phái", "Thôn Nà Phái", 0, 0, 3, 0]


def _trimmed(row: tuple[Any, ...]) -> list[Any]:
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells
