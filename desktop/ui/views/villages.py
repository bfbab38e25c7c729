"""Villages and residential groups: the list beside the chosen village, its team and its 5-skill indicators."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import title
from desktop.store.store import StoreError
from desktop.store.teams import active_memberships
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.models import ID_ROLE, VietnameseSortFilterProxy, VillagesModel
from desktop.ui.team_dialogs import team_dialog
from desktop.ui.undo import run_undoable
from desktop.ui.village_indicators import IndicatorsPanel
from desktop.ui.widgets import messages
from desktop.ui.widgets.record_dialog import RecordDialog
from desktop.ui.widgets.record_form import ERROR_STYLE
from desktop.ui.widgets.record_list import RecordList
from desktop.ui.widgets.rows import heading_label
from sync.dates import display_date
from sync.records import RecordInvalid, record_type

WATCHED = {"villages", "teams", "memberships", "people", "village_indicators", ALL_TYPES}
VILLAGE_FIELDS = ["name", "kind", "households", "notes"]


class VillagesView(QWidget):
    """Villages list and, for the chosen village, its fields, its team and its indicators with a trend chart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.village: dict[str, Any] | None = None
        self.model = VillagesModel(ctx.store, self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = RecordList(
            ctx, self.proxy, self.tr("thôn, tổ dân phố"), count_text=lambda n: self.tr("%Ln thôn, tổ dân phố", "", n)
        )
        self.list.export_title = self.tr("Thôn, tổ dân phố")
        self.list.view.setSortingEnabled(True)
        self.list.view.sortByColumn(VillagesModel.NAME, Qt.SortOrder.AscendingOrder)
        self._build_detail()
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the panel's buttons, not the frame
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.list.search_changed.connect(self.proxy.set_search_text)
        self.list.add_requested.connect(self.add_village)
        self.list.edit_requested.connect(self.edit_village)
        self.list.delete_requested.connect(self.delete_village)
        self.list.history_requested.connect(self.show_history)
        self.list.current_changed.connect(self.show_village)
        ctx.hub.data_changed.connect(self._data_changed)
        QWidget.setTabOrder(self.list.search_edit, self.list.view)
        QWidget.setTabOrder(self.list.view, self.found_button)
        QWidget.setTabOrder(self.found_button, self.indicators.view)
        self.reload()

    # ----- building -----

    def _build_detail(self) -> None:
        self.detail = QWidget()
        self.title = heading_label()
        villages = record_type("villages")
        self.fields = {name: QLabel() for name in ("kind", "households", "notes")}
        info = QFormLayout()
        for name, label in self.fields.items():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.addRow(i18n.label(villages.field(name)) + ":", label)
        self.info = info

        team_box = QGroupBox(self.tr("Tổ công nghệ số cộng đồng"))
        self.team_label = QLabel()
        self.team_label.setWordWrap(True)
        self.team_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.leader_warning = QLabel(self.tr("Chưa có Tổ trưởng"))
        self.leader_warning.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.former_teams = QLabel()
        self.former_teams.setWordWrap(True)
        self.found_action = QAction(self.tr("Thành lập tổ…"), self)
        self.found_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.found_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.found_action.setToolTip(self.tr("Thành lập tổ công nghệ số cộng đồng cho thôn này (Ctrl+Shift+T)"))
        self.found_action.triggered.connect(self.found_team)
        self.addAction(self.found_action)
        self.found_button = QPushButton(self.tr("Thành lậ&p tổ…"))
        self.found_button.setToolTip(self.found_action.toolTip())
        self.found_button.clicked.connect(self.found_action.trigger)
        team_layout = QVBoxLayout(team_box)
        team_row = QHBoxLayout()
        team_row.addWidget(self.team_label, 1)
        team_row.addWidget(self.found_button, 0, Qt.AlignmentFlag.AlignTop)
        team_layout.addLayout(team_row)
        team_layout.addWidget(self.leader_warning)
        team_layout.addWidget(self.former_teams)

        self.indicators = IndicatorsPanel(self.ctx, lambda dialog: self.run_dialog(dialog))
        self.addAction(self.indicators.add_action)

        self.empty = QLabel(self.tr("Chọn một thôn trong danh sách để xem tổ và số liệu của thôn."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addLayout(info)
        body.addWidget(team_box)
        body.addWidget(self.indicators)
        body.addStretch(1)
        outer = QVBoxLayout(self.detail)
        outer.setContentsMargins(8, 0, 4, 0)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.empty, 1)

    # ----- showing -----

    def reload(self) -> None:
        """Read the villages again and keep the same one chosen."""
        chosen, indicator = self.list.current_id(), self.indicators.current_id()
        self.model.reload()
        if not (chosen and self.list.select_id(chosen)) and not self._select_first():
            self.show_village(self.list.current_id())
        if indicator:
            self.indicators.select(indicator)

    def _select_first(self) -> bool:
        # Something is always shown when the list has rows: the panel is never blank for no reason.
        first = self.proxy.index(0, 0)
        return first.isValid() and self.list.select_id(str(first.data(ID_ROLE)))

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED:
            self.reload()

    def show_village(self, village_id: str) -> None:
        """Fill the detail panel with a village ("" for none)."""
        village = self.ctx.store.get("villages", village_id) if village_id else None
        self.village = village if village and not village.get("deleted") else None
        self.body.setVisible(self.village is not None)
        self.empty.setVisible(self.village is None)
        self.found_action.setEnabled(False)
        self.indicators.set_village(self.village)
        if self.village is None:
            return
        village = self.village
        self.title.setText(title("villages", village))
        kind = record_type("villages").field("kind")
        self.fields["kind"].setText(i18n.choice_label(kind, village.get("kind")))
        households = village.get("households")
        self.fields["households"].setText(
            self.tr("chưa ghi") if households is None else f"{households:,}".replace(",", ".")
        )
        self.fields["notes"].setText(village.get("notes") or "")
        self.info.setRowVisible(self.fields["notes"], bool(village.get("notes")))
        self._show_team(village)

    def _show_team(self, village: dict[str, Any]) -> None:
        store = self.ctx.store
        teams = store.rows("teams", "village_id = ?", [village["id"]], order_by="founded_on DESC")
        active = next((team for team in teams if team["status"] == "active"), None)
        if active is None:
            self.team_label.setText(self.tr("Thôn chưa có tổ công nghệ số cộng đồng."))
            self.leader_warning.hide()
        else:
            roster = active_memberships(store, active["id"])
            leaders = [m["person"].get("full_name", "") for m in roster if m["role"] == "to_truong"]
            since = display_date(active.get("founded_on"))
            text = self.tr("<b>{team}</b><br>{count} thành viên").format(team=active["name"], count=len(roster))
            if since:
                text += self.tr(" · thành lập {date}").format(date=since)
            if leaders:
                text += "<br>" + self.tr("Tổ trưởng: {name}").format(name=", ".join(leaders))
            self.team_label.setText(text)
            self.leader_warning.setVisible(not leaders)
        self.found_action.setEnabled(active is None)
        self.found_button.setVisible(active is None)
        former = [team for team in teams if team["status"] != "active"]
        self.former_teams.setVisible(bool(former))
        self.former_teams.setText(
            self.tr("Trước đây: {teams}").format(
                teams="; ".join(
                    self.tr("{team} (giải thể {date})").format(team=t["name"], date=display_date(t.get("dissolved_on")))
                    for t in former
                )
            )
        )

    # ----- villages -----

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when it saved (tests replace this to drive dialogs)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def add_village(self) -> None:
        """Add a village (Ctrl+N)."""
        dialog = RecordDialog(self.ctx, "villages", VILLAGE_FIELDS, parent=self)
        if self.run_dialog(dialog) and dialog.saved:
            self.list.select_id(dialog.saved["id"])

    def edit_village(self, village_id: str) -> None:
        """Edit the chosen village (F2)."""
        village = self.ctx.store.get("villages", village_id)
        if village:
            self.run_dialog(RecordDialog(self.ctx, "villages", VILLAGE_FIELDS, village, parent=self))

    def delete_village(self, village_id: str) -> None:
        """Delete a village (undoable); the store refuses one that still has an active team."""
        village = self.ctx.store.get("villages", village_id)
        if not village:
            return
        name = title("villages", village)
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Xóa {village}").format(village=name),
                lambda store: store.delete("villages", village_id),
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được {village}").format(village=name), i18n.message(error))
            return
        self.ctx.hub.status_message.emit(self.tr("Đã xóa {village}. Nhấn Ctrl+Z để hoàn tác.").format(village=name))

    def show_history(self, village_id: str) -> None:
        """Who changed the village, and when (Ctrl+H)."""
        from desktop.ui.history_dialog import HistoryDialog  # built on demand, like every dialog

        self.run_dialog(HistoryDialog(self.ctx, "villages", village_id, self))

    def found_team(self) -> None:
        """Found a team for the chosen village (Ctrl+Shift+T)."""
        if self.village is not None and self.found_action.isEnabled():
            self.run_dialog(team_dialog(self.ctx, village_id=self.village["id"], parent=self))
