"""Table models of villages, teams and members, read without a view, sorted and filtered the Vietnamese way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.store import Store
from desktop.ui.models import (
    ID_ROLE,
    PeopleModel,
    TeamsModel,
    VietnameseSortFilterProxy,
    VillagesModel,
)
from tests.gui.conftest import HOA, ROSTER, column

# ----- models, without a view -----


def test_villages_model_reads_the_store(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    assert model.rowCount() == 0  # nothing is read before reload()
    model.reload()
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    assert column(model, VillagesModel.NAME) == ["Bản Chắt", "Thôn Đồng Ý", "Thôn Nà Phái"]
    assert column(model, VillagesModel.KIND) == ["Bản", "Thôn", "Thôn"]
    assert column(model, VillagesModel.HOUSEHOLDS) == ["64", "", "182"]
    assert column(model, VillagesModel.TEAM) == ["Tổ CNSCĐ bản Chắt", "", "Tổ CNSCĐ thôn Nà Phái"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Tên thôn", "Loại", "Số hộ", "Tổ CNSCĐ", "Đồng bộ"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(0, 0).data(ID_ROLE) == model.row(0)["id"]
    alignment = model.index(0, VillagesModel.HOUSEHOLDS).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight


def test_teams_model_shows_members_and_leader(qapp: QApplication, store: Store) -> None:
    model = TeamsModel(store)
    model.reload()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Tên tổ",
        "Thôn",
        "Trạng thái",
        "Ngày thành lập",
        "Số thành viên",
        "Tổ trưởng",
        "Đồng bộ",
    ]
    rows = {
        model.index(r, TeamsModel.NAME).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }
    assert rows["Tổ CNSCĐ thôn Nà Phái"] == [
        "Tổ CNSCĐ thôn Nà Phái",
        "Thôn Nà Phái",
        "Đang hoạt động",
        "15/03/2025",
        "3",
        "Nguyễn Thị Ánh",
        "Chờ gửi",
    ]
    assert rows["Tổ CNSCĐ thôn Đồng Ý"][2:5] == ["Đã giải thể", "02/05/2024", "0"]


def test_people_model_lists_roster_order_with_teams_and_roles(qapp: QApplication, store: Store) -> None:
    model = PeopleModel(store)
    model.reload()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Số điện thoại",
        "Chức vụ",
        "Tổ",
        "Chức danh trong Tổ",
        "Đồng bộ",
    ]
    names = column(model, PeopleModel.NAME)
    assert names[:6] == ROSTER
    assert set(names[6:]) == HOA
    an = names.index("Lê Văn An")
    assert model.index(an, PeopleModel.TEAMS).data() == "Tổ CNSCĐ bản Chắt; Tổ CNSCĐ thôn Nà Phái"
    assert model.index(an, PeopleModel.ROLES).data() == "Tổ trưởng; Thành viên"
    dat = names.index("Phạm Văn Đạt")
    assert [model.index(dat, c).data() for c in range(PeopleModel.TEAMS)] == [
        "Phạm Văn Đạt",
        "1990",
        "Nam",
        "0912 345 678",
        "Công an viên",
    ]


def test_reload_sees_new_records(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    model.reload()
    store.insert("villages", {"name": "Khòn Pẩu", "kind": "thon"})
    model.reload()
    assert column(model, VillagesModel.NAME) == ["Bản Chắt", "Thôn Đồng Ý", "Thôn Khòn Pẩu", "Thôn Nà Phái"]


def test_proxy_sorts_by_vietnamese_collation_and_filters_without_diacritics(qapp: QApplication, store: Store) -> None:
    model = VillagesModel(store)
    model.reload()
    proxy = VietnameseSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(VillagesModel.NAME, Qt.SortOrder.DescendingOrder)
    assert column(proxy, VillagesModel.NAME) == ["Thôn Nà Phái", "Thôn Đồng Ý", "Bản Chắt"]
    proxy.sort(VillagesModel.HOUSEHOLDS, Qt.SortOrder.AscendingOrder)
    assert column(proxy, VillagesModel.HOUSEHOLDS) == ["64", "182", ""]  # empty last
    proxy.set_search_text("dong y")
    assert column(proxy, VillagesModel.NAME) == ["Thôn Đồng Ý"]


# ----- the window -----
