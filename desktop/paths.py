"""Where Tổ Số keeps its files: one place decides the data, backup and log folders and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ToSo"
DATA_DIR_ENV = "TOSO_DATA_DIR"
DATABASE_NAME = "toso.sqlite3"


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder: the --data-dir flag, else $TOSO_DATA_DIR, else the platform's user data folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen).expanduser().resolve()


def database_path(folder: Path) -> Path:
    """The database file inside a data folder."""
    return folder / DATABASE_NAME


def backup_dir(folder: Path) -> Path:
    """Backups sit beside the database, so copying the data folder copies them too."""
    return folder / "sao-luu"


def log_dir(folder: Path) -> Path:
    """Log files of the app, inside the data folder so a user can send the whole folder for support."""
    return folder / "nhat-ky"


def resources_dir() -> Path:
    """Bundled resources (fonts, translations, icons), found the same way frozen or from source."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
