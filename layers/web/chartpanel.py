"""The history chart on the map: above the date control, its line following the date."""

from __future__ import annotations

import datetime as dt

from geodata.model import OPENED, Treaty
from layers.picture.chart import PLOT, history_svg
from layers.web.element import TemplateElement
from layers.web.payload import day_number


class HistoryChart(TemplateElement):
    template_name = "chart.js.j2"

    def __init__(self, treaty: Treaty, end: dt.date):
        super().__init__()
        self.svg = history_svg(treaty, end, marker_id="mbt-chart-now")
        self.start_day, self.end_day = day_number(OPENED), day_number(end)
        self.left, self.right = PLOT[0], PLOT[2]
