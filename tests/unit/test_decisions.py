"""Decisions in the store: numbering, the checks before issuing, the frozen snapshot, and issued means issued."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.store import decisions, stats
from desktop.store import settings as commune_settings
from desktop.store import teams as team_life
from desktop.store.rules import ISSUED_NOT_DELETABLE, ISSUED_NOT_EDITABLE
from desktop.store.store import StoreError
from sync.records import RecordInvalid
from tests.documents.decision_fixtures import CHAIRMAN, VICE_CHAIRMAN, add_decision, build_commune


@pytest.fixture
def commune() -> Any:
    """xã Tân Thành with three village teams, a one-team draft (07/2026) and a three-team draft (08/2026)."""
    result = build_commune()
    add_decision(result, "one", ["Nà Phái"])
    add_decision(result, "three", ["Nà Phái", "Khòn Pát", "Bản Chang"], number=8)
    return result


def _messages(error: pytest.ExceptionInfo[RecordInvalid]) -> list[str]:
    return [problem.vi for problem in error.value.errors]


# ----- numbers -----


def test_numbers_restart_each_year_and_skip_deleted(commune: Any) -> None:
    store = commune.store
    assert decisions.number_text(7) == "07/QĐ-UBND" and decisions.number_text(12) == "12/QĐ-UBND"
    assert decisions.next_number(store, 2026) == 9
    assert decisions.next_number(store, 2025) == 1  # numbering restarts at 01 each 1 January
    store.delete("decisions", commune.decisions["three"])
    assert decisions.next_number(store, 2026) == 8
    # stats keeps the old names for its callers.
    assert stats.next_decision_number is decisions.next_number
    assert stats.decisions_numbered is decisions.decisions_numbered


def test_a_taken_number_is_detected(commune: Any) -> None:
    store, one = commune.store, commune.decisions["one"]
    assert decisions.number_taken(store, 2026, 7)
    assert not decisions.number_taken(store, 2026, 7, exclude_id=one)  # the decision being edited
    assert not decisions.number_taken(store, 2025, 7)
    assert not decisions.number_taken(store, 2026, 9)
    store.delete("decisions", one)
    assert not decisions.number_taken(store, 2026, 7)


# ----- issuing -----


def test_issuing_freezes_the_snapshot_through_the_change_log(commune: Any) -> None:
    store, decision_id = commune.store, commune.decisions["three"]
    issued = decisions.issue_decision(store, decision_id)
    assert issued["status"] == "issued"
    snapshot = issued["snapshot"]
    assert store.require("decisions", decision_id)["snapshot"] == snapshot
    assert snapshot["number_text"] == "08/QĐ-UBND" and snapshot["date"] == "2026-02-05"
    assert snapshot["commune"]["full_name"] == "xã Tân Thành" and snapshot["commune"]["code"] == "06445"
    assert snapshot["signer"] == {
        "name": CHAIRMAN,
        "title": "Chủ tịch",
        "mode": "TM",
        "authority": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    }
    assert snapshot["subject"] == "Về việc thành lập các Tổ công nghệ số cộng đồng trên địa bàn xã Tân Thành"
    assert snapshot["authority"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN THÀNH"
    assert snapshot["articles"][0][0].startswith("Thành lập 03 Tổ công nghệ số cộng đồng trên địa bàn xã Tân Thành")
    assert snapshot["recipients"][0] == "- Như Điều 3;" and snapshot["recipients"][-1] == "- Lưu: VT."
    assert [t["designation"] for t in snapshot["teams"]] == [
        "Tổ công nghệ số cộng đồng thôn Bản Chang",
        "Tổ công nghệ số cộng đồng thôn Khòn Pát",
        "Tổ công nghệ số cộng đồng thôn Nà Phái",
    ]
    na_phai = snapshot["teams"][2]["members"]
    assert [m["full_name"] for m in na_phai] == [
        "Lường Văn Đức",  # leader first, deputy next, then Vietnamese name order
        "Hoàng Thị Ánh",
        "Vi Văn Hùng",
        "Nông Văn Quyết",
        "Triệu Thị Như Quỳnh",
    ]
    assert na_phai[0] | {"person_id": ""} == {
        "person_id": "",
        "full_name": "Lường Văn Đức",
        "position": "Trưởng thôn Nà Phái",
        "role": "to_truong",
        "role_label": "Tổ trưởng",
        "phone": "0912 345 678",
        "notes": "",
    }
    # Logged like any edit (so history shows it and undo can replay it); the settings' signer is written down.
    history = store.history("decisions", decision_id)
    assert history[-1]["fields"]["status"] == ["draft", "issued"]
    assert store.require("decisions", decision_id)["signer_name"] == CHAIRMAN
    # A founding decision becomes its teams' founding decision.
    assert {store.require("teams", t)["founding_decision_id"] for t in commune.teams.values()} == {decision_id}


def test_legal_bases_and_proposal_are_normalised(commune: Any) -> None:
    store = commune.store
    store.update(
        "decisions",
        commune.decisions["one"],
        {
            "legal_bases": ["Căn cứ Luật A.", "Căn cứ Luật B;;", "Căn cứ Kế hoạch năm {year};"],
            "proposal": "Theo đề nghị của Trưởng thôn Nà Phái.",
        },
    )
    snapshot = decisions.build_snapshot(store, store.require("decisions", commune.decisions["one"]))
    assert snapshot["legal_bases"] == ["Căn cứ Luật A;", "Căn cứ Luật B;", "Căn cứ Kế hoạch năm 2026."]
    assert snapshot["proposal"] == "Theo đề nghị của Trưởng thôn Nà Phái."


def test_kt_signing_uses_the_vice_chairman(commune: Any) -> None:
    store = commune.store
    store.update("decisions", commune.decisions["one"], {"sign_mode": "KT"})
    snapshot = decisions.build_snapshot(store, store.require("decisions", commune.decisions["one"]))
    assert snapshot["signer"]["name"] == VICE_CHAIRMAN
    assert snapshot["signer"]["authority"] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_issuing_says_every_missing_thing_in_vietnamese(commune: Any) -> None:
    store = commune.store
    commune_settings.put(store, commune_settings.CHAIRMAN_NAME, "")
    commune_settings.put_legal_bases(store, [])
    village = store.insert("villages", {"name": "Đồng Ý", "kind": "thon"})
    empty = store.insert("teams", {"name": "Tổ công nghệ số cộng đồng thôn Đồng Ý", "village_id": village["id"]})
    store.update("decisions", commune.decisions["one"], {"date": None, "team_ids": [empty["id"]]})
    commune_settings.put(store, commune_settings.LEGAL_BASES, "[]")
    with pytest.raises(RecordInvalid) as error:
        decisions.issue_decision(store, commune.decisions["one"])
    fields = {problem.field for problem in error.value.errors}
    assert fields == {"signer_name", "date", "team_ids", "legal_bases"}
    text = " ".join(_messages(error))
    assert "Chưa có họ tên người ký" in text and "Chưa có ngày ký" in text
    assert "Tổ “Tổ công nghệ số cộng đồng thôn Đồng Ý” không có thành viên nào" in text
    assert "chưa có căn cứ pháp lý" in text
    assert store.require("decisions", commune.decisions["one"])["status"] == "draft"  # nothing was written


def test_a_decision_without_teams_or_with_an_issued_number_is_refused(commune: Any) -> None:
    store = commune.store
    decisions.issue_decision(store, commune.decisions["one"])
    twin = add_decision(commune, "twin", ["Khòn Pát"])  # 07/2026 again
    with pytest.raises(RecordInvalid) as error:
        decisions.issue_decision(store, twin)
    assert _messages(error) == [
        "Số 07/QĐ-UBND năm 2026 đã dùng cho quyết định ban hành ngày 05/02/2026; hãy chọn số khác."
    ]
    store.update("decisions", twin, {"number": 9, "team_ids": []})
    with pytest.raises(RecordInvalid, match="chưa có tổ nào"):
        decisions.issue_decision(store, twin)


def test_an_issued_decision_cannot_be_issued_edited_or_deleted(commune: Any) -> None:
    store, decision_id = commune.store, commune.decisions["one"]
    decisions.issue_decision(store, decision_id)
    with pytest.raises(StoreError, match="đã được ban hành"):
        decisions.issue_decision(store, decision_id)
    for change in ({"signer_name": "Người Khác"}, {"status": "draft"}, {"number": 30}, {"snapshot": None}):
        with pytest.raises(RecordInvalid) as error:
            store.update("decisions", decision_id, change)
        assert _messages(error) == [ISSUED_NOT_EDITABLE]
    with pytest.raises(RecordInvalid) as error:
        store.delete("decisions", decision_id)
    assert _messages(error) == [ISSUED_NOT_DELETABLE]
    assert ISSUED_NOT_EDITABLE == "Quyết định đã ban hành không thể sửa; hãy ban hành quyết định mới để thay thế."
    decision = store.require("decisions", decision_id)
    assert decision["status"] == "issued" and not decision["deleted"]
    assert store.update("decisions", decision_id, {"signer_name": decision["signer_name"]}) == decision  # no change


def test_issuing_can_be_undone_by_replaying_the_change_log(commune: Any) -> None:
    """What Ctrl+Z does right after "Ban hành": the logged changes applied backwards, newest first."""
    store, decision_id = commune.store, commune.decisions["one"]
    before = store.db.execute("SELECT max(seq) FROM changes").fetchone()[0]
    decisions.issue_decision(store, decision_id)
    changes = store.db.query("SELECT * FROM changes WHERE seq > ? ORDER BY seq DESC", [before])
    with store.transaction():
        for change in changes:
            fields = json.loads(change["fields"])
            store.update(change["record_type"], change["record_id"], {k: v[0] for k, v in fields.items()})
    decision = store.require("decisions", decision_id)
    assert decision["status"] == "draft" and decision["snapshot"] is None and decision["signer_name"] is None
    assert store.require("teams", commune.teams["Nà Phái"])["founding_decision_id"] is None
    store.update("decisions", decision_id, {"signer_name": "Lại sửa được"})  # a draft again


def test_supersede_drafts_a_restructuring_decision(commune: Any) -> None:
    store = commune.store
    with pytest.raises(StoreError, match="Chỉ thay thế được quyết định đã ban hành"):
        decisions.supersede(store, commune.decisions["one"])
    decisions.issue_decision(store, commune.decisions["three"])
    team_life.dissolve_team(store, commune.teams["Bản Chang"], "2026-02-20")
    commune_settings.put(store, commune_settings.CHAIRMAN_NAME, "Chủ Tịch Mới")
    draft = decisions.supersede(store, commune.decisions["three"])
    assert draft["kind"] == "restructuring" and draft["status"] == "draft"
    assert (draft["number"], draft["year"], draft["date"]) == (9, 2026, "2026-03-01")
    assert set(draft["team_ids"]) == {commune.teams["Nà Phái"], commune.teams["Khòn Pát"]}  # not the dissolved one
    assert draft["signer_name"] == "Chủ Tịch Mới"  # today's chairman signs the new decision
    assert draft["legal_bases"][-1] == "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2026."
    snapshot = decisions.build_snapshot(store, draft)
    assert snapshot["subject"] == "Về việc kiện toàn các Tổ công nghệ số cộng đồng trên địa bàn xã Tân Thành"
    assert snapshot["articles"][0][0].startswith("Kiện toàn 02 Tổ công nghệ số cộng đồng")


def test_the_roster_is_read_on_the_decision_date(commune: Any) -> None:
    store = commune.store
    newcomer = store.insert("people", {"full_name": "Đàm Văn Mới"})
    team_life.add_member(store, commune.teams["Nà Phái"], newcomer["id"], "thanh_vien", "2026-02-10")
    decision = store.require("decisions", commune.decisions["one"])
    names = [m["full_name"] for m in decisions.build_snapshot(store, decision)["teams"][0]["members"]]
    assert "Đàm Văn Mới" not in names and len(names) == 5
    later = {**decision, "date": "2026-02-10"}
    assert len(decisions.build_snapshot(store, later)["teams"][0]["members"]) == 6


def test_position_and_organisation_share_their_common_words() -> None:
    text = decisions.position_text
    assert text({"position": "Trưởng thôn", "organisation": "Thôn Nà Phái"}) == "Trưởng thôn Nà Phái"
    assert text({"position": "Bí thư Chi đoàn", "organisation": "Chi đoàn thôn Nà Phái"}) == (
        "Bí thư Chi đoàn thôn Nà Phái"
    )
    assert text({"position": "Giáo viên", "organisation": "Trường Tiểu học"}) == "Giáo viên, Trường Tiểu học"
    assert text({"position": "", "organisation": "Viettel Lạng Sơn"}) == "Viettel Lạng Sơn"
    assert text({"position": "Trưởng thôn", "organisation": "Thôn"}) == "Trưởng thôn"


def test_article_templates_are_editable_settings(commune: Any) -> None:
    store = commune.store
    commune_settings.put_decision_articles(store, "founding", ["Thành lập {teams} ({commune}).", "Điều {x} giữ {"])
    snapshot = decisions.build_snapshot(store, store.require("decisions", commune.decisions["one"]))
    assert snapshot["articles"] == [
        ["Thành lập Tổ công nghệ số cộng đồng thôn Nà Phái (xã Tân Thành)."],
        ["Điều {x} giữ {"],  # a brace the commune typed stays as typed
    ]
    commune_settings.put_decision_articles(store, "founding", [])
    assert commune_settings.decision_articles(store, "founding") == list(commune_settings.DEFAULT_FOUNDING_ARTICLES)


# ----- the demo commune's paperwork -----


def test_the_demo_has_issued_founding_decisions_and_a_draft_restructuring_one() -> None:
    from desktop.store.demo import create_demo
    from desktop.store.store import Store

    store = Store.in_memory()
    summary = create_demo(store, sessions=20, seed=7)
    chairman = commune_settings.get(store, commune_settings.CHAIRMAN_NAME)
    assert chairman and commune_settings.get(store, commune_settings.VICE_CHAIRMAN_NAME)
    assert commune_settings.get(store, commune_settings.DIGITAL_OFFICER_NAME)
    issued = store.rows("decisions", "status = 'issued'", order_by="date")
    drafts = store.rows("decisions", "status = 'draft'")
    assert summary.decisions == len(issued) + len(drafts) == store.count("decisions")
    first = issued[0]
    assert (first["number"], first["kind"], first["signer_name"]) == (1, "founding", chairman)
    assert len(first["team_ids"]) >= len(store.rows("teams")) // 2  # most teams were founded together
    for decision in issued:
        assert decision["snapshot"]["date"] == decision["date"]
        for team_id in decision["team_ids"]:
            team = store.require("teams", team_id)
            assert team["founded_on"] == decision["date"] and team["founding_decision_id"] == decision["id"]
    assert all(team["founding_decision_id"] for team in store.rows("teams"))
    [draft] = drafts
    assert draft["kind"] == "restructuring" and len(draft["team_ids"]) == 1
    assert draft["year"] == store.today().year and draft["number"] == decisions.next_number(store, draft["year"]) - 1
    assert decisions.problems(store, draft) == []  # it prints


def test_the_demo_decisions_are_reproducible() -> None:
    from desktop.store.demo import create_demo
    from desktop.store.store import Store

    def paperwork(seed: int) -> list[Any]:
        store = Store.in_memory()
        create_demo(store, sessions=0, seed=seed)
        rows = store.rows("decisions", order_by="year, number")
        return [
            (d["number"], d["date"], d["kind"], d["status"], d["signer_name"], len(d["team_ids"])) for d in rows
        ] + [commune_settings.get(store, commune_settings.CHAIRMAN_NAME)]

    assert paperwork(5) == paperwork(5)


def test_recipients_are_editable_and_closed_like_the_decree(commune: Any) -> None:
    store = commune.store
    commune_settings.put_decision_recipients(store, ["- Như Điều 3.", "UBND {division} Tân Thành;", "Lưu: VT, VH-XH"])
    snapshot = decisions.build_snapshot(store, store.require("decisions", commune.decisions["one"]))
    assert snapshot["recipients"] == ["- Như Điều 3;", "- UBND xã Tân Thành;", "- Lưu: VT, VH-XH."]
    commune_settings.put_decision_recipients(store, [])
    assert commune_settings.decision_recipients(store) == list(commune_settings.DEFAULT_RECIPIENTS)
