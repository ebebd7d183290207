"""The caption: the latest event on or before the day, with its source."""

from __future__ import annotations

from layers.web.element import TemplateElement


class Caption(TemplateElement):
    template_name = "caption.js.j2"
