"""Text from the data, made safe for the places it is shown."""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&])")


def escape_markdown(text: str) -> str:
    """*text* shown literally by a Markdown renderer: no markup, links, HTML or maths."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
