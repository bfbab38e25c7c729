"""Decisions: their numbers, the checks before issuing, and the frozen snapshot an issued decision prints from.

A draft prints from the records as they are; issuing freezes everything the paper says (commune, signer, texts,
teams with their members on the decision's date) into the decision's snapshot, so printing it years later gives
the same document however the roster changed. The store refuses any later edit (desktop.store.rules).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.store import settings as commune_settings
from desktop.store.describe import title as record_title
from desktop.store.store import Store, StoreError
from desktop.store.teams import active_memberships
from sync.dates import display_date, parse_date
from sync.phones import format_phone
from sync.records import ROLES, FieldError, RecordInvalid
from sync.text import collation_key, fold
from sync.units import Commune

SNAPSHOT_VERSION = 1
TEAM_WORDS = "Tổ công nghệ số cộng đồng"
_ROLE_LABELS = {choice.value: choice.vi for choice in ROLES}
_TRAILING = re.compile(r"[\s;.,:]+$")
_LEADING_DASH = re.compile(r"^[\s\-–—•+]+")


# ----- numbers -----


def number_text(number: int) -> str:
    """A decision's number as written on it: 7 -> "07/QĐ-UBND" (numbers under 10 get a leading zero)."""
    return f"{number:02d}/QĐ-UBND"


def next_number(store: Store, year: int) -> int:
    """The number the next decision of a year gets: the year's highest number plus one (it restarts at 01 each
    1 January). Deleted decisions do not count."""
    row = store.db.execute("SELECT max(number) FROM decisions WHERE deleted = 0 AND year = ?", [year]).fetchone()
    return int(row[0] or 0) + 1


def decisions_numbered(store: Store, year: int, number: int, exclude_id: str | None = None) -> list[dict[str, Any]]:
    """Decisions of a year that already carry this number (other than the one being edited)."""
    return store.rows("decisions", "year = ? AND number = ? AND id != ?", [year, number, exclude_id or ""])


def number_taken(store: Store, year: int, number: int, exclude_id: str | None = None) -> bool:
    """True when another (non-deleted) decision of that year already has this number."""
    return bool(decisions_numbered(store, year, number, exclude_id))


def decision_year(values: dict[str, Any], today: date) -> int:
    """The year a decision is numbered in: its signing date's, else this year."""
    signed = values.get("date")
    return parse_date(signed).year if signed else today.year


# ----- what a decision says, with the commune's settings filling the gaps -----


def signer(store: Store, decision: dict[str, Any]) -> tuple[str, str, str]:
    """(name, title, mode) of who signs: the decision's own, else the chairman (TM) or vice-chairman (KT)."""
    mode = decision.get("sign_mode") or "TM"
    fallback = commune_settings.VICE_CHAIRMAN_NAME if mode == "KT" else commune_settings.CHAIRMAN_NAME
    name = (decision.get("signer_name") or commune_settings.get(store, fallback)).strip()
    title = (decision.get("signer_title") or "").strip()
    if mode == "KT" and fold(title) in ("", fold("Chủ tịch")):
        title = "Phó Chủ tịch"  # "KT. Chủ tịch" means a vice-chairman signs for the chairman
    elif not title:
        title = commune_settings.get(store, commune_settings.CHAIRMAN_TITLE)
    return name, title, mode


def authority_lines(mode: str, title: str) -> list[str]:
    """The signing block's capitals: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"."""
    first = "KT. CHỦ TỊCH" if mode == "KT" else "TM. ỦY BAN NHÂN DÂN"
    return [first, title.upper()]


def legal_bases(store: Store, decision: dict[str, Any]) -> list[str]:
    """The decision's legal bases (else the commune's defaults), each ending ";" and the last "."."""
    year = str(decision.get("year") or store.today().year)
    items = decision.get("legal_bases") or commune_settings.legal_bases(store)
    return _closed([item.replace("{year}", year) for item in items], ";", ".")


def proposer(store: Store, decision: dict[str, Any]) -> str:
    """Who proposed the decision: its own proposer, else the digital officer's title from the settings."""
    who = (decision.get("proposal") or commune_settings.get(store, commune_settings.DIGITAL_OFFICER_TITLE)).strip()
    if fold(who).startswith(fold("Theo đề nghị của")):  # typed in full on the form
        who = who[len("Theo đề nghị của") :].strip()
    return _TRAILING.sub("", who)


def proposal_line(store: Store, decision: dict[str, Any]) -> str:
    """ "Theo đề nghị của Công chức Văn hóa - Xã hội." (empty when nobody is named)."""
    who = proposer(store, decision)
    return f"Theo đề nghị của {who}." if who else ""


def _closed(items: list[str], middle: str, last: str) -> list[str]:
    """Paragraphs with their closing punctuation normalised: each ends with middle, the last with last."""
    kept = [_TRAILING.sub("", item.strip()) for item in items]
    kept = [item for item in kept if item]
    return [item + (last if index == len(kept) - 1 else middle) for index, item in enumerate(kept)]


def _fill(template: str, values: dict[str, str]) -> str:
    # Plain replacement, not str.format: a brace the commune typed must not break the text.
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def _on(store: Store, decision: dict[str, Any]) -> str:
    """The day the roster is read on: the decision's date, else (an undated draft) today."""
    return str(decision.get("date") or store.today().isoformat())


def _require_commune(store: Store) -> Commune:
    commune = store.commune
    if commune is None:
        raise StoreError("Chưa chọn xã cho máy này; hãy thiết lập xã trước.", "No commune is set for this laptop.")
    return commune


# ----- checks -----


def problems(store: Store, decision: dict[str, Any], *, issuing: bool = False) -> list[FieldError]:
    """Everything missing for the decision to be printed (or, with issuing, issued), in Vietnamese."""
    errors: list[FieldError] = []
    name, _title, mode = signer(store, decision)
    if not name:
        who = "Phó Chủ tịch" if mode == "KT" else "Chủ tịch"
        errors.append(
            FieldError(
                "signer_name",
                f"Chưa có họ tên người ký quyết định. Hãy nhập họ tên {who} UBND xã trong mục Cài đặt "
                "hoặc ghi người ký trong quyết định.",
                "The decision has no signer: enter the chairman's name in Settings or on the decision.",
            )
        )
    if issuing and not decision.get("date"):
        errors.append(FieldError("date", "Chưa có ngày ký quyết định.", "The decision has no signing date."))
    team_ids = list(decision.get("team_ids") or [])
    if not team_ids:
        errors.append(
            FieldError(
                "team_ids",
                "Quyết định chưa có tổ nào; hãy chọn ít nhất một tổ.",
                "The decision names no team; choose at least one.",
            )
        )
    on = _on(store, decision)
    for team_id in team_ids:
        team = store.get("teams", team_id)
        if team is None or team["deleted"]:
            errors.append(
                FieldError(
                    "team_ids",
                    "Một tổ trong quyết định đã bị xóa; hãy bỏ chọn tổ đó.",
                    "A team of the decision was deleted.",
                )
            )
        elif not active_memberships(store, team_id, on):
            errors.append(
                FieldError(
                    "team_ids",
                    f"Tổ “{team['name']}” không có thành viên nào vào ngày {display_date(on)}; "
                    "hãy thêm thành viên hoặc bỏ chọn tổ này.",
                    f"Team “{team['name']}” has no members on {display_date(on)}.",
                )
            )
    if not legal_bases(store, decision):
        errors.append(
            FieldError(
                "legal_bases",
                "Quyết định chưa có căn cứ pháp lý; hãy nhập ít nhất một căn cứ.",
                "The decision has no legal basis.",
            )
        )
    number, year = decision.get("number"), decision.get("year")
    if issuing and isinstance(number, int) and isinstance(year, int):
        for other in decisions_numbered(store, year, number, decision.get("id")):
            if other["status"] == "issued":
                errors.append(
                    FieldError(
                        "number",
                        f"Số {number_text(number)} năm {year} đã dùng cho quyết định ban hành ngày "
                        f"{display_date(other.get('date'))}; hãy chọn số khác.",
                        f"Number {number_text(number)} of {year} is already used by an issued decision.",
                    )
                )
                break
    return errors


# ----- the snapshot: everything the paper says -----


def build_snapshot(store: Store, decision: dict[str, Any]) -> dict[str, Any]:
    """What the PDF prints, from the records as they are now: commune, signer, texts, teams and members."""
    commune = _require_commune(store)
    kind = decision.get("kind") or "founding"
    name, title, mode = signer(store, decision)
    on = _on(store, decision)
    teams = [_team(store, team_id, on, commune) for team_id in decision.get("team_ids") or []]
    teams.sort(key=lambda team: team.pop("_order"))
    several = len(teams) > 1
    on_territory = f"trên địa bàn {commune.full_name}"
    subject_teams = f"các {TEAM_WORDS} {on_territory}" if several else (teams[0]["designation"] if teams else "")
    verb = "kiện toàn" if kind == "restructuring" else "thành lập"
    officer = commune_settings.get(store, commune_settings.DIGITAL_OFFICER_TITLE).strip()
    if officer.startswith("Công chức"):
        officer = "c" + officer[1:]  # "công chức Văn hóa - Xã hội" in running text
    values = {
        "teams": f"{len(teams):02d} {TEAM_WORDS} {on_territory}" if several else subject_teams,
        "commune": commune.full_name,
        "division": commune.division,
        "officer": officer,
    }
    articles = [
        [line.strip() for line in _fill(article, values).splitlines() if line.strip()]
        for article in commune_settings.decision_articles(store, kind)
    ]
    recipients = [_LEADING_DASH.sub("", _fill(line, values)) for line in commune_settings.decision_recipients(store)]
    list_of = f"các {TEAM_WORDS} {commune.full_name}" if several else subject_teams
    return {
        "version": SNAPSHOT_VERSION,
        "commune": {
            "code": commune.code,
            "scheme": commune.scheme,
            "name": commune.name,
            "division": commune.division,
            "full_name": commune.full_name,
            "province_code": commune.province_code,
            "province_name": commune.province_name,
            "province_division": commune.province_division,
        },
        "number": decision.get("number"),
        "number_text": number_text(int(decision.get("number") or 0)),
        "year": decision.get("year"),
        "date": decision.get("date"),
        "kind": kind,
        "signer": {"name": name, "title": title, "mode": mode, "authority": authority_lines(mode, title)},
        "subject": f"Về việc {verb} {subject_teams}",
        "authority": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {commune.full_name.upper()}",
        "legal_bases": legal_bases(store, decision),
        "proposal": proposal_line(store, decision),
        "articles": articles,
        "recipients": [f"- {line}" for line in _closed(recipients, ";", ".")],
        "annex_title": f"DANH SÁCH THÀNH VIÊN {list_of.upper()}",
        "issuer_title": f"Chủ tịch UBND {commune.full_name}",
        "teams": teams,
    }


def _team(store: Store, team_id: str, on: str, commune: Commune) -> dict[str, Any]:
    team = store.require("teams", team_id)
    village = store.get("villages", team["village_id"]) if team.get("village_id") else None
    if village is not None:
        place = record_title("villages", village)  # "Thôn Nà Phái"
        designation = f"{TEAM_WORDS} {place[:1].lower()}{place[1:]}"
        number = village["name"]
        order: tuple[Any, ...] = (1, int(number) if number.isdigit() else 10**9, collation_key(number))
    else:
        place = ""
        own = fold(team["name"]).startswith(fold(TEAM_WORDS))
        designation = team["name"] if own else f"{TEAM_WORDS} {commune.full_name}"
        order = (0, 0, collation_key(designation))  # the commune's own team comes first
    members = [
        {
            "person_id": membership["person_id"],
            "full_name": membership["person"].get("full_name") or "",
            "position": position_text(membership["person"]),
            "role": membership["role"],
            "role_label": _ROLE_LABELS.get(membership["role"], membership["role"]),
            "phone": format_phone(membership["person"].get("phone") or ""),
            "notes": membership["person"].get("notes") or "",
        }
        for membership in active_memberships(store, team_id, on)
    ]
    return {
        "id": team_id,
        "name": team["name"],
        "village": place,
        "designation": designation,
        "members": members,
        "_order": order,
    }


def position_text(person: dict[str, Any]) -> str:
    """ "Chức vụ, đơn vị công tác" in one cell: "Trưởng thôn" + "Thôn Nà Phái" reads "Trưởng thôn Nà Phái"."""
    position = (person.get("position") or "").strip()
    organisation = (person.get("organisation") or "").strip()
    if not (position and organisation):
        return position or organisation
    words, org_words = position.split(), organisation.split()
    # "Bí thư Chi đoàn" + "Chi đoàn thôn Nà Phái": the shared words are written once.
    for size in range(min(len(words), len(org_words)), 0, -1):
        if [fold(w) for w in words[-size:]] == [fold(w) for w in org_words[:size]]:
            if size < len(org_words):
                return " ".join([*words, *org_words[size:]])
            return position
    return f"{position}, {organisation}"


# ----- life cycle -----


def issue_decision(store: Store, decision_id: str) -> dict[str, Any]:
    """Check a draft, freeze its snapshot and mark it issued (logged, one transaction); the issued decision.

    RecordInvalid lists what is missing; StoreError refuses a decision already issued or deleted.
    """
    with store.transaction():
        decision = store.require("decisions", decision_id)
        label = number_text(int(decision["number"]))
        if decision["deleted"]:
            raise StoreError(f"Quyết định số {label} đã bị xóa.", f"Decision {label} is deleted.")
        if decision["status"] == "issued":
            raise StoreError(f"Quyết định số {label} đã được ban hành.", f"Decision {label} is already issued.")
        errors = problems(store, decision, issuing=True)
        if errors:
            raise RecordInvalid(errors)
        # The record says what was signed, even where the commune's settings supplied it.
        name, title, _mode = signer(store, decision)
        fills: dict[str, Any] = {
            "signer_name": decision.get("signer_name") or name,
            "signer_title": decision.get("signer_title") or title,
            "legal_bases": decision.get("legal_bases") or legal_bases(store, decision),
            "proposal": decision.get("proposal") or proposer(store, decision),
        }
        decision = store.update("decisions", decision_id, fills)
        snapshot = build_snapshot(store, decision)
        issued = store.update("decisions", decision_id, {"status": "issued", "snapshot": snapshot})
        if decision["kind"] == "founding":
            for team_id in decision["team_ids"]:
                if not store.require("teams", team_id).get("founding_decision_id"):
                    store.update("teams", team_id, {"founding_decision_id": decision_id})
    return issued


def supersede(store: Store, decision_id: str) -> dict[str, Any]:
    """A new draft restructuring decision replacing an issued one, numbered next in this year.

    Its teams (those still active), signing mode and proposer come from the old decision; the signer and the
    legal bases from the commune's current settings, since officials and laws change (the 2015 local-government
    law gave way to the 2025 one), falling back to the old decision's.
    """
    with store.transaction():
        old = store.require("decisions", decision_id)
        if old["status"] != "issued" or old["deleted"]:
            raise StoreError(
                "Chỉ thay thế được quyết định đã ban hành; dự thảo thì sửa trực tiếp.",
                "Only an issued decision can be replaced; edit a draft directly.",
            )
        today = store.today()
        mode = old.get("sign_mode") or "TM"
        current = signer(store, {"sign_mode": mode})
        name, title = (current[0], current[1]) if current[0] else (old.get("signer_name"), old.get("signer_title"))
        teams = [
            team_id
            for team_id in old.get("team_ids") or []
            if (team := store.get("teams", team_id)) and not team["deleted"] and team["status"] == "active"
        ]
        bases = [item.replace("{year}", str(today.year)) for item in commune_settings.legal_bases(store)]
        return store.insert(
            "decisions",
            {
                "number": next_number(store, today.year),
                "year": today.year,
                "date": today.isoformat(),
                "kind": "restructuring",
                "sign_mode": mode,
                "signer_name": name,
                "signer_title": title,
                "legal_bases": bases or old.get("legal_bases") or [],
                "proposal": old.get("proposal"),
                "team_ids": teams,
                "status": "draft",
            },
        )
