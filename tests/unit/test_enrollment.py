"""The enrollment link on the printed sheet: made by the server, read back by the app's enrol form."""

from __future__ import annotations

import pytest

from sync.enrollment import EnrollmentLinkError, enrollment_uri, is_server_url, parse_enrollment_uri


def test_a_link_carries_the_server_and_code_and_reads_back() -> None:
    uri = enrollment_uri("https://toso.langson.gov.vn:8443/máy-chủ?a=1&b=2", "ABCD-EFGH-JK12")
    assert uri.startswith("toso-enroll:?server=https%3A%2F%2F")
    assert "chủ" not in uri and "&b=" not in uri  # the address is one query value, whatever it contains
    assert parse_enrollment_uri(uri) == ("https://toso.langson.gov.vn:8443/máy-chủ?a=1&b=2", "ABCD-EFGH-JK12")


def test_a_link_without_a_server_leaves_the_address_to_the_form() -> None:
    uri = enrollment_uri(None, "ABCD-EFGH-JK12")
    assert uri == "toso-enroll:?code=ABCD-EFGH-JK12"
    link = parse_enrollment_uri(uri)
    assert link.server is None and link.code == "ABCD-EFGH-JK12"


def test_pasted_text_is_forgiven_spaces_and_case() -> None:
    server, code = parse_enrollment_uri("  TOSO-ENROLL:?code=abcd-efgh-jk12&server=http%3A%2F%2F10.0.0.5%3A8470\n")
    assert (server, code) == ("http://10.0.0.5:8470", "ABCD-EFGH-JK12")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("https://toso.example.vn", "không phải liên kết đăng ký"),
        ("ABCD-EFGH-JK12", "không phải liên kết đăng ký"),
        ("toso-enroll:?server=https%3A%2F%2Fa.vn", "đúng một mã"),
        ("toso-enroll:?code=A&code=B", "đúng một mã"),
        ("toso-enroll:?code=ABCD-EFGH", "Mã đăng ký trong liên kết không hợp lệ"),
        ("toso-enroll:?code=ABCD-EFGH-JK1%21", "Mã đăng ký trong liên kết không hợp lệ"),
        ("toso-enroll:?code=ABCD-EFGH-JK12&server=ftp%3A%2F%2Fa.vn", "Địa chỉ máy chủ"),
        ("toso-enroll:?code=ABCD-EFGH-JK12&server=javascript%3Aalert(1)", "Địa chỉ máy chủ"),
    ],
)
def test_anything_else_is_refused_in_vietnamese(text: str, says: str) -> None:
    with pytest.raises(EnrollmentLinkError, match=says):
        parse_enrollment_uri(text)


def test_server_urls_are_absolute_http() -> None:
    assert is_server_url("https://toso.langson.gov.vn")
    assert is_server_url("http://127.0.0.1:8470/")
    assert not is_server_url("toso.langson.gov.vn")
    assert not is_server_url("https://")
    assert not is_server_url("https://a b.vn")
