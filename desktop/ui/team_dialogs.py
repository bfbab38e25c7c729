"""Dialogs for a team's life: found or edit a team, dissolve it, and the base of every team operation dialog.

Each dialog saves through run_undoable, so one dialog is one step in Hoàn tác, and keeps its problems
inline beside the field they concern until the save succeeds. Views open them with exec().
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.describe import title
from desktop.store.store import Store, StoreError
from desktop.store.teams import (
    active_memberships,
    change_role,
    dissolve_team,
    villages_without_team,
)
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.undo import run_undoable
from desktop.ui.widgets.editors import ChoiceEditor
from desktop.ui.widgets.record_dialog import RecordDialog
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE
from sync.records import FieldError, RecordInvalid, record_type
from sync.text import collation_key

ROLE_FIELD = record_type("memberships").field("role")
LEADER, MEMBER = "to_truong", "thanh_vien"


def role_label(role: str | None) -> str:
    """A role as people read it: "Tổ trưởng"."""
    return i18n.choice_label(ROLE_FIELD, role)


def suggested_team_name(store: Store, village: dict[str, Any] | None) -> str:
    """The usual name of a new team: "Tổ công nghệ số cộng đồng thôn Nà Phái" (or of the commune)."""
    # Stored data, not interface text: decisions print it in Vietnamese whatever the interface language.
    if village is None:
        commune = store.commune
        return f"Tổ công nghệ số cộng đồng {commune.full_name}" if commune else "Tổ công nghệ số cộng đồng"
    kind = record_type("villages").field("kind").choice_label(village.get("kind") or "")
    place = village["name"] if village.get("kind") == "khac" else f"{kind.lower()} {village['name']}"
    return f"Tổ công nghệ số cộng đồng {place}"


def team_dialog(
    ctx: AppContext, team: dict[str, Any] | None = None, *, village_id: str = "", parent: QWidget | None = None
) -> RecordDialog:
    """Found a team (team=None) or edit one: name, village (only villages without an active team), dates, notes."""
    store = ctx.store
    villages = villages_without_team(store)
    own_village = store.get("villages", team["village_id"]) if team and team.get("village_id") else None
    if own_village and not own_village.get("deleted"):
        villages.append(own_village)
    villages.sort(key=lambda village: collation_key(village["name"]))
    commune_level = QCoreApplication.translate("TeamDialogs", "Cấp xã (không thuộc thôn nào)")
    items = [("", commune_level)] + [(village["id"], title("villages", village)) for village in villages]
    village_editor = ChoiceEditor(items, allow_empty=False)
    fields = ["name", "village_id", "founded_on", "notes"]
    if team and team.get("status") == "dissolved":
        fields.insert(3, "dissolved_on")
    defaults = {"founded_on": store.today().isoformat(), "village_id": village_id}
    dialog = RecordDialog(
        ctx, "teams", fields, team, defaults=defaults, custom={"village_id": village_editor}, parent=parent
    )
    if team is not None:
        return dialog
    dialog.setWindowTitle(QCoreApplication.translate("TeamDialogs", "Thành lập tổ công nghệ số cộng đồng"))
    name_edit: QLineEdit = dialog.form.editors["name"].widget  # type: ignore[assignment]
    by_id = {village["id"]: village for village in villages}
    last = {"name": ""}

    def suggest() -> None:
        # Follow the chosen village until the user writes a name of their own.
        if name_edit.text().strip() in ("", last["name"]):
            last["name"] = suggested_team_name(store, by_id.get(village_editor.value() or ""))
            name_edit.setText(last["name"])

    village_editor.changed.connect(suggest)
    suggest()
    return dialog


def _qdate(day: str | date) -> QDate:
    return QDate.fromString(str(day), "yyyy-MM-dd")


class ActionDialog(QDialog):
    """A small form for one team operation: rows with their problems beneath them, and an undoable save."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self._leader: dict[str, Any] | None = None
        self.swap_box = QCheckBox()
        self.swap_box.setChecked(True)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActionDialog", "Hủy")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # ----- building -----

    def add_row(self, caption: str, widget: QWidget, *fields: str) -> QWidget:
        """A labelled input whose problems (for these record fields) show right beneath it."""
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        cell_layout.addWidget(widget)
        cell_layout.addWidget(error)
        label = QLabel(caption)
        label.setBuddy(widget)
        self.form.addRow(label, cell)
        for name in fields:
            self._errors[name] = error
            self._inputs[name] = widget
        return widget

    def add_text(self, caption: str, text: str) -> QLabel:
        """A read-only row: who or what the operation is about."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(caption, label)
        return label

    def add_note(self, text: str) -> QLabel:
        """A sentence across the dialog saying what the operation will do."""
        label = QLabel(text)
        label.setWordWrap(True)
        self.form.addRow(label)
        return label

    def date_edit(self, caption: str, *fields: str) -> QDateEdit:
        """A date row (dd/MM/yyyy, today by default)."""
        edit = QDateEdit(_qdate(self.ctx.store.today()))
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        self.add_row(caption, edit, *fields)
        edit.dateChanged.connect(self.update_leader_swap)
        return edit

    def role_combo(self, caption: str, current: str = MEMBER) -> QComboBox:
        """The roles of a team, labelled in the interface language."""
        combo = QComboBox()
        for choice in ROLE_FIELD.choices:
            combo.addItem(i18n.label(choice), choice.value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        self.add_row(caption, combo, "role")
        combo.currentIndexChanged.connect(self.update_leader_swap)
        return combo

    def add_leader_swap(self) -> None:
        """The box that makes the present leader a plain member in the same step (shown only when it matters)."""
        self.form.addRow("", self.swap_box)
        self.update_leader_swap()

    def set_ok_text(self, text: str) -> None:
        """The save button says what it does: "Thêm vào tổ", "Giải thể tổ"."""
        self.ok_button.setText(text)

    # ----- the leader hand-over -----

    def swap_target(self) -> tuple[str, str, str, str]:
        """(team id, new role, person id, date) the hand-over is judged on; subclasses say."""
        return "", "", "", ""

    def update_leader_swap(self, *_args: object) -> None:
        """Offer to demote the present leader when someone else is about to become Tổ trưởng."""
        team_id, role, person_id, day = self.swap_target()
        self._leader = None
        if team_id and role == LEADER:
            self._leader = next(
                (
                    m
                    for m in active_memberships(self.ctx.store, team_id, day)
                    if m["role"] == LEADER and m["person_id"] != person_id
                ),
                None,
            )
        if self._leader is not None:
            name = self._leader["person"].get("full_name", "")
            self.swap_box.setText(
                QCoreApplication.translate(
                    "ActionDialog", "Đồng thời chuyển {name} (Tổ trưởng hiện tại)\nthành Thành viên từ cùng ngày"
                ).format(name=name)
            )
        self.form.setRowVisible(self.swap_box, self._leader is not None)

    def demote_leader(self, store: Store, day: str) -> None:
        """Make the present leader a plain member from that day, when the user asked for it."""
        if self._leader is not None and self.swap_box.isChecked():
            change_role(store, self._leader["id"], MEMBER, day)

    # ----- saving -----

    def undo_text(self) -> str:
        """What the Hoàn tác menu calls this step."""
        raise NotImplementedError

    def check(self) -> list[FieldError]:
        """Problems found before touching the store (nothing chosen…)."""
        return []

    def operation(self, store: Store) -> Any:
        """The change itself, run inside one transaction."""
        raise NotImplementedError

    def accept(self) -> None:
        """Save as one undoable step; on a problem, mark it and stay open."""
        self.clear_errors()
        problems = self.check()
        if problems:
            self.show_errors(problems)
            return
        try:
            self.saved = run_undoable(self.ctx.undo, self.ctx.store, self.ctx.hub, self.undo_text(), self.operation)
        except RecordInvalid as error:
            self.show_errors(error.errors)
            return
        except StoreError as error:
            self.show_errors([FieldError("", error.vi, error.en)])
            return
        super().accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each problem beneath its input; the rest above the buttons."""
        english = i18n.language() == "en"
        texts: dict[QLabel, list[str]] = {}
        for error in errors:
            label = self._errors.get(error.field, self.general_error)
            texts.setdefault(label, []).append(error.en if english else error.vi)
            widget = self._inputs.get(error.field)
            if widget is not None:
                widget.setStyleSheet(INVALID_STYLE)
        for label, lines in texts.items():
            label.setText("\n".join(dict.fromkeys(lines)))
            label.show()
        first = next((self._inputs[e.field] for e in errors if e.field in self._inputs), None)
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        """Remove every problem mark."""
        for label in {*self._errors.values(), self.general_error}:
            label.hide()
        for widget in self._inputs.values():
            widget.setStyleSheet("")


class DissolveTeamDialog(ActionDialog):
    """Dissolve a team on a date: its memberships end that day, and all of it stays on record."""

    def __init__(self, ctx: AppContext, team_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.team = ctx.store.require("teams", team_id)
        members = len(active_memberships(ctx.store, team_id))
        self.setWindowTitle(self.tr("Giải thể {team}").format(team=self.team["name"]))
        self.set_ok_text(self.tr("&Giải thể tổ"))
        self.add_note(
            self.tr(
                "Tổ “{team}” sẽ chuyển sang trạng thái “Đã giải thể”; {count} thành viên đang tham gia sẽ kết thúc "
                "vào ngày giải thể. Danh sách thành viên, các buổi hỗ trợ và lịch sử của tổ vẫn được giữ lại."
            ).format(team=self.team["name"], count=members)
        )
        self.day = self.date_edit(self.tr("Ngày giải thể:"), "dissolved_on", "end_date", "start_date", "status")
        # Enter must not dissolve a team by accident: the safe button is the default one.
        self.ok_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.day.setFocus()

    def undo_text(self) -> str:
        return self.tr("Giải thể {team}").format(team=self.team["name"])

    def operation(self, store: Store) -> dict[str, Any]:
        return dissolve_team(store, self.team["id"], self.day.date().toString("yyyy-MM-dd"))
