"""Fast entry of support sessions from a stack of paper forms, and editing one picked in the table.

Made for the keyboard. Tab order, top to bottom: team, date, start and end time, place, the category
boxes (Space or a digit ticks one and moves to its count; ↑/↓ move between boxes), the total, the members
present (Space ticks), notes. Enter in any field saves and starts the next form with team, date and place
kept, the cursor back in the date (what changes from one form to the next); Esc clears the form. A form
typed this way takes about twenty keystrokes: "0502 Tab 8h Tab 10h30 Tab Tab 5 Enter".
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import title
from desktop.store.session_queries import (
    EntryForm,
    auto_total,
    count_problems,
    entry_problems,
    entry_values,
    parse_entry_date,
    parse_entry_time,
    places_of_team,
    present_choices,
)
from desktop.store.store import StoreError
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.widgets.record_dialog import rejection_label, show_rejection
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE
from sync.dates import display_date
from sync.records import FieldError, RecordInvalid, record_type
from sync.text import collation_key, fold

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SETTINGS_TEAM = "sessions/last_team"
SETTINGS_PLACE = "sessions/last_place/{team}"  # the last place per team: a team works in its own village


class FoldingCompleter(QCompleter):
    """Completes places blind to diacritics: "nha van" offers "Nhà văn hóa thôn Nà Phái"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(8)

    def set_items(self, texts: list[str]) -> None:
        """Offer these texts, most used first."""
        self.items.clear()
        for text in texts:
            item = QStandardItem(text)
            item.setData(fold(text), FOLDED_ROLE)
            self.items.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class SessionEntry(QWidget):
    """One paper form on screen: new (Thêm) or an existing session (Sửa); saving is one undoable step."""

    saved = Signal(str)  # the session's id
    editing_changed = Signal(str)  # the id of the session being edited, "" for a new one

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing: dict[str, Any] | None = None
        self.dirty = False  # something typed that saving or clearing would settle
        self._filling = False  # set_* calls are not the user's edits
        self.categories: list[tuple[str, QCheckBox, QLineEdit]] = []
        self._errors: dict[str, QLabel] = {}

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)  # a long place in "Sửa buổi hỗ trợ …" must not widen the panel
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")

        self.team = QComboBox()
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.team.setMinimumContentsLength(16)  # long team names are elided, not widening the panel
        self.team.setToolTip(self.tr("Tổ đã giúp người dân; được nhớ cho phiếu sau"))
        self.date = self._line(self.tr("dd/mm/yyyy"), self.tr("Gõ 05/02/2026, 5/2 hoặc 0502 (năm nay)"), 96)
        self.start = self._line(self.tr("8h00"), self.tr("Giờ bắt đầu: 8h30, 08:30 hoặc 830 (không bắt buộc)"), 60)
        self.end = self._line(self.tr("10h30"), self.tr("Giờ kết thúc (không bắt buộc)"), 60)
        self.place = self._line(self.tr("Nhà văn hóa thôn…"), self.tr("Gõ vài chữ, không cần dấu, để chọn nơi cũ"))
        self.completer = FoldingCompleter(self.place)
        self.place.setCompleter(self.completer)
        self.total = self._line("", self.tr("Nếu để trống: bằng số người của lĩnh vực đông nhất"), 70)
        self.total.setValidator(QIntValidator(0, 100_000, self.total))
        self.members = QListWidget()
        self.members.setToolTip(self.tr("Thành viên của tổ vào ngày đó; Space để đánh dấu"))
        self.members.setFixedHeight(self.fontMetrics().height() * 7 + 10)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.notes.setToolTip(self.tr("Enter để lưu; Shift+Enter để xuống dòng"))
        self.save_button = QPushButton()
        self.clear_button = QPushButton()
        self.last_saved = QLabel()
        self.last_saved.setWordWrap(True)
        self.last_saved.setStyleSheet("color: #1b5e20;")
        self.general_error = self._error_label("")
        self.rejection = rejection_label()  # why the province refused the session being edited

        # Alt+L, Alt+N, Alt+A, Alt+H, Alt+C: letters the menu bar (T, S, I, G) does not use.
        self.category_box = QGroupBox(self.tr("&Lĩnh vực hỗ trợ và số người"))
        self.category_grid = QGridLayout(self.category_box)
        self.category_grid.setColumnStretch(0, 1)
        self.category_grid.setVerticalSpacing(2)
        self._layout()

        self.team.currentIndexChanged.connect(self._team_changed)
        self.date.editingFinished.connect(self._date_finished)
        self.date.textEdited.connect(self._touched)
        for edit in (self.start, self.end):
            edit.editingFinished.connect(lambda edit=edit: self._time_finished(edit))
            edit.textEdited.connect(self._touched)
        self.place.textEdited.connect(self._touched)
        self.total.textEdited.connect(self._counts_edited)
        self.members.itemChanged.connect(self._touched)
        self.notes.textChanged.connect(self._touched)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        for widget in (self.team, self.date, self.start, self.end, self.place, self.total, self.members, self.notes):
            widget.installEventFilter(self)

        self.refresh()
        self.start_new(keep=False)

    # ----- building -----

    def _line(self, placeholder: str, tip: str, width: int = 0) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tip)
        if width:
            edit.setFixedWidth(width)
        return edit

    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        if field:
            self._errors[field] = label
        return label

    def _cell(self, widget: QWidget | QHBoxLayout, *fields: str) -> QWidget:
        """A field with its problems written beneath it."""
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(widget, QWidget):
            layout.addWidget(widget)
        else:
            layout.addLayout(widget)
        for field in fields:
            layout.addWidget(self._error_label(field))
        return cell

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self._caption(self.tr("Tổ"), self.team), self._cell(self.team, "team_id"))
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addSpacing(10)
        when.addWidget(self._caption(self.tr("Giờ"), self.start))
        when.addWidget(self.start)
        when.addWidget(QLabel("–"))
        when.addWidget(self.end)
        when.addStretch(1)
        form.addRow(self._caption(self.tr("&Ngày"), self.date), self._cell(when, "date", "start_time", "end_time"))
        form.addRow(self._caption(self.tr("Đị&a điểm"), self.place), self._cell(self.place, "place"))
        form.addRow(self._cell(self.category_box, "category_counts"))
        total = QHBoxLayout()
        total.addWidget(self.total)
        total.addStretch(1)
        form.addRow(self._caption(self.tr("Tổng số người"), self.total), self._cell(total, "citizens_total"))
        form.addRow(self._caption(self.tr("T&hành viên"), self.members), self._cell(self.members, "member_ids"))
        form.addRow(self._caption(self.tr("Ghi &chú"), self.notes), self._cell(self.notes, "notes"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.rejection)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addWidget(self.last_saved)
        layout.addStretch(1)

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.team, self.date, self.start, self.end, self.place]
        for _code, box, count in self.categories:
            chain += [box, count]
        chain += [self.total, self.members, self.notes, self.save_button, self.clear_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----- lists from the store -----

    def refresh(self) -> None:
        """Read teams and categories again (they changed elsewhere), keeping what is typed."""
        store = self.ctx.store
        current = self.team.currentData() or self.ctx.settings.value(SETTINGS_TEAM, "")
        teams = sorted(store.rows("teams"), key=lambda t: (t["status"] != "active", collation_key(t["name"])))
        self._filling = True
        self.team.blockSignals(True)
        self.team.clear()
        for team in teams:
            text = (
                team["name"]
                if team["status"] == "active"
                else self.tr("{name} (đã giải thể)").format(name=team["name"])
            )
            self.team.addItem(text, team["id"])
        index = self.team.findData(current)
        self.team.setCurrentIndex(max(index, 0))
        self.team.blockSignals(False)
        self._build_categories()
        self._filling = False
        self._team_changed(keep_place=True)

    def _build_categories(self, extra: dict[str, int | None] | None = None) -> None:
        """One box and count per category of the commune's list, plus codes an edited session still holds."""
        kept = self.category_counts()
        while self.category_grid.count():
            item = self.category_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.categories = []
        rows = [
            (c["code"], c["name_en"] if i18n.language() == "en" and c.get("name_en") else c["name"])
            for c in self.ctx.store.rows("categories", order_by="sort_order, code")
        ]
        known = {code for code, _ in rows}
        rows += [(code, code) for code in (extra or {}) if code not in known]
        for number, (code, name) in enumerate(rows):
            box = QCheckBox(name)
            box.setToolTip(self.tr("Space hoặc gõ số người để đánh dấu; ↑/↓ sang lĩnh vực khác"))
            count = QLineEdit()
            count.setValidator(QIntValidator(0, 100_000, count))
            count.setFixedWidth(56)
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            count.setAccessibleName(self.tr("Số người: {name}").format(name=name))
            count.setEnabled(False)  # unticked counts are skipped by Tab
            box.clicked.connect(lambda checked, box=box, count=count: self._box_clicked(box, count, checked))
            box.toggled.connect(count.setEnabled)
            count.textEdited.connect(self._counts_edited)
            for widget in (box, count):
                widget.installEventFilter(self)
            self.category_grid.addWidget(box, number, 0)
            self.category_grid.addWidget(count, number, 1)
            self.categories.append((code, box, count))
        self.set_category_counts(kept)
        self._tab_order()

    def _team_changed(self, *_args: object, keep_place: bool = False) -> None:
        team_id = self.team.currentData()
        if not team_id:
            self.completer.set_items([])
            self._fill_members()
            return
        self.completer.set_items(places_of_team(self.ctx.store.db, team_id))
        if not keep_place and not self._filling and self.editing is None:
            self.place.setText(str(self.ctx.settings.value(SETTINGS_PLACE.format(team=team_id), "") or ""))
        self._fill_members()

    def _fill_members(self) -> None:
        """The team's members on the form's date, leader first; members already ticked stay listed."""
        ticked = self.member_ids()
        if self.editing is not None and not self.members.count():
            ticked = list(self.editing.get("member_ids") or [])
        team_id = self.team.currentData()
        roles = record_type("memberships").field("role")
        choices = present_choices(self.ctx.store, team_id, self._typed_date(), ticked) if team_id else []
        self._filling = True
        self.members.clear()
        for person_id, name, role in choices:
            item = QListWidgetItem(f"{name} ({i18n.choice_label(roles, role)})" if role else name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in ticked else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        if choices:
            self.members.setCurrentRow(0)
        self._filling = False

    # ----- values -----

    def category_counts(self) -> dict[str, int | None]:
        """The ticked categories and the count typed for each (None when left empty)."""
        return {
            code: int(count.text()) if count.text() else None for code, box, count in self.categories if box.isChecked()
        }

    def set_category_counts(self, counts: dict[str, int | None]) -> None:
        """Tick the categories of a session and write their counts."""
        for code, box, count in self.categories:
            box.setChecked(code in counts)
            value = counts.get(code)
            count.setText("" if value is None else str(value))

    def member_ids(self) -> list[str]:
        """The members ticked as present."""
        items = (self.members.item(row) for row in range(self.members.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _typed_date(self) -> Any:
        try:
            return parse_entry_date(self.date.text(), self.ctx.store.today())
        except ValueError:
            return None

    def form(self) -> EntryForm:
        """What the form holds, as typed."""
        return EntryForm(
            team_id=self.team.currentData(),
            date=self.date.text(),
            start=self.start.text(),
            end=self.end.text(),
            place=self.place.text(),
            counts=self.category_counts(),
            total=self.total.text(),
            member_ids=self.member_ids(),
            notes=self.notes.toPlainText(),
        )

    def values(self) -> dict[str, Any]:
        """The record the form makes, as Store.insert/update take it."""
        return entry_values(self.form(), self.ctx.store.today())

    def _names(self) -> dict[str, str]:
        return {code: box.text() for code, box, _count in self.categories}

    def problems(self) -> list[FieldError]:
        """What is wrong with the form before the store is asked: unreadable dates and times, counts."""
        return entry_problems(self.form(), self.ctx.store.today(), self._names())

    def show_errors(self, errors: list[FieldError], only: set[str] | None = None) -> None:
        """Write each problem beneath its field (the rest at the bottom) and put the cursor on the first.

        With only, just those fields are marked again as they are typed; the others keep their marks.
        """
        fields = set(self._errors) if only is None else only
        messages: dict[str, list[str]] = {}
        for error in errors:
            if error.field in fields or (only is None and error.field not in self._errors):
                messages.setdefault(error.field, []).append(i18n.message(error))
        for field in fields:
            widget = self._field_widget(field)
            if isinstance(widget, QLineEdit | QComboBox):
                widget.setStyleSheet(INVALID_STYLE if field in messages else "")
            self._errors[field].setText("\n".join(messages.get(field, [])))
            self._errors[field].setVisible(field in messages)
        if only is None:
            general = [text for field, texts in messages.items() if field not in self._errors for text in texts]
            self.general_error.setText("\n".join(general))
            self.general_error.setVisible(bool(general))
            first = next((e.field for e in errors if e.field in self._errors), None)
            if first is not None:
                self._field_widget(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        """Remove every problem mark."""
        self.show_errors([])

    def _field_widget(self, field: str) -> QWidget:
        if field == "category_counts":
            ticked = [count for _code, box, count in self.categories if box.isChecked()]
            return ticked[0] if ticked else (self.categories[0][1] if self.categories else self.total)
        widgets = {"team_id": self.team, "start_time": self.start, "end_time": self.end, "place": self.place}
        widgets |= {"citizens_total": self.total, "member_ids": self.members, "notes": self.notes}
        return widgets.get(field, self.date)

    def _touched(self, *_args: object) -> None:
        if not self._filling:
            self.dirty = True

    def _counts_edited(self, *_args: object) -> None:
        self._touched()
        auto = auto_total(self.category_counts())
        self.total.setPlaceholderText("" if auto is None else self.tr("= {count}").format(count=auto))
        # The total's own "enter it" mark goes once there is a total; it is never raised while typing.
        fields = {"category_counts"} | ({"citizens_total"} if self.total.text() or auto is not None else set())
        self.show_errors(count_problems(self.form(), self._names()), only=fields)

    def _date_finished(self) -> None:
        day = self._typed_date()
        if day is not None:
            self.date.setText(display_date(day))
            self._fill_members()
        if self.date.text():
            self.show_errors(self.problems(), only={"date"})

    def _time_finished(self, edit: QLineEdit) -> None:
        try:
            value = parse_entry_time(edit.text())
        except ValueError:
            value = None
        if value:
            edit.setText(value)
        self.show_errors(self.problems(), only={"start_time", "end_time"})

    def _box_clicked(self, box: QCheckBox, count: QLineEdit, checked: bool) -> None:
        self._touched()
        if checked:
            count.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            count.clear()
        self._counts_edited()

    # ----- keyboard -----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in ENTER_KEYS and not shift:
                self.save()
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            boxes = [box for _code, box, _count in self.categories]
            if watched in boxes:
                return self._box_key(boxes.index(watched), key, event.text())
        return super().eventFilter(watched, event)

    def _box_key(self, position: int, key: int, text: str) -> bool:
        _code, box, count = self.categories[position]
        if text.isdigit():  # typing the count on the box ticks it
            box.setChecked(True)
            self._touched()
            count.setFocus(Qt.FocusReason.OtherFocusReason)
            count.setText(text)
            self._counts_edited()
            return True
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(key), 0)
        if step and 0 <= position + step < len(self.categories):
            self.categories[position + step][1].setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def focus_first(self) -> None:
        """The cursor in the date, all of it selected, ready for the next form's date."""
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date.selectAll()

    # ----- new, edit, save, clear -----

    def start_new(self, *, keep: bool = True) -> None:
        """An empty form; with keep, the team, date and place of the last one stay (a stack of forms)."""
        was_editing = self.editing is not None
        self.editing = None
        self._filling = True
        if was_editing:  # back to the team the forms on the desk are from
            self.team.blockSignals(True)
            self.team.setCurrentIndex(max(self.team.findData(self.ctx.settings.value(SETTINGS_TEAM, "")), 0))
            self.team.blockSignals(False)
            self._team_changed(keep_place=True)
        if not keep or was_editing:
            self.date.setText(display_date(self.ctx.store.today()))
            team_id = self.team.currentData()
            self.place.setText(str(self.ctx.settings.value(SETTINGS_PLACE.format(team=team_id), "") or ""))
        for edit in (self.start, self.end, self.total):
            edit.clear()
        self.total.setPlaceholderText("")
        self.set_category_counts({})
        self.notes.clear()
        self._filling = False
        self.members.clear()
        self._fill_members()
        self.clear_errors()
        self.dirty = False
        self.rejection.hide()
        self.heading.setText(self.tr("Nhập buổi hỗ trợ"))
        self.hint.setText(self.tr("Enter: lưu, sang phiếu sau · Esc: xóa phiếu · F6: sang bảng"))
        self.save_button.setText(self.tr("Lưu (Enter)"))
        self.clear_button.setText(self.tr("Xóa phiếu (Esc)"))
        if was_editing:
            self.editing_changed.emit("")

    def load(self, record_id: str) -> bool:
        """Show a saved session to edit it (mode Sửa); False when it no longer exists."""
        record = self.ctx.store.get("sessions", record_id)
        if record is None or record["deleted"]:
            return False
        self.editing = record
        self._filling = True
        index = self.team.findData(record["team_id"])
        self.team.blockSignals(True)
        self.team.setCurrentIndex(max(index, 0))
        self.team.blockSignals(False)
        self.completer.set_items(places_of_team(self.ctx.store.db, record["team_id"]))
        self.date.setText(display_date(record["date"]))
        self.start.setText(record.get("start_time") or "")
        self.end.setText(record.get("end_time") or "")
        self.place.setText(record.get("place") or "")
        counts = record.get("category_counts") or {}
        if any(code not in {c for c, _b, _n in self.categories} for code in counts):
            self._build_categories(counts)
        self.set_category_counts(counts)
        self.total.setText(str(record.get("citizens_total") or 0))
        self.notes.setPlainText(record.get("notes") or "")
        self.members.clear()
        self._filling = False
        self._fill_members()
        self.clear_errors()
        self.dirty = False
        self.heading.setText(self.tr("Sửa buổi hỗ trợ {title}").format(title=title("sessions", record)))
        self.hint.setText(self.tr("Enter: lưu thay đổi · Esc: thôi sửa · F6: sang bảng"))
        self.save_button.setText(self.tr("Lưu thay đổi (Enter)"))
        self.clear_button.setText(self.tr("Thôi sửa (Esc)"))
        show_rejection(self.rejection, self.ctx.store, "sessions", record_id)
        self.editing_changed.emit(record_id)
        return True

    def clear(self) -> None:
        """Esc: forget what was typed in this form (or stop editing)."""
        self.start_new(keep=True)
        self.focus_first()

    def save(self) -> str | None:
        """Save the form (one undoable step); problems are shown beside their fields and nothing is saved."""
        self._date_finished()
        problems = self.problems()
        if problems:
            self.show_errors(problems)
            return None
        values = self.values()
        editing = self.editing
        described = title("sessions", values)
        if editing is None:
            text = self.tr("Thêm buổi hỗ trợ {title}").format(title=described)

            def operation(store: Any) -> dict[str, Any]:
                return store.insert("sessions", values)
        else:
            text = self.tr("Sửa buổi hỗ trợ {title}").format(title=described)

            def operation(store: Any) -> dict[str, Any]:
                return store.update("sessions", editing["id"], values)

        try:
            record = run_undoable(self.ctx.undo, self.ctx.store, self.ctx.hub, text, operation)
        except RecordInvalid as error:
            self.show_errors(error.errors)
            return None
        except StoreError as error:
            self.show_errors([FieldError("", error.vi, error.en)])
            return None
        self.ctx.settings.setValue(SETTINGS_TEAM, values["team_id"])
        self.ctx.settings.setValue(SETTINGS_PLACE.format(team=values["team_id"]), values["place"] or "")
        message = self.tr("Đã lưu buổi hỗ trợ {title}, {count} người. Ctrl+Z để hoàn tác.").format(
            title=described, count=values["citizens_total"]
        )
        self.last_saved.setText(message)
        self.ctx.hub.status_message.emit(message)
        self.completer.set_items(places_of_team(self.ctx.store.db, values["team_id"]))
        self.start_new(keep=True)
        self.focus_first()
        self.saved.emit(record["id"])
        return str(record["id"])
