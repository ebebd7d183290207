"""The belt: land borders with Russia and Belarus of States leaving the Convention."""

from __future__ import annotations

from layers.web.element import TemplateElement


class BeltLayer(TemplateElement):
    """A bold line along each border whose State has announced, notified or completed
    withdrawal on the day; dashed while the State's status is a contested suspension (Ukraine).
    """

    template_name = "belt.js.j2"
