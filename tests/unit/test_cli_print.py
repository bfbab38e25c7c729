"""`toso print …`: every document written to a PDF from the command line, on a demo commune.

The renderers are the real ones; what is checked here is the command: how it finds the decision, the team and
the period, what it prints, and how it fails (one Vietnamese line, exit 1; bad arguments exit 2).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.store import settings
from desktop.store.demo import create_demo
from desktop.store.store import Store
from sync.text import fold

DEMO_TODAY = date(2026, 10, 15)
REPO_ROOT = Path(__file__).resolve().parents[2]


def renderer(name: str) -> Any:
    """The renderer module, or a clean skip while its author is still writing it."""
    try:
        return importlib.import_module(f"desktop.documents.{name}")
    except ModuleNotFoundError:
        pytest.skip(f"desktop/documents/{name}.py is not written yet")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A demo commune (300 sessions up to 15/10/2026) with two issued decisions and a draft."""
    from desktop.store.decisions import issue_decision

    folder = tmp_path_factory.mktemp("demo")
    with Store.open(folder, automatic_backup=False) as store:
        store.today = lambda: DEMO_TODAY
        create_demo(store, sessions=300, seed=3)
        settings.put(store, settings.CHAIRMAN_NAME, "Hoàng Văn Thắng")
        teams = store.rows("teams", "status = 'active'", order_by="name")
        ids = {}
        for number, day, team_ids, issue in (
            (3, "2026-03-02", [teams[0]["id"]], True),
            (7, "2026-09-01", [t["id"] for t in teams[:2]], True),
            (8, "2026-10-01", [teams[1]["id"]], False),
        ):
            decision = store.insert(
                "decisions", {"number": number, "year": 2026, "date": day, "team_ids": team_ids, "kind": "founding"}
            )
            if issue:
                issue_decision(store, decision["id"])
            ids[number] = decision["id"]
        return {"folder": folder, "teams": teams, "decisions": ids}


@pytest.fixture
def run(demo: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Any]:
    """Run `toso print …` on the demo; returns (exit code, stdout, stderr, output file)."""

    def call(*args: str, out: str = "tai-lieu.pdf") -> tuple[int, str, str, Path]:
        target = tmp_path / out
        code = main(["print", *args, "--data-dir", str(demo["folder"]), "--out", str(target)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err, target

    yield call


def text_of(pdf: Path) -> str:
    """The PDF's words, NFC, one space between them."""
    reader = PdfReader(pdf)
    words = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFC", words).split())


def pages(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def assert_written(code: int, out: str, err: str, target: Path) -> None:
    assert (code, err) == (0, "")
    assert out == f"Đã ghi {target} ({pages(target)} trang).\n"
    assert target.read_bytes().startswith(b"%PDF")


# ----- decisions -----


def test_the_latest_issued_decision_is_printed_by_default(run: Any) -> None:
    renderer("decision")
    code, out, err, target = run("decision")
    assert_written(code, out, err, target)
    words = text_of(target)
    assert "07/QĐ-UBND" in words
    assert "QUYẾT ĐỊNH" in words
    assert "Hoàng Văn Thắng" in words


def test_a_decision_by_number_this_year_number_and_year_or_id(run: Any, demo: dict[str, Any]) -> None:
    renderer("decision")
    this_year = date.today().year
    code, out, err, target = run("decision", "--decision", "03/2026", out="so-3.pdf")
    assert_written(code, out, err, target)
    assert "03/QĐ-UBND" in text_of(target)
    code, out, err, target = run("decision", "--decision", demo["decisions"][8], out="du-thao.pdf")
    assert_written(code, out, err, target)
    assert "08/QĐ-UBND" in text_of(target)
    code, out, err, target = run("decision", "--decision", "07", out="so-7.pdf")
    if this_year == 2026:
        assert_written(code, out, err, target)
    else:  # "07" means this year's number 07
        assert code == 1 and f"năm {this_year}" in err


def test_an_unknown_decision_is_one_line(run: Any) -> None:
    code, out, err, target = run("decision", "--decision", "42/2026")
    assert code == 1 and out == ""
    assert err == "toso: Không có quyết định số 42/QĐ-UBND năm 2026.\n"
    assert not target.exists()


# ----- teams: activity sheet and field form -----


def test_a_team_is_found_by_its_name_without_diacritics(run: Any, demo: dict[str, Any]) -> None:
    renderer("activity_sheet")
    team = demo["teams"][0]
    query = fold(team["name"].replace("Tổ công nghệ số cộng đồng", ""))  # "thon na phai"
    code, out, err, target = run("activity-sheet", "--team", query, "--month", "09/2026")
    assert_written(code, out, err, target)
    words = text_of(target)
    assert team["name"] in words
    assert "09/2026" in words or "tháng 9" in words.lower() or "01/09/2026" in words


def test_an_activity_sheet_over_a_period_or_this_month(run: Any, demo: dict[str, Any]) -> None:
    renderer("activity_sheet")
    team = demo["teams"][1]
    code, out, err, target = run(
        "activity-sheet", "--team", team["id"], "--from", "01/08/2026", "--to", "15/09/2026", out="ky.pdf"
    )
    assert_written(code, out, err, target)
    assert "15/09/2026" in text_of(target)
    code, out, err, target = run("activity-sheet", "--team", team["id"], out="thang-nay.pdf")
    assert_written(code, out, err, target)


def test_an_ambiguous_team_lists_the_candidates(run: Any, demo: dict[str, Any]) -> None:
    code, out, err, target = run("activity-sheet", "--team", "to cong nghe so")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"khớp với {len(demo['teams'])} tổ" in err or "khớp với" in err
    for team in demo["teams"]:
        assert team["name"] in err and team["id"] in err
    assert not target.exists()


def test_a_team_that_does_not_exist(run: Any) -> None:
    code, _out, err, _target = run("field-form", "--team", "khong co to nay")
    assert (code, err) == (1, "toso: Không tìm thấy tổ nào khớp “khong co to nay”.\n")


def test_a_field_form_for_a_team(run: Any, demo: dict[str, Any]) -> None:
    renderer("field_form")
    team = demo["teams"][0]
    code, out, err, target = run("field-form", "--team", team["name"].upper())
    assert_written(code, out, err, target)
    assert team["name"] in text_of(target)


def test_user_text_prints_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renderer("field_form")
    name = "Tổ công nghệ số cộng đồng thôn <Nà> & Phái"
    with Store.open(tmp_path, automatic_backup=False) as store:
        store.set_commune("06040")
        team = store.insert("teams", {"name": name})
        person = store.insert("people", {"full_name": "Lường Văn Đức"})
        store.insert("memberships", {"person_id": person["id"], "team_id": team["id"], "role": "to_truong"})
    out = tmp_path / "phieu.pdf"
    assert main(["print", "field-form", "--team", "<na> & phai", "--data-dir", str(tmp_path), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Đã ghi {out} ({pages(out)} trang).\n"
    assert name in text_of(out)


# ----- the commune: report and member list -----


@pytest.mark.parametrize(
    ("option", "shown"),
    [
        (("--month", "09/2026"), "30/09/2026"),
        (("--quarter", "3/2026"), "30/09/2026"),
        (("--year", "2025"), "31/12/2025"),
        (("--from", "01/09/2026", "--to", "10/10/2026"), "10/10/2026"),
    ],
)
def test_a_report_for_a_month_quarter_year_or_period(run: Any, option: tuple[str, ...], shown: str) -> None:
    renderer("report")
    code, out, err, target = run("report", *option)
    assert_written(code, out, err, target)
    assert shown in text_of(target)


def test_the_member_list_on_a_day(run: Any, demo: dict[str, Any]) -> None:
    renderer("member_list")
    code, out, err, target = run("member-list", "--on", "01/10/2026")
    assert_written(code, out, err, target)
    words = text_of(target)
    assert "DANH SÁCH" in words
    assert demo["teams"][0]["name"].upper() in words.upper()


# ----- failures -----


def test_missing_data_is_one_vietnamese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renderer("field_form")
    with Store.open(tmp_path, automatic_backup=False) as store:
        store.set_commune("06040")
        store.insert("teams", {"name": "Tổ công nghệ số cộng đồng thôn <Nà> & Phái"})
    out = tmp_path / "x.pdf"
    code = main(["print", "field-form", "--team", "na phai", "--data-dir", str(tmp_path), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.startswith("toso: Tổ “Tổ công nghệ số cộng đồng thôn <Nà> & Phái” chưa có thành viên")
    assert captured.err.count("\n") == 1
    assert not out.exists()


def test_a_document_error_from_any_renderer_is_mapped(
    run: Any, monkeypatch: pytest.MonkeyPatch, demo: dict[str, Any]
) -> None:
    from desktop.documents.layout import DocumentError

    module = renderer("report")

    def refuse(store: Store, start: date, end: date) -> bytes:
        raise DocumentError("Chưa có số liệu.")

    monkeypatch.setattr(module, "render_report", refuse)
    assert run("report", "--month", "09/2026")[:3] == (1, "", "toso: Chưa có số liệu.\n")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["report", "--month", "13/2026"], "không phải tháng dạng MM/YYYY"),
        (["report", "--quarter", "5/2026"], "không phải quý"),
        (["report", "--from", "01/09/2026"], "--from và --to phải đi cùng nhau"),
        (["report", "--from", "02/09/2026", "--to", "01/09/2026"], "phải trước hoặc trùng"),
        (["report", "--month", "09/2026", "--year", "2026"], "--year: không dùng cùng với tham số --month"),
        (["activity-sheet", "--team", "x", "--quarter", "1/2026"], "tham số không hiểu được"),
        (["member-list", "--on", "31/02/2026"], "không phải ngày dạng dd/mm/yyyy"),
        (["activity-sheet", "--month", "09/2026"], "thiếu tham số bắt buộc: --team"),
        (["bill"], "lựa chọn không hợp lệ"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["print", *args, "--data-dir", str(tmp_path), "--out", str(tmp_path / "x.pdf")])
    assert stopped.value.code == 2
    assert words in capsys.readouterr().err


def test_the_output_must_be_a_pdf(run: Any) -> None:
    code, _out, err, _target = run("report", out="bao-cao.docx")
    assert (code, err) == (1, "toso: Tệp in phải có đuôi .pdf: bao-cao.docx\n")


def test_the_command_as_a_user_runs_it(demo: dict[str, Any], tmp_path: Path) -> None:
    renderer("report")
    target = tmp_path / "bao cáo quý 3.pdf"
    command = ["print", "report", "--quarter", "3/2026", "--data-dir", str(demo["folder"]), "--out", str(target)]
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *command],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"Đã ghi {target} ({pages(target)} trang).\n"
