"""The map page's elements: branca elements that place data, settings and assets in the page.

The page's JavaScript is plain files under ``layers/web/js`` bundled into one script
(``js/dist/map.js``); what Python puts in the page is data and settings, as JSON. Each part of
the map (a layer, a panel, a control) is one :class:`Part` here and one module there, joined by
its name; the browser starts the parts in the order their modules declare, whatever the order
in which Python added them.
"""

from __future__ import annotations

from functools import cache
from html import escape

from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from layers.paths import TEMPLATES
from layers.web.payload import script_json


@cache
def template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


class Raw(Element):
    """Text placed in the page as it is.

    branca's MacroElement wraps each rendered macro in ``Element(text)``, which treats the text
    as a Jinja template and renders it again: ``{{ 7*7 }}`` in a country's name would become
    49, and worse. Our output carries data, so it goes in raw.
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class Page(Figure):
    """The whole document: a language, a viewport that allows zooming, one script at the end."""

    def __init__(self, title: str, lang: str = "en"):
        super().__init__()
        self._template = template("page.html.j2")
        self.page_title, self.lang = title, lang


class Placed(MacroElement):
    """An element that adds text to the page's header, body or script (at most one each)."""

    def parts(self) -> dict[str, str]:
        return {}

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for section, text in self.parts().items():
            getattr(figure, section).add_child(Raw(text), name=self.get_name())


def json_script(value, **attributes: str) -> str:
    """A ``<script type="application/json">`` element the page's code reads with JSON.parse."""
    attrs = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attributes.items())
    return f'<script type="application/json"{attrs}>{script_json(value)}</script>'


class Part(Placed):
    """One part of the map (``layers/web/js``: the module whose ``name`` is *part*), with its
    settings as JSON."""

    part: str = ""

    def settings(self) -> dict:
        return {}

    def parts(self) -> dict[str, str]:
        return {"html": json_script(self.settings(), data_mbt_part=self.part)}
