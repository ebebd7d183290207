"""The belt in numbers, on the map: kilometres of border with Russia and Belarus along the
States leaving the Convention (published and measured, labelled), a bar per State that grows as
it joins the belt, and their population. Ukraine's borders are listed apart, as contested."""

from __future__ import annotations

from layers.web.element import TemplateElement


class BeltPanel(TemplateElement):
    template_name = "beltstats.js.j2"
