"""`toso-server admin enroll` writes a printable sheet whose text and QR code carry the code and the address."""

from __future__ import annotations

import re
import stat
import subprocess
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from sync.enrollment import enrollment_uri, parse_enrollment_uri
from sync.server import admin
from sync.server.cli import main
from tests.server.harness import ProvinceServer
from tests.server.wire import Api

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn
CODE = re.compile(r"Mã đăng ký: (\S+) \(hết hạn (\d\d/\d\d/\d{4} \d\d:\d\d)\)")


def _admin(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    status = main(["admin", args[0], "--data-dir", str(data_dir), *args[1:]])
    out, err = capsys.readouterr()
    return status, out.strip(), err.strip()


def _set_up(
    capsys: pytest.CaptureFixture[str], data_dir: Path, *init_args: str, database: tuple[str, ...] = ()
) -> None:
    """The province and the commune on a fresh server (database: --database-url URL, else the SQLite file)."""
    assert _admin(capsys, data_dir, "init", "--province", "20", *init_args, *database)[0] == 0
    assert _admin(capsys, data_dir, "add-commune", COMMUNE, *database)[0] == 0


def _enroll(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[str, str, Path]:
    """(code, expiry as printed, PDF path) from `admin enroll`."""
    status, out, err = _admin(capsys, data_dir, "enroll", COMMUNE, *args)
    assert status == 0, err
    found = CODE.search(out)
    sheet = re.search(r"^Phiếu in: (.+)$", out, re.MULTILINE)
    assert found and sheet, out
    return found.group(1), found.group(2), Path(sheet.group(1))


def _text(pdf: Path) -> str:
    """The sheet's words, one space between them wherever a line wrapped."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def _scanned(pdf: Path, tmp_path: Path) -> list[str]:
    """What a QR reader finds on the printed page (rendered at 150 dpi by poppler, decoded by zxing-cpp)."""
    prefix = tmp_path / "trang"
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(prefix)], check=True)
    with Image.open(f"{prefix}.png") as image:
        return [found.text for found in zxingcpp.read_barcodes(image) if found.format == zxingcpp.BarcodeFormat.QRCode]


def test_the_sheet_carries_code_commune_address_expiry_and_a_qr_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "may-chu"
    _set_up(capsys, data_dir, "--public-url", "https://toso.langson.gov.vn/")
    code, expiry, pdf = _enroll(capsys, data_dir)

    assert pdf.parent == data_dir.resolve()
    assert re.fullmatch(rf"ma-dang-ky-{COMMUNE}-\d{{8}}-\d{{6}}\.pdf", pdf.name)
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600  # the code is a secret until used
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == pytest.approx(A4)
    text = _text(pdf)
    assert unicodedata.normalize("NFC", "Xã Thất Khê (mã 06040), tỉnh Lạng Sơn") in text
    assert code in text and "https://toso.langson.gov.vn" in text and f"Hết hạn: {expiry}" in text
    assert "một lần" in text and "Đồng bộ" in text

    assert _scanned(pdf, tmp_path) == [enrollment_uri("https://toso.langson.gov.vn", code)]


def test_server_url_per_call_and_pdf_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    _set_up(capsys, data_dir, "--public-url", "https://toso.langson.gov.vn")
    wanted = tmp_path / "phieu" / "that-khe.pdf"
    code, _expiry, pdf = _enroll(capsys, data_dir, "--server-url", "http://10.20.0.5:8470", "--pdf", str(wanted))
    assert pdf == wanted.resolve()
    assert "http://10.20.0.5:8470" in _text(pdf) and "langson.gov.vn" not in _text(pdf)
    assert parse_enrollment_uri(_scanned(pdf, tmp_path)[0]) == ("http://10.20.0.5:8470", code)

    status, _out, err = _admin(capsys, data_dir, "enroll", COMMUNE, "--server-url", "toso.langson.gov.vn")
    assert (status, err) == (1, admin.bad_server_url("toso.langson.gov.vn"))


def test_without_an_address_the_sheet_says_whom_to_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "may-chu"
    _set_up(capsys, data_dir)
    status, out, _err = _admin(capsys, data_dir, "enroll", COMMUNE)
    assert status == 0 and "admin init --public-url" in out
    pdf = Path(re.findall(r"^Phiếu in: (.+)$", out, re.MULTILINE)[0])
    code = CODE.findall(out)[0][0]
    assert "hãy hỏi bộ phận công nghệ thông tin của tỉnh" in _text(pdf)
    assert parse_enrollment_uri(_scanned(pdf, tmp_path)[0]) == (None, code)


def test_a_bad_public_url_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _admin(capsys, tmp_path, "init", "--province", "20", "--public-url", "ftp://a.vn")
    assert (status, err) == (1, "Địa chỉ máy chủ không hợp lệ: ftp://a.vn (phải bắt đầu bằng http:// hoặc https://).")


@pytest.mark.both_backends
def test_the_scanned_link_enrolls_a_device_on_the_running_server(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = ("--database-url", province_server.database_url)
    _set_up(capsys, province_server.data_dir, "--public-url", province_server.url, database=database)
    _code, _expiry, pdf = _enroll(capsys, province_server.data_dir, *database)
    server, scanned_code = parse_enrollment_uri(_scanned(pdf, tmp_path)[0])
    assert server == province_server.url
    answer = Api(server).call(
        "POST", "/v1/enroll", {"code": scanned_code, "device_name": "Máy xã", "app_version": "0.2"}
    )
    assert answer.status_code == 200 and answer.json()["commune_code"] == COMMUNE
