"""Demo data: one believable commune with villages, teams, members and a year of support sessions."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.store import decisions, settings
from desktop.store.store import Store, StoreError
from sync.ids import new_id
from sync.phones import PhoneError, canonical_phone
from sync.records import VILLAGE_KINDS
from sync.units import Commune, all_communes

CHUNK = 1000  # rows per transaction: big enough to be quick, small enough to report progress
KIND_WORDS = {choice.value: choice.vi.lower() for choice in VILLAGE_KINDS}

# Province codes (2025 scheme) by how villages are named there.
MOUNTAIN_NORTH = frozenset({"04", "08", "11", "12", "14", "15", "19", "20"})
NORTHWEST = frozenset({"11", "12", "14"})  # Thái areas, where villages are "bản"
HIGHLANDS = frozenset({"51", "52", "66", "68"})
# Commune codes keep their pre-2025 numbers, so this range still marks the old Kon Tum, Gia Lai, Đắk Lắk,
# Đắk Nông and Lâm Đồng, apart from the coastal provinces merged with them in 2025.
HIGHLAND_CODES = range(23260, 25221)
LANG_BELOW = 24100  # Kon Tum and Gia Lai say "làng"; Đắk Lắk southwards "buôn"
SOUTH = frozenset({"75", "79", "80", "82", "86", "91", "92", "96"})

MOUNTAIN_VILLAGES = (
    "Nà Phái",
    "Khòn Pát",
    "Bản Chang",
    "Nà Làng",
    "Pác Cáp",
    "Khuổi Phặt",
    "Nà Cạn",
    "Bản Làn",
    "Cốc Lùng",
    "Phiêng Luông",
    "Nà Tèn",
    "Khau Mạ",
    "Bó Củng",
    "Pò Mỏ",
    "Nà Hin",
    "Lũng Vài",
    "Bản Muồng",
    "Nà Sản",
    "Huổi Lóng",
    "Phai Xả",
    "Nà Pàn",
    "Khuổi Cấp",
)
BUON_VILLAGES = ("Ko Siêr", "Ea Kmar", "Cuôr Đăng", "Tơng Jú", "Ea Bông", "Kdun", "Dham", "Ea Ktur")
LANG_VILLAGES = ("Plei Ơi", "Plei Pông", "Đê Groi", "Kon Klor", "Bi Giông", "Pờ Yầu", "Ia Lang", "Plei Bông")
SOUTH_VILLAGES = (
    "Tân Hòa",
    "Tân Thạnh",
    "Mỹ Phú",
    "Bình Thạnh",
    "Long Hòa",
    "An Phú",
    "Phú Lợi",
    "Thạnh Lợi",
    "Hòa Thuận",
    "Tân Long",
    "Vĩnh Lợi",
    "Mỹ Hòa",
    "Bình An",
    "Phước Thạnh",
    "Long Thới",
    "Tân Phú",
)
LOWLAND_VILLAGES = (
    "Đông",
    "Đoài",
    "Trung",
    "Thượng",
    "Hạ",
    "Trung Hòa",
    "An Lạc",
    "Phú Mỹ",
    "Yên Bình",
    "Tân Lập",
    "Bình Minh",
    "Hòa Bình",
    "Quyết Tiến",
    "Thắng Lợi",
    "Đồng Tâm",
    "Phú Thịnh",
    "Đông Hải",
    "Xuân Lộc",
)

# Family names weighted roughly like Vietnam's population (Nguyễn about 38%).
FAMILIES = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 3.5),
    ("Huỳnh", 2.5),
    ("Phan", 4.5),
    ("Vũ", 2.5),
    ("Võ", 1.5),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 1.5),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
)
MOUNTAIN_FAMILIES = (
    ("Hoàng", 16),
    ("Nông", 12),
    ("Lường", 5),
    ("Lăng", 5),
    ("Triệu", 7),
    ("Vi", 6),
    ("Hà", 7),
    ("Đinh", 5),
    ("Lò", 5),
    ("Lục", 5),
    ("Lương", 5),
    ("Bế", 3),
    ("Ma", 2),
)
MALE_MIDDLE = (("Văn", 50), ("Đức", 12), ("Minh", 12), ("Hữu", 8), ("Quang", 8), ("Xuân", 4), ("Công", 4))
FEMALE_MIDDLE = (("Thị", 60), ("Thu", 10), ("Ngọc", 10), ("Thanh", 10), ("Thị Thu", 5), ("Thị Ngọc", 5))
MALE_GIVEN = (
    "Thắng",
    "Hùng",
    "Dũng",
    "Tuấn",
    "Minh",
    "Hải",
    "Long",
    "Nam",
    "Sơn",
    "Thành",
    "Trung",
    "Cường",
    "Đức",
    "Hiếu",
    "Huy",
    "Khánh",
    "Phong",
    "Quân",
    "Tài",
    "Toàn",
    "Việt",
    "Bình",
    "Hưng",
    "Lâm",
    "Phúc",
    "Tùng",
    "Vinh",
    "Đạt",
    "Kiên",
    "Lợi",
    "Chiến",
    "Dương",
)
FEMALE_GIVEN = (
    "Hoa",
    "Lan",
    "Hương",
    "Hằng",
    "Huyền",
    "Mai",
    "Nga",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Thủy",
    "Trang",
    "Vân",
    "Yến",
    "Linh",
    "Hà",
    "Hạnh",
    "Loan",
    "Liên",
    "Duyên",
    "Quỳnh",
    "Ánh",
    "Diệp",
    "Thư",
    "My",
    "Hiền",
    "Thúy",
    "Giang",
    "Tuyết",
)
PHONE_PREFIXES = {
    "viettel": ("086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"),
    "vinaphone": ("088", "091", "094", "081", "082", "083", "084", "085"),
    "mobifone": ("089", "090", "093", "070", "076", "077", "078", "079"),
}
NETWORK_WEIGHTS = (("viettel", 55), ("vinaphone", 25), ("mobifone", 20))

# Category weights: VNeID and online public services are most of what teams do.
CATEGORY_WEIGHTS = {"1": 30, "2": 24, "3": 12, "4": 6, "5": 7, "6": 8, "7": 10, "8": 5, "9": 4, "10": 3}
NOTES = {
    "1": (
        "Hướng dẫn kích hoạt VNeID mức 2 cho người cao tuổi",
        "Hỗ trợ đặt lại mật khẩu VNeID",
        "Tích hợp giấy phép lái xe, thẻ bảo hiểm y tế vào VNeID",
    ),
    "2": (
        "Hướng dẫn nộp hồ sơ đăng ký khai sinh trực tuyến",
        "Hỗ trợ nộp hồ sơ cấp đổi giấy phép lái xe trên Cổng Dịch vụ công quốc gia",
    ),
    "3": ("Hướng dẫn cài ứng dụng ngân hàng, thanh toán tiền điện bằng mã QR",),
    "4": ("Hỗ trợ hộ kinh doanh mở gian hàng trên Vỏ Sò, PostMart",),
    "5": ("Hướng dẫn sử dụng Sổ sức khỏe điện tử trên VNeID",),
    "6": ("Tuyên truyền phòng chống lừa đảo qua mạng cho hội viên phụ nữ",),
    "7": ("Lớp Bình dân học vụ số cho người dân",),
    "8": ("Hướng dẫn gửi phản ánh hiện trường qua ứng dụng của tỉnh",),
    "9": ("Hỗ trợ đăng ký tuyển sinh đầu cấp trực tuyến",),
    "10": ("Hỗ trợ cài đặt Zalo để nhận thông báo của chính quyền",),
}
SLOTS = ((7 * 60 + 30, 11 * 60 + 30), (13 * 60 + 30, 17 * 60), (19 * 60, 21 * 60))
# Roster slot: (position, organisation, share of men, birth years from, to), filled in per village.
SLOT_ROLES = {
    "head": ("{head}", "{Unit}", 0.8, 1965, 1985),
    "youth": ("Bí thư Chi đoàn", "Chi đoàn {unit}", 0.55, 1990, 2004),
    "police": ("{police}", "Công an {commune}", 0.9, 1975, 1998),
    "women": ("Chi hội trưởng Hội Liên hiệp Phụ nữ", "{Unit}", 0.0, 1968, 1992),
    "teacher": ("Giáo viên", "Trường {school} {name}", 0.25, 1975, 2000),
    "health": ("Nhân viên y tế {word}", "Trạm Y tế {commune}", 0.35, 1970, 1998),
    "viettel": ("Nhân viên", "Viettel {province}", 0.6, 1985, 2002),
    "vnpt": ("Nhân viên", "VNPT {province}", 0.55, 1980, 2000),
    "post": ("Nhân viên", "Bưu điện {commune}", 0.4, 1978, 2000),
    "resident": ("Người dân có kỹ năng số", "", 0.6, 1988, 2004),
    "former_head": ("Nguyên {head_lower}", "{Unit}", 0.85, 1965, 1972),
    "vice_chair": ("Phó Chủ tịch", "UBND {commune}", 0.8, 1970, 1985),
    "culture": ("Công chức Văn hóa - Xã hội", "UBND {commune}", 0.5, 1980, 1996),
    "youth_commune": ("Bí thư Đoàn", "Đoàn Thanh niên {commune}", 0.55, 1990, 2000),
    "police_commune": ("Phó Trưởng Công an", "Công an {commune}", 0.9, 1975, 1990),
}


@dataclass(frozen=True)
class DemoSummary:
    """What create_demo wrote."""

    commune: Commune
    villages: int
    teams: int
    people: int
    memberships: int
    sessions: int
    decisions: int = 0


@dataclass
class _Team:
    """A planned team and every membership it will have, for picking who was present at a session."""

    id: str
    founded: str
    village: dict[str, Any] | None
    activity: float
    members: list[tuple[str, str, str | None]]  # (person id, start, end) of every membership, past included


def create_demo(
    store: Store,
    *,
    commune_code: str | None = None,
    sessions: int = 2000,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty store with one commune's believable records; the same seed gives the same data."""
    for type_name in ("villages", "teams", "people", "memberships", "sessions"):
        if store.count(type_name, include_deleted=True):
            raise StoreError(
                "Chỉ tạo được dữ liệu mẫu trên máy chưa có dữ liệu; máy này đã có thôn, tổ hoặc thành viên.",
                "Demo data needs an empty store.",
            )
    if commune_code is None:
        current = store.commune
        # Its own generator, so naming the same commune explicitly gives the same data.
        commune_code = current.code if current else random.Random(f"commune:{seed}").choice(all_communes()).code
    commune = store.set_commune(commune_code)  # refuses a code other than the one already set
    codes = [c["code"] for c in store.rows("categories", order_by="sort_order")]
    plan = _Plan(random.Random(seed), commune, store.today(), codes)
    plan.build(sessions)
    _write(store, plan.ops, progress)
    made = _decisions(store, plan)
    inserted = Counter(type_name for op, type_name, _ in plan.ops if op == "insert")
    return DemoSummary(
        commune,
        inserted["villages"],
        inserted["teams"],
        inserted["people"],
        inserted["memberships"],
        inserted["sessions"],
        decisions=made,
    )


# Before 1 July 2025 decisions rested on the 2015 local-government law (amended 2019), not the 2025 one.
LEGAL_BASES_BEFORE_2025 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
    "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
    *settings.DEFAULT_LEGAL_BASES[1:],
)


def _decisions(store: Store, plan: _Plan) -> int:
    """The officials in Settings, an issued founding decision per founding day, and a draft restructuring one.

    Drawn after every other record, so adding them left the rest of the demo (seed for seed) as it was.
    """
    commune_team = next((op[2] for op in plan.ops if op[1] == "teams" and not op[2]["village_id"]), None)
    staff = [  # the commune team's first member is the vice-chairman, its second the digital officer
        values["person_id"]
        for op, type_name, values in plan.ops
        if op == "insert" and type_name == "memberships" and commune_team and values["team_id"] == commune_team["id"]
    ]
    people = {values["id"]: values for op, type_name, values in plan.ops if type_name == "people" and op == "insert"}

    def official(slot: int, male: bool) -> str:
        return str(people[staff[slot]]["full_name"]) if len(staff) > slot else plan.name(male)

    officials = (
        (settings.CHAIRMAN_NAME, plan.name(True)),
        (settings.VICE_CHAIRMAN_NAME, official(0, True)),
        (settings.DIGITAL_OFFICER_NAME, official(1, False)),
    )
    made = 0
    with store.transaction():
        for setting, name in officials:
            if not settings.get(store, setting):
                settings.put(store, setting, name)
        founded: dict[str, list[str]] = {}
        for team in store.rows("teams", "founding_decision_id IS NULL AND founded_on IS NOT NULL"):
            founded.setdefault(team["founded_on"], []).append(team["id"])
        for day in sorted(founded):
            year = int(day[:4])
            bases = LEGAL_BASES_BEFORE_2025 if day < "2025-07-01" else settings.DEFAULT_LEGAL_BASES
            decision = store.insert(
                "decisions",
                {
                    "number": decisions.next_number(store, year),
                    "year": year,
                    "date": day,
                    "kind": "founding",
                    "sign_mode": "TM",
                    "legal_bases": [text.replace("{year}", str(year)) for text in bases],
                    "team_ids": founded[day],
                },
            )
            decisions.issue_decision(store, decision["id"])  # links the teams to it too
            made += 1
        # A village head handed over this year: the commune drafts a restructuring decision for that team.
        changed = store.rows(
            "teams",
            "id IN (SELECT team_id FROM memberships WHERE role = 'to_truong' AND end_date IS NOT NULL AND deleted = 0)"
            " AND founding_decision_id IS NOT NULL",
            order_by="name COLLATE vi",
        )
        if changed:
            draft = decisions.supersede(store, changed[0]["founding_decision_id"])
            store.update("decisions", draft["id"], {"team_ids": [changed[0]["id"]]})
            made += 1
    return made


def _write(
    store: Store, ops: list[tuple[str, str, dict[str, Any]]], progress: Callable[[int, int], None] | None
) -> None:
    report = progress or (lambda done, total: None)
    report(0, len(ops))
    for start in range(0, len(ops), CHUNK):
        with store.transaction():
            for op, type_name, values in ops[start : start + CHUNK]:
                if op == "insert":
                    store.insert(type_name, values)
                else:
                    store.update(type_name, values["id"], {k: v for k, v in values.items() if k != "id"})
        report(min(start + CHUNK, len(ops)), len(ops))


def _pick(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([name for name, _ in table], [weight for _, weight in table])[0]


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class _Plan:
    """Draws every record first (ids made up front so rows can refer to each other), then they are written."""

    def __init__(self, rng: random.Random, commune: Commune, today: date, codes: list[str]) -> None:
        self.rng, self.commune, self.today, self.codes = rng, commune, today, codes
        self.ops: list[tuple[str, str, dict[str, Any]]] = []
        self.phones: set[str] = set()
        self.names: set[str] = set()
        province = commune.province_code
        if commune.division == "phường":
            self.region = "south_town" if province in SOUTH else "town"
        elif province in MOUNTAIN_NORTH:
            self.region = "mountain"
        elif province in HIGHLANDS and int(commune.code) in HIGHLAND_CODES:
            self.region = "highlands"
        else:
            self.region = "south" if province in SOUTH else "lowland"

    def insert(self, type_name: str, values: dict[str, Any]) -> str:
        record_id = new_id()
        values["id"] = record_id
        self.ops.append(("insert", type_name, values))
        return record_id

    def build(self, sessions: int) -> None:
        self.villages = [self.village(kind, name) for kind, name in self.village_names()]
        teams = self.teams(self.villages)
        self.sessions(teams, sessions)

    # ----- villages -----

    def village_names(self) -> list[tuple[str, str]]:
        rng, province = self.rng, self.commune.province_code
        count = rng.randint(10, 15)
        numbered = [str(number) for number in range(1, count + 1)]
        if self.region in ("town", "south_town"):
            return [("khu_pho" if self.region == "south_town" else "to_dan_pho", n) for n in numbered]
        if self.region == "mountain":
            kind = "ban" if province in NORTHWEST or rng.random() < 0.3 else "thon"
            names: Sequence[str] = [n for n in MOUNTAIN_VILLAGES if kind == "thon" or not n.startswith("Bản ")]
            return [(kind, name) for name in rng.sample(names, count)]
        if self.region == "highlands":
            # Native buôn/làng side by side with the numbered thôn of later Kinh settlers.
            lang = int(self.commune.code) < LANG_BELOW
            native, names = ("lang", LANG_VILLAGES) if lang else ("buon", BUON_VILLAGES)
            k = rng.randint(3, count // 2)
            return [(native, name) for name in rng.sample(names, k)] + [("thon", n) for n in numbered[: count - k]]
        kind, names = ("ap", SOUTH_VILLAGES) if self.region == "south" else ("thon", LOWLAND_VILLAGES)
        if rng.random() < 0.35:
            return [(kind, n) for n in numbered]
        return [(kind, name) for name in rng.sample(names, count)]

    def village(self, kind: str, name: str) -> dict[str, Any]:
        rng = self.rng
        households = rng.randint(150 if kind in ("to_dan_pho", "khu_pho") else 80, 450)
        village = {"name": name, "kind": kind, "households": households}
        self.insert("villages", village)
        # A survey about every quarter; 5-skill households only ever rise, households barely move.
        count = rng.randint(3, 4)
        first_households = households - rng.randint(0, 6)
        low, high = rng.uniform(0.2, 0.5), rng.uniform(0.6, 0.95)
        skilled = 0
        for step in range(count):
            day = self.today - timedelta(days=90 * (count - 1 - step) + rng.randint(0, 20))
            share = step / (count - 1)
            total = round(first_households + (households - first_households) * share)
            skilled = min(total, max(skilled, round(total * (low + (high - low) * share))))
            self.insert(
                "village_indicators",
                {
                    "village_id": village["id"],
                    "date": day.isoformat(),
                    "households": total,
                    "households_5skills": skilled,
                },
            )
        return village

    # ----- people -----

    def name(self, male: bool, *, unique: bool = True) -> str:
        rng = self.rng
        while True:
            family = _pick(rng, MOUNTAIN_FAMILIES if self.region == "mountain" and rng.random() < 0.65 else FAMILIES)
            middle = _pick(rng, MALE_MIDDLE if male else FEMALE_MIDDLE)
            given = rng.choice(MALE_GIVEN if male else FEMALE_GIVEN)
            # One family name, two spellings: Hoàng/Vũ in the north, Huỳnh/Võ in the south.
            if self.commune.province_code < "38":
                family = {"Huỳnh": "Hoàng", "Võ": "Vũ"}.get(family, family)
            elif self.commune.province_code in SOUTH:
                family = {"Hoàng": "Huỳnh", "Vũ": "Võ"}.get(family, family)
            full = f"{family} {middle} {given}"
            # Unique names keep the duplicate-people check from flagging the demo's own roster.
            if given not in middle.split() and not (unique and full in self.names):
                self.names.add(full)
                return full

    def phone(self, network: str | None = None) -> str:
        rng = self.rng
        network = network or _pick(rng, NETWORK_WEIGHTS)
        while True:
            raw = rng.choice(PHONE_PREFIXES[network]) + f"{rng.randrange(10**7):07d}"
            try:
                phone = canonical_phone(raw)
            except PhoneError:
                continue  # not every block of every prefix is allocated
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def person(self, key: str, village: dict[str, Any] | None) -> str:
        rng, c = self.rng, self.commune
        position, organisation, male_share, first, last = SLOT_ROLES[key]
        word = KIND_WORDS[village["kind"]] if village else c.division
        unit = f"{word} {village['name']}" if village else c.full_name
        head = "Tổ trưởng tổ dân phố" if word == "tổ dân phố" else f"Trưởng {word}"
        fields = {
            "head": head,
            "head_lower": head[0].lower() + head[1:],
            "unit": unit,
            "Unit": unit[0].upper() + unit[1:],
            "word": word,
            "commune": c.full_name,
            "name": c.name,
            "province": c.province_name,
            "police": "Cảnh sát khu vực" if c.division == "phường" else "Công an viên",
            "school": rng.choice(("Tiểu học", "Tiểu học", "Mầm non", "THCS")),
        }
        male = rng.random() < male_share
        return self.insert(
            "people",
            {
                "full_name": self.name(male),
                "gender": "nam" if male else "nu",
                "birth_year": rng.randint(first, last),
                "phone": self.phone({"viettel": "viettel", "vnpt": "vinaphone"}.get(key)),
                "position": position.format(**fields),
                "organisation": organisation.format(**fields),
            },
        )

    # ----- teams and memberships -----

    def roster(self, village: dict[str, Any] | None) -> list[tuple[str, str, str]]:
        """(slot key, role, shared-person tag) for a team's current members, leader first."""
        rng = self.rng
        size = rng.choices(range(4, 10), (3, 5, 5, 4, 2, 1))[0]
        if village is None:
            first, pool = ["vice_chair", "culture", "youth_commune"], ["police_commune", "viettel", "vnpt", "post"]
        else:
            first = ["head", "youth"]
            pool = ["police", "women", "teacher", "health", "viettel", "vnpt", "post", "resident", "resident"]
        weights = {"police": 3, "women": 3, "resident": 2, "health": 2}
        # Weighted sampling without replacement (Efraimidis-Spirakis): police and women's union come first.
        extra = sorted(pool, key=lambda k: rng.random() ** (1 / weights.get(k, 1)), reverse=True)
        keys = (first + extra)[:size]
        deputies = rng.choices((0, 1, 2), (3, 5, 2))[0]
        return [
            (key, "to_truong" if i == 0 else "to_pho" if i <= deputies else "thanh_vien", "")
            for i, key in enumerate(keys)
        ]

    def founding_day(self) -> date:
        rng = self.rng
        if rng.random() < 0.75:  # most communes founded teams in the 2022 wave after Công văn 793 (05/3/2022)
            return date(2022, 3, 20) + timedelta(days=rng.randint(0, 250))
        return date(2023, 1, 5) + timedelta(days=rng.randint(0, 330))

    def teams(self, villages: list[dict[str, Any]]) -> list[_Team]:
        rng, c = self.rng, self.commune
        founded = self.founding_day()
        units: list[dict[str, Any] | None] = list(villages)
        if rng.random() < 1 / 3:
            units.append(None)
        teams = []
        for village in units:
            # One founding decision covers most teams; a few villages followed months later.
            day = founded + timedelta(days=rng.randint(30, 200) if rng.random() < 0.15 else 0)
            day = min(day, self.today)
            name = (
                f"Tổ công nghệ số cộng đồng {KIND_WORDS[village['kind']]} {village['name']}"
                if village
                else f"Tổ công nghệ số cộng đồng {c.full_name}"
            )
            team_id = self.insert(
                "teams",
                {
                    "name": name,
                    "village_id": village["id"] if village else None,
                    "status": "active",
                    "founded_on": day.isoformat(),
                },
            )
            teams.append(_Team(team_id, day.isoformat(), village, rng.uniform(0.5, 1.6) if village else 0.6, []))
        rosters = [self.roster(team.village) for team in teams]
        # 1–2 telecom or postal workers serve two neighbouring teams: one person, two memberships.
        for first in rng.sample(range(0, len(teams) - 1, 2), rng.randint(1, 2)):
            key = rng.choice(("viettel", "vnpt", "post"))
            rosters[first][-1] = (key, rosters[first][-1][1], f"shared{first}")
            rosters[first + 1][-1] = (key, rosters[first + 1][-1][1], f"shared{first}")
        shared: dict[str, str] = {}
        for index, (team, roster) in enumerate(zip(teams, rosters, strict=True)):
            self.staff(team, roster, shared, leader_change=index in (1, 4), leaver=index % 4 == 3)
        return teams

    def join(self, team: _Team, person_id: str, role: str, start: str, end: str | None = None) -> None:
        membership = self.insert(
            "memberships", {"person_id": person_id, "team_id": team.id, "role": role, "start_date": start}
        )
        if end:
            # Logged as a later edit, the way a real departure is recorded.
            self.ops.append(("update", "memberships", {"id": membership, "end_date": end}))
        team.members.append((person_id, start, end))

    def staff(
        self,
        team: _Team,
        roster: list[tuple[str, str, str]],
        shared: dict[str, str],
        *,
        leader_change: bool,
        leaver: bool,
    ) -> None:
        rng, today = self.rng, self.today
        change = today - timedelta(days=rng.randint(60, 250))
        for key, role, tag in roster:
            start = team.founded
            if role == "to_truong" and team.village and leader_change and change.isoformat() > team.founded:
                # The old village head handed over within the last year; both periods stay on record.
                old = self.person("former_head", team.village)
                self.join(team, old, "to_truong", start, (change - timedelta(days=1)).isoformat())
                start = change.isoformat()
            if tag and tag not in shared:
                shared[tag] = self.person(key, team.village)
            self.join(team, shared[tag] if tag else self.person(key, team.village), role, start)
        left = date(2024, rng.randint(2, 11), rng.randint(1, 28)).isoformat()
        if team.village and leaver and team.founded < left <= today.isoformat():
            # Someone who left in 2024 (moved away for work) stays in the team's history.
            self.join(team, self.person("resident", team.village), "thanh_vien", team.founded, left)

    # ----- sessions -----

    def sessions(self, teams: list[_Team], count: int) -> None:
        rng, today = self.rng, self.today
        days = [today - timedelta(days=back) for back in range(364, -1, -1)]
        months = sorted({(d.year, d.month) for d in days})
        month_weight = {m: rng.uniform(0.6, 1.4) for m in months}
        # Campaign peaks: a VNeID drive and a digital-skills month draw crowds.
        vneid_peak, skills_peak = rng.sample(months[:-1], 2)
        month_weight[vneid_peak] = month_weight[skills_peak] = 3.0
        weights = [month_weight[(d.year, d.month)] * (1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.6)[d.weekday()] for d in days]
        team_weights = [team.activity for team in teams]
        for day in sorted(rng.choices(days, weights, k=count)):
            iso = day.isoformat()
            team = rng.choices(teams, team_weights)[0]
            if team.founded > iso:
                team = min(teams, key=lambda t: t.founded)
            active = [pid for pid, start, end in team.members if start <= iso and (end is None or end >= iso)]
            members = rng.sample(active, min(len(active), rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0]))
            month = (day.year, day.month)
            boost = {"1": 4.0} if month == vneid_peak else {"7": 4.0} if month == skills_peak else {}
            self.insert(
                "sessions",
                {
                    "team_id": team.id,
                    "date": iso,
                    **self.times(day),
                    "place": self.place(team),
                    **self.counts(boost, month in (vneid_peak, skills_peak)),
                    "member_ids": members,
                },
            )

    def times(self, day: date) -> dict[str, str]:
        rng = self.rng
        # Evenings suit villagers back from the fields on weekdays; weekends lean to mornings.
        slot_weights = (6, 3, 1) if day.weekday() >= 5 else (5, 4, 2)
        low, high = rng.choices(SLOTS, slot_weights)[0]
        start = low + 30 * rng.randint(0, (high - low - 60) // 30)
        end = min(high, start + 30 * rng.randint(2, 6))
        return {"start_time": _hhmm(start), "end_time": _hhmm(end)}

    def place(self, team: _Team) -> str:
        rng, c = self.rng, self.commune
        village = team.village
        if village is None and rng.random() < 0.3:
            village = rng.choice(self.villages)  # the commune team also goes out to the villages
        options: list[tuple[str, float]] = [
            (f"UBND {c.full_name}", 4 if team.village else 25),
            (f"Trung tâm Phục vụ hành chính công {c.full_name}", 0 if team.village else 20),
            (f"Trường Tiểu học {c.name}", 5),
            (f"Chợ {c.name}", 6),
            (f"Trạm Y tế {c.full_name}", 3),
            (f"Bưu điện văn hóa {c.full_name}", 3),
        ]
        if village:
            # Central Highlands làng meet in the communal rông house.
            hall = "Nhà rông" if village["kind"] == "lang" else "Nhà văn hóa"
            hall = f"{hall} {KIND_WORDS[village['kind']]} {village['name']}"
            options += [(hall, 50), ("household", 20)]
        place = _pick(rng, tuple(options))
        if place == "household":
            male = rng.random() < 0.7
            return f"Hộ gia đình {'ông' if male else 'bà'} {self.name(male, unique=False)}"
        return place

    def counts(self, boost: dict[str, float], peak: bool) -> dict[str, Any]:
        rng, codes = self.rng, self.codes
        total = max(1, min(40, round(rng.triangular(3, 40, 15) if peak else rng.triangular(1, 30, 5))))
        weights = [CATEGORY_WEIGHTS.get(code, 2) * boost.get(code, 1.0) for code in codes]
        wanted = min(total, len(codes), rng.choices((1, 2, 3), (5, 3, 1))[0])
        chosen: list[str] = []
        while len(chosen) < wanted:
            code = rng.choices(codes, weights)[0]
            if code not in chosen:
                chosen.append(code)
        cuts = [0, *sorted(rng.sample(range(1, total), len(chosen) - 1)), total]
        counts = {code: cuts[i + 1] - cuts[i] for i, code in enumerate(chosen)}
        if rng.random() < 0.15:
            # Some citizens only asked a question: the counted categories fall short of the total.
            last = chosen[-1]
            counts[last] -= rng.randint(0, counts[last] - 1)
        values: dict[str, Any] = {"category_counts": counts, "citizens_total": total}
        if chosen and rng.random() < 0.25:
            values["notes"] = rng.choice(NOTES.get(max(counts, key=counts.__getitem__), NOTES["10"]))
        return values
