"""The laptop's local store: SQLite through sqlite-utils, migrations, change log, search, backups."""

from desktop.store.store import NotFound, Store, StoreError, open_database
from sync.records import FieldError, RecordInvalid

__all__ = ["FieldError", "NotFound", "RecordInvalid", "Store", "StoreError", "open_database"]
