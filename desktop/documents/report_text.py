"""The commune report in words: periods as the paperwork names them, figures and changes as the reports view
shows them, and the sentences of the assessment and the tasks ahead. No layout here (see report.py)."""

from __future__ import annotations

from desktop.documents.charts import number_text
from desktop.store import stats
from desktop.store.stats import CommuneReport, Period, ReportRow
from sync.dates import display_date
from sync.text import fold

# The reports view's words for each indicator (desktop/ui/views/reports.py, INDICATOR_LABELS).
INDICATOR_LABELS = {
    stats.TEAMS: "Số tổ công nghệ số cộng đồng đang hoạt động",
    stats.MEMBERS: "Số thành viên các tổ",
    stats.VILLAGES_COVERED: "Số thôn, tổ dân phố có tổ",
    stats.SESSIONS: "Số buổi hỗ trợ",
    stats.CITIZENS: "Số người dân được hỗ trợ, trong đó:",
    stats.HOUSEHOLDS_5SKILLS: "Số hộ gia đình đạt 5 kỹ năng số cơ bản",
}
QUARTERS = ("I", "II", "III", "IV")


# ----- periods and figures in words -----


def _months(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _month(month: int) -> str:
    # The decree's date rule: months 1 and 2 take a leading zero ("tháng 02 năm 2026", "tháng 3 năm 2026").
    return f"{month:02d}" if month < 3 else str(month)


def period_name(period: Period) -> str:
    """The period as the subject line says it: "tháng 02 năm 2026", "quý I năm 2026", "năm 2025", "từ ngày …"."""
    start, end = period.start, period.end
    if period.is_whole_months():
        months = _months(period)
        if months == 1:
            return f"tháng {_month(start.month)} năm {start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"quý {QUARTERS[start.month // 3]} năm {start.year}"
        if months == 6 and start.month in (1, 7):
            return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
        if months == 12 and start.month == 1:
            return f"năm {start.year}"
        return f"từ tháng {start.month:02d}/{start.year} đến tháng {end.month:02d}/{end.year}"
    if start == end:
        return f"ngày {display_date(start)}"
    return f"từ ngày {display_date(start)} đến ngày {display_date(end)}"


def period_short(period: Period) -> str:
    """The period in a table header or after "so với": "tháng 01/2026", "quý IV/2025", "năm 2025"."""
    start, end = period.start, period.end
    if period.is_whole_months():
        months = _months(period)
        if months == 1:
            return f"tháng {start.month:02d}/{start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"quý {QUARTERS[start.month // 3]}/{start.year}"
        if months == 12 and start.month == 1:
            return f"năm {start.year}"
        if months == 6 and start.month in (1, 7):
            return period_name(period)
        return f"tháng {start.month:02d}/{start.year} – {end.month:02d}/{end.year}"
    if start == end:
        return display_date(start)
    return f"{display_date(start)} – {display_date(end)}"


def compared_name(period: Period, compared: Period) -> str:
    """What the figures are compared with, after "so với": "tháng 01/2026", "cùng kỳ tháng 02/2026"…"""
    whole = period.previous()
    named = whole.is_whole_months() and "–" not in period_short(whole)
    if compared == whole:
        return period_short(whole) if named else f"kỳ trước ({period_short(whole)})"
    return f"cùng kỳ {period_short(whole)}" if named else f"kỳ trước ({period_short(compared)})"


def change_words(change: float | None) -> str:
    """A change in words as the reports view says it: "tăng 90%", "giảm 10%", "không đổi", "—"."""
    if change is None:
        return "—"
    if change == 0:
        return "không đổi"
    size = abs(change)
    # Whole percents, but a small change is not rounded away to "0%".
    shown = f"{size:.1f}".replace(".", ",") if size < 1 else str(round(size))
    return f"{'tăng' if change > 0 else 'giảm'} {shown}%"


def figure_words(value: int, whole: int | None) -> str:
    """One figure, or a part of a whole with its percentage ("12/15 (80%)"), as the reports view shows it."""
    if whole is None:
        return number_text(value)
    if not whole:
        return "chưa có số liệu"
    return f"{number_text(value)}/{number_text(whole)} ({round(100 * value / whole)}%)"


def indicator_cells(row: ReportRow) -> list[str]:
    """An indicator's four cells: its name, this period, the previous one, the change."""
    name = f"– {row.name}" if row.key == stats.CATEGORY else INDICATOR_LABELS[row.key]
    return [
        name,
        figure_words(row.current, row.whole),
        figure_words(row.previous, row.previous_whole),
        change_words(row.change),
    ]


# ----- sentences -----


def _row(report: CommuneReport, key: str) -> ReportRow:
    return next(row for row in report.rows if row.key == key)


def _versus(row: ReportRow, compared: str) -> str:
    if row.change is None:
        return ""
    return f" ({change_words(row.change)} so với {compared})"


def assessment(report: CommuneReport, period: Period) -> list[str]:
    """Sentences that sum up the period: teams and coverage, work done against the previous period, households."""
    compared = compared_name(period, report.previous_period)
    teams, members = _row(report, stats.TEAMS), _row(report, stats.MEMBERS)
    villages = _row(report, stats.VILLAGES_COVERED)
    first = (
        f"Trong {period_name(period)}, trên địa bàn xã có {number_text(teams.current)} Tổ công nghệ số cộng đồng "
        f"với {number_text(members.current)} thành viên"
    )
    if villages.whole:
        first += (
            f"; {number_text(villages.current)}/{number_text(villages.whole)} thôn, tổ dân phố đã có tổ"
            f" ({round(100 * villages.current / villages.whole)}%)"
        )
        missing = villages.whole - villages.current
        first += f", còn {number_text(missing)} thôn, tổ dân phố chưa có tổ." if missing else "."
    else:
        first += "."
    sessions, citizens = _row(report, stats.SESSIONS), _row(report, stats.CITIZENS)
    if sessions.current:
        second = (
            f"Các tổ đã tổ chức {number_text(sessions.current)} buổi hỗ trợ{_versus(sessions, compared)}, "
            f"hướng dẫn, hỗ trợ {number_text(citizens.current)} lượt người dân{_versus(citizens, compared)}"
        )
    else:
        second = "Trong kỳ, các tổ chưa tổ chức buổi hỗ trợ nào"
    # "Khác" (other) says nothing about where the work went, so it is not named among the busiest.
    named = (r for r in report.rows if r.key == stats.CATEGORY and r.current and fold(r.name) != "khac")
    busiest = sorted(named, key=lambda r: -r.current)[:3]
    if busiest:
        second += "; các lĩnh vực được hỗ trợ nhiều nhất: " + "; ".join(
            f"{row.name} ({number_text(row.current)} lượt)" for row in busiest
        )
    sentences = [first, second + "."]
    homes = _row(report, stats.HOUSEHOLDS_5SKILLS)
    if homes.whole:
        sentences.append(
            "Số hộ gia đình có ít nhất một người thành thạo 5 kỹ năng số cơ bản: "
            f"{number_text(homes.current)}/{number_text(homes.whole)} hộ ({round(100 * homes.current / homes.whole)}%)"
            f"{_versus(homes, compared)}."
        )
    else:
        sentences.append("Chưa có số liệu khảo sát số hộ gia đình đạt 5 kỹ năng số cơ bản.")
    idle = [team.name for team in report.teams if team.active and not team.sessions]
    if idle and sessions.current:  # with no session at all, the sentence above already says it
        names = ": " + "; ".join(idle) if len(idle) <= 5 else ""
        sentences.append(f"Còn {number_text(len(idle))} tổ chưa tổ chức buổi hỗ trợ nào trong kỳ{names}.")
    return sentences


def directions(report: CommuneReport) -> list[str]:
    """The tasks ahead, from what the figures show; the commune adds its own on the dotted lines."""
    lines = [
        "- Tiếp tục duy trì hoạt động thường xuyên của các Tổ công nghệ số cộng đồng; hướng dẫn người dân sử dụng "
        "dịch vụ công trực tuyến, định danh điện tử VNeID, thanh toán không dùng tiền mặt và các nền tảng số."
    ]
    villages = _row(report, stats.VILLAGES_COVERED)
    if villages.whole and villages.current < villages.whole:
        lines.append(
            f"- Kiện toàn, thành lập Tổ công nghệ số cộng đồng ở {number_text(villages.whole - villages.current)} "
            "thôn, tổ dân phố chưa có tổ."
        )
    idle = sum(1 for team in report.teams if team.active and not team.sessions)
    if idle:
        lines.append(
            f"- Đôn đốc, hỗ trợ {number_text(idle)} tổ chưa tổ chức buổi hỗ trợ nào trong kỳ sớm đi vào hoạt động."
        )
    homes = _row(report, stats.HOUSEHOLDS_5SKILLS)
    reached = f" (hiện đạt {round(100 * homes.current / homes.whole)}%)" if homes.whole else ""
    lines.append(
        f"- Phấn đấu mỗi hộ gia đình có ít nhất một người thành thạo 5 kỹ năng số cơ bản{reached}; đẩy mạnh "
        "phong trào “Bình dân học vụ số”."
    )
    return lines
