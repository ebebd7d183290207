"""The legend: every status with its swatch and the count of States in it on the day."""

from __future__ import annotations

from layers.web.element import TemplateElement


class Legend(TemplateElement):
    template_name = "legend.js.j2"
