"""A stand-in for every renderer and a fixed sample PDF, shared by the tests of the preview and the views' buttons.

Bind the fixtures in a test module to use them there: `renders = document_fakes.renders`.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from reportlab.platypus import PageBreak, Paragraph

from desktop.documents import layout
from desktop.store.store import Store
from desktop.ui.document_preview import DocumentPreview

RENDERERS = {
    "desktop.documents.decision": "render_decision",
    "desktop.documents.activity_sheet": "render_activity_sheet",
    "desktop.documents.field_form": "render_field_form",
    "desktop.documents.report": "render_report",
    "desktop.documents.member_list": "render_member_list",
}


def sample_pdf(pages: int = 3) -> bytes:
    """A few pages made with the real page layout: header, Vietnamese text, a page number from page 2."""
    commune = layout.Issuer(("ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH"), "Tân Thành")
    story: list[Any] = [
        layout.OfficialHeader(commune, "Số: 07/QĐ-UBND", layout.vietnamese_date(date(2026, 2, 5), "Tân Thành"))
    ]
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph(f"Trang mẫu số {page + 1}: Nguyễn Thị Ánh, Đỗ Văn Dũng.", layout.BODY))
    return layout.render(story, title="Mẫu")


SAMPLE = sample_pdf()


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    """Every renderer replaced by one returning SAMPLE; the calls as (function, arguments after the store)."""
    calls: list[tuple[str, tuple[Any, ...]]] = []
    for module_name, function in RENDERERS.items():

        def fake(store: Store, *args: Any, _name: str = function) -> bytes:
            assert isinstance(store, Store)
            calls.append((_name, args))
            return SAMPLE

        try:
            module = importlib.import_module(module_name)
        except Exception:  # not written yet (or half written by its author): a stand-in module
            module = types.ModuleType(module_name)
            monkeypatch.setitem(sys.modules, module_name, module)
        monkeypatch.setattr(module, function, fake, raising=False)
    return calls


def previews() -> list[DocumentPreview]:
    """The preview windows open now."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreview) and w.isVisible()]


@pytest.fixture(autouse=True)
def close_previews() -> Iterator[None]:
    yield
    for window in previews():
        window.close()
