"""`toso --self-check`: from source it passes every item in one line; a broken part fails it in one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths, self_check
from desktop.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
PASSED = re.compile(r"Tự kiểm tra: đạt \((\d+) mục, \d+,\d s\)\n")


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the user's data would be: the self-check must never create or touch it."""
    folder = tmp_path / "du-lieu-nguoi-dung"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


def test_every_item_passes_in_one_line(capsys: pytest.CaptureFixture[str], user_data: Path) -> None:
    assert main(["--self-check"]) == 0
    out, err = capsys.readouterr()
    match = PASSED.fullmatch(out)
    assert match, out
    # store, records, search, loading the renderers, six documents, translations, resources, Qt
    assert int(match.group(1)) == 13
    assert err == ""
    assert not user_data.exists()


def test_the_command_runs_as_its_own_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--self-check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert PASSED.fullmatch(done.stdout)


def test_missing_resources_fail_it_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "resources"
    empty.mkdir()
    monkeypatch.setattr(paths, "resources_dir", lambda: empty)
    assert main(["--self-check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Tự kiểm tra: KHÔNG ĐẠT — ") and err.count("\n") == 1
    assert "bản dịch: không nạp được toso_en.qm" in err
    assert "tài nguyên: thiếu tệp" in err and "LiberationSerif-Regular.ttf" in err
    assert "Traceback" not in err


def test_a_crashing_document_is_named_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.documents import report

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("hỏng giả")

    monkeypatch.setattr(report, "render_report", broken)
    outcome = self_check.run_checks()
    assert len(outcome.failures) == 1
    assert outcome.failures[0].startswith("tài liệu “báo cáo”: RuntimeError: hỏng giả (test_self_check.py:")
    assert outcome.passed == 12
    assert self_check.main() == 1
    assert "KHÔNG ĐẠT — tài liệu “báo cáo”: RuntimeError: hỏng giả" in capsys.readouterr().err


def test_text_that_does_not_come_back_composed_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(self_check, "PERSON", "Nguyễn Thị Ánh Hồng")  # what the store hands back differs
    outcome = self_check.run_checks()
    assert any(failure.startswith("đọc, sửa bản ghi: họ tên đọc lại là") for failure in outcome.failures)
