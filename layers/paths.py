"""Where the vendored assets and the element templates are (no heavy imports here)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
TEMPLATES = Path(__file__).parent / "web" / "templates"


@cache
def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")
