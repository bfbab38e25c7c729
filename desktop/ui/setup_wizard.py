"""First start: which commune this laptop serves, its officials, its villages (or demo data), the province server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.store.commune_setup import (
    CommuneSetup,
    VillageList,
    apply_setup,
    default_village_kind,
    filter_communes,
    filter_provinces,
    is_server_url,
    parse_villages,
    read_first_column,
    unit_title,
)
from desktop.store.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.context import ALL_TYPES, AppContext, Job
from desktop.ui.widgets import messages
from desktop.ui.widgets.filtered_list import FilteredList
from desktop.ui.widgets.hint import hint_label
from desktop.ui.widgets.job_progress import checking_progress, run_with_progress
from desktop.ui.widgets.officials_form import OfficialsForm
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE
from sync.enrollment import EnrollmentLinkError, parse_enrollment_uri
from sync.records import RecordInvalid, record_type
from sync.units import Commune, find_commune

DEMO_SESSIONS = 2000


class CommunePage(QWizardPage):
    """Province, then the commune of that province."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Xã của bạn"))
        self.setSubTitle(
            self.tr("Chọn tỉnh, rồi chọn xã, phường hoặc đặc khu mà máy này phục vụ. Gõ để tìm, không cần gõ dấu.")
        )
        self.provinces = FilteredList(self.tr("Tỉnh, thành &phố:"), self.tr("Ví dụ: lang son"), consume_return=True)
        self.communes = FilteredList(
            self.tr("&Xã, phường, đặc khu:"), self.tr("Ví dụ: tan thanh"), consume_return=False
        )
        layout = QHBoxLayout(self)
        layout.addWidget(self.provinces, 2)
        layout.addWidget(self.communes, 3)
        self.setTabOrder(self.provinces.search_edit, self.provinces.list)
        self.setTabOrder(self.provinces.list, self.communes.search_edit)
        self.setTabOrder(self.communes.search_edit, self.communes.list)

        self.provinces.search_edit.textChanged.connect(self._filter_provinces)
        self.provinces.chosen.connect(lambda _code: self._filter_communes())
        self.provinces.return_pressed.connect(self._province_entered)
        self.provinces.list.itemDoubleClicked.connect(lambda _item: self._province_entered())
        self.communes.search_edit.textChanged.connect(lambda _text: self._filter_communes())
        self.communes.chosen.connect(lambda _code: self.completeChanged.emit())
        self.communes.list.itemDoubleClicked.connect(lambda _item: self.wizard().next())
        self._filter_provinces("")

    def _filter_provinces(self, text: str) -> None:
        items = [(p.code, p.title) for p in filter_provinces(text)]
        self.provinces.set_items(items, self.tr("Không có tỉnh, thành phố nào khớp với “{text}”.").format(text=text))

    def _filter_communes(self) -> None:
        province = self.provinces.current_code()
        if not province:
            self.communes.set_items([], self.tr("Chọn tỉnh trước."))
            return
        text = self.communes.search_edit.text()
        items = [
            (c.code, self.tr("{unit} ({code})").format(unit=unit_title(c), code=c.code))
            for c in filter_communes(province, text)
        ]
        self.communes.set_items(items, self.tr("Không có đơn vị nào khớp với “{text}”.").format(text=text))

    def _province_entered(self) -> None:
        if self.provinces.current_code():
            self.communes.search_edit.setFocus()
            self.communes.search_edit.selectAll()

    def first_field(self) -> QWidget:
        """Where typing starts on this page."""
        return self.provinces.search_edit

    def isComplete(self) -> bool:
        return bool(self.communes.current_code())

    def commune(self) -> Commune | None:
        """The chosen commune, or None."""
        code = self.communes.current_code()
        return find_commune(code) if code else None


class OfficialsPage(QWizardPage):
    """The commune's officials: who signs the decisions and who answers for digital transformation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Lãnh đạo và cán bộ phụ trách"))
        self.setSubTitle(
            self.tr(
                "Tên người ký quyết định và cán bộ phụ trách chuyển đổi số. "
                "Có thể bỏ trống và bổ sung sau trong Cài đặt."
            )
        )
        self.form = OfficialsForm()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.changed.connect(self.completeChanged)

    def first_field(self) -> QWidget:
        """Where typing starts on this page."""
        return self.form.chairman_name

    def isComplete(self) -> bool:
        return self.form.validate()


class VillagesPage(QWizardPage):
    """The villages, typed or pasted one per line (or read from a file), previewed with their kinds; or demo data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thôn, tổ dân phố"))
        self.setSubTitle(self.tr("Nhập các thôn, bản, ấp, tổ dân phố của xã; có thể thêm, sửa sau."))
        self.parsed = VillageList(())
        self.type_choice = QRadioButton(self.tr("&Nhập danh sách thôn, tổ dân phố"))
        self.demo_choice = QRadioButton(self.tr("Tạo &dữ liệu mẫu để dùng thử"))
        self.demo_hint = hint_label(
            self.tr(
                "Thôn, tổ, thành viên và {count} buổi hỗ trợ giả định, chỉ để làm quen với phần mềm. "
                "Dữ liệu mẫu không xóa hàng loạt được: khi dùng thật, hãy dùng một thư mục dữ liệu khác."
            ).format(count=f"{DEMO_SESSIONS:,}".replace(",", "."))
        )
        self.demo_hint.setContentsMargins(22, 0, 0, 0)  # under the radio button's text, not its circle
        group = QButtonGroup(self)
        group.addButton(self.type_choice)
        group.addButton(self.demo_choice)
        self.type_choice.setChecked(True)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)  # pasted tabs stay; a typed Tab moves on, as everywhere
        self.text_edit.setPlaceholderText(self.tr("Thôn Nà Phái\nBản Chang\nTổ dân phố số 3\n…"))
        self.text_edit.setAccessibleName(self.tr("Danh sách thôn, mỗi dòng một thôn"))
        text_label = QLabel(
            self.tr("Mỗi dòng một thôn; có thể dán từ Excel (lấy cột đầu tiên có chữ), số thứ tự được bỏ đi.")
        )
        text_label.setWordWrap(True)
        text_label.setBuddy(self.text_edit)
        self.file_button = QPushButton(self.tr("Nhập từ tệ&p…"))
        self.file_button.setToolTip(self.tr("Đọc cột đầu tiên của tệp Excel (.xlsx) hoặc .csv"))
        self.kind_combo = QComboBox()
        kind_field = record_type("villages").field("kind")
        for choice in kind_field.choices:
            self.kind_combo.addItem(i18n.label(choice), choice.value)
        kind_label = QLabel(self.tr("Dòng không ghi &loại là:"))
        kind_label.setBuddy(self.kind_combo)

        self.preview = QTableWidget(0, 2)
        self.preview.setHorizontalHeaderLabels(
            [i18n.label(kind_field), i18n.label(record_type("villages").field("name"))]
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.verticalHeader().setDefaultSectionSize(self.preview.fontMetrics().height() + 8)
        self.preview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(text_label)
        left.addWidget(self.text_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addStretch(1)
        row.addWidget(kind_label)
        row.addWidget(self.kind_combo)
        left.addLayout(row)
        right = QVBoxLayout()
        preview_label = QLabel(self.tr("Xem trước:"))
        right.addWidget(preview_label)
        right.addWidget(self.preview, 1)
        right.addWidget(self.summary)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.type_choice)
        layout.addLayout(columns, 1)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.demo_hint)

        self.text_edit.textChanged.connect(self.update_preview)
        self.kind_combo.currentIndexChanged.connect(self.update_preview)
        self.file_button.clicked.connect(self.import_file)
        self.demo_choice.toggled.connect(self._mode_changed)

    def initializePage(self) -> None:
        commune = self.wizard().commune() if isinstance(self.wizard(), SetupWizard) else None
        index = self.kind_combo.findData(default_village_kind(commune))
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.update_preview()

    def first_field(self) -> QWidget:
        """Where typing starts on this page."""
        return self.text_edit

    def _mode_changed(self, demo: bool) -> None:
        for widget in (self.text_edit, self.file_button, self.kind_combo, self.preview):
            widget.setEnabled(not demo)
        self.update_preview()

    def update_preview(self) -> None:
        """Read the list again and show what will be created."""
        self.parsed = parse_villages(self.text_edit.toPlainText(), str(self.kind_combo.currentData()))
        kind_field = record_type("villages").field("kind")
        self.preview.setRowCount(len(self.parsed.villages))
        for row, village in enumerate(self.parsed.villages):
            self.preview.setItem(row, 0, QTableWidgetItem(i18n.choice_label(kind_field, village.kind)))
            self.preview.setItem(row, 1, QTableWidgetItem(village.name))
        if self.demo_choice.isChecked():
            self.summary.setText(self.tr("Sẽ tạo dữ liệu mẫu thay cho danh sách này."))
            return
        parts = [self.tr("Sẽ thêm {count} thôn, tổ dân phố.").format(count=len(self.parsed.villages))]
        if self.parsed.duplicates:
            parts.append(self.tr("Bỏ {count} dòng trùng.").format(count=self.parsed.duplicates))
        if self.parsed.too_many:
            parts.append(
                self.tr("Danh sách quá dài: chỉ lấy {count} dòng đầu.").format(count=len(self.parsed.villages))
            )
        if not self.parsed.villages:
            parts = [self.tr("Chưa có thôn nào; có thể bỏ trống và thêm sau.")]
        self.summary.setText(" ".join(parts))

    def import_file(self) -> None:
        """Read a spreadsheet or .csv file into the list."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp danh sách thôn"), str(Path.home()), self.tr("Bảng tính (*.xlsx *.csv *.txt)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Put a file's rows into the list box (the user can still edit them)."""
        try:
            text = read_first_column(path)
        except StoreError as error:
            messages.error(self, self.tr("Không đọc được tệp"), i18n.message(error))
            return
        self.text_edit.setPlainText(text)
        self.text_edit.setFocus()


class ServerPage(QWizardPage):
    """The province server's address (optional), and a last look at what will be set up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Máy chủ của tỉnh"))
        self.setSubTitle(
            self.tr("Địa chỉ máy chủ tỉnh dùng để đồng bộ dữ liệu. Có thể bỏ trống và nhập sau trong Cài đặt.")
        )
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("Ví dụ: https://cds.langson.gov.vn"))
        self.url_edit.setMaxLength(300)
        url_label = QLabel(self.tr("Địa chỉ &máy chủ:"))
        url_label.setBuddy(self.url_edit)
        self.url_error = QLabel()
        self.url_error.setStyleSheet(ERROR_STYLE)
        self.url_error.hide()
        # The enrolment sheet's link (its QR code, scanned or pasted) carries the address: take it from there.
        self.link_note = QLabel()
        self.link_note.setWordWrap(True)
        self.link_note.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(url_label)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.url_error)
        layout.addWidget(self.link_note)
        layout.addSpacing(16)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.url_edit.textEdited.connect(lambda _text: self._show_error(False))
        self.url_edit.textChanged.connect(self._link_pasted)

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            self.summary.setText(wizard.summary())

    def first_field(self) -> QWidget:
        """Where typing starts on this page."""
        return self.url_edit

    def _link_pasted(self, text: str) -> None:
        if "toso-enroll" not in text.lower():
            return
        try:
            link = parse_enrollment_uri(text)
        except EnrollmentLinkError as error:
            self.link_note.setText(str(error))
            self.link_note.show()
            return
        self.url_edit.setText(link.server or "")
        self.link_note.setText(
            self.tr(
                "Đã lấy địa chỉ máy chủ từ liên kết đăng ký. Sau khi hoàn tất, mở mục Đồng bộ và dán lại liên kết "
                "này để đăng ký máy (mã {code} dùng một lần)."
            ).format(code=link.code)
        )
        self.link_note.show()

    def _show_error(self, show: bool) -> None:
        self.url_error.setText(
            self.tr("Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ https://cds.langson.gov.vn") if show else ""
        )
        self.url_error.setVisible(show)
        self.url_edit.setStyleSheet(INVALID_STYLE if show else "")

    def validatePage(self) -> bool:
        text = self.url_edit.text().strip()
        if text and not is_server_url(text):
            self._show_error(True)
            self.url_edit.setFocus()
            return False
        return True


class SetupWizard(QWizard):
    """ "Thiết lập Tổ Số": four pages; Hoàn tất writes everything in one transaction, Hủy writes nothing."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Thiết lập Tổ Số"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt has no Vietnamese catalogue of its own, so the buttons are named here (with Alt keys).
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.commune_page = CommunePage()
        self.officials_page = OfficialsPage()
        self.villages_page = VillagesPage()
        self.server_page = ServerPage()
        for page in (self.commune_page, self.officials_page, self.villages_page, self.server_page):
            self.addPage(page)
        self.resize(880, 600)  # inside a 1366×768 screen with room for the taskbar
        self.job: Job | None = None
        # A page's widgets are hidden while initializePage() runs, so focus is given once it is shown.
        self.currentIdChanged.connect(lambda _id: self._focus_page())
        self._focus_page()

    def _focus_page(self) -> None:
        page = self.currentPage()
        first = getattr(page, "first_field", None)
        if first is not None:
            first().setFocus()

    def commune(self) -> Commune | None:
        """The commune chosen on the first page."""
        return self.commune_page.commune()

    def setup(self) -> CommuneSetup:
        """What Hoàn tất will write."""
        commune = self.commune()
        assert commune is not None  # the first page cannot be left without one
        demo = self.villages_page.demo_choice.isChecked()
        return CommuneSetup(
            commune_code=commune.code,
            officials=self.officials_page.form.values(),
            server_url=self.server_page.url_edit.text().strip(),
            villages=[] if demo else list(self.villages_page.parsed.villages),
            demo_sessions=DEMO_SESSIONS if demo else 0,
        )

    def summary(self) -> str:
        """The set-up in words, shown on the last page."""
        commune = self.commune()
        if commune is None:
            return ""
        lines = [
            self.tr("Khi bấm Hoàn tất, máy này sẽ được thiết lập cho {unit}, {province} (mã {code}).").format(
                unit=unit_title(commune), province=commune.province_full_name, code=commune.code
            )
        ]
        if self.villages_page.demo_choice.isChecked():
            lines.append(self.tr("Dữ liệu mẫu sẽ được tạo để dùng thử (mất vài giây)."))
        else:
            lines.append(
                self.tr("Số thôn, tổ dân phố sẽ thêm: {count}.").format(count=len(self.villages_page.parsed.villages))
            )
        lines.append(self.tr("Sau khi thiết lập, không thể chuyển máy này sang xã khác."))
        return "\n".join(lines)

    def accept(self) -> None:
        """Write the set-up in the background; stay open with the reason if it fails."""
        if self.job is not None or not self.validateCurrentPage():  # QWizard validates in done(): too late here
            return
        setup = self.setup()

        def task(store: Store, job: Job) -> Commune:
            return apply_setup(store, setup, checking_progress(job))

        text = self.tr("Đang tạo dữ liệu mẫu…") if setup.demo_sessions else self.tr("Đang lưu thiết lập…")
        self.job = run_with_progress(
            self.ctx.writer,
            self,
            text,
            task,
            done=self._finished,
            failed=self._failed,
            cancelled=self._cancelled,
            changes=(ALL_TYPES,),
        )

    def _finished(self, _commune: Any) -> None:
        self.job = None
        self.ctx.store.reload()  # the commune was set through the writer's connection
        self.ctx.hub.settings_changed.emit()
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        if isinstance(error, RecordInvalid):
            text = "\n".join(e.en if i18n.language() == "en" else e.vi for e in error.errors)
        elif isinstance(error, StoreError):
            text = i18n.message(error)
        else:
            text = self.tr("Lỗi không mong đợi: {error}. Chi tiết đã ghi vào nhật ký.").format(error=error)
        messages.error(self, self.tr("Chưa thiết lập được"), text)

    def _cancelled(self) -> None:
        self.job = None
        self.ctx.hub.status_message.emit(self.tr("Đã hủy tạo dữ liệu mẫu; chưa có gì được lưu."))
