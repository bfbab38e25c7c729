"""The rotating log file every exception ends up in, so a support call can start from facts."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop import paths

LOG_NAME = "toso.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 5


def setup_logging(data_folder: Path, level: int = logging.INFO) -> Path | None:
    """Log to data_folder/nhat-ky/toso.log (rotating); returns the file, or None if it cannot be written."""
    folder = paths.log_dir(data_folder)
    target = folder / LOG_NAME
    root = logging.getLogger()
    if any(getattr(handler, "baseFilename", None) == str(target) for handler in root.handlers):
        return target  # already set up for this folder (tests call main() many times)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only data folder must not stop the app; the error itself is reported elsewhere
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return target
