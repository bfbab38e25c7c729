"""The set-up wizard's server page takes the address out of an enrolment link pasted into it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.ui.setup_wizard import ServerPage
from sync.enrollment import enrollment_uri


def test_a_pasted_enrolment_link_leaves_the_server_address(qtbot: QtBot) -> None:
    page = ServerPage()
    qtbot.addWidget(page)
    page.show()
    QGuiApplication.clipboard().setText(enrollment_uri("https://cds.langson.gov.vn", "ABCD-EFGH-JKMN"))
    page.url_edit.paste()

    assert page.url_edit.text() == "https://cds.langson.gov.vn"
    assert page.link_note.isVisible()
    assert "mục Đồng bộ" in page.link_note.text() and "ABCD-EFGH-JKMN" in page.link_note.text()
    assert page.validatePage()


def test_a_broken_link_is_explained_and_refused(qtbot: QtBot) -> None:
    page = ServerPage()
    qtbot.addWidget(page)
    page.show()
    page.url_edit.setText("toso-enroll:?server=cds&code=ABCDEFGHJKMN")

    assert "Địa chỉ máy chủ trong liên kết không hợp lệ" in page.link_note.text()
    assert not page.validatePage()
    assert page.url_error.isVisible()
