"""`toso-server admin …` and `toso-server serve`, run as the operator would."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sync.server.auth import CODE_ALPHABET
from sync.server.cli import main

CODE_LINE = re.compile(
    r"^Mã đăng ký: ([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z]{4}) \(hết hạn (\d\d/\d\d/\d{4} \d\d:\d\d)\)$"
)


def _admin(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["admin", args[0], "--data-dir", str(data_dir), *args[1:]])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_init_add_enroll_list_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    assert _admin(capsys, data_dir, "init", "--province", "20") == (0, "Đã khởi tạo máy chủ cho tỉnh Lạng Sơn.", "")
    assert _admin(capsys, data_dir, "add-commune", "06040", "5977") == (0, "Đã thêm 2 xã/phường.", "")
    assert _admin(capsys, data_dir, "add-commune", "06040")[1] == "Đã thêm 0 xã/phường."  # already there

    status, out, _ = _admin(capsys, data_dir, "enroll", "06040", "--days", "3")
    match = CODE_LINE.match(out.splitlines()[0])
    assert status == 0 and match, out
    assert set("".join(match.groups()[:3])) <= set(CODE_ALPHABET)
    assert _admin(capsys, data_dir, "devices") == (0, "Chưa có thiết bị nào.", "")


def test_admin_refuses_what_it_cannot_do_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    assert _admin(capsys, data_dir, "add-commune", "06040")[0:2] == (1, "")
    assert "Chưa khởi tạo tỉnh" in _admin(capsys, data_dir, "add-commune", "06040")[2]
    assert _admin(capsys, data_dir, "init", "--province", "99")[2] == "Không có tỉnh/thành phố mã 99."
    _admin(capsys, data_dir, "init", "--province", "20")
    assert "đã được khởi tạo cho tỉnh mã 20" in _admin(capsys, data_dir, "init", "--province", "01")[2]
    assert "không thuộc tỉnh mã 20" in _admin(capsys, data_dir, "add-commune", "00004")[2]
    assert "chưa được thêm" in _admin(capsys, data_dir, "enroll", "06040")[2]
    assert _admin(capsys, data_dir, "revoke", "no-such-device") == (1, "", "Không có thiết bị mã no-such-device.")


def test_all_communes_of_the_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    _admin(capsys, data_dir, "init", "--province", "20")
    status, out, _ = _admin(capsys, data_dir, "add-commune", "--all")
    added = int(out.split()[2])
    assert status == 0 and added > 50  # Lạng Sơn has 65 communes since 2025


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_runs_the_api_and_enrolls_a_device_listed_by_admin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "may-chu"
    _admin(capsys, data_dir, "init", "--province", "20")
    _admin(capsys, data_dir, "add-commune", "06040")
    printed = CODE_LINE.match(_admin(capsys, data_dir, "enroll", "06040")[1].splitlines()[0])
    assert printed is not None
    code = printed.group(1, 2, 3)
    port = _free_port()
    command = [sys.executable, "-m", "sync.server.cli", "serve", "--data-dir", str(data_dir), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("toso-server serve did not answer /health")
        body = {"code": "-".join(code), "device_name": "Máy Thất Khê", "app_version": "0.1.0"}
        enrolled = requests.post(f"{url}/v1/enroll", json=body, headers={"X-Toso-Protocol": "1"}, timeout=5)
        assert enrolled.status_code == 200
        device_id = enrolled.json()["device_id"]
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert "POST /v1/enroll" in output  # uvicorn's access log records every request

    status, listed, _ = _admin(capsys, data_dir, "devices")
    assert status == 0
    assert device_id in listed and "Máy Thất Khê" in listed and "đang dùng" in listed
    assert _admin(capsys, data_dir, "revoke", device_id) == (0, f"Đã thu hồi thiết bị {device_id}.", "")
    assert "đã thu hồi" in _admin(capsys, data_dir, "devices")[1]
