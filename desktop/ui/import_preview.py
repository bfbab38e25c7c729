"""Step 3 of the import wizard: every row of the file with what becomes of it, coloured by verdict."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from desktop.store.import_files import ImportProblem
from desktop.store.import_plan import ImportPlan, Verdict
from desktop.store.importer import build_plan
from desktop.store.store import Store
from desktop.ui import i18n
from desktop.ui.context import Job
from desktop.ui.import_pages import ERROR_STYLE, said
from desktop.ui.widgets import messages
from sync.phones import format_phone
from sync.records import record_type

if TYPE_CHECKING:
    from desktop.ui.import_wizard import ImportWizard

Index = QModelIndex | QPersistentModelIndex
# Long results and team names are cut here; the row's detail line and tooltip show them whole.
MAX_COLUMN_WIDTH = 220
RESULT_WIDTH = 300
# Row colours of the preview: light enough for black text, told apart by people with red-green blindness
# through the Kết quả text as well.
COLOURS = {
    Verdict.OK: QColor("#e2f3e0"),
    Verdict.MERGED: QColor("#fff3c4"),
    Verdict.EXISTING: QColor("#fff3c4"),
    Verdict.ERROR: QColor("#fbdcdc"),
}


class PreviewModel(QAbstractTableModel):
    """The plan's rows: what each becomes, coloured by verdict."""

    ROW, RESULT, NAME, YEAR, GENDER, PHONE, ROLE, TEAM = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("PreviewModel", "Dòng"),
        QT_TRANSLATE_NOOP("PreviewModel", "Kết quả"),
        QT_TRANSLATE_NOOP("PreviewModel", "Họ và tên"),
        QT_TRANSLATE_NOOP("PreviewModel", "Năm sinh"),
        QT_TRANSLATE_NOOP("PreviewModel", "Giới tính"),
        QT_TRANSLATE_NOOP("PreviewModel", "Số điện thoại"),
        QT_TRANSLATE_NOOP("PreviewModel", "Chức danh"),
        QT_TRANSLATE_NOOP("PreviewModel", "Tổ"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show a plan's rows."""
        self.beginResetModel()
        self.rows = plan.rows if plan else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PreviewModel", str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.RESULT, self.TEAM):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and row.verdict in COLOURS:
            return QBrush(COLOURS[row.verdict])
        if role == Qt.ItemDataRole.ForegroundRole and row.verdict is Verdict.SKIPPED:
            return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.FontRole and row.verdict is Verdict.SECTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.verdict.value
        return None

    @staticmethod
    def cell(row: Any, column: int) -> Any:
        """The text of one cell: cleaned values where the row has them, the file's text where it has not."""
        person, raw, model = row.person or {}, row.raw, PreviewModel
        if column == model.ROW:
            return row.number
        if column == model.RESULT:
            return said(row.message)
        if row.verdict is Verdict.SECTION:
            return row.team if column == model.TEAM else ""
        if column == model.NAME:
            return person.get("full_name") or raw.get("full_name", "")
        if column == model.YEAR:
            return person.get("birth_year") or raw.get("birth_year", "")
        if column == model.GENDER:
            gender = person.get("gender")
            return i18n.choice_label(record_type("people").field("gender"), gender) if gender else raw.get("gender", "")
        if column == model.PHONE:
            return format_phone(person["phone"]) if person.get("phone") else raw.get("phone", "")
        if column == model.TEAM:
            return row.team
        return row.role if row.verdict is not Verdict.SKIPPED else ""


class PreviewPage(QWizardPage):
    """Step 3: every row with what becomes of it, the start date, and the rows with errors to save aside."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.generation = 0  # only the newest plan is shown when the date changes quickly
        self.setTitle(self.tr("Bước 3/4 · Xem trước"))
        self.setSubTitle(self.tr("Kiểm tra từng dòng trước khi nhập. Dòng lỗi sẽ không được nhập."))
        date_label = QLabel(self.tr("Ngày &bắt đầu tham gia tổ:"))
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        today = wizard.ctx.store.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setToolTip(self.tr("Ngày các thành viên bắt đầu tham gia tổ; mặc định là hôm nay (Alt+B)"))
        date_label.setBuddy(self.date_edit)
        self.date_edit.dateChanged.connect(lambda _d: self.replan())
        self.errors_only = QCheckBox(self.tr("Chỉ &hiện dòng lỗi"))
        self.errors_only.setToolTip(self.tr("Chỉ hiện các dòng có lỗi (Alt+H)"))
        self.errors_only.toggled.connect(self._filter)
        self.save_button = QPushButton(self.tr("&Lưu các dòng lỗi ra tệp…"))
        self.save_button.setToolTip(self.tr("Lưu các dòng lỗi kèm cột “Lỗi” ra tệp Excel để sửa rồi nhập lại (Alt+L)"))
        self.save_button.clicked.connect(self.save_errors)
        self.counts = QLabel()
        bold = QFont()
        bold.setBold(True)
        self.counts.setFont(bold)
        self.detail = QLabel(self.tr("Chọn một dòng để xem đầy đủ kết quả."))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts.setWordWrap(True)
        self.model = PreviewModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(0)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Các dòng của tệp"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addStretch(1)
        top.addWidget(self.errors_only)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

    def initializePage(self) -> None:
        self.replan()

    def replan(self) -> None:
        """Plan again (on the reader): after the columns or the start date changed."""
        table = self.owner.table
        if table is None:
            return
        self.generation += 1
        generation = self.generation
        mapping, header_index = list(self.owner.mapping), self.owner.header_index
        chosen = self.date_edit.date()
        start = date(chosen.year(), chosen.month(), chosen.day())
        self.owner.plan = None
        self.counts.setStyleSheet("")
        self.counts.setText(self.tr("Đang kiểm tra các dòng…"))
        self.completeChanged.emit()

        def task(store: Store, _job: Job) -> ImportPlan:
            return build_plan(store, table, mapping, start, header_index)

        def done(plan: ImportPlan) -> None:
            if generation == self.generation:
                self.show_plan(plan)

        def failed(error: BaseException) -> None:
            if generation == self.generation:
                self.model.set_plan(None)
                self.counts.setStyleSheet(ERROR_STYLE)
                self.counts.setText(said(error) if isinstance(error, ImportProblem) else str(error))

        self.owner.ctx.reader.submit(task, done=done, failed=failed)

    def show_plan(self, plan: ImportPlan) -> None:
        """Show a finished plan and its counts."""
        self.owner.plan = plan
        self.model.set_plan(plan)
        self.view.resizeColumnsToContents()
        # Columns the file does not have stay out of the way.
        targets = {PreviewModel.YEAR: "birth_year", PreviewModel.GENDER: "gender", PreviewModel.PHONE: "phone"}
        for column, target in targets.items():
            self.view.setColumnHidden(column, target not in plan.mapping)
        self.view.setColumnHidden(PreviewModel.ROLE, not any(r.team for r in plan.rows))
        for column in range(self.model.columnCount() - 1):
            cap = RESULT_WIDTH if column == PreviewModel.RESULT else MAX_COLUMN_WIDTH
            self.view.setColumnWidth(column, min(self.view.columnWidth(column) + 12, cap))
        valid = plan.count(Verdict.OK, Verdict.MERGED, Verdict.EXISTING)
        errors, skipped = plan.count(Verdict.ERROR), plan.count(Verdict.SKIPPED)
        text = self.tr("{valid} dòng hợp lệ, {errors} lỗi, {skipped} bỏ qua").format(
            valid=valid, errors=errors, skipped=skipped
        )
        merged = plan.count(Verdict.MERGED)
        if merged:
            text += self.tr(" · {merged} dòng trùng người được gộp").format(merged=merged)
        if not sum(plan.counts().values()):
            text += self.tr(" · Không có gì mới để nhập.")
        self.counts.setStyleSheet(ERROR_STYLE if not valid else "")
        self.counts.setText(text)
        self.save_button.setEnabled(errors > 0)
        self.errors_only.setEnabled(errors > 0)
        if not errors:
            self.errors_only.setChecked(False)
        # The first problem is what the user will want to read first.
        first = next((i for i, row in enumerate(plan.rows) if row.verdict is Verdict.ERROR), 0)
        if plan.rows:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(first, 0)))
        self.completeChanged.emit()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[self.proxy.mapToSource(current).row()]
        self.detail.setText(self.tr("Dòng {number}: {message}").format(number=row.number, message=said(row.message)))

    def _filter(self, errors_only: bool) -> None:
        self.proxy.setFilterFixedString(Verdict.ERROR.value if errors_only else "")

    def save_errors(self) -> None:
        """Write the rows with errors to an .xlsx file with a "Lỗi" column."""
        plan = self.owner.plan
        if plan is None:
            return
        folder = str(self.owner.ctx.settings.value("import/last_dir", str(Path.home())))
        default = str(Path(folder) / self.tr("{stem} - dòng cần sửa.xlsx").format(stem=Path(plan.table.name).stem))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu các dòng lỗi"), default, self.tr("Tệp Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            count = plan.write_invalid_rows(path)
        except OSError as error:
            messages.error(
                self,
                self.tr("Không lưu được tệp"),
                self.tr("Không lưu được “{path}”: {reason}. Tệp có đang mở trong Excel không?").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return
        self.owner.ctx.hub.status_message.emit(
            self.tr("Đã lưu {count} dòng lỗi ra {path}").format(count=count, path=path)
        )
        self.counts.setText(
            self.counts.text() + self.tr(" · Đã lưu các dòng lỗi ra {name}").format(name=Path(path).name)
        )

    def validatePage(self) -> bool:
        return self.isComplete()  # Enter or next() must not skip past a page that is not ready

    def isComplete(self) -> bool:
        plan = self.owner.plan
        return plan is not None and sum(plan.counts().values()) > 0
