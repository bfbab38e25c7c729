"""Save a picture of every main screen, as a commune official sees it, without a display.

    python packaging/screenshots.py --out docs/screenshots [--data-dir DIR] [--size 1366x768] [--language vi]

Without --data-dir a demo commune is made in a temporary folder (seed 1, 2,000 sessions). Each area of the
sidebar becomes OUT/<n>-<area>.png, the first-run wizard 0-thiet-lap.png, the import wizard's preview of the
sample roster 10-nhap-excel.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# Before Qt is imported: render offscreen unless told otherwise, and never block on a crash dialog.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOSO_NO_CRASH_DIALOG", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import Application, create_app  # noqa: E402
from desktop.store.demo import create_demo  # noqa: E402
from desktop.store.store import Store  # noqa: E402
from desktop.ui import i18n  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.main_window import AREAS  # noqa: E402

SAMPLE_ROSTER = ROOT / "tests" / "data" / "roster-sample.xlsx"


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def _settle(ctx: AppContext) -> None:
    """Let background jobs finish and their results paint."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
        while ctx.reader.busy or ctx.writer.busy:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    """Write the PNG files; the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="data folder with a store (default: a fresh demo commune)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--size", type=_size, default=(1366, 768), help="window size, WIDTHxHEIGHT")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES), default="vi")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as temp:
        app = create_app(sys.argv[:1])
        i18n.install(args.language, app)
        folder = args.data_dir or Path(temp) / "demo"
        settings = QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat)
        with Store.open(folder, automatic_backup=False) as store:
            if store.commune is None:
                create_demo(store, sessions=2000, seed=1)
            ctx = AppContext.create(store, folder, settings=settings)
            window = Application(ctx).show()
            window.resize(*args.size)
            for number, area in enumerate(AREAS, start=1):
                window.show_area(area.key)
                _settle(ctx)
                _save(window, args.out / f"{number}-{area.key}.png")
            _import_preview(ctx, window, args.out)
            window.close()
            ctx.shutdown()
        _first_run(args.out, Path(temp))
    return 0


def _import_preview(ctx: AppContext, parent: QWidget, out: Path) -> None:
    from desktop.ui.import_wizard import ImportWizard

    wizard = ImportWizard(ctx, parent, path=SAMPLE_ROSTER)
    wizard.show()
    _settle(ctx)
    for _ in range(2):  # file → columns → preview
        wizard.next()
        _settle(ctx)
    _save(wizard, out / "10-nhap-excel.png")
    wizard.close()


def _first_run(out: Path, temp: Path) -> None:
    from desktop.ui.setup_wizard import SetupWizard

    with Store.open(temp / "blank", automatic_backup=False) as blank:
        ctx = AppContext.create(blank, None, synchronous=True)
        wizard = SetupWizard(ctx)
        wizard.show()
        wizard.commune_page.provinces.search_edit.setText("lang son")
        wizard.commune_page.communes.search_edit.setText("tan thanh")
        _settle(ctx)
        _save(wizard, out / "0-thiet-lap.png")
        wizard.close()


if __name__ == "__main__":
    sys.exit(main())
