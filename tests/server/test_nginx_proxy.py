"""packaging/server/nginx-toso.conf for real: nginx with TLS from a private CA in front of a real server."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from desktop.store import Store, sync_engine
from sync.client import SyncError
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.server.harness import ProvinceServer
from tests.server.wire import enrolled

CONF = Path(__file__).resolve().parents[2] / "packaging" / "server" / "nginx-toso.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (dev.sh test installs it)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA (as a province might run) and a certificate for 127.0.0.1 signed by it."""
    ca_key, ca, key, csr, cert = (folder / n for n in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem"))
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca),
            "-days", "2", "-subj", "/CN=So TTTT thu nghiem")  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", "/CN=127.0.0.1")
    extensions = folder / "san.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n", encoding="utf-8")
    openssl("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial",
            "-out", str(cert), "-days", "2", "-extfile", str(extensions))  # fmt: skip
    return ca, cert, key


def site_config(app_port: int, http_port: int, https_port: int, cert: Path, key: Path) -> str:
    """The shipped site file with only its deployment-specific values replaced."""
    text = CONF.read_text(encoding="utf-8")
    text = text.replace("toso.example.gov.vn", "127.0.0.1").replace("127.0.0.1:8470", f"127.0.0.1:{app_port}")
    text = re.sub(r"listen \[::\]:\d+[^;]*;\n", "", text)  # the test machine may have no IPv6
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    text = re.sub(r"ssl_certificate\s+/etc/letsencrypt\S+;", f"ssl_certificate {cert};", text)
    text = re.sub(r"ssl_certificate_key\s+/etc/letsencrypt\S+;", f"ssl_certificate_key {key};", text)
    assert "/etc/letsencrypt" not in text.replace("# ", "")
    return text


@pytest.fixture
def nginx(province_server: ProvinceServer, tmp_path: Path) -> Iterator[tuple[str, Path, str]]:
    """nginx serving the site config on loopback; yields (https URL, CA certificate, plain http URL)."""
    folder = tmp_path / "nginx"
    (folder / "logs").mkdir(parents=True)
    ca, cert, key = make_certificates(folder)
    http_port, https_port = free_port(), free_port()
    (folder / "site.conf").write_text(
        site_config(province_server.port, http_port, https_port, cert, key), encoding="utf-8"
    )
    (folder / "nginx.conf").write_text(
        f"""user root; daemon off; worker_processes 1; pid {folder}/nginx.pid; error_log {folder}/logs/error.log;
events {{ worker_connections 64; }}
http {{ access_log {folder}/logs/access.log; client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
  include {folder}/site.conf; }}
""",
        encoding="utf-8",
    )
    check = subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")], capture_output=True)
    assert check.returncode == 0, check.stderr.decode()
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")])
    url = f"https://127.0.0.1:{https_port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                if requests.get(f"{url}/health", verify=str(ca), timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url, ca, f"http://127.0.0.1:{http_port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_laptop_enrolls_and_syncs_through_nginx_with_the_province_ca(
    province_server: ProvinceServer, nginx: tuple[str, Path, str], tmp_path: Path
) -> None:
    url, ca, _http = nginx
    folder = tmp_path / "may-xa"
    with Store.open(folder, automatic_backup=False) as store:
        store.set_meta(sync_engine.CA_BUNDLE, str(ca))
        sync_engine.enroll(store, folder, url, province_server.enroll(COMMUNE), "Máy xã", "0.1.0")
        store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 120})
        summary = sync_engine.sync(store, folder)
    assert summary.applied == summary.pushed > 0 and not summary.mismatched


def test_without_the_ca_the_laptop_refuses_the_certificate(
    province_server: ProvinceServer, nginx: tuple[str, Path, str], tmp_path: Path
) -> None:
    url, _ca, _http = nginx
    folder = tmp_path / "may-xa"
    with Store.open(folder, automatic_backup=False) as store, pytest.raises(SyncError) as refused:
        sync_engine.enroll(store, folder, url, province_server.enroll(COMMUNE), "Máy xã", "0.1.0")
    assert refused.value.args[0]  # a Vietnamese message, and no token was stored
    assert sync_engine.read_token(folder) is None


def test_plain_http_is_redirected_and_oversized_bodies_get_the_apps_vietnamese_413(
    province_server: ProvinceServer, nginx: tuple[str, Path, str]
) -> None:
    url, ca, http = nginx
    redirect = requests.get(f"{http}/v1/pull", allow_redirects=False, timeout=10)
    assert redirect.status_code == 301 and redirect.headers["Location"].startswith("https://")
    token = enrolled(province_server, COMMUNE).token
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    headers["Content-Type"] = "application/json"
    body = b'{"changes": "' + b"a" * (2 * 1024 * 1024 + 10) + b'"}'
    answer = requests.post(f"{url}/v1/push", data=body, headers=headers, verify=str(ca), timeout=30)
    assert answer.status_code == 413
    assert "quá lớn" in answer.json()["message"]
