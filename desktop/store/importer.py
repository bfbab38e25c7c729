"""Import a member list from Excel (.xlsx) or CSV: read, find the header, map columns, plan, then apply.

Nothing is written until apply_plan(), which writes every valid row in one transaction. The plan says, for
each row of the file, what will happen to it and why (in Vietnamese and English), so the user can check
before confirming and take the rows with errors away in a "to fix" workbook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from desktop.store.import_files import (
    COLUMN_NUMBERS,
    GENDER_WORDS,
    SPLIT_VILLAGES,
    ImportProblem,
    SourceTable,
    Text,
    birth_year_of,
    cell_text,
    check_mapping,
    default_team_name,
    find_header,
    guess_mapping,
    is_total,
    parse_place,
    parse_role,
    parse_team_title,
    section_title,
)
from desktop.store.import_plan import (
    ImportPlan,
    ImportResult,
    PlannedMembership,
    PlannedPerson,
    PlannedTeam,
    PlannedVillage,
    Progress,
    RowResult,
    Verdict,
)
from desktop.store.rules import periods_overlap
from desktop.store.store import Store, StoreError
from sync.dates import parse_date
from sync.records import ROLES, RecordInvalid, clean_values, record_type
from sync.text import fold

PERSON_FIELDS = ("full_name", "birth_year", "gender", "phone", "email", "position", "organisation", "notes")
PEOPLE = record_type("people")
SIGNATURE_DATE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")  # folded "Nà Phái, ngày 20 tháng 5 năm 2022"
FILLABLE = ("gender", "birth_year", "phone", "email", "position", "organisation")  # blanks an import may fill


def build_plan(
    store: Store,
    table: SourceTable,
    mapping: Sequence[str | None] | None = None,
    start_date: date | str | None = None,
    header_index: int | None = None,
) -> ImportPlan:
    """Decide, row by row, what importing the table would do; nothing is written."""
    header_index = find_header(table.rows) if header_index is None else header_index
    headers = table.rows[header_index][1]
    mapping = list(guess_mapping(headers) if mapping is None else mapping)
    problems = check_mapping(mapping)
    if problems:
        raise ImportProblem(" ".join(p.vi for p in problems), " ".join(p.en for p in problems))
    start = (parse_date(start_date) if start_date else store.today()).isoformat()
    plan = ImportPlan(table, header_index, mapping, start)
    _Planner(store, plan, headers).run()
    return plan


class _Planner:
    """Walks the rows once, keeping the current section's team and the people seen so far."""

    def __init__(self, store: Store, plan: ImportPlan, headers: list[Any]) -> None:
        self.store = store
        self.plan = plan
        self.today = store.today()
        self.header_keys = {fold(cell_text(h)) for h in headers} - {""}
        village_column = plan.mapping.index("village") if "village" in plan.mapping else None
        self.village_kind = "thon"
        if village_column is not None and village_column < len(headers):
            self.village_kind = parse_place(cell_text(headers[village_column]) + " x")[0]
        self.section: str | None = None
        self.after_total = False  # below a total come the date and signatures, until another team title
        self.seen: dict[str, list[tuple[int, int]]] = {}  # folded name -> (row number, person index)
        self.leaders: dict[str, tuple[int, str]] = {}  # team key -> (row number, name) of its Tổ trưởng
        self.store_people: dict[str, list[dict[str, Any]]] = {}
        for person in store.rows("people"):
            self.store_people.setdefault(fold(person["full_name"]), []).append(person)

    def run(self) -> None:
        for number, cells in self.plan.table.rows[self.plan.header_index + 1 :]:
            self.plan.rows.append(self.row(number, cells))

    def row(self, number: int, cells: list[Any]) -> RowResult:
        texts = [cell_text(c) for c in cells]
        raw = {t: texts[i] for i, t in enumerate(self.plan.mapping) if t and i < len(texts)}
        skipped = Verdict.SKIPPED
        if all(t.isdigit() or not t for t in texts) and not any(raw.values()):  # nothing, or a lone STT
            return RowResult(number, cells, skipped, Text("Bỏ qua: dòng trống", "Skipped: blank row"), raw)
        if is_total(texts):
            self.after_total = True
            return RowResult(number, cells, skipped, Text("Bỏ qua: dòng tổng", "Skipped: total row"), raw)
        if (self.after_total and section_title(texts) is None) or any(SIGNATURE_DATE.search(fold(t)) for t in texts):
            message = Text("Bỏ qua: phần ký tên, ngày tháng", "Skipped: signature block")
            return RowResult(number, cells, skipped, message, raw)
        filled = [t for t in texts if t]
        if len(filled) >= 2 and (
            sum(fold(t) in self.header_keys for t in filled) >= 2 or all(COLUMN_NUMBERS.match(t) for t in filled)
        ):
            message = Text("Bỏ qua: dòng tiêu đề cột", "Skipped: column header row")
            return RowResult(number, cells, skipped, message, raw)
        title = section_title(texts)
        if title is not None:
            self.section, self.after_total = title, False
            team = self.team_for({})[0]
            assert team is not None
            known = Text("đã có trong dữ liệu", "already known") if team.id else Text("tổ mới", "new team")
            message = Text(f"Tiêu đề tổ: {team.name} ({known.vi})", f"Team title: {team.name} ({known.en})")
            return RowResult(number, cells, Verdict.SECTION, message, raw, team=team.name)
        return self.person_row(number, cells, raw)

    def person_row(self, number: int, cells: list[Any], raw: dict[str, str]) -> RowResult:
        values: dict[str, Any] = {k: raw[k] for k in PERSON_FIELDS if k in raw}
        column = {t: i for i, t in enumerate(self.plan.mapping) if t}
        if "birth_year" in column and column["birth_year"] < len(cells):
            values["birth_year"] = birth_year_of(cells[column["birth_year"]])
        if "gender" in values:
            values["gender"] = GENDER_WORDS.get(fold(values["gender"]), values["gender"])
        errors: list[str] = []
        errors_en: list[str] = []
        person: dict[str, Any] | None = None
        try:
            person = clean_values("people", values, today=self.today)
        except RecordInvalid as error:
            errors += [e.vi for e in error.errors]
            errors_en += [e.en for e in error.errors]
        role = parse_role(raw.get("role", ""))
        if role is None:
            allowed = ", ".join(c.vi for c in ROLES)
            errors.append(f"Chức danh trong Tổ: “{raw['role']}” không hợp lệ; chọn một trong: {allowed}.")
            errors_en.append(f"Role: “{raw['role']}” is not allowed.")
        team, team_error = self.team_for(raw)
        if team_error is not None:
            errors.append(team_error.vi)
            errors_en.append(team_error.en)
        result = RowResult(number, cells, Verdict.ERROR, Text("", ""), raw, person, team.name if team else "")
        result.role = next((c.vi for c in ROLES if c.value == role), "")
        if person is None or role is None or team_error is not None:
            result.message = Text("Lỗi: " + " ".join(errors), "Error: " + " ".join(errors_en))
            return result
        return self.place_person(result, person, team, role)

    def place_person(self, result: RowResult, person: dict[str, Any], team: PlannedTeam | None, role: str) -> RowResult:
        plan = self.plan
        key = fold(person["full_name"])
        earlier = next((s for s in self.seen.get(key, []) if _same(plan.people[s[1]].values, person)), None)
        existing = None if earlier else next((p for p in self.store_people.get(key, []) if _same(p, person)), None)
        index = earlier[1] if earlier else len(plan.people)
        planned = (
            plan.people[index]
            if earlier
            else PlannedPerson(result.number, person, existing["id"] if existing else None)
        )
        joins = team is not None and not self.is_member(index, planned, team)
        if joins and role == "to_truong" and team is not None:
            leader = self.leader_of(team, planned)
            if leader is not None:
                result.message = Text(
                    f"Lỗi: Chức danh trong Tổ: “{team.name}” đã có Tổ trưởng là {leader.vi}; "
                    "mỗi tổ chỉ có một Tổ trưởng.",
                    f"Error: Role: “{team.name}” already has a leader {leader.en}.",
                )
                return result
            self.leaders[team.key] = (result.number, person["full_name"])
        if earlier is None:
            self.seen.setdefault(key, []).append((result.number, index))
            plan.people.append(planned)
            if existing is not None:
                planned.updates = {f: person[f] for f in FILLABLE if person.get(f) and not existing.get(f)}
        else:
            for name in FILLABLE:  # a later row may know what the first one left blank
                target = planned.updates if planned.id else planned.values
                if person.get(name) and not (planned.values.get(name) or target.get(name)):
                    target[name] = person[name]
        if joins and team is not None:
            plan.memberships.append(PlannedMembership(index, team.key, role, result.number))
        result.message = self.verdict_text(planned, earlier, existing, team, joins)
        result.verdict = Verdict.MERGED if earlier else Verdict.EXISTING if existing else Verdict.OK
        return result

    def verdict_text(
        self,
        planned: PlannedPerson,
        earlier: tuple[int, int] | None,
        existing: dict[str, Any] | None,
        team: PlannedTeam | None,
        joins: bool,
    ) -> Text:
        name = team.name if team else ""
        if earlier is not None:
            head = f"Trùng với dòng {earlier[0]} (gộp)"
            head_en = f"Same as row {earlier[0]} (merged)"
            if joins:
                return Text(f"{head}: cùng người, thêm vào “{name}”", f"{head_en}: same person, also in “{name}”")
            if team is not None:
                return Text(f"{head}: cùng người, cùng tổ", f"{head_en}: same person, same team")
            return Text(head, head_en)
        if existing is not None:
            labels = [PEOPLE.field(f) for f in planned.updates]
            more = Text("; bổ sung " + ", ".join(f.vi for f in labels), "; adds " + ", ".join(f.en for f in labels))
            more = more if labels else Text("", "")
            if joins:
                return Text(
                    f"Đã có trong dữ liệu (cập nhật tổ): thêm vào “{name}”{more.vi}",
                    f"Already known: joins “{name}”{more.en}",
                )
            return Text(f"Đã có trong dữ liệu: không thay đổi tổ{more.vi}", f"Already known: no team change{more.en}")
        if team is None:
            return Text("Hợp lệ (chưa xếp vào tổ nào)", "Valid (no team)")
        return Text("Hợp lệ", "Valid")

    def is_member(self, index: int, planned: PlannedPerson, team: PlannedTeam) -> bool:
        """True when the person is in the team already: planned from an earlier row, or in the store."""
        if any(m.person == index and m.team == team.key for m in self.plan.memberships):
            return True
        if planned.id is None or team.id is None:
            return False
        period = {"start_date": self.plan.start_date}
        rows = self.store.rows("memberships", "person_id = ? AND team_id = ?", [planned.id, team.id])
        return any(periods_overlap(m, period) for m in rows)

    def leader_of(self, team: PlannedTeam, planned: PlannedPerson) -> Text | None:
        """Who leads the team already (an earlier row or the data), unless it is this person."""
        if team.key in self.leaders:
            row, name = self.leaders[team.key]
            return Text(f"{name} (dòng {row})", f"{name} (row {row})")
        if team.id is None:
            return None
        period = {"start_date": self.plan.start_date}
        for m in self.store.rows("memberships", "team_id = ? AND role = 'to_truong'", [team.id]):
            if periods_overlap(m, period) and m["person_id"] != planned.id:
                leader = self.store.get("people", m["person_id"]) or {}
                return Text(
                    f"{leader.get('full_name', '')} (trong dữ liệu)", f"{leader.get('full_name', '')} (in the data)"
                )
        return None

    def team_for(self, raw: dict[str, str]) -> tuple[PlannedTeam | None, Text | None]:
        """The row's team: its team cell, else the section it is under, else the team of its village."""
        title = raw.get("team") or self.section
        village_text = raw.get("village", "")
        villages = [v for v in SPLIT_VILLAGES.split(village_text) if v]
        if title:
            name, kind, village_name = parse_team_title(title, self.village_kind)
            if village_name is None and len(villages) == 1:
                kind, village_name = parse_place(villages[0], self.village_kind)
            if village_name is None:
                return self.team_by_name(name), None
            return self.team_of(self.village(kind or self.village_kind, village_name), name), None
        if len(villages) > 1:
            return None, Text(
                f"Thôn: ghi nhiều thôn (“{village_text}”) nên không biết xếp vào tổ nào; hãy ghi một thôn, "
                "hoặc đặt người này dưới dòng tên tổ.",
                f"Village: several villages (“{village_text}”); write one, or put the person under a team title.",
            )
        if villages:
            kind, village_name = parse_place(villages[0], self.village_kind)
            return self.team_of(self.village(kind, village_name), ""), None
        return None, None

    def village(self, kind: str, name: str) -> PlannedVillage:
        key = fold(name)
        if key not in self.plan.villages:
            found = [v for v in self.store.rows("villages") if fold(v["name"]) == key]
            found.sort(key=lambda v: v["kind"] != kind)
            village = PlannedVillage(key, name, kind)
            if found:
                village = PlannedVillage(key, found[0]["name"], found[0]["kind"], found[0]["id"])
            self.plan.villages[key] = village
        return self.plan.villages[key]

    def team_of(self, village: PlannedVillage, name: str) -> PlannedTeam:
        key = "thôn:" + village.key
        if key not in self.plan.teams:
            team = PlannedTeam(key, name or default_team_name(village.kind, village.name), village.key)
            if village.id is not None:
                found = self.store.rows("teams", "village_id = ? AND status = 'active'", [village.id])
                if found:
                    team = PlannedTeam(key, found[0]["name"], village.key, found[0]["id"])
            self.plan.teams[key] = team
        return self.plan.teams[key]

    def team_by_name(self, name: str) -> PlannedTeam:
        key = "tổ:" + fold(name)
        if key not in self.plan.teams:
            found = [t for t in self.store.rows("teams", "status = 'active'") if fold(t["name"]) == fold(name)]
            self.plan.teams[key] = PlannedTeam(
                key, found[0]["name"] if found else name, None, found[0]["id"] if found else None
            )
        return self.plan.teams[key]


def _same(known: dict[str, Any], person: dict[str, Any]) -> bool:
    """Two records with the same folded name are one person when the phone or the birth year agrees too."""
    return bool(
        (known.get("phone") and known.get("phone") == person.get("phone"))
        or (known.get("birth_year") and known.get("birth_year") == person.get("birth_year"))
    )


def _last_seq(store: Store) -> int:
    return int(store.db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])


def apply_plan(store: Store, plan: ImportPlan, job: Progress | None = None) -> ImportResult:
    """Write the plan's valid rows in one transaction: everything lands, or (on any failure) nothing."""
    villages, teams = plan.new_villages(), plan.new_teams()
    total = len(villages) + len(teams) + len(plan.people) + len(plan.memberships)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if job is not None:
            job.progress(done, total)
            job.check()

    counts = plan.counts()
    with store.transaction():
        first = _last_seq(store)
        village_ids = {v.key: v.id for v in plan.villages.values() if v.id}
        team_ids = {t.key: t.id for t in plan.teams.values() if t.id}
        person_ids: dict[int, str] = {}
        for village in villages:
            with _blame(Text(f"thôn {village.name}", f"village {village.name}")):
                village_ids[village.key] = store.insert("villages", {"name": village.name, "kind": village.kind})["id"]
            step()
        for team in teams:
            values = {"name": team.name, "village_id": village_ids.get(team.village or "")}
            with _blame(Text(f"tổ “{team.name}”", f"team “{team.name}”")):
                team_ids[team.key] = store.insert("teams", values)["id"]
            step()
        for index, person in enumerate(plan.people):
            with _blame(Text(f"{person.values['full_name']} (dòng {person.row})", f"row {person.row}")):
                if person.id is None:
                    person_ids[index] = store.insert("people", person.values)["id"]
                else:
                    person_ids[index] = person.id
                    if person.updates:
                        store.update("people", person.id, person.updates)
            step()
        for m in plan.memberships:
            values = {"person_id": person_ids[m.person], "team_id": team_ids[m.team], "role": m.role}
            with _blame(Text(f"dòng {m.row}", f"row {m.row}")):
                store.insert("memberships", values | {"start_date": plan.start_date})
            step()
        last = _last_seq(store)
    return ImportResult(counts, first, last)


@contextmanager
def _blame(what: Text) -> Iterator[None]:
    """Turn a store's refusal into an ImportProblem that names what was being written."""
    try:
        yield
    except (RecordInvalid, StoreError) as error:
        vi = error.vi if isinstance(error, StoreError) else " ".join(e.vi for e in error.errors)
        en = error.en if isinstance(error, StoreError) else " ".join(e.en for e in error.errors)
        raise ImportProblem(
            f"Không nhập được {what.vi}: {vi} Chưa có dữ liệu nào được nhập.",
            f"Could not import {what.en}: {en} Nothing was imported.",
        ) from error
