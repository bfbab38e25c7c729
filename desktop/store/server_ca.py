"""The province's own CA certificate, for a server whose HTTPS certificate no public CA signed."""

from __future__ import annotations

import shutil
import ssl
from pathlib import Path

from desktop.store.store import Store, StoreError
from desktop.store.sync_engine import CA_BUNDLE

CA_FILE = "ca-tinh.pem"  # kept in the data folder: the downloaded file may be deleted, the laptop still syncs


def use_ca_bundle(store: Store, folder: Path, source: Path) -> Path:
    """Check that source is a PEM certificate file, copy it into the data folder and sync with it from now on."""
    try:
        # The same check requests makes when it loads the bundle, done now so a wrong file is named at once.
        ssl.create_default_context(cafile=str(source))
    except FileNotFoundError:
        raise StoreError(f"Không có tệp chứng chỉ {source}.", f"No certificate file {source}.") from None
    except (ssl.SSLError, ValueError, OSError):
        raise StoreError(
            f"Tệp {source} không phải chứng chỉ CA dạng PEM (-----BEGIN CERTIFICATE-----).",
            f"{source} is not a PEM CA certificate.",
        ) from None
    target = Path(folder) / CA_FILE
    if Path(source).resolve() != target.resolve():
        shutil.copyfile(source, target)
    store.set_meta(CA_BUNDLE, str(target.resolve()))
    return target
