"""Bar charts for the printed report, drawn with reportlab.graphics in the document's font and printer greys."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desktop.documents.layout import FONT, ITALIC, register_fonts

# Commune offices print in black and white: mid grey bars read well and photocopy without turning to mud.
BAR_FILL = colors.Color(0.55, 0.55, 0.55)
GRID = colors.Color(0.75, 0.75, 0.75)
LABEL_SIZE = 10


def _drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose starting font is the document's: reportlab would otherwise set (and put into
    the PDF, unembedded) Helvetica before the first label."""
    return Drawing(width, height, initialFontName=FONT, initialFontSize=LABEL_SIZE)


def number_text(value: int | float) -> str:
    """A whole number grouped the Vietnamese way: 20000 -> "20.000"."""
    return f"{round(value):,}".replace(",", ".")


def _axis_top(highest: int) -> tuple[int, int]:
    """A round top for the value axis and its step (1, 2 or 5 times a power of ten), in at most 6 steps, with
    room above the tallest bar for its label."""
    wanted = max(highest * 1.08, 1)
    step = 1
    while True:
        for factor in (1, 2, 5):
            steps = math.ceil(wanted / (step * factor))
            if steps <= 6:
                return steps * step * factor, step * factor
        step *= 10


def vertical_bars(
    labels: Sequence[str], values: Sequence[int], *, width: float, height: float, unit: str = ""
) -> Drawing:
    """Bars standing on the month axis, each with its figure on top; unit names the value axis ("Số buổi")."""
    register_fonts()
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    left, bottom, top = 44, 30 if len(labels) <= 12 else 40, 22
    chart.x, chart.y = left, bottom
    chart.width, chart.height = round(width) - left - 6, round(height) - bottom - top  # whole points will do
    chart.data = [list(values)]
    _style_bars_and_values(chart, values, group_spacing=6 if len(labels) > 12 else 10)
    category_axis = chart.categoryAxis
    category_axis.categoryNames = list(labels)
    category_axis.labels.fontName, category_axis.labels.fontSize = FONT, LABEL_SIZE
    category_axis.labels.boxAnchor = "n"
    category_axis.labels.dy = -3
    if len(labels) > 12:
        category_axis.labels.angle, category_axis.labels.boxAnchor = 45, "ne"
    category_axis.strokeWidth = 0.5
    chart.barLabelFormat = number_text
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, LABEL_SIZE if len(labels) <= 12 else 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if unit:
        drawing.add(String(4, height - 12, unit, fontName=ITALIC, fontSize=LABEL_SIZE))
    return drawing


def _style_bars_and_values(chart: Any, values: Sequence[int], *, group_spacing: float) -> None:
    """Grey outlined bars and a value axis from 0 with round steps and a light grid: every chart alike."""
    chart.bars[0].fillColor = BAR_FILL
    chart.bars[0].strokeColor = colors.black
    chart.bars[0].strokeWidth = 0.4
    chart.barSpacing = 0
    chart.groupSpacing = group_spacing
    axis_top, step = _axis_top(max(values, default=0))
    value_axis = chart.valueAxis
    value_axis.valueMin, value_axis.valueMax, value_axis.valueStep = 0, axis_top, step
    value_axis.labels.fontName, value_axis.labels.fontSize = FONT, LABEL_SIZE
    value_axis.labelTextFormat = number_text
    value_axis.visibleGrid = True
    value_axis.gridStrokeColor = GRID
    value_axis.gridStrokeWidth = 0.4
    value_axis.strokeWidth = 0.5


def horizontal_bars(labels: Sequence[str], values: Sequence[int], *, width: float, label_width: float) -> Drawing:
    """One bar per named item, the names left of the bars and each figure at its bar's end; first at the top."""
    register_fonts()
    row = 20
    height = row * len(labels) + 28
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = round(label_width), 20
    chart.width, chart.height = round(width - label_width) - 50, row * len(labels)
    chart.data = [list(reversed(values))]  # the chart draws its first item at the bottom
    _style_bars_and_values(chart, values, group_spacing=6)
    category_axis = chart.categoryAxis
    category_axis.categoryNames = list(reversed(labels))
    category_axis.labels.fontName, category_axis.labels.fontSize = FONT, LABEL_SIZE
    category_axis.labels.boxAnchor = "e"
    category_axis.labels.dx = -4
    category_axis.strokeWidth = 0.5
    chart.barLabelFormat = number_text
    chart.barLabels.fontName, chart.barLabels.fontSize = FONT, LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
