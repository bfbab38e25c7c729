"""Members: the list with its filters, and the selected person's details edited in place, with their team history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.rules import is_active_membership
from desktop.store.store import StoreError
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.models import PeopleModel, VietnameseSortFilterProxy
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.record_dialog import RecordDialog
from desktop.ui.widgets.record_form import RecordForm
from desktop.ui.widgets.record_list import RecordList
from sync.dates import display_date
from sync.records import FieldError, RecordInvalid, record_type

FORM_FIELDS = ("full_name", "gender", "birth_year", "phone", "email", "position", "organisation", "notes")
WATCHED = {"people", "memberships", "teams", ALL_TYPES}  # the list shows today's teams and roles
NO_TEAM = ""  # team filter value: people who serve in no team today


class PeopleFilterProxy(VietnameseSortFilterProxy):
    """The people list's proxy: search as you type, plus the team and gender filters."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.team: str | None = None  # None: every team; NO_TEAM: in no team today; else a team id
        self.gender: str | None = None

    def set_filters(self, team: str | None, gender: str | None) -> None:
        """Show only the people in a team (or in none) and of a gender; None lifts a filter."""
        self.beginFilterChange()
        self.team, self.gender = team, gender
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if isinstance(model, PeopleModel):
            row = model.row(source_row)
            teams = row.get("team_ids") or []
            if (self.team == NO_TEAM and teams) or (self.team and self.team not in teams):
                return False
            if self.gender is not None and row.get("gender") != self.gender:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class PersonPanel(QWidget):
    """The selected person: their details edited in place (Lưu, Ctrl+S; Esc reverts) and memberships over time."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = ""
        self.record: dict[str, Any] | None = None
        self._loaded_values: dict[str, Any] = {}

        self.placeholder = QLabel(self.tr("Chọn một thành viên trong danh sách để xem và sửa thông tin."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.form = RecordForm("people", FORM_FIELDS, parent=self)
        self.form.edited.connect(self._update_buttons)
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setToolTip(self.tr("Lưu thay đổi (Ctrl+S); có thể hoàn tác bằng Ctrl+Z"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Bỏ thay đổi"))
        self.revert_button.setToolTip(self.tr("Trả lại thông tin như trước khi sửa (Esc)"))
        self.revert_button.clicked.connect(self.revert)
        self.revert_action = QAction(self)
        self.revert_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.revert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_action.triggered.connect(self.revert)
        self.addAction(self.revert_action)

        self.memberships_caption = QLabel(self.tr("Quá trình tham gia tổ"))
        self.memberships_caption.setFont(font)
        self.memberships = QTableWidget(0, 3)
        self.memberships.setHorizontalHeaderLabels([self.tr("Tổ"), self.tr("Chức danh"), self.tr("Thời gian")])
        self.memberships.setAccessibleName(self.tr("Quá trình tham gia tổ"))
        self.memberships.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.memberships.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.memberships.setTabKeyNavigation(False)
        self.memberships.setWordWrap(False)
        self.memberships.verticalHeader().hide()
        self.memberships.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.memberships.setMinimumHeight(110)
        self.no_memberships = QLabel(self.tr("Chưa tham gia tổ nào."))

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(8, 0, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(self.memberships_caption)
        layout.addWidget(self.memberships, 1)
        layout.addWidget(self.no_memberships)
        layout.addStretch(0)  # takes the room the table leaves when there is none to show
        scroll = QScrollArea()  # the form never gets cut off on a short screen or with errors shown
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the frame around them
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        editors = [editor.widget for editor in self.form.editors.values()]
        for first, second in zip(
            [*editors, self.save_button, self.revert_button],
            [*editors[1:], self.save_button, self.revert_button, self.memberships],
            strict=True,
        ):
            QWidget.setTabOrder(first, second)
        self.show_person("")

    # ----- showing -----

    def show_person(self, record_id: str, *, keep_edits: bool = True) -> None:
        """Show a person (""/gone: the placeholder); typed edits of the person shown survive a reload."""
        record = self.ctx.store.get("people", record_id) if record_id else None
        if record is not None and record.get("deleted"):
            record = None
        same = record is not None and record_id == self.record_id
        self.record_id = record["id"] if record else ""
        self.record = record
        self.pages.setCurrentIndex(1 if record else 0)
        if record is None:
            self._loaded_values = {}
            self._update_buttons()
            return
        self.heading.setText(record["full_name"])
        if not (same and keep_edits and self.is_dirty()):
            self.form.set_record(record)
            self._loaded_values = self.form.values()
        self._show_memberships(record["id"])
        self._update_buttons()

    def _show_memberships(self, person_id: str) -> None:
        store = self.ctx.store
        roles = record_type("memberships").field("role")
        today = store.today().isoformat()
        memberships = sorted(
            store.rows("memberships", "person_id = ?", [person_id]),
            key=lambda m: m.get("start_date") or "",
            reverse=True,
        )
        self.memberships.setRowCount(len(memberships))
        for row, membership in enumerate(memberships):
            team = store.get("teams", membership["team_id"]) or {}
            name = str(team.get("name", ""))
            if team.get("status") == "dissolved":
                name = self.tr("{team} (đã giải thể)").format(team=name)
            start = display_date(membership.get("start_date")) or "…"
            if is_active_membership(membership, today):
                period = self.tr("{start} – nay").format(start=start)
            else:
                period = self.tr("{start} – {end}").format(start=start, end=display_date(membership.get("end_date")))
            for column, text in enumerate((name, i18n.choice_label(roles, membership["role"]), period)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.memberships.setItem(row, column, item)
        self.memberships.resizeColumnToContents(1)
        self.memberships.resizeColumnToContents(2)
        self.memberships.setVisible(bool(memberships))
        self.no_memberships.setVisible(not memberships)

    # ----- editing -----

    def is_dirty(self) -> bool:
        """True when the form holds edits not yet saved."""
        return self.record is not None and self.form.values() != self._loaded_values

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def save(self) -> bool:
        """Save the form as one undoable step; on a problem, mark it beside its field and keep the edits."""
        record = self.record
        if record is None:
            return False
        if not self.is_dirty():
            return True
        values = self.form.values()
        record_id = record["id"]
        text = self.tr("Sửa thành viên {name}").format(name=values.get("full_name") or record["full_name"])
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                text,
                lambda store: store.update("people", record_id, values),
            )
        except RecordInvalid as error:
            self.form.show_errors(error.errors)
            return False
        except StoreError as error:
            self.form.show_errors([FieldError("", error.vi, error.en)])
            return False
        self.show_person(record_id, keep_edits=False)  # the values as stored: "+84 912…" becomes "0912 …"
        return True

    def revert(self) -> None:
        """Forget the edits: the form shows the stored values again."""
        if self.record is not None:
            self.show_person(self.record["id"], keep_edits=False)
            self.form.clear_errors()


class PeopleView(QWidget):
    """Filters and the members list on the left, the selected person on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.add_dialog: RecordDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.duplicates_dialog: DuplicatesDialog | None = None
        self._reloading = False
        self._select_after_reload = ""

        self.panel = PersonPanel(ctx)
        self.model = PeopleModel(ctx.store, self)
        self.proxy = PeopleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = RecordList(
            ctx, self.proxy, self.tr("thành viên"), count_text=lambda n: self.tr("%Ln thành viên", "", n)
        )
        self.list.export_title = self.tr("Danh sách thành viên")
        self.list.view.setSortingEnabled(True)
        self.list.view.sortByColumn(PeopleModel.NAME, Qt.SortOrder.AscendingOrder)
        # Team names share a long prefix ("Tổ công nghệ số cộng đồng …"): keep their distinct ends in sight.
        self.list.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # Teams and roles are what the list is for; the long position/organisation cell goes last.
        self.list.view.horizontalHeader().moveSection(PeopleModel.POSITION, PeopleModel.ROLES)

        self.team_filter = QComboBox()
        self.team_filter.setAccessibleName(self.tr("Lọc theo tổ"))
        self.team_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_filter.setMinimumContentsLength(18)
        self.gender_filter = QComboBox()
        self.gender_filter.setAccessibleName(self.tr("Lọc theo giới tính"))
        self.gender_filter.addItem(self.tr("Tất cả"), None)
        for choice in record_type("people").field("gender").choices:
            self.gender_filter.addItem(i18n.label(choice), choice.value)
        team_caption = QLabel(self.tr("T&huộc tổ:"))
        team_caption.setBuddy(self.team_filter)
        gender_caption = QLabel(self.tr("Giới tí&nh:"))
        gender_caption.setBuddy(self.gender_filter)
        filters = QHBoxLayout()
        filters.addWidget(team_caption)
        filters.addWidget(self.team_filter)
        filters.addSpacing(12)
        filters.addWidget(gender_caption)
        filters.addWidget(self.gender_filter)
        filters.addStretch(1)
        self._fill_team_filter()
        self.team_filter.currentIndexChanged.connect(self._apply_filters)
        self.gender_filter.currentIndexChanged.connect(self._apply_filters)

        self.list.toolbar.addSeparator()
        self.duplicates_action = QAction(self.tr("Trùng lặp…"), self)
        self.duplicates_action.setShortcut(QKeySequence("Ctrl+D"))
        self.duplicates_action.setToolTip(self.tr("Tìm và gộp thành viên bị nhập trùng (Ctrl+D)"))
        self.duplicates_action.triggered.connect(self.open_duplicates)
        self.list.toolbar.addAction(self.duplicates_action)
        self.save_action = QAction(self.tr("Lưu"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.panel.save)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(lambda: self.list.search_edit.setFocus())
        for action in (self.duplicates_action, self.save_action, self.search_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.list.search_edit.setToolTip(self.tr("Tìm theo tên, số điện thoại, chức vụ, tổ (Ctrl+F)"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 370])
        self.splitter.restoreState(ctx.settings.value("people/splitter", QByteArray()))  # as the user left it
        self.splitter.splitterMoved.connect(
            lambda *_args: ctx.settings.setValue("people/splitter", self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.team_filter, self.gender_filter)
        QWidget.setTabOrder(self.gender_filter, self.list.search_edit)
        QWidget.setTabOrder(self.list.search_edit, self.list.view)
        QWidget.setTabOrder(self.list.view, next(iter(self.panel.form.editors.values())).widget)

        self.list.search_changed.connect(self.proxy.set_search_text)
        self.list.current_changed.connect(self._current_changed)
        self.list.add_requested.connect(self.add_person)
        self.list.edit_requested.connect(self.edit_person)
        self.list.delete_requested.connect(self.delete_person)
        self.list.history_requested.connect(self.show_history)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)  # one reload for the several types one operation announces
        self._reload_timer.timeout.connect(self.reload)
        ctx.hub.data_changed.connect(self._data_changed)
        self.reload()

    # ----- loading -----

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED:
            self._reload_timer.start()

    def reload(self) -> None:
        """Read the list again, keeping the selected person and any edits typed in the panel."""
        self._reload_timer.stop()
        selected = self._select_after_reload or self.panel.record_id or self.list.current_id()
        row = self.list.view.currentIndex().row()
        self._select_after_reload = ""
        self._reloading = True
        try:
            self._fill_team_filter()
            self.model.reload()
            if selected and not self.list.select_id(selected) and row >= 0 and self.proxy.rowCount():
                # The person is gone (deleted, merged): the row that took their place is selected instead.
                self.list.view.selectRow(min(row, self.proxy.rowCount() - 1))
        finally:
            self._reloading = False
        # A person hidden by a filter keeps the panel only while it holds unsaved edits.
        self.panel.show_person(self.list.current_id() or (self.panel.record_id if self.panel.is_dirty() else ""))

    def _fill_team_filter(self) -> None:
        current = self.team_filter.currentData()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem(self.tr("Tất cả các tổ"), None)
        self.team_filter.addItem(self.tr("Không thuộc tổ nào"), NO_TEAM)
        for team in self.ctx.store.rows("teams", "status = 'active'", order_by="name COLLATE vi"):
            self.team_filter.addItem(team["name"], team["id"])
        index = self.team_filter.findData(current)
        self.team_filter.setCurrentIndex(max(index, 0))
        self.team_filter.blockSignals(False)
        if index < 0 and current is not None:  # the team filtered on was dissolved or deleted
            self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.team_filter.currentData(), self.gender_filter.currentData())
        self.list.update_count()
        if self.panel.record_id and not self.list.current_id():
            self.list.select_id(self.panel.record_id)

    def set_team_filter(self, team: str | None) -> None:
        """Choose the team filter: None for every team, NO_TEAM for people in none, else a team id."""
        self.team_filter.setCurrentIndex(max(self.team_filter.findData(team), 0))

    def set_gender_filter(self, gender: str | None) -> None:
        """Choose the gender filter: None for all."""
        self.gender_filter.setCurrentIndex(max(self.gender_filter.findData(gender), 0))

    # ----- selection -----

    def _current_changed(self, record_id: str) -> None:
        if self._reloading or record_id == self.panel.record_id:
            return
        panel = self.panel
        if record_id and not self._settle_edits():
            self.list.select_id(panel.record_id)  # the edits could not be saved: stay, with the problems shown
            return
        if record_id:
            panel.show_person(record_id, keep_edits=False)

    def _settle_edits(self) -> bool:
        """Save or drop unsaved edits, as the user says; False when saving failed (the form marks why)."""
        if not self.panel.is_dirty():
            return True
        name = self.panel.record["full_name"] if self.panel.record else ""
        keep = messages.confirm(
            self,
            self.tr("Lưu thay đổi?"),
            self.tr("Thông tin của {name} đã sửa nhưng chưa lưu. Lưu lại trước khi chuyển sang người khác?").format(
                name=name
            ),
            self.tr("Lưu"),
        )
        if keep:
            return self.panel.save()
        self.panel.revert()
        return True

    # ----- actions -----

    def add_person(self) -> None:
        """Open the form for a new person; once saved, they are selected in the list."""
        if not self._settle_edits():
            return
        dialog = RecordDialog(self.ctx, "people", FORM_FIELDS, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._added(dialog.saved))
        self.add_dialog = dialog
        dialog.open()

    def _added(self, saved: dict[str, Any] | None) -> None:
        if not saved:
            return
        self._select_after_reload = saved["id"]
        self.reload()
        if self.list.current_id() != saved["id"]:
            # A filter hides the new person: show everyone rather than leave them out of sight.
            self.set_team_filter(None)
            self.set_gender_filter(None)
            self.list.search_edit.clear()
            self.list.select_id(saved["id"])
        self.ctx.hub.status_message.emit(self.tr("Đã thêm {name}.").format(name=saved["full_name"]))

    def edit_person(self, record_id: str) -> None:
        """F2 or Enter on a row: edit the person in the panel."""
        if self.panel.record_id != record_id:
            self.list.select_id(record_id)
        self.panel.form.editors["full_name"].widget.setFocus()

    def delete_person(self, record_id: str) -> None:
        """Delete (undoable); the store refuses while the person still serves in a team, and we say why."""
        person = self.ctx.store.get("people", record_id)
        if person is None:
            return
        text = self.tr("Xóa thành viên {name}").format(name=person["full_name"])
        try:
            run_undoable(
                self.ctx.undo, self.ctx.store, self.ctx.hub, text, lambda store: store.delete("people", record_id)
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được thành viên"), i18n.message(error))
            return
        self.ctx.hub.status_message.emit(
            self.tr("Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.").format(name=person["full_name"])
        )

    def show_history(self, record_id: str) -> None:
        """Every change to the person, newest first."""
        dialog = HistoryDialog(self.ctx, "people", record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.open()

    def open_duplicates(self) -> None:
        """Find people entered twice and merge them."""
        if not self._settle_edits():
            return
        dialog = DuplicatesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.duplicates_dialog = dialog
        dialog.open()
