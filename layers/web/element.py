"""The base of every map element: a folium MacroElement with one Jinja template file."""

from __future__ import annotations

from functools import cache

from branca.element import Element, MacroElement
from folium.template import Template

from layers.paths import TEMPLATES


@cache
def template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


class Raw(Element):
    """Text placed in the page as it is.

    branca's MacroElement wraps each rendered macro in ``Element(text)``, which treats the text
    as a Jinja template and renders it again: ``{{ 7*7 }}`` in a country's name would become
    49, and worse. Our macros' output carries data, so it goes in raw.
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class TemplateElement(MacroElement):
    """A MacroElement whose template is ``layers/web/templates/<template_name>``.

    Elements talk to each other through the map: the playback control fires ``mbt:day`` with
    the day number, and each layer redraws what that day changes.
    """

    template_name: str = ""

    def __init__(self):
        super().__init__()
        self._name = type(self).__name__
        self._template = template(self.template_name)

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for part in ("header", "html", "script"):
            macro = getattr(self._template.module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
