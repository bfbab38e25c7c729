"""Cài đặt › Mẫu quyết định: the articles and "Nơi nhận" of decisions, edited, saved, refused and reset."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.documents.decision import render_decision
from desktop.store import settings
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.views.settings import SettingsView
from desktop.ui.views.settings_templates import DecisionTemplatesPanel, unknown_placeholders
from desktop.ui.widgets import messages

MAU_QUYET_DINH = 4  # the fifth tab, after Sao lưu


@pytest.fixture
def view(qtbot: QtBot, ctx: AppContext) -> SettingsView:
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1176, 700)  # the view's share of a 1366×768 window
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    view.tabs.setCurrentIndex(MAU_QUYET_DINH)
    return view


@pytest.fixture
def panel(view: SettingsView) -> DecisionTemplatesPanel:
    return view.templates


def draft_text(store: Store, kind: str = "founding") -> str:
    """The words of a draft decision for Nà Phái's team, as its PDF prints them (whitespace made single)."""
    settings.put(store, settings.CHAIRMAN_NAME, "Hoàng Văn Thụ")
    team = store.rows("teams", "name = ?", ["Tổ CNSCĐ thôn Nà Phái"])[0]["id"]
    decision = store.insert(
        "decisions", {"number": 7, "year": 2026, "date": "2026-02-05", "kind": kind, "team_ids": [team]}
    )
    reader = PdfReader(io.BytesIO(render_decision(store, decision["id"])))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def replace_text(qtbot: QtBot, editor: object, text: str) -> None:
    """Select all of an editor and type over it, as a user pasting a new text would."""
    editor.setFocus()  # type: ignore[attr-defined]
    editor.selectAll()  # type: ignore[attr-defined]
    editor.insertPlainText(text)  # type: ignore[attr-defined]


def test_the_tab_shows_the_stored_templates_and_every_placeholder(view: SettingsView, store: Store) -> None:
    panel = view.templates
    assert view.tabs.tabText(MAU_QUYET_DINH) == "Mẫu quyết định"
    assert panel.shown_kind() == "founding"
    assert [e.toPlainText() for e in panel.article_edits] == settings.decision_articles(store, "founding")
    assert panel.recipients_edit.toPlainText().splitlines() == settings.decision_recipients(store)
    hint = panel.placeholders_hint.text()
    for name in ("{teams}", "{commune}", "{division}", "{officer}"):
        assert name in hint
    assert "xã Tân Thành" in hint  # the example is this laptop's commune
    assert not panel.save_button.isEnabled()


def test_edited_articles_and_recipients_are_saved_and_printed_on_a_draft(
    qtbot: QtBot, panel: DecisionTemplatesPanel, ctx: AppContext, store: Store
) -> None:
    first = "Thành lập {teams} để giúp bà con dùng điện thoại thông minh."
    # A typed "Điều 1." is dropped: printing adds it.
    replace_text(qtbot, panel.article_edits[0], "Điều 1. " + first)
    replace_text(qtbot, panel.recipients_edit, "Như Điều 3\n- Đảng ủy {commune}\n\nLưu: VT")
    assert panel.save_button.isEnabled()
    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=1000):
        qtbot.keyClick(panel.article_edits[0], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert settings.decision_articles(store, "founding")[0] == first
    assert settings.decision_articles(store, "restructuring") == list(settings.DEFAULT_RESTRUCTURING_ARTICLES)
    assert store.get_meta(settings.RESTRUCTURING_ARTICLES.key) is None  # untouched: it follows the defaults
    assert settings.decision_recipients(store) == ["Như Điều 3", "Đảng ủy {commune}", "Lưu: VT"]
    assert not panel.save_button.isEnabled()
    assert panel.save_status.text().startswith("Đã lưu")

    text = draft_text(store)
    assert "Điều 1. Thành lập Tổ công nghệ số cộng đồng thôn Nà Phái để giúp bà con dùng điện thoại thông minh." in text
    assert "Điều 1. Điều 1." not in text
    assert "- Đảng ủy xã Tân Thành;" in text
    assert "- Lưu: VT." in text
    assert "TT Đảng ủy" not in text  # the default recipient was taken out


def test_each_kind_keeps_its_own_articles_and_an_article_can_be_added(
    qtbot: QtBot, panel: DecisionTemplatesPanel, store: Store
) -> None:
    replace_text(qtbot, panel.article_edits[0], "Thành lập {teams}.")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("restructuring"))
    assert panel.shown_kind() == "restructuring"
    assert panel.article_edits[0].toPlainText().startswith("Kiện toàn {teams}")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(panel.article_edits) == 4
    panel.article_edits[3].insertPlainText("Chánh Văn phòng HĐND và UBND {division} thi hành Quyết định này./.")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("founding"))
    assert panel.article_edits[0].toPlainText() == "Thành lập {teams}."  # not lost by looking at the other kind
    assert panel.save()

    assert settings.decision_articles(store, "founding")[0] == "Thành lập {teams}."
    restructuring = settings.decision_articles(store, "restructuring")
    assert len(restructuring) == 4 and restructuring[3].startswith("Chánh Văn phòng")
    text = draft_text(store, "restructuring")
    assert "Điều 4. Chánh Văn phòng HĐND và UBND xã thi hành Quyết định này./." in text

    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("restructuring"))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert len(panel.article_edits) == 3
    assert panel.save()
    assert settings.decision_articles(store, "restructuring") == list(settings.DEFAULT_RESTRUCTURING_ARTICLES)


def test_an_unknown_placeholder_is_refused_beside_its_text(
    qtbot: QtBot, panel: DecisionTemplatesPanel, ctx: AppContext, store: Store
) -> None:
    replace_text(qtbot, panel.article_edits[2], "Quyết định này có hiệu lực từ năm {year}.")
    with qtbot.assertNotEmitted(ctx.hub.settings_changed):
        assert not panel.save()
    error = panel._article_errors[2]
    assert error.isVisible() and "{year}" in error.text() and "{teams}" in error.text()
    assert panel.save_button.isEnabled()
    assert store.get_meta(settings.FOUNDING_ARTICLES.key) is None  # nothing kept

    # A mistake in the kind not on screen brings that kind up.
    replace_text(qtbot, panel.article_edits[2], "Quyết định này có hiệu lực kể từ ngày ký.")
    assert not error.isVisible()  # typing clears the message
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("restructuring"))
    replace_text(qtbot, panel.article_edits[0], "Kiện toàn {to}.")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("founding"))
    assert not panel.save()
    assert panel.shown_kind() == "restructuring"
    assert "{to}" in panel._article_errors[0].text()

    replace_text(qtbot, panel.article_edits[0], "Kiện toàn {teams}.")
    replace_text(qtbot, panel.recipients_edit, "Như Điều 3\nUBND {tinh}")
    assert not panel.save()
    assert panel.recipients_error.isVisible() and "{tinh}" in panel.recipients_error.text()
    assert settings.decision_recipients(store) == list(settings.DEFAULT_RECIPIENTS)

    replace_text(qtbot, panel.recipients_edit, "Như Điều 3\nLưu: VT")
    assert panel.save()
    assert settings.decision_articles(store, "restructuring")[0] == "Kiện toàn {teams}."


def test_a_template_without_articles_or_recipients_is_refused(
    qtbot: QtBot, panel: DecisionTemplatesPanel, store: Store
) -> None:
    for editor in panel.article_edits:
        replace_text(qtbot, editor, "")
    assert not panel.save()
    assert "ít nhất một điều" in panel._article_errors[0].text()
    panel.load()
    replace_text(qtbot, panel.recipients_edit, "  \n")
    assert not panel.save()
    assert "ít nhất một nơi nhận" in panel.recipients_error.text()
    assert store.get_meta(settings.DECISION_RECIPIENTS.key) is None


def test_reset_brings_the_defaults_back(
    qtbot: QtBot, panel: DecisionTemplatesPanel, ctx: AppContext, store: Store, confirmed: list[str]
) -> None:
    settings.put_decision_articles(store, "founding", ["Thành lập {teams}."])
    settings.put_decision_articles(store, "restructuring", ["Kiện toàn {teams}."])
    settings.put_decision_recipients(store, ["Lưu: VT"])
    panel.load()
    assert [e.toPlainText() for e in panel.article_edits] == ["Thành lập {teams}."]

    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=1000):
        qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert confirmed and "mặc định" in confirmed[0]
    for setting in (settings.FOUNDING_ARTICLES, settings.RESTRUCTURING_ARTICLES, settings.DECISION_RECIPIENTS):
        assert store.get_meta(setting.key) is None
    assert [e.toPlainText() for e in panel.article_edits] == list(settings.DEFAULT_FOUNDING_ARTICLES)
    assert panel.recipients_edit.toPlainText().splitlines() == list(settings.DEFAULT_RECIPIENTS)
    assert "Điều 1. Thành lập Tổ công nghệ số cộng đồng thôn Nà Phái gồm các ông (bà)" in draft_text(store)


def test_reset_asks_first(
    qtbot: QtBot, panel: DecisionTemplatesPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.put_decision_recipients(store, ["Lưu: VT"])
    panel.load()
    monkeypatch.setattr(messages, "confirm", lambda *_args: False)
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert settings.decision_recipients(store) == ["Lưu: VT"]


def test_unknown_placeholders_are_found_once_each() -> None:
    assert unknown_placeholders("{teams} {commune} {division} {officer}") == []
    assert unknown_placeholders("{year} và {year}, { teams }, {}") == ["{year}", "{ teams }", "{}"]
