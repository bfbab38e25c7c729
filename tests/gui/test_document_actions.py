"""The views' paperwork buttons: decisions (preview, issue, replace), teams (activity sheet, field form, member
list) and reports (PDF), each opening the preview through the reader.

Renderers are replaced by a fake (tests.gui.document_fakes) except where a test says it uses the real one;
confirmations are replaced, never shown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.documents import layout
from desktop.store import settings as commune_settings
from desktop.store.store import Store
from desktop.ui import documents_menu
from desktop.ui.context import AppContext
from desktop.ui.views.decisions import DecisionDialog, DecisionsView
from desktop.ui.views.reports import ReportsView
from desktop.ui.views.teams import TeamsView
from desktop.ui.widgets import messages
from tests.gui import document_fakes
from tests.gui.document_fakes import previews

close_previews = document_fakes.close_previews  # a fixture (autouse): every preview closed after each test
renders = document_fakes.renders  # a fixture: every renderer replaced, the calls recorded


@pytest.fixture
def decisions(store: Store) -> dict[str, str]:
    """A draft and an issued decision of 2026 for Nà Phái's team."""
    commune_settings.put(store, commune_settings.CHAIRMAN_NAME, "Hoàng Văn Thụ")
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]["id"]
    values = {"year": 2026, "signer_name": "Hoàng Văn Thụ", "signer_title": "Chủ tịch", "team_ids": [team]}
    issued = store.insert("decisions", {**values, "number": 1, "date": "2026-01-05", "status": "issued"})
    draft = store.insert("decisions", {**values, "number": 7, "date": "2026-02-05"})
    return {"issued": issued["id"], "draft": draft["id"]}


def test_decisions_preview_the_selected_one(
    qtbot: QtBot, ctx: AppContext, decisions: dict[str, str], renders: list[Any]
) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    assert view.list.select_id(decisions["draft"])
    assert "Ctrl+P" in view.preview_action.toolTip()
    view.preview_action.trigger()
    assert renders == [("render_decision", (decisions["draft"],))]
    [window] = previews()
    assert window.windowTitle() == "Quyết định số 07/QĐ-UBND"
    assert window.file_name == "QD-07-2026-thanh-lap-to-cnscd.pdf"


def test_a_draft_can_be_issued_an_issued_one_replaced(ctx: AppContext, qtbot: QtBot, decisions: dict[str, str]) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.list.select_id(decisions["draft"])
    assert view.issue_action.isEnabled() and not view.supersede_action.isEnabled()
    assert view.paperwork_buttons[1].isVisible() and not view.paperwork_buttons[2].isVisible()
    view.list.select_id(decisions["issued"])
    assert not view.issue_action.isEnabled() and view.supersede_action.isEnabled()
    assert not view.paperwork_buttons[1].isVisible() and view.paperwork_buttons[2].isVisible()
    assert "Ctrl+B" in view.issue_action.toolTip()
    assert "Ctrl+Shift+B" in view.supersede_action.toolTip()


def test_issuing_asks_first_and_can_be_undone(
    qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("desktop.store.decisions", reason="issue_decision is not written yet")
    questions: list[str] = []
    answer = [False]
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, yes="": questions.append(text) or answer[0])
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["draft"])
    view.issue_action.trigger()
    assert questions[0].startswith("Sau khi ban hành, quyết định không thể sửa")
    assert store.require("decisions", decisions["draft"])["status"] == "draft"  # said no
    answer[0] = True
    view.issue_action.trigger()
    assert store.require("decisions", decisions["draft"])["status"] == "issued"
    assert view.supersede_action.isEnabled()
    ctx.undo.undo()
    assert store.require("decisions", decisions["draft"])["status"] == "draft"


def test_an_issue_refused_is_explained(
    qtbot: QtBot,
    ctx: AppContext,
    store: Store,
    decisions: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str, str]],
) -> None:
    decisions_module = pytest.importorskip("desktop.store.decisions", reason="issue_decision is not written yet")

    def refuse(store: Store, decision_id: str) -> dict[str, Any]:
        raise layout.DocumentError("Quyết định chưa có tổ nào.")

    monkeypatch.setattr(decisions_module, "issue_decision", refuse)
    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["draft"])
    view.issue_action.trigger()
    assert message_boxes == [("warning", "Không ban hành được quyết định", "Quyết định chưa có tổ nào.")]
    assert store.require("decisions", decisions["draft"])["status"] == "draft"


def test_replacing_an_issued_decision_opens_the_new_draft(
    qtbot: QtBot, ctx: AppContext, store: Store, decisions: dict[str, str]
) -> None:
    pytest.importorskip("desktop.store.decisions", reason="supersede is not written yet")
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["issued"])
    view.supersede_action.trigger()
    dialog = view.dialog
    assert isinstance(dialog, DecisionDialog)
    draft = dialog.record
    assert draft is not None and draft["status"] == "draft" and draft["kind"] == "restructuring"
    assert draft["id"] != decisions["issued"]
    assert view.list.current_id() == draft["id"]
    dialog.reject()


def test_teams_print_an_activity_sheet_for_a_month_or_a_period(
    qtbot: QtBot, ctx: AppContext, store: Store, renders: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    view = TeamsView(ctx)
    qtbot.addWidget(view)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]["id"]
    assert view.list.select_id(team)
    seen: list[documents_menu.PeriodDialog] = []

    def run(dialog: Any) -> bool:  # the user accepts the proposed month: this month (today is 02/03/2026)
        seen.append(dialog)
        dialog.accept()
        return True

    monkeypatch.setattr(view, "run_dialog", run)
    view.activity_sheet_action.trigger()
    assert renders[-1] == ("render_activity_sheet", (team, date(2026, 3, 1), date(2026, 3, 31)))
    [window] = previews()
    assert window.file_name == "so-theo-doi-hoat-dong-to-cnscd-thon-na-phai-03-2026.pdf"
    window.close()

    def period(dialog: Any) -> bool:
        dialog.set_range(date(2026, 2, 10), date(2026, 3, 1))
        dialog.accept()
        return True

    monkeypatch.setattr(view, "run_dialog", period)
    view.activity_sheet_action.trigger()
    assert renders[-1] == ("render_activity_sheet", (team, date(2026, 2, 10), date(2026, 3, 1)))
    assert "Ctrl+P" in view.activity_sheet_action.toolTip()


def test_a_period_the_wrong_way_round_is_refused(qtbot: QtBot) -> None:
    dialog = documents_menu.PeriodDialog(date(2026, 3, 2), "Sổ")
    qtbot.addWidget(dialog)
    assert dialog.period() == (date(2026, 3, 1), date(2026, 3, 31))
    dialog.set_month(2026, 2)
    assert dialog.period() == (date(2026, 2, 1), date(2026, 2, 28))
    dialog.set_range(date(2026, 3, 2), date(2026, 3, 1))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text() == "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."


def test_teams_print_a_field_form_and_the_member_list(
    qtbot: QtBot, ctx: AppContext, store: Store, renders: list[Any]
) -> None:
    view = TeamsView(ctx)
    qtbot.addWidget(view)
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ bản Chắt"])[0]["id"]
    view.list.select_id(team)
    view.field_form_action.trigger()
    assert renders[-1] == ("render_field_form", (team,))
    assert previews()[0].file_name == "phieu-ghi-chep-to-cnscd-ban-chat.pdf"
    view.member_list_action.trigger()
    assert renders[-1] == ("render_member_list", (date(2026, 3, 2),))
    assert "Ctrl+Shift+P" in view.field_form_action.toolTip()
    assert "Ctrl+Shift+M" in view.member_list_action.toolTip()
    assert view.print_button.menu().actions() == [
        view.activity_sheet_action,
        view.field_form_action,
        view.member_list_action,
    ]


def test_a_dissolved_team_gets_no_field_form(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    view = TeamsView(ctx)
    qtbot.addWidget(view)
    view.status_combo.setCurrentIndex(view.status_combo.findData(""))
    view.list.select_id(store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Đồng Ý"])[0]["id"])
    assert view.activity_sheet_action.isEnabled()  # its past work can still be printed
    assert not view.field_form_action.isEnabled()
    assert view.member_list_action.isEnabled()


def test_reports_export_the_chosen_period_as_pdf(
    qtbot: QtBot, ctx: AppContext, renders: list[Any], message_boxes: list[tuple[str, str, str]]
) -> None:
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.pdf_action.trigger()
    assert renders[-1] == ("render_report", (date(2026, 3, 1), date(2026, 3, 31)))
    assert previews()[0].file_name == "bao-cao-to-cnscd-03-2026.pdf"
    view.set_period("this_quarter")
    view.pdf_action.trigger()
    assert renders[-1] == ("render_report", (date(2026, 1, 1), date(2026, 3, 31)))
    assert "Ctrl+P" in view.pdf_action.toolTip()
    view.set_period("custom", date(2026, 3, 2), date(2026, 3, 1))
    view.pdf_action.trigger()
    assert message_boxes[-1][1] == "Không xuất được báo cáo"
    assert len(renders) == 2


def test_a_real_decision_opens_in_the_preview(qtbot: QtBot, ctx: AppContext, decisions: dict[str, str]) -> None:
    view = DecisionsView(ctx)
    qtbot.addWidget(view)
    view.list.select_id(decisions["draft"])
    view.preview_action.trigger()  # the real renderer, on the reader (inline in tests)
    [window] = previews()
    assert window.page_count() >= 2  # the decision, then its annex: the member list
    assert window.pdf.startswith(b"%PDF")
