"""The choropleth: every map unit filled by its status, recoloured in the browser by day."""

from __future__ import annotations

from layers.web.element import TemplateElement


class StatusLayer(TemplateElement):
    """Country shapes (and points for the smallest) with tooltips, styled from STATUS_STYLE.

    The shapes come from the page's data (``MBT.data.countries``), sent once; a date change only
    restyles the units whose status changed.
    """

    template_name = "status.js.j2"
