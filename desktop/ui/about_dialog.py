"""The About dialog: name, version, licences, the data folder (with a button to open it) and the Qt in use."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.store.versions import running_version  # package metadata, bundled in the frozen app too

LICENCE = "GPL-3.0-or-later"
HOMEPAGE_LICENCE = "https://www.gnu.org/licenses/gpl-3.0.html"
FONT_LICENCE = "https://openfontlicense.org"


def app_icon() -> QIcon:
    """The app icon at every size that was drawn (resources/icons/toso-N.png)."""
    icon = QIcon()
    for png in sorted((paths.resources_dir() / "icons").glob("toso-*.png")):
        icon.addFile(str(png))
    return icon


class AboutDialog(QDialog):
    """What this app is, which version, under which licences, and where its data lives."""

    def __init__(self, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Giới thiệu Tổ Số"))

        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(64, 64))
        picture.setFixedSize(72, 72)
        self.title_label = QLabel(self.tr("<h2>Tổ Số {version}</h2>").format(version=html.escape(running_version())))
        self.summary_label = QLabel(
            self.tr("Quản lý Tổ công nghệ số cộng đồng cấp xã: thôn, tổ, thành viên, hoạt động hỗ trợ và giấy tờ.")
        )
        self.summary_label.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.summary_label)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(heading, 1)

        self.licence_label = QLabel(
            self.tr(
                "Phần mềm tự do theo Giấy phép Công cộng GNU, phiên bản 3 trở lên "
                '(<a href="{gpl}">GPL-3.0-or-later</a>).<br>'
                "Phông chữ Liberation Serif trong tài liệu PDF: "
                '<a href="{ofl}">SIL OFL 1.1</a> (Giấy phép Phông chữ Mở SIL).'
            ).format(gpl=HOMEPAGE_LICENCE, ofl=FONT_LICENCE)
        )
        self.licence_label.setWordWrap(True)
        self.licence_label.setOpenExternalLinks(True)

        folder = str(data_dir or "")
        self.folder_label = QLabel(self.tr("Thư mục dữ liệu:"))
        self.folder_path = QLabel(folder)
        self.folder_path.setWordWrap(True)
        self.folder_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Mở thư mục dữ liệu"))
        self.open_button.setEnabled(bool(folder))
        self.open_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_path, 1)
        folder_row.addWidget(self.open_button)

        self.qt_label = QLabel(
            self.tr("Qt {qt} · PySide6 {pyside} · Python {python}").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
            )
        )
        self.qt_label.setEnabled(False)  # greyed: for support calls, not for reading

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.licence_label)
        layout.addSpacing(8)
        layout.addWidget(self.folder_label)
        layout.addLayout(folder_row)
        layout.addSpacing(8)
        layout.addWidget(self.qt_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(580)

    def open_data_folder(self) -> bool:
        """Show the data folder in the system's file manager."""
        return bool(self.data_dir) and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and for copying into a support message)."""
        labels = (
            self.title_label,
            self.summary_label,
            self.licence_label,
            self.folder_label,
            self.folder_path,
            self.qt_label,
        )
        return "\n".join(_plain(label.text()) for label in labels)


def _plain(rich: str) -> str:
    """Rich label text without its tags."""
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(rich).toPlainText() if "<" in rich else rich
