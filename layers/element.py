"""The base of every map element: a folium MacroElement with one Jinja template file."""

from __future__ import annotations

from functools import cache

from branca.element import MacroElement
from folium.template import Template

from layers.paths import TEMPLATES


@cache
def template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


class TemplateElement(MacroElement):
    """A MacroElement whose template is ``layers/templates/<template_name>``.

    Elements talk to each other through the map: the playback control fires ``mbt:day`` with
    the day number, and each layer redraws what that day changes.
    """

    template_name: str = ""

    def __init__(self):
        super().__init__()
        self._name = type(self).__name__
        self._template = template(self.template_name)
