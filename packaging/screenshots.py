"""Save pictures of the main window's tabs (and the first-run wizard) from a data folder, without a display.

    python packaging/screenshots.py --data-dir DIR --out FOLDER [--size 1366x768]

Each tab becomes FOLDER/<n>-<tab>.png; the set-up wizard's first page, with a search typed, becomes 0-thiet-lap-xa.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Before Qt is imported: render offscreen unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QWidget

from desktop.app import create_app
from desktop.store.store import Store
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_wizard import SetupWizard

TAB_FILES = ("1-thon.png", "2-to.png", "3-thanh-vien.png")


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    """Write the PNG files; the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="data folder with a store (commune set)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--size", type=_size, default=(1366, 768), help="window size, WIDTHxHEIGHT")
    parser.add_argument("--search", default="", help="text typed into each tab's search box")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = create_app(sys.argv[:1])
    with Store.open(args.data_dir, automatic_backup=False) as store:
        window = MainWindow(store)
        window.resize(*args.size)
        window.show()
        for index, name in enumerate(TAB_FILES):
            window.tabs.setCurrentIndex(index)
            window.current_page().search_edit.setText(args.search)
            app.processEvents()
            _save(window, args.out / name)
        window.close()

    blank = Store.in_memory()  # the first-run wizard, over a store with no commune yet
    wizard = SetupWizard(AppContext.create(blank, None, synchronous=True))
    wizard.show()
    wizard.commune_page.provinces.search_edit.setText("lang son")
    wizard.commune_page.communes.search_edit.setText("tan thanh")
    app.processEvents()
    _save(wizard, args.out / "0-thiet-lap-xa.png")
    wizard.close()
    blank.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
