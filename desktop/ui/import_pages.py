"""The first two steps of the import wizard: the file (and sheet), then what each column is imported as."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.store.import_files import (
    ImportProblem,
    SourceTable,
    Text,
    cell_text,
    check_mapping,
    find_header,
    guess_mapping,
    read_table,
    target_text,
)
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import Job

if TYPE_CHECKING:
    from desktop.ui.import_wizard import ImportWizard

FILE_FILTER_EXTENSIONS = "*.xlsx *.xlsm *.csv *.txt"
ERROR_STYLE = "color: #a61b1b;"
NOTICE_STYLE = "color: #8a5a00;"


def said(text: Text | StoreError) -> str:
    """A store message in the interface language."""
    return text.en if i18n.language() == "en" else text.vi


def target_label(target: str | None) -> str:
    """What a column is imported as, in words."""
    if target:
        return said(target_text(target))
    return QCoreApplication.translate("ImportWizard", "— Không nhập —")


class FilePage(QWizardPage):
    """Step 1: the file (by dialog, typed path or drag and drop) and, for a workbook, the sheet."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 1/4 · Chọn tệp danh sách"))
        self.setSubTitle(
            self.tr("Tệp Excel (.xlsx) hoặc CSV có một dòng tiêu đề cột như “Họ và tên”, “Năm sinh”, “SĐT”.")
        )
        self.setAcceptDrops(True)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Đường dẫn tới tệp, hoặc kéo thả tệp vào đây"))
        self.path_edit.setAccessibleName(self.tr("Tệp danh sách"))
        self.path_edit.returnPressed.connect(lambda: self.load(self.path_edit.text()))
        self.browse_button = QPushButton(self.tr("&Chọn tệp…"))
        self.browse_button.setToolTip(self.tr("Chọn tệp Excel hoặc CSV (Alt+C)"))
        self.browse_button.clicked.connect(self.browse)
        self.sheet_label = QLabel(self.tr("Tr&ang tính:"))
        self.sheet_combo = QComboBox()
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.activated.connect(lambda _i: self.load(self.path_edit.text(), self.sheet_combo.currentText()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        hint = QLabel(
            self.tr(
                "Các dòng tiêu đề phía trên, dòng tên tổ (I, II…), dòng trống và dòng tổng cộng được nhận ra tự động. "
                "Chưa có gì được ghi vào dữ liệu cho tới bước cuối."
            )
        )
        hint.setWordWrap(True)
        drop_zone = QLabel(self.tr("Kéo thả tệp Excel hoặc CSV vào đây"))
        drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop_zone.setMinimumHeight(140)
        drop_zone.setStyleSheet("border: 2px dashed #9a9a9a; border-radius: 8px; color: #5a5a5a;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        sheets = QHBoxLayout()
        sheets.addWidget(self.sheet_label)
        sheets.addWidget(self.sheet_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheets)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addSpacing(12)
        layout.addWidget(drop_zone, 1)
        layout.addWidget(hint)
        self._show_sheets([])

    def browse(self) -> None:
        """Ask for the file."""
        start = str(self.owner.ctx.settings.value("import/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn tệp danh sách"),
            start,
            self.tr("Bảng tính ({patterns});;Tất cả các tệp (*)").format(patterns=FILE_FILTER_EXTENSIONS),
        )
        if path:
            self.owner.ctx.settings.setValue("import/last_dir", str(Path(path).parent))
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        """Read the file (on the reader) and find its header row."""
        path = path.strip().strip('"')
        if not path:
            return
        self.path_edit.setText(path)
        self.owner.table = None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Đang đọc tệp…"))
        self.notice.clear()
        self.completeChanged.emit()

        def task(_store: Store, _job: Job) -> SourceTable | ImportProblem:
            # Expected problems come back as values: they are the user's to read, not the log's.
            try:
                table = read_table(path, sheet)
            except ImportProblem as problem:
                return problem
            if sheet is None and not _has_header(table):
                # A cover sheet first: the list is on the first sheet that has a header row.
                found = (read_table(path, name) for name in table.sheets[1:])
                table = next((other for other in found if _has_header(other)), table)
            return table

        self.owner.ctx.reader.submit(task, done=self._loaded, failed=self._not_loaded)

    def _loaded(self, outcome: SourceTable | ImportProblem) -> None:
        if isinstance(outcome, ImportProblem):
            self._show_sheets([])
            self._not_loaded(outcome)
            return
        table = outcome
        self._show_sheets(table.sheets, table.sheet)
        self.notice.setText(said(table.notice) if table.notice else "")
        try:
            header_index = find_header(table.rows)
        except ImportProblem as problem:
            self._not_loaded(problem)
            return
        self.owner.table, self.owner.header_index, self.owner.mapping = table, header_index, []
        number = table.rows[header_index][0]
        where = self.tr(" từ trang “{sheet}”").format(sheet=table.sheet) if table.sheet else ""
        self.status.setText(
            self.tr("Đã đọc {count} dòng{where}; dòng tiêu đề cột là dòng {number}.").format(
                count=len(table.rows), where=where, number=number
            )
        )
        self.completeChanged.emit()

    def _not_loaded(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(
            said(error)
            if isinstance(error, StoreError)
            else self.tr("Không đọc được tệp này: {error}").format(error=error)
        )
        self.completeChanged.emit()

    def _show_sheets(self, names: list[str], current: str = "") -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.setCurrentText(current)
        for widget in (self.sheet_label, self.sheet_combo):
            widget.setVisible(len(names) > 1)

    def validatePage(self) -> bool:
        return self.isComplete()  # Enter or next() must not skip past a page that is not ready

    def isComplete(self) -> bool:
        return self.owner.table is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.load(files[0])


class MappingPage(QWizardPage):
    """Step 2: what each column of the file is imported as (guessed from its header, changeable)."""

    TARGETS: tuple[str | None, ...] = (None, "full_name", "birth_year", "gender", "phone", "email", "position")
    TARGETS += ("organisation", "village", "team", "role", "notes")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bước 2/4 · Ghép cột"))
        self.setSubTitle(
            self.tr("Chọn mỗi cột của tệp sẽ nhập vào đâu. Đã đoán sẵn theo tiêu đề cột; hãy kiểm tra lại.")
        )
        self.combos: list[QComboBox] = []
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(3, 1)
        self.grid.setHorizontalSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)

    def initializePage(self) -> None:
        table = self.owner.table
        assert table is not None
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        headers = table.rows[self.owner.header_index][1]
        # Examples come from rows that look like people (three or more cells), not team titles or totals.
        data = [row for row in table.rows[self.owner.header_index + 1 :] if sum(1 for c in row[1] if cell_text(c)) > 2]
        width = max([len(headers), *(len(cells) for _n, cells in data)])
        mapping = self.owner.mapping or guess_mapping(headers)
        mapping = [*mapping, *[None] * (width - len(mapping))]
        bold = QFont()
        bold.setBold(True)
        for column, title in enumerate((self.tr("Cột"), self.tr("Tiêu đề trong tệp"), self.tr("Nhập vào"))):
            label = QLabel(title)
            label.setFont(bold)
            self.grid.addWidget(label, 0, column)
        examples_title = QLabel(self.tr("Ví dụ trong tệp"))
        examples_title.setFont(bold)
        self.grid.addWidget(examples_title, 0, 3)
        for index in range(width):
            header = cell_text(headers[index]) if index < len(headers) else ""
            samples = [cell_text(cells[index]) for _n, cells in data if index < len(cells) and cell_text(cells[index])]
            letter = QLabel(_column_letter(index))
            name = QLabel(header or self.tr("(không có tiêu đề)"))
            combo = QComboBox()
            for target in self.TARGETS:
                combo.addItem(target_label(target), target)
            combo.setCurrentIndex(max(0, combo.findData(mapping[index])))
            combo.setAccessibleName(self.tr("Cột {letter} nhập vào").format(letter=letter.text()))
            combo.currentIndexChanged.connect(self._changed)
            example = QLabel(", ".join(samples[:3]))
            example.setToolTip("\n".join(samples[:10]))
            example.setMinimumWidth(120)
            for column, widget in enumerate((letter, name, combo, example)):
                self.grid.addWidget(widget, index + 1, column)
            self.combos.append(combo)
        self.grid.setRowStretch(width + 1, 1)
        if self.combos:
            self.combos[0].setFocus()
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.owner.mapping = [combo.currentData() for combo in self.combos]
        self.owner.plan = None
        self.problems.setText(" ".join(said(p) for p in check_mapping(self.owner.mapping)))
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        return self.isComplete()  # Enter or next() must not skip past a page that is not ready

    def isComplete(self) -> bool:
        return bool(self.combos) and not check_mapping(self.owner.mapping)


def _has_header(table: SourceTable) -> bool:
    try:
        find_header(table.rows)
    except ImportProblem:
        return False
    return True


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
