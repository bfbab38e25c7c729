"""Where this laptop keeps its device token: the OS keyring when there is a usable one, else a 0600 file.

One data folder, one token: the keyring entry's username is the folder's resolved path, so several data folders
(several communes, tests) keep several tokens. The token is never kept in both places at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

TOKEN_FILE = "device-token"
SERVICE = "toso"
# A keyring call waits at most this long. The Secret Service backend talks to D-Bus without a timeout: a session
# bus that accepts but never answers, or an unlock prompt nobody sees on a headless machine, would hang a sync.
KEYRING_TIMEOUT = 5.0

log = logging.getLogger(__name__)

T = TypeVar("T")


class KeyringUnavailable(RuntimeError):
    """The OS keyring cannot be used: an error, or no answer in time."""


class NoKeyring(KeyringUnavailable):
    """There is no OS keyring to use (keyring's fail or null backend): the file is the expected place."""


# Set once a keyring call has hung: later calls in this process go straight to the file rather than
# piling up more blocked threads.
_hung = threading.Event()


def token_path(folder: Path) -> Path:
    """The file that holds the device token when the OS keyring cannot (and on installs from before it)."""
    return Path(folder) / TOKEN_FILE


def account(folder: Path) -> str:
    """The keyring username for a data folder: its resolved path."""
    return str(Path(folder).resolve())


def read_token(folder: Path) -> str | None:
    """The device token, or None before enrollment: from the keyring first, then the file (older installs)."""
    try:
        stored = _with_keyring(lambda ring: ring.get_password(SERVICE, account(folder)))
    except NoKeyring:
        stored = None
    except KeyringUnavailable as error:
        log.warning("device token: the keyring could not be read (%s); trying the file", error)
        stored = None
    if stored:
        return str(stored).strip() or None
    try:
        return token_path(folder).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def write_token(folder: Path, token: str) -> str:
    """Keep the device token, replacing any older one; returns where it went: "keyring" or "file"."""
    try:
        _with_keyring(lambda ring: _set_and_check(ring, account(folder), token))
    except KeyringUnavailable as error:
        log.warning("device token kept in a file readable only by this user: no usable keyring (%s)", error)
        _write_file(token_path(folder), token)
        _forget_in_keyring(folder)  # an older token there would otherwise be read first
        return "file"
    token_path(folder).unlink(missing_ok=True)  # an older install's file: the keyring now holds the token
    return "keyring"


def forget_token(folder: Path) -> None:
    """Remove the device token from the keyring and the file (the laptop is no longer enrolled)."""
    _forget_in_keyring(folder)
    token_path(folder).unlink(missing_ok=True)


def token_location(folder: Path) -> str | None:
    """Where the token is kept now: "keyring", "file", or None when there is none."""
    try:
        if _with_keyring(lambda ring: ring.get_password(SERVICE, account(folder))):
            return "keyring"
    except KeyringUnavailable:
        pass
    return "file" if token_path(folder).exists() else None


def _set_and_check(ring: keyring.backend.KeyringBackend, user: str, token: str) -> None:
    ring.set_password(SERVICE, user, token)
    # Some backends accept a write they cannot keep (a locked or read-only store): read it back to be sure.
    if ring.get_password(SERVICE, user) != token:
        raise KeyringUnavailable("the keyring did not keep the token")


def _forget_in_keyring(folder: Path) -> None:
    def delete(ring: keyring.backend.KeyringBackend) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):  # nothing was there
            ring.delete_password(SERVICE, account(folder))

    with contextlib.suppress(KeyringUnavailable):
        _with_keyring(delete)


def _write_file(path: Path, token: str) -> None:
    # Created 0600 from the start, so the token is never readable by others even for a moment.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(token)
    os.chmod(path, 0o600)


def _usable(ring: keyring.backend.KeyringBackend) -> keyring.backend.KeyringBackend:
    """The backend itself, or KeyringUnavailable when it is keyring's stand-in for "there is none"."""
    if isinstance(ring, fail.Keyring) or type(ring).__module__ == "keyring.backends.null":
        raise NoKeyring(f"no keyring backend ({type(ring).__module__})")
    backends = getattr(ring, "backends", None)  # the chainer: usable only when it chains something
    if backends is not None and not list(backends):
        raise NoKeyring("no keyring backend to chain")
    return ring


def _with_keyring(operation: Callable[[keyring.backend.KeyringBackend], T]) -> T:
    """Run operation on the current keyring backend in a helper thread, giving up after KEYRING_TIMEOUT."""
    if _hung.is_set():
        raise NoKeyring("the keyring did not answer earlier in this session")
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            # Choosing the backend is inside the thread too: Secret Service's viability check opens D-Bus.
            outcome["value"] = operation(_usable(keyring.get_keyring()))
        except BaseException as error:  # every keyring failure means "use the file"
            outcome["error"] = error

    # A daemon thread: one stuck on D-Bus must not keep the process from exiting.
    worker = threading.Thread(target=run, name="toso-keyring", daemon=True)
    worker.start()
    worker.join(KEYRING_TIMEOUT)
    if worker.is_alive():
        _hung.set()
        raise KeyringUnavailable(f"the keyring did not answer within {KEYRING_TIMEOUT:.0f} s")
    error = outcome.get("error")
    if isinstance(error, KeyringUnavailable):
        raise error
    if error is not None:
        raise KeyringUnavailable(f"{type(error).__name__}: {error}") from error
    return outcome["value"]  # type: ignore[no-any-return]
