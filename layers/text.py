"""Text from the data, made safe for the places it is shown."""

from __future__ import annotations

import re
import unicodedata

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&])")


def escape_markdown(text: str) -> str:
    """*text* shown literally by a Markdown renderer: no markup, links, HTML or maths."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def shortened(text: str, limit: int = 40) -> str:
    """*text* cut to *limit* characters with "..." (a value quoted back in a note)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def folded(text: str) -> str:
    """*text* as a search compares it: accents, apostrophes and case ignored ("Cote d'Ivoire"
    finds "Côte d’Ivoire"); the map's own search folds the same way (js/core/search.js)."""
    decomposed = unicodedata.normalize("NFD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", re.sub("['’ʼ`]", "", bare)).split()).lower()
