"""Benchmark of the local store at commune scale: write speed, search latency, cold open, file size.

    python -m tests.benchmarks.bench_store [--sessions N] [--people N] [--queries N] [--data-dir DIR]

Prints a table of figures; it asserts nothing (targets: search p95 ≤ 30 ms, open ≤ 100 ms). The data
goes to a temporary folder unless --data-dir names a folder that holds no database yet.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.store import Store
from sync.phones import PhoneError, canonical_phone
from sync.text import fold

CHUNK = 1_000
REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 1)

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vi",
    "Lăng",
    "Hà",
    "Nông",
    "Lương",
    "Triệu",
    "Đinh",
    "Bế",
    "Lý",
    "Chu",
    "Mã",
    "Hứa",
    "Đàm",
    "Lộc",
    "Vy",
    "Hoàng",
    "Nguyễn",
    "Lành",
    "Dương",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Thu", "Như", "Văn", "Thị", "Quốc", "Kim"]
GIVEN = [
    "An",
    "Anh",
    "Bình",
    "Chiến",
    "Dung",
    "Đông",
    "Hà",
    "Hải",
    "Hằng",
    "Hoà",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nga",
    "Quang",
    "Quỳnh",
    "Sơn",
    "Thu",
    "Tú",
    "Tuấn",
    "Việt",
    "Xuân",
    "Yến",
    "Đạt",
    "Khánh",
    "Thuỷ",
    "Lộc",
]
VILLAGES = [
    "Nà Phái",
    "Bản Ké",
    "Khòn Pần",
    "Nà Cạn",
    "Pác Cáp",
    "Đông Quan",
    "Phai Dài",
    "Cốc Lùng",
    "Khau Bao",
    "Nà Thác",
    "Bản Chu",
    "Pò Mầy",
    "Nà Slè",
    "Còn Nà",
    "Bó Củng",
    "Khuổi Áng",
    "Nà Pá",
    "Tổng Huồng",
    "Pác Làng",
    "Bản Pjạc",
    "Lũng Vài",
    "Nà Làng",
    "Cốc Phường",
    "Khòn Quang",
    "Nà Ngườm",
    "Bản Nầng",
    "Pò Tấu",
    "Khau Ràng",
    "Nà Lẹng",
    "Bản Đon",
]
POSITIONS = [
    "Trưởng thôn",
    "Bí thư chi đoàn",
    "Công an viên",
    "Giáo viên",
    "Nhân viên Viettel",
    "Chi hội trưởng phụ nữ",
    "Nhân viên y tế thôn",
    "Nhân viên VNPT",
    "Nhân viên Bưu điện",
    "Người dân",
]
NOTES = [
    "Hướng dẫn kích hoạt tài khoản định danh điện tử VNeID mức 2 cho người cao tuổi.",
    "Cài đặt ứng dụng ngân hàng, thanh toán tiền điện bằng mã QR.",
    "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, đăng ký khai sinh.",
    "Hỗ trợ mở gian hàng trên sàn Vỏ Sò, chụp ảnh sản phẩm hồi, quế.",
    "Cảnh báo lừa đảo qua điện thoại và tin nhắn giả mạo ngân hàng.",
    "Đặt lịch khám và cài sổ sức khỏe điện tử.",
    "Bình dân học vụ số: kỹ năng số cơ bản cho hội viên phụ nữ.",
    None,
    None,
    None,
]
MOBILE_PREFIXES = [
    "091",
    "094",
    "088",
    "096",
    "097",
    "098",
    "086",
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "090",
    "093",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "056",
    "058",
    "059",
]


@dataclass
class Figure:
    """One row of the printed table."""

    name: str
    value: str
    unit: str = ""


@dataclass
class Commune:
    """What the generator made, kept to build realistic queries."""

    villages: list[dict[str, Any]]
    teams: list[dict[str, Any]]
    people: list[dict[str, Any]]
    members_of: dict[str, list[str]]


# --- Making the data ------------------------------------------------------------------------------


def _phone(rng: random.Random) -> str:
    while True:
        typed = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(7))
        try:
            return canonical_phone(typed)
        except PhoneError:
            continue


def make_commune(store: Store, people_count: int, rng: random.Random) -> Commune:
    """Villages, one team each, people with phones, and five to seven members per team."""
    village_count = max(3, min(len(VILLAGES), people_count // 30))
    villages, teams, people = [], [], []
    members_of: dict[str, list[str]] = {}
    with store.transaction():
        for name in VILLAGES[:village_count]:
            kind = "ban" if name.startswith("Bản") else "thon"
            village = store.insert(
                "villages", {"name": name.removeprefix("Bản "), "kind": kind, "households": rng.randint(60, 400)}
            )
            villages.append(village)
            teams.append(
                store.insert(
                    "teams",
                    {
                        "name": f"Tổ công nghệ số cộng đồng thôn {village['name']}",
                        "village_id": village["id"],
                        "founded_on": "2022-06-15",
                    },
                )
            )
        for _ in range(people_count):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            people.append(
                store.insert(
                    "people",
                    {
                        "full_name": name,
                        "phone": _phone(rng) if rng.random() < 0.9 else None,
                        "birth_year": rng.randint(1960, 2006),
                        "gender": rng.choice(["nam", "nu"]),
                        "position": rng.choice(POSITIONS),
                    },
                )
            )
        pool = list(people)
        rng.shuffle(pool)
        for team in teams:
            chosen = [pool.pop() for _ in range(min(len(pool), rng.randint(5, 7)))]
            members_of[team["id"]] = [p["id"] for p in chosen]
            for index, person in enumerate(chosen):
                store.insert(
                    "memberships",
                    {
                        "team_id": team["id"],
                        "person_id": person["id"],
                        "role": "to_truong" if index == 0 else "thanh_vien",
                        "start_date": "2022-06-15",
                    },
                )
    return Commune(villages, teams, people, members_of)


def session_values(commune: Commune, rng: random.Random, by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One realistic support session."""
    index = rng.randrange(len(commune.teams))
    team, village = commune.teams[index], commune.villages[index]
    members = commune.members_of[team["id"]]
    present = rng.sample(members, k=min(len(members), rng.randint(1, 3))) if members else []
    host = by_id[present[0]]["given_name"] if present else "Mai"
    place = rng.choice(
        [
            f"Nhà văn hoá thôn {village['name']}",
            "Trụ sở UBND xã Thất Khê",
            "Điểm Bưu điện văn hoá xã",
            f"Nhà bà {host}",
            f"Nhà ông {host}",
            "Trường THCS Thất Khê",
            "Chợ phiên Thất Khê",
            "Trạm y tế xã",
        ]
    )
    total = rng.randint(1, 40)
    categories = rng.sample([str(code) for code in range(1, 11)], k=rng.randint(1, 3))
    start = rng.randint(7, 16)
    return {
        "team_id": team["id"],
        "date": TODAY - timedelta(days=rng.randint(0, 3 * 365)),
        "start_time": f"{start}:{rng.choice(['00', '30'])}",
        "end_time": f"{start + rng.randint(1, 3)}:00",
        "place": place,
        "citizens_total": total,
        "category_counts": {c: rng.randint(1, total) for c in categories},
        "member_ids": present,
        "notes": rng.choice(NOTES),
    }


def insert_sessions(store: Store, commune: Commune, count: int, rng: random.Random) -> float:
    """Insert sessions through store.insert, CHUNK per transaction; returns the seconds taken."""
    by_id = {p["id"]: p for p in commune.people}
    values = [session_values(commune, rng, by_id) for _ in range(count)]  # made before the clock starts
    started = time.perf_counter()
    for first in range(0, count, CHUNK):
        with store.transaction():
            for item in values[first : first + CHUNK]:
                store.insert("sessions", item)
    return time.perf_counter() - started


# --- Queries --------------------------------------------------------------------------------------


def make_queries(commune: Commune, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs in the proportions an official types them."""
    people = commune.people
    phones = [p["phone"] for p in people if p.get("phone")]
    letters = "abcdeghiklmnopqrstuvxy"
    makers = {
        "full name": lambda: rng.choice(people)["full_name"],
        "partial name, no diacritics": lambda: rng.choice(
            [
                lambda p: fold(p["given_name"]),
                lambda p: fold(f"{p['family_name']} {p['given_name']}"),
                lambda p: fold(p["full_name"])[: rng.randint(4, 9)],
                lambda p: fold(f"{p['middle_name']} {p['given_name'][:2]}"),
            ]
        )(rng.choice(people)),
        "phone prefix": lambda: rng.choice(
            [
                lambda ph: ph[: rng.randint(4, 10)],
                lambda ph: ph[1 : rng.randint(4, 10)],
            ]
        )(rng.choice(phones) if phones else "0912345678"),
        "place": lambda: rng.choice(
            [
                fold(rng.choice(commune.villages)["name"]),
                "nha van hoa",
                "truong thcs",
                "buu dien",
                "tram y te",
                f"nha van hoa {fold(rng.choice(commune.villages)['name'])}",
                "cho phien",
                "ubnd xa",
                rng.choice(commune.villages)["name"],
                "vneid",
                "lua dao",
                "vo so",
            ]
        ),
        "one letter": lambda: rng.choice(letters),
        "two letters": lambda: rng.choice(letters) + rng.choice("aeinoghu"),
    }
    weights = {
        "full name": 3,
        "partial name, no diacritics": 4,
        "phone prefix": 3,
        "place": 3,
        "one letter": 2,
        "two letters": 2,
    }
    kinds = [kind for kind, weight in weights.items() for _ in range(weight)]
    return [(kind, makers[kind]()) for kind in (kinds[i % len(kinds)] for i in range(count))]


def percentile(samples: Sequence[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_searches(store: Store, queries: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Milliseconds per query (first page of 50), by kind; a few warm-up queries first."""
    for _, text in queries[:10]:
        store.search(text)
    by_kind: dict[str, list[float]] = {}
    for kind, text in queries:
        started = time.perf_counter()
        store.search(text)
        by_kind.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return by_kind


# --- Opening in a new process ---------------------------------------------------------------------

OPEN_CHILD = """
import sys, time
started = time.perf_counter()
from desktop.store import Store
imported = time.perf_counter()
store = Store.open(sys.argv[1], automatic_backup=sys.argv[2] == "1")
count = store.count("sessions")
opened = time.perf_counter()
store.close()
print(f"{(imported - started) * 1000:.3f} {(opened - imported) * 1000:.3f} {count}")
"""


def open_in_new_process(folder: Path, automatic_backup: bool = False) -> tuple[float, float, float]:
    """(import ms, open + first count ms, whole process ms) for one fresh interpreter."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", OPEN_CHILD, str(folder), "1" if automatic_backup else "0"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    whole = (time.perf_counter() - started) * 1000
    imported, opened, _ = result.stdout.split()
    return float(imported), float(opened), whole


# --- The run --------------------------------------------------------------------------------------


def file_megabytes(folder: Path) -> float:
    db_file = paths.database_path(folder)
    files = [db_file, Path(f"{db_file}-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1_000_000


def run(folder: Path, sessions: int, people: int, query_count: int, opens: int, seed: int) -> list[Figure]:
    rng = random.Random(seed)
    figures: list[Figure] = []
    store = Store.open(folder, automatic_backup=False)
    try:
        store.today = lambda: TODAY
        store.set_commune("06040")
        commune = make_commune(store, people, rng)
        seconds = insert_sessions(store, commune, sessions, rng)
        figures += [
            Figure("sessions inserted (store.insert, 1,000 per transaction)", f"{sessions:,}"),
            Figure("insert time", f"{seconds:.2f}", "s"),
            Figure("insert rate", f"{sessions / seconds:,.0f}", "rows/s"),
            Figure(
                "people / villages / teams", f"{len(commune.people):,} / {len(commune.villages)} / {len(commune.teams)}"
            ),
            Figure("database size incl. WAL, store open", f"{file_megabytes(folder):.1f}", "MB"),
        ]
        queries = make_queries(commune, query_count, rng)
        by_kind = time_searches(store, queries)
        every = [ms for samples in by_kind.values() for ms in samples]
        figures += [
            Figure(f"search latency p50 ({len(every)} queries)", f"{percentile(every, 0.50):.2f}", "ms"),
            Figure("search latency p95", f"{percentile(every, 0.95):.2f}", "ms"),
            Figure("search latency max", f"{max(every):.2f}", "ms"),
        ]
        figures += [
            Figure(
                f"  p95 / max: {kind} ({len(samples)})", f"{percentile(samples, 0.95):.2f} / {max(samples):.2f}", "ms"
            )
            for kind, samples in by_kind.items()
        ]
    finally:
        store.close()
    figures.append(Figure("database size incl. WAL, after close", f"{file_megabytes(folder):.1f}", "MB"))

    runs = [open_in_new_process(folder) for _ in range(opens)]
    figures += [
        Figure(
            f"cold open: Store.open + first count, new process (median of {opens})",
            f"{statistics.median(r[1] for r in runs):.1f}",
            "ms",
        ),
        Figure("cold open: min / max", f"{min(r[1] for r in runs):.1f} / {max(r[1] for r in runs):.1f}", "ms"),
        Figure("cold open: importing desktop.store (median)", f"{statistics.median(r[0] for r in runs):.1f}", "ms"),
        Figure(
            "cold open: whole process, start to exit (median)", f"{statistics.median(r[2] for r in runs):.1f}", "ms"
        ),
    ]
    # The first open after 12 hours also makes the automatic backup (a full copy of the file).
    _, with_backup, _ = open_in_new_process(folder, automatic_backup=True)
    figures.append(Figure("open when the automatic backup is due (once per 12 h)", f"{with_backup:.1f}", "ms"))
    return figures


def format_table(figures: list[Figure]) -> str:
    width = max(len(f.name) for f in figures)
    value_width = max(len(f.value) for f in figures)
    lines = [f"{'figure'.ljust(width)}  {'value'.rjust(value_width)}  unit", "-" * (width + value_width + 8)]
    lines += [f"{f.name.ljust(width)}  {f.value.rjust(value_width)}  {f.unit}".rstrip() for f in figures]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> list[Figure]:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_store",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=int, default=100_000, help="support sessions to insert (100,000)")
    parser.add_argument("--people", type=int, default=1_000, help="people to insert (1,000)")
    parser.add_argument("--queries", type=int, default=200, help="search queries to time (200)")
    parser.add_argument("--opens", type=int, default=5, help="cold opens to time (5)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--data-dir", type=Path, help="a folder without a database (default: a temporary one)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="toso-bench-") as temporary:
        folder = args.data_dir or Path(temporary) / "du-lieu"
        if paths.database_path(folder).exists():
            parser.error(f"{folder} already holds a database; give an empty or new folder")
        figures = run(folder, args.sessions, args.people, args.queries, args.opens, args.seed)
    print(
        f"Tổ Số store benchmark — {args.sessions:,} sessions, {args.people:,} people, Python "
        f"{sys.version.split()[0]}, SQLite {__import__('sqlite3').sqlite_version}"
    )
    print(format_table(figures))
    return figures


if __name__ == "__main__":
    main()
