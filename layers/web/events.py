"""The events around the day, with sources: a list on the map for the single-file export (in the
app, the page shows the same list beside the map)."""

from __future__ import annotations

from layers.web.element import TemplateElement


class EventsPanel(TemplateElement):
    template_name = "events.js.j2"

    def __init__(self, before: int = 4, after: int = 2):
        super().__init__()
        self.before, self.after = before, after
