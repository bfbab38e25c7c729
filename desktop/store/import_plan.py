"""What an import will do, row by row, before anything is written: the plan and its parts.

desktop.store.importer builds a plan from a file and applies it; the wizard shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from desktop.store.import_files import SourceTable, Text, cell_text, write_rows
from sync.text import fold


class Progress(Protocol):
    """What apply_plan needs of a background job (desktop.ui.context.Job)."""

    def check(self) -> None: ...

    def progress(self, done: int, total: int) -> None: ...


# ----- the plan -----


class Verdict(Enum):
    """What happens to one row of the file."""

    OK = "ok"  # a new person
    MERGED = "merged"  # the same person as an earlier row
    EXISTING = "existing"  # a person already in the data
    ERROR = "error"
    SKIPPED = "skipped"
    SECTION = "section"  # a team title row


@dataclass
class RowResult:
    """One row of the file and what the import does with it."""

    number: int
    cells: list[Any]
    verdict: Verdict
    message: Text
    raw: dict[str, str] = field(default_factory=dict)  # the mapped cells as text
    person: dict[str, Any] | None = None  # cleaned values
    team: str = ""  # the team's name
    role: str = ""


@dataclass
class PlannedVillage:
    """A village the import uses: an existing one (id) or one to create."""

    key: str
    name: str
    kind: str
    id: str | None = None


@dataclass
class PlannedTeam:
    """A team the import uses: an existing active one (id) or one to create."""

    key: str
    name: str
    village: str | None  # PlannedVillage key
    id: str | None = None


@dataclass
class PlannedPerson:
    """A person the import writes: a new one, or an existing one (id) with blank fields filled."""

    row: int
    values: dict[str, Any]
    id: str | None = None
    updates: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlannedMembership:
    """A person joining a team."""

    person: int  # index in ImportPlan.people
    team: str  # PlannedTeam key
    role: str
    row: int


@dataclass
class ImportPlan:
    """Everything an import will do, row by row, before anything is written."""

    table: SourceTable
    header_index: int
    mapping: list[str | None]
    start_date: str
    rows: list[RowResult] = field(default_factory=list)
    villages: dict[str, PlannedVillage] = field(default_factory=dict)
    teams: dict[str, PlannedTeam] = field(default_factory=dict)
    people: list[PlannedPerson] = field(default_factory=list)
    memberships: list[PlannedMembership] = field(default_factory=list)

    @property
    def headers(self) -> list[Any]:
        """The header row's cells."""
        return self.table.rows[self.header_index][1]

    def count(self, *verdicts: Verdict) -> int:
        """How many rows have one of these verdicts."""
        return sum(1 for row in self.rows if row.verdict in verdicts)

    def new_villages(self) -> list[PlannedVillage]:
        """Villages to create: only those a team that is written needs."""
        used = {self.teams[key].village for key in self._used_teams()}
        return [v for v in self.villages.values() if v.id is None and v.key in used]

    def new_teams(self) -> list[PlannedTeam]:
        """Teams to create: only those a written membership needs."""
        return [self.teams[key] for key in self._used_teams() if self.teams[key].id is None]

    def _used_teams(self) -> list[str]:
        return list(dict.fromkeys(m.team for m in self.memberships))

    def counts(self) -> dict[str, int]:
        """What applying the plan writes: new villages, teams, people, people updated, memberships."""
        existing = {m.person for m in self.memberships if self.people[m.person].id} | {
            i for i, p in enumerate(self.people) if p.id and p.updates
        }
        return {
            "villages": len(self.new_villages()),
            "teams": len(self.new_teams()),
            "people": sum(1 for p in self.people if p.id is None),
            "updated": len(existing),
            "memberships": len(self.memberships),
        }

    def write_invalid_rows(self, path: Path | str) -> int:
        """Save the rows with errors, under the file's own header plus a "Lỗi" column, to fix and import again."""
        # A "Lỗi" column of an earlier round is dropped: the new one says what is still wrong.
        keep = [i for i, h in enumerate(self.headers) if fold(cell_text(h)) != "loi"]
        width = max([len(self.headers), *(len(r.cells) for r in self.rows)])
        keep += range(len(self.headers), width)
        rows: list[tuple[list[Any], str | None]] = []
        section = None
        for row in self.rows:
            cells = [row.cells[i] if i < len(row.cells) else None for i in keep]
            if row.verdict is Verdict.SECTION:
                section = cells
            elif row.verdict is Verdict.ERROR:
                if section is not None:  # the team title goes along, so the fixed rows land in the same team
                    rows.append((section, None))
                    section = None
                rows.append((cells, row.message.vi.removeprefix("Lỗi: ")))
        write_rows(Path(path), [self.headers[i] if i < len(self.headers) else "" for i in keep], rows, "Lỗi")
        return self.count(Verdict.ERROR)


@dataclass
class ImportResult:
    """What apply_plan wrote, and the change-log range it wrote (for undo)."""

    counts: dict[str, int]
    first_seq: int
    last_seq: int
