"""Mẫu quyết định: the articles and the "Nơi nhận" lines that founding and restructuring decisions print from."""

from __future__ import annotations

import re

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import settings
from desktop.ui.context import AppContext
from desktop.ui.widgets import messages
from desktop.ui.widgets.hint import hint_label
from desktop.ui.widgets.record_form import ERROR_STYLE, INVALID_STYLE

KINDS = ("founding", "restructuring")
DEFAULT_ARTICLES = {
    "founding": list(settings.DEFAULT_FOUNDING_ARTICLES),
    "restructuring": list(settings.DEFAULT_RESTRUCTURING_ARTICLES),
}
# What desktop.store.decisions.build_snapshot fills in; anything else in braces would print as typed.
PLACEHOLDERS = ("teams", "commune", "division", "officer")
MAX_ARTICLES = 9
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# "Điều 1." is added when printed: typed at the start of an article, it would be printed twice.
_LEADING_DASH = re.compile(r"^[\s\-–—•+]+")
_ARTICLE_LABEL = re.compile(r"^\s*Điều\s*\d+\s*[.:]\s*", re.IGNORECASE)


def unknown_placeholders(text: str) -> list[str]:
    """The placeholders in a text that printing would not fill, as typed ("{year}"), each once."""
    found: list[str] = []
    for match in _PLACEHOLDER.finditer(text):
        # Exactly as printing replaces them: "{ teams }" or "{Teams}" would be printed as typed.
        if match.group(1) not in PLACEHOLDERS and match.group(0) not in found:
            found.append(match.group(0))
    return found


def clean_article(text: str) -> str:
    """An article as kept: blank lines and a typed "Điều 2." dropped, each line trimmed."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines:
        lines[0] = _ARTICLE_LABEL.sub("", lines[0])
    return "\n".join(line for line in lines if line)


def clean_lines(text: str) -> list[str]:
    """One recipient per non-empty line, trimmed, without a typed leading dash (printing adds it)."""
    lines = (_LEADING_DASH.sub("", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


class ArticleEdit(QPlainTextEdit):
    """A plain text editor as tall as its wrapped text (three to ten lines; a scroll bar beyond)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        """Resize to the lines the text wraps into at the current width, one line to spare."""
        lines, block = 0, self.document().firstBlock()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        shown = max(3, min(10, lines + 1))
        margins = self.contentsMargins()
        frame = 2 * round(self.document().documentMargin()) + margins.top() + margins.bottom()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * shown + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()  # a narrower window wraps the text into more lines


class DecisionTemplatesPanel(QWidget):
    """The articles (Điều 1, 2, 3…) of the founding and the restructuring decision, and the "Nơi nhận" lines."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._articles: dict[str, list[str]] = {kind: [] for kind in KINDS}  # unsaved texts of both kinds
        self._shown_kind = KINDS[0]
        self._filling = False
        self.article_edits: list[QPlainTextEdit] = []
        self._article_errors: list[QLabel] = []

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Quyết định thành lập tổ"), "founding")
        self.kind_combo.addItem(self.tr("Quyết định kiện toàn tổ"), "restructuring")
        self.kind_combo.setAccessibleName(self.tr("Loại quyết định"))
        kind_label = QLabel(self.tr("Loại &quyết định:"))
        kind_label.setBuddy(self.kind_combo)
        kind_row = QHBoxLayout()
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind_combo)
        kind_row.addStretch(1)

        self.articles_layout = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Thêm điều"))
        self.add_button.setToolTip(self.tr("Thêm một điều vào cuối quyết định"))
        self.remove_button = QPushButton(self.tr("&Bỏ điều cuối"))
        self.remove_button.setToolTip(self.tr("Bỏ điều cuối cùng của quyết định"))
        article_buttons = QHBoxLayout()
        article_buttons.addWidget(self.add_button)
        article_buttons.addWidget(self.remove_button)
        article_buttons.addStretch(1)
        articles_box = QGroupBox(self.tr("Các điều của quyết định"))
        articles_box_layout = QVBoxLayout(articles_box)
        articles_box_layout.addLayout(kind_row)
        articles_box_layout.addWidget(
            hint_label(
                self.tr(
                    "“Điều 1.”, “Điều 2.”… được thêm khi in. Mỗi dòng trong một điều được in thành một đoạn; "
                    "dòng bắt đầu bằng “-” là một ý liệt kê."
                )
            )
        )
        articles_box_layout.addLayout(self.articles_layout)
        articles_box_layout.addLayout(article_buttons)

        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setAccessibleName(self.tr("Nơi nhận"))
        self.recipients_edit.setMinimumHeight(self.recipients_edit.fontMetrics().height() * 6 + 16)
        self.recipients_error = self._error_label()
        recipients_label = QLabel(self.tr("&Mỗi dòng một nơi nhận:"))
        recipients_label.setBuddy(self.recipients_edit)
        recipients_box = QGroupBox(self.tr("Nơi nhận (chung cho cả hai loại quyết định)"))
        recipients_layout = QVBoxLayout(recipients_box)
        recipients_layout.addWidget(recipients_label)
        recipients_layout.addWidget(self.recipients_edit)
        recipients_layout.addWidget(self.recipients_error)
        recipients_layout.addWidget(
            hint_label(self.tr("Dấu “-” đầu dòng, dấu “;” và dấu “.” ở dòng cuối được thêm khi in."))
        )

        self.placeholders_hint = hint_label("")
        placeholders_box = QGroupBox(self.tr("Chỗ điền tự động"))
        placeholders_layout = QVBoxLayout(placeholders_box)
        placeholders_layout.addWidget(self.placeholders_hint)

        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.setToolTip(self.tr("Lưu mẫu quyết định (Ctrl+S)"))
        self.save_status = QLabel()
        self.save_status.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Khôi phục &mặc định"))
        self.reset_button.setToolTip(self.tr("Dùng lại các điều và nơi nhận mặc định của Tổ Số"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.save_status, 1)
        bottom.addWidget(self.reset_button)

        left = QVBoxLayout()
        left.addWidget(articles_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(recipients_box)
        right.addWidget(placeholders_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.add_button.clicked.connect(self.add_article)
        self.remove_button.clicked.connect(self.remove_article)
        self.recipients_edit.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset_defaults)
        self.load()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    # ----- showing -----

    def load(self) -> None:
        """Show the stored templates (the kind shown stays chosen)."""
        store = self.ctx.store
        self._articles = {kind: settings.decision_articles(store, kind) for kind in KINDS}
        self._filling = True
        self.recipients_edit.setPlainText("\n".join(settings.decision_recipients(store)))
        self._filling = False
        self._show_articles(self._shown_kind)
        self._show_error(self.recipients_edit, self.recipients_error, "")
        self.placeholders_hint.setText(self._placeholders_text())
        self.save_button.setEnabled(False)

    def _placeholders_text(self) -> str:
        commune = self.ctx.store.commune
        officer = settings.get(self.ctx.store, settings.DIGITAL_OFFICER_TITLE).strip()
        if officer.startswith("Công chức"):
            officer = "c" + officer[1:]  # as the decision writes it in running text
        lines = [
            self.tr("Khi in, các chỗ điền sau được thay bằng nội dung của từng quyết định:"),
            "{teams}: " + self.tr("tên các tổ trong quyết định, ví dụ “Tổ công nghệ số cộng đồng thôn Nà Phái”;"),
            "{commune}: "
            + self.tr("tên xã, ví dụ “{name}”;").format(name=commune.full_name if commune else "xã Tân Thành"),
            "{division}: " + self.tr("“xã”, “phường” hoặc “đặc khu”;"),
            "{officer}: "
            + self.tr("công chức phụ trách chuyển đổi số, ví dụ “{title}”.").format(
                title=officer or "công chức Văn hóa - Xã hội"
            ),
        ]
        return "\n".join(lines)

    def _show_articles(self, kind: str) -> None:
        """Rebuild one editor per article of a kind, from the unsaved texts."""
        self._shown_kind = kind
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.kind_combo.blockSignals(False)
        while self.articles_layout.count():
            item = self.articles_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.article_edits, self._article_errors = [], []
        for text in self._articles[kind]:
            self._add_editor(text)
        self._update_buttons()

    def _add_editor(self, text: str) -> QPlainTextEdit:
        number = len(self.article_edits) + 1
        row = QWidget()
        row_layout = QVBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(2)
        label = QLabel(self.tr("Điều {number}.").format(number=number))
        label.setStyleSheet("font-weight: bold;")
        editor = ArticleEdit()  # as tall as its text, so three articles and the Lưu button fit a laptop screen
        editor.setAccessibleName(self.tr("Nội dung Điều {number}").format(number=number))
        self._filling = True
        editor.setPlainText(text)
        self._filling = False
        label.setBuddy(editor)
        error = self._error_label()
        row_layout.addWidget(label)
        row_layout.addWidget(editor)
        row_layout.addWidget(error)
        self.articles_layout.addWidget(row)
        self.article_edits.append(editor)
        self._article_errors.append(error)
        editor.textChanged.connect(self._edited)
        return editor

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(len(self.article_edits) < MAX_ARTICLES)
        self.remove_button.setEnabled(len(self.article_edits) > 1)

    def _keep_shown(self) -> None:
        """Remember the texts of the kind on screen before another is shown or everything is saved."""
        self._articles[self._shown_kind] = [editor.toPlainText() for editor in self.article_edits]

    def _kind_chosen(self, index: int) -> None:
        self._keep_shown()
        self._show_articles(str(self.kind_combo.itemData(index)))

    def shown_kind(self) -> str:
        """ "founding" or "restructuring": whose articles are on screen."""
        return self._shown_kind

    # ----- editing -----

    def _edited(self) -> None:
        if self._filling:
            return
        self.save_button.setEnabled(True)
        self.save_status.clear()
        editor = self.sender()
        if editor is self.recipients_edit:
            self._show_error(self.recipients_edit, self.recipients_error, "")
        elif editor in self.article_edits:
            index = self.article_edits.index(editor)
            self._show_error(editor, self._article_errors[index], "")

    def add_article(self) -> None:
        """Add an empty article at the end and start typing it."""
        if len(self.article_edits) >= MAX_ARTICLES:
            return
        editor = self._add_editor("")
        self._update_buttons()
        editor.setFocus()
        self._edited()

    def remove_article(self) -> None:
        """Remove the last article."""
        if len(self.article_edits) <= 1:
            return
        self.article_edits.pop()
        self._article_errors.pop()
        item = self.articles_layout.takeAt(self.articles_layout.count() - 1)
        if item is not None and item.widget() is not None:
            item.widget().deleteLater()
        self._update_buttons()
        self._edited()

    def _show_error(self, editor: QPlainTextEdit, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))
        editor.setStyleSheet(INVALID_STYLE if message else "")

    def _unknown_message(self, unknown: list[str]) -> str:
        return self.tr("Không có chỗ điền {unknown}; chỉ dùng được {known}.").format(
            unknown=", ".join(unknown), known=", ".join("{" + name + "}" for name in PLACEHOLDERS)
        )

    # ----- saving -----

    def _article_problem(self) -> tuple[str, int, str] | None:
        """(kind, article index, message) of the first article that cannot be kept, else None."""
        for kind in sorted(KINDS, key=lambda k: k != self._shown_kind):  # what is on screen first
            articles = self._articles[kind]
            if not any(clean_article(text) for text in articles):
                return kind, 0, self.tr("Quyết định phải có ít nhất một điều.")
            for index, text in enumerate(articles):
                unknown = unknown_placeholders(text)
                if unknown:
                    return kind, index, self._unknown_message(unknown)
        return None

    def save(self) -> bool:
        """Keep both kinds' articles and the recipients; False (with the reason under the text) when refused."""
        self._keep_shown()
        for editor, error in zip(self.article_edits, self._article_errors, strict=True):
            self._show_error(editor, error, "")
        problem = self._article_problem()
        if problem is not None:
            kind, index, message = problem
            if kind != self._shown_kind:
                self._show_articles(kind)
            editor = self.article_edits[index]
            self._show_error(editor, self._article_errors[index], message)
            editor.setFocus()
            return False
        recipients = clean_lines(self.recipients_edit.toPlainText())
        unknown = unknown_placeholders("\n".join(recipients))
        message = (
            self._unknown_message(unknown)
            if unknown
            else ("" if recipients else self.tr("Quyết định phải có ít nhất một nơi nhận, ví dụ “Lưu: VT”."))
        )
        if message:
            self._show_error(self.recipients_edit, self.recipients_error, message)
            self.recipients_edit.setFocus()
            return False
        store = self.ctx.store
        with store.transaction():
            for kind in KINDS:
                articles = [kept for text in self._articles[kind] if (kept := clean_article(text))]
                # Texts left as shipped are not stored, so they follow the defaults of later versions.
                settings.put_decision_articles(store, kind, [] if articles == DEFAULT_ARTICLES[kind] else articles)
            settings.put_decision_recipients(
                store, [] if recipients == list(settings.DEFAULT_RECIPIENTS) else recipients
            )
        self.load()
        self.save_status.setText(self.tr("Đã lưu. Các quyết định dự thảo sẽ in theo mẫu mới."))
        self.ctx.hub.settings_changed.emit()
        return True

    def reset_defaults(self) -> None:
        """Bring back the articles and recipients Tổ Số ships with, after asking."""
        if not messages.confirm(
            self,
            self.tr("Khôi phục mặc định"),
            self.tr(
                "Thay các điều của cả quyết định thành lập và quyết định kiện toàn, cùng danh sách nơi nhận, "
                "bằng mẫu mặc định của Tổ Số?"
            ),
            self.tr("Khôi phục"),
        ):
            return
        store = self.ctx.store
        with store.transaction():
            for kind in KINDS:
                settings.put_decision_articles(store, kind, [])  # the empty list brings the defaults back
            settings.put_decision_recipients(store, [])
        self.load()
        self.save_status.setText(self.tr("Đã khôi phục mẫu mặc định."))
        self.ctx.hub.settings_changed.emit()
