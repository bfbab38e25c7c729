"""Decisions: the commune's founding and restructuring decisions, drafted here; issued ones are kept as issued."""

from __future__ import annotations

import html
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QIntValidator, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import decisions as decision_numbers
from desktop.store import settings as commune_settings
from desktop.store import stats
from desktop.store.store import Store, StoreError
from desktop.ui import documents_menu, i18n
from desktop.ui.context import ALL_TYPES, AppContext
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.models import (
    ATTENTION_COLOR,
    SYNC_KEY,
    Column,
    RecordTableModel,
    VietnameseSortFilterProxy,
    plain_order,
    sync_label,
)
from desktop.ui.undo import run_undoable
from desktop.ui.widgets import messages
from desktop.ui.widgets.editors import Editor
from desktop.ui.widgets.record_dialog import RecordDialog, rejection_text
from desktop.ui.widgets.record_form import ERROR_STYLE
from desktop.ui.widgets.record_list import RecordList
from sync.dates import display_date
from sync.records import FieldError, RecordInvalid, record_type
from sync.text import collation_key

WATCHED = {"decisions", "teams", ALL_TYPES}
FORM_FIELDS = (
    "number",
    "date",
    "kind",
    "sign_mode",
    "signer_name",
    "signer_title",
    "proposal",
    "team_ids",
    "legal_bases",
)
WARNING_STYLE = "color: #8a5300;"  # amber: worth a look, not an error


def _choice(field_name: str) -> Any:
    field = record_type("decisions").field(field_name)
    return lambda value: i18n.choice_label(field, value)


class DecisionsModel(RecordTableModel):
    """Every decision on record, newest first: number, date, kind, status, signer, teams concerned."""

    CONTEXT = "DecisionsModel"
    SYNC_TYPE = "decisions"
    NUMBER, DATE, KIND, STATUS, SIGNER, SYNC, TEAMS = range(7)
    COLUMNS = (
        Column(
            "number_key",
            QT_TRANSLATE_NOOP("DecisionsModel", "Số quyết định"),
            display=lambda key: stats.decision_number(key % 10_000) if key else "",
            order=plain_order,
        ),
        Column("date", QT_TRANSLATE_NOOP("DecisionsModel", "Ngày ký"), display=display_date, order=plain_order),
        Column("kind", QT_TRANSLATE_NOOP("DecisionsModel", "Loại"), display=_choice("kind")),
        Column("status", QT_TRANSLATE_NOOP("DecisionsModel", "Trạng thái"), display=_choice("status")),
        Column("signer_name", QT_TRANSLATE_NOOP("DecisionsModel", "Người ký")),
        Column(SYNC_KEY, QT_TRANSLATE_NOOP("DecisionsModel", "Đồng bộ"), display=sync_label),
        Column("teams", QT_TRANSLATE_NOOP("DecisionsModel", "Các tổ")),  # last: the long one stretches
    )

    def read_rows(self) -> list[dict[str, Any]]:
        teams = {team["id"]: team["name"] for team in self.store.rows("teams", include_deleted=True)}
        rows = []
        for decision in self.store.rows("decisions", order_by="year DESC, number DESC"):
            rows.append(
                {
                    "id": decision["id"],
                    # Year and number in one sortable key; numbering restarts every year.
                    "number_key": decision["year"] * 10_000 + decision["number"],
                    "date": decision.get("date"),
                    "kind": decision["kind"],
                    "status": decision["status"],
                    "teams": "; ".join(teams.get(team_id, "") for team_id in decision.get("team_ids") or []),
                    "signer_name": decision.get("signer_name") or "",
                    "search_extra": str(decision["year"]),
                }
            )
        return rows


class NumberEditor(Editor):
    """The decision's number, written "07" before a fixed "/QĐ-UBND", with a warning when it is taken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        container = QWidget(parent)
        super().__init__(container)
        self.edit = QLineEdit()
        self.edit.setValidator(QIntValidator(1, 99_999, self.edit))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 8 + 16)
        suffix = QLabel("/QĐ-UBND")
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(suffix)
        row.addStretch(1)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        container.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return int(text) if text.isdigit() else (text or None)

    def set_value(self, value: Any) -> None:
        self.edit.setText(f"{int(value):02d}" if isinstance(value, int) else str(value or ""))

    def set_warning(self, text: str) -> None:
        """Show (or, with "", hide) the warning under the number."""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class TeamChecklistEditor(Editor):
    """The teams a decision concerns, ticked in a list (Space ticks the current one)."""

    def __init__(self, teams: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        widget = QListWidget(parent)
        super().__init__(widget)
        self.list = widget
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        widget.setMinimumHeight(widget.fontMetrics().height() * 5)
        widget.setMaximumHeight(widget.fontMetrics().height() * 8)
        for team_id, name in teams:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, team_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(0)
        widget.itemChanged.connect(lambda _item: self.changed.emit())

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def value(self) -> Any:
        return [
            item.data(Qt.ItemDataRole.UserRole) for item in self._items() if item.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class LegalBasesEditor(Editor):
    """The legal bases ("Căn cứ …"), one paragraph per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().height() * 6)
        edit.setToolTip(
            QCoreApplication.translate("DecisionDialog", "Mỗi căn cứ pháp lý một dòng (Enter để xuống dòng)")
        )
        super().__init__(edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("\n".join(value or []))


def team_items(store: Store, chosen: list[str]) -> list[tuple[str, str]]:
    """Teams a decision may concern: the active ones and any it already names, in Vietnamese order."""
    teams = [t for t in store.rows("teams", include_deleted=True) if t["id"] in chosen or t["status"] == "active"]
    teams = [t for t in teams if not t["deleted"] or t["id"] in chosen]
    dissolved = QCoreApplication.translate("DecisionDialog", "{name} (đã giải thể)")
    return [
        (t["id"], t["name"] if t["status"] == "active" else dissolved.format(name=t["name"]))
        for t in sorted(teams, key=lambda t: collation_key(t["name"]))
    ]


class DecisionDialog(RecordDialog):
    """Add or edit a draft decision: the number proposed for the year, signer and legal bases from the settings."""

    def __init__(self, ctx: AppContext, record: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        store = ctx.store
        number_editor = NumberEditor()
        teams_editor = TeamChecklistEditor(team_items(store, list((record or {}).get("team_ids") or [])))
        bases_editor = LegalBasesEditor()
        today = store.today()
        proposed: int | None = None
        defaults: dict[str, Any] = {}
        if record is None:
            proposed = decision_numbers.next_number(store, today.year)
            defaults = {
                "number": proposed,
                "date": today.isoformat(),
                "kind": "founding",
                "sign_mode": "TM",
                "signer_name": commune_settings.get(store, commune_settings.CHAIRMAN_NAME),
                "signer_title": commune_settings.get(store, commune_settings.CHAIRMAN_TITLE),
                "proposal": commune_settings.get(store, commune_settings.DIGITAL_OFFICER_TITLE),
                "team_ids": [],
                "legal_bases": [
                    text.replace("{year}", str(today.year)) for text in commune_settings.legal_bases(store)
                ],
            }
        super().__init__(
            ctx,
            "decisions",
            FORM_FIELDS,
            record,
            defaults=defaults,
            custom={"number": number_editor, "team_ids": teams_editor, "legal_bases": bases_editor},
            parent=parent,
        )
        self.number_editor, self.teams_editor, self.bases_editor = number_editor, teams_editor, bases_editor
        # RecordDialog's texts, in RecordDialog's translation context: tr() here would look them up under ours.
        noun = i18n.label(record_type("decisions")).lower()
        caption = "Sửa {noun}" if record else "Thêm {noun}"
        self.setWindowTitle(QCoreApplication.translate("RecordDialog", caption).format(noun=noun))
        buttons = self.findChild(QDialogButtonBox)
        if buttons is not None:
            save, cancel = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel
            buttons.button(save).setText(QCoreApplication.translate("RecordDialog", "Lưu"))
            buttons.button(cancel).setText(QCoreApplication.translate("RecordDialog", "Hủy"))
        self._proposed = proposed  # the number offered, followed while the user leaves it as it is
        self.setMinimumWidth(640)
        self.form.editors["date"].changed.connect(self._date_changed)
        self.form.editors["sign_mode"].changed.connect(self._sign_mode_changed)
        self.number_editor.changed.connect(self.check_number)
        self.check_number()

    def year(self) -> int:
        """The year the decision is numbered in: its date's, else (no date yet) the record's or this year."""
        values = self.form.values()
        if not values.get("date") and self.record is not None:
            return int(self.record["year"])
        return decision_numbers.decision_year(values, self.ctx.store.today())

    def _date_changed(self) -> None:
        # A new decision keeps following the year's next number until the user types one of their own.
        if self._proposed is not None and self.number_editor.value() == self._proposed:
            self._proposed = decision_numbers.next_number(self.ctx.store, self.year())
            self.number_editor.set_value(self._proposed)
        self.check_number()

    def _sign_mode_changed(self) -> None:
        # "KT. Chủ tịch" means the vice-chairman signs; swap the defaults unless the user typed a signer.
        store, editors = self.ctx.store, self.form.editors
        chairman = (
            commune_settings.get(store, commune_settings.CHAIRMAN_NAME),
            commune_settings.get(store, commune_settings.CHAIRMAN_TITLE),
        )
        vice = (commune_settings.get(store, commune_settings.VICE_CHAIRMAN_NAME), self.tr("Phó Chủ tịch"))
        current = (editors["signer_name"].value() or "", editors["signer_title"].value() or "")
        wanted = vice if editors["sign_mode"].value() == "KT" else chairman
        if current in (chairman, vice, ("", "")):
            editors["signer_name"].set_value(wanted[0])
            editors["signer_title"].set_value(wanted[1])

    def check_number(self) -> None:
        """Warn (without refusing) when the number is already used by another decision of that year."""
        number = self.number_editor.value()
        if not isinstance(number, int):
            self.number_editor.set_warning("")
            return
        year = self.year()
        taken = decision_numbers.decisions_numbered(self.ctx.store, year, number, (self.record or {}).get("id"))
        if not taken:
            self.number_editor.set_warning("")
            return
        other = taken[0]
        status = i18n.choice_label(record_type("decisions").field("status"), other["status"])
        signed = display_date(other.get("date"))
        text = self.tr("Năm {year} đã có quyết định số {number} ({status}{date}). Hãy kiểm tra lại số.").format(
            year=year,
            number=stats.decision_number(number),
            status=status,
            date=self.tr(", ngày {date}").format(date=signed) if signed else "",
        )
        self.number_editor.set_warning(text)

    def accept(self) -> None:
        """Save as one undoable step; problems are shown beside their fields and the dialog stays open."""
        values = self.form.values()
        values["year"] = self.year()
        record = self.record
        number = values.get("number")
        name = stats.decision_number(number) if isinstance(number, int) else ""
        if record is None:
            text = self.tr("Thêm quyết định số {number}").format(number=name)

            def operation(store: Store) -> dict[str, Any]:
                return store.insert("decisions", values)
        else:
            text = self.tr("Sửa quyết định số {number}").format(number=name)

            def operation(store: Store) -> dict[str, Any]:
                if store.require("decisions", record["id"])["status"] == "issued":
                    raise StoreError(DecisionsView.issued_message(), "An issued decision cannot be edited.")
                return store.update("decisions", record["id"], values)

        try:
            self.saved = run_undoable(self.ctx.undo, self.ctx.store, self.ctx.hub, text, operation)
        except RecordInvalid as error:
            self.form.show_errors(error.errors)
            return
        except StoreError as error:
            self.form.show_errors([FieldError("", error.vi, error.en)])
            return
        super(RecordDialog, self).accept()


class DecisionsView(QWidget):
    """The decisions list on the left, the selected decision in words on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: DecisionDialog | None = None
        self.history_dialog: HistoryDialog | None = None

        self.model = DecisionsModel(ctx.store, self)
        self.proxy = VietnameseSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.list = RecordList(
            ctx, self.proxy, self.tr("quyết định"), count_text=lambda n: self.tr("%Ln quyết định", "", n)
        )
        self.list.export_title = self.tr("Danh sách quyết định")
        self.list.add_action.setToolTip(self.tr("Soạn dự thảo quyết định mới (Ctrl+N)"))
        self.list.edit_action.setToolTip(self.tr("Sửa dự thảo đang chọn (F2 hoặc Enter)"))
        self.list.delete_action.setToolTip(self.tr("Xóa dự thảo đang chọn (Delete); có thể hoàn tác bằng Ctrl+Z"))
        self.list.view.setSortingEnabled(True)
        self.list.view.sortByColumn(DecisionsModel.NUMBER, Qt.SortOrder.DescendingOrder)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("Chi tiết quyết định"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self._paperwork_panel())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 420])
        hint = QLabel(
            self.tr("Quyết định đã ban hành được giữ nguyên; muốn thay đổi, hãy soạn quyết định mới để thay thế.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)
        QWidget.setTabOrder(self.list.search_edit, self.list.view)
        QWidget.setTabOrder(self.list.view, self.detail)
        QWidget.setTabOrder(self.detail, self.paperwork_buttons[0])
        for first, second in pairwise(self.paperwork_buttons):
            QWidget.setTabOrder(first, second)

        self.list.search_changed.connect(self.proxy.set_search_text)
        self.list.current_changed.connect(self.show_decision)
        self.list.add_requested.connect(self.add_decision)
        self.list.edit_requested.connect(self.edit_decision)
        self.list.delete_requested.connect(self.delete_decision)
        self.list.history_requested.connect(self.show_history)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)  # one reload for the several types a single operation announces
        self._reload_timer.timeout.connect(self.reload)
        ctx.hub.data_changed.connect(self._data_changed)
        self.reload()

    def _paperwork_panel(self) -> QWidget:
        """The selected decision in words, with its paperwork buttons under it: preview/print, issue, replace."""

        def action(text: str, shortcut: str, tip: str, slot: Any) -> QAction:
            made = QAction(text, self)
            made.setIconText(text)  # keep the "…" a tool button would drop: a question or a form follows
            made.setShortcut(QKeySequence(shortcut))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.setToolTip(tip)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.preview_action = action(
            self.tr("Xem trước / In"),
            "Ctrl+P",
            self.tr("Xem trước, in hoặc lưu quyết định ra PDF (Ctrl+P)"),
            self.preview,
        )
        self.issue_action = action(
            self.tr("Ban hành…"),
            "Ctrl+B",
            self.tr("Ban hành dự thảo đang chọn; sau đó không sửa được (Ctrl+B)"),
            self.issue,
        )
        self.supersede_action = action(
            self.tr("Ban hành quyết định thay thế…"),
            "Ctrl+Shift+B",
            self.tr("Soạn dự thảo kiện toàn thay thế quyết định đã ban hành đang chọn (Ctrl+Shift+B)"),
            self.supersede,
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.paperwork_buttons: list[QToolButton] = []
        for made in (self.preview_action, self.issue_action, self.supersede_action):
            button = QToolButton()
            button.setDefaultAction(made)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            bar.addWidget(button)
            self.paperwork_buttons.append(button)
        bar.addStretch(1)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addLayout(bar)
        return panel

    def _update_paperwork(self, decision: dict[str, Any] | None) -> None:
        status = decision["status"] if decision else ""
        self.preview_action.setEnabled(bool(decision))
        self.issue_action.setEnabled(status == "draft")
        self.supersede_action.setEnabled(status == "issued")
        # Only what applies: a draft can be issued, an issued decision replaced.
        self.paperwork_buttons[1].setVisible(status != "issued")
        self.paperwork_buttons[2].setVisible(status == "issued")

    @staticmethod
    def issued_message() -> str:
        """Why an issued decision cannot be edited, and what to do instead."""
        return QCoreApplication.translate(
            "DecisionsView", "Quyết định đã ban hành không thể sửa; hãy ban hành quyết định mới để thay thế."
        )

    # ----- loading -----

    def _data_changed(self, type_name: str) -> None:
        if type_name in WATCHED:
            self._reload_timer.start()

    def reload(self) -> None:
        """Read the decisions again, keeping the selected one."""
        self._reload_timer.stop()
        selected = self.list.current_id()
        self.model.reload()
        if not (selected and self.list.select_id(selected)) and self.proxy.rowCount():
            self.list.view.selectRow(0)
        self.show_decision(self.list.current_id())

    def show_decision(self, record_id: str) -> None:
        """Show one decision in words (or a hint when none is selected)."""
        decision = self.ctx.store.get("decisions", record_id) if record_id else None
        self._update_paperwork(decision if decision and not decision["deleted"] else None)
        if decision is None or decision["deleted"]:
            self.detail.setHtml(
                "<p>{}</p>".format(html.escape(self.tr("Chọn một quyết định để xem, hoặc nhấn Ctrl+N để soạn mới.")))
            )
            return
        rtype = record_type("decisions")
        teams = [self.ctx.store.get("teams", team_id) for team_id in decision.get("team_ids") or []]

        def row(field_name: str, value: str) -> str:
            label = html.escape(i18n.label(rtype.field(field_name)))
            return f"<tr><td style='color:#555555; padding-right:8px'>{label}</td><td>{html.escape(value)}</td></tr>"

        parts = [
            "<h3>{}</h3>".format(
                html.escape(self.tr("Quyết định số {number}").format(number=stats.decision_number(decision["number"])))
            ),
            "<table>",
            row("year", str(decision["year"])),
            row("date", display_date(decision.get("date"))),
            row("kind", i18n.choice_label(rtype.field("kind"), decision["kind"])),
            row("status", i18n.choice_label(rtype.field("status"), decision["status"])),
            row("sign_mode", i18n.choice_label(rtype.field("sign_mode"), decision.get("sign_mode"))),
            row("signer_name", decision.get("signer_name") or ""),
            row("signer_title", decision.get("signer_title") or ""),
            row("proposal", decision.get("proposal") or ""),
            "</table>",
            "<p><b>{}</b></p><ul>".format(html.escape(i18n.label(rtype.field("team_ids")))),
            *(f"<li>{html.escape(team['name'])}</li>" for team in teams if team),
            "</ul>" if teams else "</ul><p>{}</p>".format(html.escape(self.tr("Chưa chọn tổ nào."))),
            "<p><b>{}</b></p>".format(html.escape(i18n.label(rtype.field("legal_bases")))),
            *(f"<p><i>{html.escape(text)}</i></p>" for text in decision.get("legal_bases") or []),
        ]
        if decision["status"] == "issued":
            parts.append(f"<p style='{ERROR_STYLE}'>{html.escape(self.issued_message())}</p>")
        rejected = rejection_text(self.ctx.store, "decisions", decision["id"])
        if rejected:  # first, so the official sees what to fix before anything else
            parts.insert(1, f"<p style='color:{ATTENTION_COLOR}'>{html.escape(rejected)}</p>")
        self.detail.setHtml("".join(parts))

    # ----- actions -----

    def add_decision(self) -> None:
        """Draft a new decision, numbered next in its year."""
        self._open(DecisionDialog(self.ctx, None, self))

    def edit_decision(self, record_id: str) -> None:
        """Edit a draft; an issued decision is refused with the reason."""
        decision = self.ctx.store.get("decisions", record_id)
        if decision is None:
            return
        if decision["status"] == "issued":
            messages.error(self, self.tr("Không sửa được quyết định"), self.issued_message())
            return
        self._open(DecisionDialog(self.ctx, decision, self))

    def _open(self, dialog: DecisionDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A bound method, not a lambda holding the dialog: that cycle crashes PySide when the dialog is deleted.
        dialog.accepted.connect(self._select_saved)
        self.dialog = dialog
        dialog.open()

    def _select_saved(self) -> None:
        self.reload()
        if self.dialog is not None and self.dialog.saved:
            self.list.select_id(self.dialog.saved["id"])

    def delete_decision(self, record_id: str) -> None:
        """Delete a draft (undo with Ctrl+Z); an issued decision stays."""
        decision = self.ctx.store.get("decisions", record_id)
        if decision is None:
            return
        number = stats.decision_number(decision["number"])
        if decision["status"] == "issued":
            messages.error(
                self,
                self.tr("Không xóa được quyết định"),
                self.tr("Quyết định số {number} đã ban hành nên được giữ lại trong hồ sơ.").format(number=number),
            )
            return
        try:
            run_undoable(
                self.ctx.undo,
                self.ctx.store,
                self.ctx.hub,
                self.tr("Xóa dự thảo quyết định số {number}").format(number=number),
                lambda store: store.delete("decisions", record_id),
            )
        except (RecordInvalid, StoreError) as error:
            messages.error(self, self.tr("Không xóa được quyết định"), i18n.message(error))
            return
        self.ctx.hub.status_message.emit(
            self.tr("Đã xóa dự thảo quyết định số {number}. Nhấn Ctrl+Z để hoàn tác.").format(number=number)
        )

    def preview(self) -> None:
        """Render the selected decision and show it to print or save (Ctrl+P)."""
        record_id = self.list.current_id()
        if record_id:
            documents_menu.open_document(self.ctx, self, documents_menu.decision_request(self.ctx.store, record_id))

    def issue(self) -> None:
        """Issue the selected draft after confirming (Ctrl+B); it cannot be edited afterwards."""
        decision = self.ctx.store.get("decisions", self.list.current_id() or "")
        if decision and decision["status"] == "draft" and documents_menu.issue(self.ctx, self, decision["id"]):
            self.reload()

    def supersede(self) -> None:
        """Draft a decision replacing the selected issued one, and open it for editing (Ctrl+Shift+B)."""
        decision = self.ctx.store.get("decisions", self.list.current_id() or "")
        if not decision or decision["status"] != "issued":
            return
        draft = documents_menu.supersede(self.ctx, self, decision["id"])
        if draft:
            self.reload()
            self.list.select_id(draft["id"])
            self._open(DecisionDialog(self.ctx, draft, self))

    def show_history(self, record_id: str) -> None:
        """Every change to the decision, newest first."""
        dialog = HistoryDialog(self.ctx, "decisions", record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.open()
