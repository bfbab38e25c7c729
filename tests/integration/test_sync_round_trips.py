"""What one sync costs in requests on a 3G link: nothing pushed comes back, conflicts are asked for only when new."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import main as toso
from desktop.store import Store
from tests.integration.fault_proxy import fault_proxy

if TYPE_CHECKING:
    from tests.server.harness import ProvinceServer

COMMUNE = "06040"  # xã Thất Khê, Lạng Sơn


def test_an_incremental_sync_is_three_requests_and_a_conflict_adds_the_fourth(
    province_server: ProvinceServer, tmp_path: Path
) -> None:
    ours, theirs = tmp_path / "may-xa", tmp_path / "may-thon"
    with fault_proxy(province_server.url) as proxy:
        for folder in (ours, theirs):
            code = province_server.enroll(COMMUNE)
            assert toso(["enroll", "--server", proxy.url, "--code", code, "--data-dir", str(folder)]) == 0
            assert toso(["sync", "--data-dir", str(folder)]) == 0
        with Store.open(ours, automatic_backup=False) as store:
            village = store.insert("villages", {"name": "Nà Phái", "kind": "thon", "households": 120})["id"]
        before = proxy.counters.requests
        assert toso(["sync", "--data-dir", str(ours)]) == 0
        assert proxy.counters.requests - before == 3  # push, pull (nothing: it is ours), summary

        assert toso(["sync", "--data-dir", str(theirs)]) == 0
        for folder, households in ((theirs, 125), (ours, 130)):  # both edit it; ours arrives last and wins
            with Store.open(folder, automatic_backup=False) as store:
                store.update("villages", village, {"households": households})
        assert toso(["sync", "--data-dir", str(theirs)]) == 0
        before = proxy.counters.requests
        assert toso(["sync", "--data-dir", str(ours)]) == 0
        assert proxy.counters.requests - before == 4  # …and the new conflict is fetched for "Cần xem lại"
    with Store.open(ours, automatic_backup=False) as store:
        assert store.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 1
