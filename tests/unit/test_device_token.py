"""The device token in the OS keyring when there is a usable one, else in a file only this user can read."""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.store import device_token
from desktop.store.device_token import SERVICE, forget_token, read_token, token_location, token_path, write_token

UseKeyring = Callable[[KeyringBackend], None]


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (an OS keyring without the OS)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not there")


class LockedKeyring(MemoryKeyring):
    """A keyring that refuses every write, as a locked or read-only one does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring is locked")


class ForgetfulKeyring(MemoryKeyring):
    """A keyring that accepts writes and keeps nothing."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


class HangingKeyring(MemoryKeyring):
    """A keyring whose calls never return until released (Secret Service waiting on a prompt nobody sees)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait()


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], None]]:
    """keyring.set_keyring for one test: the backend chosen before comes back afterwards."""
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)
    device_token._hung.clear()


@pytest.fixture
def warnings_logged() -> Iterator[list[str]]:
    """Warning lines the device_token module logs during the test."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect(logging.WARNING)
    device_token.log.addHandler(handler)
    yield lines
    device_token.log.removeHandler(handler)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_with_an_os_keyring_the_token_goes_there_and_no_file_is_written(
    tmp_path: Path, use_keyring: UseKeyring
) -> None:
    ring = MemoryKeyring()
    use_keyring(ring)
    assert write_token(tmp_path, "bí-mật-1") == "keyring"
    assert ring.passwords == {(SERVICE, str(tmp_path.resolve())): "bí-mật-1"}
    assert not token_path(tmp_path).exists()
    assert read_token(tmp_path) == "bí-mật-1"
    assert token_location(tmp_path) == "keyring"


def test_each_data_folder_keeps_its_own_token(tmp_path: Path, use_keyring: UseKeyring) -> None:
    use_keyring(MemoryKeyring())
    write_token(tmp_path / "xa-a", "token-a")
    write_token(tmp_path / "xa-b", "token-b")
    assert read_token(tmp_path / "xa-a") == "token-a"
    assert read_token(tmp_path / "xa-b") == "token-b"
    assert read_token(tmp_path / "xa-c") is None


def test_enrolling_again_overwrites_the_token_in_the_keyring(tmp_path: Path, use_keyring: UseKeyring) -> None:
    ring = MemoryKeyring()
    use_keyring(ring)
    write_token(tmp_path, "cũ")
    write_token(tmp_path, "mới")
    assert read_token(tmp_path) == "mới"
    assert list(ring.passwords.values()) == ["mới"]


def test_without_a_keyring_the_token_goes_to_a_file_only_this_user_can_read(
    tmp_path: Path, use_keyring: UseKeyring, warnings_logged: list[str]
) -> None:
    use_keyring(fail.Keyring())
    assert write_token(tmp_path, "bí-mật") == "file"
    assert mode(token_path(tmp_path)) == 0o600
    assert read_token(tmp_path) == "bí-mật"
    assert token_location(tmp_path) == "file"
    assert len(warnings_logged) == 1 and "no usable keyring" in warnings_logged[0]
    write_token(tmp_path, "bí-mật-2")  # enrolled again: the file is overwritten, still private
    assert read_token(tmp_path) == "bí-mật-2"
    assert mode(token_path(tmp_path)) == 0o600


@pytest.mark.parametrize("backend", [LockedKeyring, ForgetfulKeyring], ids=["refuses", "does-not-keep"])
def test_a_keyring_that_fails_to_keep_the_token_falls_back_to_the_file(
    tmp_path: Path, use_keyring: UseKeyring, warnings_logged: list[str], backend: type[MemoryKeyring]
) -> None:
    ring = backend()
    use_keyring(ring)
    assert write_token(tmp_path, "bí-mật") == "file"
    assert ring.passwords == {}
    assert mode(token_path(tmp_path)) == 0o600
    assert read_token(tmp_path) == "bí-mật"
    assert warnings_logged


def test_an_older_install_s_file_is_read_then_moved_into_the_keyring_on_the_next_enrollment(
    tmp_path: Path, use_keyring: UseKeyring
) -> None:
    use_keyring(fail.Keyring())
    write_token(tmp_path, "từ-bản-cũ")
    ring = MemoryKeyring()
    use_keyring(ring)  # the same laptop, now with a keyring
    assert read_token(tmp_path) == "từ-bản-cũ"
    write_token(tmp_path, "mới")
    assert not token_path(tmp_path).exists()  # never in both places
    assert read_token(tmp_path) == "mới"


def test_falling_back_to_the_file_removes_an_older_token_from_the_keyring(
    tmp_path: Path, use_keyring: UseKeyring
) -> None:
    ring = ForgetfulKeyring()
    ring.passwords[(SERVICE, str(tmp_path.resolve()))] = "cũ-trong-keyring"
    use_keyring(ring)
    assert write_token(tmp_path, "mới") == "file"
    assert ring.passwords == {}
    assert read_token(tmp_path) == "mới"


def test_a_keyring_that_never_answers_is_given_up_on(
    tmp_path: Path, use_keyring: UseKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(device_token, "KEYRING_TIMEOUT", 0.2)
    ring = HangingKeyring()
    use_keyring(ring)
    try:
        assert write_token(tmp_path, "bí-mật") == "file"
        assert read_token(tmp_path) == "bí-mật"  # the keyring is not asked again in this process
        assert mode(token_path(tmp_path)) == 0o600
    finally:
        ring.release.set()


def test_forgetting_the_token_removes_it_from_both_places(tmp_path: Path, use_keyring: UseKeyring) -> None:
    ring = MemoryKeyring()
    use_keyring(ring)
    write_token(tmp_path, "trong-keyring")
    token_path(tmp_path).write_text("trong-tệp", encoding="utf-8")
    forget_token(tmp_path)
    assert ring.passwords == {}
    assert read_token(tmp_path) is None
    assert token_location(tmp_path) is None
