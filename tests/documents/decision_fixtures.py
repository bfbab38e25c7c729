"""A fixed commune for the decision tests, references and benchmark: xã Tân Thành (Lạng Sơn), today 01/03/2026.

Nothing here reads the clock or draws at random, so the PDFs (and their reference images) never drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.store import Store
from desktop.store import settings as commune_settings
from desktop.store import teams as team_life

COMMUNE_CODE = "06445"  # xã Tân Thành, tỉnh Lạng Sơn (2025 list)
TODAY = date(2026, 3, 1)
FOUNDED = "2026-02-05"
CHAIRMAN = "Hoàng Văn Thành"
VICE_CHAIRMAN = "Nông Thị Hạnh"

# (village, [(full name, position, organisation, role, phone, notes)]), leader first.
ROSTERS: list[tuple[str, list[tuple[str, str, str, str, str, str]]]] = [
    (
        "Nà Phái",
        [
            ("Lường Văn Đức", "Trưởng thôn", "Thôn Nà Phái", "to_truong", "0912345678", ""),
            ("Hoàng Thị Ánh", "Bí thư Chi đoàn", "Chi đoàn thôn Nà Phái", "to_pho", "0987654321", ""),
            ("Nông Văn Quyết", "Công an viên", "Công an xã Tân Thành", "thanh_vien", "0356789012", ""),
            (
                "Triệu Thị Như Quỳnh",
                "Chi hội trưởng Chi hội Liên hiệp Phụ nữ, kiêm Tổ trưởng tổ hòa giải",
                "Thôn Nà Phái",
                "thanh_vien",
                "0868123456",
                "Phụ trách nhóm Zalo của thôn",
            ),
            ("Vi Văn Hùng", "Nhân viên", "Viettel Lạng Sơn", "thanh_vien", "0961234567", ""),
        ],
    ),
    (
        "Khòn Pát",
        [
            ("Lăng Văn Sơn", "Trưởng thôn", "Thôn Khòn Pát", "to_truong", "0914111222", ""),
            ("Hà Thị Mai", "Giáo viên", "Trường Tiểu học Tân Thành", "to_pho", "0945222333", ""),
            ("Đinh Văn Tài", "Người dân có kỹ năng số", "", "thanh_vien", "0977333444", ""),
            ("Lục Thị Hương", "Nhân viên y tế thôn", "Trạm Y tế xã Tân Thành", "thanh_vien", "0888444555", ""),
        ],
    ),
    (
        "Bản Chang",
        [
            ("Bế Văn Long", "Trưởng thôn", "Thôn Bản Chang", "to_truong", "0392555666", ""),
            ("Ma Thị Thu Trang", "Bí thư Chi đoàn", "Chi đoàn thôn Bản Chang", "thanh_vien", "0329666777", ""),
            ("Lương Văn Phúc", "Nhân viên", "Bưu điện xã Tân Thành", "thanh_vien", "0836777888", ""),
        ],
    ),
]


@dataclass
class Commune:
    """The fixed commune's ids: villages and teams by village name, decisions by what they are."""

    store: Store
    teams: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    decisions: dict[str, str] = field(default_factory=dict)


def build_commune(store: Store | None = None, rosters: list[Any] | None = None) -> Commune:
    """The fixed commune with its teams and members (all from 05/02/2026) and the officials in Settings."""
    store = store or Store.in_memory()
    store.today = lambda: TODAY
    store.set_commune(COMMUNE_CODE)
    commune_settings.put(store, commune_settings.CHAIRMAN_NAME, CHAIRMAN)
    commune_settings.put(store, commune_settings.VICE_CHAIRMAN_NAME, VICE_CHAIRMAN)
    commune_settings.put(store, commune_settings.DIGITAL_OFFICER_NAME, "Lý Thị Lan")
    result = Commune(store)
    with store.transaction():
        for village_name, members in rosters if rosters is not None else ROSTERS:
            village = store.insert("villages", {"name": village_name, "kind": "thon"})
            team = store.insert(
                "teams",
                {
                    "name": f"Tổ công nghệ số cộng đồng thôn {village_name}",
                    "village_id": village["id"],
                    "founded_on": FOUNDED,
                },
            )
            result.teams[village_name] = team["id"]
            for full_name, position, organisation, role, phone, notes in members:
                person = store.insert(
                    "people",
                    {
                        "full_name": full_name,
                        "position": position,
                        "organisation": organisation,
                        "phone": phone,
                        "notes": notes,
                    },
                )
                result.people[full_name] = person["id"]
                team_life.add_member(store, team["id"], person["id"], role, FOUNDED)
    return result


def add_decision(commune: Commune, name: str, team_names: list[str], **values: Any) -> str:
    """A draft decision of the fixed commune (number 07 of 2026, dated 05/02/2026 unless told otherwise)."""
    record = {"number": 7, "year": 2026, "date": FOUNDED, "kind": "founding", "sign_mode": "TM"}
    record.update(values)
    record["team_ids"] = [commune.teams[team] for team in team_names]
    decision = commune.store.insert("decisions", record)
    commune.decisions[name] = decision["id"]
    return str(decision["id"])


VILLAGES = (
    "Nà Phái", "Khòn Pát", "Bản Chang", "Nà Làng", "Pác Cáp", "Khuổi Phặt", "Nà Cạn", "Bản Làn",
    "Cốc Lùng", "Phiêng Luông", "Nà Tèn", "Khau Mạ", "Bó Củng", "Pò Mỏ", "Nà Hin", "Lũng Vài",
)  # fmt: skip
FAMILIES = ("Hoàng", "Nông", "Lường", "Lăng", "Triệu", "Vi", "Hà", "Đinh", "Lò", "Lục", "Lương", "Bế", "Ma")
MIDDLES = (("Văn", "Đức", "Minh"), ("Thị", "Thị Thu", "Ngọc"))  # men's, women's
GIVENS = ("Thắng", "Hoa", "Hùng", "Lan", "Dũng", "Hương", "Tuấn", "Hằng", "Hải", "Mai", "Sơn", "Nga", "Đông", "Quỳnh")
SLOTS = (
    ("Trưởng thôn", "Thôn {village}"),
    ("Bí thư Chi đoàn", "Chi đoàn thôn {village}"),
    ("Công an viên", "Công an xã Tân Thành"),
    ("Chi hội trưởng Hội Liên hiệp Phụ nữ", "Thôn {village}"),
    ("Giáo viên", "Trường Tiểu học Tân Thành"),
    ("Nhân viên y tế thôn", "Trạm Y tế xã Tân Thành"),
    ("Nhân viên", "Viettel Lạng Sơn"),
    ("Người dân có kỹ năng số", ""),
)
PREFIXES = ("091", "094", "096", "097", "098", "086", "088", "035", "037", "039")


def big_rosters(teams: int, members: int) -> list[tuple[str, list[tuple[str, str, str, str, str, str]]]]:
    """Rosters for many teams (members spread evenly, at least one each), made by arithmetic, not at random."""
    rosters = []
    person = 0
    for index in range(teams):
        village = VILLAGES[index % len(VILLAGES)] + ("" if index < len(VILLAGES) else f" {index // len(VILLAGES)}")
        size = members // teams + (1 if index < members % teams else 0)
        roster = []
        for slot in range(max(size, 1)):
            position, organisation = SLOTS[slot % len(SLOTS)]
            given = (person // len(FAMILIES) * 5 + person) % len(GIVENS)
            middle = MIDDLES[given % 2][(person // 7) % 3]  # the given names alternate men's and women's
            name = f"{FAMILIES[person % len(FAMILIES)]} {middle} {GIVENS[given]}"
            role = "to_truong" if slot == 0 else "to_pho" if slot == 1 else "thanh_vien"
            phone = f"{PREFIXES[person % len(PREFIXES)]}{1000000 + person * 7919 % 8999999:07d}"
            notes = "Phụ trách nhóm Zalo của thôn" if slot == 3 else ""
            roster.append((name, position, organisation.format(village=village), role, phone, notes))
            person += 1
        rosters.append((village, roster))
    return rosters
