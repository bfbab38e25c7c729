"""Imports point one way: ui → store/documents → sync; nothing outside desktop/ui touches QtWidgets."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtPdfWidgets", "PySide6.QtCharts")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_sync_never_imports_desktop() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files("sync")
        if any(name == "desktop" or name.startswith("desktop.") for name in _imports(p))
    ]
    assert offenders == []


def _outside_ui(paths: list[Path]) -> list[Path]:
    """Files that are neither in desktop/ui nor the app bootstrap, which may both use widgets."""
    return [
        p
        for p in paths
        if not (
            p.relative_to(ROOT).as_posix().startswith("desktop/ui/")
            or p.relative_to(ROOT).as_posix() == "desktop/app.py"
        )
    ]


def test_only_ui_imports_widgets() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _outside_ui(_python_files("desktop") + _python_files("sync"))
        if any(name.startswith(WIDGET_MODULES) for name in _imports(p))
    ]
    assert offenders == []


def test_nothing_imports_the_ui_but_the_app() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _outside_ui(_python_files("desktop") + _python_files("sync"))
        if any(name == "desktop.ui" or name.startswith("desktop.ui.") for name in _imports(p))
    ]
    assert offenders == []


def test_store_and_sync_never_import_qt() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files("sync") + _python_files("desktop/store")
        if any(name.startswith("PySide6") for name in _imports(p))
    ]
    assert offenders == []
