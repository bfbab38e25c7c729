"""A laptop set up offline, enrolled later: its untouched default categories never overwrite the province's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import main as toso
from desktop.store import Store
from sync.records import DEFAULT_CATEGORIES, category_id
from sync.server.cli import main as toso_server

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


def publish(server: ProvinceServer, tmp_path: Path, text: str) -> None:
    path = tmp_path / "linh-vuc.csv"
    path.write_text(text, encoding="utf-8")
    database = ["--data-dir", str(server.data_dir), "--database-url", server.database_url]
    assert toso_server(["admin", "set-categories", *database, str(path)]) == 0


def set_up_offline(folder: Path) -> None:
    assert toso(["init", "--commune", COMMUNE, "--data-dir", str(folder)]) == 0


def enroll_and_sync(server: ProvinceServer, folder: Path) -> None:
    code = server.enroll(COMMUNE)
    assert toso(["enroll", "--server", server.url, "--code", code, "--data-dir", str(folder)]) == 0
    assert toso(["sync", "--data-dir", str(folder)]) == 0


def category_names(folder: Path) -> dict[str, str]:
    with Store.open(folder, automatic_backup=False) as store:
        return {row["code"]: row["name"] for row in store.rows("categories")}


def conflicts(server: ProvinceServer) -> list[object]:
    return list(server.query("SELECT field FROM conflicts"))


def test_the_provinces_published_list_wins_over_untouched_offline_defaults(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    province_server.enroll(COMMUNE)  # the commune exists on the server before the province publishes
    publish(province_server, tmp_path, "Mã,Tên lĩnh vực\n1,Định danh điện tử (VNeID) và tài khoản định danh\n")
    laptop = tmp_path / "may-xa"
    set_up_offline(laptop)
    enroll_and_sync(province_server, laptop)

    names = category_names(laptop)
    assert names["1"] == "Định danh điện tử (VNeID) và tài khoản định danh"
    assert len(names) == len(DEFAULT_CATEGORIES)  # the other defaults are still there, pushed as the laptop's own
    assert conflicts(province_server) == []
    with Store.open(laptop, automatic_backup=False) as store:
        assert store.pending_changes() == 0


def test_without_a_published_list_the_offline_defaults_reach_the_server(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    laptop, second = tmp_path / "may-xa", tmp_path / "may-thu-hai"
    set_up_offline(laptop)
    enroll_and_sync(province_server, laptop)
    enroll_and_sync(province_server, second)  # a fresh laptop gets the commune's categories from the server
    assert category_names(second) == category_names(laptop)
    assert len(category_names(second)) == len(DEFAULT_CATEGORIES)
    assert conflicts(province_server) == []


def test_a_default_category_renamed_offline_is_the_communes_choice(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    laptop = tmp_path / "may-xa"
    set_up_offline(laptop)
    with Store.open(laptop, automatic_backup=False) as store:
        store.update("categories", category_id(COMMUNE, "10"), {"name": "Hỗ trợ khác"})
    enroll_and_sync(province_server, laptop)
    second = tmp_path / "may-thu-hai"
    enroll_and_sync(province_server, second)
    assert category_names(second)["10"] == "Hỗ trợ khác"
