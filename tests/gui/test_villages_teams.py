"""Villages and teams views: editing with undo, indicators, team life (members, roles, moves, dissolving)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.store.teams import active_memberships
from desktop.ui.context import AppContext
from desktop.ui.member_dialogs import AddMemberDialog, ChangeRoleDialog, EndMembershipDialog, MoveMemberDialog
from desktop.ui.models import ID_ROLE, TeamsModel
from desktop.ui.team_dialogs import DissolveTeamDialog, suggested_team_name
from desktop.ui.team_members import MembershipsModel
from desktop.ui.views.teams import TeamsView
from desktop.ui.views.villages import VillagesView
from desktop.ui.village_indicators import IndicatorsModel, percent_text, share
from desktop.ui.widgets.record_dialog import RecordDialog
from tests.gui.conftest import column, type_text


def ids_by_name(store: Store, type_name: str, key: str = "name") -> dict[str, str]:
    """Record ids of one type by their name (full_name for people)."""
    return {row[key]: row["id"] for row in store.rows(type_name)}


def drive(view: QWidget, monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None]) -> list[Any]:
    """Replace the view's modal dialogs: fill() acts on each one, then Lưu is pressed; returns the dialogs seen."""
    seen: list[Any] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(view, "run_dialog", run)
    return seen


def member_names(model: MembershipsModel) -> list[tuple[str, str]]:
    """(name, role) of the rows a members table shows."""
    return [(model.row(r)["full_name"], model.row(r)["role"]) for r in range(model.rowCount())]


def shown_rows(view: Any, column_index: int) -> list[str]:
    """What a list's column shows, in the list's order."""
    return column(view.proxy, column_index)


@pytest.fixture
def villages(qtbot: QtBot, ctx: AppContext) -> VillagesView:
    view = VillagesView(ctx)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def teams(qtbot: QtBot, ctx: AppContext) -> TeamsView:
    view = TeamsView(ctx)
    qtbot.addWidget(view)
    return view


def choose_team(view: TeamsView, name: str) -> str:
    team_id = ids_by_name(view.ctx.store, "teams")[name]
    view.status_combo.setCurrentIndex(view.status_combo.findData(""))
    assert view.list.select_id(team_id)
    return team_id


def choose_member(view: TeamsView, name: str) -> str:
    for row in range(view.current_proxy.rowCount()):
        index = view.current_proxy.index(row, MembershipsModel.NAME)
        if index.data() == name:
            view.current_view.setCurrentIndex(index)
            return str(index.data(ID_ROLE))
    raise AssertionError(f"{name} is not a current member")


# ----- pure helpers -----


def test_share_and_percent_text() -> None:
    assert share(91, 182) == 50.0
    assert percent_text(share(91, 182)) == "50%"
    assert percent_text(share(120, 182)) == "65,9%"
    assert share(5, None) is None and share(None, 10) is None and share(3, 0) is None
    assert percent_text(None) == "—"


def test_suggested_team_name(store: Store) -> None:
    village = store.rows("villages", "name = 'Chắt'")[0]  # typed "Bản Chắt": the kind is its own field
    assert suggested_team_name(store, village) == "Tổ công nghệ số cộng đồng bản Chắt"
    assert suggested_team_name(store, {"name": "Khu 3", "kind": "khac"}) == "Tổ công nghệ số cộng đồng Khu 3"
    assert suggested_team_name(store, None) == "Tổ công nghệ số cộng đồng xã Tân Thành"


# ----- villages -----


def test_villages_list_and_detail(villages: VillagesView) -> None:
    assert shown_rows(villages, 0) == ["Bản Chắt", "Thôn Đồng Ý", "Thôn Nà Phái"]
    assert villages.list.count_label.text() == "3 thôn, tổ dân phố"
    villages.list.select_id(ids_by_name(villages.ctx.store, "villages")["Nà Phái"])
    assert villages.title.text() == "Thôn Nà Phái"
    assert villages.fields["households"].text() == "182"
    assert "Tổ CNSCĐ thôn Nà Phái" in villages.team_label.text()
    assert "Nguyễn Thị Ánh" in villages.team_label.text()
    assert not villages.found_button.isVisibleTo(villages)
    villages.list.select_id(ids_by_name(villages.ctx.store, "villages")["Đồng Ý"])
    assert villages.team_label.text() == "Thôn chưa có tổ công nghệ số cộng đồng."
    assert villages.found_button.isVisibleTo(villages) and villages.found_action.isEnabled()


def test_search_villages_without_diacritics(qtbot: QtBot, villages: VillagesView) -> None:
    type_text(qtbot, villages.list.search_edit, "dong y")
    assert shown_rows(villages, 0) == ["Thôn Đồng Ý"]


def test_add_edit_delete_village_and_undo(
    qtbot: QtBot, villages: VillagesView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add(dialog: RecordDialog) -> None:
        type_text(qtbot, dialog.form.editors["name"].widget, "khuổi phặt")
        dialog.form.editors["kind"].set_value("ban")
        type_text(qtbot, dialog.form.editors["households"].widget, "75")

    drive(villages, monkeypatch, add)
    villages.add_village()
    assert "Bản Khuổi Phặt" in shown_rows(villages, 0)
    new_id = villages.list.current_id()
    assert villages.title.text() == "Bản Khuổi Phặt"  # the new village is chosen

    def rename(dialog: RecordDialog) -> None:
        dialog.form.editors["households"].widget.clear()
        type_text(qtbot, dialog.form.editors["households"].widget, "80")

    drive(villages, monkeypatch, rename)
    villages.edit_village(new_id)
    assert ctx.store.require("villages", new_id)["households"] == 80
    assert villages.fields["households"].text() == "80"

    villages.delete_village(new_id)
    assert "Bản Khuổi Phặt" not in shown_rows(villages, 0)
    ctx.undo.undo()  # the delete
    assert "Bản Khuổi Phặt" in shown_rows(villages, 0)
    ctx.undo.undo()  # the edit
    assert ctx.store.require("villages", new_id)["households"] == 75
    ctx.undo.undo()  # the insert
    assert "Bản Khuổi Phặt" not in shown_rows(villages, 0)


def test_invalid_village_stays_open_with_inline_error(
    qtbot: QtBot, villages: VillagesView, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = drive(villages, monkeypatch, lambda dialog: type_text(qtbot, dialog.form.editors["households"].widget, "5"))
    villages.add_village()  # no name
    dialog = seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form._errors["name"].text() == "Tên thôn: không được để trống."
    assert len(shown_rows(villages, 0)) == 3


def test_delete_village_with_active_team_is_refused(
    villages: VillagesView, ctx: AppContext, message_boxes: list[tuple[str, str, str]]
) -> None:
    village_id = ids_by_name(ctx.store, "villages")["Nà Phái"]
    villages.delete_village(village_id)
    assert message_boxes[-1][0] == "warning"
    assert message_boxes[-1][1] == "Không xóa được Thôn Nà Phái"
    assert "còn tổ đang hoạt động" in message_boxes[-1][2]
    assert not ctx.store.require("villages", village_id)["deleted"]
    assert ctx.undo.count() == 0


def test_add_indicator_shows_percentage_and_chart(
    qtbot: QtBot, villages: VillagesView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    village_id = ids_by_name(ctx.store, "villages")["Nà Phái"]
    villages.list.select_id(village_id)
    assert villages.indicators.model.rowCount() == 0 and villages.indicators.no_data.isVisibleTo(villages)

    def enter(dialog: RecordDialog) -> None:
        assert dialog.form.editors["households"].widget.text() == "182"  # the village's count by default
        assert dialog.form.editors["date"].value() == "2026-03-02"
        type_text(qtbot, dialog.form.editors["households_5skills"].widget, "91")
        assert dialog.indicator_share.text() == "Tỷ lệ hộ đạt 5 kỹ năng số: 50%"

    drive(villages, monkeypatch, enter)
    villages.indicators.add()
    model = villages.indicators.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == ["02/03/2026", "182", "91", "50%"]
    assert villages.indicators.chart.points == [("2026-03-02", 50.0)]
    assert "91/182 hộ đạt 5 kỹ năng số — 50%" in villages.indicators.summary.text()

    ctx.store.insert(
        "village_indicators",
        {"village_id": village_id, "date": "2025-06-30", "households": 180, "households_5skills": 40},
    )
    ctx.hub.changed(["village_indicators"])  # another job wrote one: the panel follows
    assert column(villages.indicators.proxy, IndicatorsModel.DATE) == ["02/03/2026", "30/06/2025"]
    assert column(villages.indicators.proxy, IndicatorsModel.SHARE) == ["50%", "22,2%"]
    assert [day for day, _ in villages.indicators.chart.points] == ["2025-06-30", "2026-03-02"]

    villages.indicators.view.setCurrentIndex(villages.indicators.proxy.index(0, 0))
    villages.indicators.delete()
    assert model.rowCount() == 1
    ctx.undo.undo()
    assert model.rowCount() == 2


def test_indicator_over_households_is_refused_inline(
    qtbot: QtBot, villages: VillagesView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    villages.list.select_id(ids_by_name(ctx.store, "villages")["Nà Phái"])
    seen = drive(
        villages,
        monkeypatch,
        lambda d: type_text(qtbot, d.form.editors["households_5skills"].widget, "200"),
    )
    villages.indicators.add()
    assert "không được lớn hơn tổng số hộ" in seen[0].form._errors["households_5skills"].text()
    assert villages.indicators.model.rowCount() == 0


def test_found_team_from_a_village(villages: VillagesView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    village_id = ids_by_name(ctx.store, "villages")["Đồng Ý"]
    villages.list.select_id(village_id)
    seen = drive(villages, monkeypatch, lambda dialog: None)
    villages.found_team()
    assert seen[0].form.editors["name"].widget.text() == "Tổ công nghệ số cộng đồng thôn Đồng Ý"
    assert "Tổ công nghệ số cộng đồng thôn Đồng Ý" in villages.team_label.text()
    assert villages.leader_warning.isVisibleTo(villages)  # a new team has no leader yet


# ----- teams -----


def test_status_filter(teams: TeamsView, ctx: AppContext) -> None:
    assert teams.status_combo.currentData() == "active"
    assert sorted(shown_rows(teams, TeamsModel.NAME)) == ["Tổ CNSCĐ bản Chắt", "Tổ CNSCĐ thôn Nà Phái"]
    assert teams.list.view.isColumnHidden(TeamsModel.STATUS)
    teams.status_combo.setCurrentIndex(teams.status_combo.findData("dissolved"))
    assert shown_rows(teams, TeamsModel.NAME) == ["Tổ CNSCĐ thôn Đồng Ý"]
    teams.status_combo.setCurrentIndex(teams.status_combo.findData(""))
    assert shown_rows(teams, TeamsModel.NAME) == ["Tổ CNSCĐ bản Chắt", "Tổ CNSCĐ thôn Đồng Ý", "Tổ CNSCĐ thôn Nà Phái"]
    assert not teams.list.view.isColumnHidden(TeamsModel.STATUS)
    assert teams.list.count_label.text() == "3 tổ"
    assert ctx.settings.value("teams/status_filter") == ""  # remembered for next time


def test_team_detail_shows_members_over_time(teams: TeamsView, ctx: AppContext) -> None:
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    assert teams.title.text() == "Tổ CNSCĐ thôn Nà Phái"
    assert teams.fields["village"].text() == "Thôn Nà Phái"
    assert not teams.warning.isVisibleTo(teams)
    # Leader first, then the deputy, then members.
    assert column(teams.current_proxy, MembershipsModel.ROLE) == ["Tổ trưởng", "Tổ phó", "Thành viên"]
    teams.current_view.sortByColumn(MembershipsModel.NAME, Qt.SortOrder.AscendingOrder)
    # Vietnamese roster order: An < Ánh < Đạt (given name first; Á after A, Đ after D).
    assert column(teams.current_proxy, MembershipsModel.NAME) == ["Lê Văn An", "Nguyễn Thị Ánh", "Phạm Văn Đạt"]
    assert column(teams.current_proxy, MembershipsModel.PHONE)[2] == "0912 345 678"
    assert teams.former_model.rowCount() == 0
    choose_team(teams, "Tổ CNSCĐ thôn Đồng Ý")
    assert teams.fields["status"].text() == "Đã giải thể"
    assert teams.fields["dissolved_on"].text() == "30/06/2025"
    assert not teams.add_member_action.isEnabled() and not teams.dissolve_action.isEnabled()


def test_found_team(teams: TeamsView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    def found(dialog: RecordDialog) -> None:
        combo = dialog.form.editors["village_id"].widget
        # Only villages without an active team, after the commune level.
        assert [combo.itemText(i) for i in range(combo.count())] == ["Cấp xã (không thuộc thôn nào)", "Thôn Đồng Ý"]
        assert dialog.form.editors["name"].widget.text() == "Tổ công nghệ số cộng đồng xã Tân Thành"
        combo.setCurrentIndex(1)
        assert dialog.form.editors["name"].widget.text() == "Tổ công nghệ số cộng đồng thôn Đồng Ý"

    drive(teams, monkeypatch, found)
    teams.found_team()
    team = ctx.store.rows("teams", "name = 'Tổ công nghệ số cộng đồng thôn Đồng Ý'")[0]
    assert team["village_id"] == ids_by_name(ctx.store, "villages")["Đồng Ý"]
    assert team["founded_on"] == "2026-03-02" and team["status"] == "active"
    assert teams.list.current_id() == team["id"]
    assert teams.warning.isVisibleTo(teams)  # "Chưa có Tổ trưởng"
    row = next(r for r in range(teams.proxy.rowCount()) if teams.proxy.index(r, 0).data(ID_ROLE) == team["id"])
    assert teams.proxy.index(row, TeamsModel.LEADER).data() == "Chưa có Tổ trưởng"
    ctx.undo.undo()
    assert ctx.store.require("teams", team["id"])["deleted"]


def test_add_existing_member_found_without_diacritics(
    qtbot: QtBot, teams: TeamsView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")

    def pick(dialog: AddMemberDialog) -> None:
        picker = dialog.picker
        assert picker.proxy.rowCount() == 5  # 8 people, 3 already in the team
        type_text(qtbot, picker.search, "lang van hoa")
        assert picker.proxy.rowCount() == 2  # Hoà and Hòa alike
        type_text(qtbot, picker.search, " 1992")
        assert picker.proxy.rowCount() == 1
        assert picker.chosen_id() == ctx.store.rows("people", "birth_year = 1992")[0]["id"]
        dialog.start.setDate(dialog.start.date().addDays(-1))

    seen = drive(teams, monkeypatch, pick)
    teams.add_member()
    dialog = seen[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ("Lăng Văn Hòa", "thanh_vien") in member_names(teams.current_model)
    assert teams.current_member_id() == dialog.saved["id"]  # the new member is chosen
    assert dialog.saved["start_date"] == "2026-03-01"
    ctx.undo.undo()
    assert ("Lăng Văn Hòa", "thanh_vien") not in member_names(teams.current_model)


def test_add_new_person_as_member(qtbot: QtBot, teams: TeamsView, ctx: AppContext) -> None:
    team_id = choose_team(teams, "Tổ CNSCĐ bản Chắt")
    dialog = AddMemberDialog(ctx, team_id, teams)
    type_text(qtbot, dialog.picker.search, "hoàng thị mai")
    assert dialog.picker.proxy.rowCount() == 0 and dialog.picker.empty.isVisibleTo(dialog)
    dialog.new_radio.setChecked(True)
    assert dialog.person_form.editors["full_name"].widget.text() == "hoàng thị mai"  # carried over
    type_text(qtbot, dialog.person_form.editors["phone"].widget, "12345")
    dialog.accept()
    assert "hợp lệ" in dialog.person_form._errors["phone"].text()  # stays open, the phone marked
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.person_form.editors["phone"].widget.clear()
    type_text(qtbot, dialog.person_form.editors["phone"].widget, "+84 987 654 321")
    dialog.role.setCurrentIndex(dialog.role.findData("to_pho"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    person = ctx.store.rows("people", "full_name = 'Hoàng Thị Mai'")[0]
    assert person["phone"] == "0987654321"
    assert ("Hoàng Thị Mai", "to_pho") in member_names(teams.current_model)
    ctx.undo.undo()  # person and membership go together
    assert ctx.store.require("people", person["id"])["deleted"]
    assert ("Hoàng Thị Mai", "to_pho") not in member_names(teams.current_model)


def test_add_member_requires_a_choice(qtbot: QtBot, teams: TeamsView, ctx: AppContext) -> None:
    dialog = AddMemberDialog(ctx, choose_team(teams, "Tổ CNSCĐ bản Chắt"), teams)
    type_text(qtbot, dialog.picker.search, "khong co ai")
    dialog.accept()
    assert dialog._errors["person_id"].text().startswith("Hãy chọn một người")
    assert ctx.undo.count() == 0


def test_change_leader_demotes_old_leader_in_the_same_step(teams: TeamsView, ctx: AppContext) -> None:
    team_id = choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    dialog = ChangeRoleDialog(ctx, choose_member(teams, "Phạm Văn Đạt"), teams)
    dialog.role.setCurrentIndex(dialog.role.findData("to_truong"))
    assert dialog.swap_box.isVisibleTo(dialog) and dialog.swap_box.isChecked()
    assert "Nguyễn Thị Ánh (Tổ trưởng hiện tại)" in dialog.swap_box.text()
    steps = ctx.undo.count()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.undo.count() == steps + 1  # one step in Hoàn tác
    roles = {m["person"]["full_name"]: m["role"] for m in active_memberships(ctx.store, team_id)}
    assert roles == {"Phạm Văn Đạt": "to_truong", "Nguyễn Thị Ánh": "thanh_vien", "Lê Văn An": "thanh_vien"}
    # The old roles stay as periods of their own, ended the day before.
    former = {(r["full_name"], r["role"], r["end_date"]) for r in map(teams.former_model.row, range(2))}
    assert former == {("Nguyễn Thị Ánh", "to_truong", "2026-03-01"), ("Phạm Văn Đạt", "to_pho", "2026-03-01")}
    assert column(teams.current_proxy, MembershipsModel.NAME)[0] == "Phạm Văn Đạt"
    ctx.undo.undo()
    roles = {m["person"]["full_name"]: m["role"] for m in active_memberships(ctx.store, team_id)}
    assert roles == {"Nguyễn Thị Ánh": "to_truong", "Phạm Văn Đạt": "to_pho", "Lê Văn An": "thanh_vien"}
    assert teams.former_model.rowCount() == 0


def test_second_leader_refused_inline_when_not_demoting(teams: TeamsView, ctx: AppContext) -> None:
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    dialog = ChangeRoleDialog(ctx, choose_member(teams, "Lê Văn An"), teams)
    dialog.role.setCurrentIndex(dialog.role.findData("to_truong"))
    dialog.swap_box.setChecked(False)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog._errors["role"].text().startswith("Tổ đã có Tổ trưởng: Nguyễn Thị Ánh (từ 15/03/2025)")
    assert ctx.undo.count() == 0


def test_move_member(teams: TeamsView, ctx: AppContext) -> None:
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    dialog = MoveMemberDialog(ctx, choose_member(teams, "Lê Văn An"), teams)
    dialog.accept()  # Lê Văn An already leads Tổ CNSCĐ bản Chắt
    assert "đã là thành viên của tổ" in dialog._errors["person_id"].text()

    dialog = MoveMemberDialog(ctx, choose_member(teams, "Phạm Văn Đạt"), teams)
    assert dialog.target.currentText() == "Tổ CNSCĐ bản Chắt"  # the only other active team
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ("Phạm Văn Đạt", "to_pho") not in member_names(teams.current_model)
    assert ("Phạm Văn Đạt", "to_pho") in member_names(teams.former_model)
    bac_chat = ids_by_name(ctx.store, "teams")["Tổ CNSCĐ bản Chắt"]
    assert "Phạm Văn Đạt" in {m["person"]["full_name"] for m in active_memberships(ctx.store, bac_chat)}
    ctx.undo.undo()
    assert ("Phạm Văn Đạt", "to_pho") in member_names(teams.current_model)


def test_end_membership_leaves_the_team_without_leader(teams: TeamsView, ctx: AppContext) -> None:
    choose_team(teams, "Tổ CNSCĐ bản Chắt")
    dialog = EndMembershipDialog(ctx, choose_member(teams, "Lê Văn An"), teams)
    dialog.accept()
    assert member_names(teams.current_model) == [("Hà Thị Em", "thanh_vien")]
    assert teams.former_model.row(0)["end_date"] == "2026-03-01"  # leaves from today: last day yesterday
    assert teams.warning.isVisibleTo(teams) and teams.warning.text() == "Chưa có Tổ trưởng"
    ctx.undo.undo()
    assert not teams.warning.isVisibleTo(teams)


def test_dissolve_team_and_undo(teams: TeamsView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    team_id = ids_by_name(ctx.store, "teams")["Tổ CNSCĐ bản Chắt"]
    teams.list.select_id(team_id)
    seen = drive(teams, monkeypatch, lambda dialog: None)
    teams.dissolve()
    assert isinstance(seen[0], DissolveTeamDialog)
    team = ctx.store.require("teams", team_id)
    assert (team["status"], team["dissolved_on"]) == ("dissolved", "2026-03-02")
    assert active_memberships(ctx.store, team_id, "2026-03-03") == []
    assert "Tổ CNSCĐ bản Chắt" not in shown_rows(teams, TeamsModel.NAME)  # the list shows active teams
    ctx.undo.undo()
    team = ctx.store.require("teams", team_id)
    assert (team["status"], team["dissolved_on"]) == ("active", None)
    assert len(active_memberships(ctx.store, team_id, "2026-03-03")) == 2
    assert "Tổ CNSCĐ bản Chắt" in shown_rows(teams, TeamsModel.NAME)


def test_dissolve_before_founding_is_refused_inline(teams: TeamsView, ctx: AppContext) -> None:
    team_id = choose_team(teams, "Tổ CNSCĐ bản Chắt")
    dialog = DissolveTeamDialog(ctx, team_id, teams)
    dialog.day.setDate(dialog.day.date().addYears(-2))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog._errors["dissolved_on"].isVisibleTo(dialog)
    assert ctx.store.require("teams", team_id)["status"] == "active"


def test_delete_team_with_members_is_refused(
    teams: TeamsView, ctx: AppContext, message_boxes: list[tuple[str, str, str]]
) -> None:
    team_id = ids_by_name(ctx.store, "teams")["Tổ CNSCĐ bản Chắt"]
    teams.delete_team(team_id)
    assert message_boxes[-1][1] == "Không xóa được tổ"
    assert "hãy giải thể tổ thay vì xóa" in message_boxes[-1][2]


# ----- keyboard -----


@pytest.mark.parametrize("view_class", [VillagesView, TeamsView])
def test_ctrl_n_opens_the_add_dialog(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, view_class: type[QWidget]
) -> None:
    view = view_class(ctx)  # type: ignore[call-arg]
    qtbot.addWidget(view)
    opened: list[QDialog] = []
    monkeypatch.setattr(view, "run_dialog", lambda dialog: opened.append(dialog) or False)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.list.view.setFocus()
    qtbot.waitUntil(view.list.view.hasFocus)
    qtbot.keyClick(view.list.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and isinstance(opened[0], RecordDialog)


def test_member_shortcuts(qtbot: QtBot, teams: TeamsView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QDialog] = []
    monkeypatch.setattr(teams, "run_dialog", lambda dialog: opened.append(dialog) or False)
    teams.show()
    qtbot.waitExposed(teams)
    teams.activateWindow()
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    choose_member(teams, "Lê Văn An")
    teams.current_view.setFocus()
    qtbot.waitUntil(teams.current_view.hasFocus)
    for key in (Qt.Key.Key_M, Qt.Key.Key_R, Qt.Key.Key_T, Qt.Key.Key_L):
        qtbot.keyClick(teams.current_view, key, Qt.KeyboardModifier.ControlModifier)
    assert [type(d) for d in opened] == [AddMemberDialog, ChangeRoleDialog, MoveMemberDialog, EndMembershipDialog]
    assert "(Ctrl+M)" in teams.add_member_action.toolTip()


def test_history_opens_for_the_chosen_record(
    villages: VillagesView, teams: TeamsView, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.history_dialog import HistoryDialog

    opened: list[Any] = []
    for view in (villages, teams):
        monkeypatch.setattr(view, "run_dialog", lambda dialog: opened.append(dialog) or False)
    villages.list.select_id(ids_by_name(ctx.store, "villages")["Nà Phái"])
    villages.list.history_action.trigger()
    teams.list.select_id(ids_by_name(ctx.store, "teams")["Tổ CNSCĐ bản Chắt"])
    teams.list.history_action.trigger()
    assert [(type(d), d.type_name) for d in opened] == [(HistoryDialog, "villages"), (HistoryDialog, "teams")]


def test_member_selection_survives_a_reload(teams: TeamsView, ctx: AppContext) -> None:
    choose_team(teams, "Tổ CNSCĐ thôn Nà Phái")
    membership_id = choose_member(teams, "Lê Văn An")
    person_id = ids_by_name(ctx.store, "people", "full_name")["Lê Văn An"]
    ctx.store.update("people", person_id, {"phone": "0987654321"})
    ctx.hub.changed(["people"])  # edited in the members view
    assert teams.current_member_id() == membership_id
    assert "0987 654 321" in column(teams.current_proxy, MembershipsModel.PHONE)
