"""Published categories reach laptops through an ordinary pull, merged with the ones laptops made themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.records import DEFAULT_CATEGORIES, category_id
from sync.server.cli import main
from tests.server.harness import ProvinceServer
from tests.server.wire import Api, enrolled

pytestmark = pytest.mark.both_backends  # province_server runs on SQLite and (when available) PostgreSQL
COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


def _publish(server: ProvinceServer, tmp_path: Path, text: str) -> None:
    path = tmp_path / "linh-vuc.csv"
    path.write_text(text, encoding="utf-8")
    database = ["--data-dir", str(server.data_dir), "--database-url", server.database_url]
    assert main(["admin", "set-categories", *database, str(path)]) == 0


def _categories(api: Api) -> dict[str, dict[str, object]]:
    return {r["record_id"]: r for r in api.pull_all() if r["record_type"] == "categories"}


def test_a_laptop_pulls_the_published_list(province_server: ProvinceServer, tmp_path: Path) -> None:
    api = enrolled(province_server, COMMUNE)
    _publish(province_server, tmp_path, "Mã,Tên lĩnh vực,Thứ tự\n1,Định danh điện tử VNeID,1\nYT,Y tế số,2\n")
    pulled = _categories(api)
    assert set(pulled) == {category_id(COMMUNE, "1"), category_id(COMMUNE, "YT")}
    fields = pulled[category_id(COMMUNE, "YT")]["fields"]
    assert isinstance(fields, dict)
    assert (fields["code"], fields["name"], fields["sort_order"]) == ("YT", "Y tế số", 2)


def test_a_laptops_default_categories_become_the_provinces_without_duplicates_or_conflicts(
    province_server: ProvinceServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    api = enrolled(province_server, COMMUNE)
    # A laptop set up offline made the default list with the same derived ids, and pushed it.
    answer = api.push(
        *(
            api.change(
                "categories",
                category_id(COMMUNE, code),
                {"code": code, "name": name, "name_en": name_en, "sort_order": order},
                op="insert",
            )
            for order, (code, name, name_en) in enumerate(DEFAULT_CATEGORIES, start=1)
        )
    )
    versions = {result["change_id"]: result["versions"] for result in answer["results"]}
    assert all(result["status"] == "applied" for result in answer["results"])

    _publish(
        province_server,
        tmp_path,
        "Mã,Tên lĩnh vực,Tên tiếng Anh\n1,Định danh điện tử (VNeID),VNeID electronic identity\n",
    )
    assert "1 sửa" in capsys.readouterr().out  # one field of one record: the others already said the same
    pulled = _categories(api)
    assert len(pulled) == len(DEFAULT_CATEGORIES)  # the province's category 1 is the laptop's category 1
    first = pulled[category_id(COMMUNE, "1")]
    assert first["fields"]["name"] == "Định danh điện tử (VNeID)"  # type: ignore[index]
    assert first["versions"]["name"] > versions[f"{api.device_id}:1"]["name"]  # type: ignore[index]
    assert api.call("GET", "/v1/conflicts").json()["conflicts"] == []  # the province overwrote knowingly
