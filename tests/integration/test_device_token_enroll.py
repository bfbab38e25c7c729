"""Enrolling keeps the device token in the OS keyring when there is one; `toso enroll` never hangs without one."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest

from desktop.cli import main
from desktop.store import Store, sync_engine
from desktop.store.device_token import SERVICE, read_token, token_location, token_path
from tests.unit.test_device_token import MemoryKeyring

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

COMMUNE = "06040"  # xã Thất Khê, tỉnh Lạng Sơn
HANG_GUARD = 120  # seconds: only so a hanging enroll fails the test instead of blocking the suite


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A real in-memory keyring backend for this process, the previous backend restored afterwards."""
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def enroll(server: ProvinceServer, folder: Path) -> int:
    return main(["enroll", "--server", server.url, "--code", server.enroll(COMMUNE), "--data-dir", str(folder)])


def test_an_enrolled_laptop_keeps_its_token_in_the_keyring_and_syncs_with_it(
    province_server: ProvinceServer, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "may"
    assert enroll(province_server, folder) == 0
    assert not token_path(folder).exists()
    token = memory_keyring.passwords[(SERVICE, str(folder.resolve()))]
    assert len(token) >= 22 and read_token(folder) == token
    with Store.open(folder, automatic_backup=False) as store:
        store.insert("villages", {"name": "Nà Phái", "kind": "thon"})
    assert main(["sync", "--data-dir", str(folder)]) == 0
    with Store.open(folder, automatic_backup=False) as store:
        assert store.pending_changes() == 0


def test_a_revoked_laptop_enrolled_again_has_its_keyring_token_replaced(
    province_server: ProvinceServer, tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "may"
    assert enroll(province_server, folder) == 0
    old = read_token(folder)
    with Store.open(folder, automatic_backup=False) as store:
        province_server.revoke(str(store.get_meta(sync_engine.SERVER_DEVICE_ID)))
    assert main(["sync", "--data-dir", str(folder)]) == 1
    assert enroll(province_server, folder) == 0
    new = read_token(folder)
    assert new and new != old
    assert list(memory_keyring.passwords.values()) == [new]
    assert token_location(folder) == "keyring"
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(folder)]) == 0


class SilentSessionBus:
    """A Unix socket that says OK to D-Bus authentication and then never answers: a bus that hangs every call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"unix:path={self.path}"

    def _serve(self) -> None:
        self.server.settimeout(0.2)
        clients: list[socket.socket] = []
        while not self.stopping.is_set():
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            clients.append(client)
            threading.Thread(target=self._greet, args=(client,), daemon=True).start()
        for client in clients:
            client.close()

    def _greet(self, client: socket.socket) -> None:
        received = b""
        try:
            while b"AUTH" not in received or not received.endswith(b"\r\n"):
                chunk = client.recv(1024)
                if not chunk:
                    return
                received += chunk
            client.sendall(b"OK 0123456789abcdef0123456789abcdef\r\n")
            while client.recv(1024):  # BEGIN, then Hello: read and never answer
                pass
        except OSError:
            return

    def close(self) -> None:
        self.stopping.set()
        self.thread.join()
        self.server.close()


@pytest.fixture
def silent_bus(tmp_path: Path) -> Iterator[SilentSessionBus]:
    # A short path: Unix socket paths are limited to about 100 bytes.
    bus = SilentSessionBus(Path(f"/tmp/toso-bus-{os.getpid()}-{id(tmp_path)}"))
    try:
        yield bus
    finally:
        bus.close()
        bus.path.unlink(missing_ok=True)


def enroll_in_subprocess(server: ProvinceServer, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = server.enroll(COMMUNE)
    command = "from desktop.cli import main; raise SystemExit(main())"
    args = ["enroll", "--server", server.url, "--code", code, "--data-dir", str(folder)]
    return subprocess.run(
        [sys.executable, "-c", command, *args], env=env, capture_output=True, text=True, timeout=HANG_GUARD
    )


def default_keyring_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment with keyring left to choose its own backend, as on a user's machine (no test override)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS")}
    # keyring reads a keyringrc from the config folder: an empty one of the test's own.
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    return env | extra


def test_toso_enroll_with_the_default_keyring_falls_back_to_the_file_on_a_headless_machine(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    folder = tmp_path / "may"
    done = enroll_in_subprocess(province_server, folder, default_keyring_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Đã đăng ký máy với máy chủ tỉnh" in done.stdout
    assert stat.S_IMODE(os.stat(token_path(folder)).st_mode) == 0o600


def test_toso_enroll_does_not_hang_on_a_session_bus_that_never_answers(
    province_server: ProvinceServer, tmp_path: Path, silent_bus: SilentSessionBus
) -> None:
    folder = tmp_path / "may"
    env = default_keyring_env(tmp_path, DBUS_SESSION_BUS_ADDRESS=silent_bus.address)
    done = enroll_in_subprocess(province_server, folder, env)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(token_path(folder)).st_mode) == 0o600
    log = (folder / "nhat-ky" / "toso.log").read_text(encoding="utf-8")
    assert "did not answer" in log
