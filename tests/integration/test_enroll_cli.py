"""`toso enroll` with the link from the enrolment sheet's QR code and with a province CA certificate file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.cli import main as toso
from desktop.store import Store, sync_engine
from desktop.store.server_ca import CA_FILE
from sync.enrollment import enrollment_uri

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


def test_the_scanned_link_alone_enrolls_the_laptop(province_server: ProvinceServer, tmp_path: Path) -> None:
    link = enrollment_uri(province_server.url, province_server.enroll(COMMUNE))
    assert toso(["enroll", "--code", link, "--data-dir", str(tmp_path)]) == 0
    with Store.open(tmp_path, automatic_backup=False) as store:
        assert store.commune is not None and store.commune.code == COMMUNE


def test_a_link_without_the_server_needs_server(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = enrollment_uri(None, province_server.enroll(COMMUNE))
    assert toso(["enroll", "--code", link, "--data-dir", str(tmp_path)]) == 2
    assert "--server" in capsys.readouterr().err
    assert toso(["enroll", "--code", link, "--server", province_server.url, "--data-dir", str(tmp_path)]) == 0


def test_a_broken_link_is_named_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert toso(["enroll", "--code", "toso-enroll:?server=x", "--data-dir", str(tmp_path)]) == 1
    assert "mã đăng ký" in capsys.readouterr().err


def test_a_file_that_is_not_a_certificate_is_refused_before_contacting_the_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "ca.pem"
    bogus.write_text("không phải chứng chỉ", encoding="utf-8")
    code = ["--code", "ABCD-EFGH-JKLM", "--server", "https://127.0.0.1:9"]
    assert toso(["enroll", *code, "--ca-bundle", str(bogus), "--data-dir", str(tmp_path / "may")]) == 1
    assert "không phải chứng chỉ CA" in capsys.readouterr().err
    with Store.open(tmp_path / "may", automatic_backup=False) as store:
        assert store.get_meta(sync_engine.CA_BUNDLE) is None


def test_the_province_ca_is_kept_in_the_data_folder(tmp_path: Path) -> None:
    import subprocess

    ca = tmp_path / "ca-tinh-tai-ve.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(tmp_path / "k"), "-out", str(ca),
         "-days", "1", "-subj", "/CN=So TTTT"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    from desktop.store.server_ca import use_ca_bundle

    folder = tmp_path / "may"
    with Store.open(folder, automatic_backup=False) as store:
        kept = use_ca_bundle(store, folder, ca)
        ca.unlink()  # the downloaded file is gone; the laptop still has its copy
        assert kept == folder / CA_FILE and kept.read_text().startswith("-----BEGIN CERTIFICATE-----")
        assert store.get_meta(sync_engine.CA_BUNDLE) == str(kept.resolve())
